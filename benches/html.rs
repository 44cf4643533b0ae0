//! HTML extraction speed, one core, in memory: `cargo bench --bench html`.
//!
//! Loads the 181 pages of `../shared/bench/article-extraction/html/*.html.gz` (gunzipped) into
//! memory (`AVHOPP_BENCH_PAGES=<folder>` reads `*.html`/`*.html.gz` from another folder;
//! `AVHOPP_BENCH_REPEAT=N` replicates them N times) and times, single threaded, median of
//! `AVHOPP_BENCH_PASSES` passes (5 by default):
//!
//! 1. `document::read_bytes(.., Format::Html, ..)`: what `avhopp parse` does for a page
//!    (UTF-8 check, nesting guard, raw-text stripping, parse, main text, metadata);
//! 2. the same plus `lang::detect` on the text, as ingest does; then `lang::detect` alone
//!    on the extracted texts and on their first 1 000 and 500 characters (and how often
//!    the shorter prefix gives the same language);
//! 3. scraper's bare parse of the raw page (`Html::parse_document`), no extraction;
//! 4. scraper's parse of the page after `html::strip_raw_text` (what avhopp parses).
//!
//! Rates are pages and MB (of raw HTML) per second of this thread's CPU time
//! (`CLOCK_THREAD_CPUTIME_ID`, so that other load on a shared machine does not count;
//! wall time where that clock is missing). `bench/article_extraction.py` runs this and puts
//! the figures next to trafilatura's, measured in the same run.

use avhopp::document::{self, Format};
use avhopp::{html, lang};
use std::hint::black_box;
use std::io::Read;
use std::path::{Path, PathBuf};

#[path = "common/mod.rs"]
mod common;
use common::{median, timed};

// As the binary allocates (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn load(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    names.sort();
    let mut pages = Vec::new();
    for p in names {
        let name = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let bytes = if name.ends_with(".html.gz") {
            let mut out = Vec::new();
            let f = std::fs::File::open(&p).expect("open page");
            flate2::read::GzDecoder::new(f)
                .read_to_end(&mut out)
                .expect("gunzip page");
            out
        } else if name.ends_with(".html") {
            std::fs::read(&p).expect("read page")
        } else {
            continue;
        };
        pages.push((name, bytes));
    }
    pages
}

fn prefix(t: &str, n: usize) -> &str {
    t.char_indices().nth(n).map_or(t, |(i, _)| &t[..i])
}

fn main() {
    let dir = std::env::var_os("AVHOPP_BENCH_PAGES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/article-extraction/html")
        });
    let mut pages = load(&dir);
    if pages.is_empty() {
        println!("no pages in {}: skipped", dir.display());
        return;
    }
    let repeat: usize = std::env::var("AVHOPP_BENCH_REPEAT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(1);
    let passes: usize = std::env::var("AVHOPP_BENCH_PASSES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
        .max(1);
    let one = pages.clone();
    for _ in 1..repeat {
        pages.extend(one.iter().cloned());
    }
    let n = pages.len();
    let mb = pages.iter().map(|p| p.1.len()).sum::<usize>() as f64 / 1e6;
    println!(
        "{n} pages ({} distinct x {repeat}), {mb:.1} MB of HTML, one thread, median of {passes} passes (CPU time)",
        one.len()
    );
    let strs: Vec<&str> = pages
        .iter()
        .map(|p| std::str::from_utf8(&p.1).unwrap_or(""))
        .collect();

    let report = |label: &str, f: &dyn Fn()| -> f64 {
        f(); // warm-up
        let t = median((0..passes).map(|_| timed(f)).collect());
        println!(
            "{label:<44} {:>8.1} pages/s {:>7.1} MB/s",
            n as f64 / t,
            mb / t
        );
        n as f64 / t
    };
    let extract = report("avhopp document::read_bytes (html)", &|| {
        for (name, bytes) in &pages {
            let _ = black_box(document::read_bytes(bytes, Format::Html, None, name));
        }
    });
    report("avhopp read_bytes + lang::detect", &|| {
        for (name, bytes) in &pages {
            if let Ok(d) = document::read_bytes(bytes, Format::Html, None, name) {
                black_box(lang::detect(&d.text));
            }
        }
    });
    // Language detection on a shorter prefix: what it would save, and whether it agrees.
    let texts: Vec<String> = pages
        .iter()
        .filter_map(|(name, bytes)| document::read_bytes(bytes, Format::Html, None, name).ok())
        .map(|d| d.text)
        .collect();
    report("lang::detect alone (2 000 chars)", &|| {
        for t in &texts {
            black_box(lang::detect(t));
        }
    });
    for n in [1000, 500] {
        report(&format!("lang::detect on the first {n} chars"), &|| {
            for t in &texts {
                black_box(lang::detect(prefix(t, n)));
            }
        });
        let same = texts
            .iter()
            .filter(|t| lang::detect(t) == lang::detect(prefix(t, n)))
            .count();
        println!(
            "  same language as on 2 000 chars: {same} of {} texts",
            texts.len()
        );
    }
    let bare = report("scraper Html::parse_document (raw page)", &|| {
        for s in &strs {
            black_box(scraper::Html::parse_document(s));
        }
    });
    let stripped = report("strip_raw_text + parse_document", &|| {
        for s in &strs {
            black_box(scraper::Html::parse_document(&html::strip_raw_text(s)));
        }
    });
    println!(
        "extraction on top of parsing: avhopp {:.2}x the time of strip+parse, {:.2}x the time of a bare parse",
        stripped / extract,
        bare / extract
    );
    println!("avhopp_pages_per_s={extract:.1} scraper_parse_pages_per_s={bare:.1}");
}
