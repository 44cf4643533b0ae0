//! The Tantivy index: documents and their claims, in one index directory.
//!
//! The schema is declared once, in [`build_schema`]. Each Tantivy document is one *record*:
//! either a source document (`record:doc`) or one of its claims (`record:claim`). Both carry
//! the source's `doc_id` (a hash of its text) and `path_key` (its absolute path), so that
//! re-ingesting a file replaces all its records at once, and the same text under a second
//! path is recognised as a duplicate.
//!
//! Text fields use a Swedish analyzer (lower case, Snowball stemmer), so "uppsägning" finds
//! "uppsägningar". Keyword fields (kind, municipality, type) are lower-cased whole values, so
//! `municipality:botkyrka` and `kind:resigned` work in the query syntax as typed.
//!
//! `avhopp.json` beside Tantivy's own files records the schema version: an index built by an
//! older avhopp is refused with a message to rebuild, never misread.

use crate::claims::{Claim, Kind};
use crate::document::Document;
use crate::geo::Municipality;
use crate::ingest::Analysis;
use crate::seeking_union::seek_unions_in_intersections;
use crate::word_forms::SwedishWords;
use crate::word_pairs::{self, CommonWords};
use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use rustc_hash::{FxBuildHasher, FxHashSet};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{
    DateOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions,
    Value, STORED, STRING,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{LowerCaser, RawTokenizer, TextAnalyzer, TokenizerManager};
use tantivy::{DateTime, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// Bump when the schema or the meaning of a field changes.
/// 2: claims carry the fast fields `timeline_key` and `doc_key` and keep their quote in
/// `quote` (not `text`), so that the timeline counts from fast fields and searches for words
/// skip claims.
/// 3: a document's title is indexed once more as a value of `text`, which is then the one
/// field a query searches.
/// 4: `text` also holds pairs of adjacent words of which one is common ("upp sig"), for
/// phrase queries (see `word_pairs`).
/// 5: the pairs are only those a common word starts ("upp sig", not "sagt upp").
/// 6: `doc_id` is the text's XXH3 hash, no longer its FNV-1a (see `Document::content_hash`).
pub const SCHEMA_VERSION: u32 = 6;
const META_FILE: &str = "avhopp.json";
/// Memory for the index writer: bounds ingest memory whatever the corpus size.
const WRITER_MEMORY: usize = 200_000_000;

/// Segments stop taking part in merges once they hold this many records.
const SEGMENT_MERGE_CAP: usize = 40_000;

/// Tantivy's log merge policy, but segments of [`SEGMENT_MERGE_CAP`] records or more are
/// merged no further, so a merge makes at most 8 times that. A query or the timeline visits
/// the segments on all cores at once and cannot split one: with the default policy a
/// million documents ended in three segments of 450 000 records, which two cores search
/// in the time of two.
fn merge_policy() -> tantivy::indexer::LogMergePolicy {
    let mut policy = tantivy::indexer::LogMergePolicy::default();
    policy.set_max_docs_before_merge(SEGMENT_MERGE_CAP);
    policy
}

/// Every field of the schema, by name.
#[derive(Clone, Copy)]
pub struct Fields {
    pub record: Field,
    pub doc_id: Field,
    pub path: Field,
    pub path_key: Field,
    pub url: Field,
    pub publisher: Field,
    pub title: Field,
    pub body: Field,
    pub published: Field,
    pub published_text: Field,
    pub doc_type: Field,
    pub lang: Field,
    pub municipality: Field,
    pub kind: Field,
    pub value: Field,
    pub period_from: Field,
    pub period_to: Field,
    pub claim_json: Field,
    /// A claim's quoted sentence (documents' text is in `body`).
    pub quote: Field,
    /// A claim's timeline cell packed in one fast field, see [`timeline_key`].
    pub timeline_key: Field,
    /// A claim's document as a number (its `doc_id`, which is hexadecimal), to count the
    /// distinct sources of a timeline row from fast fields.
    pub doc_key: Field,
}

/// The schema, declared once.
pub fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let analysed = |tokenizer: &str| {
        TextOptions::default()
            .set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(tokenizer)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            )
            .set_stored()
    };
    let swedish = analysed("sv");
    // The documents' text: the same analysis, and pairs of words with a common word (see
    // `word_pairs`), so that phrases with common words read few positions.
    let swedish_text = analysed("sv_text");
    let keyword = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("kw")
                .set_index_option(IndexRecordOption::Basic),
        )
        .set_stored();
    let date = DateOptions::default().set_indexed().set_fast().set_stored();
    let fields = Fields {
        // "doc" or "claim"
        record: b.add_text_field("record", STRING | STORED),
        doc_id: b.add_text_field("doc_id", STRING | STORED),
        path: b.add_text_field("path", STRING | STORED),
        path_key: b.add_text_field("path_key", STRING | STORED),
        url: b.add_text_field("url", STRING | STORED),
        publisher: b.add_text_field("publisher", swedish.clone()),
        title: b.add_text_field("title", swedish.clone()),
        // the document's text (claims keep theirs in `quote`, so that a search for words
        // never has to skip claim records)
        body: b.add_text_field("text", swedish_text),
        published: b.add_date_field("published", date.clone()),
        // the date as precise as it is known: "2018", "2024-12", "2021-09-03"
        published_text: b.add_text_field("published_text", STORED),
        doc_type: b.add_text_field("type", keyword.clone()),
        lang: b.add_text_field("lang", STRING | STORED),
        // for a document every municipality it speaks of, its own first; for a claim, one
        municipality: b.add_text_field("municipality", keyword.clone()),
        // for a claim its kind; for a document the kinds of its claims
        kind: b.add_text_field("kind", keyword),
        value: b.add_f64_field(
            "value",
            NumericOptions::default()
                .set_indexed()
                .set_fast()
                .set_stored(),
        ),
        period_from: b.add_date_field("period_from", date.clone()),
        period_to: b.add_date_field("period_to", date),
        claim_json: b.add_text_field("claim_json", STORED),
        quote: b.add_text_field(
            "quote",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer("sv")
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            ),
        ),
        timeline_key: b.add_u64_field("timeline_key", NumericOptions::default().set_fast()),
        doc_key: b.add_u64_field("doc_key", NumericOptions::default().set_fast()),
    };
    (b.build(), fields)
}

