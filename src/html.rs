//! HTML pages: the main text (boilerplate removed) and the page's metadata.
//!
//! The main text is found the way readability and trafilatura find it, in two passes over
//! the tree scraper parses:
//!
//! 1. One walk over the whole document collects the metadata (Open Graph, JSON-LD, `<time>`,
//!    bylines, labelled visible dates) and, for every element, its text length, link text
//!    length and comma count. Elements that never hold article text (navigation, headers
//!    and footers of the site, cookie and subscription banners, related-article lists,
//!    comments, share bars, captions, hidden elements) are *dead*: they count for nothing.
//!    Every paragraph gives its parent and grandparent a score (more for longer paragraphs
//!    and more commas).
//! 2. The best candidate container wins (score, weighted by class/id hints and by how little
//!    of its text is links); siblings that score close to it join it. A second walk over the
//!    winner writes its headings, paragraphs, lists and quotes in order, paragraphs
//!    separated by a blank line, leaving out dead elements, link lists, "Läs också" lines,
//!    long blocks that repeat, teasers after a "Related articles" heading and the site's
//!    calls to action at the end ("Prenumerera på vårt nyhetsbrev").
//!
//! Elements are numbered in document order in both walks, so the per-element figures live
//! in one flat `Vec` and no map or per-node allocation is needed.

use crate::dates;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::{Html, Node};
use std::sync::LazyLock;

/// What a page says: its main text and metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub author: Option<String>,
    pub site_name: Option<String>,
    /// The municipality whose own site the page is on: the site names itself "Falu kommun"
    /// or "Malmö stad" (in its title, its metadata or its logo). Its pages often never name
    /// the municipality they speak of.
    pub owner: Option<&'static crate::geo::Municipality>,
    pub url: Option<String>,
    /// The main text: headings, lead, paragraphs, list items and quotes in page order,
    /// separated by blank lines.
    pub text: String,
}

/// Parses a page and extracts its main text and metadata. Never panics on malformed HTML:
/// html5ever repairs whatever it is given, and a page without a body gives empty text.
pub fn parse(raw: &str) -> Page {
    extract(&Html::parse_document(&strip_raw_text(raw)))
}

/// Openings of the elements whose content is never read (and half of a news page's bytes).
static RAW_OPEN: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build([
            "<script",
            "<style",
            "<svg",
            "<noscript",
            "<template",
            "<!--",
            "<nav",
        ])
        .expect("raw text openings")
});

/// Openings and ends of `<nav>` elements, which nest.
static NAV_TAGS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(["<nav", "</nav", "<script", "<style", "<!--"])
        .expect("nav tags")
});

static RAW_CLOSE: LazyLock<[AhoCorasick; 6]> = LazyLock::new(|| {
    [
        "</script",
        "</style",
        "</svg",
        "</noscript",
        "</template",
        "-->",
    ]
    .map(|p| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build([p])
            .expect("raw text closing")
    })
});

/// How deep elements nest, estimated from the tags without parsing: start tags minus end
/// tags, leaving out void elements. html5ever checks the stack of open elements at every
/// start tag, so a hostile page with 100 000 nested `<div>`s takes minutes to parse; such a
/// page is refused before parsing. Unclosed `<p>`/`<li>` make the estimate high, never low.
pub fn nesting_estimate(raw: &str) -> usize {
    const VOID: &[&[u8]] = &[
        b"br", b"img", b"meta", b"link", b"input", b"hr", b"source", b"wbr", b"area", b"base",
        b"col", b"embed", b"param", b"track",
    ];
    let bytes = raw.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    // `str::find` of an ASCII byte runs a word-at-a-time memchr.
    while let Some(off) = raw[i..].find('<') {
        let at = i + off + 1;
        i = at;
        let Some(&c) = bytes.get(at) else { break };
        if c == b'/' {
            depth = depth.saturating_sub(1);
        } else if c == b'!' || c == b'?' {
            // Doctype, comment, processing instruction: not an element.
        } else if c.is_ascii_alphabetic() {
            let name_end = bytes[at..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(bytes.len(), |p| at + p);
            let name = &bytes[at..name_end];
            if !VOID.iter().any(|v| name.eq_ignore_ascii_case(v)) {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
    }
    deepest
}

/// Pages nested deeper than this are refused (see [`nesting_estimate`]).
pub const MAX_NESTING: usize = 5_000;

/// The page without its comments and the content of its scripts (JSON-LD kept), styles,
/// inline SVG images, `<noscript>`, `<template>` and menus (`<nav>`), so that the HTML parser, most of the
/// cost, skips what is never read. A `<script` inside a comment changes nothing. A script or
/// style that is never closed runs to the end of the page, as it does for a browser.
pub fn strip_raw_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let bytes = raw.as_bytes();
    let mut pos = 0;
    while let Some(m) = RAW_OPEN.find(&raw[pos..]) {
        let (start, open_end) = (pos + m.start(), pos + m.end());
        let kind = m.pattern().as_usize();
        if kind == 5 {
            // A comment: left out through its end.
            out.push_str(&raw[pos..start]);
            pos = RAW_CLOSE[5]
                .find(&raw[open_end..])
                .map_or(raw.len(), |c| open_end + c.end());
            continue;
        }
        // "<scripts" or "<svgfoo" are other elements.
        if bytes
            .get(open_end)
            .is_some_and(|b| !(b.is_ascii_whitespace() || *b == b'>' || *b == b'/'))
        {
            out.push_str(&raw[pos..open_end]);
            pos = open_end;
            continue;
        }
        let Some(gt) = raw[open_end..].find('>') else {
            break;
        };
        let tag_end = open_end + gt + 1;
        let tag = &raw[start..tag_end];
        if kind == 6 {
            // A menu: its links are never read (a <nav> is dead whatever it holds), and on
            // news sites menus are a fifth of the markup left to parse. Left as it is when
            // it is never closed.
            out.push_str(&raw[pos..tag_end]);
            pos = nav_end(raw, tag_end).unwrap_or(tag_end);
            continue;
        }
        if kind == 0 && contains_ci(tag.as_bytes(), b"ld+json") {
            out.push_str(&raw[pos..tag_end]);
            pos = tag_end;
            continue;
        }
        out.push_str(&raw[pos..tag_end]);
        match RAW_CLOSE[kind].find(&raw[tag_end..]) {
            Some(c) => pos = tag_end + c.start(),
            None => {
                pos = raw.len();
                break;
            }
        }
    }
    out.push_str(&raw[pos..]);
    out
}

/// Where the `<nav>` whose content starts at `from` ends: the start of its `</nav>`,
/// counting menus nested in it. Scripts, styles and comments inside the menu are passed over
/// whole, so that a "<nav>" in a script's string cannot carry the menu on to a later
/// menu's end, and the article between them with it.
fn nav_end(raw: &str, from: usize) -> Option<usize> {
    let bytes = raw.as_bytes();
    let mut depth = 1usize;
    let mut at = from;
    while let Some(m) = NAV_TAGS.find(&raw[at..]) {
        let (start, end) = (at + m.start(), at + m.end());
        at = end;
        let close = match m.pattern().as_usize() {
            2 => Some(&RAW_CLOSE[0]),
            3 => Some(&RAW_CLOSE[1]),
            4 => Some(&RAW_CLOSE[5]),
            _ => None,
        };
        if let Some(close) = close {
            at = close.find(&raw[end..]).map_or(raw.len(), |c| end + c.end());
            continue;
        }
        if !bytes
            .get(end)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
        {
            continue; // "<navbar>", "</navigation>"
        }
        if m.pattern().as_usize() == 0 {
            depth += 1;
        } else {
            depth -= 1;
            if depth == 0 {
                return Some(start);
            }
        }
    }
    None
}

/// Extracts the main text and metadata of a parsed page.
pub fn extract(html: &Html) -> Page {
    let root = html.tree.root();
    let mut scan = Scan::new(true);
    scan.run(root);
    let mut text = scan.main_text(root);
    let meta = std::mem::take(&mut scan.meta);
    // A wrapper whose class reads as boilerplate ("container has-sidebar", "wrapper
    // header-style-2") can hold the whole article: when little text came out, the biggest
    // such wrapper, if it holds at least a quarter of the page's text, has its hints ignored
    // and the page is read again (boilerplate inside it still goes by its own classes).
    for _ in 0..4 {
        if text.len() >= 250 {
            break;
        }
        let total = u64::from(scan.stats.first().map_or(0, |s| s.all));
        let Some(w) = (0..scan.stats.len())
            .filter(|&i| scan.stats[i].flags & HINT_DEAD != 0)
            .max_by_key(|&i| scan.stats[i].all)
            .filter(|&i| u64::from(scan.stats[i].all) * 4 >= total)
        else {
            break;
        };
        let mut next = Scan::new(true);
        next.with_meta = false;
        next.exempt = scan.exempt.clone();
        next.exempt.push(w as u32);
        next.exempt.sort_unstable();
        next.run(root);
        let other = next.main_text(root);
        if other.len() > text.len() {
            text = other;
        }
        scan = next;
    }
    // Still nothing: read it without the class rules.
    if text.len() < 250 {
        let mut loose = Scan::new(false);
        loose.with_meta = false;
        loose.run(root);
        let other = loose.main_text(root);
        if other.len() > text.len() * 2 + 100 {
            text = other;
        }
    }
    meta.into_page(text)
}

/// The text to keep: the extracted one, unless the page's JSON-LD `articleBody` is much
/// longer (a page whose article the browser fills in from a script).
fn choose_text(text: String, body: Option<String>) -> String {
    match body {
        Some(b) if b.len() > 500 && b.len() > text.len() * 2 => {
            let mut out = String::with_capacity(b.len());
            for para in b.split('\n').map(collapse).filter(|p| !p.is_empty()) {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(&para);
            }
            out
        }
        _ => text,
    }
}

// ---------------------------------------------------------------------------------------
// Class and id hints.

/// Class/id fragments of blocks that are never article text.
const NEGATIVE: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "related",
    "relaterat",
    "relaterade",
    "recommend",
    "rekommend",
    "comment",
    "kommentar",
    "disqus",
    "newsletter",
    "nyhetsbrev",
    "subscri",
    "prenumer",
    "promo",
    "teaser",
    "advert",
    "annons",
    "sponsor",
    "breadcrumb",
    "sidebar",
    "footer",
    "social",
    "share",
    "sharing",
    "popup",
    "modal",
    "banner",
    "masthead",
    "navbar",
    "navigation",
    "menu",
    "mostread",
    "most-read",
    "most_read",
    "mest-last",
    "mestlast",
    "toplist",
    "signup",
    "outbrain",
    "taboola",
    "skip-link",
    "skiplink",
    "visually-hidden",
    "visuallyhidden",
    "sr-only",
    "screen-reader",
    "caption",
    "bildtext",
    "byline",
    "author-bio",
    "read-more",
    "readmore",
    "las-mer",
    "las-ocksa",
    "lasmer",
    "lasocksa",
    "pagination",
    "login",
    "widget",
    "contact",
    "kontakt",
];

/// Class/id words (whole words) of blocks that are never article text.
const NEGATIVE_WORDS: &[&str] = &[
    "ad", "ads", "nav", "aside", "tags", "tag", "rss", "toolbar", "tools", "more", "dateline",
];

/// Class/id words of blocks that are not article text unless a positive hint says so
/// ("site-header" goes, "entry-header" stays).
const WEAK_NEGATIVE: &[&str] = &[
    "header",
    "meta",
    "info",
    "top",
    "hidden",
    "extra",
    "foot",
    "date",
    "dates",
    "time",
    "timestamp",
    "datum",
];

/// Class/id fragments of the article's own containers.
const POSITIVE: &[&str] = &[
    "article", "content", "body", "story", "entry", "post", "main", "text", "artikel", "brodtext",
    "ingress", "lead", "preamble", "blog", "page",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Hint {
    Negative,
    WeakNegative,
    Positive,
}

struct Hints {
    ac: AhoCorasick,
    kinds: Vec<(Hint, bool)>, // (kind, whole word only)
}

static HINTS: LazyLock<Hints> = LazyLock::new(|| {
    let mut pats: Vec<&str> = Vec::new();
    let mut kinds = Vec::new();
    for p in NEGATIVE {
        pats.push(p);
        kinds.push((Hint::Negative, false));
    }
    for p in NEGATIVE_WORDS {
        pats.push(p);
        kinds.push((Hint::Negative, true));
    }
    for p in WEAK_NEGATIVE {
        pats.push(p);
        kinds.push((Hint::WeakNegative, true));
    }
    for p in POSITIVE {
        pats.push(p);
        kinds.push((Hint::Positive, false));
    }
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(&pats)
        .expect("class hints");
    Hints { ac, kinds }
});

/// Negative, weak negative and positive hints in one class or id value. Class names that
/// describe the content rather than the block ("tag-politik", "category-nyheter",
/// "has-comments", as WordPress puts on every post) are not hints.
fn hints(value: &str) -> (bool, bool, bool) {
    let (mut neg, mut weak, mut pos) = (false, false, false);
    for token in value.split_ascii_whitespace() {
        let lower_starts = |p: &str| {
            token.len() > p.len() && token.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        };
        if DESCRIPTIVE.iter().any(|p| lower_starts(p)) {
            continue;
        }
        let (n, w, p) = token_hints(token);
        neg |= n;
        weak |= w;
        pos |= p;
    }
    (neg, weak, pos)
}

/// Prefixes of class names that describe content, not blocks.
const DESCRIPTIVE: &[&str] = &[
    "tag-",
    "tags-",
    "category-",
    "categories-",
    "has-",
    "no-",
    "with-",
    "without-",
    "format-",
    "status-",
    "type-",
    "postid-",
    "post-type-",
    "section-article",
    "single-",
];

fn token_hints(token: &str) -> (bool, bool, bool) {
    let (mut neg, mut weak, mut pos) = (false, false, false);
    let bytes = token.as_bytes();
    // Words are split at anything but letters and digits, and at camelCase humps.
    let boundary = |i: usize| -> bool {
        i == 0 || i >= bytes.len() || !bytes[i - 1].is_ascii_alphanumeric() || {
            !bytes[i].is_ascii_alphanumeric()
        }
    };
    for m in HINTS.ac.find_overlapping_iter(token) {
        let (kind, word) = HINTS.kinds[m.pattern().as_usize()];
        if word {
            let start_ok = boundary(m.start())
                || (bytes[m.start()].is_ascii_uppercase()
                    && bytes[m.start() - 1].is_ascii_lowercase());
            let end_ok = m.end() >= bytes.len()
                || !bytes[m.end()].is_ascii_alphanumeric()
                || (bytes[m.end()].is_ascii_uppercase() && bytes[m.end() - 1].is_ascii_lowercase());
            if !(start_ok && end_ok) {
                continue;
            }
        }
        match kind {
            Hint::Negative => neg = true,
            Hint::WeakNegative => weak = true,
            Hint::Positive => pos = true,
        }
    }
    (neg, weak, pos)
}

/// The class/id weight of a candidate container, as readability gives it.
fn class_weight(e: &Element) -> f32 {
    let mut w = 0.0;
    for v in [e.attr("class"), e.attr("id")].into_iter().flatten() {
        let (neg, weak, pos) = hints(v);
        if neg || (weak && !pos) {
            w -= 25.0;
        }
        if pos {
            w += 25.0;
        }
    }
    w
}

// ---------------------------------------------------------------------------------------
// Tags.

/// Elements that never hold article text.
fn is_skip_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "nav"
            | "footer"
            | "aside"
            | "button"
            | "iframe"
            | "svg"
            | "template"
            | "select"
            | "option"
            | "figcaption"
            | "input"
            | "textarea"
            | "label"
            | "dialog"
            | "menu"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "map"
            | "head"
            | "link"
            | "meta"
            | "title"
            | "math"
    )
}

