//! Documents: files read into text and metadata.
//!
//! A document is a `.txt` file or an `.html`/`.htm` page. What the file cannot say about
//! itself (publisher, URL, publication date, type, the municipality it is about) comes from
//! a *sidecar* next to it: `NAME.EXT.meta.toml`, for example
//!
//! ```toml
//! publisher = "Mitt i"
//! url = "https://..."
//! published = "2021-09-03"   # or "2021-09", or "2021" when only the year is known
//! type = "news"              # news | municipal | other
//! municipality = "Botkyrka"  # the area a local paper covers, or the municipality's own site
//! title = "..."              # optional; otherwise taken from the page or the first line
//! ```
//!
//! Without a sidecar the date is taken from the text when it is labelled ("Publicerad 05:15,
//! 3 sep 2021"), and the title from the page or the first short line.

use crate::dates::{self, PubDate};
use crate::geo::{self, Municipality};
use scraper::{ElementRef, Html, Node, Selector};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// What kind of publication a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DocType {
    News,
    Municipal,
    #[default]
    Other,
}

impl DocType {
    pub fn as_str(self) -> &'static str {
        match self {
            DocType::News => "news",
            DocType::Municipal => "municipal",
            DocType::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Result<DocType, String> {
        match s.trim().to_lowercase().as_str() {
            "news" | "nyhet" | "nyheter" => Ok(DocType::News),
            "municipal" | "kommunal" | "record" | "municipal record" => Ok(DocType::Municipal),
            "other" | "" => Ok(DocType::Other),
            other => Err(format!(
                "unknown document type '{other}'; use news, municipal or other"
            )),
        }
    }
}

/// The file format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
}

/// A document read from disk: its main text and what is known about it.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user gave it (or as found under a folder they gave).
    pub path: String,
    pub title: Option<String>,
    /// The main text; for plain text files the file's content exactly, so that claim spans
    /// point into the file itself.
    pub text: String,
    pub published: Option<PubDate>,
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub doc_type: DocType,
    /// The municipality the document is about when its text does not say.
    pub municipality: Option<&'static Municipality>,
    pub format: Format,
}

impl Document {
    /// A stable identity of the content: the same text under two paths is one document.
    pub fn content_hash(&self) -> String {
        // FNV-1a 64 over the text: stable across runs and platforms, unlike std's hasher.
        let mut h: u64 = 0xcbf29ce484222325;
        for b in self.text.as_bytes() {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x100000001b3);
        }
        format!("{h:016x}")
    }
}

/// Why a file could not be read. Displayed as one line that names the file.
#[derive(Debug)]
pub struct ReadError {
    pub path: String,
    pub reason: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for ReadError {}

fn fail(path: &str, reason: impl Into<String>) -> ReadError {
    ReadError {
        path: path.to_string(),
        reason: reason.into(),
    }
}

/// Whether a file name is one avhopp reads.
pub fn is_supported(path: &Path) -> bool {
    format_of(path).is_some()
}

fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        _ => None,
    }
}

/// The sidecar of a document: `NAME.EXT.meta.toml`.
pub fn sidecar_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".meta.toml");
    path.with_file_name(name)
}

pub fn is_sidecar(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".meta.toml"))
}

/// The fields a sidecar may hold.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Sidecar {
    title: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    published: Option<String>,
    #[serde(rename = "type")]
    doc_type: Option<String>,
    municipality: Option<String>,
}

/// Defaults for metadata the file and its sidecar leave open (from the command line).
#[derive(Debug, Clone, Default)]
pub struct Defaults {
    pub published: Option<PubDate>,
    pub municipality: Option<&'static Municipality>,
}

