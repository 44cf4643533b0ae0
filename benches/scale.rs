//! End-to-end scale benchmark: `cargo bench --bench scale -- 10000` (documents).
//!
//! Writes N *synthetic* Swedish documents (clearly marked as such, never shipped as corpus),
//! deterministically from a fixed seed: half HTML article pages with navigation, cookie
//! banner and footer, half plain text; every document has filler paragraphs and about a third
//! carry one or two claim phrasings the extractors know, over the 290 municipalities and
//! dates 2010–2026. Then it measures, on this machine:
//!
//! - ingest end to end (read, parse, language, claims, index): documents/s, MB/s, peak RSS;
//! - index size per document;
//! - search latency p50/p99 for a term, a phrase, and a boolean query with municipality and
//!   date filters;
//! - the timeline over all claims;
//! - side by side, on the same documents: ripgrep over the files for the same term (what a
//!   journalist does today; skipped when `rg` is not installed) and SQLite FTS5 (python3's
//!   sqlite3, `benches/fts5.py`) building an index of the same extracted texts and running
//!   the same queries; its build twice, as sqlite3 makes it by default (durable: a rollback
//!   journal and synchronous=FULL, as avhopp's commits are synced) and with both turned off,
//!   each beside avhopp's build from the same texts as a ratio.
//!
//! Figures go in BENCHMARKS.md with the command and machine. Keep N large runs out of CI.
//! `AVHOPP_BENCH_NO_BASELINES=1` leaves out ripgrep and FTS5.
//!
//! `cargo test` runs the same 10 000 documents as a smoke test, in the test profile and with
//! two repetitions of each timed step (about 17 s): the generator writes the same documents
//! twice; every document is ingested; the extractors find each claim phrasing the generator
//! placed; each query finds documents, and those of the filtered one match its filters; the
//! timeline's counts match the claims, listed or counted; FTS5's queries find documents
//! too; and the build from the texts reads every document. Its timings measure nothing.
//!
//! `AVHOPP_BENCH_DIR=path` keeps the corpus and the index in `path/N/` instead of a
//! temporary folder; a later run with the same N finds them there and only times the
//! queries, the timeline and the baselines (FTS5's database is kept too), so that query
//! figures can be the median of several runs. Delete the folder to measure ingest again.
//!
//! `AVHOPP_BENCH_TEXTS=texts.jsonl` (the texts FTS5 builds from, one `{path, text}` a line)
//! runs only avhopp's build from those texts and prints its time; with
//! `AVHOPP_BENCH_INDEX_ONLY=1` that build leaves out the analysis (language, municipalities,
//! claims) and makes the index alone, as FTS5 does.
//! `AVHOPP_BENCH_PHASES=1` also prints when that build added its first document and when it
//! had handed the writer its last, with the CPU time used by then (tantivy's indexing threads
//! may still be behind; the build's own line gives when the final commit was done).

use avhopp::document::{self, Defaults};
use avhopp::geo;
use avhopp::index::{AvhoppIndex, ClaimFilter, SearchRequest};
use avhopp::timeline::{self, Bucket};
use std::fmt::Write as _;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

// As the binary allocates (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const FILLER: &[&str] = &[
    "Kommunstyrelsen sammanträdde på tisdagen och diskuterade bland annat den nya översiktsplanen.",
    "Enligt förvaltningen pågår arbetet med att ta fram en ny handlingsplan för det förebyggande arbetet.",
    "Flera föräldrar har hört av sig till tidningen och uttryckt oro över situationen.",
    "Politikerna i oppositionen kräver nu svar från den styrande majoriteten.",
    "Verksamheten har under lång tid haft svårt att rekrytera erfaren personal.",
    "Nämnden ska återkomma med en redovisning till fullmäktige efter sommaren.",
    "Det framgår av handlingar som tidningen har tagit del av.",
    "Facket menar att arbetsmiljön har försämrats de senaste åren.",
    "Socialchefen vill inte kommentera enskilda ärenden men säger att man ser allvarligt på kritiken.",
    "På mötet fanns också representanter för brukarorganisationerna.",
    "Kommunen har tagit fram ett nytt introduktionsprogram för nyanställda.",
    "Frågan väcktes först i en motion från Vänsterpartiet.",
];