/// Elements that start and end a paragraph of the output.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dd"
            | "dt"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "br"
            | "hr"
            | "figure"
            | "address"
            | "center"
            | "form"
            | "fieldset"
            | "details"
            | "summary"
    )
}

/// A table of data, not of layout: no block but its rows and cells inside (old sites lay
/// out whole pages in tables, whose cells hold paragraphs and headings).
fn is_data_table(node: ego_tree::NodeRef<Node>) -> bool {
    node.descendants().skip(1).take(4000).all(|d| {
        d.value().as_element().is_none_or(|e| {
            !is_block(e.name())
                || matches!(
                    e.name(),
                    "tr" | "td" | "th" | "br" | "thead" | "tbody" | "tfoot" | "caption"
                )
        })
    })
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// The attributes the extraction reads, found in one pass over an element's attributes
/// (scraper's `Element::attr` interns the name and binary-searches on every call, and a
/// page has thousands of elements).
#[derive(Default, Clone, Copy)]
struct Attrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    role: Option<&'a str>,
    style: Option<&'a str>,
    hidden: bool,
    aria_hidden: Option<&'a str>,
    itemprop: Option<&'a str>,
    rel: Option<&'a str>,
    href: Option<&'a str>,
    content: Option<&'a str>,
    datetime: Option<&'a str>,
    kind: Option<&'a str>,
    property: Option<&'a str>,
    name: Option<&'a str>,
    alt: Option<&'a str>,
    src: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    fn of(e: &'a Element) -> Attrs<'a> {
        let mut a = Attrs::default();
        for (k, v) in e.attrs() {
            let slot = match k {
                "class" => &mut a.class,
                "id" => &mut a.id,
                "role" => &mut a.role,
                "style" => &mut a.style,
                "hidden" => {
                    a.hidden = true;
                    continue;
                }
                "aria-hidden" => &mut a.aria_hidden,
                "itemprop" => &mut a.itemprop,
                "rel" => &mut a.rel,
                "href" => &mut a.href,
                "content" => &mut a.content,
                "datetime" => &mut a.datetime,
                "type" => &mut a.kind,
                "property" => &mut a.property,
                "name" => &mut a.name,
                "alt" => &mut a.alt,
                "src" => &mut a.src,
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(v);
            }
        }
        a
    }
}

/// Whether an element is hidden from readers.
fn is_hidden(a: &Attrs) -> bool {
    if a.hidden || a.aria_hidden == Some("true") {
        return true;
    }
    a.style.is_some_and(|s| {
        let s = s.as_bytes();
        contains_ci(s, b"display:none")
            || contains_ci(s, b"display: none")
            || contains_ci(s, b"visibility:hidden")
            || contains_ci(s, b"visibility: hidden")
    })
}

/// Whether `hay` contains `needle`, ASCII case ignored; `needle` is lower case.
fn contains_ci(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    if hay.len() < needle.len() {
        return false;
    }
    let upper = first.to_ascii_uppercase();
    (0..=hay.len() - needle.len()).any(|i| {
        (hay[i] == first || hay[i] == upper)
            && hay[i + 1..i + needle.len()].eq_ignore_ascii_case(rest)
    })
}

/// Whether an element is boilerplate by its tag, role, hidden state or class/id hints.
/// `in_article` tells whether it sits inside an `<article>` or `<main>`, where a `<header>`
/// holds the headline and lead rather than the site's logo and menu.
fn is_dead(e: &Element, a: &Attrs, in_article: bool) -> bool {
    let name = e.name();
    // A fact box set beside the article's text ("<aside class=factbox>Fakta: ...") is the
    // article's own, and the figures it lists are often its key facts.
    let fact_box = name == "aside" && in_article && names_a_fact_box(a);
    if (is_skip_tag(name) && !fact_box) || (name == "header" && !in_article) || is_hidden(a) {
        return true;
    }
    if let Some(role) = a.role {
        if matches!(
            role,
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "menu"
                | "menubar"
                | "dialog"
                | "alertdialog"
                | "search"
                | "toolbar"
        ) {
            return true;
        }
    }
    false
}

/// Whether an element's class or id names a fact box: a word of it, apart by spaces, hyphens
/// or underscores, begins so ("factbox", "fakta-ruta", "article__facts"; not "artifact").
fn names_a_fact_box(a: &Attrs) -> bool {
    [a.class, a.id].into_iter().flatten().any(|v| {
        v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|w| {
                let w = w.as_bytes();
                w.len() >= 4
                    && (w[..4].eq_ignore_ascii_case(b"fact")
                        || w[..4].eq_ignore_ascii_case(b"fakt"))
            })
    })
}

/// Whether an element's class or id says it is boilerplate.
fn is_dead_by_hints(a: &Attrs) -> bool {
    let (mut neg, mut weak, mut pos) = (false, false, false);
    for v in [a.class, a.id].into_iter().flatten() {
        let (n, w, p) = hints(v);
        neg |= n;
        weak |= w;
        pos |= p;
    }
    neg || (weak && !pos)
}

// ---------------------------------------------------------------------------------------
// Pass 1: metadata and per-element figures.

const DEAD: u8 = 1;
const HAS_BLOCK_CHILD: u8 = 2;
const ROOT: u8 = 4;
/// Dead by its own class/id hints (not by its tag or an ancestor).
const HINT_DEAD: u8 = 8;

/// The figures of one element, numbered in document order.
#[derive(Clone, Copy)]
struct Stat {
    id: NodeId,
    parent: u32,
    /// The index after the element's last descendant.
    end: u32,
    /// Non-whitespace bytes of live text.
    text: u32,
    /// Non-whitespace bytes of all text, dead or alive.
    all: u32,
    /// Of which inside links.
    link: u32,
    commas: u32,
    /// Text of the element's own inline content (text nodes and inline elements, not blocks
    /// inside it): a paragraph's text, or the loose text of a div written with <br>s.
    own: u32,
    own_link: u32,
    own_commas: u32,
    score: f32,
    flags: u8,
}

impl Stat {
    fn link_density(&self) -> f32 {
        if self.text == 0 {
            0.0
        } else {
            self.link as f32 / self.text as f32
        }
    }
}

const NO_PARENT: u32 = u32::MAX;

struct Scan {
    use_hints: bool,
    /// Whether this walk reads the metadata too (a page read again only needs the figures).
    with_meta: bool,
    /// Elements whose class/id hints are ignored (sorted): wrappers that hold the article
    /// although their class says otherwise ("container penci_sidebar", "header-spacing").
    exempt: Vec<u32>,
    stats: Vec<Stat>,
    meta: Meta,
}

/// Which text a walk is collecting.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Capture {
    Title,
    H1,
    JsonLd,
    Byline,
    RelAuthor,
    Time,
}

/// A `<time>` element: its datetime and whether its label says published or updated.
struct TimeTag {
    date: NaiveDate,
    kind: DateKind,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum DateKind {
    Published,
    Updated,
    Unknown,
}

#[derive(Default)]
struct Meta {
    og_title: Option<String>,
    og_site: Option<String>,
    og_url: Option<String>,
    canonical: Option<String>,
    meta_published: Option<NaiveDate>,
    meta_author: Option<String>,
    app_name: Option<String>,
    /// Names the site gives itself besides `og:site_name`: `DC.publisher`, and the text of
    /// a logo ("Falu kommun, till startsidan"), for [`Page::owner`].
    site_names: Vec<String>,
    title: String,
    h1: String,
    h1_done: bool,
    json_ld: Vec<String>,
    byline: String,
    byline_done: bool,
    rel_author: String,
    rel_author_done: bool,
    times: Vec<TimeTag>,
    time_text: String,
    time_attr: Option<(NaiveDate, DateKind)>,
    /// Text next to "Publicerad", "Datum" and the like, for a visible date.
    labelled: String,
    labelled_left: usize,
    /// The last few bytes of text before the current point, to read a `<time>`'s label.
    recent: String,
}

impl Scan {
    fn new(use_hints: bool) -> Scan {
        Scan {
            use_hints,
            with_meta: true,
            exempt: Vec::new(),
            stats: Vec::with_capacity(2048),
            meta: Meta::default(),
        }
    }

