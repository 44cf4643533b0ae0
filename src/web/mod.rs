//! `avhopp serve`: the web pages and the JSON API over one index, read-only.
//!
//! Pages (server-rendered HTML, no JavaScript, no CDN: they work offline):
//! `/` search, `/doc` one document with its claims marked, `/timeline` the chart of claims
//! per municipality and period, `/check` the fact check. The JSON API under `/api/` mirrors
//! the CLI; [`api_routes`] is the one table the router is built from, and the OpenAPI
//! document (`openapi.json`, served at `/api/openapi.json`) lists exactly those paths (a test
//! holds them together). Bad input is a 4xx with `{"error": "..."}`, never a 500.
//!
//! Everything a document says is escaped before it reaches HTML; the only files served are
//! compiled in (`assets.rs`), so no request can read the disk.

mod api;
mod assets;
mod chart;
mod html;
mod pages;
mod params;

use crate::index::{AvhoppIndex, QueryError};
use anyhow::{Context, Result};
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, MethodRouter};
use axum::{Json, Router};
use std::net::SocketAddr;
use std::sync::Arc;

/// What every handler shares: the open index.
pub struct State {
    pub index: AvhoppIndex,
}

pub type AppState = Arc<State>;

/// The JSON API: every path the router serves under `/api/`, and its handlers. The OpenAPI
/// document must list exactly these paths.
pub fn api_routes() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/api/search", get(api::search)),
        ("/api/search.csv", get(api::search_csv)),
        ("/api/search.jsonl", get(api::search_jsonl)),
        ("/api/claims", get(api::claims)),
        ("/api/claims.csv", get(api::claims_csv)),
        ("/api/claims.jsonl", get(api::claims_jsonl)),
        ("/api/timeline", get(api::timeline)),
        ("/api/check", get(api::check_get).post(api::check_post)),
        ("/api/municipalities", get(api::municipalities)),
        ("/api/kinds", get(api::kinds)),
        ("/api/batch-search", axum::routing::post(api::batch_search)),
        ("/api/openapi.json", get(api::openapi)),
    ]
}

/// The paths of [`api_routes`], for tests and the OpenAPI check.
pub fn api_paths() -> Vec<&'static str> {
    api_routes().into_iter().map(|(p, _)| p).collect()
}

/// The OpenAPI document served at `/api/openapi.json`.
pub const OPENAPI: &str = include_str!("openapi.json");

/// The whole application over `index`.
pub fn router(index: AvhoppIndex) -> Router {
    let state: AppState = Arc::new(State { index });
    let mut app = Router::new()
        .route("/", get(pages::search))
        .route("/doc", get(pages::document))
        .route("/timeline", get(pages::timeline))
        .route("/check", get(pages::check))
        .route("/static/{*file}", get(assets::serve));
    for (path, handler) in api_routes() {
        app = app.route(path, handler);
    }
    app.fallback(not_found)
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

/// Serves `index` on `addr` until the process ends; `bound` is told the address actually
/// bound (port 0 picks a free one) once the server accepts connections.
pub fn serve(index: AvhoppIndex, addr: SocketAddr, bound: impl FnOnce(SocketAddr)) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .build()
        .context("cannot start the web server's runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        bound(listener.local_addr()?);
        axum::serve(listener, router(index))
            .await
            .context("the web server stopped")
    })
}

/// Headers on every response: no sniffing, no framing, and a policy that allows no script
/// at all (the pages have none), so injected markup could not run even if it got through.
async fn security_headers(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; \
             base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    res
}

async fn not_found(uri: Uri) -> Response {
    if uri.path().starts_with("/api") {
        ApiError::not_found(format!(
            "no such endpoint {}; see /api/openapi.json",
            uri.path()
        ))
        .into_response()
    } else {
        pages::not_found(uri.path())
    }
}

/// An error answered as `{"error": "..."}` with its status.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    /// A failure of the index is the server's fault; a refused query is the user's.
    pub fn from_index(e: anyhow::Error) -> ApiError {
        if let Some(q) = e.downcast_ref::<QueryError>() {
            return ApiError::bad_request(q.0.clone());
        }
        let chain: Vec<String> = e.chain().map(|c| c.to_string()).collect();
        eprintln!("avhopp: {}", chain.join(": "));
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: chain.join(": "),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(serde_json::json!({ "error": self.message })),
        )
            .into_response()
    }
}

/// Runs index work off the async threads.
pub async fn blocking<T, F>(state: &AppState, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&State) -> Result<T, ApiError> + Send + 'static,
{
    let state = state.clone();
    tokio::task::spawn_blocking(move || f(&state))
        .await
        .unwrap_or_else(|e| {
            Err(ApiError {
                status: StatusCode::INTERNAL_SERVER_ERROR,
                message: format!("internal error: {e}"),
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openapi_document_lists_exactly_the_api_routes() {
        let doc: serde_json::Value = serde_json::from_str(OPENAPI).expect("openapi.json is JSON");
        let documented: Vec<&str> = doc["paths"]
            .as_object()
            .expect("paths")
            .keys()
            .map(String::as_str)
            .collect();
        let served = api_paths();
        for p in &served {
            assert!(documented.contains(p), "{p} is served but not documented");
        }
        for p in &documented {
            assert!(served.contains(p), "{p} is documented but not served");
        }
    }
}
