//! Usage: avhopp check "SENTENCE" [--format table|jsonl]
//!
//! Reads the sentence with the same extractors as documents (kind, figure, municipality,
//! period) and compares it with the indexed claims about the same thing. Answers
//! *supported* (a source gives the same figure), *differs* (sources give other figures,
//! listed) or *no evidence*, each with quote, publisher, date and URL or path.

use super::{clip, Format, Global};
use anyhow::{bail, Result};
use avhopp::check::{self, Check};
use avhopp::index::ClaimRecord;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The sentence to check, in Swedish
    sentence: String,
    /// Output: table or jsonl (one line per claim found in the sentence)
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    if args.format == Format::Csv {
        bail!("check prints table or jsonl");
    }
    let index = super::open_index(global)?;
    let today = chrono::Local::now().date_naive();
    let checks = check::check(&index, &args.sentence, today)?;
    let mut out = BufWriter::new(io::stdout().lock());
    for c in &checks {
        let r = match args.format {
            Format::Jsonl => writeln!(out, "{}", serde_json::to_string(c)?),
            _ => write_check(&mut out, c),
        };
        if r.is_err() {
            break;
        }
    }
    out.flush().ok();
    Ok(ExitCode::SUCCESS)
}

fn write_evidence(out: &mut impl Write, r: &ClaimRecord) -> io::Result<()> {
    let c = &r.claim;
    let period = c
        .period
        .map_or(String::new(), |p| format!(", about {}..{}", p.from, p.to));
    writeln!(
        out,
        "  {:<14} {}, {}{}\n  {:<14} \"{}\"\n  {:<14} {}\n",
        c.figure(),
        r.publisher.as_deref().unwrap_or("unknown publisher"),
        r.published.as_deref().unwrap_or("undated"),
        period,
        "",
        clip(&c.quote, 160),
        "",
        r.url.as_deref().unwrap_or(&c.doc)
    )
}

fn write_check(out: &mut impl Write, c: &Check) -> io::Result<()> {
    let claim = &c.claim;
    let place = claim.municipality.as_deref().unwrap_or("any municipality");
    let when = claim
        .period
        .map_or("any time".to_string(), |p| format!("{}..{}", p.from, p.to));
    writeln!(
        out,
        "Claim:   {} {} · {place} · {when}",
        claim.kind.as_str(),
        claim.figure()
    )?;
    writeln!(out, "Verdict: {}", c.verdict.as_str().to_uppercase())?;
    if !c.same.is_empty() {
        writeln!(out, "\nSame figure ({}):", c.same.len())?;
        for r in &c.same {
            write_evidence(out, r)?;
        }
    }
    if !c.other.is_empty() {
        writeln!(
            out,
            "\nOther figures for the same thing ({}):",
            c.other.len()
        )?;
        for r in &c.other {
            write_evidence(out, r)?;
        }
    }
    if c.same.is_empty() && c.other.is_empty() {
        writeln!(out, "No indexed source gives a figure for this.")?;
    }
    writeln!(out)
}