    fn run(&mut self, root: NodeRef<Node>) {
        // Open elements: (index, dead, capture started here, opens an article).
        let mut stack: Vec<(u32, bool, Option<Capture>, bool)> = Vec::with_capacity(64);
        let mut captures: Vec<Capture> = Vec::new();
        let mut article_depth = 0usize;
        let mut unseen = 0usize; // inside script, style and the like
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(e) => {
                        let parent_dead = stack.last().is_some_and(|s| s.1);
                        let in_article = article_depth > 0;
                        let idx = self.stats.len() as u32;
                        let a = Attrs::of(e);
                        let mut dead = parent_dead || is_dead(e, &a, in_article);
                        let mut flags = 0;
                        if !dead
                            && self.use_hints
                            && !matches!(e.name(), "html" | "body")
                            && self.exempt.binary_search(&idx).is_err()
                            && is_dead_by_hints(&a)
                        {
                            dead = true;
                            flags = HINT_DEAD;
                        }
                        self.stats.push(Stat {
                            id: node.id(),
                            parent: stack.last().map_or(NO_PARENT, |s| s.0),
                            end: idx + 1,
                            text: 0,
                            all: 0,
                            link: 0,
                            commas: 0,
                            own: 0,
                            own_link: 0,
                            own_commas: 0,
                            score: 0.0,
                            flags: if dead { DEAD | flags } else { 0 },
                        });
                        let name = e.name();
                        let article = matches!(name, "article" | "main") || a.role == Some("main");
                        if article {
                            article_depth += 1;
                        }
                        if matches!(name, "script" | "style" | "noscript" | "template" | "title") {
                            unseen += 1;
                        }
                        let cap = if self.with_meta {
                            self.meta.open(e, &a, &captures)
                        } else {
                            None
                        };
                        if let Some(c) = cap {
                            captures.push(c);
                        }
                        stack.push((idx, dead, cap, article));
                    }
                    Node::Text(t) => {
                        let t: &str = t;
                        for c in &captures {
                            self.meta.capture(*c, t);
                        }
                        if let Some(&(top, dead, _, _)) = stack.last() {
                            let top = top as usize;
                            let bytes = t.as_bytes();
                            let n = bytes.iter().filter(|b| !b.is_ascii_whitespace()).count();
                            self.stats[top].all += n as u32;
                            if n > 0 && !dead {
                                let s = &mut self.stats[top];
                                let commas = bytes.iter().filter(|&&b| b == b',').count() as u32;
                                s.text += n as u32;
                                s.own += n as u32;
                                s.commas += commas;
                                s.own_commas += commas;
                            }
                        }
                        if unseen == 0 && self.with_meta {
                            self.meta.visible_text(t);
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    let Node::Element(e) = node.value() else {
                        continue;
                    };
                    let Some((idx, dead, cap, article)) = stack.pop() else {
                        continue;
                    };
                    if cap.is_some() {
                        let c = captures.pop().expect("capture");
                        self.meta.close(c);
                    }
                    let name = e.name();
                    if article {
                        article_depth = article_depth.saturating_sub(1);
                    }
                    if matches!(name, "script" | "style" | "noscript" | "template" | "title") {
                        unseen = unseen.saturating_sub(1);
                    }
                    self.stats[idx as usize].end = self.stats.len() as u32;
                    if let Some(&(p, _, _, _)) = stack.last() {
                        self.stats[p as usize].all += self.stats[idx as usize].all;
                    }
                    if dead {
                        continue;
                    }
                    let i = idx as usize;
                    if name == "a" {
                        self.stats[i].link = self.stats[i].text;
                        self.stats[i].own_link = self.stats[i].own;
                    }
                    let s = self.stats[i];
                    let inline = !is_block(name) || name == "br";
                    if let Some(&(p, _, _, _)) = stack.last() {
                        let ps = &mut self.stats[p as usize];
                        ps.text += s.text;
                        ps.link += s.link;
                        ps.commas += s.commas;
                        if inline {
                            ps.own += s.own;
                            ps.own_link += s.own_link;
                            ps.own_commas += s.own_commas;
                        } else {
                            ps.flags |= HAS_BLOCK_CHILD;
                        }
                    }
                    if inline || s.own < 25 || s.own_link * 2 >= s.own {
                        continue;
                    }
                    // A paragraph scores its parent, grandparent and great-grandparent, as
                    // readability does; loose text in a div is a paragraph of that div.
                    let first = match name {
                        "p" | "pre" | "td" | "blockquote" | "dd" => 1,
                        "div" | "section" | "article" | "main" | "center" | "font" | "form"
                        | "body" => 0,
                        _ => continue,
                    };
                    let score = 1.0 + s.own_commas as f32 + (s.own as f32 / 100.0).floor().min(3.0);
                    let n = stack.len();
                    for (level, div) in [(0usize, 1.0f32), (1, 2.0), (2, 6.0)] {
                        let target = if first == 0 {
                            (level == 0)
                                .then_some(idx)
                                .or_else(|| n.checked_sub(level).map(|k| stack[k].0))
                        } else {
                            n.checked_sub(level + 1).map(|k| stack[k].0)
                        };
                        let Some(t) = target else { break };
                        let ts = &mut self.stats[t as usize];
                        if ts.flags & DEAD == 0 {
                            ts.score += score / div;
                        }
                    }
                }
            }
        }
    }

    /// The candidate score of an element: its paragraph score, class hints and tag, less
    /// its share of link text.
    fn candidate_score(&self, html_root: NodeRef<Node>, i: usize) -> f32 {
        let s = &self.stats[i];
        let Some(Node::Element(e)) = html_root.tree().get(s.id).map(|n| n.value()) else {
            return 0.0;
        };
        let tag = match e.name() {
            "div" | "article" | "main" => 5.0,
            "section" | "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        // Hints can at most double a score: a short block with a good class name does not
        // beat a long article in a plain div.
        let bonus = (tag + class_weight(e)).min(s.score);
        (s.score + bonus) * (1.0 - s.link_density())
    }

    /// Chooses the main container(s) and writes their text.
    fn main_text(&mut self, html_root: NodeRef<Node>) -> String {
        let tree = html_root.tree();
        // The best candidates.
        let mut top: Vec<(usize, f32)> = Vec::with_capacity(8);
        for i in 0..self.stats.len() {
            if self.stats[i].score <= 0.0 || self.stats[i].flags & DEAD != 0 {
                continue;
            }
            let sc = self.candidate_score(html_root, i);
            if top.len() < 5 || sc > top[top.len() - 1].1 {
                let pos = top.iter().position(|t| sc > t.1).unwrap_or(top.len());
                top.insert(pos, (i, sc));
                top.truncate(5);
            }
        }
        let Some(&(mut best, best_score)) = top.first() else {
            // No paragraphs at all: the body's live text.
            return match self.find(html_root, "body") {
                Some(i) => {
                    self.stats[i].flags |= ROOT;
                    self.render(tree, i)
                }
                None => String::new(),
            };
        };
        // Several good candidates under one ancestor (an article split in blocks): take the
        // ancestor, as readability does.
        let close: Vec<usize> = top
            .iter()
            .skip(1)
            .filter(|t| t.1 >= best_score * 0.75)
            .map(|t| t.0)
            .collect();
        if close.len() >= 2 {
            let mut anc = self.stats[best].parent;
            while anc != NO_PARENT {
                let inside = close
                    .iter()
                    .filter(|&&c| self.is_ancestor(anc as usize, c))
                    .count();
                if inside >= 2 {
                    best = anc as usize;
                    break;
                }
                anc = self.stats[anc as usize].parent;
            }
        }
        // The <article> the winner sits in, when the winner is most of it: its headline
        // and lead belong to the text.
        let mut a = best;
        for _ in 0..4 {
            let p = self.stats[a].parent;
            if p == NO_PARENT {
                break;
            }
            let p = p as usize;
            let is_article = tree
                .get(self.stats[p].id)
                .and_then(|n| n.value().as_element())
                .is_some_and(|e| e.name() == "article");
            if is_article && self.stats[p].flags & DEAD == 0 {
                if self.stats[best].text * 2 >= self.stats[p].text {
                    best = p;
                }
                break;
            }
            a = p;
        }
        // Siblings that score close to the winner join it.
        let parent = self.stats[best].parent;
        if parent == NO_PARENT {
            self.stats[best].flags |= ROOT;
            return self.render(tree, best);
        }
        let threshold = (best_score * 0.2).max(1.5);
        let best_class = tree
            .get(self.stats[best].id)
            .and_then(|n| n.value().as_element().and_then(|e| e.attr("class")));
        let mut j = parent as usize + 1;
        let end = self.subtree_end(parent as usize);
        let mut siblings: Vec<usize> = Vec::new();
        while j < end {
            let s = self.stats[j];
            let next = self.subtree_end(j);
            siblings.push(j);
            if j == best {
                self.stats[j].flags |= ROOT;
            } else if s.flags & DEAD == 0 && s.text > 0 {
                let node = tree.get(s.id);
                let e = node.and_then(|n| n.value().as_element());
                let mut sc = if s.score > 0.0 {
                    self.candidate_score(html_root, j)
                } else {
                    0.0
                };
                if best_class.is_some() && e.and_then(|e| e.attr("class")) == best_class {
                    sc += best_score * 0.2;
                }
                let ld = s.link_density();
                let join = sc >= threshold
                    || (node.is_some_and(|n| paragraph_like(n, &s))
                        && ((s.text > 80 && ld < 0.25)
                            || (ld == 0.0 && node.is_some_and(ends_sentence))));
                if join {
                    self.stats[j].flags |= ROOT;
                }
            }
            j = next;
        }
        // A heading joins when the text it heads does.
        for (n, &h) in siblings.iter().enumerate() {
            let s = self.stats[h];
            let heading = tree
                .get(s.id)
                .and_then(|n| n.value().as_element())
                .is_some_and(|e| is_heading(e.name()));
            if !heading || s.flags & DEAD != 0 || s.text == 0 {
                continue;
            }
            let next = siblings[n + 1..]
                .iter()
                .find(|&&k| self.stats[k].flags & DEAD == 0 && self.stats[k].text > 0);
            if next.is_some_and(|&k| self.stats[k].flags & ROOT != 0) {
                self.stats[h].flags |= ROOT;
            }
        }
        let mut container = parent as usize;
        self.lead_before(tree, best, &mut container);
        // Blocks elsewhere with the winner's exact class are more of the same article (a
        // body split around an image or a quote into sections of one template).
        if let Some(class) = best_class.filter(|c| !c.trim().is_empty()) {
            for k in 0..self.stats.len() {
                let s = self.stats[k];
                if s.score <= 0.0
                    || s.flags & (DEAD | ROOT) != 0
                    || s.link_density() > 0.33
                    || self.is_ancestor(k, best)
                    || self.is_ancestor(best, k)
                {
                    continue;
                }
                let same = tree
                    .get(s.id)
                    .and_then(|n| n.value().as_element())
                    .and_then(|e| e.attr("class"))
                    == Some(class);
                if same
                    && !(0..k).any(|r| self.stats[r].flags & ROOT != 0 && self.is_ancestor(r, k))
                {
                    self.stats[k].flags |= ROOT;
                    while !self.is_ancestor(container, k) {
                        match self.stats[container].parent {
                            NO_PARENT => break,
                            p => container = p as usize,
                        }
                    }
                }
            }
        }
        self.render(tree, container)
    }

    /// The headline and lead of a template that puts them in a header of their own beside
    /// the body the winner is ("<div class=article__header><h1>…<p class=preamble>…</div>
    /// <div class=article__body>…"): a few levels up from the winner, before it, a live
    /// block marked as the lead. The lead often holds the article's key figure, and is the
    /// article's as much as its body is. It joins the text, with the first live `<h1>` before
    /// it in the same block or up to two levels further out.
    fn lead_before(&mut self, tree: &ego_tree::Tree<Node>, best: usize, container: &mut usize) {
        let mut up = best;
        for _ in 0..3 {
            let p = self.stats[up].parent;
            if p == NO_PARENT || self.stats[p as usize].flags & DEAD != 0 {
                return;
            }
            up = p as usize;
            let (mut lead, mut h1) = (None, None);
            for k in self.live(up + 1, best) {
                let s = self.stats[k];
                if self.subtree_end(k) > best {
                    continue; // an ancestor of the winner (`k < best`)
                }
                if let Some(e) = tree.get(s.id).and_then(|n| n.value().as_element()) {
                    if e.name() == "h1" && h1.is_none() && s.text > 0 {
                        h1 = Some(k);
                    } else if lead.is_none()
                        && s.text >= 40
                        && s.link_density() < 0.3
                        && [e.attr("class"), e.attr("id")]
                            .into_iter()
                            .flatten()
                            .any(names_a_lead)
                    {
                        lead = Some(k);
                    }
                }
            }
            if let Some(lead) = lead {
                // The headline may stand a level or two further out ("<div
                // class=news-heading><h1>…</div><div class=text-block><p class=lead>…").
                let mut outer = up;
                for _ in 0..2 {
                    if h1.is_some_and(|h| h < lead) {
                        break;
                    }
                    match self.stats[outer].parent {
                        NO_PARENT => break,
                        p if self.stats[p as usize].flags & DEAD != 0 => break,
                        p => outer = p as usize,
                    }
                    h1 = self.live(outer + 1, lead).find(|&k| {
                        self.stats[k].text > 0
                            && tree
                                .get(self.stats[k].id)
                                .and_then(|n| n.value().as_element())
                                .is_some_and(|e| e.name() == "h1")
                    });
                }
                for k in [Some(lead), h1.filter(|&h| h < lead)].into_iter().flatten() {
                    self.stats[k].flags |= ROOT;
                    while !self.is_ancestor(*container, k) {
                        match self.stats[*container].parent {
                            NO_PARENT => break,
                            p => *container = p as usize,
                        }
                    }
                }
                return;
            }
        }
    }

    /// The elements `from..to` in document order, without dead subtrees and those already
    /// taken into the text (`ROOT`).
    fn live(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        let mut k = from;
        std::iter::from_fn(move || {
            while k < to {
                let at = k;
                if self.stats[at].flags & (DEAD | ROOT) != 0 {
                    k = self.subtree_end(at);
                    continue;
                }
                k += 1;
                return Some(at);
            }
            None
        })
    }

    fn find(&self, root: NodeRef<Node>, tag: &str) -> Option<usize> {
        let tree = root.tree();
        self.stats.iter().position(|s| {
            tree.get(s.id)
                .and_then(|n| n.value().as_element().map(|e| e.name() == tag))
                .unwrap_or(false)
        })
    }

    fn is_ancestor(&self, anc: usize, mut i: usize) -> bool {
        loop {
            let p = self.stats[i].parent;
            if p == NO_PARENT {
                return false;
            }
            if p as usize == anc {
                return true;
            }
            i = p as usize;
        }
    }

    /// The index after the last descendant of element `i`.
    fn subtree_end(&self, i: usize) -> usize {
        self.stats[i].end as usize
    }

    /// Writes the text of the elements marked ROOT under element `container` (which may be
    /// a ROOT itself).
    fn render(&self, tree: &ego_tree::Tree<Node>, container: usize) -> String {
        let Some(start) = tree.get(self.stats[container].id) else {
            return String::new();
        };
        let mut w = Writer::default();
        let mut i = container; // index of the next element to open
        let mut depth = 0usize;
        let mut active: Option<usize> = None; // depth of the ROOT being written
        let mut skip: Option<usize> = None; // depth of a subtree left out

        // Depth of an element whose children from here on are left out: they follow a
        // "Related articles" heading.
        let mut cut: Option<usize> = None;
        // Depth of a table of data being written: its rows become lines, its cells parted
        // by a tab, so that a table's figures keep their row and column (`claims::table`).
        let mut data_table: Option<usize> = None;
        let mut short = String::new();
        for edge in start.traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(e) => {
                        let s = &self.stats[i];
                        i += 1;
                        depth += 1;
                        if skip.is_some() {
                            continue;
                        }
                        if cut.is_some_and(|c| depth > c) {
                            skip = Some(depth);
                            continue;
                        }
                        // A heading, or a short block holding one ("<div><h2>Related</h2></div>");
                        // a block whose class says boilerplate is a box, not a title.
                        let heads = is_heading(e.name())
                            || (s.all > 0
                                && s.all <= 60
                                && s.flags & HINT_DEAD == 0
                                && is_block(e.name())
                                && node.descendants().take(16).any(|d| {
                                    d.value().as_element().is_some_and(|h| is_heading(h.name()))
                                }));
                        if heads
                            && !w.out.is_empty()
                            && related_heading(e, node, is_heading(e.name()))
                        {
                            // What follows the heading, up to the end of the section it
                            // opens (the smallest ancestor holding more than the heading),
                            // is teasers of other articles.
                            skip = Some(depth);
                            let (mut k, mut level) = (i - 1, depth);
                            while level > 1 {
                                let p = self.stats[k].parent as usize;
                                // A box of its own ("<div class=related><h3>..") ends
                                // where the box does.
                                if self.stats[p].all > self.stats[k].all
                                    || self.stats[p].flags & HINT_DEAD != 0
                                {
                                    cut = Some(level - 1);
                                    break;
                                }
                                k = p;
                                level -= 1;
                            }
                            continue;
                        }
                        if active.is_none() {
                            if s.flags & ROOT != 0 {
                                active = Some(depth);
                            } else {
                                continue;
                            }
                        }
                        let name = e.name();
                        if s.flags & DEAD != 0 {
                            skip = Some(depth);
                            continue;
                        }
                        if data_table.is_some() {
                            match name {
                                "tr" => w.row(),
                                "td" | "th" => w.cell(),
                                _ => {}
                            }
                            continue;
                        }
                        let is_root = active == Some(depth);
                        if !is_root && is_block(name) {
                            if let Some(pruned) = self.prune(s, name, node, &mut short) {
                                skip = Some(depth);
                                if pruned {
                                    w.drop_dangling_heading();
                                }
                                continue;
                            }
                        }
                        if name == "br" {
                            w.line_break();
                        } else if is_block(name) {
                            w.block(is_heading(name));
                        }
                        if name == "table" && is_data_table(node) {
                            data_table = Some(depth);
                        }
                    }
                    Node::Text(t)
                        if active.is_some() && skip.is_none() && cut.is_none_or(|c| depth < c) =>
                    {
                        w.text(t);
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    let Node::Element(e) = node.value() else {
                        continue;
                    };
                    if skip == Some(depth) {
                        skip = None;
                    } else if data_table.is_some_and(|t| t < depth) {
                        // inside a table of data: rows and cells part its text
                    } else if active.is_some()
                        && skip.is_none()
                        && is_block(e.name())
                        && e.name() != "br"
                    {
                        w.block(false);
                        if data_table == Some(depth) {
                            data_table = None;
                        }
                    }
                    if active == Some(depth) {
                        active = None;
                    }
                    if cut == Some(depth) {
                        cut = None;
                    }
                    depth = depth.saturating_sub(1);
                }
            }
        }
        w.finish()
    }

    /// Whether a block inside the main container is left out: Some(true) for link lists and
    /// "Läs också" lines (which take a heading just before them along), Some(false) for
    /// other boilerplate, None to keep it.
    fn prune(&self, s: &Stat, name: &str, node: NodeRef<Node>, buf: &mut String) -> Option<bool> {
        if s.text == 0 {
            return None;
        }
        let ld = s.link_density();
        let limit = match name {
            "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "pre" => 0.8,
            "li" | "td" | "dd" => 0.6,
            _ => 0.5,
        };
        if ld > limit && (s.text < 2000 || ld > 0.8) {
            return Some(true);
        }
        if s.text <= 200 {
            buf.clear();
            // A short block has few nodes; a deep one is no boilerplate line.
            for n in node.descendants().take(64) {
                if let Some(t) = n.value().as_text() {
                    buf.push_str(t);
                }
            }
            if is_boilerplate_line(buf) {
                return Some(true);
            }
        }
        None
    }
}

