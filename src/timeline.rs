//! The timeline: claims per municipality and period (year, quarter or month), with their
//! figures and how many sources give them.
//!
//! Two views: [`build`] lists every claim with its provenance (for one municipality or a
//! narrow filter); [`SummaryRow`]s count the claims per municipality, period and kind with
//! their figure ranges, computed by the index's aggregations without loading any claim (for
//! everything at once, which at a million documents is half a million claims).

use crate::claims::{Claim, Kind};
use crate::dates::PubDate;
use crate::index::ClaimRecord;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasherDefault;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

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

    /// The period's length in months (the interval of the aggregations' histogram).
    pub fn months(self) -> u32 {
        match self {
            Bucket::Year => 12,
            Bucket::Quarter => 3,
            Bucket::Month => 1,
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

/// One kind of claim in one municipality and period: how many, and the range of figures.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct KindSummary {
    pub kind: Kind,
    pub claims: u64,
    /// Smallest and largest figure of the claims that give one (not findings).
    pub min: Option<f64>,
    pub max: Option<f64>,
}

/// The claims of one municipality in one period, counted rather than listed; `avhopp
/// timeline --municipality M` lists them with their quotes and sources.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryRow {
    pub municipality: Option<String>,
    pub municipality_code: Option<String>,
    pub period: String,
    pub claims: u64,
    /// Distinct documents the claims come from.
    pub sources: u64,
    pub kinds: Vec<KindSummary>,
}

/// Per kind, in the order of [`Kind::ALL`]: claims, smallest and largest figure.
type KindAcc = [(u64, Option<f64>, Option<f64>); Kind::ALL.len()];

/// A cell (municipality, period) as the upper bits of [`crate::index::timeline_key`] with
/// the month rounded down to its period.
type CellKey = u64;

/// What the summary knows of one municipality in one period.
#[derive(Debug, Default)]
pub struct Cell {
    claims: u64,
    /// The documents (their `doc_key`), one per claim: sorted and deduplicated at the end,
    /// which counts sources exactly (a HyperLogLog sketch would estimate them).
    docs: Vec<u64>,
    kinds: KindAcc,
}

impl Cell {
    fn merge(&mut self, other: Cell) {
        self.claims += other.claims;
        self.docs.extend_from_slice(&other.docs);
        for (k, (n, lo, hi)) in self.kinds.iter_mut().zip(other.kinds) {
            k.0 += n;
            k.1 = min_opt(k.1, lo);
            k.2 = max_opt(k.2, hi);
        }
    }
}

fn min_opt(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

fn max_opt(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    }
}

/// Counts claims per municipality, period and kind from the claim records' fast fields:
/// `timeline_key` (municipality, month and kind in one number), `value` and `doc_key`.
///
/// Tantivy's aggregation API (terms -> histogram -> terms + stats + cardinality over
/// keyword fast fields) gave the same counts but took 139 ms over 5 000 claims: it builds
/// intermediate results and a HyperLogLog sketch for every bucket of every segment, and the
/// sources it counts are estimates. A collector over string columns still paid for
/// dictionary lookups and string keys per cell; the packed key needs neither.
pub struct SummaryCollector {
    /// The period in months: 12, 3 or 1.
    pub interval: u32,
}

pub struct SummarySegment {
    interval: u64,
    key: Option<Column<u64>>,
    value: Option<Column<f64>>,
    doc_key: Option<Column<u64>>,
    cells: HashMap<CellKey, Cell, BuildHasherDefault<KeyHasher>>,
}

/// Hashes integer keys by a multiplication: the summary does a hash lookup per claim,
/// where SipHash's resistance to chosen keys buys nothing.
#[derive(Default)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

