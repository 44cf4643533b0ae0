//! Usage: avhopp crawl [--sources FILE] [--max-pages N] [--since DATE] [URL...]
//!
//! Crawls the sources in the sources file (default `CORPUS/sources.toml`) or only the URLs
//! given (each a feed, a sitemap or a page), politely: robots.txt obeyed, one request at a
//! time per host, the source's rate. Every answer is archived as WARC under `CORPUS/warc/`
//! and pages go into the index as `avhopp ingest` puts files there, keyed by their canonical
//! URL. The crawl state (`CORPUS/crawl/state.redb`) makes a re-run continue an interrupted
//! crawl and re-check known pages with conditional requests once they are due. Prints what
//! was fetched, not modified, skipped and failed (by reason), and what was indexed.

use super::Global;
use anyhow::Result;
use avhopp::crawl::{self, sources::Sources};
use avhopp::index::AvhoppIndex;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Sources file [default: CORPUS/sources.toml]
    #[arg(long, value_name = "FILE")]
    sources: Option<PathBuf>,
    /// Stop after this many requests (the rest waits for the next run)
    #[arg(long, value_name = "N")]
    max_pages: Option<u64>,
    /// Leave out feed and sitemap entries dated before this (YYYY-MM-DD, YYYY-MM or YYYY)
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Crawl state [default: CORPUS/crawl/state.redb]
    #[arg(long, value_name = "FILE")]
    state: Option<PathBuf>,
    /// Archive folder for the WARC files [default: CORPUS/warc]
    #[arg(long, value_name = "DIR")]
    archive: Option<PathBuf>,
    /// Crawl only these URLs (feeds, sitemaps or pages) instead of the sources
    urls: Vec<String>,
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let path = args
        .sources
        .clone()
        .unwrap_or_else(|| global.corpus.join("sources.toml"));
    let sources = if args.urls.is_empty() || args.sources.is_some() || path.exists() {
        Sources::load(&path)?
    } else {
        Sources::default()
    };
    let since = args
        .since
        .as_deref()
        .map(|s| super::date_bound(s, false))
        .transpose()?;
    let index = AvhoppIndex::open_or_create(&global.index)?;
    let opts = crawl::Options {
        sources,
        urls: args.urls,
        max_pages: args.max_pages,
        since,
        archive_dir: args.archive.unwrap_or_else(|| global.corpus.join("warc")),
        state_path: args
            .state
            .unwrap_or_else(|| global.corpus.join("crawl").join("state.redb")),
        progress: std::io::stderr().is_terminal(),
    };
    let summary = crawl::run(&index, opts, |line| eprintln!("avhopp: {line}"))?;
    for line in summary.lines() {
        println!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}