/// Whether a heading opens a list of other articles: its class or id says so
/// ("relatedpoststitle", "recommended-heading") or its text does ("You may also like",
/// "Rekommenderade artiklar"). "Läs också" is left out: it heads one link, often in the
/// middle of an article. For a wrapper around a heading only the text counts: a class
/// such as "related-box" names a box, which may sit in the middle of the article.
fn related_heading(e: &Element, node: NodeRef<Node>, heading: bool) -> bool {
    if heading {
        let a = Attrs::of(e);
        if [a.class, a.id]
            .into_iter()
            .flatten()
            .any(|v| RELATED_CLASS.is_match(v))
        {
            return true;
        }
    }
    let mut text = String::new();
    for n in node.descendants().take(32) {
        if let Some(t) = n.value().as_text() {
            text.push_str(t);
            if text.len() > 60 {
                return false;
            }
        }
    }
    let lower = collapse(&text).to_lowercase();
    let l = lower.trim_end_matches([':', '.', '…', '»', '›']).trim();
    const TITLES: &[&str] = &[
        "related",
        "related articles",
        "related posts",
        "related stories",
        "related content",
        "related news",
        "you may also like",
        "you might also like",
        "you may like",
        "you might like",
        "recommended",
        "recommended for you",
        "recommended stories",
        "recommended articles",
        "more stories",
        "more articles",
        "read next",
        "what to read next",
        "rekommenderade artiklar",
        "rekommenderat",
        "relaterade artiklar",
        "relaterade nyheter",
        "relaterat",
        "fler artiklar",
        "mer att läsa",
        "du kanske också gillar",
    ];
    TITLES.contains(&l)
}

static RELATED_CLASS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build([
            "related",
            "relaterad",
            "relaterat",
            "recommend",
            "rekommend",
            "you-may",
            "youmay",
            "read-next",
            "readnext",
            "more-stories",
        ])
        .expect("related classes")
});

/// Whether an element reads as one paragraph: a `<p>`, a `<div>` of loose text without
/// blocks inside (readability turns those into paragraphs), or a wrapper around a single
/// `<p>`.
fn paragraph_like(node: NodeRef<Node>, s: &Stat) -> bool {
    let Some(e) = node.value().as_element() else {
        return false;
    };
    match e.name() {
        "p" => true,
        "div" | "section" => {
            if s.flags & HAS_BLOCK_CHILD == 0 {
                return true;
            }
            let mut kids = node.children().filter(|c| c.value().is_element());
            matches!(
                (kids.next(), kids.next()),
                (Some(k), None) if k.value().as_element().is_some_and(|k| k.name() == "p")
            )
        }
        _ => false,
    }
}

/// Whether a short paragraph ends like a sentence (readability keeps such siblings).
fn ends_sentence(node: NodeRef<Node>) -> bool {
    let mut last = None;
    for t in node.descendants().filter_map(|n| n.value().as_text()) {
        if let Some(c) = t.trim_end().chars().last() {
            last = Some(c);
        }
    }
    matches!(last, Some('.' | '!' | '?' | '”' | '"'))
}

/// Lines that are boilerplate wherever they stand: "Läs också", "Rekommenderade artiklar",
/// "Mest läst", "Annons", "Dela artikeln", and their English counterparts.
fn is_boilerplate_line(text: &str) -> bool {
    let t = text.trim();
    let lower = t.to_lowercase();
    let l = lower
        .trim_end_matches([':', '.', '»', '›', '>', '…'])
        .trim();
    const WHOLE: &[&str] = &[
        "läs också",
        "läs mer",
        "läs även",
        "rekommenderade artiklar",
        "rekommenderat",
        "mest läst",
        "mest lästa",
        "mest delat",
        "senaste nytt",
        "relaterat",
        "relaterade artiklar",
        "relaterade nyheter",
        "annons",
        "reklam",
        "advert",
        "caption",
        "close",
        "stäng",
        "back to gallery",
        "this slideshow requires javascript",
        "dela",
        "dela artikeln",
        "dela sidan",
        "kommentarer",
        "kommentera",
        "taggar",
        "ämnen i artikeln",
        "prenumerera",
        "nyhetsbrev",
        "related",
        "related articles",
        "related stories",
        "read more",
        "read next",
        "more from",
        "more stories",
        "recommended",
        "recommended for you",
        "you may also like",
        "you might also like",
        "advertisement",
        "sponsored",
        "share",
        "share this",
        "share this article",
        "comments",
        "tags",
        "topics",
        "sign up",
        "newsletter",
        "most read",
        "most popular",
        "trending",
    ];
    if WHOLE.contains(&l) {
        return true;
    }
    const PREFIX: &[&str] = &[
        "läs också",
        "läs även",
        "läs mer:",
        "read more:",
        "related:",
        "see also:",
        "also read:",
        "recommended:",
    ];
    // Credits and date lines: "Foto: Karin Lund", "Publicerad 05:15, 3 sep 2021".
    const SHORT_PREFIX: &[&str] = &[
        "foto:",
        "bild:",
        "photo:",
        "image:",
        "credit:",
        "publicerad ",
        "publicerad:",
        "uppdaterad ",
        "uppdaterad:",
        "published ",
        "published:",
        "updated ",
        "updated:",
        "posted:",
        "©",
        "(image",
        "(photo",
        "(foto",
        "(bild",
        "image source:",
        "image credit",
        "image copyright",
        "photo credit",
        "photo copyright",
        "photograph:",
        "copyright ",
    ];
    is_url(t)
        || (t.len() <= 200 && PREFIX.iter().any(|p| lower.starts_with(p)))
        || (t.len() <= 120 && SHORT_PREFIX.iter().any(|p| lower.starts_with(p)))
        || (t.len() <= 120 && is_date_line(&lower))
        || is_counter(&lower)
}

/// A bare link written out ("http://amzn.to/2iJFhRj"): boilerplate alone in a block
/// of a list of links, article text inside a paragraph.
fn is_url(t: &str) -> bool {
    !t.contains(char::is_whitespace) && (t.starts_with("http://") || t.starts_with("https://"))
}

/// A gallery counter: "1 / 8", "Image 1 of 8", "Bild 2 av 5" (not a lone number: tables
/// are full of those).
fn is_counter(lower: &str) -> bool {
    if !lower.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let (mut digits, mut of) = (0, lower.contains('/'));
    for w in lower.split(|c: char| c.is_whitespace() || c == '/') {
        if w.is_empty() {
            continue;
        }
        if w.bytes().all(|b| b.is_ascii_digit()) {
            digits += 1;
        } else if matches!(w, "of" | "av") {
            of = true;
        } else if !matches!(w, "image" | "photo" | "picture" | "slide" | "bild" | "foto") {
            return false;
        }
    }
    digits >= 1 && of
}

/// A line that is a date and time, with at most a label and a name or two: "Updated 5:27
/// am CST, Wednesday, November 20, 2019", "by Anna Lund 3 september 2021", "Publicerad
/// 05.15, 3 sep 2021". Such dates and bylines belong to the metadata, not to the text.
fn is_date_line(lower: &str) -> bool {
    // A date has a number in it; most lines have none and end here.
    if !lower.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    const DATE_WORDS: &[&str] = &[
        "jan",
        "january",
        "januari",
        "feb",
        "february",
        "februari",
        "mar",
        "march",
        "mars",
        "apr",
        "april",
        "may",
        "maj",
        "jun",
        "june",
        "juni",
        "jul",
        "july",
        "juli",
        "aug",
        "august",
        "augusti",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "okt",
        "oktober",
        "nov",
        "november",
        "dec",
        "december",
        "mon",
        "monday",
        "tue",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
        "måndag",
        "tisdag",
        "onsdag",
        "torsdag",
        "fredag",
        "lördag",
        "söndag",
        "mån",
        "tis",
        "ons",
        "tor",
        "fre",
        "lör",
        "sön",
        "am",
        "pm",
        "a",
        "p",
        "m",
        "kl",
        "klockan",
        "est",
        "edt",
        "cst",
        "cdt",
        "pst",
        "pdt",
        "et",
        "pt",
        "gmt",
        "utc",
        "bst",
        "cet",
        "cest",
        "ist",
        "updated",
        "published",
        "posted",
        "last",
        "first",
        "original",
        "modified",
        "on",
        "at",
        "publicerad",
        "uppdaterad",
        "senast",
        "ändrad",
        "den",
        "idag",
        "igår",
        "today",
        "yesterday",
        "by",
        "av",
        "and",
        "och",
    ];
    let (mut year, mut month, mut label) = (false, false, false);
    let (mut numbers, mut other) = (0, 0);
    for w in lower.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        if w.bytes().all(|b| b.is_ascii_digit()) {
            numbers += 1;
            year |= w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
        } else if DATE_WORDS.contains(&w) {
            let is_label = matches!(
                w,
                "updated"
                    | "published"
                    | "posted"
                    | "last"
                    | "first"
                    | "original"
                    | "modified"
                    | "publicerad"
                    | "uppdaterad"
                    | "senast"
                    | "ändrad"
                    | "by"
                    | "av"
            );
            label |= is_label;
            month |= w.len() >= 3 && !is_label && !matches!(w, "den" | "and" | "och");
        } else {
            other += 1;
            if other > 2 {
                return false;
            }
        }
    }
    // Other words (a name) only next to a month or a label: "2018.04.05 ~ OPEN RUN" is
    // a line of the text.
    (year || (month && numbers > 0)) && (other == 0 || month || label)
}

