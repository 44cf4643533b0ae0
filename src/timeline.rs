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
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::sync::OnceLock;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, ColumnIndex};
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

/// Up to this many claims, the timeline lists them all (with their quotes and sources);
/// over more it counts them per municipality and period ([`SummaryRow`]) unless one
/// municipality or the list is asked for.
pub const DETAIL_MAX: usize = 200;

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

// ---------------------------------------------------------------------------------------
// The summary, counted from fast fields.
//
// Two steps. The collector reads, per segment and on the search threads, what the summary
// needs of each matching claim (three columns) into flat arrays. Merging the segments'
// fruits then counts them on all cores, each core taking an equal share of the claims
// whatever the segments' sizes (one segment of the 1M benchmark index holds 54 % of them),
// into dense tables indexed by municipality and period instead of a hash map: the claims of
// a million documents touch a few thousand cells, and a hash map of cells paid a cache miss
// and an entry lookup per claim.

/// Kinds are counted by their position in [`Kind::ALL`]; one more slot counts claims whose
/// key names a kind this build does not know (they count as claims, not as a kind).
const KINDS: usize = Kind::ALL.len();

/// Municipality parts of keys (code + 1) below this get their slot from a table.
const PART_TABLE: usize = 1 << 12;
/// Period numbers below this get their slot from a table (months up to the year 10 000).
const PERIOD_TABLE: usize = 1 << 17;
/// Cells one core counts at a time. Claims spread over more periods than fit (dates far
/// apart by month) are counted in several passes over them, so memory stays bounded.
const MAX_CELLS: usize = if cfg!(test) { 64 } else { 1 << 18 };
/// Below this many claims, one core counts them all (threads cost more than they save).
const CLAIMS_PER_THREAD: usize = if cfg!(test) { 8 } else { 50_000 };

/// A claim's period: 0 when undated, else (month index) / interval + 1.
#[inline(always)]
fn period_number(key: u64, interval: u64) -> u64 {
    let month = (key >> 8) & 0xff_ffff; // month index + 1, 0: undated
    if month == 0 {
        return 0;
    }
    // Constant divisors compile to multiplications.
    1 + match interval {
        12 => (month - 1) / 12,
        3 => (month - 1) / 3,
        1 => month - 1,
        i => (month - 1) / i,
    }
}

/// Buffers kept from one summary to the next. A summary over a million documents fills
/// some 30 MB of arrays; fresh from the allocator each time, every page of them was a page
/// fault to map and zero, then unmapped (a third of the summary's time went to the
/// kernel). At most [`Buffers::KEEP`] of each element type are kept.
struct Buffers;

trait Pooled: Copy + Send + 'static {
    fn pool() -> &'static std::sync::Mutex<Vec<Vec<Self>>>;
}

macro_rules! pooled {
    ($t:ty) => {
        impl Pooled for $t {
            fn pool() -> &'static std::sync::Mutex<Vec<Vec<$t>>> {
                static POOL: std::sync::Mutex<Vec<Vec<$t>>> = std::sync::Mutex::new(Vec::new());
                &POOL
            }
        }
    };
}
pooled!(u32);
pooled!(u64);
pooled!(f64);

impl Buffers {
    const KEEP: usize = 32;

    /// An empty vector with room for `n`, the largest kept one when there is any.
    fn take<T: Pooled>(n: usize) -> Vec<T> {
        let kept = T::pool().lock().ok().and_then(|mut p| p.pop());
        let mut v = kept.unwrap_or_default();
        v.clear();
        v.reserve(n);
        v
    }

    fn give<T: Pooled>(v: Vec<T>) {
        if let Ok(mut p) = T::pool().lock() {
            if p.len() < Self::KEEP {
                p.push(v);
                // Largest last, for `take`.
                p.sort_by_key(|v| v.capacity());
            }
        }
    }
}

/// What the summary reads of the claims one segment matches, in the segment's order:
/// the packed `timeline_key`, the `doc_key` and the figure (NaN: none).
pub struct SegmentClaims {
    keys: Vec<u64>,
    docs: Vec<u64>,
    values: Vec<f64>,
    /// Positions (in `keys`) of the claims without a `doc_key`, ascending.
    no_doc: Vec<u32>,
    /// The municipality parts and period numbers seen (see [`Layout`]), marked while
    /// reading so that laying out the cells needs no second pass over the claims.
    seen: Seen,
}

