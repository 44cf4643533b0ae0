//! Usage: avhopp search QUERY [--municipality M] [--kind K] [--from D] [--to D] [--limit N] [--format table|jsonl]
//!
//! Ranks indexed documents for QUERY in Tantivy's query syntax: words, "phrases", AND / OR /
//! NOT, field:value (title, text, publisher, municipality, kind, type). Swedish stemming, and
//! "uppsägning" also finds "sagt upp sig". Each hit shows title, date, publisher,
//! municipality and a snippet with the matched words in **bold**.

use super::{clip, Format, Global};
use anyhow::{bail, Result};
use avhopp::claims::Kind;
use avhopp::index::SearchRequest;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The query, in Tantivy syntax
    query: String,
    /// Only documents about this municipality
    #[arg(long, value_name = "NAME")]
    municipality: Option<String>,
    /// Only documents with claims of this kind (resigned, caseload, ...)
    #[arg(long, value_name = "KIND")]
    kind: Option<String>,
    /// Published on or after (YYYY-MM-DD, YYYY-MM or YYYY)
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Published on or before (YYYY-MM-DD, YYYY-MM or YYYY)
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// At most this many documents
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Output: table or jsonl
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    if args.format == Format::Csv {
        bail!("search prints table or jsonl");
    }
    let req = SearchRequest {
        query: args.query.clone(),
        municipality: args
            .municipality
            .as_deref()
            .map(super::municipality)
            .transpose()?,
        kind: args
            .kind
            .as_deref()
            .map(Kind::parse)
            .transpose()
            .map_err(anyhow::Error::msg)?,
        from: args
            .from
            .as_deref()
            .map(|d| super::date_bound(d, false))
            .transpose()?,
        to: args
            .to
            .as_deref()
            .map(|d| super::date_bound(d, true))
            .transpose()?,
        limit: args.limit.clamp(1, 10_000),
    };
    let index = super::open_index(global)?;
    let hits = index.search(&req)?;
    let mut out = BufWriter::new(io::stdout().lock());
    if hits.is_empty() && args.format == Format::Table {
        eprintln!("avhopp: no documents match {:?}", args.query);
    }
    for (i, h) in hits.iter().enumerate() {
        let written = match args.format {
            Format::Jsonl => {
                let mut v = serde_json::to_value(h)?;
                v["snippet_marked"] = serde_json::Value::String(h.marked_snippet("**", "**"));
                writeln!(out, "{v}")
            }
            _ => writeln!(
                out,
                "{}. {}\n   {} · {} · {} · {}\n   {}\n",
                i + 1,
                h.title.as_deref().unwrap_or("(untitled)"),
                h.published.as_deref().unwrap_or("undated"),
                h.publisher.as_deref().unwrap_or("unknown publisher"),
                h.municipalities
                    .first()
                    .map_or("no municipality", String::as_str),
                h.url.as_deref().unwrap_or(&h.path),
                clip(&h.marked_snippet("**", "**"), 300),
            ),
        };
        if written.is_err() {
            break;
        }
    }
    out.flush().ok();
    Ok(ExitCode::SUCCESS)
}