/// Words this long or longer are not indexed (nor searched for).
pub use crate::word_forms::LONGEST_WORD;

/// The analyzer of the `sv` fields (title, publisher, a claim's quote) and of queries: words,
/// lower-cased, stemmed (exactly tantivy's `SimpleTokenizer`, `RemoveLongFilter`,
/// `LowerCaser` and Swedish `Stemmer`, in one pass, each word's form remembered: see
/// `word_forms`).
pub fn swedish_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(SwedishWords::default())
}

/// The analyzer of `text`: [`swedish_analyzer`] and the word pairs.
pub fn text_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(SwedishWords::with_pairs(common_words()))
}

fn common_words() -> Arc<CommonWords> {
    word_pairs::common_words(swedish_analyzer)
}

/// The analyzers the index is written with. `sv_text` adds the word pairs to `sv`.
fn register_tokenizers(index: &Index) {
    index.tokenizers().register("sv", swedish_analyzer());
    index.tokenizers().register("sv_text", text_analyzer());
    index.tokenizers().register("kw", keyword_analyzer());
}

fn keyword_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .build()
}

/// The analyzers a query is read with: words only, never pairs (a phrase is turned into
/// pairs by `word_pairs::rewrite`, which knows which to use).
fn query_tokenizers() -> TokenizerManager {
    let manager = TokenizerManager::default();
    manager.register("sv", swedish_analyzer());
    manager.register("sv_text", swedish_analyzer());
    manager.register("kw", keyword_analyzer());
    manager
}

#[derive(Serialize, Deserialize)]
struct IndexMeta {
    schema_version: u32,
    created_by: String,
}

/// A claim with the provenance of its document, as stored and as `avhopp claims` prints it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClaimRecord {
    #[serde(flatten)]
    pub claim: Claim,
    pub title: Option<String>,
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    #[serde(rename = "type")]
    pub doc_type: String,
}

/// An open avhopp index.
pub struct AvhoppIndex {
    pub dir: PathBuf,
    index: Index,
    pub fields: Fields,
    reader: IndexReader,
}

fn to_tantivy_date(d: NaiveDate) -> DateTime {
    DateTime::from_timestamp_secs(
        d.and_hms_opt(0, 0, 0)
            .expect("midnight")
            .and_utc()
            .timestamp(),
    )
}

/// A date's month as one number, year * 12 + month - 1: histograms over it with intervals
/// 12, 3 and 1 give calendar years, quarters and months.
pub fn month_index(d: NaiveDate) -> u64 {
    use chrono::Datelike;
    (d.year().max(0) as u64) * 12 + u64::from(d.month0())
}

/// A claim's place on the timeline in one number, so that the summary reads one fast field
/// per claim: municipality code + 1 (0: none) in bits 32 and up, [`month_index`] + 1 (0:
/// undated) in bits 8–31, the kind's position in [`Kind::ALL`] in bits 0–7. Official
/// municipality codes and the order of `Kind::ALL` are stable; a change to either needs a
/// new schema version.
pub fn timeline_key(municipality_code: Option<&str>, at: Option<NaiveDate>, kind: Kind) -> u64 {
    let municipality = municipality_code
        .and_then(|c| c.parse::<u64>().ok())
        .map_or(0, |c| c + 1);
    let month = at.map_or(0, |d| month_index(d) + 1);
    let kind = Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0) as u64;
    (municipality << 32) | (month << 8) | kind
}

fn from_tantivy_date(d: DateTime) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(d.into_timestamp_secs(), 0).map(|t| t.date_naive())
}

/// Whether `dir` holds an index (of any version).
pub fn exists(dir: &Path) -> bool {
    dir.join("meta.json").exists() || dir.join(META_FILE).exists()
}

impl AvhoppIndex {
    /// Opens the index in `dir`, creating it when the folder is missing or empty.
    pub fn open_or_create(dir: &Path) -> Result<AvhoppIndex> {
        if exists(dir) {
            return Self::open(dir);
        }
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create index folder {}", dir.display()))?;
        let (schema, _) = build_schema();
        let index = Index::create_in_dir(dir, schema)
            .with_context(|| format!("cannot create an index in {}", dir.display()))?;
        let meta = IndexMeta {
            schema_version: SCHEMA_VERSION,
            created_by: format!("avhopp {}", env!("CARGO_PKG_VERSION")),
        };
        std::fs::write(dir.join(META_FILE), serde_json::to_string_pretty(&meta)?)
            .with_context(|| format!("cannot write {}", dir.join(META_FILE).display()))?;
        Self::from_index(dir, index)
    }