/// Claim phrasings with slots: {n} {m} {y} {M} (number, smaller number, year, municipality).
const CLAIMS: &[&str] = &[
    "I {M} har {m} av {n} socialsekreterare sagt upp sig under {y}.",
    "Varje socialsekreterare i {M} har i dag {m}–{n} ärenden.",
    "Det saknas {m} socialsekreterare på barn- och ungdomsenheten i {M}.",
    "Socialnämnden i {M} redovisar ett underskott på {n} miljoner kronor för {y}.",
    "Antalet orosanmälningar i {M} har ökat med {n} procent sedan {y}.",
    "{M} kommun har hyrt in {m} socionomkonsulter under {y}.",
    "IVO konstaterar att i {m} av {n} granskade utredningar i {M} saknades en riskbedömning.",
    "Sjukfrånvaron bland socialsekreterarna i {M} var {m} procent {y}.",
];

fn paragraph(rng: &mut Rng) -> String {
    let mut p = String::new();
    for _ in 0..2 + rng.below(3) {
        p.push_str(rng.pick(FILLER));
        p.push(' ');
    }
    p.trim_end().to_string()
}

fn claim(rng: &mut Rng, municipalities: &[&str]) -> String {
    let n = 20 + rng.below(60);
    let m = 2 + rng.below(n / 2);
    let y = 2010 + rng.below(17);
    rng.pick(CLAIMS)
        .replace("{n}", &n.to_string())
        .replace("{m}", &m.to_string())
        .replace("{y}", &y.to_string())
        .replace("{M}", municipalities[rng.below(municipalities.len())])
}

/// What [`write_corpus`] wrote.
struct Written {
    bytes: u64,
    /// Claim phrasings placed in the documents (each is one claim the extractors know).
    claims: usize,
    /// A hash of every file's name and content, in order: the same for the same N on every
    /// run (the generator is deterministic).
    fingerprint: u64,
}

fn write_corpus(dir: &Path, n: usize) -> Written {
    use std::hash::{Hash, Hasher};
    let municipalities: Vec<&str> = geo::all().iter().map(|m| m.name).collect();
    let mut rng = Rng(0x5eed_a7b0_9900_0001);
    let mut written = Written {
        bytes: 0,
        claims: 0,
        fingerprint: 0,
    };
    // SipHash with fixed keys: the same hash on every run.
    let mut hasher = std::hash::DefaultHasher::new();
    for i in 0..n {
        let mut body = Vec::new();
        for _ in 0..4 + rng.below(8) {
            body.push(paragraph(&mut rng));
        }
        if rng.below(3) == 0 {
            let at = rng.below(body.len());
            body.insert(at, claim(&mut rng, &municipalities));
            written.claims += 1;
            if rng.below(2) == 0 {
                body.push(claim(&mut rng, &municipalities));
                written.claims += 1;
            }
        }
        let title = format!(
            "SYNTETISK artikel {i}: {}",
            municipalities[rng.below(municipalities.len())]
        );
        let date = format!(
            "{}-{:02}-{:02}",
            2010 + rng.below(17),
            1 + rng.below(12),
            1 + rng.below(28)
        );
        let sub = dir.join(format!("{:03}", i / 1000));
        std::fs::create_dir_all(&sub).unwrap();
        let (name, content) = if i % 2 == 0 {
            let mut html = String::new();
            let _ = write!(
                html,
                "<!doctype html><html lang=\"sv\"><head><title>{title} | Syntetbladet</title>\
                 <meta property=\"og:site_name\" content=\"Syntetbladet (syntetisk)\">\
                 <meta property=\"article:published_time\" content=\"{date}T08:00:00+01:00\"></head><body>\
                 <header><nav><a href=\"/\">Start</a> <a href=\"/nyheter\">Nyheter</a> <a href=\"/sport\">Sport</a> <a href=\"/kultur\">Kultur</a></nav></header>\
                 <div class=\"cookie-banner\">Vi använder kakor för att ge dig en bättre upplevelse. Godkänn alla.</div>\
                 <article><h1>{title}</h1>"
            );
            for p in &body {
                let _ = write!(html, "<p>{p}</p>");
            }
            let _ = write!(
                html,
                "</article><aside class=\"related\"><h2>Mest läst</h2><ul><li><a href=\"/a\">Annan nyhet</a></li><li><a href=\"/b\">Tredje nyheten</a></li></ul></aside>\
                 <footer>© Syntetbladet. Ansvarig utgivare: Ingen. Detta dokument är syntetiskt.</footer></body></html>"
            );
            (format!("{i:07}.html"), html)
        } else {
            (
                format!("{i:07}.txt"),
                format!("{title}\n\nPublicerad {date}\n\n{}\n", body.join("\n\n")),
            )
        };
        written.bytes += content.len() as u64;
        (&name, &content).hash(&mut hasher);
        std::fs::write(sub.join(name), content).unwrap();
    }
    written.fingerprint = hasher.finish();
    written
}