// ---------------------------------------------------------------------------------------
// Writing text.

/// Writes text with whitespace collapsed and blocks separated by a blank line, leaving out
/// blocks that repeat an earlier one (a caption, a pull quote).
#[derive(Default)]
struct Writer {
    out: String,
    pending_sep: bool,
    pending_space: bool,
    /// A table row or cell begun: a line break or a tab before the next word.
    pending_row: bool,
    pending_cell: bool,
    block_start: usize,
    block_is_heading: bool,
    /// Line breaks (`<br>`) since the last word: see [`Writer::line_break`].
    pending_breaks: u8,
    /// Start of the last block written, when it was a heading.
    last_heading: Option<usize>,
    seen: Vec<u64>,
}

impl Writer {
    fn text(&mut self, t: &str) {
        if t.starts_with(char::is_whitespace) {
            self.pending_space = true;
        }
        let ends_space = t.ends_with(char::is_whitespace);
        let mut words = t
            .split(char::is_whitespace)
            .filter(|w| !w.is_empty())
            .peekable();
        while let Some(word) = words.next() {
            if self.pending_breaks > 0 {
                let breaks = std::mem::take(&mut self.pending_breaks);
                if !self.pending_sep && !self.goes_on_over_break(word, breaks) {
                    self.block(self.block_is_heading);
                }
                self.pending_space = true;
            }
            if self.pending_sep {
                self.pending_sep = false;
                if !self.out.is_empty() {
                    self.out.push_str("\n\n");
                }
                self.block_start = self.out.len();
                self.last_heading = None;
            } else if self.pending_row && self.out.len() > self.block_start {
                self.out.push('\n');
            } else if self.pending_cell && self.out.len() > self.block_start {
                self.out.push('\t');
            } else if self.pending_space && self.out.len() > self.block_start {
                self.out.push(' ');
            }
            self.out.push_str(word);
            self.pending_row = false;
            self.pending_cell = false;
            self.pending_space = words.peek().is_some() || ends_space;
        }
    }

    /// A table's row begins: its first word starts a line of the block.
    fn row(&mut self) {
        self.pending_row = true;
    }

    /// A table's cell begins: a tab before its first word (a line break, if the row's).
    fn cell(&mut self) {
        self.pending_cell = true;
    }

    /// A line break (`<br>`). Mostly it parts blocks: lines of an address, a fact box, a
    /// poem, paragraphs set apart by `<br><br>`. But text pasted into a web editor from a
    /// PDF or an e-mail keeps the line ends of its source, one `<br>` in the middle of a
    /// sentence; [`Writer::goes_on_over_break`] tells these apart when the next word comes.
    fn line_break(&mut self) {
        self.pending_breaks = self.pending_breaks.saturating_add(1);
    }

    /// Whether the text goes on over `breaks` line breaks with `next`: a single break, after
    /// a word (not a figure, which ends a fact box's line, nor a sentence's end, a colon or
    /// a semicolon) and before a word in lower case (not an e-mail or web address).
    fn goes_on_over_break(&self, next: &str, breaks: u8) -> bool {
        let before = &self.out[self.block_start..];
        breaks == 1
            && before
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphabetic() || c == ',')
            && next.chars().next().is_some_and(char::is_lowercase)
            && next
                .trim_end_matches([',', '.', ':', ';', '!', '?'])
                .chars()
                .all(|c| c.is_alphabetic() || c == '-')
    }

    /// A block boundary; `heading` tells whether the block now starting is a heading.
    fn block(&mut self, heading: bool) {
        if !self.pending_sep {
            self.end_block();
        }
        self.pending_sep = true;
        self.block_is_heading = heading;
    }

    fn end_block(&mut self) {
        if self.out.len() > self.block_start {
            let block = &self.out[self.block_start..];
            // Whatever markup it came in: a credit, a gallery counter, a date line, a
            // "Läs också" line is no article text.
            if block.len() <= 200 && is_boilerplate_line(block) && !is_url(block) {
                self.truncate_block();
                return;
            }
            if block.len() >= REPEAT_MIN {
                let h = fnv(block);
                if self.seen.contains(&h) {
                    self.truncate_block();
                    return;
                }
                self.seen.push(h);
            }
            self.last_heading = if self.block_is_heading {
                Some(self.block_start)
            } else {
                None
            };
            self.block_start = self.out.len();
        }
    }

    fn truncate_block(&mut self) {
        let mut at = self.block_start;
        // Drop the separator before the block too.
        if self.out[..at].ends_with("\n\n") {
            at -= 2;
        }
        self.out.truncate(at);
        self.block_start = self.out.len();
    }

    /// Leaves out a heading whose section turned out to be a link list.
    fn drop_dangling_heading(&mut self) {
        self.end_block();
        if let Some(start) = self.last_heading.take() {
            if start < self.out.len() {
                let mut at = start;
                if self.out[..at].ends_with("\n\n") {
                    at -= 2;
                }
                self.out.truncate(at);
                self.block_start = self.out.len();
            }
        }
    }

    fn finish(mut self) -> String {
        self.end_block();
        // Calls to action after the article ("Sign up for our newsletter", "Follow her on
        // Twitter", "Tipsa oss") are the site's, not the article's: dropped from the end.
        for _ in 0..4 {
            let start = self.out.rfind("\n\n").map_or(0, |p| p + 2);
            let last = &self.out[start..];
            if start == 0 || last.len() > 300 || !CALL_TO_ACTION.is_match(last) {
                break;
            }
            self.out.truncate(start - 2);
        }
        let trimmed = self.out.trim_end().len();
        self.out.truncate(trimmed);
        self.out
    }
}

/// Phrases of a site's calls to action, as they end articles.
static CALL_TO_ACTION: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build([
            "sign up",
            "subscribe",
            "newsletter",
            "follow us",
            "follow him",
            "follow her",
            "follow me",
            "have a tip",
            "got a tip",
            "news tip",
            "join our",
            "click here",
            "subject to copyright",
            "prenumerera",
            "nyhetsbrev",
            "följ oss",
            "tipsa oss",
            "tipsa redaktionen",
            "har du ett tips",
        ])
        .expect("calls to action")
});

/// Blocks at least this long are left out when they repeat an earlier block (a caption or
/// pull quote, an article rendered twice). Shorter lines repeat in articles for good reason:
/// "Eat every 2–3 hours" under each meal of a plan, "Portion: 1 cup" in each recipe.
const REPEAT_MIN: usize = 60;

fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

// ---------------------------------------------------------------------------------------
// Metadata.

impl Meta {
    /// Looks at an opening element; returns the text capture it starts, if any.
    fn open(&mut self, e: &Element, a: &Attrs, active: &[Capture]) -> Option<Capture> {
        match e.name() {
            "meta" => {
                self.meta(a);
                None
            }
            "link" => {
                if a.rel.is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                    && self.canonical.is_none()
                {
                    self.canonical = nonempty(a.href);
                }
                None
            }
            "title" if self.title.is_empty() && !active.contains(&Capture::Title) => {
                Some(Capture::Title)
            }
            "script" => {
                let ld = a
                    .kind
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if ld {
                    self.json_ld.push(String::new());
                    Some(Capture::JsonLd)
                } else {
                    None
                }
            }
            "h1" if !self.h1_done && !active.contains(&Capture::H1) => Some(Capture::H1),
            "img" => {
                // A logo says whose site this is: marked as one by its file, class or text.
                if let Some(alt) = a.alt.filter(|t| t.len() < 100) {
                    let logo = [a.src, a.class, a.id, Some(alt)]
                        .into_iter()
                        .flatten()
                        .any(|v| {
                            contains_ci(v.as_bytes(), b"logo")
                                || contains_ci(v.as_bytes(), b"startsida")
                        });
                    if logo {
                        self.site_names.push(collapse(alt));
                    }
                }
                None
            }
            "time" => {
                if let Some(date) = a
                    .datetime
                    .and_then(iso_date)
                    .or_else(|| a.content.and_then(iso_date))
                {
                    let mut kind = label_kind(&self.recent);
                    for v in [a.itemprop, a.class].into_iter().flatten() {
                        match label_kind(v) {
                            DateKind::Unknown => {}
                            k => kind = k,
                        }
                    }
                    self.time_attr = Some((date, kind));
                    self.time_text.clear();
                    Some(Capture::Time)
                } else {
                    None
                }
            }
            "a" if !self.rel_author_done
                && a.rel.is_some_and(|r| r.contains("author"))
                && !active.contains(&Capture::RelAuthor) =>
            {
                Some(Capture::RelAuthor)
            }
            _ => {
                if a.itemprop == Some("datePublished") && self.meta_published.is_none() {
                    self.meta_published = a.content.or(a.datetime).and_then(iso_date);
                }
                if !self.byline_done && !active.contains(&Capture::Byline) && is_byline(a) {
                    return Some(Capture::Byline);
                }
                None
            }
        }
    }

    fn meta(&mut self, a: &Attrs) {
        let Some(content) = a.content.map(str::trim).filter(|c| !c.is_empty()) else {
            return;
        };
        let key = a.property.or(a.name).or(a.itemprop).unwrap_or("");
        let set = |slot: &mut Option<String>| {
            if slot.is_none() {
                *slot = Some(collapse(content));
            }
        };
        match key.to_ascii_lowercase().as_str() {
            "og:title" => set(&mut self.og_title),
            "og:site_name" => set(&mut self.og_site),
            "og:url" => set(&mut self.og_url),
            "application-name" => set(&mut self.app_name),
            "author" | "article:author" | "dc.creator" | "parsely-author" | "sailthru.author"
                if !content.starts_with("http") && !content.contains("facebook.com") =>
            {
                set(&mut self.meta_author)
            }
            "dc.publisher" | "dcterms.publisher" => self.site_names.push(collapse(content)),
            "article:published_time"
            | "date"
            | "dc.date"
            | "dcterms.issued"
            | "dcterms.date"
            | "pubdate"
            | "publishdate"
            | "datepublished"
            | "dc.date.issued"
            | "dcterms.created"
            | "og:published_time"
            | "publish-date"
            | "parsely-pub-date"
            | "sailthru.date"
                if self.meta_published.is_none() =>
            {
                self.meta_published = iso_date(content);
            }
            _ => {}
        }
    }

    fn capture(&mut self, c: Capture, t: &str) {
        let buf = match c {
            Capture::Title => &mut self.title,
            Capture::H1 => &mut self.h1,
            Capture::JsonLd => match self.json_ld.last_mut() {
                Some(b) => b,
                None => return,
            },
            Capture::Byline => &mut self.byline,
            Capture::RelAuthor => &mut self.rel_author,
            Capture::Time => &mut self.time_text,
        };
        if c == Capture::JsonLd || buf.len() < 300 {
            buf.push_str(t);
            if c != Capture::JsonLd {
                buf.push(' ');
            }
        }
    }

    fn close(&mut self, c: Capture) {
        match c {
            Capture::H1 => self.h1_done = !self.h1.trim().is_empty(),
            Capture::Byline => self.byline_done = !self.byline.trim().is_empty(),
            Capture::RelAuthor => self.rel_author_done = !self.rel_author.trim().is_empty(),
            Capture::Time => {
                if let Some((date, mut kind)) = self.time_attr.take() {
                    if kind == DateKind::Unknown {
                        kind = label_kind(&self.time_text);
                    }
                    self.times.push(TimeTag { date, kind });
                }
            }
            _ => {}
        }
    }

    /// Text as a reader sees it, for labelled dates and `<time>` labels.
    fn visible_text(&mut self, t: &str) {
        if self.labelled_left > 0 {
            let take = floor_boundary(t, self.labelled_left);
            self.labelled.push(' ');
            self.labelled.push_str(&t[..take]);
            self.labelled_left -= take.min(self.labelled_left);
        }
        if self.labelled.len() < 4000 {
            let b = t.as_bytes();
            if has_date_label(b) {
                self.labelled.push('\n');
                let take = floor_boundary(t, 300);
                self.labelled.push_str(&t[..take]);
                self.labelled_left = 60;
            }
        }
        // Keep the last ~48 bytes of text.
        if !t.trim().is_empty() {
            self.recent.push(' ');
            self.recent.push_str(t.trim());
            if self.recent.len() > 96 {
                let cut = ceil_boundary(&self.recent, self.recent.len() - 48);
                self.recent.drain(..cut);
            }
        }
    }