    /// Opens an existing index; refuses a missing one or one of another schema version.
    pub fn open(dir: &Path) -> Result<AvhoppIndex> {
        if !exists(dir) {
            bail!(
                "no index at {}: run `avhopp ingest corpus/` first",
                dir.display()
            );
        }
        let rebuild = format!(
            "delete {} and run `avhopp ingest corpus/` to rebuild it",
            dir.display()
        );
        let meta: IndexMeta = std::fs::read_to_string(dir.join(META_FILE))
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok())
            .with_context(|| format!("{} holds an index without avhopp's schema version (an older or foreign index): {rebuild}", dir.display()))?;
        if meta.schema_version != SCHEMA_VERSION {
            bail!(
                "the index at {} has schema version {} but this avhopp uses version {}: {rebuild}",
                dir.display(),
                meta.schema_version,
                SCHEMA_VERSION
            );
        }
        let index = Index::open_in_dir(dir)
            .with_context(|| format!("cannot open the index at {}", dir.display()))?;
        Self::from_index(dir, index)
    }

    fn from_index(dir: &Path, mut index: Index) -> Result<AvhoppIndex> {
        register_tokenizers(&index);
        // Searches and the timeline summary visit the segments on all cores at once: at a
        // million documents a query's latency is its slowest segment, not their sum.
        index
            .set_default_multithread_executor()
            .context("cannot start the search threads")?;
        let (_, fields) = build_schema();
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .context("cannot read the index")?;
        Ok(AvhoppIndex {
            dir: dir.to_path_buf(),
            index,
            fields,
            reader,
        })
    }

    pub fn writer(&self) -> Result<Ingester<'_>> {
        let writer = self.index.writer(WRITER_MEMORY).with_context(|| {
            format!(
                "cannot write to the index at {} (is another avhopp writing?)",
                self.dir.display()
            )
        })?;
        writer.set_merge_policy(Box::new(merge_policy()));
        // What another writer committed before this one took the lock counts as indexed.
        self.reader.reload()?;
        Ok(Ingester {
            index: self,
            writer,
            seen_in_run: HashMap::new(),
            started_empty: self.reader.searcher().num_docs() == 0,
            added_doc_ids: FxHashSet::default(),
            added_paths: FxHashSet::default(),
        })
    }

    fn first_str(doc: &TantivyDocument, f: Field) -> Option<String> {
        doc.get_first(f)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    }

    /// The stored paths of the document whose text hashes to `doc_id`, if indexed.
    fn find_doc(&self, doc_id: &str) -> Result<Option<(String, String)>> {
        let searcher = self.reader.searcher();
        let q = BooleanQuery::new(vec![
            (Occur::Must, term_query(self.fields.doc_id, doc_id)),
            (Occur::Must, term_query(self.fields.record, "doc")),
        ]);
        let top = look_up(&searcher, &q, &TopDocs::with_limit(1).order_by_score())?;
        let Some((_, addr)) = top.first() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(*addr)?;
        Ok(Some((
            Self::first_str(&doc, self.fields.path_key).unwrap_or_default(),
            Self::first_str(&doc, self.fields.path).unwrap_or_default(),
        )))
    }

    pub fn num_documents(&self) -> Result<u64> {
        let searcher = self.reader.searcher();
        Ok(searcher.search(
            &term_query(self.fields.record, "doc"),
            &tantivy::collector::Count,
        )? as u64)
    }

    /// Full-text search over documents: the first page of [`AvhoppIndex::search_page`].
    pub fn search(&self, req: &SearchRequest) -> Result<Vec<Hit>> {
        // No total: counting every match would cost the top-k collector its pruning.
        Ok(self.search_with(req, None, 0, false)?.hits)
    }

    /// How many claims match `filter`, without loading them.
    pub fn count_claims(&self, filter: &ClaimFilter) -> Result<usize> {
        let query = self.claim_query(filter)?;
        Ok(self
            .reader
            .searcher()
            .search(&query, &tantivy::collector::Count)?)
    }

    /// The claims matching `filter` per municipality and period, counted from fast fields
    /// (`timeline_key`, `value`, `doc_key`) without loading any claim, so this
    /// stays fast over millions. `interval` is the period in months (12, 3 or 1).
    pub fn claim_aggregates(
        &self,
        filter: &ClaimFilter,
        interval: u32,
    ) -> Result<Vec<crate::timeline::SummaryRow>> {
        let query = self.claim_query(filter)?;
        let cells = self
            .reader
            .searcher()
            .search(&*query, &crate::timeline::SummaryCollector { interval })?;
        Ok(crate::timeline::summary_rows(cells, interval))
    }

    /// The query for the claims `filter` wants.
    fn claim_query(&self, filter: &ClaimFilter) -> Result<Box<dyn Query>> {
        let f = self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, term_query(f.record, "claim"))];
        if let Some(m) = filter.municipality {
            clauses.push((
                Occur::Must,
                term_query(f.municipality, &m.name.to_lowercase()),
            ));
        }
        if let Some(k) = filter.kind {
            clauses.push((Occur::Must, term_query(f.kind, k.as_str())));
        }
        // A claim's period overlaps [from, to] when it starts before `to` and ends after `from`.
        if let Some(to) = filter.to {
            clauses.push((Occur::Must, date_range(f.period_from, None, Some(to))));
        }
        if let Some(from) = filter.from {
            clauses.push((Occur::Must, date_range(f.period_to, Some(from), None)));
        }
        if filter.min_value.is_some() || filter.max_value.is_some() {
            let lo = filter.min_value.map_or(Bound::Unbounded, |v| {
                Bound::Included(Term::from_field_f64(f.value, v))
            });
            let hi = filter.max_value.map_or(Bound::Unbounded, |v| {
                Bound::Included(Term::from_field_f64(f.value, v))
            });
            clauses.push((Occur::Must, Box::new(RangeQuery::new(lo, hi))));
        }
        if let Some(q) = &filter.query {
            let parser = QueryParser::for_index(&self.index, vec![f.quote]);
            let parsed = parser
                .parse_query(&expand_query(q))
                .map_err(|e| anyhow::anyhow!("{}", describe_query_error(q, &e)))?;
            clauses.push((Occur::Must, parsed));
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// Every claim matching `filter`, ordered by publication date, document and position.
    pub fn claims(&self, filter: &ClaimFilter) -> Result<Vec<ClaimRecord>> {
        let f = self.fields;
        let query = self.claim_query(filter)?;
        let searcher = self.reader.searcher();
        let addrs = searcher.search(&query, &DocSetCollector)?;
        let mut out = Vec::with_capacity(addrs.len());
        for addr in addrs {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let json = Self::first_str(&doc, f.claim_json).unwrap_or_default();
            let rec: ClaimRecord = serde_json::from_str(&json)
                .context("a stored claim is unreadable; rebuild the index")?;
            out.push(rec);
        }
        // Claims of one sentence share a span: kind and value make the order total, so the
        // same query always prints the same lines in the same order.
        out.sort_by(|a, b| {
            let key = |r: &ClaimRecord| {
                (
                    r.published.clone(),
                    r.claim.doc.clone(),
                    r.claim.span[0],
                    r.claim.kind,
                )
            };
            key(a).cmp(&key(b)).then(
                a.claim
                    .value
                    .partial_cmp(&b.claim.value)
                    .unwrap_or(std::cmp::Ordering::Equal),
            )
        });
        Ok(out)
    }

    /// All documents' stored metadata (for summaries and tests).
    pub fn all_paths(&self) -> Result<Vec<String>> {
        let searcher = self.reader.searcher();
        let addrs = searcher.search(
            &BooleanQuery::new(vec![
                (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
                (Occur::Must, term_query(self.fields.record, "doc")),
            ]),
            &DocSetCollector,
        )?;
        let mut out = Vec::new();
        for addr in addrs {
            let doc: TantivyDocument = searcher.doc(addr)?;
            out.push(Self::first_str(&doc, self.fields.path).unwrap_or_default());
        }
        out.sort();
        Ok(out)
    }
}

/// Snippets of `field` for the words of `query`, as `SnippetGenerator::create` makes them
/// (rarer words weigh more), but reading the text with the words-only analyzer: the word
/// pairs the index keeps in `text` would only start fragments at the wrong word.
fn snippet_generator(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    field: Field,
) -> Result<SnippetGenerator> {
    let mut terms = Vec::new();
    query.query_terms(&mut |term, _| {
        if term.field() == field {
            terms.push(term.clone());
        }
    });
    let mut weights = std::collections::BTreeMap::new();
    for term in terms {
        let Some(text) = term.value().as_str().map(str::to_string) else {
            continue;
        };
        let doc_freq = searcher.doc_freq(&term)?;
        if doc_freq > 0 {
            weights.insert(text, 1.0 / (1.0 + doc_freq as f32));
        }
    }
    Ok(SnippetGenerator::new(
        weights,
        swedish_analyzer(),
        field,
        240,
    ))
}

/// A search for a key (a document's hash or path) on this thread. The index's executor
/// hands each segment to a search thread, which pays for a query that visits many segments
/// but not for a key found in one: at ingest, two look-ups a document on the search threads
/// cost 8 % of the CPU time and as much again in the kernel, switching threads.
fn look_up<C: tantivy::collector::Collector>(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    collector: &C,
) -> tantivy::Result<C::Fruit> {
    let scoring = if collector.requires_scoring() {
        tantivy::query::EnableScoring::enabled_from_searcher(searcher)
    } else {
        tantivy::query::EnableScoring::disabled_from_searcher(searcher)
    };
    searcher.search_with_executor(
        query,
        collector,
        &tantivy::Executor::single_thread(),
        scoring,
    )
}

fn term_query(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

fn date_range(field: Field, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Box<dyn Query> {
    let lo = from.map_or(Bound::Unbounded, |d| {
        Bound::Included(Term::from_field_date(field, to_tantivy_date(d)))
    });
    let hi = to.map_or(Bound::Unbounded, |d| {
        Bound::Included(Term::from_field_date(field, to_tantivy_date(d)))
    });
    Box::new(RangeQuery::new(lo, hi))
}

/// What `avhopp search` asks.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub query: String,
    pub municipality: Option<&'static Municipality>,
    pub kind: Option<Kind>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub limit: usize,
}

/// One ranked document.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub score: f32,
    pub path: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    #[serde(rename = "type")]
    pub doc_type: String,
    pub municipalities: Vec<String>,
    pub snippet: String,
    /// Byte ranges of the matched words in `snippet`.
    pub highlights: Vec<(usize, usize)>,
}

impl Hit {
    /// The snippet with matched words wrapped in `open`/`close`.
    pub fn marked_snippet(&self, open: &str, close: &str) -> String {
        let mut out = String::new();
        let mut pos = 0;
        for &(s, e) in &self.highlights {
            if s < pos || e > self.snippet.len() {
                continue;
            }
            out.push_str(&self.snippet[pos..s]);
            out.push_str(open);
            out.push_str(&self.snippet[s..e]);
            out.push_str(close);
            pos = e;
        }
        out.push_str(&self.snippet[pos..]);
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Which claims `avhopp claims`, the timeline and the fact check want.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    pub municipality: Option<&'static Municipality>,
    pub kind: Option<Kind>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub min_value: Option<f64>,
    pub max_value: Option<f64>,
    /// Words the quoted sentence must match, in the query syntax of `avhopp search`.
    pub query: Option<String>,
}

/// What became of one document given to [`Ingester::add`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    New,
    /// The file was indexed before with other content; its old records were replaced.
    Replaced,
    /// The same file with the same content is already indexed.
    Unchanged,
    /// The same text is already indexed under another path (given here).
    Duplicate(String),
}

/// Adds documents and their claims to the index.
pub struct Ingester<'a> {
    index: &'a AvhoppIndex,
    writer: IndexWriter,
    /// Documents added in this run, not yet visible to the reader: doc_id -> path.
    seen_in_run: HashMap<String, String>,
    /// The index held nothing when this writer opened. A key then needs looking up only if
    /// this run added it: at a million documents the look-ups (each visits every segment)
    /// were 3 % of a fresh build's CPU time, all of them finding nothing.
    started_empty: bool,
    /// Hashes of the doc ids and path keys this run added (kept across commits).
    added_doc_ids: FxHashSet<u64>,
    added_paths: FxHashSet<u64>,
}

