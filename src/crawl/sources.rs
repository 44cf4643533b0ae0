//! The sources file (`corpus/sources.toml`): what to crawl and how politely.
//!
//! ```toml
//! [crawl]                      # optional; every key has a default
//! concurrency = 8              # requests in flight at once, all hosts together
//! per_host = 1                 # requests in flight at once per host
//! rate = 1.0                   # default requests per second per host
//! connect_timeout_ms = 10000
//! read_timeout_ms = 30000      # silence between two reads of a response
//! total_timeout_ms = 60000     # a whole request, body included
//! max_body_bytes = 20000000    # after decompression; enforced while streaming
//! max_redirects = 5
//! retries = 3                  # further tries after a time-out, a 5xx or a 429
//! retry_base_ms = 1000         # backoff: base * 2^try, with jitter
//! max_retry_after_s = 300      # a longer Retry-After gives up for this run
//! revisit_after_s = 2592000    # re-check a stored page (conditional GET) after this long
//! revisit_start_after_s = 3600 # re-read feeds, sitemaps and listing pages after this long
//! max_failures = 3             # runs a URL may fail in before it is given up for good
//! contact = "https://..."      # in the User-Agent: avhopp/VERSION (+contact); by default
//!                              # the package's repository URL
//!
//! [[source]]
//! name = "Mitt i"
//! type = "news"                # news | municipal | other
//! municipality = "Botkyrka"    # when the whole site is about one municipality
//! feeds = ["https://.../rss"]                  # RSS or Atom
//! sitemaps = ["https://.../sitemap.xml"]       # urlset or sitemap index, .xml or .xml.gz
//! listings = [{ url = "https://.../nyheter", links = "a.teaser" }]  # CSS selector
//! urls = ["https://.../artikel/1"]             # plain pages
//! include = ["^https://www\\.example\\.se/nyheter/"]  # regexes; a link must match one
//! exclude = ["/video/", "\\.pdf$"]                    # and none of these
//! max_depth = 1                # link hops from a start point (1: its entries only)
//! rate = 0.5                   # requests per second to this source's hosts
//! ```

use crate::geo::{self, Municipality};
use anyhow::{anyhow, Context, Result};
use regex::Regex;
use serde::Deserialize;
use std::path::Path;
use std::time::Duration;

/// Crawl-wide settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    pub concurrency: usize,
    pub per_host: usize,
    pub rate: f64,
    pub connect_timeout_ms: u64,
    pub read_timeout_ms: u64,
    pub total_timeout_ms: u64,
    pub max_body_bytes: u64,
    pub max_redirects: usize,
    pub retries: u32,
    pub retry_base_ms: u64,
    pub max_retry_after_s: u64,
    pub revisit_after_s: u64,
    pub revisit_start_after_s: u64,
    pub max_failures: u32,
    pub contact: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            concurrency: 8,
            per_host: 1,
            rate: 1.0,
            connect_timeout_ms: 10_000,
            read_timeout_ms: 30_000,
            total_timeout_ms: 60_000,
            max_body_bytes: 20_000_000,
            max_redirects: 5,
            retries: 3,
            retry_base_ms: 1000,
            max_retry_after_s: 300,
            revisit_after_s: 30 * 24 * 3600,
            revisit_start_after_s: 3600,
            max_failures: 3,
            contact: String::new(),
        }
    }
}