/// A field of `/proc/self/status` ("VmHWM", "RssAnon", "RssFile"), in MB, from `status`
/// (the file as read).
fn status_mb(status: &str, field: &str) -> f64 {
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|l| l.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn read_status() -> String {
    std::fs::read_to_string("/proc/self/status").unwrap_or_default()
}

/// The largest anonymous and file-backed resident memory seen while it ran, sampled every
/// 10 ms. The kernel keeps a peak (VmHWM) only of the two together, and the file-backed part
/// is mostly the index's own files, mapped by tantivy while it merges and searches (and the
/// program's code): pages the kernel can drop at any time, unlike the memory the ingest
/// holds.
struct RssSampler {
    stop: Arc<AtomicBool>,
    thread: std::thread::JoinHandle<(f64, f64)>,
}

impl RssSampler {
    fn start() -> RssSampler {
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let thread = std::thread::spawn(move || {
            let (mut anon, mut file) = (0f64, 0f64);
            while !stopped.load(Ordering::Relaxed) {
                let status = read_status();
                anon = anon.max(status_mb(&status, "RssAnon"));
                file = file.max(status_mb(&status, "RssFile"));
                std::thread::sleep(Duration::from_millis(10));
            }
            (anon, file)
        });
        RssSampler { stop, thread }
    }

    /// The peaks: anonymous, file-backed (MB).
    fn finish(self) -> (f64, f64) {
        self.stop.store(true, Ordering::Relaxed);
        self.thread.join().unwrap()
    }
}

fn dir_size(p: &Path) -> u64 {
    walkdir::WalkDir::new(p)
        .into_iter()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// Median wall time of `runs` runs of a command, in ms; None when it cannot run.
fn time_command(runs: usize, cmd: &mut dyn FnMut() -> std::process::Command) -> Option<f64> {
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let out = cmd().output().ok()?;
        if !out.status.success() && out.status.code() != Some(1) {
            return None;
        }
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    Some(percentile(&times, 0.5))
}

fn main() {
    // Only the build from a texts file (one JSON object with `path` and `text` a line, as
    // written for FTS5 below): for profiling that build alone, or for timing it in rounds
    // beside `benches/fts5.py --build-only` (`AVHOPP_BENCH_INDEX_ONLY`: see there).
    if let Some(texts) = std::env::var_os("AVHOPP_BENCH_TEXTS") {
        build_from_texts(Path::new(&texts));
        return;
    }
    // `cargo bench` passes `--bench`. `cargo test` runs this target too (`test = true` in
    // Cargo.toml), without it: then a smoke run, in the test profile, whose checks below
    // are its test (CI runs it; its figures measure nothing).
    let smoke = !std::env::args().any(|a| a == "--bench");
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    // Repetitions of a timed query: a few in a smoke run.
    let reps = |full: usize| if smoke { 2 } else { full };
    let tmp = tempfile::TempDir::new().unwrap();
    let kept = std::env::var_os("AVHOPP_BENCH_DIR").map(|d| Path::new(&d).join(n.to_string()));
    let base = kept.clone().unwrap_or_else(|| tmp.path().to_path_buf());
    let corpus = base.join("corpus");
    let index_dir = base.join("index");
    // A kept corpus is complete only once its index was committed (the marker is written last).
    let done = base.join("ingested");
    let mut ingested_claims = None;
    // An index this avhopp cannot open (another schema version) is built again, corpus and all.
    if kept.is_some() && done.exists() && AvhoppIndex::open(&index_dir).is_ok() {
        println!(
            "reusing {n} documents and their index in {} (delete it to measure ingest)",
            base.display()
        );
    } else {
        let _ = std::fs::remove_file(&done);
        let _ = std::fs::remove_dir_all(&corpus);
        let _ = std::fs::remove_dir_all(&index_dir);
        let _ = std::fs::remove_file(base.join("fts.db"));
        let start = Instant::now();
        let written = write_corpus(&corpus, n);
        let bytes = written.bytes;
        println!(
            "generated {n} synthetic documents, {:.1} MB, in {:.1} s",
            bytes as f64 / 1e6,
            start.elapsed().as_secs_f64()
        );
        if smoke {
            let again = tempfile::TempDir::new().unwrap();
            assert_eq!(
                write_corpus(again.path(), n).fingerprint,
                written.fingerprint,
                "the generator wrote other documents the second time"
            );
        }
        let index = AvhoppIndex::open_or_create(&index_dir).unwrap();
        let start = Instant::now();
        let sampler = RssSampler::start();
        let summary = avhopp::ingest::run(
            &index,
            std::slice::from_ref(&corpus),
            &Defaults::default(),
            false,
            |l| eprintln!("{l}"),
        )
        .unwrap();
        let secs = start.elapsed().as_secs_f64();
        let (anon, file) = sampler.finish();
        println!(
            "ingest: {:.0} documents/s, {:.2} MB/s, {:.1} s; {}; peak RSS {:.0} MB (sampled peaks: anonymous {anon:.0} MB, file-backed {file:.0} MB)",
            n as f64 / secs,
            bytes as f64 / 1e6 / secs,
            secs,
            summary.line(),
            status_mb(&read_status(), "VmHWM")
        );
        // Every document is read and Swedish, and the extractors find the claims the
        // generator placed: each phrasing is one claim, merged only where a document
        // happens to repeat one with the same figures.
        assert_eq!(
            (
                summary.added,
                summary.failed,
                summary.skipped,
                summary.not_swedish
            ),
            (n, 0, 0, 0),
            "{}",
            summary.line()
        );
        println!(
            "claims: {} found, {} phrasings placed",
            summary.claims, written.claims
        );
        assert!(
            summary.claims <= written.claims && summary.claims * 100 >= written.claims * 98,
            "{} claims found of {} placed",
            summary.claims,
            written.claims
        );
        ingested_claims = Some(summary.claims);
        std::fs::write(&done, "").unwrap();
    }
    let size = dir_size(&index_dir);
    println!(
        "index size: {:.1} MB, {:.0} bytes per document",
        size as f64 / 1e6,
        size as f64 / n as f64
    );

    let index = AvhoppIndex::open(&index_dir).unwrap();
    let stockholm = geo::lookup("Stockholm");
    let queries: [(&str, SearchRequest); 3] = [
        (
            "term",
            SearchRequest {
                query: "socialsekreterare".into(),
                municipality: None,
                kind: None,
                from: None,
                to: None,
                limit: 10,
            },
        ),
        (
            "phrase",
            SearchRequest {
                query: "\"sagt upp sig\"".into(),
                municipality: None,
                kind: None,
                from: None,
                to: None,
                limit: 10,
            },
        ),
        (
            "boolean + filters",
            SearchRequest {
                query: "socialsekreterare AND (ärenden OR underskott) AND NOT motion".into(),
                municipality: stockholm,
                kind: None,
                from: chrono::NaiveDate::from_ymd_opt(2015, 1, 1),
                to: chrono::NaiveDate::from_ymd_opt(2022, 12, 31),
                limit: 10,
            },
        ),
    ];
    for (name, req) in &queries {
        let mut times = Vec::new();
        let mut hits = Vec::new();
        for _ in 0..reps(200) {
            let t = Instant::now();
            hits = std::hint::black_box(index.search(req).unwrap());
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        println!("{name}: {} hits", hits.len());
        // Every query finds documents: the words and the phrase stand in the generator's
        // texts, and from 10 000 documents on (the first 10 000 of any N are the same) some
        // are in Stockholm and in the filter's years, which all hits must be.
        assert!(
            !hits.is_empty() || (req.municipality.is_some() && n < 10_000),
            "no hits for the {name} query"
        );
        for hit in &hits {
            if let Some(m) = req.municipality {
                assert!(hit.municipalities.iter().any(|h| h == m.name), "{hit:?}");
                let year = hit
                    .published
                    .as_deref()
                    .and_then(|p| p.get(..4)?.parse().ok());
                assert!(
                    year.is_some_and(|y: i32| (2015..=2022).contains(&y)),
                    "{hit:?}"
                );
            }
        }
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!(
            "search {name:<18} p50 {:.2} ms, p99 {:.2} ms",
            percentile(&times, 0.5),
            percentile(&times, 0.99)
        );
    }
    // The timeline's default over everything: counts per municipality, year and kind by
    // its fast fields (what `avhopp timeline` prints over more than a few claims).
    let all = ClaimFilter::default();
    let mut times = Vec::new();
    let mut rows = Vec::new();
    for _ in 0..reps(20) {
        let t = Instant::now();
        rows = index.claim_aggregates(&all, Bucket::Year.months()).unwrap();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let claims: u64 = rows.iter().map(|r| r.claims).sum();
    println!(
        "timeline over all claims (aggregated): {claims} claims, {} rows, median {:.1} ms, p99 {:.1} ms",
        rows.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99)
    );
    if let Some(ingested) = ingested_claims {
        assert_eq!(
            claims, ingested as u64,
            "the timeline counts every claim once"
        );
    }
    // The detail view for one municipality (every claim loaded with its provenance).
    let mut times = Vec::new();
    let mut listed = 0;
    for _ in 0..reps(20) {
        let t = Instant::now();
        listed = listed_claims(&index, stockholm);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "timeline --municipality Stockholm (every claim): {listed} claims, median {:.1} ms",
        percentile(&times, 0.5)
    );
    // The claims listed one by one are those the summary counts from fast fields, for the
    // municipality with the most claims.
    let mut per_municipality: std::collections::BTreeMap<&str, u64> = Default::default();
    for r in &rows {
        if let Some(m) = &r.municipality {
            *per_municipality.entry(m.as_str()).or_default() += r.claims;
        }
    }
    if let Some((name, &counted)) = per_municipality.iter().max_by_key(|(_, &c)| c) {
        let listed = listed_claims(&index, geo::lookup(name));
        assert_eq!(
            listed as u64, counted,
            "{name}'s claims, listed and counted"
        );
    }

    // No claim's period ends before it starts: the generator draws a document's date apart
    // from the years its text speaks of, as a wrong date on a real page would be.
    if smoke {
        let all = index.claims(&ClaimFilter::default()).unwrap();
        let inverted = all
            .iter()
            .filter(|r| r.claim.period.is_some_and(|p| p.from > p.to))
            .count();
        assert_eq!(inverted, 0, "claims whose period ends before it starts");
    }

    if std::env::var_os("AVHOPP_BENCH_NO_BASELINES").is_some() {
        return; // ripgrep and FTS5 left out (they take long at 1M)
    }

    // ripgrep: a journalist's search today, over the same files.
    let term_p50 = {
        let mut t = Vec::new();
        for _ in 0..reps(50) {
            let s = Instant::now();
            std::hint::black_box(index.search(&queries[0].1).unwrap());
            t.push(s.elapsed().as_secs_f64() * 1000.0);
        }
        t.sort_by(|a, b| a.partial_cmp(b).unwrap());
        percentile(&t, 0.5)
    };
    match time_command(3, &mut || {
        let mut c = std::process::Command::new("rg");
        c.args(["-l", "-i", "socialsekreterare"]).arg(&corpus);
        c
    }) {
        Some(ms) => println!(
            "ripgrep -l -i socialsekreterare: median {ms:.0} ms; avhopp search (p50 {term_p50:.2} ms) is {:.0}x faster",
            ms / term_p50
        ),
        None => println!("ripgrep: not installed (apt-get install ripgrep); skipped"),
    }

    // SQLite FTS5 over the same extracted texts.
    // A kept FTS5 database is reused as it is (fts5.py then only times the queries).
    let texts = base.join("texts.jsonl");
    if !base.join("fts.db").exists() {
        let mut out = String::new();
        for entry in walkdir::WalkDir::new(&corpus)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if entry.file_type().is_file() {
                let shown = entry.path().display().to_string();
                if let Ok(d) = document::read(entry.path(), &shown, &Defaults::default()) {
                    out.push_str(&serde_json::json!({"path": d.path, "text": d.text}).to_string());
                    out.push('\n');
                }
            }
        }
        std::fs::write(&texts, out).unwrap();
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/fts5.py");
    let fts5 = |flags: &[&str], db: &Path| {
        let out = std::process::Command::new("python3")
            .arg(script)
            .args(flags)
            .arg(&texts)
            .arg(db)
            .output();
        match out {
            Ok(o) if o.status.success() => Some(String::from_utf8_lossy(&o.stdout).into_owned()),
            _ => None,
        }
    };
    // The build as a user's sqlite3 makes it (durable, as avhopp's commits are), which is
    // kept and queried, and beside it the same build with syncing and the journal off.
    let mut fts_builds = Vec::new();
    if !base.join("fts.db").exists() {
        let db = base.join("fts-no-sync.db");
        let _ = std::fs::remove_file(&db); // left by a run that stopped here
        let out = fts5(&["--no-sync", "--build-only"], &db);
        let _ = std::fs::remove_file(&db);
        if let Some(out) = out {
            println!("sqlite fts5 --no-sync {}", out.trim());
            fts_builds.push(("FTS5 without sync", build_seconds(&out)));
        }
    }
    match fts5(&[], &base.join("fts.db")) {
        Some(out) => {
            for line in out.lines() {
                println!("sqlite fts5 {line}");
            }
            // Each of its three queries finds what it looks for in these texts, as
            // avhopp's do: the comparison is between searches that both find something.
            let found: Vec<(&str, u64)> = out
                .lines()
                .skip(1)
                .filter_map(|l| {
                    let w: Vec<&str> = l.split_whitespace().collect();
                    Some((*w.first()?, w.get(3)?.parse().ok()?))
                })
                .collect();
            assert_eq!(found.len(), 3, "fts5.py printed {out}");
            assert!(found.iter().all(|&(_, hits)| hits > 0), "{found:?}");
            fts_builds.insert(0, ("FTS5 durable", build_seconds(&out)));
            println!("(avhopp's ingest includes HTML parsing and claims; FTS5 indexes extracted text only)");
        }
        None => println!("sqlite fts5: python3 with sqlite3 not available; skipped"),
    }
    if texts.exists() {
        let (secs, built) = build_from_texts(&texts);
        assert_eq!(built, n, "the texts file holds every document");
        for (name, fts) in fts_builds {
            if let Some(fts) = fts {
                println!("avhopp build ÷ {name} build: {:.2}", secs / fts);
            }
        }
    }
    let _ = std::fs::remove_file(&texts); // as large as the corpus; the database keeps it
}

/// The claims `avhopp timeline --municipality` lists for `municipality`, each loaded with its
/// provenance and placed in its year: how many.
fn listed_claims(index: &AvhoppIndex, municipality: Option<&'static geo::Municipality>) -> usize {
    let filter = ClaimFilter {
        municipality,
        ..ClaimFilter::default()
    };
    timeline::build(&index.claims(&filter).unwrap(), Bucket::Year)
        .iter()
        .map(|r| r.claims.len())
        .sum()
}

/// The `build_seconds=` figure of `fts5.py`'s output (none when it reused a database).
fn build_seconds(out: &str) -> Option<f64> {
    out.split_whitespace()
        .find_map(|w| w.strip_prefix("build_seconds="))
        .and_then(|s| s.parse().ok())
}

/// A line of the texts file.
#[derive(serde::Deserialize)]
struct TextLine {
    path: String,
    text: String,
}

/// avhopp's build from the very texts FTS5 was given (language, claims, index; no reading
/// or HTML parsing), on all cores as `avhopp ingest` runs (`ingest::pipelined`: lines are
/// split off the mapped file and parsed on the analysing side), so the two builds compare
/// like with like. Prints wall time and the process's CPU time; returns the wall time and the
/// number of documents.
fn build_from_texts(texts: &Path) -> (f64, usize) {
    use avhopp::document::{Document, Format};
    let dir = tempfile::TempDir::new().unwrap();
    let index = AvhoppIndex::open_or_create(dir.path()).unwrap();
    let (wall, cpu) = (Instant::now(), process_cpu_seconds());
    let mut writer = index.writer().unwrap();
    // `AVHOPP_BENCH_PHASES=1`: when the first text was added (wall s).
    let phases = std::env::var_os("AVHOPP_BENCH_PHASES").is_some();
    let mut first_added = None;
    let file = std::fs::File::open(texts).unwrap();
    // Mapped, not read: read(2) copied the file into the process at about 350 MB/s on this
    // host, a twentieth of a 100k build's CPU time, on the thread that feeds the others.
    // SAFETY: the bench's own file, which nothing changes while it runs.
    let map = unsafe { memmap2::Mmap::map(&file) }.unwrap();
    let mut rest: &[u8] = &map;
    let chunks = std::iter::from_fn(|| {
        let mut chunk = Vec::with_capacity(avhopp::ingest::CHUNK);
        while chunk.len() < avhopp::ingest::CHUNK && !rest.is_empty() {
            let end = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
            chunk.push(&rest[..end]);
            rest = &rest[(end + 1).min(rest.len())..];
        }
        (!chunk.is_empty()).then_some(chunk)
    });
    // `AVHOPP_BENCH_INDEX_ONLY=1`: the index alone, as FTS5 builds one (no language, no
    // municipalities, no claims), to show what the analysis adds to the build.
    let index_only = std::env::var_os("AVHOPP_BENCH_INDEX_ONLY").is_some();
    let analyse = |line: &&[u8]| {
        // Checked as UTF-8 with SIMD, then parsed from a `str`, which serde_json does not
        // check again: its own check, a byte at a time, was 3 % of the build's CPU time.
        let line = simdutf8::basic::from_utf8(line).expect("the texts file is UTF-8");
        let line: TextLine = serde_json::from_str(line).unwrap();
        let doc = Document::new(&line.path, line.text, Format::Text);
        let analysis = if index_only {
            avhopp::ingest::Analysis {
                doc_id: doc.content_hash(),
                ..Default::default()
            }
        } else {
            avhopp::ingest::analyse(&doc)
        };
        (doc, analysis)
    };
    let (mut n, mut claims) = (0usize, 0usize);
    let mut last_commit = Instant::now();
    avhopp::ingest::pipelined(chunks, analyse, |_, (doc, analysis)| {
        if phases {
            first_added.get_or_insert_with(|| wall.elapsed().as_secs_f64());
        }
        writer.add(&doc, &doc.path, &analysis)?;
        n += 1;
        claims += analysis.claims.len();
        // As `avhopp ingest` commits.
        if last_commit.elapsed() >= avhopp::ingest::COMMIT_INTERVAL {
            writer.commit()?;
            last_commit = Instant::now();
        }
        Ok(())
    })
    .unwrap();
    if phases {
        println!(
            "phases: first document added {:.3} s; last handed to the writer {:.3} s ({:.2} CPU s)",
            first_added.unwrap_or(0.0),
            wall.elapsed().as_secs_f64(),
            process_cpu_seconds() - cpu
        );
    }
    writer.finish().unwrap();
    let secs = wall.elapsed().as_secs_f64();
    println!(
        "avhopp build from the same texts ({}): {n} documents, {claims} claims, {secs:.3} s ({:.0} documents/s), {:.2} CPU s",
        if index_only { "index only" } else { "language, claims, index" },
        n as f64 / secs,
        process_cpu_seconds() - cpu
    );
    (secs, n)
}

/// CPU time (user + system) of this process so far, all threads.
fn process_cpu_seconds() -> f64 {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // utime and stime, in clock ticks (100 a second on Linux), are fields 14 and 15; the
    // command name before them may hold spaces, so count from its closing parenthesis. What
    // follows it starts at field 3, the state (a letter, which the parse drops), so field k
    // is at index k - 4.
    let after = s.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = after
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    (f.get(10).copied().unwrap_or(0.0) + f.get(11).copied().unwrap_or(0.0)) / 100.0
}
