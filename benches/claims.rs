//! Claim extraction speed, per core: `cargo bench --bench claims`.
//!
//! Single threaded, median of five passes, on two kinds of text:
//!
//! 1. *claim-dense*: the shipped seed texts (`corpus/seeds`) repeated to about 20 MB
//!    (`AVHOPP_BENCH_MB` changes it); about 1 000 claims per MB, nearly every paragraph holds one;
//! 2. *news-like*: the article bodies of real Swedish news pages (Aftonbladet, Expressen) from
//!    `../shared/bench/swedish-html/fundus-se/**/*.json`, with one seed text after every
//!    [`NEWS_PER_SEED`] articles, so that a small minority of paragraphs hold a claim; repeated
//!    to the same size. Skipped with a message when `../shared` is not there.
//!
//! `AVHOPP_BENCH_TEXTS=<folder>` adds a third text: every `.txt` file under that folder, as is.
//! `AVHOPP_BENCH_ONLY=<word>` runs only the texts whose label holds that word ("dense", "mix",
//! "alone", or the folder), and `AVHOPP_BENCH_PROFILE=1` runs only `claims::extract` on them,
//! ten passes, for `perf record`.
//!
//! For each text it prints `claims::extract` and, measured in the same run, the same extraction
//! without the literal prefilter (what every sentence cost before it), and their ratio. Rates are
//! MB per second of this thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`, so that other load on
//! a shared machine does not count; wall time where that clock is missing). Then the parts alone
//! on the claim-dense text: sentences, numerals, municipality mentions. Figures go in
//! BENCHMARKS.md with the machine they were measured on.

use avhopp::claims::{self, numerals, text, DocContext};
use avhopp::dates::PubDate;
use avhopp::geo;
use std::hint::black_box;
use std::path::Path;

// As the binary allocates (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "common/mod.rs"]
mod common;
use common::{median, timed};

/// News articles per seed text in the news-like mix.
const NEWS_PER_SEED: usize = 20;

/// Median MB/s of five passes of `f` over `docs`, and what the last pass returned.
fn rate(docs: &[String], mut f: impl FnMut(&str) -> usize) -> (f64, usize) {
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut rates = Vec::new();
    let mut found = 0;
    for _ in 0..5 {
        let secs = timed(|| found = docs.iter().map(|d| f(d)).sum());
        rates.push(bytes as f64 / 1e6 / secs);
    }
    (median(rates), found)
}

fn print(name: &str, docs: &[String], (mbs, found): (f64, usize)) {
    let bytes: usize = docs.iter().map(String::len).sum();
    println!(
        "{name:<34} {mbs:>8.1} MB/s   ({found} items in {:.1} MB)",
        bytes as f64 / 1e6
    );
}

fn ctx() -> DocContext {
    DocContext {
        doc: "bench".into(),
        published: PubDate::parse("2021-09-03"),
        municipality: None,
        title: None,
    }
}

/// `docs` repeated until they hold `megabytes` MB.
fn repeat(docs: &[String], megabytes: usize) -> Vec<String> {
    let bytes: usize = docs.iter().map(String::len).sum::<usize>().max(1);
    let copies = megabytes * 1_000_000 / bytes + 1;
    (0..copies).flat_map(|_| docs.iter().cloned()).collect()
}

/// Whether `AVHOPP_BENCH_ONLY` lets the text of this label run.
fn wanted(label: &str) -> bool {
    std::env::var("AVHOPP_BENCH_ONLY").map_or(true, |w| label.contains(&w))
}