impl Settings {
    pub fn ms(v: u64) -> Duration {
        Duration::from_millis(v)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Listing {
    url: String,
    links: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    name: String,
    #[serde(rename = "type", default)]
    doc_type: Option<String>,
    municipality: Option<String>,
    #[serde(default)]
    feeds: Vec<String>,
    #[serde(default)]
    sitemaps: Vec<String>,
    #[serde(default)]
    listings: Vec<Listing>,
    #[serde(default)]
    urls: Vec<String>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    max_depth: Option<u32>,
    rate: Option<f64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    crawl: Settings,
    #[serde(default)]
    source: Vec<RawSource>,
}

/// What a URL is expected to hold, which decides what is read from it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Feed,
    Sitemap,
    /// A listing page whose article links match the CSS selector.
    Listing(String),
    Page,
    /// Named on the command line: a feed, a sitemap or a page, decided by its content.
    Auto,
}

impl Kind {
    pub fn is_start(&self) -> bool {
        *self != Kind::Page
    }
    pub fn label(&self) -> &'static str {
        match self {
            Kind::Feed => "feed",
            Kind::Sitemap => "sitemap",
            Kind::Listing(_) => "listing",
            Kind::Page => "page",
            Kind::Auto => "auto",
        }
    }
}

/// One source, its patterns compiled.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub doc_type: crate::document::DocType,
    pub municipality: Option<&'static Municipality>,
    pub starts: Vec<(String, Kind)>,
    include: Vec<Regex>,
    exclude: Vec<Regex>,
    pub max_depth: u32,
    pub rate: Option<f64>,
}

impl Source {
    /// An ad-hoc source for URLs named on the command line: no patterns, no links followed.
    pub fn command_line(urls: &[String]) -> Source {
        Source {
            name: "command line".into(),
            doc_type: crate::document::DocType::Other,
            municipality: None,
            starts: urls.iter().map(|u| (u.clone(), Kind::Auto)).collect(),
            include: Vec::new(),
            exclude: Vec::new(),
            max_depth: 1,
            rate: None,
        }
    }

    pub fn has_include(&self) -> bool {
        !self.include.is_empty()
    }

    /// Whether a discovered link belongs to this source.
    pub fn wants(&self, url: &str) -> bool {
        (self.include.is_empty() || self.include.iter().any(|r| r.is_match(url)))
            && !self.exclude.iter().any(|r| r.is_match(url))
    }
}

/// The parsed sources file.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub settings: Settings,
    pub sources: Vec<Source>,
}

fn regexes(name: &str, list: &[String]) -> Result<Vec<Regex>> {
    list.iter()
        .map(|p| Regex::new(p).map_err(|e| anyhow!("source '{name}': bad pattern '{p}': {e}")))
        .collect()
}

impl Sources {
    pub fn parse(text: &str) -> Result<Sources> {
        let raw: RawFile = toml::from_str(text).map_err(|e| anyhow!("{}", e.message()))?;
        let mut sources = Vec::new();
        for s in raw.source {
            let doc_type = match &s.doc_type {
                Some(t) => crate::document::DocType::parse(t)
                    .map_err(|e| anyhow!("source '{}': {e}", s.name))?,
                None => crate::document::DocType::Other,
            };
            let municipality =
                match &s.municipality {
                    Some(m) => Some(geo::lookup(m).ok_or_else(|| {
                        anyhow!("source '{}': unknown municipality '{m}'", s.name)
                    })?),
                    None => None,
                };
            let mut starts = Vec::new();
            starts.extend(s.feeds.iter().map(|u| (u.clone(), Kind::Feed)));
            starts.extend(s.sitemaps.iter().map(|u| (u.clone(), Kind::Sitemap)));
            for l in &s.listings {
                scraper::Selector::parse(&l.links).map_err(|e| {
                    anyhow!("source '{}': bad CSS selector '{}': {e}", s.name, l.links)
                })?;
                starts.push((l.url.clone(), Kind::Listing(l.links.clone())));
            }
            starts.extend(s.urls.iter().map(|u| (u.clone(), Kind::Page)));
            if let Some(r) = s.rate {
                if r <= 0.0 || !r.is_finite() {
                    return Err(anyhow!("source '{}': rate must be above 0", s.name));
                }
            }
            sources.push(Source {
                include: regexes(&s.name, &s.include)?,
                exclude: regexes(&s.name, &s.exclude)?,
                name: s.name,
                doc_type,
                municipality,
                starts,
                max_depth: s.max_depth.unwrap_or(1),
                rate: s.rate,
            });
        }
        let st = &raw.crawl;
        if st.concurrency == 0 || st.per_host == 0 || st.rate <= 0.0 {
            return Err(anyhow!(
                "[crawl]: concurrency, per_host and rate must be above 0"
            ));
        }
        Ok(Sources {
            settings: raw.crawl,
            sources,
        })
    }