    fn into_page(self, text: String) -> Page {
        let mut ld = JsonLd::read(&self.json_ld);
        let text = choose_text(text, ld.body.take());
        let site_name = self
            .og_site
            .clone()
            .or(ld.publisher.clone())
            .or(self.app_name.clone());
        let title = self
            .og_title
            .as_deref()
            .map(|t| strip_site(t, site_name.as_deref(), false))
            .or(ld.headline.clone())
            .or_else(|| nonempty(Some(&collapse(&self.h1))))
            .or_else(|| {
                nonempty(Some(&collapse(&self.title)))
                    .map(|t| strip_site(&t, site_name.as_deref(), true))
            })
            .filter(|t| !t.is_empty());
        // "Uppdaterad" never wins over "Publicerad": a <time> labelled as an update is left
        // out, and a visible date counts only with its "Publicerad" label.
        let time_of = |kind| self.times.iter().find(|t| t.kind == kind).map(|t| t.date);
        let published = ld
            .published
            .or(self.meta_published)
            .or_else(|| time_of(DateKind::Published))
            .or_else(|| dates::find_published_in_text(&self.labelled))
            .or_else(|| time_of(DateKind::Unknown));
        // The site's own names: its metadata, the parts of its <title> ("Svar på
        // interpellation ... - Östersunds kommun"), its logo.
        let title_tag = collapse(&self.title);
        let owner = [site_name.as_deref(), self.meta_author.as_deref()]
            .into_iter()
            .flatten()
            .chain(self.site_names.iter().map(String::as_str))
            .chain(title_parts(&title_tag))
            .find_map(crate::geo::organisation_named);
        // A site that names no publisher is published by the municipality it belongs to, as
        // it names itself ("Östersunds kommun").
        let owner_name = owner.map(|(_, name)| name.to_string());
        let owner = owner.map(|(m, _)| m);
        let site_name = site_name.or(owner_name);
        let author = ld
            .author
            .or(self.meta_author)
            .or_else(|| nonempty(Some(&collapse(&self.rel_author))))
            .or_else(|| clean_byline(&self.byline));
        Page {
            title,
            published,
            author,
            site_name,
            owner,
            url: self.canonical.or(self.og_url),
            text,
        }
    }
}

/// What parts a site's name from a page's title: spaced, so that "Malung-Sälen" stays whole.
const TITLE_SEPARATORS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " · "];

/// The parts of a page's `<title>` (collapsed) apart by [`TITLE_SEPARATORS`]: "Svar på
/// interpellation - Östersunds kommun".
fn title_parts(title: &str) -> Vec<&str> {
    let mut parts = vec![title];
    for sep in TITLE_SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts.into_iter().map(str::trim).collect()
}

/// Whether a class or id names an article's lead: a word of it, apart by spaces, hyphens or
/// underscores, is one ("hp-article__preamble", "article-ingress", "text-block__lead"),
/// not a longer word that holds one ("leaderboard", "introbox").
fn names_a_lead(value: &str) -> bool {
    value
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .any(|w| {
            [
                "lead",
                "ingress",
                "preamble",
                "standfirst",
                "intro",
                "introduction",
            ]
            .iter()
            .any(|l| w.eq_ignore_ascii_case(l))
        })
}

/// Whether a text holds a word that labels a visible date ("Publicerad", "Published",
/// "Datum", "Daterad"), ASCII case ignored. Runs on every text node of the page, most of
/// them a few bytes long, so a plain loop beats a searcher's setup.
fn has_date_label(b: &[u8]) -> bool {
    let starts = |i: usize, rest: &[u8]| {
        b.get(i..i + rest.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(rest))
    };
    (0..b.len()).any(|i| match b[i] | 0x20 {
        b'p' => starts(i + 1, b"ubl"),
        b'd' => starts(i + 1, b"atum") || starts(i + 1, b"aterad"),
        _ => false,
    })
}

/// Whether an element is a byline ("Av Anna Svensson", class "byline", "author").
fn is_byline(a: &Attrs) -> bool {
    if a.itemprop == Some("author") || a.rel == Some("author") {
        return true;
    }
    a.class.is_some_and(|c| {
        let mut byline = false;
        for m in BYLINE.find_iter(c) {
            match m.pattern().as_usize() {
                3 => return false, // "author-bio", "byline__bio": about the author
                _ => byline = true,
            }
        }
        byline
    })
}

static BYLINE: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(["byline", "author-name", "author__name", "bio"])
        .expect("byline classes")
});

/// The names of a byline, without "Av"/"By" and roles after a comma.
fn clean_byline(raw: &str) -> Option<String> {
    let t = collapse(raw);
    let mut t = t.as_str();
    for p in ["Av ", "av ", "By ", "by ", "Text: ", "Text:", "Skribent: "] {
        if let Some(rest) = t.strip_prefix(p) {
            t = rest;
            break;
        }
    }
    // A byline box often holds the photographer and the dates too: "Oskar Wennberg Foto:
    // Lisa Karlsson Publicerad: måndag 4 april 2016".
    let t = [
        " Foto:",
        " Bild:",
        " Publicerad",
        " Uppdaterad",
        " Published",
        " Updated",
    ]
    .iter()
    .filter_map(|m| t.find(m))
    .min()
    .map_or(t, |end| &t[..end]);
    let t = t.trim();
    if t.is_empty() || t.len() > 120 {
        return None;
    }
    Some(t.to_string())
}

/// Whether a label says published or updated.
fn label_kind(s: &str) -> DateKind {
    let b = s.as_bytes();
    // The last label before the date decides: "Publicerad 3 sep. Uppdaterad" ends in an
    // update label.
    let last = |needles: &[&[u8]]| -> Option<usize> {
        needles
            .iter()
            .filter_map(|n| {
                (0..=b.len().saturating_sub(n.len()))
                    .rev()
                    .find(|&i| b.len() >= n.len() && b[i..i + n.len()].eq_ignore_ascii_case(n))
            })
            .max()
    };
    let upd = last(&[
        b"uppdater",
        b"updated",
        b"modified",
        b"\xc3\xa4ndrad",
        b"senast",
    ]);
    let publ = last(&[
        b"publicer",
        b"published",
        b"publ.",
        b"datepublished",
        b"pubdate",
    ]);
    match (publ, upd) {
        (Some(p), Some(u)) if u > p => DateKind::Updated,
        (Some(_), _) => DateKind::Published,
        (None, Some(_)) => DateKind::Updated,
        (None, None) => DateKind::Unknown,
    }
}

