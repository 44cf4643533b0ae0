//! The HTML pages: search, a document with its claims marked, the timeline, the fact check.
//! Forms use GET, so every page state is a link a journalist can share or bookmark.

use super::api::{check_sentence, timeline_view, TimelineView};
use super::chart;
use super::html::{
    doc_href, error_box, esc, kind_color, kind_label, kind_options, municipality_datalist, options,
    page, query_string, safe_url, DOC_TYPES,
};
use super::params::{self, Params};
use super::{blocking, ApiError, AppState};
use crate::check::{Check, Verdict};
use crate::index::{ClaimRecord, DocRecord, Hit, SearchPage};
use crate::timeline::{self, Row, SummaryRow};
use axum::extract::State as S;
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The raw value of a parameter, for refilling a form (escaped where it is written).
fn raw(uri: &Uri, name: &str) -> String {
    axum::extract::Query::<Vec<(String, String)>>::try_from_uri(uri)
        .map(|q| {
            q.0.into_iter()
                .rev()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v)
                .unwrap_or_default()
        })
        .unwrap_or_default()
}

fn status_of(e: &ApiError) -> StatusCode {
    e.status
}

// --- search ------------------------------------------------------------------------------

const EXAMPLES: &[(&str, &str)] = &[
    ("uppsägning", "also finds “sagt upp sig”"),
    ("\"Utredning vuxen\"", "a phrase"),
    ("konsulter AND kostnader", "both words"),
    ("socialsekreterare AND NOT Huddinge", "leave out a word"),
    ("title:krisen", "in the title only"),
];

fn search_form(uri: &Uri) -> String {
    let v = |k: &str| esc(&raw(uri, k));
    let kind = crate::claims::Kind::parse(&raw(uri, "kind")).ok();
    format!(
        "<form class=\"search\" method=\"get\" action=\"/\">\
         <div class=\"row\"><input type=\"search\" name=\"q\" value=\"{q}\" autofocus \
         placeholder='uppsägning, \"Utredning vuxen\", konsulter AND kostnader' aria-label=\"Search query\">\
         <button type=\"submit\">Search</button></div>\
         <div class=\"row filters\">\
         <label>Municipality <input name=\"municipality\" list=\"municipalities\" value=\"{m}\" placeholder=\"any\" autocomplete=\"off\"></label>\
         <label>Claim <select name=\"kind\">{kinds}</select></label>\
         <label>Published from <input name=\"from\" value=\"{from}\" placeholder=\"YYYY-MM-DD\" size=\"10\"></label>\
         <label>to <input name=\"to\" value=\"{to}\" placeholder=\"YYYY\" size=\"10\"></label>\
         <label>Type <select name=\"type\">{types}</select></label></div>\
         {datalist}</form>",
        q = v("q"),
        m = v("municipality"),
        kinds = kind_options(kind),
        from = v("from"),
        to = v("to"),
        types = options(DOC_TYPES, &raw(uri, "type")),
        datalist = municipality_datalist(),
    )
}

