//! Fact check: a sentence is read with the same extractors as documents, and compared with
//! the claims in the index about the same thing (kind, municipality, and period when the
//! sentence gives one).

use crate::claims::{self, time, Claim, ClaimUnit, DocContext};
use crate::dates::PubDate;
use crate::geo;
use crate::index::{AvhoppIndex, ClaimFilter, ClaimRecord};
use anyhow::{bail, Result};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// A source gives the same figure.
    Supported,
    /// Sources give other figures for the same thing, none the same.
    Differs,
    /// No source speaks of it.
    NoEvidence,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Differs => "differs",
            Verdict::NoEvidence => "no evidence",
        }
    }
}

/// The check of one claim found in the sentence.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub claim: Claim,
    pub verdict: Verdict,
    /// Sources with the same figure.
    pub same: Vec<ClaimRecord>,
    /// Sources with another figure for the same thing.
    pub other: Vec<ClaimRecord>,
}

/// The claims a sentence makes. Relative times ("i fjol") are read against `today`; a
/// period is kept only when the sentence names one.
pub fn read_sentence(sentence: &str, today: NaiveDate) -> Vec<Claim> {
    // A sentence copied from a web page may carry its soft hyphens: read as documents are.
    let (sentence, _) = crate::typography::clean(sentence.to_string());
    let sentence = sentence.as_str();
    let published = PubDate::day(today);
    let explicit_time = !time::find(sentence, Some(&published)).is_empty();
    let ctx = DocContext {
        doc: "(sentence)".into(),
        published: Some(published),
        municipality: None,
        title: None,
    };
    let mut found = claims::extract(sentence, &ctx);
    if !explicit_time {
        for c in &mut found {
            c.period = None;
        }
    }
    found
}

/// Whether an evidence claim gives the same figure as the checked one. Shares compare with
/// "X of Y" figures as percentages, within 5 points ("hälften" matches "12 av 21").
fn same_figure(checked: &Claim, evidence: &Claim) -> bool {
    if checked.unit == evidence.unit {
        let of_agrees = match (checked.of, evidence.of) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        return checked.value == evidence.value
            && checked.value_high == evidence.value_high
            && of_agrees;
    }
    let share = |c: &Claim| match (c.unit, c.value, c.of) {
        (ClaimUnit::Percent, Some(v), _) => Some(v),
        (ClaimUnit::People, Some(v), Some(of)) if of > 0.0 => Some(100.0 * v / of),
        _ => None,
    };
    match (share(checked), share(evidence)) {
        (Some(a), Some(b)) => (a - b).abs() <= 5.0,
        _ => false,
    }
}

/// Checks every claim of `sentence` against the index.
pub fn check(index: &AvhoppIndex, sentence: &str, today: NaiveDate) -> Result<Vec<Check>> {
    let found = read_sentence(sentence, today);
    if found.is_empty() {
        bail!(
            "found no checkable figure in {sentence:?}: write it as a news sentence would, e.g. \"Tio av 30 socialsekreterare i Botkyrka har sagt upp sig\""
        );
    }
    let mut out = Vec::new();
    for claim in found {
        let municipality = claim.municipality_code.as_deref().and_then(geo::by_code);
        let filter = ClaimFilter {
            municipality,
            kind: Some(claim.kind),
            ..ClaimFilter::default()
        };
        let mut same = Vec::new();
        let mut other = Vec::new();
        for rec in index.claims(&filter)? {
            if let (Some(p), Some(q)) = (claim.period, rec.claim.period) {
                if !p.overlaps(&q) {
                    continue;
                }
            }
            if same_figure(&claim, &rec.claim) {
                same.push(rec);
            } else if rec.claim.value.is_some() {
                other.push(rec);
            }
        }
        let verdict = if !same.is_empty() {
            Verdict::Supported
        } else if !other.is_empty() {
            Verdict::Differs
        } else {
            Verdict::NoEvidence
        };
        out.push(Check {
            claim,
            verdict,
            same,
            other,
        });
    }
    Ok(out)
}
