//! Usage: avhopp timeline [--municipality M] [--kind K] [--by year|quarter|month] [--from D] [--to D] [--claims|--summary] [--format table|jsonl]
//!
//! Staffing crises over time: for every municipality (most claims first) and period, the
//! claims that fall there. A claim is placed at the start of the period it speaks of, else
//! at its document's date.
//!
//! Two views. The claims themselves, each with its figure, quote, publisher, date and URL:
//! for one municipality, or whenever few claims match (provenance first). Over many claims a
//! summary instead: per municipality and period the number of claims and of sources, and
//! per kind the count and the range of figures, counted by the index without loading a
//! claim, so it takes milliseconds over a million documents. `--claims` and `--summary`
//! choose the view.

use super::{clip, Format, Global};
use anyhow::{bail, Result};
use avhopp::claims::format_number;
use avhopp::timeline::{self, Bucket, Row, SummaryRow, DETAIL_MAX};
use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Only this municipality
    #[arg(long, value_name = "NAME")]
    municipality: Option<String>,
    /// Only claims of this kind
    #[arg(long, value_name = "KIND")]
    kind: Option<String>,
    /// Period size: year, quarter or month
    #[arg(long, default_value = "year")]
    by: String,
    /// Claims about a time on or after (YYYY-MM-DD, YYYY-MM or YYYY)
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Claims about a time on or before (YYYY-MM-DD, YYYY-MM or YYYY)
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// List every claim with its quote and source (the default for one municipality or
    /// up to 200 claims)
    #[arg(long, conflicts_with = "summary")]
    claims: bool,
    /// Count claims per municipality, period and kind instead of listing them (the default
    /// over more than 200 claims)
    #[arg(long)]
    summary: bool,
    /// Output: table or jsonl (one line per municipality and period)
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    if args.format == Format::Csv {
        bail!("timeline prints table or jsonl; use `avhopp claims --format csv` for CSV");
    }
    let bucket = Bucket::parse(&args.by).map_err(anyhow::Error::msg)?;
    let filter = super::claims::filter_from(
        args.municipality.as_deref(),
        args.kind.as_deref(),
        args.from.as_deref(),
        args.to.as_deref(),
    )?;
    let index = super::open_index(global)?;
    let summary = args.summary
        || !args.claims
            && filter.municipality.is_none()
            && index.count_claims(&filter)? > DETAIL_MAX;
    if summary {
        let rows = index.claim_aggregates(&filter, bucket.months())?;
        let mut out = BufWriter::new(io::stdout().lock());
        let result = match args.format {
            Format::Jsonl => rows
                .iter()
                .try_for_each(|r| writeln!(out, "{}", serde_json::to_string(r).expect("row json"))),
            _ => write_summary(&mut out, &rows),
        };
        result.ok();
        out.flush().ok();
        return Ok(ExitCode::SUCCESS);
    }
    let records = index.claims(&filter)?;
    let rows = timeline::build(&records, bucket);
    let mut out = BufWriter::new(io::stdout().lock());
    let result = match args.format {
        Format::Jsonl => rows
            .iter()
            .try_for_each(|r| writeln!(out, "{}", serde_json::to_string(r).expect("row json"))),
        _ => write_table(&mut out, &rows, records.len()),
    };
    result.ok();
    out.flush().ok();
    Ok(ExitCode::SUCCESS)
}