impl Ingester<'_> {
    /// Adds `doc`, found at `path_key` (its absolute path or URL), with what analysis found.
    pub fn add(&mut self, doc: &Document, path_key: &str, analysis: &Analysis) -> Result<Added> {
        let f = self.index.fields;
        let (lang, claims) = (analysis.lang, analysis.claims.as_slice());
        let doc_id = &analysis.doc_id;
        debug_assert_eq!(
            *doc_id,
            doc.content_hash(),
            "an analysis of another document"
        );
        if let Some(path) = self.seen_in_run.get(doc_id) {
            return Ok(Added::Duplicate(path.clone()));
        }
        let doc_id_hash = FxBuildHasher.hash_one(doc_id);
        let path_hash = FxBuildHasher.hash_one(path_key);
        let mut outcome = Added::New;
        let maybe_indexed = !self.started_empty || self.added_doc_ids.contains(&doc_id_hash);
        let found = if maybe_indexed {
            self.index.find_doc(doc_id)?
        } else {
            None
        };
        if let Some((key, path)) = found {
            if key == path_key {
                return Ok(Added::Unchanged);
            }
            if Path::new(&key).exists() {
                return Ok(Added::Duplicate(path));
            }
            // The file it was indexed from is gone (moved or renamed): take the new path.
            self.writer
                .delete_term(Term::from_field_text(f.doc_id, doc_id));
        }
        // A file indexed before with other content: replace all its records.
        let path_maybe_indexed = !self.started_empty || self.added_paths.contains(&path_hash);
        if path_maybe_indexed
            && look_up(
                &self.index.reader.searcher(),
                &term_query(f.path_key, path_key),
                &tantivy::collector::Count,
            )? > 0
        {
            self.writer
                .delete_term(Term::from_field_text(f.path_key, path_key));
            outcome = Added::Replaced;
        }

        let published = doc.published.map(|p| p.to_string());
        let mut municipalities: Vec<String> = Vec::new();
        let mut push_muni = |name: &str| {
            let n = name.to_string();
            if !municipalities.contains(&n) {
                municipalities.push(n);
            }
        };
        if let Some(m) = doc.municipality {
            push_muni(m.name);
        }
        for c in claims {
            if let Some(m) = &c.municipality {
                push_muni(m);
            }
        }
        for m in &analysis.mentions {
            push_muni(m.municipality.name);
        }

        let mut d = TantivyDocument::default();
        d.add_text(f.record, "doc");
        d.add_text(f.doc_id, doc_id);
        d.add_text(f.path, &doc.path);
        d.add_text(f.path_key, path_key);
        if let Some(u) = &doc.url {
            d.add_text(f.url, u);
        }
        if let Some(p) = &doc.publisher {
            d.add_text(f.publisher, p);
        }
        if let Some(t) = &doc.title {
            d.add_text(f.title, t);
        }
        d.add_text(f.body, &doc.text);
        // The title again, as a second value: a query then searches `text` alone (a query
        // over `title` and `text` turns every word into a union of two, which costs twice
        // and more: a phrase at 1M documents took 12 ms instead of 8), a title found only in
        // metadata is still found, and its words count twice, which boosts title matches.
        if let Some(t) = &doc.title {
            d.add_text(f.body, t);
        }
        if let Some(p) = doc.published {
            d.add_date(f.published, to_tantivy_date(p.first));
        }
        if let Some(p) = &published {
            d.add_text(f.published_text, p);
        }
        d.add_text(f.doc_type, doc.doc_type.as_str());
        d.add_text(f.lang, lang.unwrap_or("und"));
        for m in &municipalities {
            d.add_text(f.municipality, m);
        }
        let mut kinds: Vec<Kind> = claims.iter().map(|c| c.kind).collect();
        kinds.sort();
        kinds.dedup();
        for k in kinds {
            d.add_text(f.kind, k.as_str());
        }
        self.writer.add_document(d)?;

        for c in claims {
            let rec = ClaimRecord {
                claim: c.clone(),
                title: doc.title.clone(),
                url: doc.url.clone(),
                publisher: doc.publisher.clone(),
                published: published.clone(),
                doc_type: doc.doc_type.as_str().to_string(),
            };
            let mut d = TantivyDocument::default();
            d.add_text(f.record, "claim");
            d.add_text(f.doc_id, doc_id);
            d.add_text(f.path, &doc.path);
            d.add_text(f.path_key, path_key);
            d.add_text(f.quote, &c.quote);
            d.add_text(f.kind, c.kind.as_str());
            d.add_text(f.doc_type, doc.doc_type.as_str());
            if let Some(m) = &c.municipality {
                d.add_text(f.municipality, m);
            }
            if let Some(v) = c.value {
                d.add_f64(f.value, v);
            }
            if let Some(p) = &c.period {
                d.add_date(f.period_from, to_tantivy_date(p.from));
                d.add_date(f.period_to, to_tantivy_date(p.to));
            }
            if let Some(p) = doc.published {
                d.add_date(f.published, to_tantivy_date(p.first));
            }
            // As crate::timeline places it: the period's start, else the document's date.
            let at = c.period.map(|p| p.from).or(doc.published.map(|p| p.first));
            d.add_u64(
                f.timeline_key,
                timeline_key(c.municipality_code.as_deref(), at, c.kind),
            );
            if let Ok(key) = u64::from_str_radix(doc_id, 16) {
                d.add_u64(f.doc_key, key);
            }
            d.add_text(f.claim_json, serde_json::to_string(&rec)?);
            self.writer.add_document(d)?;
        }
        self.seen_in_run.insert(doc_id.clone(), doc.path.clone());
        self.added_doc_ids.insert(doc_id_hash);
        self.added_paths.insert(path_hash);
        Ok(outcome)
    }

    /// Makes everything added so far durable and visible.
    pub fn commit(&mut self) -> Result<()> {
        self.writer.commit().context("cannot commit to the index")?;
        self.index.reader.reload()?;
        self.seen_in_run.clear();
        Ok(())
    }

    pub fn finish(mut self) -> Result<()> {
        self.commit()?;
        self.writer
            .wait_merging_threads()
            .context("index merge failed")?;
        Ok(())
    }
}

