//! Static files, compiled into the binary: a request names one of them or gets a 404, so no
//! path (`..`, `%2e%2e`, absolute) can reach the disk.

use super::html::kind_color;
use crate::claims::Kind;
use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::OnceLock;

const STYLE: &str = include_str!("style.css");

/// The stylesheet, with one rule per claim kind in its colour.
fn style() -> &'static str {
    static CSS: OnceLock<String> = OnceLock::new();
    CSS.get_or_init(|| {
        let mut css = STYLE.to_string();
        for k in Kind::ALL {
            let c = kind_color(k);
            css.push_str(&format!(
                "mark.k-{k} {{ background: {c}26; border-bottom: 2px solid {c}; }}\n\
                 .swatch.k-{k} {{ background: {c}; }}\n"
            ));
        }
        css
    })
}

pub async fn serve(Path(file): Path<String>) -> Response {
    match file.as_str() {
        "style.css" => (
            [
                (header::CONTENT_TYPE, "text/css; charset=utf-8"),
                (header::CACHE_CONTROL, "max-age=300"),
            ],
            style(),
        )
            .into_response(),
        _ => (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "no such file\n",
        )
            .into_response(),
    }
}
