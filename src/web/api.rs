//! The JSON API, mirroring the CLI: search, claims, timeline, check, municipalities; the
//! downloads (CSV and JSONL, streamed, uncapped) and the batch search.

use super::params::{self, Params, Search};
use super::{blocking, ApiError, AppState, State};
use crate::check;
use crate::claims::Kind;
use crate::document::DocType;
use crate::index::{ClaimFilter, ClaimRecord, Hit, CLAIM_CSV_HEADER};
use crate::timeline;
use axum::body::{Body, Bytes};
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State as S};
use axum::http::{header, HeaderValue, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use std::io::{self, Write};
use tokio::sync::mpsc;

type ApiResult = Result<Response, ApiError>;

/// Most documents one JSON search page returns; downloads have no cap.
pub const MAX_SEARCH_LIMIT: usize = 100;
/// Most claims one JSON claims page returns; downloads have no cap.
pub const MAX_CLAIMS_LIMIT: usize = 1000;
/// Most queries one batch search takes.
pub const MAX_BATCH_QUERIES: usize = 1000;

/// A hit as JSON, with the snippet also marked up as the CLI prints it (`**word**`).
pub fn hit_json(h: &Hit) -> Value {
    let mut v = serde_json::to_value(h).unwrap_or(Value::Null);
    v["snippet_marked"] = Value::String(h.marked_snippet("**", "**"));
    v
}

/// A claim record as JSON, with its figure as a reader says it ("10 of 30").
pub fn claim_json(r: &ClaimRecord) -> Value {
    let mut v = serde_json::to_value(r).unwrap_or(Value::Null);
    v["figure"] = Value::String(r.claim.figure());
    v
}

fn keep_type(r: &ClaimRecord, t: Option<DocType>) -> bool {
    t.is_none_or(|t| r.doc_type == t.as_str())
}

/// The claims a filter selects, of one document type when given. A bad `q` is a 400.
pub fn select_claims(
    state: &State,
    filter: &ClaimFilter,
    doc_type: Option<DocType>,
) -> Result<Vec<ClaimRecord>, ApiError> {
    if let Some(q) = &filter.query {
        state
            .index
            .parse_user_query(q)
            .map_err(ApiError::from_index)?;
    }
    let mut records = state.index.claims(filter).map_err(ApiError::from_index)?;
    records.retain(|r| keep_type(r, doc_type));
    Ok(records)
}

pub async fn search(S(state): S<AppState>, uri: Uri) -> ApiResult {
    let search = Params::of(&uri, params::SEARCH)?.search(MAX_SEARCH_LIMIT)?;
    let page = blocking(&state, move |st| {
        st.index
            .search_page(&search.req, search.doc_type, search.offset)
            .map_err(ApiError::from_index)
            .map(|p| (search, p))
    })
    .await?;
    let (search, page) = page;
    Ok(Json(json!({
        "query": search.req.query,
        "total": page.total,
        "offset": page.offset,
        "limit": search.req.limit,
        "hits": page.hits.iter().map(hit_json).collect::<Vec<_>>(),
    }))
    .into_response())
}

pub async fn claims(S(state): S<AppState>, uri: Uri) -> ApiResult {
    let p = Params::of(&uri, params::CLAIMS)?;
    let (filter, doc_type) = p.claims()?;
    let limit = p.number("limit", 100, 1, MAX_CLAIMS_LIMIT)?;
    let offset = p.number("offset", 0, 0, usize::MAX)?;
    let records = blocking(&state, move |st| select_claims(st, &filter, doc_type)).await?;
    Ok(Json(json!({
        "total": records.len(),
        "offset": offset,
        "limit": limit,
        "claims": records.iter().skip(offset).take(limit).map(claim_json).collect::<Vec<_>>(),
    }))
    .into_response())
}

/// What the timeline shows: every claim, or counts per municipality and period.
pub enum TimelineView {
    Claims(Vec<ClaimRecord>),
    Summary(Vec<timeline::SummaryRow>),
}

/// The timeline's claims or its summary, chosen as `avhopp timeline` chooses: `view=claims`
/// or `view=summary` when given, else the summary over more than [`timeline::DETAIL_MAX`]
/// claims with no municipality (counted by the index without loading a claim: at a million
/// documents loading them all took seconds), the claims otherwise. The summary counts all
/// document types, so a `type` lists the claims.
pub fn timeline_view(
    state: &State,
    filter: &ClaimFilter,
    doc_type: Option<DocType>,
    bucket: timeline::Bucket,
    view: Option<&str>,
) -> Result<TimelineView, ApiError> {
    let summary = match view {
        Some("claims") => false,
        Some("summary") if doc_type.is_some() => return Err(ApiError::bad_request(
            "the summary counts claims of every document type: leave out 'type' or use view=claims",
        )),
        Some("summary") => true,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "unknown view '{other}'; use claims or summary"
            )))
        }
        None => {
            doc_type.is_none()
                && filter.municipality.is_none()
                && state
                    .index
                    .count_claims(filter)
                    .map_err(ApiError::from_index)?
                    > timeline::DETAIL_MAX
        }
    };
    if summary {
        let rows = state
            .index
            .claim_aggregates(filter, bucket.months())
            .map_err(ApiError::from_index)?;
        return Ok(TimelineView::Summary(rows));
    }
    select_claims(state, filter, doc_type).map(TimelineView::Claims)
}

