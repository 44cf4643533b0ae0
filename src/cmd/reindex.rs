//! Usage: avhopp reindex [--archive DIR]
//!
//! Indexes every page stored in the crawl archive (default `CORPUS/warc/`) again, in the
//! order it was stored, with no network: the same documents and claims the crawl gave,
//! duplicates recorded once. Adds to the index given with --index (created when missing);
//! point it at a new folder, or delete the old one, to rebuild from nothing.

use super::Global;
use anyhow::Result;
use avhopp::index::AvhoppIndex;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Archive folder with the crawl's WARC files [default: CORPUS/warc]
    #[arg(long, value_name = "DIR")]
    archive: Option<PathBuf>,
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let dir = args.archive.unwrap_or_else(|| global.corpus.join("warc"));
    if !dir.is_dir() {
        anyhow::bail!("no archive at {}: run `avhopp crawl` first", dir.display());
    }
    let index = AvhoppIndex::open_or_create(&global.index)?;
    // Duplicates and records cut short by a killed crawl (its last record, never indexed)
    // get a line each; neither is a failure.
    let (counts, records) =
        avhopp::crawl::pages::reindex(&index, &dir, |line| eprintln!("avhopp: {line}"))?;
    println!("{records} archived responses read");
    println!("{}", counts.line());
    Ok(ExitCode::SUCCESS)
}
