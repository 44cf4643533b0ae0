//! Criterion micro-benchmarks: `cargo bench --bench micro` (under two minutes).
//!
//! Small inputs, one function each, throughput in bytes so criterion prints MB/s:
//! - `claims`: `claims::extract` on a claim-dense paragraph and on a claim-free news paragraph
//!   (the second costs the literal prefilter only);
//! - `numerals`: `numerals::scan` on a sentence full of figures and on the news paragraph;
//! - `sentences`: the paragraph and sentence splitter on a seed document;
//! - `tokenizer`: the Swedish analyzer the index uses for text fields;
//! - `typography`: what every document read costs for soft hyphens, ligatures and NFC (a
//!   seed, which has none of them), and for wrapped plain text (the seed, not wrapped, and
//!   the seed wrapped at 72 characters).
//!
//! The text-wide figures per kind of text are in `benches/claims.rs`.

use avhopp::claims::{self, numerals, text, DocContext};
use avhopp::dates::PubDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer, TokenStream,
};

// As the binary allocates (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A paragraph as local news writes about a social services office: several claims.
const CLAIM_DENSE: &str = "Sedan i våras har 14 av 30 socialsekreterare på barn- och \
familjeenheten i Eslöv sagt upp sig. Just nu är nio socialsekreterartjänster obesatta, och \
varje handläggare har i dag runt 45 ärenden. Förra året kostade konsulterna nämnden 12 \
miljoner kronor, och sjukfrånvaron bland medarbetarna ligger på 11 procent. Ivo granskade 30 \
utredningar och fann brister i 22 av dem.";

/// A paragraph of general news, with figures but no claim.
const CLAIM_FREE: &str = "Natten mot lördag drog stormen in över västkusten med vindbyar på \
upp emot 30 meter per sekund. Omkring 12 000 hushåll i Västra Götaland var på morgonen utan \
ström, enligt elbolaget. Tågtrafiken mellan Göteborg och Oslo ställdes in och flera färjor \
blev kvar i hamn. SMHI har utfärdat en orange varning för fortsatt hårda vindar under \
söndagen, och polisen uppmanar bilister att undvika onödiga resor.";

/// A sentence with every kind of figure the numeral scanner knows.
const FIGURES: &str = "Drygt hälften av de 40–45 anställda, cirka tio till tolv personer, \
har slutat sedan 2021, och underskottet väntas landa på 33,5 miljoner kronor, nära 30 procent \
mer än i fjol.";

fn ctx() -> DocContext {
    DocContext {
        doc: "bench".into(),
        published: PubDate::parse("2021-09-03"),
        municipality: None,
        title: None,
    }
}

/// The longest shipped seed document: a real article's text with headline, lead and body.
fn seed_document() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/seeds");
    std::fs::read_dir(dir)
        .expect("corpus/seeds")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| std::fs::read_to_string(e.path()).expect("seed text"))
        .max_by_key(String::len)
        .expect("a seed text")
}

fn claims(c: &mut Criterion) {
    let ctx = ctx();
    assert!(
        claims::extract(CLAIM_DENSE, &ctx).len() >= 5,
        "the dense paragraph lost its claims"
    );
    assert!(
        claims::extract(CLAIM_FREE, &ctx).is_empty(),
        "the news paragraph gave a claim"
    );
    let mut g = c.benchmark_group("claims");
    for (name, text) in [
        ("extract/claim-dense", CLAIM_DENSE),
        ("extract/claim-free", CLAIM_FREE),
    ] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| b.iter(|| claims::extract(black_box(text), &ctx)));
    }
    g.throughput(Throughput::Bytes(CLAIM_FREE.len() as u64));
    g.bench_function("extract_without_prefilter/claim-free", |b| {
        b.iter(|| claims::extract_without_prefilter(black_box(CLAIM_FREE), &ctx))
    });
    g.finish();
}

fn numerals(c: &mut Criterion) {
    let mut g = c.benchmark_group("numerals");
    for (name, text) in [("scan/figures", FIGURES), ("scan/news", CLAIM_FREE)] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| b.iter(|| numerals::scan(black_box(text))));
    }
    g.finish();
}

fn sentences(c: &mut Criterion) {
    let doc = seed_document();
    let mut g = c.benchmark_group("sentences");
    g.throughput(Throughput::Bytes(doc.len() as u64));
    g.bench_function("paragraphs+sentences/seed", |b| {
        b.iter(|| {
            let d = black_box(doc.as_str());
            text::sentences(d, &text::paragraphs(d))
        })
    });
    g.finish();
}

fn tokenizer(c: &mut Criterion) {
    // Tantivy's filters as they are, each word lower-cased and stemmed every time.
    let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(60))
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::Swedish))
        .build();
    let doc = seed_document();
    let mut g = c.benchmark_group("tokenizer");
    g.throughput(Throughput::Bytes(doc.len() as u64));
    let mut run = |name: &str, analyzer: &mut TextAnalyzer| {
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut stream = analyzer.token_stream(black_box(&doc));
                let mut n = 0usize;
                while stream.advance() {
                    n += stream.token().text.len();
                }
                n
            })
        });
    };
    run("lower-case+stem/seed", &mut plain);
    // The index's own: word forms remembered (`word_forms`), and with the word pairs.
    run("sv/seed", &mut avhopp::index::swedish_analyzer());
    run("sv_text/seed", &mut avhopp::index::text_analyzer());
    g.finish();
}

fn typography(c: &mut Criterion) {
    use avhopp::typography;
    let doc = seed_document();
    // The seed wrapped greedily at 72 characters, as `fmt` wraps.
    let options = textwrap::Options::new(72).break_words(false);
    let wrapped: String = doc
        .lines()
        .map(|line| textwrap::fill(line, &options) + "\n")
        .collect();
    assert!(typography::unwrap_lines(&wrapped).is_some());
    let mut g = c.benchmark_group("typography");
    g.throughput(Throughput::Bytes(doc.len() as u64));
    g.bench_function("clean/seed", |b| {
        b.iter_batched(
            || doc.clone(),
            |d| typography::clean(black_box(d)),
            criterion::BatchSize::SmallInput,
        )
    });
    g.bench_function("unwrap_lines/seed", |b| {
        b.iter(|| typography::unwrap_lines(black_box(&doc)))
    });
    g.throughput(Throughput::Bytes(wrapped.len() as u64));
    g.bench_function("unwrap_lines/seed-wrapped-72", |b| {
        b.iter(|| typography::unwrap_lines(black_box(&wrapped)))
    });
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30)
}

criterion_group! {
    name = micro;
    config = config();
    targets = claims, numerals, sentences, tokenizer, typography
}
criterion_main!(micro);