pub async fn timeline(S(state): S<AppState>, uri: Uri) -> ApiResult {
    let p = Params::of(&uri, params::TIMELINE)?;
    let (filter, doc_type) = p.claims()?;
    let bucket = p.bucket()?;
    let by = p.get("by").unwrap_or("year").to_string();
    let view = p.get("view").map(str::to_string);
    let shown = blocking(&state, move |st| {
        timeline_view(st, &filter, doc_type, bucket, view.as_deref())
    })
    .await?;
    let named = |names: Vec<&Option<String>>| {
        names
            .into_iter()
            .flatten()
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    };
    let body = match shown {
        TimelineView::Claims(records) => {
            let rows = timeline::build(&records, bucket);
            json!({
                "by": by,
                "view": "claims",
                "claims": records.len(),
                "municipalities": named(rows.iter().map(|r| &r.municipality).collect()),
                "rows": rows,
            })
        }
        TimelineView::Summary(rows) => json!({
            "by": by,
            "view": "summary",
            "claims": rows.iter().map(|r| r.claims).sum::<u64>(),
            "municipalities": named(rows.iter().map(|r| &r.municipality).collect()),
            "rows": rows,
        }),
    };
    Ok(Json(body).into_response())
}

async fn run_check(state: AppState, p: Params) -> ApiResult {
    let sentence = p
        .get("sentence")
        .ok_or_else(|| ApiError::bad_request("'sentence' is required"))?
        .to_string();
    if sentence.chars().count() > 2000 {
        return Err(ApiError::bad_request(
            "'sentence' is longer than 2000 characters",
        ));
    }
    let today = match p.get("today") {
        Some(d) => params::day("today", d)?,
        None => chrono::Local::now().date_naive(),
    };
    let checks = blocking(&state, move |st| check_sentence(st, &sentence, today)).await?;
    Ok(Json(json!({
        "sentence": p.get("sentence"),
        "today": today.to_string(),
        "checks": checks,
    }))
    .into_response())
}

/// The checks of a sentence; one without a checkable figure is a 400.
pub fn check_sentence(
    st: &State,
    sentence: &str,
    today: chrono::NaiveDate,
) -> Result<Vec<check::Check>, ApiError> {
    if check::read_sentence(sentence, today).is_empty() {
        return Err(ApiError::bad_request(format!(
            "found no checkable figure in {sentence:?}: write it as a news sentence would, e.g. \"Tio av 30 socialsekreterare i Botkyrka har sagt upp sig\""
        )));
    }
    check::check(&st.index, sentence, today).map_err(ApiError::from_index)
}

pub async fn check_get(S(state): S<AppState>, uri: Uri) -> ApiResult {
    run_check(state, Params::of(&uri, params::CHECK)?).await
}

pub async fn check_post(
    S(state): S<AppState>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> ApiResult {
    let Form(pairs) = form.map_err(|e| {
        ApiError::bad_request(format!(
            "send the sentence as a form (application/x-www-form-urlencoded): {e}"
        ))
    })?;
    run_check(state, Params::from_pairs(pairs, params::CHECK)?).await
}

pub async fn municipalities(S(state): S<AppState>, uri: Uri) -> ApiResult {
    let p = Params::of(&uri, &["q"])?;
    let q = p.get("q").map(str::to_lowercase);
    let counts = blocking(&state, |st| {
        let mut counts = std::collections::HashMap::<String, usize>::new();
        for r in st
            .index
            .claims(&ClaimFilter::default())
            .map_err(ApiError::from_index)?
        {
            if let Some(m) = r.claim.municipality {
                *counts.entry(m).or_default() += 1;
            }
        }
        Ok(counts)
    })
    .await?;
    let suggestions = q.as_deref().map(crate::geo::suggest).unwrap_or_default();
    let list: Vec<Value> = crate::geo::all()
        .iter()
        .filter(|m| match &q {
            None => true,
            Some(q) => {
                m.name.to_lowercase().starts_with(q.as_str()) || suggestions.contains(&m.name)
            }
        })
        .map(|m| {
            json!({
                "name": m.name,
                "code": m.code,
                "county": m.county,
                "claims": counts.get(m.name).copied().unwrap_or(0),
            })
        })
        .collect();
    Ok(Json(json!({ "municipalities": list })).into_response())
}

pub async fn kinds() -> Response {
    let list: Vec<Value> = Kind::ALL
        .iter()
        .map(|k| {
            json!({
                "kind": k.as_str(),
                "label": super::html::kind_label(*k),
                "color": super::html::kind_color(*k),
            })
        })
        .collect();
    Json(json!({ "kinds": list })).into_response()
}

pub async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], super::OPENAPI).into_response()
}

