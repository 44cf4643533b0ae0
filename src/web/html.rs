//! HTML building blocks: escaping, links, the page frame, and what each claim kind is
//! called and coloured. Every piece of text from a document or a request goes through
//! [`esc`] (or [`enc`] inside a URL) before it is written into a page.

use crate::claims::Kind;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use std::fmt::Write;

/// Text escaped for HTML content and quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text percent-encoded for a URL query value.
pub fn enc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// A query string from the non-empty pairs ("?a=1&b=2"), or "" when none.
pub fn query_string(pairs: &[(&str, &str)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// A URL that may be linked to: only http and https (never `javascript:` or `data:`).
pub fn safe_url(url: &str) -> Option<&str> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url.trim())
}

/// The link to a document's view, at the claim with this span when given.
pub fn doc_href(path: &str, span: Option<[usize; 2]>) -> String {
    let anchor = span.map_or(String::new(), |s| format!("#s{}-{}", s[0], s[1]));
    format!("/doc?path={}{anchor}", enc(path))
}

/// What a reader calls each kind.
pub fn kind_label(k: Kind) -> &'static str {
    match k {
        Kind::Resigned => "Resigned",
        Kind::IntentToQuit => "Want to quit",
        Kind::Caseload => "Caseload",
        Kind::Vacancies => "Vacancies",
        Kind::Staffing => "Staffing",
        Kind::Consultants => "Consultants",
        Kind::Inspection => "Inspection finding",
        Kind::Deficit => "Deficit / cost",
        Kind::WorkloadChange => "Workload change",
        Kind::SickLeave => "Sick leave",
    }
}

/// A colour per kind, distinct on screen and in print.
pub fn kind_color(k: Kind) -> &'static str {
    match k {
        Kind::Resigned => "#d62728",
        Kind::IntentToQuit => "#ff7f0e",
        Kind::Caseload => "#1f77b4",
        Kind::Vacancies => "#9467bd",
        Kind::Staffing => "#2ca02c",
        Kind::Consultants => "#8c564b",
        Kind::Inspection => "#e377c2",
        Kind::Deficit => "#555555",
        Kind::WorkloadChange => "#bcbd22",
        Kind::SickLeave => "#17becf",
    }
}

/// The kinds as `<option>`s, `selected` marked.
pub fn kind_options(selected: Option<Kind>) -> String {
    let mut out = String::from("<option value=\"\">any kind</option>");
    for k in Kind::ALL {
        let sel = if Some(k) == selected { " selected" } else { "" };
        let _ = write!(
            out,
            "<option value=\"{}\"{sel}>{}</option>",
            k.as_str(),
            esc(kind_label(k))
        );
    }
    out
}

/// Options of a `<select>` from (value, label) pairs.
pub fn options(items: &[(&str, &str)], selected: &str) -> String {
    let mut out = String::new();
    for (v, label) in items {
        let sel = if *v == selected { " selected" } else { "" };
        let _ = write!(
            out,
            "<option value=\"{}\"{sel}>{}</option>",
            esc(v),
            esc(label)
        );
    }
    out
}

/// The 290 municipalities as a `<datalist>` for type-ahead.
pub fn municipality_datalist() -> String {
    let mut out = String::from("<datalist id=\"municipalities\">");
    for m in crate::geo::all() {
        let _ = write!(out, "<option value=\"{}\">", esc(m.name));
    }
    out.push_str("</datalist>");
    out
}

pub const DOC_TYPES: &[(&str, &str)] = &[
    ("", "any type"),
    ("news", "news"),
    ("municipal", "municipal record"),
    ("other", "other"),
];

/// A whole page: head, navigation, `body`.
pub fn page(status: StatusCode, title: &str, active: &str, body: &str) -> Response {
    let nav = [
        ("/", "Search"),
        ("/timeline", "Timeline"),
        ("/check", "Fact check"),
        ("/api/openapi.json", "API"),
    ]
    .iter()
    .map(|(href, label)| {
        let cls = if *href == active {
            " class=\"active\""
        } else {
            ""
        };
        format!("<a href=\"{href}\"{cls}>{label}</a>")
    })
    .collect::<Vec<_>>()
    .join("");
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} · avhopp</title><link rel=\"stylesheet\" href=\"/static/style.css\"></head>\
         <body><header><a class=\"brand\" href=\"/\">avhopp</a>\
         <span class=\"tagline\">staffing crises in Swedish social services</span>\
         <nav>{nav}</nav></header><main>{body}</main></body></html>\n",
        esc(title)
    );
    (status, Html(html)).into_response()
}

/// A message box for a refused input.
pub fn error_box(message: &str) -> String {
    format!("<p class=\"error\" role=\"alert\">{}</p>", esc(message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("<script>alert(1)</script>\"><img src=x onerror='y'>&"),
            "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=&#39;y&#39;&gt;&amp;"
        );
    }

    #[test]
    fn only_web_urls_are_links() {
        assert_eq!(safe_url("https://mitti.se/x"), Some("https://mitti.se/x"));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url(" JavaScript:alert(1)"), None);
        assert_eq!(safe_url("data:text/html,x"), None);
    }

    #[test]
    fn encodes_query_values() {
        assert_eq!(enc("a b&c=ö/\""), "a%20b%26c%3D%C3%B6%2F%22");
        assert_eq!(
            query_string(&[("q", "x y"), ("kind", ""), ("by", "year")]),
            "?q=x%20y&by=year"
        );
    }
}
