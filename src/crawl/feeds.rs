//! RSS and Atom feeds (feed-rs): the article links of their entries, with their dates.

use chrono::NaiveDate;

/// A link found in a feed or sitemap, with the date it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub url: String,
    pub date: Option<NaiveDate>,
}

pub fn parse(bytes: &[u8]) -> Result<Vec<Entry>, String> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| format!("not a feed: {e}"))?;
    Ok(feed
        .entries
        .into_iter()
        .filter_map(|e| {
            let url = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .map(|l| l.href.clone())
                .or_else(|| e.id.starts_with("http").then(|| e.id.clone()))?;
            let date = e.published.or(e.updated).map(|d| d.date_naive());
            Some(Entry { url, date })
        })
        .collect())
}

/// Whether a body looks like a feed rather than a page or a sitemap.
pub fn looks_like_feed(head: &str) -> bool {
    let h = head.to_ascii_lowercase();
    h.contains("<rss") || h.contains("<feed") || h.contains("<rdf:rdf")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_and_atom() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
            <item><title>A</title><link>https://e.se/a</link><pubDate>Tue, 05 Mar 2024 08:00:00 +0100</pubDate></item>
            <item><title>B</title><link>https://e.se/b</link></item></channel></rss>"#;
        let e = parse(rss).unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].url, "https://e.se/a");
        assert_eq!(e[0].date, NaiveDate::from_ymd_opt(2024, 3, 5));
        let atom = br#"<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>x</id><updated>2024-01-01T00:00:00Z</updated>
            <entry><title>A</title><id>urn:1</id><link href="https://e.se/c"/><updated>2024-02-01T00:00:00Z</updated></entry></feed>"#;
        let e = parse(atom).unwrap();
        assert_eq!(e[0].url, "https://e.se/c");
        assert!(parse(b"<html></html>").is_err());
    }
}
