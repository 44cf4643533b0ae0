//! The timeline: claims per municipality and period (year, quarter or month), with their
//! figures and how many sources give them.

use crate::claims::{Claim, Kind};
use crate::dates::PubDate;
use crate::index::ClaimRecord;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    Year,
    Quarter,
    Month,
}

impl Bucket {
    pub fn parse(s: &str) -> Result<Bucket, String> {
        match s {
            "year" => Ok(Bucket::Year),
            "quarter" => Ok(Bucket::Quarter),
            "month" => Ok(Bucket::Month),
            other => Err(format!(
                "unknown --by '{other}'; use year, quarter or month"
            )),
        }
    }

    pub fn label(self, d: NaiveDate) -> String {
        match self {
            Bucket::Year => format!("{}", d.year()),
            Bucket::Quarter => format!("{}-Q{}", d.year(), (d.month() - 1) / 3 + 1),
            Bucket::Month => format!("{}-{:02}", d.year(), d.month()),
        }
    }
}

/// One claim on the timeline, with where it comes from.
#[derive(Debug, Clone, Serialize)]
pub struct Point {
    pub kind: Kind,
    pub figure: String,
    #[serde(flatten)]
    pub record: ClaimRecord,
}

/// The claims of one municipality in one period.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub municipality: Option<String>,
    pub municipality_code: Option<String>,
    pub period: String,
    /// Distinct documents the claims come from.
    pub sources: usize,
    pub claims: Vec<Point>,
}

/// The date a claim is placed at: the start of its period, else its document's date.
fn placed_at(c: &Claim, published: Option<&str>) -> Option<NaiveDate> {
    c.period
        .map(|p| p.from)
        .or_else(|| published.and_then(PubDate::parse).map(|p| p.first))
}

/// Rows ordered by municipality (most claims first, unnamed last) and then by period.
pub fn build(records: &[ClaimRecord], bucket: Bucket) -> Vec<Row> {
    let mut groups: BTreeMap<(Option<String>, String), Vec<&ClaimRecord>> = BTreeMap::new();
    let mut per_municipality: HashMap<Option<String>, usize> = HashMap::new();
    for r in records {
        let label = placed_at(&r.claim, r.published.as_deref())
            .map_or_else(|| "undated".to_string(), |d| bucket.label(d));
        groups
            .entry((r.claim.municipality.clone(), label))
            .or_default()
            .push(r);
        *per_municipality
            .entry(r.claim.municipality.clone())
            .or_default() += 1;
    }
    let mut rows: Vec<Row> = groups
        .into_iter()
        .map(|((municipality, period), recs)| {
            let mut docs: Vec<&str> = recs.iter().map(|r| r.claim.doc.as_str()).collect();
            docs.sort();
            docs.dedup();
            let mut claims: Vec<Point> = recs
                .iter()
                .map(|r| Point {
                    kind: r.claim.kind,
                    figure: r.claim.figure(),
                    record: (*r).clone(),
                })
                .collect();
            claims.sort_by(|a, b| {
                a.kind
                    .cmp(&b.kind)
                    .then(a.record.claim.doc.cmp(&b.record.claim.doc))
            });
            Row {
                municipality_code: recs[0].claim.municipality_code.clone(),
                municipality,
                period,
                sources: docs.len(),
                claims,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        let count = |m: &Option<String>| per_municipality.get(m).copied().unwrap_or(0);
        (
            a.municipality.is_none(),
            std::cmp::Reverse(count(&a.municipality)),
            &a.municipality,
            &a.period,
        )
            .cmp(&(
                b.municipality.is_none(),
                std::cmp::Reverse(count(&b.municipality)),
                &b.municipality,
                &b.period,
            ))
    });
    rows
}