/// Municipality parts and period numbers seen: bit sets for the small ones.
struct Seen {
    parts: Vec<u64>,
    periods: Vec<u64>,
    more_parts: BTreeSet<u64>,
    more_periods: BTreeSet<u64>,
}

impl Seen {
    fn new() -> Seen {
        Seen {
            parts: vec![0; PART_TABLE / 64],
            periods: vec![0; PERIOD_TABLE / 64],
            more_parts: BTreeSet::new(),
            more_periods: BTreeSet::new(),
        }
    }

    #[inline(always)]
    fn mark(&mut self, key: u64, interval: u64) {
        let part = key >> 32;
        if (part as usize) < PART_TABLE {
            self.parts[part as usize / 64] |= 1 << (part % 64);
        } else {
            self.more_parts.insert(part);
        }
        let p = period_number(key, interval);
        if (p as usize) < PERIOD_TABLE {
            self.periods[p as usize / 64] |= 1 << (p % 64);
        } else {
            self.more_periods.insert(p);
        }
    }

    fn union(&mut self, other: &Seen) {
        for (a, b) in self.parts.iter_mut().zip(&other.parts) {
            *a |= b;
        }
        for (a, b) in self.periods.iter_mut().zip(&other.periods) {
            *a |= b;
        }
        self.more_parts.extend(&other.more_parts);
        self.more_periods.extend(&other.more_periods);
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
    out: SegmentClaims,
    scratch: Scratch,
}

impl Collector for SummaryCollector {
    type Fruit = Summary;
    type Child = SummarySegment;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SummarySegment> {
        let ff = reader.fast_fields();
        let key: Option<Column<u64>> = ff.column_opt("timeline_key")?;
        // Room for every claim of the segment: the pages of what a filter leaves unused
        // are never touched.
        let claims = key.as_ref().map_or(0, |k| match &k.index {
            ColumnIndex::Optional(o) => o.num_non_nulls() as usize,
            _ => k.num_docs() as usize,
        });
        Ok(SummarySegment {
            interval: u64::from(self.interval.max(1)),
            key,
            value: ff.column_opt("value")?,
            doc_key: ff.column_opt("doc_key")?,
            out: SegmentClaims {
                keys: Buffers::take(claims),
                docs: Buffers::take(claims),
                values: Buffers::take(claims),
                no_doc: Vec::new(),
                seen: Seen::new(),
            },
            scratch: Scratch::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<SegmentClaims>) -> tantivy::Result<Summary> {
        let summary = count(&fruits, u64::from(self.interval.max(1)));
        for f in fruits {
            Buffers::give(f.keys);
            Buffers::give(f.docs);
            Buffers::give(f.values);
        }
        Ok(summary)
    }
}

impl SegmentCollector for SummarySegment {
    type Fruit = SegmentClaims;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.collect_block(&[doc]);
    }

    /// Tantivy hands over matching documents in blocks when no score is needed: the three
    /// columns are read for the whole block at once.
    fn collect_block(&mut self, docs: &[DocId]) {
        let Some(key_column) = &self.key else {
            return;
        };
        const N: usize = tantivy::COLLECT_BLOCK_BUFFER_LEN;
        let mut keys = [None; N];
        let mut doc_keys = [None; N];
        let mut values = [None; N];
        let (mut key_run, mut doc_run, mut value_run) = ([0u64; N], [0u64; N], [0f64; N]);
        for chunk in docs.chunks(N) {
            let n = chunk.len();
            let out = &mut self.out;
            // Over all claims, a block is every claim record in its range of documents:
            // then each column's values for it are one run of rows, decoded at once, where
            // looking up the documents one by one costs a rank in the column's bitmap each.
            // Only claim records carry these three columns and every claim carries a key,
            // so as many key rows in the range as documents in the block means just that
            // (and likewise for `doc_key` and `value` once it holds for the key).
            let range = chunk[0]..chunk[n - 1] + 1;
            if let Some(start) = run_start(key_column, range.clone(), n) {
                debug_assert!(chunk.iter().all(|&d| key_column.index.has_value(d)));
                key_column.values.get_range(start, &mut key_run[..n]);
                match self
                    .doc_key
                    .as_ref()
                    .map(|c| (c, run_start(c, range.clone(), n)))
                {
                    Some((c, Some(start))) => {
                        c.values.get_range(start, &mut doc_run[..n]);
                        out.docs.extend_from_slice(&doc_run[..n]);
                    }
                    column => {
                        match column {
                            Some((c, _)) => {
                                read_block(c, chunk, &mut doc_keys[..n], &mut self.scratch)
                            }
                            None => doc_keys[..n].fill(None),
                        }
                        for (i, d) in doc_keys[..n].iter().enumerate() {
                            if d.is_none() {
                                out.no_doc.push((out.keys.len() + i) as u32);
                            }
                            out.docs.push(d.unwrap_or(0));
                        }
                    }
                }
                match self
                    .value
                    .as_ref()
                    .map(|c| (c, run_start(c, range.clone(), n)))
                {
                    Some((c, Some(start))) => {
                        c.values.get_range(start, &mut value_run[..n]);
                        out.values.extend_from_slice(&value_run[..n]);
                    }
                    column => {
                        match column {
                            Some((c, _)) => {
                                read_block(c, chunk, &mut values[..n], &mut self.scratch)
                            }
                            None => values[..n].fill(None),
                        }
                        out.values
                            .extend(values[..n].iter().map(|v| v.unwrap_or(f64::NAN)));
                    }
                }
                out.keys.extend_from_slice(&key_run[..n]);
                for &key in &key_run[..n] {
                    out.seen.mark(key, self.interval);
                }
                continue;
            }
            let scratch = &mut self.scratch;
            read_block(key_column, chunk, &mut keys[..n], scratch);
            match &self.doc_key {
                Some(c) => read_block(c, chunk, &mut doc_keys[..n], scratch),
                None => doc_keys[..n].fill(None),
            }
            match &self.value {
                Some(c) => read_block(c, chunk, &mut values[..n], scratch),
                None => values[..n].fill(None),
            }
            for i in 0..n {
                if let Some(key) = keys[i] {
                    match doc_keys[i] {
                        Some(d) => out.docs.push(d),
                        None => {
                            out.no_doc.push(out.keys.len() as u32);
                            out.docs.push(0);
                        }
                    }
                    out.keys.push(key);
                    out.values.push(values[i].unwrap_or(f64::NAN));
                    out.seen.mark(key, self.interval);
                }
            }
        }
    }

    fn harvest(self) -> SegmentClaims {
        self.out
    }
}

/// The first row of `column` in the documents `range` when it has exactly `n` rows there
/// (one value per document: not for multi-valued columns).
fn run_start<T>(column: &Column<T>, range: Range<DocId>, n: usize) -> Option<u64> {
    if let ColumnIndex::Multivalued(_) = column.index {
        return None;
    }
    let rows = column.index.docid_range_to_rowids(range);
    (rows.len() == n).then_some(u64::from(rows.start))
}

/// Reused buffers for [`read_block`].
#[derive(Default)]
struct Scratch {
    docs: Vec<DocId>,
    rows: Vec<u32>,
}

/// The first value of `column` for each of `docs` (ascending, one block), looked up for
/// the whole block at once: Tantivy ranks a sorted block within each of its bitmap blocks
/// and decodes the rows in one call, where [`Column::first_vals`] ranks and decodes
/// document by document.
fn read_block<T>(column: &Column<T>, docs: &[DocId], out: &mut [Option<T>], s: &mut Scratch)
where
    T: PartialOrd + Copy + std::fmt::Debug + Send + Sync + Default + 'static,
{
    const N: usize = tantivy::COLLECT_BLOCK_BUFFER_LEN;
    out.fill(None);
    if let ColumnIndex::Multivalued(_) = column.index {
        column.first_vals(docs, out);
        return;
    }
    s.docs.clear();
    s.rows.clear();
    column.row_ids_for_docs(docs, &mut s.docs, &mut s.rows);
    let mut vals = [T::default(); N];
    for (rows, found) in s.rows.chunks(N).zip(s.docs.chunks(N)) {
        column.values.get_vals(rows, &mut vals[..rows.len()]);
        if found.len() == docs.len() {
            for (o, v) in out.iter_mut().zip(&vals) {
                *o = Some(*v);
            }
            continue;
        }
        // Some documents have no value (claims without a figure): match the ones found.
        let mut j = 0;
        for (d, v) in found.iter().zip(&vals) {
            while docs[j] < *d {
                j += 1;
            }
            out[j] = Some(*v);
        }
    }
}

/// One kind in one cell: claims, smallest and largest figure (+inf and -inf while none),
/// and the document of the last claim counted here. Half a cache line: a claim updates one.
#[derive(Debug, Clone, Copy)]
#[repr(align(32))]
struct KindAcc {
    n: u64,
    lo: f64,
    hi: f64,
    /// A document's claims are added together, so they mostly follow each other: one
    /// (cell, document) pair per run of them is kept for the exact count of sources.
    last_doc: u64,
}

impl KindAcc {
    const EMPTY: KindAcc = KindAcc {
        n: 0,
        lo: f64::INFINITY,
        hi: f64::NEG_INFINITY,
        last_doc: 0,
    };