/// A snippet with its matched words in bold, everything escaped.
fn marked_snippet(h: &Hit) -> String {
    let mut out = String::new();
    let mut pos = 0;
    for &(s, e) in &h.highlights {
        if s < pos
            || e > h.snippet.len()
            || !h.snippet.is_char_boundary(s)
            || !h.snippet.is_char_boundary(e)
        {
            continue;
        }
        out.push_str(&esc(&h.snippet[pos..s]));
        out.push_str("<b>");
        out.push_str(&esc(&h.snippet[s..e]));
        out.push_str("</b>");
        pos = e;
    }
    out.push_str(&esc(&h.snippet[pos..]));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn hit_html(h: &Hit) -> String {
    let mut meta = vec![
        esc(h.publisher.as_deref().unwrap_or("unknown publisher")),
        esc(h.published.as_deref().unwrap_or("undated")),
    ];
    if !h.municipalities.is_empty() {
        let names: Vec<String> = h.municipalities.iter().take(4).map(|m| esc(m)).collect();
        let more = if h.municipalities.len() > 4 {
            " …"
        } else {
            ""
        };
        meta.push(format!("{}{more}", names.join(", ")));
    }
    meta.push(esc(&h.doc_type));
    let source = match h.url.as_deref().and_then(safe_url) {
        Some(u) => format!(
            "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
            esc(u),
            esc(u)
        ),
        None => esc(h.url.as_deref().unwrap_or(&h.path)),
    };
    format!(
        "<li class=\"hit\"><a class=\"title\" href=\"{}\">{}</a>\
         <div class=\"meta\">{}</div><p class=\"snippet\">{}</p><div class=\"source\">{source}</div></li>",
        esc(&doc_href(&h.path, None)),
        esc(h.title.as_deref().unwrap_or("(untitled)")),
        meta.join(" · "),
        marked_snippet(h),
    )
}

pub async fn search(S(state): S<AppState>, uri: Uri) -> Response {
    let mut body = format!("<h1>Search the documents</h1>{}", search_form(&uri));
    let parsed = Params::of(&uri, params::SEARCH)
        .and_then(|p| p.search(super::api::MAX_SEARCH_LIMIT).map(|s| (p, s)));
    let (p, search) = match parsed {
        Ok(x) => x,
        Err(e) => {
            body.push_str(&error_box(&e.message));
            return page(status_of(&e), "Search", "/", &body);
        }
    };
    let filtered = ["q", "municipality", "kind", "from", "to", "type"]
        .iter()
        .any(|k| p.get(k).is_some());
    if !filtered {
        body.push_str("<section class=\"help\"><p>Search news articles and municipal records about social services. \
            Words are matched in any form (<i>uppsägning</i> finds <i>uppsägningar</i>). Try:</p><ul>");
        for (q, what) in EXAMPLES {
            let _ = write!(
                body,
                "<li><a href=\"/{}\">{}</a> <span class=\"muted\">{}</span></li>",
                esc(&query_string(&[("q", q)])),
                esc(q),
                esc(what)
            );
        }
        body.push_str("</ul><p class=\"muted\">Fields: <code>title:</code> <code>text:</code> <code>publisher:</code> \
            <code>municipality:</code> <code>kind:</code> <code>type:</code>. Leave the query empty and pick a filter to list documents.</p></section>");
        return page(StatusCode::OK, "Search", "/", &body);
    }
    let req = search.clone();
    let result: Result<SearchPage, ApiError> = blocking(&state, move |st| {
        st.index
            .search_page(&req.req, req.doc_type, req.offset)
            .map_err(ApiError::from_index)
    })
    .await;
    let results = match result {
        Ok(r) => r,
        Err(e) => {
            body.push_str(&error_box(&e.message));
            return page(status_of(&e), "Search", "/", &body);
        }
    };
    let filters: Vec<(&str, String)> = ["q", "municipality", "kind", "from", "to", "type"]
        .iter()
        .map(|k| (*k, p.get(k).unwrap_or("").to_string()))
        .collect();
    let pairs: Vec<(&str, &str)> = filters.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let qs = query_string(&pairs);
    let limit = search.req.limit;
    let first = results.offset + 1;
    let last = results.offset + results.hits.len();
    if results.hits.is_empty() {
        let _ = write!(
            body,
            "<p class=\"summary\">No documents match{}.</p>",
            if results.total > 0 {
                " on this page"
            } else {
                ""
            }
        );
    } else {
        let _ = write!(
            body,
            "<p class=\"summary\"><b>{}</b> document{} match · showing {first}–{last} \
             <span class=\"downloads\">Download all: <a href=\"/api/search.csv{q}\">CSV</a> \
             <a href=\"/api/search.jsonl{q}\">JSONL</a> · <a href=\"/api/search{q}\">JSON</a></span></p><ol class=\"hits\" start=\"{first}\">",
            results.total,
            if results.total == 1 { "" } else { "s" },
            q = esc(&qs)
        );
        for h in &results.hits {
            body.push_str(&hit_html(h));
        }
        body.push_str("</ol>");
    }
    // Paging.
    let page_no = results.offset / limit + 1;
    let pages = results.total.div_ceil(limit);
    if pages > 1 {
        body.push_str("<nav class=\"pager\">");
        let link = |n: usize| {
            let mut with_page = pairs.clone();
            let n_s = n.to_string();
            let lim = limit.to_string();
            with_page.push(("page", &n_s));
            if limit != 10 {
                with_page.push(("limit", &lim));
            }
            format!("/{}", query_string(&with_page))
        };
        if page_no > 1 {
            let _ = write!(
                body,
                "<a rel=\"prev\" href=\"{}\">← Previous</a>",
                esc(&link(page_no - 1))
            );
        }
        let _ = write!(body, "<span>Page {page_no} of {pages}</span>");
        if page_no < pages {
            let _ = write!(
                body,
                "<a rel=\"next\" href=\"{}\">Next →</a>",
                esc(&link(page_no + 1))
            );
        }
        body.push_str("</nav>");
    }
    let title = match p.get("q") {
        Some(q) => format!("{q} – search"),
        None => "Search".to_string(),
    };
    page(StatusCode::OK, &title, "/", &body)
}

// --- one document ------------------------------------------------------------------------

fn period_text(r: &ClaimRecord) -> String {
    r.claim.period.map_or("–".to_string(), |p| {
        if p.from == p.to {
            p.from.to_string()
        } else {
            format!("{} – {}", p.from, p.to)
        }
    })
}

/// The text with every claim's sentence marked, each mark with an anchor per claim.
fn marked_text(d: &DocRecord) -> String {
    let text = &d.text;
    let mut spans: Vec<(usize, usize, Vec<&ClaimRecord>)> = Vec::new();
    for r in &d.claims {
        let [s, e] = r.claim.span;
        if s >= e || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        match spans.last_mut() {
            Some(last) if s < last.1 => {
                last.1 = last.1.max(e);
                last.2.push(r);
            }
            _ => spans.push((s, e, vec![r])),
        }
    }
    let mut out = String::new();
    let mut pos = 0;
    for (s, e, recs) in spans {
        out.push_str(&esc(&text[pos..s]));
        let mut ids: Vec<String> = recs
            .iter()
            .map(|r| format!("s{}-{}", r.claim.span[0], r.claim.span[1]))
            .collect();
        ids.dedup();
        for id in &ids[1..] {
            let _ = write!(out, "<span id=\"{id}\"></span>");
        }
        let tip: Vec<String> = recs
            .iter()
            .map(|r| format!("{}: {}", kind_label(r.claim.kind), r.claim.figure()))
            .collect();
        let _ = write!(
            out,
            "<mark id=\"{}\" class=\"k-{}\" title=\"{}\">{}</mark>",
            ids[0],
            recs[0].claim.kind.as_str(),
            esc(&tip.join("; ")),
            esc(&text[s..e])
        );
        pos = e;
    }
    out.push_str(&esc(&text[pos..]));
    out
}

fn claim_table(claims: &[ClaimRecord], link_to_doc: bool) -> String {
    let mut out = String::from(
        "<table class=\"claims\"><thead><tr><th>Claim</th><th>Figure</th><th>Municipality</th><th>About</th><th>Sentence</th></tr></thead><tbody>",
    );
    for r in claims {
        let c = &r.claim;
        let href = if link_to_doc {
            doc_href(&c.doc, Some(c.span))
        } else {
            format!("#s{}-{}", c.span[0], c.span[1])
        };
        let _ = write!(
            out,
            "<tr><td><span class=\"swatch k-{}\"></span>{}</td><td class=\"figure\">{}</td><td>{}</td><td>{}</td>\
             <td><a href=\"{}\">“{}”</a></td></tr>",
            c.kind.as_str(),
            esc(kind_label(c.kind)),
            esc(&c.figure()),
            esc(c.municipality.as_deref().unwrap_or("–")),
            esc(&period_text(r)),
            esc(&href),
            esc(&clip(c.quote.trim(), 220)),
        );
    }
    out.push_str("</tbody></table>");
    out
}

fn clip(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        s
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

pub async fn document(S(state): S<AppState>, uri: Uri) -> Response {
    let path = match Params::of(&uri, &["path"]).and_then(|p| {
        p.get("path")
            .map(str::to_string)
            .ok_or_else(|| ApiError::bad_request("which document? /doc?path=PATH"))
    }) {
        Ok(p) => p,
        Err(e) => return page(status_of(&e), "Document", "", &error_box(&e.message)),
    };
    let wanted = path.clone();
    let doc = match blocking(&state, move |st| {
        st.index.document(&wanted).map_err(ApiError::from_index)
    })
    .await
    {
        Ok(Some(d)) => d,
        Ok(None) => {
            return page(
                StatusCode::NOT_FOUND,
                "No such document",
                "",
                &error_box(&format!("no indexed document has the path {path}")),
            )
        }
        Err(e) => return page(status_of(&e), "Document", "", &error_box(&e.message)),
    };
    let title = doc
        .title
        .clone()
        .unwrap_or_else(|| "(untitled)".to_string());
    let mut body = format!("<article class=\"document\"><h1>{}</h1>", esc(&title));
    let mut meta = vec![
        esc(doc.publisher.as_deref().unwrap_or("unknown publisher")),
        esc(doc.published.as_deref().unwrap_or("undated")),
        esc(&doc.doc_type),
    ];
    if !doc.municipalities.is_empty() {
        meta.push(esc(&doc.municipalities.join(", ")));
    }
    let _ = write!(body, "<div class=\"meta\">{}</div>", meta.join(" · "));
    let original = match doc.url.as_deref() {
        Some(u) => match safe_url(u) {
            Some(u) => format!(
                "Original: <a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                esc(u),
                esc(u)
            ),
            None => format!("Original: {}", esc(u)),
        },
        None => "No web address known.".to_string(),
    };
    let _ = write!(
        body,
        "<div class=\"source\">{original} · Indexed from <code>{}</code></div>",
        esc(&doc.path)
    );
    if doc.claims.is_empty() {
        body.push_str("<p class=\"muted\">No claims were found in this document.</p>");
    } else {
        let _ = write!(
            body,
            "<h2>{} claim{} in this document</h2>{}",
            doc.claims.len(),
            if doc.claims.len() == 1 { "" } else { "s" },
            claim_table(&doc.claims, false)
        );
    }
    let _ = write!(
        body,
        "<h2>Text</h2><div class=\"text\">{}</div></article>",
        marked_text(&doc)
    );
    page(StatusCode::OK, &title, "", &body)
}

// --- timeline ----------------------------------------------------------------------------

const BUCKETS: &[(&str, &str)] = &[("year", "year"), ("quarter", "quarter"), ("month", "month")];
const TOPS: &[(&str, &str)] = &[
    ("5", "5"),
    ("10", "10"),
    ("20", "20"),
    ("50", "50"),
    ("290", "all"),
];

fn timeline_form(uri: &Uri) -> String {
    let v = |k: &str| esc(&raw(uri, k));
    let kind = crate::claims::Kind::parse(&raw(uri, "kind")).ok();
    let by = raw(uri, "by");
    let top = raw(uri, "top");
    format!(
        "<form class=\"filters\" method=\"get\" action=\"/timeline\">\
         <label>Municipality <input name=\"municipality\" list=\"municipalities\" value=\"{m}\" placeholder=\"all\" autocomplete=\"off\"></label>\
         <label>Claim <select name=\"kind\">{kinds}</select></label>\
         <label>Per <select name=\"by\">{by}</select></label>\
         <label>From <input name=\"from\" value=\"{from}\" placeholder=\"YYYY\" size=\"9\"></label>\
         <label>to <input name=\"to\" value=\"{to}\" placeholder=\"YYYY\" size=\"9\"></label>\
         <label>Type <select name=\"type\">{types}</select></label>\
         <label>Show <select name=\"top\">{tops}</select> municipalities</label>\
         <button type=\"submit\">Show</button>{datalist}</form>",
        m = v("municipality"),
        kinds = kind_options(kind),
        by = options(BUCKETS, if by.is_empty() { "year" } else { &by }),
        from = v("from"),
        to = v("to"),
        types = options(DOC_TYPES, &raw(uri, "type")),
        tops = options(TOPS, if top.is_empty() { "10" } else { &top }),
        datalist = municipality_datalist(),
    )
}

fn evidence_item(r: &ClaimRecord) -> String {
    let c = &r.claim;
    let original = r
        .url
        .as_deref()
        .and_then(safe_url)
        .map_or(String::new(), |u| {
            format!(
                " · <a href=\"{}\" rel=\"noopener noreferrer\">original</a>",
                esc(u)
            )
        });
    format!(
        "<li><span class=\"swatch k-{}\"></span><b>{}</b> <span class=\"kind\">{}</span> \
         <q>{}</q> <span class=\"cite\">{}, {} · <a href=\"{}\">in the document</a>{original}</span></li>",
        c.kind.as_str(),
        esc(&c.figure()),
        esc(kind_label(c.kind)),
        esc(&clip(c.quote.trim(), 400)),
        esc(r.publisher.as_deref().unwrap_or("unknown publisher")),
        esc(r.published.as_deref().unwrap_or("undated")),
        esc(&doc_href(&c.doc, Some(c.span))),
    )
}

fn legend(kinds: &[crate::claims::Kind]) -> String {
    let mut out = String::from("<div class=\"legend\"><span class=\"legend-title\">Colour = what the claim is about:</span>");
    for k in kinds {
        let _ = write!(
            out,
            "<span class=\"item\"><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><circle cx=\"7\" cy=\"7\" r=\"6\" fill=\"{}\"/></svg>{}</span>",
            kind_color(*k),
            esc(kind_label(*k))
        );
    }
    out.push_str(
        "</div><div class=\"legend muted\">Bigger dot = bigger figure (a larger share of staff for “X of Y” and percentages; \
         otherwise relative to the largest figure of the same kind of unit shown). \
         <span class=\"nowrap\"><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><circle cx=\"7\" cy=\"7\" r=\"5\" fill=\"#fff\" stroke=\"#555\" stroke-width=\"2\"/></svg> ring = a finding without a figure.</span> \
         Darker cell = more claims. Point at a dot for its quote and source; click it to read the sentence in its document.</div>",
    );
    out
}

fn details(rows: &[Row]) -> String {
    let mut out = String::from("<section class=\"details\"><h2>Every claim, with its source</h2>");
    let mut by_muni: BTreeMap<usize, (&Option<String>, Vec<&Row>)> = BTreeMap::new();
    let mut order: Vec<&Option<String>> = Vec::new();
    for r in rows {
        let i = order
            .iter()
            .position(|m| *m == &r.municipality)
            .unwrap_or_else(|| {
                order.push(&r.municipality);
                order.len() - 1
            });
        by_muni
            .entry(i)
            .or_insert((&r.municipality, Vec::new()))
            .1
            .push(r);
    }
    for (_, (m, rows)) in by_muni {
        let name = m.as_deref().unwrap_or("Municipality not named");
        let code = rows[0]
            .municipality_code
            .as_deref()
            .map_or(String::new(), |c| {
                format!(" <span class=\"muted\">({})</span>", esc(c))
            });
        let _ = write!(out, "<h3>{}{code}</h3>", esc(name));
        for r in rows {
            let sources = if r.sources == 1 {
                "1 source".to_string()
            } else {
                format!("{} sources", r.sources)
            };
            let _ = write!(
                out,
                "<h4>{} <span class=\"muted\">{sources}</span></h4><ul class=\"evidence\">",
                esc(&r.period)
            );
            for p in &r.claims {
                out.push_str(&evidence_item(&p.record));
            }
            out.push_str("</ul>");
        }
    }
    out.push_str("</section>");
    out
}

/// Over many claims, the timeline counts them (see [`timeline_view`]): a table of the `top`
/// municipalities with the most claims, one column per period, each cell its number of
/// claims (darker: more), with sources and kinds on hover; a municipality's name links to
/// its own timeline, which lists every claim with its source.
fn summary_section(rows: &[SummaryRow], top: usize, p: &Params) -> String {
    if rows.is_empty() {
        return "<p class=\"summary\">No claims match these filters.</p>".to_string();
    }
    let total: u64 = rows.iter().map(|r| r.claims).sum();
    // Rows come grouped by municipality, most claims first (unnamed last).
    let mut groups: Vec<(&SummaryRow, Vec<&SummaryRow>)> = Vec::new();
    for r in rows {
        match groups.last_mut() {
            Some((first, g)) if first.municipality == r.municipality => g.push(r),
            _ => groups.push((r, vec![r])),
        }
    }
    let named = groups
        .iter()
        .filter(|(f, _)| f.municipality.is_some())
        .count();
    let mut periods: Vec<&str> = rows.iter().map(|r| r.period.as_str()).collect();
    periods.sort_unstable();
    periods.dedup();
    let shown: Vec<_> = groups.iter().take(top).collect();
    let most = shown
        .iter()
        .flat_map(|(_, g)| g.iter().map(|r| r.claims))
        .max()
        .unwrap_or(1)
        .max(1);
    let mut out = String::new();
    let more = if groups.len() > shown.len() {
        format!(
            " The {} with the most claims are shown; choose more under <i>Show</i>.",
            shown.len()
        )
    } else {
        String::new()
    };
    let _ = write!(
        out,
        "<p class=\"summary\"><b>{total}</b> claims about staffing in social services from <b>{named}</b> \
         municipalit{}, placed at the time they speak of, <b>counted</b> per municipality and period: \
         pick a municipality to read every claim with its source.{more}</p>",
        if named == 1 { "y" } else { "ies" },
    );
    // Links keep the filters but not the view or the number shown.
    let keep: Vec<(&str, &str)> = ["kind", "by", "from", "to"]
        .iter()
        .filter_map(|k| p.get(k).map(|v| (*k, v)))
        .collect();
    out.push_str("<div class=\"chart\"><table class=\"summary-table\"><thead><tr><th>Municipality</th><th>Claims</th>");
    for period in &periods {
        let _ = write!(out, "<th>{}</th>", esc(period));
    }
    out.push_str("</tr></thead><tbody>");
    for (first, g) in shown {
        let claims: u64 = g.iter().map(|r| r.claims).sum();
        let name = match (&first.municipality, &first.municipality_code) {
            (Some(m), _) => {
                let mut pairs = vec![("municipality", m.as_str())];
                pairs.extend(keep.iter().copied());
                format!(
                    "<a href=\"/timeline{}\">{}</a>",
                    esc(&query_string(&pairs)),
                    esc(m)
                )
            }
            (None, _) => "Municipality not named".to_string(),
        };
        let _ = write!(out, "<tr><th scope=\"row\">{name}</th><td>{claims}</td>");
        for period in &periods {
            match g.iter().find(|r| r.period == *period) {
                Some(r) => {
                    let kinds: Vec<String> = r
                        .kinds
                        .iter()
                        .map(|k| {
                            let range = match (k.min, k.max) {
                                (Some(lo), Some(hi)) if lo == hi => {
                                    format!(" ({})", crate::claims::format_number(lo))
                                }
                                (Some(lo), Some(hi)) => format!(
                                    " ({}–{})",
                                    crate::claims::format_number(lo),
                                    crate::claims::format_number(hi)
                                ),
                                _ => String::new(),
                            };
                            format!("{} {}{range}", kind_label(k.kind), k.claims)
                        })
                        .collect();
                    let title = format!(
                        "{} claims from {} source{}: {}",
                        r.claims,
                        r.sources,
                        if r.sources == 1 { "" } else { "s" },
                        kinds.join(", ")
                    );
                    // Shade by the share of the largest cell shown.
                    let alpha = 0.1 + 0.6 * r.claims as f64 / most as f64;
                    let _ = write!(
                        out,
                        "<td style=\"background: rgba(180, 40, 40, {alpha:.2})\" title=\"{}\">{}</td>",
                        esc(&title),
                        r.claims
                    );
                }
                None => out.push_str("<td></td>"),
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    let filter_pairs: Vec<(&str, &str)> = ["municipality", "kind", "from", "to", "type"]
        .iter()
        .filter_map(|k| p.get(k).map(|v| (*k, v)))
        .collect();
    let mut api_pairs = filter_pairs.clone();
    if let Some(by) = p.get("by") {
        api_pairs.push(("by", by));
    }
    let _ = write!(
        out,
        "<p class=\"downloads\">Download these {total} claims: <a href=\"/api/claims.csv{qs}\">CSV</a> \
         <a href=\"/api/claims.jsonl{qs}\">JSONL</a> · <a href=\"/api/timeline{}\">timeline JSON</a></p>",
        esc(&query_string(&api_pairs)),
        qs = esc(&query_string(&filter_pairs)),
    );
    out
}

pub async fn timeline(S(state): S<AppState>, uri: Uri) -> Response {
    let mut body = format!("<h1>Staffing crises over time</h1>{}", timeline_form(&uri));
    let parsed = Params::of(&uri, params::TIMELINE).and_then(|p| {
        let (filter, doc_type) = p.claims()?;
        let bucket = p.bucket()?;
        let top = p.number("top", 10, 1, 290)?;
        Ok((p, filter, doc_type, bucket, top))
    });
    let (p, filter, doc_type, bucket, top) = match parsed {
        Ok(x) => x,
        Err(e) => {
            body.push_str(&error_box(&e.message));
            return page(status_of(&e), "Timeline", "/timeline", &body);
        }
    };
    let view = p.get("view").map(str::to_string);
    let shown = blocking(&state, move |st| {
        timeline_view(st, &filter, doc_type, bucket, view.as_deref())
    })
    .await;
    let records = match shown {
        Ok(TimelineView::Claims(r)) => r,
        Ok(TimelineView::Summary(rows)) => {
            body.push_str(&summary_section(&rows, top, &p));
            return page(StatusCode::OK, "Timeline", "/timeline", &body);
        }
        Err(e) => {
            body.push_str(&error_box(&e.message));
            return page(status_of(&e), "Timeline", "/timeline", &body);
        }
    };
    if records.is_empty() {
        body.push_str("<p class=\"summary\">No claims match these filters.</p>");
        return page(StatusCode::OK, "Timeline", "/timeline", &body);
    }
    let rows = timeline::build(&records, bucket);
    let link: Vec<(&str, &str)> = ["kind", "by", "from", "to", "type"]
        .iter()
        .filter_map(|k| p.get(k).map(|v| (*k, v)))
        .collect();
    let chart = chart::render(&rows, bucket, top, &link);
    let shown = if chart.named > chart.shown {
        format!(
            " The {} with the most claims are shown; choose more under <i>Show</i>, or pick a municipality.",
            chart.shown
        )
    } else {
        String::new()
    };
    let _ = write!(
        body,
        "<p class=\"summary\"><b>{}</b> claims about staffing in social services from <b>{}</b> municipalit{}, \
         placed at the time they speak of. Each dot is one figure a news article or municipal record gives, \
         such as “10 of 30 social workers have resigned”.{shown}</p>",
        records.len(),
        chart.named,
        if chart.named == 1 { "y" } else { "ies" },
    );
    body.push_str(&legend(&chart.kinds));
    let _ = write!(body, "<div class=\"chart\">{}</div>", chart.svg);
    let filter_pairs: Vec<(&str, &str)> = ["municipality", "kind", "from", "to", "type"]
        .iter()
        .filter_map(|k| p.get(k).map(|v| (*k, v)))
        .collect();
    let qs = esc(&query_string(&filter_pairs));
    let mut api_pairs = filter_pairs.clone();
    if let Some(by) = p.get("by") {
        api_pairs.push(("by", by));
    }
    let _ = write!(
        body,
        "<p class=\"downloads\">Download these {} claims: <a href=\"/api/claims.csv{qs}\">CSV</a> \
         <a href=\"/api/claims.jsonl{qs}\">JSONL</a> · <a href=\"/api/timeline{}\">timeline JSON</a></p>",
        records.len(),
        esc(&query_string(&api_pairs))
    );
    body.push_str(&details(&rows));
    page(StatusCode::OK, "Timeline", "/timeline", &body)
}

// --- fact check --------------------------------------------------------------------------

const CHECK_EXAMPLES: &[&str] = &[
    "Tio av 30 socialsekreterare i Botkyrka har sagt upp sig",
    "Hälften av socialsekreterarna i Vallentuna sa upp sig 2017",
    "Femton socialsekreterare i Botkyrka har sagt upp sig",
];

fn verdict_text(v: Verdict) -> (&'static str, &'static str, &'static str) {
    match v {
        Verdict::Supported => ("supported", "Supported", "A source gives the same figure."),
        Verdict::Differs => (
            "differs",
            "Differs",
            "Sources give other figures for the same thing, none the same.",
        ),
        Verdict::NoEvidence => (
            "no-evidence",
            "No evidence",
            "No indexed source gives a figure for this.",
        ),
    }
}

fn check_html(c: &Check) -> String {
    let (cls, label, explain) = verdict_text(c.verdict);
    let claim = &c.claim;
    let when = claim
        .period
        .map_or("any time".to_string(), |p| format!("{} – {}", p.from, p.to));
    let mut out = format!(
        "<section class=\"check\"><h2><span class=\"badge {cls}\">{label}</span> \
         <span class=\"swatch k-{}\"></span>{}: {} · {} · {}</h2><p class=\"muted\">{explain}</p>",
        claim.kind.as_str(),
        esc(kind_label(claim.kind)),
        esc(&claim.figure()),
        esc(claim.municipality.as_deref().unwrap_or("any municipality")),
        esc(&when),
    );
    for (title, list) in [
        ("Same figure", &c.same),
        ("Other figures for the same thing", &c.other),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "<h3>{title} ({})</h3><ul class=\"evidence\">",
            list.len()
        );
        for r in list {
            out.push_str(&evidence_item(r));
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>");
    out
}

pub async fn check(S(state): S<AppState>, uri: Uri) -> Response {
    let sentence = raw(&uri, "sentence");
    let mut body = format!(
        "<h1>Fact check</h1><form class=\"check-form\" method=\"get\" action=\"/check\">\
         <label for=\"sentence\">Paste a sentence with a figure, in Swedish:</label>\
         <textarea id=\"sentence\" name=\"sentence\" rows=\"3\" placeholder=\"Tio av 30 socialsekreterare i Botkyrka har sagt upp sig\">{}</textarea>\
         <button type=\"submit\">Check</button></form>",
        esc(&sentence)
    );
    let p = match Params::of(&uri, params::CHECK) {
        Ok(p) => p,
        Err(e) => {
            body.push_str(&error_box(&e.message));
            return page(status_of(&e), "Fact check", "/check", &body);
        }
    };
    let Some(sentence) = p.get("sentence").map(str::to_string) else {
        body.push_str("<section class=\"help\"><p>The sentence is read like a news article: what it claims (resignations, caseloads, vacancies…), \
            the figure, the municipality and the time. It is compared with every indexed claim about the same thing. Try:</p><ul>");
        for ex in CHECK_EXAMPLES {
            let _ = write!(
                body,
                "<li><a href=\"/check{}\">{}</a></li>",
                esc(&query_string(&[("sentence", ex)])),
                esc(ex)
            );
        }
        body.push_str("</ul></section>");
        return page(StatusCode::OK, "Fact check", "/check", &body);
    };
    let today = match p.get("today").map(|d| params::day("today", d)).transpose() {
        Ok(d) => d.unwrap_or_else(|| chrono::Local::now().date_naive()),
        Err(e) => {
            body.push_str(&error_box(&e.message));
            return page(status_of(&e), "Fact check", "/check", &body);
        }
    };
    match blocking(&state, move |st| check_sentence(st, &sentence, today)).await {
        Ok(checks) => {
            for c in &checks {
                body.push_str(&check_html(c));
            }
            page(StatusCode::OK, "Fact check", "/check", &body)
        }
        Err(e) => {
            body.push_str(&error_box(&e.message));
            page(status_of(&e), "Fact check", "/check", &body)
        }
    }
}

pub fn not_found(path: &str) -> Response {
    page(
        StatusCode::NOT_FOUND,
        "Not found",
        "",
        &format!(
            "<h1>Not found</h1>{}<p><a href=\"/\">Search</a> · <a href=\"/timeline\">Timeline</a> · <a href=\"/check\">Fact check</a></p>",
            error_box(&format!("nothing at {path}"))
        ),
    )
}
