//! Usage: avhopp parse [--format jsonl|text] PATH...
//!
//! Prints what avhopp reads from each file, the same way `ingest` and `extract` read it: the
//! path, title, publication date, author, publisher, URL, the municipality the document is
//! about when its text does not say (its sidecar's, or a PDF's letterhead), language, type
//! (html or text) and the main text. `--format jsonl` prints one JSON object per file with
//! exactly those keys (`published`, `author`, `publisher`, `url`, `municipality` and `lang`
//! are null when unknown); `text`
//! prints the metadata as `key: value` lines, a blank line and the text. A file that cannot
//! be read gets a one-line error on stderr; the others go on, and the exit status is 1.

use anyhow::Result;
use avhopp::document::{self, Defaults, Document};
use avhopp::{ingest, lang};
use serde::Serialize;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Text,
}

#[derive(clap::Args)]
pub struct Args {
    /// Output: jsonl (one object per file) or text
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Files or folders
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

/// The record printed for one file.
#[derive(Serialize)]
struct Parsed<'a> {
    path: &'a str,
    title: Option<&'a str>,
    published: Option<String>,
    author: Option<&'a str>,
    publisher: Option<&'a str>,
    url: Option<&'a str>,
    municipality: Option<&'static str>,
    lang: Option<&'static str>,
    #[serde(rename = "type")]
    kind: &'static str,
    text: &'a str,
}

impl<'a> Parsed<'a> {
    fn of(doc: &'a Document) -> Parsed<'a> {
        Parsed {
            path: &doc.path,
            title: doc.title.as_deref(),
            published: doc.published.map(|d| d.to_string()),
            author: doc.author.as_deref(),
            publisher: doc.publisher.as_deref(),
            url: doc.url.as_deref(),
            municipality: doc.municipality.map(|m| m.name),
            lang: lang::detect(&doc.text),
            kind: doc.format.as_str(),
            text: &doc.text,
        }
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let inputs = ingest::collect(&args.paths);
    let mut failed = inputs.missing.len();
    for m in &inputs.missing {
        eprintln!("avhopp: {m}");
    }
    let mut out = BufWriter::new(io::stdout().lock());
    for (n, input) in inputs.files.iter().enumerate() {
        let doc = match document::read(&input.path, &input.display, &Defaults::default()) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("avhopp: {e}");
                failed += 1;
                continue;
            }
        };
        for w in &doc.warnings {
            eprintln!("avhopp: {w}");
        }
        let p = Parsed::of(&doc);
        let written = match args.format {
            Format::Jsonl => writeln!(out, "{}", serde_json::to_string(&p)?),
            Format::Text => write_text(&mut out, &p, n > 0),
        };
        if written.is_err() {
            return Ok(ExitCode::SUCCESS); // the reader went away (`| head`)
        }
    }
    out.flush().ok();
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn write_text(out: &mut impl Write, p: &Parsed, separate: bool) -> io::Result<()> {
    if separate {
        writeln!(out, "\n{}", "-".repeat(72))?;
    }
    let or_dash = |s: Option<&str>| s.unwrap_or("-").to_string();
    writeln!(out, "path: {}", p.path)?;
    writeln!(out, "title: {}", or_dash(p.title))?;
    writeln!(out, "published: {}", or_dash(p.published.as_deref()))?;
    writeln!(out, "author: {}", or_dash(p.author))?;
    writeln!(out, "publisher: {}", or_dash(p.publisher))?;
    writeln!(out, "url: {}", or_dash(p.url))?;
    writeln!(out, "municipality: {}", or_dash(p.municipality))?;
    writeln!(out, "lang: {}", or_dash(p.lang))?;
    writeln!(out, "type: {}", p.kind)?;
    writeln!(out, "\n{}", p.text)
}
