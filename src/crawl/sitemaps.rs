//! Sitemaps: a `urlset` gives pages (with `lastmod`), a `sitemapindex` gives more sitemaps.
//! Gzipped sitemaps (`.xml.gz`, served as such rather than with Content-Encoding) are
//! unpacked here, never beyond the body limit, so a gzip bomb stops at the limit.

use super::feeds::Entry;
use chrono::NaiveDate;
use regex::Regex;
use std::io::Read;
use std::sync::LazyLock;

static BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<(?:\w+:)?(url|sitemap)\b[^>]*>(.*?)</(?:\w+:)?(?:url|sitemap)\s*>")
        .expect("sitemap block")
});
static LOC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<(?:\w+:)?loc\s*>\s*(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?\s*</(?:\w+:)?loc\s*>")
        .expect("loc")
});
static LASTMOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<(?:\w+:)?lastmod\s*>\s*(\d{4}-\d{2}-\d{2})").expect("lastmod")
});

pub struct Sitemap {
    /// A sitemap index: the entries are sitemaps.
    pub index: bool,
    pub entries: Vec<Entry>,
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

/// Unpacks a gzip body up to `max` bytes.
pub fn gunzip(bytes: &[u8], max: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(max + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("bad gzip: {e}"))?;
    if out.len() as u64 > max {
        return Err(format!("unpacks to more than {max} bytes"));
    }
    Ok(out)
}

pub fn looks_like_sitemap(head: &str) -> bool {
    let h = head.to_ascii_lowercase();
    h.contains("<urlset") || h.contains("<sitemapindex")
}

pub fn parse(bytes: &[u8], max: u64) -> Result<Sitemap, String> {
    let unpacked;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        unpacked = gunzip(bytes, max)?;
        &unpacked[..]
    } else {
        bytes
    };
    let text = String::from_utf8_lossy(bytes);
    let head: String = text.chars().take(2000).collect();
    if !looks_like_sitemap(&head) {
        return Err("not a sitemap".into());
    }
    let index = head.to_ascii_lowercase().contains("<sitemapindex");
    let entries = BLOCK
        .captures_iter(&text)
        .filter_map(|c| {
            let body = c.get(2)?.as_str();
            let url = unescape(LOC.captures(body)?.get(1)?.as_str().trim());
            let date = LASTMOD
                .captures(body)
                .and_then(|m| NaiveDate::parse_from_str(&m[1], "%Y-%m-%d").ok());
            Some(Entry { url, date })
        })
        .collect();
    Ok(Sitemap { index, entries })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn urlset_index_and_gzip() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>https://e.se/a?x=1&amp;y=2</loc><lastmod>2024-05-01T10:00:00+02:00</lastmod></url>
            <url><loc> https://e.se/b </loc></url></urlset>"#;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(xml.as_bytes()).unwrap();
        let packed = gz.finish().unwrap();
        for body in [xml.as_bytes(), &packed[..]] {
            let s = parse(body, 1 << 20).unwrap();
            assert!(!s.index);
            assert_eq!(s.entries[0].url, "https://e.se/a?x=1&y=2");
            assert_eq!(s.entries[0].date, NaiveDate::from_ymd_opt(2024, 5, 1));
            assert_eq!(s.entries[1].url, "https://e.se/b");
        }
        let idx =
            "<sitemapindex><sitemap><loc>https://e.se/s1.xml.gz</loc></sitemap></sitemapindex>";
        let s = parse(idx.as_bytes(), 1 << 20).unwrap();
        assert!(s.index);
        assert_eq!(s.entries[0].url, "https://e.se/s1.xml.gz");
        let mut bomb = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        bomb.write_all(&vec![b' '; 2 << 20]).unwrap();
        assert!(parse(&bomb.finish().unwrap(), 1 << 20).is_err());
    }
}