/// Extraction with and without the prefilter, interleaved pass by pass so that both see the
/// same machine load; prints both, the ratio, and how claim-dense the text is.
fn compare(label: &str, docs: &[String]) {
    if !wanted(label) {
        return;
    }
    let ctx = ctx();
    if std::env::var_os("AVHOPP_BENCH_PROFILE").is_some() {
        for _ in 0..10 {
            black_box(
                docs.iter()
                    .map(|d| claims::extract(d, &ctx).len())
                    .sum::<usize>(),
            );
        }
        println!("{label}: profiled");
        return;
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut with = Vec::new();
    let mut without = Vec::new();
    let mut claims_found = 0;
    for _ in 0..5 {
        let secs =
            timed(|| claims_found = docs.iter().map(|d| claims::extract(d, &ctx).len()).sum());
        with.push(bytes as f64 / 1e6 / secs);
        let secs = timed(|| {
            black_box(
                docs.iter()
                    .map(|d| claims::extract_without_prefilter(d, &ctx).len())
                    .sum::<usize>(),
            );
        });
        without.push(bytes as f64 / 1e6 / secs);
    }
    // The prefilter must only save time: the same claims, field for field.
    for d in docs.iter().step_by(7) {
        assert_eq!(
            claims::extract(d, &ctx),
            claims::extract_without_prefilter(d, &ctx),
            "the prefilter changed the claims of a document"
        );
    }
    let (with, without) = (median(with), median(without));
    println!(
        "{label}: {:.1} MB, {:.0} claims/MB",
        bytes as f64 / 1e6,
        claims_found as f64 / (bytes as f64 / 1e6)
    );
    println!("  {:<32} {with:>8.1} MB/s", "claims::extract");
    println!("  {:<32} {without:>8.1} MB/s", "  without the prefilter");
    println!("  {:<32} {:>8.1}x", "  speed-up", with / without);
}

/// Paragraphs in `docs`, and how many of them hold a claim.
fn paragraph_share(docs: &[String]) -> (usize, usize) {
    let ctx = ctx();
    let mut total = 0;
    let mut with_claim = 0;
    for d in docs {
        let paragraphs = text::paragraphs(d);
        let claims = claims::extract(d, &ctx);
        total += paragraphs.len();
        with_claim += paragraphs
            .iter()
            .filter(|p| {
                claims
                    .iter()
                    .any(|c| c.span[0] >= p.start && c.span[1] <= p.end)
            })
            .count();
    }
    (total, with_claim)
}

/// The article bodies of the reviewed fundus pages: title, lead, then each section's
/// headline and paragraphs, one paragraph each (as the pages' README describes).
fn news_bodies(dir: &Path) -> Vec<String> {
    let mut bodies: Vec<String> = walk(dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter_map(|s| serde_json::from_str::<serde_json::Value>(&s).ok())
        .flat_map(|v| match v {
            serde_json::Value::Object(versions) => versions.into_iter().map(|(_, v)| v).collect(),
            _ => Vec::new(),
        })
        .filter_map(|v| {
            let strings = |x: &serde_json::Value| -> Vec<String> {
                x.as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|s| s.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let body = v.get("body")?;
            let mut paragraphs: Vec<String> = v["title"]
                .as_str()
                .map(str::to_string)
                .into_iter()
                .collect();
            paragraphs.extend(strings(&body["summary"]));
            for section in body["sections"].as_array()? {
                paragraphs.extend(strings(&section["headline"]));
                paragraphs.extend(strings(&section["paragraphs"]));
            }
            Some(paragraphs.join("\n\n") + "\n")
        })
        .collect();
    bodies.sort();
    bodies.dedup(); // a page can stand in two parser versions with the same body
    bodies
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

fn main() {
    let seeds: Vec<String> = walk(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/seeds"
    )))
    .into_iter()
    .filter(|p| p.extension().is_some_and(|x| x == "txt"))
    .map(|p| std::fs::read_to_string(p).expect("seed text"))
    .collect();
    assert!(!seeds.is_empty(), "no seed texts in corpus/seeds");
    // AVHOPP_BENCH_MB sets the size of each text (default 20 MB).
    let megabytes: usize = std::env::var("AVHOPP_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);

    let dense = repeat(&seeds, megabytes);
    compare("claim-dense (seed texts repeated)", &dense);

    let fundus = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/bench/swedish-html/fundus-se"
    ));
    // Nothing of the news texts is read or extracted when none of them is to run: the
    // share of paragraphs with a claim extracts the mix once, which would count under a
    // profiler and warm the rules' caches before the text that is profiled.
    const MIX: &str = "news-like (articles + seeds)";
    const NEWS: &str = "news articles alone";
    let news_wanted = wanted(MIX) || wanted(NEWS);
    let bodies = if news_wanted {
        news_bodies(fundus)
    } else {
        Vec::new()
    };
    if news_wanted && bodies.is_empty() {
        println!(
            "news-like: skipped ({} has no article bodies)",
            fundus.display()
        );
    } else if news_wanted {
        let mut mix = Vec::new();
        for (i, seed) in seeds.iter().enumerate() {
            mix.extend(
                (0..NEWS_PER_SEED).map(|j| bodies[(i * NEWS_PER_SEED + j) % bodies.len()].clone()),
            );
            mix.push(seed.clone());
        }
        let (paragraphs, with_claim) = paragraph_share(&mix);
        println!(
            "news-like mix: {} article bodies, {NEWS_PER_SEED} articles per seed text; {with_claim} of {paragraphs} paragraphs ({:.1} %) hold a claim",
            bodies.len(),
            100.0 * with_claim as f64 / paragraphs as f64
        );
        compare(MIX, &repeat(&mix, megabytes));
        compare(NEWS, &repeat(&bodies, megabytes));
    }

    if let Ok(dir) = std::env::var("AVHOPP_BENCH_TEXTS") {
        let texts: Vec<String> = walk(Path::new(&dir))
            .into_iter()
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        compare(&format!("{dir} ({} files)", texts.len()), &texts);
    }

    if std::env::var_os("AVHOPP_BENCH_ONLY").is_some() {
        return;
    }
    println!("parts, on the claim-dense text:");
    print(
        "  sentences",
        &dense,
        rate(&dense, |d| text::sentences(d, &text::paragraphs(d)).len()),
    );
    print(
        "  numerals::scan (per line)",
        &dense,
        rate(&dense, |d| d.lines().map(|l| numerals::scan(l).len()).sum()),
    );
    print(
        "  geo::find_mentions",
        &dense,
        rate(&dense, |d| geo::find_mentions(d).len()),
    );
}