/// The date of an ISO timestamp: "2021-09-03", "2021-09-03T05:15:00+02:00".
fn iso_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// The title without its site suffix: "Rubrik | Sajten" → "Rubrik". Without a known site
/// name, a short last part is taken as the site when `guess` is set.
fn strip_site(title: &str, site: Option<&str>, guess: bool) -> String {
    let title = collapse(title);
    for sep in TITLE_SEPARATORS {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (&title[..pos], title[pos + sep.len()..].trim());
            let is_site =
                site.is_some_and(|s| {
                    tail.eq_ignore_ascii_case(s.trim())
                        || tail.to_lowercase().contains(&s.trim().to_lowercase())
                }) || (guess && tail.split_whitespace().count() <= 3 && head.len() > tail.len());
            if is_site && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title
}

fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn nonempty(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn floor_boundary(s: &str, max: usize) -> usize {
    let mut i = max.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, min: usize) -> usize {
    let mut i = min.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// What the JSON-LD blocks of a page say about its article.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    body: Option<String>,
    published: Option<NaiveDate>,
    author: Option<String>,
    publisher: Option<String>,
}

impl JsonLd {
    fn read(scripts: &[String]) -> JsonLd {
        let mut best: Option<(u8, JsonLd)> = None;
        for s in scripts {
            let s = s.trim();
            let s = s
                .strip_prefix("<!--")
                .and_then(|s| s.strip_suffix("-->"))
                .unwrap_or(s);
            let Ok(v) = serde_json::from_str::<serde_json::Value>(s) else {
                continue;
            };
            visit(&v, &mut best, 0);
        }
        best.map(|b| b.1).unwrap_or_default()
    }
}

/// Finds the object that describes the article: an Article type beats a WebPage, which beats
/// anything else with a `datePublished`.
fn visit(v: &serde_json::Value, best: &mut Option<(u8, JsonLd)>, depth: usize) {
    use serde_json::Value;
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|x| visit(x, best, depth + 1)),
        Value::Object(map) => {
            let rank = type_rank(map.get("@type"));
            let has_date = map.get("datePublished").is_some();
            if rank > 0 || has_date {
                let rank = rank.max(1);
                if best.as_ref().is_none_or(|b| rank > b.0) {
                    let str_of = |k: &str| {
                        map.get(k)
                            .and_then(Value::as_str)
                            .map(collapse)
                            .filter(|s| !s.is_empty())
                    };
                    *best = Some((
                        rank,
                        JsonLd {
                            headline: str_of("headline"),
                            body: map
                                .get("articleBody")
                                .and_then(Value::as_str)
                                .map(str::to_string),
                            published: map
                                .get("datePublished")
                                .and_then(Value::as_str)
                                .and_then(iso_date),
                            author: map.get("author").and_then(names),
                            publisher: map.get("publisher").and_then(|p| match p {
                                Value::Object(o) => o
                                    .get("name")
                                    .and_then(Value::as_str)
                                    .map(collapse)
                                    .filter(|s| !s.is_empty()),
                                Value::Array(a) => a.first().and_then(|p| {
                                    p.get("name").and_then(Value::as_str).map(collapse)
                                }),
                                Value::String(s) => Some(collapse(s)),
                                _ => None,
                            }),
                        },
                    ));
                }
            }
            for (k, x) in map {
                if k == "@graph" || k == "mainEntity" || matches!(x, Value::Array(_)) {
                    visit(x, best, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn type_rank(t: Option<&serde_json::Value>) -> u8 {
    let rank_of = |s: &str| -> u8 {
        if s.ends_with("Article") || s == "BlogPosting" || s == "Report" || s == "LiveBlogPosting" {
            3
        } else if s.ends_with("WebPage") {
            2
        } else {
            0
        }
    };
    match t {
        Some(serde_json::Value::String(s)) => rank_of(s),
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str())
            .map(rank_of)
            .max()
            .unwrap_or(0),
        _ => 0,
    }
}

/// Author names from JSON-LD: a string, an object with a name, or a list of them.
fn names(v: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: &str| {
        let s = collapse(s);
        if !s.is_empty() && !s.starts_with("http") && !out.contains(&s) {
            out.push(s);
        }
    };
    match v {
        Value::String(s) => add(s),
        Value::Object(o) => {
            if let Some(n) = o.get("name").and_then(Value::as_str) {
                add(n)
            }
        }
        Value::Array(a) => {
            for x in a {
                match x {
                    Value::String(s) => add(s),
                    Value::Object(o) => {
                        if let Some(n) = o.get("name").and_then(Value::as_str) {
                            add(n)
                        }
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    (!out.is_empty()).then(|| out.join(", "))
}

#[cfg(test)]
mod tests {
    #[test]
    fn nesting_is_estimated_without_parsing() {
        assert_eq!(
            super::nesting_estimate("<html><body><p>a<br>b</p><img src=x></body></html>"),
            3
        );
        let deep = format!(
            "<html><body>{}x{}</body></html>",
            "<div>".repeat(9000),
            "</div>".repeat(9000)
        );
        assert!(super::nesting_estimate(&deep) > super::MAX_NESTING);
    }

    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    const NEWS: &str = r##"<!doctype html>
<html lang="sv"><head>
<meta charset="utf-8">
<title>Socialtjänsten tappar handläggare | Norrbladet</title>
<meta property="og:title" content="Socialtjänsten tappar handläggare">
<meta property="og:site_name" content="Norrbladet">
<link rel="canonical" href="https://norrbladet.example/nyheter/socialtjansten-tappar-handlaggare">
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Norrbladet","url":"https://norrbladet.example"},
 {"@type":"NewsArticle","headline":"Socialtjänsten tappar handläggare",
  "datePublished":"2024-03-05T06:30:00+01:00","dateModified":"2024-03-06T10:00:00+01:00",
  "author":[{"@type":"Person","name":"Karin Lund"},{"@type":"Person","name":"Omar Said"}],
  "publisher":{"@type":"NewsMediaOrganization","name":"Norrbladet AB"}}]}
</script>
</head><body>
<div id="cookie-consent" class="cookie-banner"><p>Vi använder cookies för att ge dig en bättre upplevelse. Genom att fortsätta godkänner du detta.</p><button>Godkänn</button></div>
<header class="site-header"><a href="/">Norrbladet</a><nav><ul><li><a href="/nyheter">Nyheter</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main>
<article class="article">
<header class="article-header">
<h1>Socialtjänsten tappar handläggare</h1>
<p class="byline">Av Karin Lund och Omar Said</p>
<p class="dateline">Publicerad 06:30, 5 mars 2024 · Uppdaterad 10:00, 6 mars 2024</p>
</header>
<p class="lead">Sju av tolv handläggare på barn och unga har sagt upp sig sedan årsskiftet, visar Norrbladets granskning.</p>
<div class="share-bar"><a href="#">Dela på Facebook</a><a href="#">Dela på X</a></div>
<div class="article-body">
<p>Förvaltningen har tagit in konsulter för att klara utredningarna, och väntetiderna har ökat under våren.</p>
<figure><img src="a.jpg" alt=""><figcaption>Socialkontoret i Piteå. Foto: Karin Lund</figcaption></figure>
<h2>”Ohållbar arbetsbelastning”</h2>
<p>– Vi har haft över trettio ärenden per handläggare, säger en socialsekreterare som vill vara anonym.</p>
<ul><li>Fem tjänster är vakanta.</li><li>Två chefer har slutat.</li></ul>
<blockquote><p>Vi gör allt vi kan för att rekrytera, säger förvaltningschefen.</p></blockquote>
<div class="subscription-promo"><p>Prenumerera på Norrbladet för bara 1 krona första månaden, och läs allt vi skriver om din kommun.</p></div>
</div>
<section class="related-articles"><h2>Rekommenderade artiklar</h2>
<ul><li><a href="/a/1">Tio socialsekreterare slutade i Luleå i fjol</a></li><li><a href="/a/2">Konsultkostnaderna ökar i Boden, och nu vill politikerna ha svar</a></li></ul></section>
<div class="comments"><h3>Kommentarer</h3><p>Det här är ju helt oacceptabelt, någon måste ta ansvar för situationen nu!</p></div>
</article>
<aside class="sidebar"><h2>Mest läst</h2><ol><li><a href="/b">Älgjakten börjar</a></li></ol></aside>
</main>
<footer class="site-footer"><p>© Norrbladet AB, Storgatan 1, Piteå. Ansvarig utgivare: Anna Berg.</p></footer>
</body></html>"##;

    #[test]
    fn news_article_text_and_metadata() {
        let p = parse(NEWS);
        assert_eq!(
            p.text,
            "Socialtjänsten tappar handläggare\n\n\
             Sju av tolv handläggare på barn och unga har sagt upp sig sedan årsskiftet, visar Norrbladets granskning.\n\n\
             Förvaltningen har tagit in konsulter för att klara utredningarna, och väntetiderna har ökat under våren.\n\n\
             ”Ohållbar arbetsbelastning”\n\n\
             – Vi har haft över trettio ärenden per handläggare, säger en socialsekreterare som vill vara anonym.\n\n\
             Fem tjänster är vakanta.\n\n\
             Två chefer har slutat.\n\n\
             Vi gör allt vi kan för att rekrytera, säger förvaltningschefen."
        );
        assert_eq!(
            p.title.as_deref(),
            Some("Socialtjänsten tappar handläggare")
        );
        assert_eq!(p.published, ymd(2024, 3, 5));
        assert_eq!(p.author.as_deref(), Some("Karin Lund, Omar Said"));
        assert_eq!(p.site_name.as_deref(), Some("Norrbladet"));
        assert_eq!(
            p.url.as_deref(),
            Some("https://norrbladet.example/nyheter/socialtjansten-tappar-handlaggare")
        );
    }

    const MUNICIPAL: &str = r##"<!DOCTYPE html>
<html lang="sv"><head><title>Nyheter - Socialförvaltningen söker fler socialsekreterare - Ekby kommun</title>
<meta name="author" content="Kommunikationsavdelningen">
</head><body>
<form id="aspnetForm" method="post">
<div id="top-menu" class="menu"><ul><li><a href="/">Startsida</a></li><li><a href="/omsorg">Omsorg och stöd</a></li><li><a href="/kontakt">Kontakta oss</a></li></ul></div>
<div class="breadcrumbs"><a href="/">Start</a> / <a href="/nyheter">Nyheter</a></div>
<div class="page-wrapper">
<div class="left-column"><ul class="subnav"><li><a href="/n1">Nyhetsarkiv</a></li><li><a href="/n2">Pressmeddelanden</a></li></ul></div>
<div class="main-column" id="content">
<h1>Socialförvaltningen söker fler socialsekreterare</h1>
<div class="date">Publicerad: 2023-11-14</div>
<div class="preamble"><p>Ekby kommun behöver anställa åtta socialsekreterare till enheten för barn och familj under våren.</p></div>
<div class="text">
<p>Just nu är fyra av tjänsterna vakanta, och enheten har tagit hjälp av bemanningsföretag för att klara arbetet.</p>
<p>Den som vill veta mer är välkommen att kontakta enhetschefen. Sista ansökningsdag är den 15 december.</p>
</div>
</div>
<div class="right-column sidebar"><h2>Kontakt</h2><p>Kundcenter, telefon 0123-45 67 89, öppet vardagar 8–17. Välkommen att höra av dig till oss!</p></div>
</div>
<div id="footer"><p>Ekby kommun, 123 45 Ekby. Organisationsnummer 212000-0000.</p></div>
</form></body></html>"##;

    #[test]
    fn municipal_page_without_menus_and_sidebar() {
        let p = parse(MUNICIPAL);
        assert_eq!(
            p.text,
            "Socialförvaltningen söker fler socialsekreterare\n\n\
             Ekby kommun behöver anställa åtta socialsekreterare till enheten för barn och familj under våren.\n\n\
             Just nu är fyra av tjänsterna vakanta, och enheten har tagit hjälp av bemanningsföretag för att klara arbetet.\n\n\
             Den som vill veta mer är välkommen att kontakta enhetschefen. Sista ansökningsdag är den 15 december."
        );
        assert_eq!(
            p.title.as_deref(),
            Some("Socialförvaltningen söker fler socialsekreterare")
        );
        assert_eq!(p.published, ymd(2023, 11, 14));
        assert_eq!(p.author.as_deref(), Some("Kommunikationsavdelningen"));
        assert_eq!(p.site_name, None);
        assert_eq!(p.url, None);
    }

    /// A municipality's own site names it in its title, its Dublin Core metadata or its
    /// logo, and its pages often never name it again: the page is the municipality's.
    #[test]
    fn a_municipalitys_own_site_is_its_owner() {
        let owner = |head: &str, body: &str| {
            let p = parse(&format!(
                "<html><head>{head}</head><body>{body}<article><h1>Svar på interpellation</h1>\
                 <p>Enheten har totalt 28 socialsekreterartjänster och fyra av dem är vakanta just nu.</p>\
                 </article></body></html>"
            ));
            p.owner.map(|m| m.name)
        };
        assert_eq!(
            owner(
                "<title>Svar på interpellation - Östersunds kommun</title>",
                ""
            ),
            Some("Östersund")
        );
        assert_eq!(
            owner(
                "<title>Socialnämnden 23 oktober | Nyköpings kommun</title>",
                ""
            ),
            Some("Nyköping")
        );
        assert_eq!(
            owner(
                r#"<meta name="DC.publisher" content="Vänersborgs kommun">"#,
                ""
            ),
            Some("Vänersborg")
        );
        assert_eq!(
            owner(r#"<meta property="og:site_name" content="Malmö stad">"#, ""),
            Some("Malmö")
        );
        assert_eq!(
            owner(
                "",
                r#"<header><a href="/"><img src="/img/logo.svg" alt="Falu kommun, till startsidan"></a></header>"#
            ),
            Some("Falun")
        );
        // With no site name of its own, the page's publisher is the municipality as it names
        // itself.
        let p = parse(
            r#"<html><head><title>Svar på interpellation - Östersunds kommun</title></head><body><article>
            <p>Enheten har totalt 28 socialsekreterartjänster och fyra av dem är vakanta just nu.</p>
            </article></body></html>"#,
        );
        assert_eq!(p.site_name.as_deref(), Some("Östersunds kommun"));
        // A newspaper, a union, an authority writing about a municipality; a photo of one.
        assert_eq!(
            owner(
                "<title>Lerums kommun får kritik - Arbetsmiljöverket</title>",
                ""
            ),
            None
        );
        assert_eq!(
            owner("<title>Socialtjänsten i Kalmar - Barometern</title>", ""),
            None
        );
        assert_eq!(
            owner(
                r#"<meta property="og:site_name" content="Östersunds-Posten">"#,
                ""
            ),
            None
        );
        assert_eq!(
            owner(
                "",
                r#"<figure><img src="/bild/stadshuset.jpg" alt="Falu kommun"></figure>"#
            ),
            None
        );
    }

    /// A template that puts the headline and lead in a header of their own, beside the
    /// body: they are the article's first lines. The byline and date between are not.
    #[test]
    fn a_lead_in_a_header_of_its_own_joins_the_body() {
        let p = parse(
            r#"<html><body><nav><a href="/">Start</a> <a href="/lokalt">Lokalt</a></nav>
            <div class="site"><div class="news-heading"><h1>Handläggarna lämnar</h1>
            <span class="date">Publicerad: 2016-04-04</span></div>
            <div class="text-block"><div class="text-block__lead"><p>På tre månader har nästan hälften av handläggarna på försörjningsstöd sagt upp sig.</p></div>
            <div class="text-block__body"><div class="rte">
            <p>Under årets första kvartal har fem av tolv handläggare på enheten för försörjningsstöd i Lidköping sagt upp sig, visar siffror från kommunen.</p>
            <p>Resultatet märks redan för dem som söker hjälp, och väntetiderna har blivit längre under våren, enligt enhetschefen.</p>
            <p>Varje handläggare har i dag runt 90 ärenden, och kommunen har tagit in två konsulter för att täcka upp.</p>
            </div></div></div>
            <div class="leaderboard">Annons: köp nya bildäck i dag, med 25 procent rabatt på alla märken.</div>
            </div></body></html>"#,
        );
        assert!(
            p.text.starts_with(
                "Handläggarna lämnar\n\nPå tre månader har nästan hälften av handläggarna på försörjningsstöd sagt upp sig.\n\nUnder årets första kvartal"
            ),
            "{}",
            p.text
        );
        assert!(!p.text.contains("Publicerad"), "{}", p.text);
        assert!(p.text.ends_with("täcka upp."), "{}", p.text);
    }

    /// A fact box in the article is the article's; other asides are not.
    #[test]
    fn a_fact_box_is_the_articles() {
        let p = parse(
            r#"<html><body><article><h1>Personalflykt från barnenheten</h1>
            <p>Socialsekreterarna på barn- och ungdomsenheten slutar i en takt som oroar facket, och cheferna hinner inte rekrytera.</p>
            <p>Enheten har fått allt fler anmälningar de senaste åren, och arbetsbelastningen har ökat för dem som är kvar på enheten.</p>
            <aside class="factbox"><h3>Fakta: Socialtjänsten i Skellefteå</h3><ul>
            <li>Barn- och ungdomsenheten har 22 tjänster som socialsekreterare.</li></ul></aside>
            <aside class="related"><h3>Läs också</h3><ul><li><a href="/a">12 socialsekreterare har slutat i Kalix</a></li></ul></aside>
            </article><aside class="sidebar-facts"><p>Fakta om tidningen: vi har 40 000 läsare varje dag och är störst i länet.</p></aside></body></html>"#,
        );
        assert!(
            p.text.contains("22 tjänster som socialsekreterare"),
            "{}",
            p.text
        );
        assert!(!p.text.contains("Kalix"), "{}", p.text);
        assert!(!p.text.contains("läsare"), "{}", p.text);
    }

    #[test]
    fn dublin_core_dates_and_busy_bylines() {
        let p = parse(
            r#"<html><head><meta name="DC.date" content="2014-11-20"></head><body><article>
               <h1>Svar på interpellation</h1>
               <p>Under perioden januari till oktober har elva socialsekreterare avslutat sin anställning.</p>
               </article></body></html>"#,
        );
        assert_eq!(p.published, ymd(2014, 11, 20));
        let p = parse(
            r#"<html><body><article><h1>Handläggarna lämnar</h1>
               <div class="article__byline"><span>Text: Oskar Wennberg</span> <span>Foto: Lisa Karlsson</span>
               <div>Publicerad: måndag 4 april 2016 kl. 19:45</div></div>
               <p>Under årets första kvartal har fem av tolv handläggare på enheten sagt upp sig.</p>
               </article></body></html>"#,
        );
        assert_eq!(p.published, ymd(2016, 4, 4));
        assert_eq!(p.author.as_deref(), Some("Oskar Wennberg"));
    }

    /// A table of data keeps its rows as lines and its cells apart by tabs, for the table
    /// reader of the claims; a table that lays out paragraphs is read as its paragraphs.
    #[test]
    fn tables_of_data_keep_rows_and_cells() {
        let page = r#"<html><body><article>
            <h1>Personalnyckeltal för socialtjänsten</h1>
            <p>Socialnämnden redovisar personalnyckeltal för perioden januari till augusti i tabellen nedan.</p>
            <table><tr><th>Nyckeltal</th><th>Jan–aug 2016</th><th>Jan–aug 2015</th></tr>
            <tr><td>Vakanta tjänster, socialsekreterare</td><td>14</td><td>6</td></tr></table>
            <p>Kommentar: antalet vakanta tjänster har ökat kraftigt under året enligt förvaltningen.</p>
            </article></body></html>"#;
        let text = parse(page).text;
        assert!(
            text.contains(
                "\n\nNyckeltal\tJan–aug 2016\tJan–aug 2015\nVakanta tjänster, socialsekreterare\t14\t6\n\n"
            ),
            "{text:?}"
        );
        let layout = r#"<html><body><table><tr><td>
            <p>Tolv socialsekreterare har slutat under sommaren, uppger facket för kommunen i ett pressmeddelande.</p>
            <p>Förvaltningen har börjat rekrytera och hyr in konsulter under tiden, skriver kommunen på sin webbplats.</p>
            </td></tr></table></body></html>"#;
        let text = parse(layout).text;
        assert!(!text.contains('\t'), "{text:?}");
        assert!(
            text.contains("pressmeddelande.\n\nFörvaltningen"),
            "{text:?}"
        );
    }

    #[test]
    fn updated_never_wins_over_published() {
        let page = r#"<html><body><article>
            <p>Uppdaterad <time datetime="2021-09-05T10:00">5 sep 2021</time></p>
            <p>Publicerad <time datetime="2021-09-03T05:15">3 sep 2021</time></p>
            <p>Tolv socialsekreterare har slutat under sommaren, uppger facket för kommunen.</p>
            </article></body></html>"#;
        assert_eq!(parse(page).published, ymd(2021, 9, 3));
        let visible = r#"<html><body><article>
            <p>Uppdaterad 10.00, 5 sep 2021. Publicerad 05:15, 3 sep 2021</p>
            <p>Tolv socialsekreterare har slutat under sommaren, uppger facket för kommunen.</p>
            </article></body></html>"#;
        assert_eq!(parse(visible).published, ymd(2021, 9, 3));
        let only_updated = r#"<html><body><article>
            <p>Uppdaterad <time datetime="2021-09-05T10:00">5 sep 2021</time></p>
            <p>Tolv socialsekreterare har slutat under sommaren, uppger facket för kommunen.</p>
            </article></body></html>"#;
        assert_eq!(parse(only_updated).published, None);
    }

    #[test]
    fn title_from_title_tag_without_site() {
        let page = "<html><head><title>Fem handläggare slutar i Ekby | Ekbybladet</title></head>\
                    <body><p>Fem handläggare har sagt upp sig.</p></body></html>";
        let p = parse(page);
        assert_eq!(p.title.as_deref(), Some("Fem handläggare slutar i Ekby"));
        assert_eq!(p.text, "Fem handläggare har sagt upp sig.");
    }

    #[test]
    fn malformed_and_truncated_html_do_not_panic() {
        let truncated = &NEWS[..NEWS.find("<figure>").expect("figure")];
        let p = parse(truncated);
        assert!(
            p.text.contains("Förvaltningen har tagit in konsulter"),
            "{}",
            p.text
        );
        assert!(!p.text.contains("cookies"));
        assert_eq!(p.published, ymd(2024, 3, 5));

        let broken = "<html><body><div><p>Tre socialsekreterare <b>har <i>slutat</b> i Ekby.</div></span></p>\
                      <p>Fyra till <i>planerar att sluta.</p><table><tr><td>Celler";
        let p = parse(broken);
        assert_eq!(
            p.text,
            "Tre socialsekreterare har slutat i Ekby.\n\nFyra till planerar att sluta."
        );

        let deep = "<div>".repeat(3_000) + "Djupt inne" + &"</div>".repeat(3_000);
        assert_eq!(parse(&deep).text, "Djupt inne");

        let bad_json = r#"<html><head><script type="application/ld+json">{"datePublished": </script></head><body><p>Text.</p></body></html>"#;
        assert_eq!(parse(bad_json).published, None);
    }

    #[test]
    fn a_line_break_in_the_middle_of_a_sentence_joins_its_halves() {
        // Pasted from a PDF into a web editor: the source's line ends became <br>.
        let page = "<html><body><article><h1>Kris i Kumla</h1>\
            <p>I Kumla har tio av 30 socialsekreterare<br>sagt upp sig sedan januari,<br>\
            visar en enkät.<br>Det är allvarligt.</p>\
            <p>Nämnden kräver åtgärder för att behålla personalen i socialtjänsten.<br><br>\
            ohållbart, säger facket.</p><p>Kontakt:<br>Anna Berg<br>anna@kumla.se</p>\
            </article></body></html>";
        assert_eq!(
            parse(page).text,
            "Kris i Kumla\n\n\
             I Kumla har tio av 30 socialsekreterare sagt upp sig sedan januari, visar en enkät.\n\n\
             Det är allvarligt.\n\n\
             Nämnden kräver åtgärder för att behålla personalen i socialtjänsten.\n\n\
             ohållbart, säger facket.\n\n\
             Kontakt:\n\nAnna Berg\n\nanna@kumla.se"
        );
    }

    #[test]
    fn scripts_and_styles_are_skipped_before_parsing() {
        let page = r#"<html><head><style>p { color: red }</style>
            <script type="application/ld+json">{"datePublished":"2022-01-02"}</script>
            <SCRIPT>var s = "<p>inte text</p>";</SCRIPT><script src=x.js></script>
            </head><body><!-- <script> i en kommentar --><svg><text>ikon</text></svg>
            <p>Fem socialsekreterare har slutat.</p><scripts>a</scripts><script>ej stängd"#;
        assert_eq!(
            strip_raw_text(page),
            r#"<html><head><style></style>
            <script type="application/ld+json">{"datePublished":"2022-01-02"}</script>
            <SCRIPT></SCRIPT><script src=x.js></script>
            </head><body><svg></svg>
            <p>Fem socialsekreterare har slutat.</p><scripts>a</scripts><script>"#
        );
        let p = parse(page);
        assert_eq!(p.text, "Fem socialsekreterare har slutat.\n\na");
        assert_eq!(p.published, ymd(2022, 1, 2));
    }

    #[test]
    fn menus_are_emptied_before_parsing() {
        let page = "<body><NAV class=top><ul><li><nav><a>Sport</a></nav></li><li><a>Nöje</a></li></ul></nav>\
                    <navbar>x</navbar><p>Fem socialsekreterare har slutat.</p><nav><a>Start</a>";
        assert_eq!(
            strip_raw_text(page),
            "<body><NAV class=top></nav><navbar>x</navbar><p>Fem socialsekreterare har slutat.</p><nav><a>Start</a>"
        );
        assert_eq!(parse(page).text, "x\n\nFem socialsekreterare har slutat.");
        // A "<nav>" in a script or comment of the menu opens nothing: the article after the
        // menu stays.
        let page =
            "<body><nav><script>menu.innerHTML = '<nav>';</script><!-- <nav> --><a>Sport</a></nav>\
                    <p>Fem socialsekreterare har slutat.</p><nav><a>Start</a></nav>";
        assert_eq!(parse(page).text, "Fem socialsekreterare har slutat.");
    }

    #[test]
    fn no_body_gives_empty_text() {
        let p = parse("<html><head><title>Bara en rubrik</title></head></html>");
        assert_eq!(p.text, "");
        assert_eq!(p.title.as_deref(), Some("Bara en rubrik"));
        assert_eq!(parse("").text, "");
        assert_eq!(parse("<!-- bara en kommentar -->").text, "");
        let only_nav = "<html><body><nav><a href=/>Start</a></nav></body></html>";
        assert_eq!(parse(only_nav).text, "");
    }

    #[test]
    fn teasers_after_a_related_heading_are_left_out() {
        // The teasers carry full paragraphs, so link density does not catch them; the
        // heading's class does, and so does its text.
        let by_class = r#"<html><body><article class="post">
            <p>Socialförvaltningen i Ekby har förlorat tolv handläggare sedan januari, och fler har sagt upp sig.</p>
            <p>Förvaltningschefen säger att rekryteringen pågår, men att konsulter behövs under hösten.</p>
            <h3 class="relatedpoststitle">Du kanske gillar</h3>
            <article class="post"><p>Älgjakten börjar i morgon, och jägarna i länet förbereder sig med skjutprov och möten.</p></article>
            <article class="post"><p>Kommunen bygger en ny förskola, och den ska stå klar om två år enligt planen.</p></article>
            </article></body></html>"#;
        assert_eq!(
            parse(by_class).text,
            "Socialförvaltningen i Ekby har förlorat tolv handläggare sedan januari, och fler har sagt upp sig.\n\n\
             Förvaltningschefen säger att rekryteringen pågår, men att konsulter behövs under hösten."
        );
        let by_text = r#"<html><body><div class="content">
            <p>Socialförvaltningen i Ekby har förlorat tolv handläggare sedan januari, och fler har sagt upp sig.</p>
            <p>Förvaltningschefen säger att rekryteringen pågår, men att konsulter behövs under hösten.</p>
            <div><h2>Rekommenderade artiklar</h2></div>
            <div><p>Älgjakten börjar i morgon, och jägarna i länet förbereder sig med skjutprov och möten.</p></div>
            </div></body></html>"#;
        assert!(!parse(by_text).text.contains("Älgjakten"));
        // A related heading before any text cuts nothing, and "Läs också" is no such heading.
        let first = r#"<html><body><div class="content">
            <h2 class="related-title">Relaterat</h2>
            <p>Socialförvaltningen i Ekby har förlorat tolv handläggare sedan januari, och fler har sagt upp sig.</p>
            <h2>Läs också</h2>
            <p>Förvaltningschefen säger att rekryteringen pågår, men att konsulter behövs under hösten.</p>
            </div></body></html>"#;
        assert!(parse(first).text.contains("Förvaltningschefen säger"));
        // A related box in the middle of the article ends with the box.
        let boxed = r#"<html><body><div class="content">
            <p>Socialförvaltningen i Ekby har förlorat tolv handläggare sedan januari, och fler har sagt upp sig.</p>
            <div class="side"><div class="related"><h2>Related Links</h2><ul><li><a href="/a">Kommunens webbplats</a></li></ul></div></div>
            <div class="box related-articles"><header><h3 class="related-title">Relaterat</h3></header><ul></ul></div>
            <p>Förvaltningschefen säger att rekryteringen pågår, men att konsulter behövs under hösten.</p>
            </div></body></html>"#;
        assert_eq!(
            parse(boxed).text,
            "Socialförvaltningen i Ekby har förlorat tolv handläggare sedan januari, och fler har sagt upp sig.\n\n\
             Förvaltningschefen säger att rekryteringen pågår, men att konsulter behövs under hösten."
        );
    }

    #[test]
    fn short_lines_may_repeat_long_blocks_may_not() {
        let page = r#"<html><body><div class="content">
            <h3>Måltid 1</h3><p>Ät var tredje timme</p><p>Havregrynsgröt med lingon, en näve nötter och ett glas mjölk.</p>
            <h3>Måltid 2</h3><p>Ät var tredje timme</p><p>Kycklingsallad med bulgur, gurka och tomat, och en frukt efteråt.</p>
            <blockquote>Havregrynsgröt med lingon, en näve nötter och ett glas mjölk.</blockquote>
            </div></body></html>"#;
        let text = parse(page).text;
        assert_eq!(text.matches("Ät var tredje timme").count(), 2, "{text}");
        assert_eq!(text.matches("Havregrynsgröt").count(), 1, "{text}");
    }

    #[test]
    fn calls_to_action_at_the_end_are_left_out() {
        let page = r#"<html><body><article>
            <p>Tolv socialsekreterare har slutat i Ekby sedan januari, och förvaltningen tar in konsulter.</p>
            <p>Fackets ombud kallar läget ohållbart och kräver lägre arbetsbelastning under hösten.</p>
            <p>Har du ett tips? Mejla redaktionen eller följ oss på Facebook.</p>
            <p>Prenumerera på vårt nyhetsbrev och få nyheterna varje morgon.</p>
            <p>Image copyright Getty Images</p>
            </article></body></html>"#;
        assert_eq!(
            parse(page).text,
            "Tolv socialsekreterare har slutat i Ekby sedan januari, och förvaltningen tar in konsulter.\n\n\
             Fackets ombud kallar läget ohållbart och kräver lägre arbetsbelastning under hösten."
        );
        // In the middle of an article such a phrase is text.
        let middle = r#"<html><body><article>
            <p>Tolv socialsekreterare har slutat i Ekby sedan januari, och förvaltningen tar in konsulter.</p>
            <p>Kommunen skickar ett nyhetsbrev till personalen varje vecka om läget.</p>
            <p>Fackets ombud kallar läget ohållbart och kräver lägre arbetsbelastning under hösten.</p>
            </article></body></html>"#;
        assert!(parse(middle).text.contains("nyhetsbrev till personalen"));
    }

    #[test]
    fn class_hints_are_words_or_fragments() {
        assert_eq!(hints("related-articles"), (true, false, true));
        assert_eq!(hints("header"), (false, true, false));
        assert_eq!(hints("entry-header"), (false, true, true));
        assert_eq!(hints("ad-slot"), (true, false, false));
        assert_eq!(hints("adSlot"), (true, false, false));
        assert_eq!(hints("headline"), (false, false, false));
        assert_eq!(hints("loading"), (false, false, false));
        assert!(!hints("navy-blue").0);
    }
}
