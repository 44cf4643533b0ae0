//! Usage: avhopp claims [--municipality M] [--kind K] [--from D] [--to D] [--min-value X] [--max-value X] [--query Q] [--format table|jsonl|csv]
//!
//! Every indexed claim that matches, with its provenance: document path, URL, publisher,
//! publication date, the quoted sentence and its byte span. No cap: pipe it to a file.
//! `--from`/`--to` keep claims whose period overlaps the range; `--query` keeps claims whose
//! quoted sentence matches words in the syntax of `avhopp search`.

use super::{clip, Format, Global};
use anyhow::Result;
use avhopp::claims::{format_number, Kind};
use avhopp::index::{ClaimFilter, CLAIM_CSV_HEADER};
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Only claims about this municipality
    #[arg(long, value_name = "NAME")]
    municipality: Option<String>,
    /// Only claims of this kind (resigned, intent_to_quit, caseload, vacancies, staffing,
    /// consultants, inspection, deficit, workload_change, sick_leave)
    #[arg(long, value_name = "KIND")]
    kind: Option<String>,
    /// Claims about a time on or after (YYYY-MM-DD, YYYY-MM or YYYY)
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Claims about a time on or before (YYYY-MM-DD, YYYY-MM or YYYY)
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Only figures at least this large
    #[arg(long, value_name = "X")]
    min_value: Option<f64>,
    /// Only figures at most this large
    #[arg(long, value_name = "X")]
    max_value: Option<f64>,
    /// Only claims whose sentence matches this query ("socialsekreterare AND barn")
    #[arg(long, value_name = "QUERY")]
    query: Option<String>,
    /// Output: table, jsonl or csv
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

pub fn filter_from(
    municipality: Option<&str>,
    kind: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<ClaimFilter> {
    Ok(ClaimFilter {
        municipality: municipality.map(super::municipality).transpose()?,
        kind: kind
            .map(Kind::parse)
            .transpose()
            .map_err(anyhow::Error::msg)?,
        from: from.map(|d| super::date_bound(d, false)).transpose()?,
        to: to.map(|d| super::date_bound(d, true)).transpose()?,
        min_value: None,
        max_value: None,
        query: None,
    })
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let mut filter = filter_from(
        args.municipality.as_deref(),
        args.kind.as_deref(),
        args.from.as_deref(),
        args.to.as_deref(),
    )?;
    filter.min_value = args.min_value;
    filter.max_value = args.max_value;
    filter.query = args.query;
    let index = super::open_index(global)?;
    let records = index.claims(&filter)?;
    let stdout = io::stdout().lock();
    match args.format {
        Format::Csv => {
            let mut w = csv::Writer::from_writer(BufWriter::new(stdout));
            w.write_record(CLAIM_CSV_HEADER)?;
            for r in &records {
                if w.write_record(r.csv_row()).is_err() {
                    break;
                }
            }
            w.flush().ok();
        }
        Format::Jsonl => {
            let mut out = BufWriter::new(stdout);
            for r in &records {
                if writeln!(out, "{}", serde_json::to_string(r)?).is_err() {
                    break;
                }
            }
            out.flush().ok();
        }
        Format::Table => {
            let mut out = BufWriter::new(stdout);
            for r in &records {
                let c = &r.claim;
                let line = writeln!(
                    out,
                    "{:<15} {:<20} {:<12} {:<10} {:<16} {}\n{:>15} {}",
                    c.kind.as_str(),
                    clip(&c.figure(), 20),
                    clip(c.municipality.as_deref().unwrap_or("-"), 12),
                    r.published.as_deref().unwrap_or("undated"),
                    clip(r.publisher.as_deref().unwrap_or("-"), 16),
                    r.url.as_deref().unwrap_or(&c.doc),
                    "",
                    clip(&format!("\"{}\"", c.quote), 100),
                );
                if line.is_err() {
                    break;
                }
            }
            out.flush().ok();
            let values: Vec<f64> = records.iter().filter_map(|r| r.claim.value).collect();
            if records.is_empty() {
                eprintln!("avhopp: no claims match");
            } else if let (Some(lo), Some(hi)) = (
                values.iter().cloned().reduce(f64::min),
                values.iter().cloned().reduce(f64::max),
            ) {
                eprintln!(
                    "avhopp: {} claims (figures {}..{})",
                    records.len(),
                    format_number(lo),
                    format_number(hi)
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
