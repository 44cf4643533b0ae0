//! Claim extraction speed, per core: `cargo bench --bench claims`.
//!
//! Runs the extractor over the shipped corpus's texts, repeated to about 20 MB (`AVHOPP_BENCH_MB` changes it), single
//! threaded, and prints MB/s for the whole claim stage and for its parts (sentences,
//! numerals, municipality mentions). The median of five runs is reported. Figures go in
//! BENCHMARKS.md with the machine they were measured on.

use avhopp::claims::{self, numerals, text, DocContext};
use avhopp::dates::PubDate;
use avhopp::geo;
use std::time::Instant;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    xs[xs.len() / 2]
}

fn measure(name: &str, docs: &[String], mut f: impl FnMut(&str) -> usize) {
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut rates = Vec::new();
    let mut found = 0;
    for _ in 0..5 {
        let start = Instant::now();
        found = docs.iter().map(|d| f(d)).sum();
        rates.push(bytes as f64 / 1e6 / start.elapsed().as_secs_f64());
    }
    println!(
        "{name:<28} {:>8.1} MB/s   ({found} items in {:.1} MB)",
        median(rates),
        bytes as f64 / 1e6
    );
}

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/seeds");
    let mut seeds: Vec<String> = std::fs::read_dir(dir)
        .expect("corpus/seeds")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| std::fs::read_to_string(e.path()).expect("seed text"))
        .collect();
    seeds.sort();
    let seed_bytes: usize = seeds.iter().map(String::len).sum();
    // AVHOPP_BENCH_MB sets the size of the text (default 20 MB).
    let megabytes: usize = std::env::var("AVHOPP_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let copies = megabytes * 1_000_000 / seed_bytes + 1;
    let docs: Vec<String> = (0..copies).flat_map(|_| seeds.iter().cloned()).collect();
    let ctx = DocContext {
        doc: "bench".into(),
        published: PubDate::parse("2021-09-03"),
        municipality: None,
    };
    measure("claims::extract", &docs, |d| claims::extract(d, &ctx).len());
    measure("sentences", &docs, |d| {
        text::sentences(d, &text::paragraphs(d)).len()
    });
    measure("numerals::scan (per line)", &docs, |d| {
        d.lines().map(|l| numerals::scan(l).len()).sum()
    });
    measure("geo::find_mentions", &docs, |d| geo::find_mentions(d).len());
}