    fn merge(&mut self, o: &KindAcc) {
        self.n += o.n;
        self.lo = self.lo.min(o.lo);
        self.hi = self.hi.max(o.hi);
    }

    /// The figure range, if any claim gave one.
    fn range(&self) -> (Option<f64>, Option<f64>) {
        if self.lo <= self.hi {
            (Some(self.lo), Some(self.hi))
        } else {
            (None, None)
        }
    }
}

/// Per cell, the kinds of [`Kind::ALL`] and one more for kinds this build does not know.
const SLOTS: usize = KINDS + 1;

/// Where a claim is counted: dense slots for the municipalities and periods present.
struct Layout {
    interval: u64,
    /// Municipality part of the key (code + 1, 0: none) -> slot, for parts below
    /// [`PART_TABLE`]; others are in `part_more`.
    part_slot: Vec<u32>,
    part_more: HashMap<u64, u32>,
    /// slot -> municipality part
    parts: Vec<u64>,
    /// Period number - `period_base` -> slot, for periods below [`PERIOD_TABLE`]; others
    /// are in `period_more`.
    period_slot: Vec<u32>,
    period_base: u64,
    period_more: HashMap<u64, u32>,
    /// slot -> period number, ascending
    periods: Vec<u64>,
}

impl Layout {
    /// The municipalities and periods the claims fall in, in ascending order.
    fn new(fruits: &[SegmentClaims], interval: u64) -> Layout {
        let mut seen = Seen::new();
        for f in fruits {
            seen.union(&f.seen);
        }
        let Seen {
            parts: part_seen,
            periods: period_seen,
            more_parts: part_more,
            more_periods: period_more,
        } = seen;
        let set_bits = |words: &[u64]| -> Vec<u64> {
            let mut out = Vec::new();
            for (w, &bits) in words.iter().enumerate() {
                let mut b = bits;
                while b != 0 {
                    out.push(w as u64 * 64 + u64::from(b.trailing_zeros()));
                    b &= b - 1;
                }
            }
            out
        };
        let mut parts = set_bits(&part_seen);
        let mut part_slot = vec![u32::MAX; parts.last().map_or(0, |&p| p as usize + 1)];
        for (slot, &p) in parts.iter().enumerate() {
            part_slot[p as usize] = slot as u32;
        }
        let part_more: HashMap<u64, u32> = part_more
            .into_iter()
            .map(|p| {
                parts.push(p);
                (p, parts.len() as u32 - 1)
            })
            .collect();
        let mut periods = set_bits(&period_seen);
        let period_base = periods.first().copied().unwrap_or(0);
        let mut period_slot = vec![
            u32::MAX;
            periods
                .last()
                .map_or(0, |&p| (p - period_base) as usize + 1)
        ];
        for (slot, &p) in periods.iter().enumerate() {
            period_slot[(p - period_base) as usize] = slot as u32;
        }
        let period_more: HashMap<u64, u32> = period_more
            .into_iter()
            .map(|p| {
                periods.push(p);
                (p, periods.len() as u32 - 1)
            })
            .collect();
        Layout {
            interval,
            part_slot,
            part_more,
            parts,
            period_slot,
            period_base,
            period_more,
            periods,
        }
    }