    pub fn load(path: &Path) -> Result<Sources> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        Sources::parse(&text).with_context(|| format!("{}", path.display()))
    }

    pub fn find(&self, name: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.name == name)
    }
}

/// The canonical form of a URL, used as its identity: only http and https, no fragment, no
/// `utm_*` (or click-id) parameters, host lower-cased, default port and dot segments
/// removed. `None` for anything else.
pub fn canonical(url: &str, base: Option<&url::Url>) -> Option<String> {
    let mut u = match base {
        Some(b) => b.join(url.trim()).ok()?,
        None => url::Url::parse(url.trim()).ok()?,
    };
    if !matches!(u.scheme(), "http" | "https") || u.host_str().is_none() {
        return None;
    }
    u.set_fragment(None);
    if u.query().is_some() {
        let kept: Vec<(String, String)> = u
            .query_pairs()
            .filter(|(k, _)| {
                let k = k.to_ascii_lowercase();
                !k.starts_with("utm_") && k != "fbclid" && k != "gclid"
            })
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if kept.is_empty() {
            u.set_query(None);
        } else {
            u.query_pairs_mut().clear().extend_pairs(kept);
        }
    }
    Some(u.to_string())
}

/// `scheme://host:port` of a URL: the unit of politeness.
pub fn host_key(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => format!(
            "{}://{}:{}",
            u.scheme(),
            u.host_str().unwrap_or(""),
            u.port_or_known_default().unwrap_or(0)
        ),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_drops_fragments_and_tracking() {
        assert_eq!(
            canonical("HTTPS://Example.se:443/a/../b?utm_source=x&id=3#top", None).as_deref(),
            Some("https://example.se/b?id=3")
        );
        assert_eq!(
            canonical("http://example.se/a?utm_medium=rss", None).as_deref(),
            Some("http://example.se/a")
        );
        assert_eq!(canonical("ftp://example.se/a", None), None);
        assert_eq!(canonical("mailto:a@b.se", None), None);
        let base = url::Url::parse("https://example.se/nyheter/").unwrap();
        assert_eq!(
            canonical("../x.html#c", Some(&base)).as_deref(),
            Some("https://example.se/x.html")
        );
    }

    #[test]
    fn shipped_sources_parse() {
        let s = Sources::parse(include_str!("../../corpus/sources.toml")).unwrap();
        assert!(s.sources.len() >= 10);
        assert!(s.sources.iter().all(|src| !src.starts.is_empty()
            && src.starts.iter().all(|(u, _)| canonical(u, None).is_some())));
    }

    #[test]
    fn sources_file_parses() {
        let s = Sources::parse(
            r#"
            [crawl]
            rate = 5.0
            [[source]]
            name = "Test"
            type = "municipal"
            municipality = "Botkyrka"
            feeds = ["https://e.se/rss"]
            listings = [{ url = "https://e.se/n", links = "a.t" }]
            include = ["^https://e\\.se/"]
            exclude = ["\\.pdf$"]
            "#,
        )
        .unwrap();
        assert_eq!(s.settings.rate, 5.0);
        let src = &s.sources[0];
        assert_eq!(src.municipality.unwrap().name, "Botkyrka");
        assert_eq!(src.starts.len(), 2);
        assert!(src.wants("https://e.se/a"));
        assert!(!src.wants("https://e.se/a.pdf"));
        assert!(!src.wants("https://f.se/a"));
        assert!(
            Sources::parse("[[source]]\nname='x'\nlistings=[{url='u', links='a[[['}]").is_err()
        );
    }
}
