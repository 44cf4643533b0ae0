//! One HTTP request: reqwest with rustls, gzip and brotli; redirects are not followed here
//! (the crawler checks every target against robots.txt and the source's patterns first);
//! connect, read and total time-outs; the body limit enforced while streaming, after
//! decompression, so neither an endless body nor a gzip bomb gets further than the limit.

use std::time::Duration;

/// A complete answer.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Retry-After in seconds (delta-seconds or an HTTP date).
    pub fn retry_after(&self) -> Option<Duration> {
        let v = self.header("retry-after")?.trim();
        if let Ok(s) = v.parse::<u64>() {
            return Some(Duration::from_secs(s));
        }
        let when = chrono::DateTime::parse_from_rfc2822(v).ok()?;
        let secs = (when.timestamp() - chrono::Utc::now().timestamp()).max(0);
        Some(Duration::from_secs(secs as u64))
    }
}

/// Why no complete answer came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    Timeout,
    Connect(String),
    TooLarge(u64),
    Other(String),
}

impl Error {
    /// Worth another try later.
    pub fn transient(&self) -> bool {
        matches!(self, Error::Timeout | Error::Connect(_) | Error::Other(_))
    }

    /// A short reason, the same for all failures of its kind (for the summary).
    pub fn reason(&self) -> String {
        match self {
            Error::Timeout => "time-out".into(),
            Error::Connect(_) => "connection failed".into(),
            Error::TooLarge(max) => format!("body over {max} bytes"),
            Error::Other(_) => "transfer failed".into(),
        }
    }
}

pub struct Limits {
    pub connect_timeout: Duration,
    pub read_timeout: Duration,
    pub total_timeout: Duration,
    pub max_body: u64,
}

/// `avhopp/VERSION (+CONTACT)`: the contact is `[crawl] contact`, by default the
/// package's repository URL.
pub fn user_agent(contact: &str) -> String {
    let contact = if contact.is_empty() {
        env!("CARGO_PKG_REPOSITORY")
    } else {
        contact
    };
    if contact.is_empty() {
        format!("avhopp/{}", env!("CARGO_PKG_VERSION"))
    } else {
        format!("avhopp/{} (+{contact})", env!("CARGO_PKG_VERSION"))
    }
}

pub fn client(limits: &Limits, agent: &str) -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .user_agent(agent)
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(limits.connect_timeout)
        .read_timeout(limits.read_timeout)
        .timeout(limits.total_timeout)
        .gzip(true)
        .brotli(true)
        .build()
}

fn classify(e: &reqwest::Error) -> Error {
    if e.is_timeout() {
        Error::Timeout
    } else if e.is_connect() {
        Error::Connect(e.to_string())
    } else {
        let mut msg = e.to_string();
        let mut src = std::error::Error::source(e);
        while let Some(s) = src {
            msg.push_str(": ");
            msg.push_str(&s.to_string());
            src = s.source();
        }
        if msg.to_ascii_lowercase().contains("timed out") {
            Error::Timeout
        } else {
            Error::Other(msg)
        }
    }
}

/// Fetches `url` once, conditionally when validators are given.
pub async fn get(
    client: &reqwest::Client,
    url: &str,
    etag: Option<&str>,
    last_modified: Option<&str>,
    limits: &Limits,
) -> Result<Response, Error> {
    let work = async {
        let mut req = client.get(url);
        if let Some(e) = etag {
            req = req.header(reqwest::header::IF_NONE_MATCH, e);
        }
        if let Some(lm) = last_modified {
            req = req.header(reqwest::header::IF_MODIFIED_SINCE, lm);
        }
        let mut resp = req.send().await.map_err(|e| classify(&e))?;
        if let Some(len) = resp.content_length() {
            // Only when the length is that of the body as it will be read (not compressed).
            if len > limits.max_body && resp.headers().get("content-encoding").is_none() {
                return Err(Error::TooLarge(limits.max_body));
            }
        }
        let status = resp.status().as_u16();
        let headers = resp
            .headers()
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let mut body = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(|e| classify(&e))? {
            if (body.len() + chunk.len()) as u64 > limits.max_body {
                return Err(Error::TooLarge(limits.max_body));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Response {
            status,
            headers,
            body,
        })
    };
    // reqwest's own total time-out covers the body too; this one is a backstop.
    match tokio::time::timeout(limits.total_timeout + Duration::from_secs(1), work).await {
        Ok(r) => r,
        Err(_) => Err(Error::Timeout),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        let r = |v: &str| Response {
            status: 429,
            headers: vec![("Retry-After".into(), v.into())],
            body: Vec::new(),
        };
        assert_eq!(r("7").retry_after(), Some(Duration::from_secs(7)));
        let soon = (chrono::Utc::now() + chrono::Duration::seconds(30)).to_rfc2822();
        let d = r(&soon).retry_after().unwrap();
        assert!(
            d <= Duration::from_secs(30) && d >= Duration::from_secs(28),
            "{d:?}"
        );
        assert_eq!(r("soon").retry_after(), None);
        assert!(user_agent("https://example.se/avhopp").starts_with("avhopp/"));
        assert!(user_agent("https://example.se/avhopp").ends_with("(+https://example.se/avhopp)"));
    }
}