    #[inline(always)]
    fn part(&self, key: u64) -> usize {
        let part = key >> 32;
        if (part as usize) < PART_TABLE {
            self.part_slot[part as usize] as usize
        } else {
            self.part_more[&part] as usize
        }
    }

    #[inline(always)]
    fn period(&self, key: u64) -> usize {
        let p = period_number(key, self.interval);
        if (p as usize) < PERIOD_TABLE {
            self.period_slot[(p - self.period_base) as usize] as usize
        } else {
            self.period_more[&p] as usize
        }
    }
}

/// One core's counts over its share of the claims.
struct Counts {
    /// [`SLOTS`] per cell.
    kinds: Vec<KindAcc>,
    /// Cell `c`'s documents (possibly repeated) are `docs[offsets[c]..][..lens[c]]`.
    offsets: Vec<usize>,
    lens: Vec<usize>,
    docs: Vec<u64>,
}

/// Counts the claims `share` (ranges of positions in `fruits`) whose period slot is in
/// `periods`, into cells `(period slot - periods.start) * parts + part slot`.
fn count_share(
    fruits: &[SegmentClaims],
    share: &[(usize, Range<usize>)],
    layout: &Layout,
    periods: Range<usize>,
) -> Counts {
    let parts = layout.parts.len();
    let cells = periods.len() * parts;
    let all_periods = periods.start == 0 && periods.end == layout.periods.len();
    let mut kinds = vec![KindAcc::EMPTY; cells * SLOTS];
    // The claims in docid order fall in cells at random: counted in that order, each
    // claim missed the cache (the table of a million documents' cells is about 2 MB). So
    // they are first grouped by cell (a counting sort, which keeps their order within a
    // cell), then counted cell by cell, and each cell's documents are kept in place.
    // First pass: each claim's slot in the table (cell and kind; the top bit: no document)
    // and how many claims each cell has.
    const NO_DOC: u32 = 1 << 31;
    let mut slots: Vec<u32> = Buffers::take(share.iter().map(|(_, r)| r.len()).sum());
    let mut offsets = vec![0usize; cells + 1];
    for (f, range) in share {
        let f = &fruits[*f];
        let no_doc = &f.no_doc;
        let mut next_no_doc = no_doc.partition_point(|&i| (i as usize) < range.start);
        for (i, &key) in f.keys[range.clone()].iter().enumerate() {
            let has_doc = no_doc.get(next_no_doc) != Some(&((range.start + i) as u32));
            if !has_doc {
                next_no_doc += 1;
            }
            let mut period = layout.period(key);
            if !all_periods {
                if !periods.contains(&period) {
                    slots.push(u32::MAX);
                    continue;
                }
                period -= periods.start;
            }
            let cell = period * parts + layout.part(key);
            offsets[cell + 1] += 1;
            let mut slot = (cell * SLOTS + ((key & 0xff) as usize).min(KINDS)) as u32;
            if !has_doc {
                slot |= NO_DOC;
            }
            slots.push(slot);
        }
    }
    for i in 0..cells {
        offsets[i + 1] += offsets[i];
    }
    // Second pass: the claims' slots, figures and documents grouped by cell.
    let grouped = offsets[cells];
    let (mut g_slots, mut g_values, mut g_docs) = (
        Buffers::take(grouped),
        Buffers::take(grouped),
        Buffers::take(grouped),
    );
    g_slots.resize(grouped, 0u32);
    g_values.resize(grouped, 0f64);
    g_docs.resize(grouped, 0u64);
    let mut fill = offsets.clone();
    let mut claim_slots = slots.iter();
    for (f, range) in share {
        let f = &fruits[*f];
        for (&v, &d) in f.values[range.clone()].iter().zip(&f.docs[range.clone()]) {
            let slot = *claim_slots.next().expect("one slot per claim");
            if slot == u32::MAX {
                continue;
            }
            let at = &mut fill[(slot & !NO_DOC) as usize / SLOTS];
            g_slots[*at] = slot;
            g_values[*at] = v;
            g_docs[*at] = d;
            *at += 1;
        }
    }
    Buffers::give(slots);
    // Third pass: count cell by cell, keeping one document per run of a document's claims
    // at the front of the cell's part of `g_docs` (`lens` long).
    let mut lens = vec![0usize; cells];
    for cell in 0..cells {
        let (start, end) = (offsets[cell], offsets[cell + 1]);
        let mut kept = start;
        for i in start..end {
            let (slot, v, d) = (g_slots[i], g_values[i], g_docs[i]);
            let k = &mut kinds[(slot & !NO_DOC) as usize];
            k.n += 1;
            // f64::min and max ignore NaN, which stands for "no figure".
            k.lo = k.lo.min(v);
            k.hi = k.hi.max(v);
            // 0 is also the "none yet" mark: always keep it (duplicates go later).
            if slot & NO_DOC == 0 && (k.last_doc != d || d == 0) {
                k.last_doc = d;
                g_docs[kept] = d;
                kept += 1;
            }
        }
        lens[cell] = kept - start;
    }
    Buffers::give(g_slots);
    Buffers::give(g_values);
    Counts {
        kinds,
        offsets,
        lens,
        docs: g_docs,
    }
}

/// Splits positions 0..total of the concatenated fruits into `n` shares of equal size.
fn shares(fruits: &[SegmentClaims], n: usize) -> Vec<Vec<(usize, Range<usize>)>> {
    let total: usize = fruits.iter().map(|f| f.keys.len()).sum();
    let mut out = vec![Vec::new(); n];
    let mut start = 0; // position in the concatenation of the fruit at `fi`
    for (fi, f) in fruits.iter().enumerate() {
        let len = f.keys.len();
        for (t, share) in out.iter_mut().enumerate() {
            let (lo, hi) = (total * t / n, total * (t + 1) / n);
            let (a, b) = (lo.max(start), hi.min(start + len));
            if a < b {
                share.push((fi, a - start..b - start));
            }
        }
        start += len;
    }
    out
}

/// The cells `cells` of all cores' counts merged: claims, figure ranges and distinct
/// documents (sorted and deduplicated: exact, where a HyperLogLog sketch would estimate).
fn merge_cells(
    counts: &[Counts],
    cells: Range<usize>,
    parts: usize,
    first_period: usize,
) -> Vec<CellCount> {
    let mut out = Vec::new();
    let mut docs: Vec<u64> = Vec::new();
    for cell in cells {
        let mut kinds = [KindAcc::EMPTY; SLOTS];
        for c in counts {
            for (a, b) in kinds
                .iter_mut()
                .zip(&c.kinds[cell * SLOTS..(cell + 1) * SLOTS])
            {
                a.merge(b);
            }
        }
        let claims: u64 = kinds.iter().map(|k| k.n).sum();
        if claims == 0 {
            continue;
        }
        docs.clear();
        for c in counts {
            docs.extend_from_slice(&c.docs[c.offsets[cell]..][..c.lens[cell]]);
        }
        docs.sort_unstable();
        let sources = if docs.is_empty() {
            0
        } else {
            1 + docs.windows(2).filter(|w| w[0] != w[1]).count() as u64
        };
        let mut known = [KindAcc::EMPTY; KINDS];
        known.copy_from_slice(&kinds[..KINDS]);
        out.push(CellCount {
            part: (cell % parts) as u32,
            period: (first_period + cell / parts) as u32,
            claims,
            sources,
            kinds: known,
        });
    }
    out
}

/// The counts per municipality and period, as the collector hands them to
/// [`summary_rows`].
pub struct Summary {
    interval: u64,
    /// slot -> municipality part of the key (code + 1, 0: none)
    parts: Vec<u64>,
    /// slot -> period number (0: undated)
    periods: Vec<u64>,
    cells: Vec<CellCount>,
}

/// One municipality in one period.
struct CellCount {
    part: u32,
    period: u32,
    claims: u64,
    sources: u64,
    kinds: [KindAcc; KINDS],
}

/// Counts the claims the segments read, on all cores.
fn count(fruits: &[SegmentClaims], interval: u64) -> Summary {
    let layout = Layout::new(fruits, interval);
    let total: usize = fruits.iter().map(|f| f.keys.len()).sum();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(total / CLAIMS_PER_THREAD)
        .max(1);
    let shares = shares(fruits, threads);
    let parts = layout.parts.len().max(1);
    let window = (MAX_CELLS / parts).max(1);
    let mut cells = Vec::new();
    let mut first = 0;
    while first < layout.periods.len() {
        let periods = first..(first + window).min(layout.periods.len());
        let n = periods.len() * parts;
        if threads == 1 {
            let counts = [count_share(fruits, &shares[0], &layout, periods.clone())];
            cells.extend(merge_cells(&counts, 0..n, parts, periods.start));
        } else {
            // Each core counts its share of the claims, then merges its share of the cells
            // from all cores' counts (split by their number of documents to sort).
            let counts: Vec<Counts> = std::thread::scope(|scope| {
                let handles: Vec<_> = shares
                    .iter()
                    .map(|share| {
                        let (layout, periods) = (&layout, periods.clone());
                        scope.spawn(move || count_share(fruits, share, layout, periods))
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().expect("summary thread"))
                    .collect()
            });
            let mut bounds = vec![0];
            let pairs: usize = counts.iter().flat_map(|c| &c.lens).sum();
            let mut seen = 0;
            for cell in 0..n {
                seen += counts.iter().map(|c| c.lens[cell]).sum::<usize>();
                if seen * threads >= pairs * bounds.len() && bounds.len() < threads {
                    bounds.push(cell + 1);
                }
            }
            bounds.push(n);
            let merged: Vec<Vec<CellCount>> = std::thread::scope(|scope| {
                let handles: Vec<_> = bounds
                    .windows(2)
                    .map(|w| {
                        let (counts, range) = (&counts, w[0]..w[1].max(w[0]));
                        scope.spawn(move || merge_cells(counts, range, parts, periods.start))
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().expect("summary thread"))
                    .collect()
            });
            cells.extend(merged.into_iter().flatten());
            for c in counts {
                Buffers::give(c.docs);
            }
        }
        first = periods.end;
    }
    Summary {
        interval,
        parts: layout.parts,
        periods: layout.periods,
        cells,
    }
}

/// Municipalities by the municipality part of a timeline key (code + 1).
fn municipality_by_part() -> &'static HashMap<u64, &'static crate::geo::Municipality> {
    static BY_PART: OnceLock<HashMap<u64, &'static crate::geo::Municipality>> = OnceLock::new();
    BY_PART.get_or_init(|| {
        crate::geo::all()
            .iter()
            .filter_map(|m| Some((m.code.parse::<u64>().ok()? + 1, m)))
            .collect()
    })
}

/// The summary's rows from the counted cells, ordered as [`build`] orders its rows.
pub fn summary_rows(summary: Summary, interval: u32) -> Vec<SummaryRow> {
    let bucket = match interval {
        12 => Bucket::Year,
        3 => Bucket::Quarter,
        _ => Bucket::Month,
    };
    let by_part = municipality_by_part();
    let municipalities: Vec<Option<&crate::geo::Municipality>> = summary
        .parts
        .iter()
        .map(|p| by_part.get(p).copied())
        .collect();
    let labels: Vec<String> = summary
        .periods
        .iter()
        .map(|&p| {
            if p == 0 {
                return "undated".to_string();
            }
            let m = (p - 1) * summary.interval; // the period's first month index
            i32::try_from(m / 12)
                .ok()
                .and_then(|y| NaiveDate::from_ymd_opt(y, (m % 12) as u32 + 1, 1))
                .map_or_else(|| "undated".to_string(), |d| bucket.label(d))
        })
        .collect();
    // Rows go by municipality, most claims first, unnamed last, then by name and period
    // label: as ranks, so that the sort compares numbers, not strings.
    let mut per_part = vec![0u64; summary.parts.len()];
    for c in &summary.cells {
        per_part[c.part as usize] += c.claims;
    }
    let rank = |names: Vec<Option<&str>>| -> Vec<usize> {
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_by(|&a, &b| names[a].cmp(&names[b]));
        let mut rank = vec![0; names.len()];
        for (i, w) in order.iter().enumerate() {
            rank[*w] = if i > 0 && names[order[i - 1]] == names[*w] {
                rank[order[i - 1]]
            } else {
                i
            };
        }
        rank
    };
    let name_rank = rank(municipalities.iter().map(|m| m.map(|m| m.name)).collect());
    let label_rank = rank(labels.iter().map(|l| Some(l.as_str())).collect());
    let mut cells = summary.cells;
    cells.sort_by_key(|c| {
        let part = c.part as usize;
        (
            municipalities[part].is_none(),
            std::cmp::Reverse(per_part[part]),
            name_rank[part],
            label_rank[c.period as usize],
        )
    });
    cells
        .into_iter()
        .map(|c| {
            let municipality = municipalities[c.part as usize];
            SummaryRow {
                municipality: municipality.map(|m| m.name.to_string()),
                municipality_code: municipality.map(|m| m.code.to_string()),
                period: labels[c.period as usize].clone(),
                claims: c.claims,
                sources: c.sources,
                kinds: Kind::ALL
                    .iter()
                    .zip(&c.kinds)
                    .filter(|(_, k)| k.n > 0)
                    .map(|(&kind, k)| {
                        let (min, max) = k.range();
                        KindSummary {
                            kind,
                            claims: k.n,
                            min,
                            max,
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Claims as the collector reads them: (key, document, figure) per segment.
    fn fruit(claims: &[(u64, Option<u64>, Option<f64>)]) -> SegmentClaims {
        let mut f = SegmentClaims {
            keys: Vec::new(),
            docs: Vec::new(),
            values: Vec::new(),
            no_doc: Vec::new(),
            seen: Seen::new(),
        };
        for &(key, doc, value) in claims {
            if doc.is_none() {
                f.no_doc.push(f.keys.len() as u32);
            }
            f.keys.push(key);
            f.docs.push(doc.unwrap_or(0));
            f.values.push(value.unwrap_or(f64::NAN));
            f.seen.mark(key, 1);
        }
        f
    }

    /// The dense, threaded, windowed count agrees with a plain map over the same claims,
    /// including what the tables do not hold (a municipality code outside the table, a
    /// period past it), claims without a document or a figure, a kind this build does not
    /// know, and a document whose claims are split over segments and not neighbours.
    #[test]
    fn dense_counts_equal_a_plain_count() {
        // Per segment, each claim's key, document and figure, as its fast fields hold them.
        type Claim = (u64, Option<u64>, Option<f64>);
        let mut segments: Vec<Vec<Claim>> = vec![Vec::new(); 3];
        let mut n = 0u64;
        for part in [0u64, 1, 181, 2581, 70_000] {
            // More periods than one window of cells holds (64 in tests): several passes.
            for month in [0, 1, 200_000].into_iter().chain(24_100..24_130u64) {
                for kind in [0u64, 3, 9, 200] {
                    for doc in 0..3u64 {
                        n += 1;
                        let key = part << 32 | month << 8 | kind;
                        let value = (!n.is_multiple_of(4)).then_some((n % 17) as f64);
                        let doc = (!n.is_multiple_of(13)).then_some(doc * 1000 + part % 7);
                        segments[(n % 3) as usize].push((key, doc, value));
                    }
                }
            }
        }
        let fruits: Vec<SegmentClaims> = segments.iter().map(|s| fruit(s)).collect();
        let summary = count(&fruits, 1);
        type Plain = (
            u64,
            BTreeSet<u64>,
            BTreeMap<usize, (u64, Option<f64>, Option<f64>)>,
        );
        let mut plain: BTreeMap<(u64, u64), Plain> = BTreeMap::new();
        for &(key, doc, value) in segments.iter().flatten() {
            let cell = plain.entry((key >> 32, period_number(key, 1))).or_default();
            cell.0 += 1;
            cell.1.extend(doc);
            let kind = (key & 0xff) as usize;
            if kind < KINDS {
                let k = cell.2.entry(kind).or_default();
                k.0 += 1;
                if let Some(v) = value {
                    k.1 = Some(k.1.map_or(v, |m: f64| m.min(v)));
                    k.2 = Some(k.2.map_or(v, |m: f64| m.max(v)));
                }
            }
        }
        let dense: BTreeMap<(u64, u64), Plain> = summary
            .cells
            .iter()
            .map(|c| {
                let kinds = c
                    .kinds
                    .iter()
                    .enumerate()
                    .filter(|(_, k)| k.n > 0)
                    .map(|(i, k)| {
                        let (lo, hi) = k.range();
                        (i, (k.n, lo, hi))
                    })
                    .collect();
                let key = (
                    summary.parts[c.part as usize],
                    summary.periods[c.period as usize],
                );
                (key, (c.claims, (0..c.sources).collect(), kinds))
            })
            .collect();
        assert_eq!(dense.len(), plain.len());
        for (key, (claims, docs, kinds)) in &plain {
            let (d_claims, d_docs, d_kinds) = &dense[key];
            assert_eq!(
                (claims, docs.len(), kinds),
                (d_claims, d_docs.len(), d_kinds),
                "{key:?}"
            );
        }
    }
}
