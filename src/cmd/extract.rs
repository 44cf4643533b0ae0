//! Usage: avhopp extract [--format jsonl|table] [--published DATE] [--municipality NAME] PATH...
//!
//! Prints the claims of each file, without an index. `--format jsonl` prints exactly the
//! records of the claim spec, one per line, with `doc` the path as given. A file that cannot
//! be read gets a one-line error on stderr; the others go on, and the exit status is 1.

use super::{clip, Format};
use anyhow::{bail, Result};
use avhopp::claims::Claim;
use avhopp::document::{self, Defaults};
use avhopp::{dates::PubDate, ingest, lang};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Output: jsonl (the spec's records) or table
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Publication date for files that do not give one (YYYY-MM-DD, YYYY-MM or YYYY)
    #[arg(long, value_name = "DATE")]
    published: Option<String>,
    /// Municipality the files are about, for claims whose sentence and paragraph name none
    #[arg(long, value_name = "NAME")]
    municipality: Option<String>,
    /// Files or folders
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    if args.format == Format::Csv {
        bail!("extract prints jsonl or table; use `avhopp claims --format csv` for CSV");
    }
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
    let inputs = ingest::collect(&args.paths);
    let mut failed = inputs.missing.len();
    for m in &inputs.missing {
        eprintln!("avhopp: {m}");
    }
    let mut out = BufWriter::new(io::stdout().lock());
    for input in &inputs.files {
        let doc = match document::read(&input.path, &input.display, &defaults) {
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
        let ingest::Analysis {
            lang: code, claims, ..
        } = ingest::analyse(&doc);
        if !lang::is_swedish(code) {
            eprintln!(
                "avhopp: {}: not Swedish ({}), no claims extracted",
                doc.path,
                lang::name(code.unwrap_or(""))
            );
        }
        for c in &claims {
            let written = match args.format {
                Format::Jsonl => writeln!(out, "{}", serde_json::to_string(c)?),
                _ => write_row(&mut out, c),
            };
            if written.is_err() {
                return Ok(ExitCode::SUCCESS); // the reader went away (`| head`)
            }
        }
    }
    out.flush().ok();
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn write_row(out: &mut impl Write, c: &Claim) -> io::Result<()> {
    let period = c
        .period
        .map_or("-".to_string(), |p| format!("{}..{}", p.from, p.to));
    writeln!(
        out,
        "{:<16} {:<22} {:<12} {:<23} {}  [{}]",
        c.kind.as_str(),
        clip(&c.figure(), 22),
        clip(c.municipality.as_deref().unwrap_or("-"), 12),
        period,
        clip(&c.quote, 90),
        c.doc
    )
}