// --- downloads ---------------------------------------------------------------------------

/// Writes into the response body as it goes, in chunks: the download starts at once and
/// holds little memory whatever its size. A client that goes away stops the writer.
struct ChannelWriter {
    tx: mpsc::Sender<io::Result<Bytes>>,
    buf: Vec<u8>,
}

const CHUNK: usize = 64 * 1024;

impl Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK {
            self.flush()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::take(&mut self.buf));
        self.tx
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "client went away"))
    }
}

/// A streamed download: `produce` runs off the async threads and writes the body.
fn download<F>(state: AppState, content_type: &'static str, filename: &str, produce: F) -> Response
where
    F: FnOnce(&State, &mut ChannelWriter) -> anyhow::Result<()> + Send + 'static,
{
    let (tx, rx) = mpsc::channel::<io::Result<Bytes>>(4);
    tokio::task::spawn_blocking(move || {
        let mut w = ChannelWriter {
            tx: tx.clone(),
            buf: Vec::new(),
        };
        let result = produce(&state, &mut w).and_then(|()| Ok(w.flush()?));
        if let Err(e) = result {
            // Abort the body, so the client sees a broken download, not a short one.
            eprintln!("avhopp: download stopped: {e}");
            let _ = tx.blocking_send(Err(io::Error::other(e.to_string())));
        }
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    });
    let mut res = Body::from_stream(stream).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

const CSV: &str = "text/csv; charset=utf-8";
const JSONL: &str = "application/x-ndjson; charset=utf-8";

/// Validates a search for download: the whole result, in pages of this size.
fn download_search(uri: &Uri, state: &State) -> Result<Search, ApiError> {
    let p = Params::of(uri, params::SEARCH)?;
    if p.get("limit").is_some() || p.get("offset").is_some() || p.get("page").is_some() {
        return Err(ApiError::bad_request(
            "downloads hold every match: leave out limit, offset and page",
        ));
    }
    let mut search = p.search(MAX_SEARCH_LIMIT)?;
    search.req.limit = 500;
    if !search.req.query.trim().is_empty() {
        state
            .index
            .parse_user_query(&search.req.query)
            .map_err(ApiError::from_index)?;
    }
    Ok(search)
}

/// Every hit of `search`, page by page.
fn each_hit(
    st: &State,
    search: &Search,
    mut f: impl FnMut(usize, &Hit) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut offset = 0;
    loop {
        let page = st.index.search_page(&search.req, search.doc_type, offset)?;
        for (i, h) in page.hits.iter().enumerate() {
            f(offset + i + 1, h)?;
        }
        offset += page.hits.len();
        if page.hits.is_empty() || offset >= page.total {
            return Ok(());
        }
    }
}

pub const HIT_CSV_HEADER: [&str; 10] = [
    "rank",
    "score",
    "title",
    "publisher",
    "published",
    "type",
    "municipalities",
    "url",
    "path",
    "snippet",
];

fn hit_row(rank: usize, h: &Hit) -> Vec<String> {
    vec![
        rank.to_string(),
        format!("{:.3}", h.score),
        h.title.clone().unwrap_or_default(),
        h.publisher.clone().unwrap_or_default(),
        h.published.clone().unwrap_or_default(),
        h.doc_type.clone(),
        h.municipalities.join("; "),
        h.url.clone().unwrap_or_default(),
        h.path.clone(),
        h.marked_snippet("**", "**"),
    ]
}

pub async fn search_csv(S(state): S<AppState>, uri: Uri) -> ApiResult {
    let search = download_search(&uri, &state)?;
    Ok(download(state, CSV, "search.csv", move |st, w| {
        let mut csv = csv::Writer::from_writer(w);
        csv.write_record(HIT_CSV_HEADER)?;
        each_hit(st, &search, |rank, h| {
            Ok(csv.write_record(hit_row(rank, h))?)
        })?;
        csv.flush()?;
        Ok(())
    }))
}

pub async fn search_jsonl(S(state): S<AppState>, uri: Uri) -> ApiResult {
    let search = download_search(&uri, &state)?;
    Ok(download(state, JSONL, "search.jsonl", move |st, w| {
        each_hit(st, &search, |_, h| Ok(writeln!(w, "{}", hit_json(h))?))
    }))
}

/// Validates a claim filter for download.
fn download_claims(uri: &Uri, state: &State) -> Result<(ClaimFilter, Option<DocType>), ApiError> {
    let p = Params::of(uri, params::CLAIMS)?;
    if p.get("limit").is_some() || p.get("offset").is_some() {
        return Err(ApiError::bad_request(
            "downloads hold every match: leave out limit and offset",
        ));
    }
    let (filter, doc_type) = p.claims()?;
    if let Some(q) = &filter.query {
        state
            .index
            .parse_user_query(q)
            .map_err(ApiError::from_index)?;
    }
    Ok((filter, doc_type))
}

pub async fn claims_csv(S(state): S<AppState>, uri: Uri) -> ApiResult {
    let (filter, doc_type) = download_claims(&uri, &state)?;
    Ok(download(state, CSV, "claims.csv", move |st, w| {
        let mut csv = csv::Writer::from_writer(w);
        csv.write_record(CLAIM_CSV_HEADER)?;
        for r in st.index.claims(&filter)? {
            if keep_type(&r, doc_type) {
                csv.write_record(r.csv_row())?;
            }
        }
        csv.flush()?;
        Ok(())
    }))
}

pub async fn claims_jsonl(S(state): S<AppState>, uri: Uri) -> ApiResult {
    let (filter, doc_type) = download_claims(&uri, &state)?;
    Ok(download(state, JSONL, "claims.jsonl", move |st, w| {
        for r in st.index.claims(&filter)? {
            if keep_type(&r, doc_type) {
                writeln!(w, "{}", serde_json::to_string(&r)?)?;
            }
        }
        Ok(())
    }))
}

// --- batch search ------------------------------------------------------------------------

/// The batch-search CSV: which query a row answers, then the columns of a search hit.
pub const BATCH_LEAD_COLUMNS: [&str; 3] = ["query_row", "query", "total"];

/// A CSV of queries (the first column of each row; a first row `query` is a header) in,
/// a CSV of their hits out: up to `limit` rows per query, one row with total 0 for a query
/// without hits, and a row with `error` for a query the parser refuses.
pub async fn batch_search(S(state): S<AppState>, uri: Uri, body: Bytes) -> ApiResult {
    let p = Params::of(&uri, params::SEARCH)?;
    if p.get("q").is_some() || p.get("offset").is_some() || p.get("page").is_some() {
        return Err(ApiError::bad_request(
            "the queries come in the CSV body; the URL takes only municipality, kind, from, to, type and limit",
        ));
    }
    let base = p.search(MAX_SEARCH_LIMIT)?;
    let text = std::str::from_utf8(&body)
        .map_err(|_| ApiError::bad_request("the CSV body is not UTF-8"))?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut queries: Vec<(usize, String)> = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row =
            row.map_err(|e| ApiError::bad_request(format!("bad CSV at row {}: {e}", i + 1)))?;
        let q = row.get(0).unwrap_or("").trim().to_string();
        if q.is_empty() || (i == 0 && q.eq_ignore_ascii_case("query")) {
            continue;
        }
        queries.push((i + 1, q));
    }
    if queries.is_empty() {
        return Err(ApiError::bad_request(
            "the CSV body holds no queries: send one query per row",
        ));
    }
    if queries.len() > MAX_BATCH_QUERIES {
        return Err(ApiError::bad_request(format!(
            "{} queries; one batch takes at most {MAX_BATCH_QUERIES}",
            queries.len()
        )));
    }
    Ok(download(state, CSV, "batch-search.csv", move |st, w| {
        let mut csv = csv::Writer::from_writer(w);
        let mut header: Vec<&str> = BATCH_LEAD_COLUMNS.to_vec();
        header.extend(HIT_CSV_HEADER);
        header.push("error");
        csv.write_record(&header)?;
        for (row, q) in queries {
            let mut search = base.clone();
            search.req.query = q.clone();
            let lead = |total: &str| vec![row.to_string(), q.clone(), total.to_string()];
            match st.index.search_page(&search.req, search.doc_type, 0) {
                Ok(page) => {
                    if page.hits.is_empty() {
                        let mut r = lead("0");
                        r.extend(std::iter::repeat_n(String::new(), 11));
                        csv.write_record(&r)?;
                    }
                    for (i, h) in page.hits.iter().enumerate() {
                        let mut r = lead(&page.total.to_string());
                        r.extend(hit_row(i + 1, h));
                        r.push(String::new());
                        csv.write_record(&r)?;
                    }
                }
                Err(e) if e.downcast_ref::<crate::index::QueryError>().is_some() => {
                    let mut r = lead("");
                    r.extend(std::iter::repeat_n(String::new(), 10));
                    r.push(e.to_string());
                    csv.write_record(&r)?;
                }
                Err(e) => return Err(e),
            }
        }
        csv.flush()?;
        Ok(())
    }))
}