/// Words whose meaning Swedish also says with a particle verb: "uppsägning" is what happened
/// when someone "sagt upp sig", so a search for one finds the other.
const EXPANSIONS: &[(&str, &str)] = &[(
    "uppsägning",
    r#""sagt upp sig"~2 OR "säga upp sig"~2 OR "sa upp sig"~6 OR "sade upp sig"~6 OR "säger upp sig"~2"#,
)];

/// Adds the particle-verb forms to bare words of the query (not inside quotes, not field
/// values), leaving the rest of the Tantivy syntax as typed. Soft hyphens and the like go
/// first, as they went from the documents (`typography::clean`): words pasted from a web
/// page may hold them.
pub fn expand_query(query: &str) -> String {
    let (query, _) = crate::typography::clean(query.to_string());
    let query = query.as_str();
    let mut out = String::new();
    let mut in_quotes = false;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String, next: Option<char>| {
        if word.is_empty() {
            return;
        }
        let lower = word.to_lowercase();
        let bare = next != Some(':') && !out.ends_with(':');
        match EXPANSIONS.iter().find(|(stem, _)| lower.starts_with(stem)) {
            Some((_, alternatives)) if bare => {
                out.push_str(&format!("({word} OR {alternatives})"));
            }
            _ => out.push_str(word),
        }
        word.clear();
    };
    let chars: Vec<char> = query.chars().collect();
    let mut glue_next = false;
    for (i, &c) in chars.iter().enumerate() {
        if glue_next && c.is_whitespace() {
            continue;
        }
        glue_next = false;
        // Tantivy reads "a AND NOT b" as "a AND (nothing but not b)", which matches nothing;
        // "a AND -b" is what a journalist means.
        if !in_quotes && word == "NOT" && c.is_whitespace() && out.trim_end().ends_with("AND") {
            word.clear();
            out.push('-');
            glue_next = true;
            continue;
        }
        if c == '"' {
            flush(&mut word, &mut out, Some(c));
            in_quotes = !in_quotes;
            out.push(c);
        } else if in_quotes {
            out.push(c);
        } else if c.is_alphanumeric() || c == '_' || c == '-' && !word.is_empty() {
            word.push(c);
        } else {
            flush(&mut word, &mut out, Some(c));
            out.push(c);
        }
        if i + 1 == chars.len() {
            flush(&mut word, &mut out, None);
        }
    }
    out
}