fn write_table(out: &mut impl Write, rows: &[Row], total: usize) -> io::Result<()> {
    if rows.is_empty() {
        writeln!(out, "No claims match.")?;
        return Ok(());
    }
    let municipalities = named(rows.iter().map(|r| &r.municipality));
    writeln!(
        out,
        "Staffing crises in social services: {total} claims, {municipalities} municipalities\n"
    )?;
    let mut current: Option<&Option<String>> = None;
    for row in rows {
        if current != Some(&row.municipality) {
            if current.is_some() {
                writeln!(out)?;
            }
            match (&row.municipality, &row.municipality_code) {
                (Some(m), Some(code)) => writeln!(out, "{m} ({code})")?,
                _ => writeln!(out, "(municipality not named)")?,
            }
            current = Some(&row.municipality);
        }
        let sources = if row.sources == 1 {
            "1 source".to_string()
        } else {
            format!("{} sources", row.sources)
        };
        writeln!(out, "  {:<8} {sources}", row.period)?;
        // One line per kind: its figures, then the quotes with where they come from.
        let mut by_kind: BTreeMap<_, Vec<_>> = BTreeMap::new();
        for p in &row.claims {
            by_kind.entry(p.kind).or_default().push(p);
        }
        for (kind, points) in by_kind {
            let figures: Vec<String> = points.iter().map(|p| p.figure.clone()).collect();
            writeln!(out, "    {:<16} {}", kind.as_str(), figures.join(", "))?;
            for p in points {
                let r = &p.record;
                let source = format!(
                    "{}, {}",
                    r.publisher.as_deref().unwrap_or("unknown publisher"),
                    r.published.as_deref().unwrap_or("undated")
                );
                writeln!(
                    out,
                    "      {:<18} \"{}\" ({source}; {})",
                    clip(&p.figure, 18),
                    clip(&r.claim.quote, 90),
                    r.url.as_deref().unwrap_or(&r.claim.doc)
                )?;
            }
        }
    }
    Ok(())
}

fn write_summary(out: &mut impl Write, rows: &[SummaryRow]) -> io::Result<()> {
    if rows.is_empty() {
        writeln!(out, "No claims match.")?;
        return Ok(());
    }
    let total: u64 = rows.iter().map(|r| r.claims).sum();
    let municipalities = named(rows.iter().map(|r| &r.municipality));
    writeln!(
        out,
        "Staffing crises in social services: {total} claims, {municipalities} municipalities.\n\
         Counts per period; `avhopp timeline --municipality NAME` lists the claims with quotes and sources.\n"
    )?;
    let mut current: Option<&Option<String>> = None;
    for row in rows {
        let plural = |n: u64, one: &str, many: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        };
        if current != Some(&row.municipality) {
            if current.is_some() {
                writeln!(out)?;
            }
            // Rows come grouped by municipality: sum this one's.
            let claims: u64 = rows
                .iter()
                .skip_while(|r| r.municipality != row.municipality)
                .take_while(|r| r.municipality == row.municipality)
                .map(|r| r.claims)
                .sum();
            match (&row.municipality, &row.municipality_code) {
                (Some(m), Some(code)) => {
                    writeln!(out, "{m} ({code}): {}", plural(claims, "claim", "claims"))?
                }
                (Some(m), None) => writeln!(out, "{m}: {}", plural(claims, "claim", "claims"))?,
                _ => writeln!(
                    out,
                    "(municipality not named): {}",
                    plural(claims, "claim", "claims")
                )?,
            }
            current = Some(&row.municipality);
        }
        let kinds: Vec<String> = row
            .kinds
            .iter()
            .map(|k| {
                let range = match (k.min, k.max) {
                    (Some(lo), Some(hi)) if lo == hi => format!(" ({})", format_number(lo)),
                    (Some(lo), Some(hi)) => {
                        format!(" ({}–{})", format_number(lo), format_number(hi))
                    }
                    _ => String::new(),
                };
                format!("{} {}{range}", k.kind.as_str(), k.claims)
            })
            .collect();
        writeln!(
            out,
            "  {:<8} {:>11} from {:<11} {}",
            row.period,
            plural(row.claims, "claim", "claims"),
            plural(row.sources, "source", "sources"),
            kinds.join(", ")
        )?;
    }
    Ok(())
}

/// How many municipalities the rows name: claims that name none have rows of their own but
/// are not a municipality.
fn named<'a>(municipalities: impl Iterator<Item = &'a Option<String>>) -> usize {
    municipalities
        .flatten()
        .collect::<std::collections::BTreeSet<_>>()
        .len()
}
