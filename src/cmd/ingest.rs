//! Usage: avhopp ingest [--published DATE] [--municipality NAME] PATH...
//!
//! Adds files and folders to the index (created when missing): each document's text,
//! metadata and claims. The same file ingested again is not duplicated; a changed file is
//! replaced. Prints a summary of documents, claims, skipped and failed files; the exit status
//! is 1 when a file failed.

use super::Global;
use anyhow::Result;
use avhopp::dates::PubDate;
use avhopp::document::Defaults;
use avhopp::index::AvhoppIndex;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Publication date for files that give none (YYYY-MM-DD, YYYY-MM or YYYY)
    #[arg(long, value_name = "DATE")]
    published: Option<String>,
    /// Municipality the files are about, for claims whose sentence and paragraph name none
    #[arg(long, value_name = "NAME")]
    municipality: Option<String>,
    /// Files or folders
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let defaults = Defaults {
        published: match &args.published {
            Some(p) => Some(PubDate::parse(p).ok_or_else(|| {
                anyhow::anyhow!("bad --published '{p}'; use YYYY-MM-DD, YYYY-MM or YYYY")
            })?),
            None => None,
        },
        municipality: args
            .municipality
            .as_deref()
            .map(super::municipality)
            .transpose()?,
    };
    let index = AvhoppIndex::open_or_create(&global.index)?;
    let summary = avhopp::ingest::run(
        &index,
        &args.paths,
        &defaults,
        std::io::stderr().is_terminal(),
        |line| eprintln!("avhopp: {line}"),
    )?;
    println!("{}", summary.line());
    Ok(if summary.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