/// A query error in one line that says where the query is wrong.
pub fn describe_query_error(query: &str, err: &tantivy::query::QueryParserError) -> String {
    // Tantivy's syntax errors do not give a position; find the usual culprits ourselves.
    let mut depth: i32 = 0;
    let mut quote_at: Option<usize> = None;
    let mut open_at: Vec<usize> = Vec::new();
    for (i, c) in query.char_indices() {
        match c {
            '"' => quote_at = if quote_at.is_some() { None } else { Some(i) },
            '(' if quote_at.is_none() => {
                depth += 1;
                open_at.push(i);
            }
            ')' if quote_at.is_none() => {
                depth -= 1;
                if depth < 0 {
                    return format!(
                        "bad query: unmatched ')' at character {} of {query:?}",
                        i + 1
                    );
                }
                open_at.pop();
            }
            _ => {}
        }
    }
    if let Some(i) = quote_at {
        return format!(
            "bad query: unclosed quote at character {} of {query:?}",
            i + 1
        );
    }
    if let Some(i) = open_at.last() {
        return format!(
            "bad query: unclosed '(' at character {} of {query:?}",
            i + 1
        );
    }
    match err {
        tantivy::query::QueryParserError::FieldDoesNotExist(field) => {
            let at = query
                .find(&format!("{field}:"))
                .map_or(String::new(), |i| format!(" at character {}", i + 1));
            format!(
                "bad query: unknown field '{field}'{at}; fields are title, text, publisher, municipality, kind, type"
            )
        }
        other => {
            let trimmed = query.trim_end();
            if trimmed.ends_with(['+', '-', ':'])
                || trimmed.ends_with(" AND")
                || trimmed.ends_with(" OR")
            {
                return format!(
                    "bad query: {query:?} ends with an operator at character {}",
                    trimmed.chars().count()
                );
            }
            format!("bad query {query:?}: {other}")
        }
    }
}

