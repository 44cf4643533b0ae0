//! Subcommands, one per file, each with its usage at the top and a short `run`.

mod check;
mod claims;
mod crawl;
mod extract;
mod ingest;
mod parse;
mod reindex;
mod search;
mod serve;
mod timeline;

use anyhow::{anyhow, Result};
use avhopp::document::Defaults;
use avhopp::geo::{self, Municipality};
use avhopp::index::{self, AvhoppIndex};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// Tracks staffing crises in Swedish social services: reads news and municipal records,
/// finds claims (resignations, caseloads, vacancies, inspections...), indexes them, and
/// answers with search, a timeline and fact checks.
#[derive(Parser)]
#[command(name = "avhopp", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Clone)]
pub struct Global {
    /// Index folder. Built from the corpus folder on first use when missing.
    #[arg(long, global = true, env = "AVHOPP_INDEX", default_value = "index")]
    pub index: PathBuf,
    /// Corpus folder the index is built from when it is missing.
    #[arg(long, global = true, env = "AVHOPP_CORPUS", default_value = "corpus")]
    pub corpus: PathBuf,
}

#[derive(Subcommand)]
pub enum Command {
    /// Add files or folders to the index
    Ingest(ingest::Args),
    /// Print the claims of files, without an index
    Extract(extract::Args),
    /// Full-text search over indexed documents
    Search(search::Args),
    /// List indexed claims with their provenance
    Claims(claims::Args),
    /// Claims per municipality and period
    Timeline(timeline::Args),
    /// Check a sentence against the indexed claims
    Check(check::Args),
    /// Print the text and metadata avhopp reads from files
    Parse(parse::Args),
    /// Serve web pages and a JSON API over the index
    Serve(serve::Args),
    /// Crawl news sites and municipalities' pages into the archive and the index
    Crawl(crawl::Args),
    /// Index the crawl archive again, with no network
    Reindex(reindex::Args),
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Ingest(a) => ingest::run(a, &cli.global),
        Command::Extract(a) => extract::run(a),
        Command::Search(a) => search::run(a, &cli.global),
        Command::Claims(a) => claims::run(a, &cli.global),
        Command::Timeline(a) => timeline::run(a, &cli.global),
        Command::Check(a) => check::run(a, &cli.global),
        Command::Parse(a) => parse::run(a),
        Command::Serve(a) => serve::run(a, &cli.global),
        Command::Crawl(a) => crawl::run(a, &cli.global),
        Command::Reindex(a) => reindex::run(a, &cli.global),
    }
}

/// Opens the index; when it does not exist yet and the corpus folder does, builds it first
/// (the first run of a fresh clone).
pub fn open_index(global: &Global) -> Result<AvhoppIndex> {
    if !index::exists(&global.index) && global.corpus.is_dir() {
        eprintln!(
            "avhopp: no index at {}; building it from {} (once)",
            global.index.display(),
            global.corpus.display()
        );
        let idx = AvhoppIndex::open_or_create(&global.index)?;
        let summary = avhopp::ingest::run(
            &idx,
            std::slice::from_ref(&global.corpus),
            &Defaults::default(),
            std::io::stderr().is_terminal(),
            |line| eprintln!("avhopp: {line}"),
        )?;
        eprintln!("avhopp: {}", summary.line());
    }
    AvhoppIndex::open(&global.index)
}

pub fn municipality(name: &str) -> Result<&'static Municipality> {
    geo::lookup(name).ok_or_else(|| {
        let hints = geo::suggest(name);
        if hints.is_empty() {
            anyhow!("unknown municipality '{name}'")
        } else {
            anyhow!(
                "unknown municipality '{name}'; did you mean {}?",
                hints.join(", ")
            )
        }
    })
}

/// A date bound that may be a year or a month: `--from 2016` is 2016-01-01, `--to 2016` is
/// 2016-12-31.
pub fn date_bound(s: &str, end: bool) -> Result<NaiveDate> {
    let p = avhopp::dates::PubDate::parse(s)
        .ok_or_else(|| anyhow!("bad date '{s}'; use YYYY-MM-DD, YYYY-MM or YYYY"))?;
    Ok(if end { p.last() } else { p.first })
}

/// Shortens text for a table cell.
pub fn clip(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        s
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// Parses `--format` values shared by several commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Jsonl,
    Csv,
}