impl Collector for SummaryCollector {
    type Fruit = HashMap<CellKey, Cell, BuildHasherDefault<KeyHasher>>;
    type Child = SummarySegment;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SummarySegment> {
        let ff = reader.fast_fields();
        Ok(SummarySegment {
            interval: u64::from(self.interval.max(1)),
            key: ff.column_opt("timeline_key")?,
            value: ff.column_opt("value")?,
            doc_key: ff.column_opt("doc_key")?,
            cells: HashMap::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut fruits = fruits.into_iter();
        let mut all = fruits.next().unwrap_or_default();
        for fruit in fruits {
            for (key, cell) in fruit {
                all.entry(key).or_default().merge(cell);
            }
        }
        Ok(all)
    }
}

impl SummarySegment {
    fn add(&mut self, key: u64, doc_key: Option<u64>, value: Option<f64>) {
        let kind = (key & 0xff) as usize;
        let month = (key >> 8) & 0xff_ffff; // month index + 1, 0: undated
        let period = if month == 0 {
            0
        } else {
            (month - 1) / self.interval * self.interval + 1
        };
        let cell = self.cells.entry((key >> 32) << 32 | period).or_default();
        cell.claims += 1;
        // A document's claims are added together, so their records are neighbours: one push
        // per document and cell keeps the list (sorted and deduplicated later) short.
        if let Some(d) = doc_key {
            if cell.docs.last() != Some(&d) {
                cell.docs.push(d);
            }
        }
        if let Some(k) = cell.kinds.get_mut(kind) {
            k.0 += 1;
            k.1 = min_opt(k.1, value);
            k.2 = max_opt(k.2, value);
        }
    }
}

impl SegmentCollector for SummarySegment {
    type Fruit = HashMap<CellKey, Cell, BuildHasherDefault<KeyHasher>>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let Some(key) = self.key.as_ref().and_then(|c| c.first(doc)) else {
            return;
        };
        let doc_key = self.doc_key.as_ref().and_then(|c| c.first(doc));
        let value = self.value.as_ref().and_then(|c| c.first(doc));
        self.add(key, doc_key, value);
    }

    /// Tantivy hands over matching documents in blocks when no score is needed: the three
    /// columns are read for the whole block at once.
    fn collect_block(&mut self, docs: &[DocId]) {
        // Columns are reference-counted: cloning them per block frees `self` for `add`.
        let Some(key_column) = self.key.clone() else {
            return;
        };
        let (doc_key_column, value_column) = (self.doc_key.clone(), self.value.clone());
        let mut keys = [None; tantivy::COLLECT_BLOCK_BUFFER_LEN];
        let mut doc_keys = [None; tantivy::COLLECT_BLOCK_BUFFER_LEN];
        let mut values = [None; tantivy::COLLECT_BLOCK_BUFFER_LEN];
        for chunk in docs.chunks(tantivy::COLLECT_BLOCK_BUFFER_LEN) {
            let n = chunk.len();
            // A multi-valued column leaves the slot of a document without values untouched.
            keys[..n].fill(None);
            doc_keys[..n].fill(None);
            values[..n].fill(None);
            key_column.first_vals(chunk, &mut keys[..n]);
            if let Some(c) = &doc_key_column {
                c.first_vals(chunk, &mut doc_keys[..n]);
            }
            if let Some(c) = &value_column {
                c.first_vals(chunk, &mut values[..n]);
            }
            for i in 0..n {
                if let Some(key) = keys[i] {
                    self.add(key, doc_keys[i], values[i]);
                }
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.cells
    }
}

/// The summary's rows from the collected cells, ordered as [`build`] orders its rows.
pub fn summary_rows(
    cells: HashMap<CellKey, Cell, BuildHasherDefault<KeyHasher>>,
    interval: u32,
) -> Vec<SummaryRow> {
    let bucket = match interval {
        12 => Bucket::Year,
        3 => Bucket::Quarter,
        _ => Bucket::Month,
    };
    // The key's municipality part is its code + 1 (0: none).
    let by_code: HashMap<u64, &crate::geo::Municipality> = crate::geo::all()
        .iter()
        .filter_map(|m| Some((m.code.parse::<u64>().ok()? + 1, m)))
        .collect();
    let mut per_municipality: HashMap<u64, u64> = HashMap::new();
    for (key, cell) in &cells {
        *per_municipality.entry(key >> 32).or_default() += cell.claims;
    }
    let mut rows: Vec<(u64, SummaryRow)> = cells
        .into_iter()
        .map(|(key, mut cell)| {
            cell.docs.sort_unstable();
            cell.docs.dedup();
            let municipality = by_code.get(&(key >> 32)).copied();
            let month = key & 0xffff_ffff;
            let period = if month == 0 {
                "undated".to_string()
            } else {
                let m = month - 1;
                NaiveDate::from_ymd_opt((m / 12) as i32, (m % 12) as u32 + 1, 1)
                    .map_or_else(|| "undated".to_string(), |d| bucket.label(d))
            };
            let row = SummaryRow {
                municipality: municipality.map(|m| m.name.to_string()),
                municipality_code: municipality.map(|m| m.code.to_string()),
                period,
                claims: cell.claims,
                sources: cell.docs.len() as u64,
                kinds: Kind::ALL
                    .iter()
                    .zip(cell.kinds)
                    .filter(|(_, (n, _, _))| *n > 0)
                    .map(|(&kind, (claims, min, max))| KindSummary {
                        kind,
                        claims,
                        min,
                        max,
                    })
                    .collect(),
            };
            (key >> 32, row)
        })
        .collect();
    rows.sort_by(|(ma, a), (mb, b)| {
        let count = |m: &u64| per_municipality.get(m).copied().unwrap_or(0);
        (
            a.municipality.is_none(),
            std::cmp::Reverse(count(ma)),
            &a.municipality,
            &a.period,
        )
            .cmp(&(
                b.municipality.is_none(),
                std::cmp::Reverse(count(mb)),
                &b.municipality,
                &b.period,
            ))
    });
    rows.into_iter().map(|(_, r)| r).collect()
}