/// Dates of the index as chrono dates (for callers reading fields themselves).
pub fn date_of(value: DateTime) -> Option<NaiveDate> {
    from_tantivy_date(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expansion_touches_only_bare_words() {
        let e = expand_query("uppsägning");
        assert!(e.starts_with("(uppsägning OR \"sagt upp sig\"~2"), "{e}");
        assert_eq!(expand_query("\"uppsägning\""), "\"uppsägning\"");
        assert_eq!(expand_query("title:uppsägningar"), "title:uppsägningar");
        assert_eq!(
            expand_query("konsulter AND Botkyrka"),
            "konsulter AND Botkyrka"
        );
        assert_eq!(
            expand_query("\"social\u{ad}sekreterare i Botkyrka\""),
            "\"socialsekreterare i Botkyrka\""
        );
    }

    #[test]
    fn query_errors_say_where() {
        let parser_err = tantivy::query::QueryParserError::SyntaxError("x".into());
        assert!(describe_query_error("(socialsekreterare", &parser_err)
            .contains("unclosed '(' at character 1"));
        assert!(
            describe_query_error("a \"b", &parser_err).contains("unclosed quote at character 3")
        );
        assert!(describe_query_error("a)", &parser_err).contains("unmatched ')' at character 2"));
        let field_err = tantivy::query::QueryParserError::FieldDoesNotExist("foo".into());
        assert!(describe_query_error("x foo:bar", &field_err)
            .contains("unknown field 'foo' at character 3"));
    }
}

// --- used by the web server ---

/// A query the user typed that the query parser refuses: bad input, not a failure of the
/// index. The message says where the query is wrong.
#[derive(Debug, Clone)]
pub struct QueryError(pub String);

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for QueryError {}

/// One page of a search: the hits from `offset` on, and how many documents match in all.
#[derive(Debug, Clone, Serialize)]
pub struct SearchPage {
    pub total: usize,
    pub offset: usize,
    pub hits: Vec<Hit>,
}

/// One indexed document with its text and claims, for the document view.
#[derive(Debug, Clone, Serialize)]
pub struct DocRecord {
    pub path: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    #[serde(rename = "type")]
    pub doc_type: String,
    pub lang: Option<String>,
    pub municipalities: Vec<String>,
    pub text: String,
    /// Its claims, in the order of their spans in `text`.
    pub claims: Vec<ClaimRecord>,
}

/// The CSV columns of `avhopp claims --format csv` and of the web server's claim download.
pub const CLAIM_CSV_HEADER: [&str; 22] = [
    "doc",
    "kind",
    "value",
    "value_high",
    "of",
    "unit",
    "approx",
    "role",
    "body",
    "municipality",
    "municipality_code",
    "period_from",
    "period_to",
    "quote",
    "span_start",
    "span_end",
    "title",
    "url",
    "publisher",
    "published",
    "type",
    "figure",
];

impl ClaimRecord {
    /// The record as one CSV row, in the order of [`CLAIM_CSV_HEADER`].
    pub fn csv_row(&self) -> Vec<String> {
        let c = &self.claim;
        let num = |v: Option<f64>| {
            v.map(|x| {
                if x.fract() == 0.0 {
                    format!("{}", x as i64)
                } else {
                    x.to_string()
                }
            })
            .unwrap_or_default()
        };
        let unit = serde_json::to_value(c.unit)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        vec![
            c.doc.clone(),
            c.kind.to_string(),
            num(c.value),
            num(c.value_high),
            num(c.of),
            unit,
            c.approx.to_string(),
            c.role.clone().unwrap_or_default(),
            c.body.clone().unwrap_or_default(),
            c.municipality.clone().unwrap_or_default(),
            c.municipality_code.clone().unwrap_or_default(),
            c.period.map(|p| p.from.to_string()).unwrap_or_default(),
            c.period.map(|p| p.to.to_string()).unwrap_or_default(),
            c.quote.clone(),
            c.span[0].to_string(),
            c.span[1].to_string(),
            self.title.clone().unwrap_or_default(),
            self.url.clone().unwrap_or_default(),
            self.publisher.clone().unwrap_or_default(),
            self.published.clone().unwrap_or_default(),
            self.doc_type.clone(),
            c.figure(),
        ]
    }
}

impl AvhoppIndex {
    /// Parses a user's query as `search` does; a refused query is a [`QueryError`].
    pub fn parse_user_query(&self, query: &str) -> Result<Box<dyn Query>> {
        let f = self.fields;
        // `text` holds the title too (see `Ingester::add`).
        let parser = QueryParser::new(self.index.schema(), vec![f.body], query_tokenizers());
        parser
            .parse_query(&expand_query(query))
            .map_err(|e| QueryError(describe_query_error(query, &e)).into())
    }

    /// Like [`AvhoppIndex::search`], with an offset for paging, the total number of matches,
    /// an optional document type, and an empty query matching every document (newest first).
    pub fn search_page(
        &self,
        req: &SearchRequest,
        doc_type: Option<crate::document::DocType>,
        offset: usize,
    ) -> Result<SearchPage> {
        self.search_with(req, doc_type, offset, true)
    }

    /// [`AvhoppIndex::search_page`]; `total` is counted only when `count` is set (0 otherwise).
    fn search_with(
        &self,
        req: &SearchRequest,
        doc_type: Option<crate::document::DocType>,
        offset: usize,
        count: bool,
    ) -> Result<SearchPage> {
        let f = self.fields;
        let empty = req.query.trim().is_empty();
        let user_query: Box<dyn Query> = if empty {
            Box::new(AllQuery)
        } else {
            self.parse_user_query(&req.query)?
        };
        // Only documents have a title, text or publisher: a query of words in those fields
        // needs no `record:doc` clause, and without it (and without filters) Tantivy can
        // prune the top 10 with block-max WAND instead of scoring every match.
        let mut only_doc_fields = true;
        let mut any_term = false;
        user_query.query_terms(&mut |term, _| {
            any_term = true;
            only_doc_fields &= [f.title, f.body, f.publisher].contains(&term.field());
        });
        // Phrases are answered from word pairs where they can be; snippets still look for
        // the words.
        let search_query = if word_pairs::can_rewrite(&expand_query(&req.query)) {
            word_pairs::rewrite(&*user_query, f.body, &common_words())
        } else {
            user_query.box_clone()
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, search_query)];
        if empty || !any_term || !only_doc_fields {
            clauses.push((Occur::Must, term_query(f.record, "doc")));
        }
        if let Some(m) = req.municipality {
            clauses.push((
                Occur::Must,
                term_query(f.municipality, &m.name.to_lowercase()),
            ));
        }
        if let Some(k) = req.kind {
            clauses.push((Occur::Must, term_query(f.kind, k.as_str())));
        }
        if let Some(t) = doc_type {
            clauses.push((Occur::Must, term_query(f.doc_type, t.as_str())));
        }
        if req.from.is_some() || req.to.is_some() {
            clauses.push((Occur::Must, date_range(f.published, req.from, req.to)));
        }
        let query: Box<dyn Query> = if clauses.len() == 1 {
            clauses.pop().expect("one clause").1
        } else {
            Box::new(BooleanQuery::new(clauses))
        };
        // A union that filters or other words narrow down is seeked, not read whole.
        let query = seek_unions_in_intersections(&*query);
        let searcher = self.reader.searcher();
        let total = if count {
            searcher.search(&query, &tantivy::collector::Count)?
        } else {
            0
        };
        let limit = req.limit.max(1);
        let addrs: Vec<(f32, tantivy::DocAddress)> = if empty {
            // Every document scores the same: newest first reads best.
            let mut all: Vec<(Option<String>, String, tantivy::DocAddress)> = Vec::new();
            for addr in searcher.search(&query, &DocSetCollector)? {
                let doc: TantivyDocument = searcher.doc(addr)?;
                all.push((
                    Self::first_str(&doc, f.published_text),
                    Self::first_str(&doc, f.path).unwrap_or_default(),
                    addr,
                ));
            }
            all.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            all.into_iter()
                .skip(offset)
                .take(limit)
                .map(|(_, _, a)| (1.0, a))
                .collect()
        } else {
            searcher.search(
                &query,
                &TopDocs::with_limit(limit)
                    .and_offset(offset)
                    .order_by_score(),
            )?
        };
        let mut snippets = snippet_generator(&searcher, &*user_query, f.body)?;
        snippets.set_max_num_chars(240);
        let mut hits = Vec::with_capacity(addrs.len());
        for (score, addr) in addrs {
            let doc: TantivyDocument = searcher.doc(addr)?;
            // From the text alone (its second value, the title, is shown above it); the
            // text's beginning when the query matched the title only, or nothing.
            let body = Self::first_str(&doc, f.body).unwrap_or_default();
            let snippet = (!empty).then(|| snippets.snippet(&body));
            let (fragment, highlights) = match snippet {
                Some(s) if !s.fragment().is_empty() => (
                    s.fragment().to_string(),
                    s.highlighted().iter().map(|r| (r.start, r.end)).collect(),
                ),
                _ => {
                    let mut end = body.len().min(240);
                    while !body.is_char_boundary(end) {
                        end -= 1;
                    }
                    (body[..end].to_string(), Vec::new())
                }
            };
            hits.push(Hit {
                score,
                path: Self::first_str(&doc, f.path).unwrap_or_default(),
                title: Self::first_str(&doc, f.title),
                url: Self::first_str(&doc, f.url),
                publisher: Self::first_str(&doc, f.publisher),
                published: Self::first_str(&doc, f.published_text),
                doc_type: Self::first_str(&doc, f.doc_type).unwrap_or_default(),
                municipalities: doc
                    .get_all(f.municipality)
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
                snippet: fragment,
                highlights,
            });
        }
        Ok(SearchPage {
            total,
            offset,
            hits,
        })
    }

    /// The indexed document stored under `path` (as [`Hit::path`] gives it), with its text
    /// and claims; `None` when no document has that path.
    pub fn document(&self, path: &str) -> Result<Option<DocRecord>> {
        let f = self.fields;
        let searcher = self.reader.searcher();
        let q = BooleanQuery::new(vec![
            (Occur::Must, term_query(f.path, path)),
            (Occur::Must, term_query(f.record, "doc")),
        ]);
        let top = look_up(&searcher, &q, &TopDocs::with_limit(1).order_by_score())?;
        let Some((_, addr)) = top.first() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(*addr)?;
        let claims_q = BooleanQuery::new(vec![
            (Occur::Must, term_query(f.path, path)),
            (Occur::Must, term_query(f.record, "claim")),
        ]);
        let mut claims = Vec::new();
        for a in searcher.search(&claims_q, &DocSetCollector)? {
            let d: TantivyDocument = searcher.doc(a)?;
            let json = Self::first_str(&d, f.claim_json).unwrap_or_default();
            let rec: ClaimRecord = serde_json::from_str(&json)
                .context("a stored claim is unreadable; rebuild the index")?;
            claims.push(rec);
        }
        claims.sort_by(|a, b| {
            (a.claim.span, a.claim.kind)
                .cmp(&(b.claim.span, b.claim.kind))
                .then(
                    a.claim
                        .value
                        .partial_cmp(&b.claim.value)
                        .unwrap_or(std::cmp::Ordering::Equal),
                )
        });
        Ok(Some(DocRecord {
            path: Self::first_str(&doc, f.path).unwrap_or_default(),
            title: Self::first_str(&doc, f.title),
            url: Self::first_str(&doc, f.url),
            publisher: Self::first_str(&doc, f.publisher),
            published: Self::first_str(&doc, f.published_text),
            doc_type: Self::first_str(&doc, f.doc_type).unwrap_or_default(),
            lang: Self::first_str(&doc, f.lang),
            municipalities: doc
                .get_all(f.municipality)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            text: Self::first_str(&doc, f.body).unwrap_or_default(),
            claims,
        }))
    }
}
