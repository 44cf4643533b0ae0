//! robots.txt: fetched once per host and cached in the crawl state for a day; its rules for
//! avhopp (or `*`) are obeyed and its Crawl-delay slows the host down.
//!
//! As Google does: a missing robots.txt (4xx) allows everything; one that cannot be had
//! (5xx, time-out) allows nothing on that host until it can.

use std::time::Duration;
use texting_robots::Robot;

/// How long a cached robots.txt is trusted.
pub const MAX_AGE_SECS: i64 = 24 * 3600;

pub enum Robots {
    Rules(Box<Robot>),
    AllowAll,
    DisallowAll(String),
}

impl Robots {
    /// The rules of a robots.txt answer (`status` 0: none could be had).
    pub fn from_answer(agent: &str, status: u16, body: &[u8]) -> Robots {
        match status {
            200..=299 => match Robot::new(agent, body) {
                Ok(r) => Robots::Rules(Box::new(r)),
                Err(_) => Robots::AllowAll,
            },
            400..=499 => Robots::AllowAll,
            0 => Robots::DisallowAll("robots.txt could not be fetched".into()),
            s => Robots::DisallowAll(format!("robots.txt answered {s}")),
        }
    }

    pub fn allowed(&self, url: &str) -> bool {
        match self {
            Robots::Rules(r) => r.allowed(url),
            Robots::AllowAll => true,
            Robots::DisallowAll(_) => false,
        }
    }

    pub fn delay(&self) -> Option<Duration> {
        match self {
            Robots::Rules(r) => r
                .delay
                .filter(|d| d.is_finite() && *d > 0.0)
                .map(|d| Duration::from_secs_f32(d.min(60.0))),
            _ => None,
        }
    }
}

/// The robots.txt URL of a host key (`scheme://host:port`).
pub fn url_of(host_key: &str) -> String {
    format!("{host_key}/robots.txt")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_delay_and_failures() {
        let r = Robots::from_answer(
            "avhopp",
            200,
            b"User-agent: *\nDisallow: /privat/\nCrawl-delay: 0.5\n",
        );
        assert!(!r.allowed("http://e.se/privat/x"));
        assert!(r.allowed("http://e.se/nyheter/x"));
        assert_eq!(r.delay(), Some(Duration::from_millis(500)));
        assert!(Robots::from_answer("avhopp", 404, b"").allowed("http://e.se/privat/x"));
        assert!(!Robots::from_answer("avhopp", 503, b"").allowed("http://e.se/"));
    }
}