/// Files larger than this are refused: no municipal record or article comes near it, and a
/// larger file is far more likely a mistake (a video, a dump) than a document.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads one document. `display` is the path as it should appear in records.
pub fn read(path: &Path, display: &str, defaults: &Defaults) -> Result<Document, ReadError> {
    let format = format_of(path).ok_or_else(|| {
        fail(
            display,
            "unsupported file type (avhopp reads .txt, .html and .htm)",
        )
    })?;
    let meta = std::fs::metadata(path).map_err(|e| fail(display, format!("cannot read: {e}")))?;
    if meta.is_dir() {
        return Err(fail(display, "is a folder"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(
            display,
            format!(
                "too large ({} MB; the limit is {} MB)",
                meta.len() / 1_000_000,
                MAX_FILE_BYTES / 1_000_000
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(display, format!("cannot read: {e}")))?;
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(fail(display, "binary file, not text or HTML"));
    }
    let raw = match std::str::from_utf8(&bytes) {
        Ok(s) => s,
        Err(e) => {
            return Err(fail(
                display,
                format!(
                    "not UTF-8 (invalid byte at offset {}); convert it to UTF-8",
                    e.valid_up_to()
                ),
            ))
        }
    };
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    if raw.trim().is_empty() {
        return Err(fail(display, "empty file"));
    }

    let mut doc = match format {
        Format::Text => Document {
            path: display.to_string(),
            title: title_from_text(raw),
            text: raw.to_string(),
            published: dates::find_published_in_text(raw).map(PubDate::day),
            url: None,
            publisher: None,
            doc_type: DocType::Other,
            municipality: None,
            format,
        },
        Format::Html => read_html(raw, display),
    };
    if doc.text.trim().is_empty() {
        return Err(fail(display, "no text found in the page"));
    }

    let sidecar = sidecar_path(path);
    if sidecar.exists() {
        let shown = sidecar.display().to_string();
        let content = std::fs::read_to_string(&sidecar)
            .map_err(|e| fail(&shown, format!("cannot read: {e}")))?;
        let s: Sidecar = toml::from_str(&content)
            .map_err(|e| fail(&shown, format!("bad metadata: {}", e.message())))?;
        if let Some(t) = s.title {
            doc.title = Some(t);
        }
        if let Some(p) = s.publisher {
            doc.publisher = Some(p);
        }
        if let Some(u) = s.url {
            doc.url = Some(u);
        }
        if let Some(p) = s.published {
            doc.published = Some(PubDate::parse(&p).ok_or_else(|| {
                fail(
                    &shown,
                    format!("bad published date '{p}'; use YYYY-MM-DD, YYYY-MM or YYYY"),
                )
            })?);
        }
        if let Some(t) = s.doc_type {
            doc.doc_type = DocType::parse(&t).map_err(|e| fail(&shown, e))?;
        }
        if let Some(m) = s.municipality {
            doc.municipality = Some(
                geo::lookup(&m)
                    .ok_or_else(|| fail(&shown, format!("unknown municipality '{m}'")))?,
            );
        }
    }
    if doc.published.is_none() {
        doc.published = defaults.published;
    }
    if doc.municipality.is_none() {
        doc.municipality = defaults.municipality;
    }
    Ok(doc)
}

/// The first short line of a plain text, skipping long captions and bylines-only lines.
fn title_from_text(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && l.chars().count() <= 150 && l.split_whitespace().count() >= 3)
        .map(str::to_string)
}

macro_rules! selector {
    ($name:ident, $css:expr) => {
        static $name: LazyLock<Selector> = LazyLock::new(|| Selector::parse($css).expect($css));
    };
}

selector!(SEL_OG_TITLE, r#"meta[property="og:title"]"#);
selector!(SEL_H1, "h1");
selector!(SEL_TITLE, "title");
selector!(SEL_SITE, r#"meta[property="og:site_name"]"#);
selector!(SEL_CANONICAL, r#"link[rel="canonical"]"#);
selector!(SEL_OG_URL, r#"meta[property="og:url"]"#);
selector!(
    SEL_PUBLISHED,
    r#"meta[property="article:published_time"], meta[name="date"], meta[name="pubdate"], meta[itemprop="datePublished"]"#
);
selector!(SEL_JSONLD, r#"script[type="application/ld+json"]"#);
selector!(SEL_TIME, "time[datetime]");
selector!(SEL_ARTICLE, "article");
selector!(SEL_MAIN, "main, [role=main]");
selector!(SEL_BODY, "body");

fn element_text(e: ElementRef) -> String {
    e.text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn meta_content(html: &Html, sel: &Selector) -> Option<String> {
    html.select(sel)
        .find_map(|e| e.value().attr("content").map(|s| s.trim().to_string()))
        .filter(|s| !s.is_empty())
}

/// The date part of an ISO timestamp ("2021-09-03T05:15:00+02:00").
fn iso_date(s: &str) -> Option<PubDate> {
    PubDate::parse(s.get(..10)?)
}

fn json_ld_date(html: &Html) -> Option<PubDate> {
    for script in html.select(&SEL_JSONLD) {
        let text: String = script.text().collect();
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        if let Some(d) = find_key(&value, "datePublished")
            .and_then(|v| v.as_str())
            .and_then(iso_date)
        {
            return Some(d);
        }
    }
    None
}

fn find_key<'a>(v: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    match v {
        serde_json::Value::Object(map) => map
            .get(key)
            .or_else(|| map.values().find_map(|x| find_key(x, key))),
        serde_json::Value::Array(items) => items.iter().find_map(|x| find_key(x, key)),
        _ => None,
    }
}

/// Elements that never hold article text.
const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "iframe",
    "svg",
    "template",
    "select",
    "figcaption",
    "input",
    "textarea",
];

/// Class or id fragments of boilerplate blocks: banners, related lists, sharing, comments.
const SKIP_MARKERS: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "banner",
    "subscribe",
    "paywall",
    "newsletter",
    "related",
    "recommend",
    "rekommend",
    "share",
    "social",
    "comment",
    "advert",
    "annons",
    "promo",
    "teaser",
    "breadcrumb",
    "menu",
    "sidebar",
    "footer",
    "header",
    "nav",
];

/// Elements that end a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "br",
    "hr",
    "dd",
    "dt",
    "figure",
];

fn is_boilerplate(e: &scraper::node::Element) -> bool {
    if SKIP_TAGS.contains(&e.name()) {
        return true;
    }
    let marks = [e.attr("class"), e.attr("id"), e.attr("role")];
    marks.iter().flatten().any(|v| {
        let v = v.to_lowercase();
        SKIP_MARKERS.iter().any(|m| v.contains(m))
    }) || e.attr("aria-hidden") == Some("true")
        || e.attr("hidden").is_some()
}

fn collect_blocks(node: ego_tree::NodeRef<Node>, current: &mut String, out: &mut Vec<String>) {
    for child in node.children() {
        match child.value() {
            Node::Text(t) => current.push_str(t),
            Node::Element(e) => {
                if is_boilerplate(e) {
                    continue;
                }
                let block = BLOCK_TAGS.contains(&e.name());
                if block {
                    flush(current, out);
                }
                collect_blocks(child, current, out);
                if block {
                    flush(current, out);
                }
            }
            _ => {}
        }
    }
}

fn flush(current: &mut String, out: &mut Vec<String>) {
    let p = current.split_whitespace().collect::<Vec<_>>().join(" ");
    if !p.is_empty() {
        out.push(p);
    }
    current.clear();
}

/// Reads an HTML page: main text (article, else main, else body, without boilerplate) and
/// metadata (Open Graph, JSON-LD, `<time>`, visible "Publicerad" dates).
fn read_html(raw: &str, display: &str) -> Document {
    let html = Html::parse_document(raw);
    let title = meta_content(&html, &SEL_OG_TITLE)
        .or_else(|| {
            html.select(&SEL_H1)
                .next()
                .map(element_text)
                .filter(|s| !s.is_empty())
        })
        .or_else(|| {
            html.select(&SEL_TITLE)
                .next()
                .map(element_text)
                .filter(|s| !s.is_empty())
        });

    // The root holding the article: the <article> with the most text, else <main>, else <body>.
    let root = html
        .select(&SEL_ARTICLE)
        .max_by_key(|a| a.text().map(str::len).sum::<usize>())
        .or_else(|| html.select(&SEL_MAIN).next())
        .or_else(|| html.select(&SEL_BODY).next());
    let mut blocks = Vec::new();
    if let Some(root) = root {
        let mut current = String::new();
        collect_blocks(*root, &mut current, &mut blocks);
        flush(&mut current, &mut blocks);
    }
    let text = blocks.join("\n\n");

    let published = meta_content(&html, &SEL_PUBLISHED)
        .and_then(|s| iso_date(&s))
        .or_else(|| json_ld_date(&html))
        .or_else(|| {
            html.select(&SEL_TIME)
                .find_map(|t| t.value().attr("datetime").and_then(iso_date))
        })
        .or_else(|| dates::find_published_in_text(&text).map(PubDate::day));
    let url = html
        .select(&SEL_CANONICAL)
        .find_map(|e| e.value().attr("href").map(str::to_string))
        .or_else(|| meta_content(&html, &SEL_OG_URL));

    Document {
        path: display.to_string(),
        title,
        text,
        published,
        url,
        publisher: meta_content(&html, &SEL_SITE),
        doc_type: DocType::Other,
        municipality: None,
        format: Format::Html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_main_text_without_boilerplate() {
        let page = r#"<html><head><title>Sajt</title>
            <meta property="og:title" content="Socialsekreterare lämnar">
            <meta property="og:site_name" content="Lokaltidningen">
            <link rel="canonical" href="https://example.se/a/1">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-05-04T08:00:00+02:00"}</script>
            </head><body><nav>Hem Nyheter Sport</nav>
            <div class="cookie-banner">Vi använder kakor</div>
            <article><h1>Socialsekreterare lämnar</h1><p>Tolv socialsekreterare har slutat.</p>
            <p>Det saknas <b>fem</b> handläggare.</p>
            <aside class="related">Läs också: annat</aside></article>
            <footer>© Lokaltidningen</footer></body></html>"#;
        let d = read_html(page, "x.html");
        assert_eq!(d.title.as_deref(), Some("Socialsekreterare lämnar"));
        assert_eq!(d.publisher.as_deref(), Some("Lokaltidningen"));
        assert_eq!(d.url.as_deref(), Some("https://example.se/a/1"));
        assert_eq!(d.published.unwrap().to_string(), "2023-05-04");
        assert_eq!(
            d.text,
            "Socialsekreterare lämnar\n\nTolv socialsekreterare har slutat.\n\nDet saknas fem handläggare."
        );
    }

    #[test]
    fn text_title_skips_long_captions() {
        let text = format!(
            "{}\n\nKort rubrik om krisen\n\nBrödtext.",
            "Bildtext ".repeat(30)
        );
        assert_eq!(
            title_from_text(&text).as_deref(),
            Some("Kort rubrik om krisen")
        );
    }

    #[test]
    fn content_hash_is_stable() {
        let d = Document {
            path: "a".into(),
            title: None,
            text: "hej".into(),
            published: None,
            url: None,
            publisher: None,
            doc_type: DocType::Other,
            municipality: None,
            format: Format::Text,
        };
        // FNV-1a of "hej": a fixed value, so the identity survives upgrades and platforms.
        assert_eq!(d.content_hash(), "334a32192fe38c94");
        let other = Document {
            text: "hej!".into(),
            ..d.clone()
        };
        assert_ne!(other.content_hash(), d.content_hash());
    }
}
