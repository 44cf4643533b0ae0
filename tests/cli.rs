//! Drives the real `avhopp` binary on temporary indexes built from the shipped corpus.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;
use tempfile::TempDir;

mod common;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs avhopp in the project root with the index in `index`.
fn avhopp(index: &Path, args: &[&str]) -> Output {
    common::avhopp_with_index(index, args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn jsonl(o: &Output) -> Vec<Value> {
    common::json_lines(&stdout(o))
}

/// A temporary index built from the shipped corpus.
fn corpus_index() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let index = dir.path().join("index");
    let o = avhopp(&index, &["ingest", "corpus"]);
    assert!(o.status.success(), "ingest failed: {}", stderr(&o));
    (dir, index)
}

const SEED_000: &str = "corpus/seeds/000_d5f2ced145012597.txt";
const SEED_001: &str = "corpus/seeds/001_5edb500900203f56.txt";
const SEED_003: &str = "corpus/seeds/003_564abc00cade5b2b.txt";

#[test]
fn timeline_builds_the_index_on_first_use() {
    let dir = TempDir::new().unwrap();
    let index = dir.path().join("fresh-index");
    let o = avhopp(&index, &["timeline"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("building it from corpus"),
        "{}",
        stderr(&o)
    );
    assert!(index.join("avhopp.json").exists());
    let out = stdout(&o);
    for expected in [
        "Botkyrka (0127)",
        "10 of 30",
        "12 of 30",
        "Vallentuna (0115)",
        "12 of 21",
        "Stockholm (0180)",
        "(municipality not named)",
    ] {
        assert!(
            out.contains(expected),
            "timeline lacks {expected:?}:\n{out}"
        );
    }
    // The second run uses the index as it is.
    let again = avhopp(&index, &["timeline"]);
    assert!(!stderr(&again).contains("building"), "{}", stderr(&again));
    assert_eq!(stdout(&again), out);
}

#[test]
fn timeline_rows_per_municipality_and_year() {
    let (_d, index) = corpus_index();
    let rows = jsonl(&avhopp(&index, &["timeline", "--format", "jsonl"]));
    let row = |m: Option<&str>, period: &str| {
        rows.iter()
            .find(|r| r["municipality"].as_str() == m && r["period"] == period)
            .unwrap_or_else(|| panic!("no row {m:?} {period}: {rows:?}"))
    };
    let figures = |r: &Value, kind: &str| -> Vec<(f64, Option<f64>)> {
        r["claims"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["kind"] == kind)
            .map(|c| (c["value"].as_f64().unwrap(), c["of"].as_f64()))
            .collect()
    };
    let botkyrka = row(Some("Botkyrka"), "2021");
    assert_eq!(
        figures(botkyrka, "resigned"),
        vec![(10.0, Some(30.0)), (12.0, Some(30.0))]
    );
    assert_eq!(botkyrka["sources"], 2);
    assert_eq!(
        figures(row(Some("Vallentuna"), "2016"), "resigned"),
        vec![(50.0, None)]
    );
    assert_eq!(
        figures(row(Some("Vallentuna"), "2017"), "resigned"),
        vec![(12.0, Some(21.0))]
    );
    assert_eq!(
        figures(row(Some("Stockholm"), "2024"), "intent_to_quit"),
        vec![(30.0, None)]
    );
    assert!(figures(row(None, "2024"), "resigned").contains(&(21.0, None)));
    assert_eq!(
        figures(row(Some("Huddinge"), "2021"), "caseload"),
        vec![(15.0, None)]
    );
    // Municipalities with the most claims come first.
    assert_eq!(rows[0]["municipality"], "Botkyrka");

    let quarters = jsonl(&avhopp(
        &index,
        &[
            "timeline",
            "--by",
            "quarter",
            "--municipality",
            "Botkyrka",
            "--format",
            "jsonl",
        ],
    ));
    assert!(quarters.iter().all(|r| r["municipality"] == "Botkyrka"));
    assert!(
        quarters.iter().any(|r| r["period"] == "2021-Q1"),
        "{quarters:?}"
    );
}

/// Scores like ../shared/tools/score_claims.py: required gold claims matched on kind,
/// value, value_high and of; optional gold never counts against a run.
#[test]
fn seed_claims_score_against_the_gold() {
    let gold: Vec<Value> = std::fs::read_to_string(root().join("tests/fixtures/gold_seeds.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let o = avhopp(
        Path::new("unused"),
        &["extract", "--format", "jsonl", "corpus/seeds"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let predicted = jsonl(&o);
    let doc_key = |v: &Value| {
        Path::new(v["doc"].as_str().unwrap())
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    };
    let key = |v: &Value| {
        (
            v["kind"].to_string(),
            v["value"].as_f64(),
            v["value_high"].as_f64(),
            v["of"].as_f64(),
        )
    };
    let (mut tp, mut fn_, mut fp, mut muni_ok, mut period_ok, mut periods) = (0, 0, 0, 0, 0, 0);
    let mut used = vec![false; predicted.len()];
    for g in gold.iter().filter(|g| g["optional"] != true) {
        let found = predicted
            .iter()
            .enumerate()
            .position(|(i, p)| !used[i] && doc_key(p) == doc_key(g) && key(p) == key(g));
        match found {
            Some(i) => {
                used[i] = true;
                tp += 1;
                muni_ok += (predicted[i]["municipality"] == g["municipality"]) as usize;
                if g.get("period").is_some() {
                    periods += 1;
                    period_ok += (predicted[i]["period"] == g["period"]) as usize;
                }
            }
            None => fn_ += 1,
        }
    }
    for (i, p) in predicted.iter().enumerate() {
        let optional = gold
            .iter()
            .any(|g| g["optional"] == true && doc_key(g) == doc_key(p) && key(g) == key(p));
        if !used[i] && !optional {
            fp += 1;
        }
    }
    let precision = tp as f64 / (tp + fp) as f64;
    let recall = tp as f64 / (tp + fn_) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall);
    assert!(f1 >= 0.9, "F1 {f1:.3} (tp {tp}, fp {fp}, fn {fn_})");
    assert!(
        muni_ok as f64 / tp as f64 >= 0.9,
        "municipality {muni_ok}/{tp}"
    );
    assert!(
        period_ok as f64 / periods as f64 >= 0.8,
        "period {period_ok}/{periods}"
    );
}

#[test]
fn extract_prints_the_spec_records() {
    let o = avhopp(
        Path::new("unused"),
        &["extract", "--format", "jsonl", SEED_000],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let records = jsonl(&o);
    assert!(!records.is_empty());
    let text = std::fs::read_to_string(root().join(SEED_000)).unwrap();
    let keys = [
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
        "period",
        "quote",
        "span",
    ];
    for r in &records {
        let obj = r.as_object().unwrap();
        let mut got: Vec<&str> = obj.keys().map(String::as_str).collect();
        got.sort();
        let mut want = keys.to_vec();
        want.sort();
        assert_eq!(got, want);
        assert_eq!(r["doc"], SEED_000, "doc is the path as given");
        let span = r["span"].as_array().unwrap();
        let (s, e) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &text[s..e],
            r["quote"].as_str().unwrap(),
            "span points at the quote"
        );
    }
    let first = &records[0];
    assert_eq!(first["kind"], "resigned");
    assert_eq!(first["value"], 10);
    assert_eq!(first["of"], 30);
    assert_eq!(first["unit"], "people");
    assert_eq!(first["role"], "socialsekreterare");
    assert_eq!(first["municipality_code"], "0127");
    assert_eq!(first["period"]["from"], "2021-01-01");
}

#[test]
fn extract_flags_set_date_and_municipality() {
    let dir = TempDir::new().unwrap();
    let f = dir.path().join("notis.txt");
    std::fs::write(&f, "Sedan årsskiftet har sju socialsekreterare sagt upp sig.\n\nI Huddinge saknas fem handläggare.\n").unwrap();
    let o = avhopp(
        Path::new("unused"),
        &[
            "extract",
            "--format",
            "jsonl",
            "--published",
            "2023-05-10",
            "--municipality",
            "Nacka",
            f.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let r = jsonl(&o);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(
        (r[0]["kind"].as_str(), r[0]["value"].as_f64()),
        (Some("resigned"), Some(7.0))
    );
    assert_eq!(
        r[0]["municipality"], "Nacka",
        "the default applies where the text names none"
    );
    assert_eq!(r[0]["period"]["from"], "2023-01-01");
    assert_eq!(r[0]["period"]["to"], "2023-05-10");
    assert_eq!(
        r[1]["municipality"], "Huddinge",
        "the sentence's own municipality wins"
    );
}

#[test]
fn bad_files_get_one_line_and_the_rest_goes_on() {
    let dir = TempDir::new().unwrap();
    let binary = dir.path().join("bild.txt");
    std::fs::write(&binary, [0x89u8, b'P', b'N', b'G', 0, 0, 1, 2]).unwrap();
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"Tio socialsekreterare har slutat i G\xf6teborg.").unwrap();
    let missing = dir.path().join("finns-inte.txt");
    let o = avhopp(
        Path::new("unused"),
        &[
            "extract",
            "--format",
            "jsonl",
            binary.to_str().unwrap(),
            latin1.to_str().unwrap(),
            missing.to_str().unwrap(),
            SEED_003,
        ],
    );
    assert!(
        !o.status.success(),
        "a failed file makes the exit status non-zero"
    );
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "one line per bad file: {err}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("bild.txt") && l.contains("binary")),
        "{err}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("finns-inte.txt") && l.contains("no such file")),
        "{err}"
    );
    let good = jsonl(&o);
    assert!(
        good.iter()
            .any(|r| r["doc"] == SEED_003 && r["value"] == 12),
        "the good file was still read"
    );
    // A Latin-1 file is not bad: it is decoded, and its ö survives into the municipality.
    let latin1_claim = good
        .iter()
        .find(|r| r["doc"].as_str().is_some_and(|d| d.ends_with("latin1.txt")))
        .unwrap_or_else(|| panic!("no claim from the Latin-1 file: {good:?}"));
    assert_eq!(latin1_claim["kind"], "resigned");
    assert_eq!(latin1_claim["value"], 10);
    assert_eq!(latin1_claim["municipality"], "Göteborg");
    assert_eq!(
        latin1_claim["quote"],
        "Tio socialsekreterare har slutat i Göteborg."
    );
}

#[test]
fn ingest_twice_does_not_duplicate() {
    let (_d, index) = corpus_index();
    let before = jsonl(&avhopp(&index, &["claims", "--format", "jsonl"])).len();
    assert!(before >= 14, "{before} claims");
    let o = avhopp(&index, &["ingest", "corpus"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("0 documents added, 0 updated, 5 unchanged"),
        "{}",
        stdout(&o)
    );
    // The crawl's source list is no document; the summary says which file it skipped.
    assert!(
        stdout(&o).contains("; 1 skipped (not a document type: sources.toml);"),
        "{}",
        stdout(&o)
    );
    // A file named on its own, by a roundabout path, is the file the folder's walk found
    // (the folder's files are keyed by the folder's canonical path, a lone file by its own).
    let roundabout = format!("corpus/seeds/../{}", SEED_000.trim_start_matches("corpus/"));
    let o = avhopp(&index, &["ingest", &roundabout]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("0 documents added, 0 updated, 1 unchanged"),
        "{}",
        stdout(&o)
    );
    assert_eq!(
        jsonl(&avhopp(&index, &["claims", "--format", "jsonl"])).len(),
        before
    );
    let hits = jsonl(&avhopp(
        &index,
        &[
            "search",
            "socialsekreterare",
            "--limit",
            "50",
            "--format",
            "jsonl",
        ],
    ));
    assert_eq!(hits.len(), 5, "each document once");
}

#[test]
fn a_copy_under_another_name_is_one_document_and_a_changed_file_is_replaced() {
    let (dir, index) = corpus_index();
    let copy = dir.path().join("kopia.txt");
    std::fs::copy(root().join(SEED_003), &copy).unwrap();
    let o = avhopp(&index, &["ingest", copy.to_str().unwrap()]);
    assert!(stdout(&o).contains("1 duplicates"), "{}", stdout(&o));
    let own = dir.path().join("egen.txt");
    std::fs::write(&own, "I Kiruna har tre socialsekreterare sagt upp sig.").unwrap();
    avhopp(&index, &["ingest", own.to_str().unwrap()]);
    std::fs::write(&own, "I Kiruna har fyra socialsekreterare sagt upp sig.").unwrap();
    let o = avhopp(&index, &["ingest", own.to_str().unwrap()]);
    assert!(stdout(&o).contains("1 updated"), "{}", stdout(&o));
    let kiruna = jsonl(&avhopp(
        &index,
        &["claims", "--municipality", "Kiruna", "--format", "jsonl"],
    ));
    assert_eq!(kiruna.len(), 1, "{kiruna:?}");
    assert_eq!(kiruna[0]["value"], 4);
}

#[test]
fn search_finds_resignations_in_all_their_forms() {
    let (_d, index) = corpus_index();
    let hits = jsonl(&avhopp(
        &index,
        &["search", "uppsägning", "--format", "jsonl"],
    ));
    let paths: Vec<&str> = hits.iter().map(|h| h["path"].as_str().unwrap()).collect();
    assert!(paths.contains(&SEED_000), "\"uppsägningar\": {paths:?}");
    assert!(paths.contains(&SEED_001), "\"säga upp sig\": {paths:?}");
    assert!(
        paths.contains(&SEED_003),
        "\"sa 12 av 21 socialsekreterare upp sig\": {paths:?}"
    );
    let first = &hits[0];
    for field in [
        "title",
        "published",
        "publisher",
        "municipalities",
        "snippet",
    ] {
        assert!(!first[field].is_null(), "hit lacks {field}: {first}");
    }
    assert!(
        hits.iter()
            .any(|h| h["snippet_marked"].as_str().unwrap().contains("**")),
        "snippets are highlighted"
    );

    let vallentuna = jsonl(&avhopp(
        &index,
        &[
            "search",
            "uppsägning",
            "--municipality",
            "Vallentuna",
            "--format",
            "jsonl",
        ],
    ));
    assert_eq!(vallentuna.len(), 1, "{vallentuna:?}");
    assert_eq!(vallentuna[0]["path"], SEED_003);
    assert_eq!(vallentuna[0]["publisher"], "Dagens Nyheter");

    let table = stdout(&avhopp(
        &index,
        &["search", "uppsägning", "--municipality", "Vallentuna"],
    ));
    assert!(
        table.contains("Krisen på socialen")
            && table.contains("2018")
            && table.contains("Vallentuna"),
        "{table}"
    );
}

#[test]
fn search_filters_and_query_syntax() {
    let (_d, index) = corpus_index();
    let caseload = jsonl(&avhopp(
        &index,
        &[
            "search",
            "socialsekreterare",
            "--kind",
            "caseload",
            "--format",
            "jsonl",
        ],
    ));
    assert_eq!(
        caseload
            .iter()
            .map(|h| h["path"].as_str().unwrap())
            .collect::<Vec<_>>(),
        vec![SEED_001]
    );
    let phrase = jsonl(&avhopp(
        &index,
        &[
            "search",
            "\"Utredning vuxen\" AND NOT Huddinge",
            "--format",
            "jsonl",
        ],
    ));
    assert_eq!(
        phrase
            .iter()
            .map(|h| h["path"].as_str().unwrap())
            .collect::<Vec<_>>(),
        vec![SEED_000]
    );
    let dated = jsonl(&avhopp(
        &index,
        &[
            "search",
            "socialsekreterare",
            "--from",
            "2022",
            "--to",
            "2024-12-31",
            "--format",
            "jsonl",
        ],
    ));
    assert_eq!(dated.len(), 2, "the 2024 documents: {dated:?}");
    let field = jsonl(&avhopp(
        &index,
        &["search", "municipality:huddinge", "--format", "jsonl"],
    ));
    assert_eq!(field.len(), 1);
}

#[test]
fn bad_queries_and_arguments_get_one_line() {
    let (_d, index) = corpus_index();
    let cases: &[(&[&str], &str)] = &[
        (&["search", "(socialsekreterare AND"], "unclosed '('"),
        (&["search", "foo:bar"], "unknown field 'foo'"),
        (
            &["claims", "--kind", "uppsägningar"],
            "known kinds: resigned",
        ),
        (
            &["search", "x", "--kind", "bogus"],
            "unknown claim kind 'bogus'",
        ),
        (
            &["timeline", "--municipality", "Botkyrca"],
            "did you mean Botkyrka",
        ),
        (&["claims", "--from", "igår"], "bad date"),
        (&["timeline", "--by", "week"], "unknown --by"),
    ];
    for (args, expected) in cases {
        let o = avhopp(&index, args);
        assert!(!o.status.success(), "{args:?} should fail");
        let err = stderr(&o);
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(expected), "{args:?}: {err}");
    }
}

#[test]
fn check_supports_and_lists_differing_figures() {
    let (_d, index) = corpus_index();
    let o = avhopp(
        &index,
        &[
            "check",
            "Tio av 30 socialsekreterare i Botkyrka har sagt upp sig",
            "--format",
            "jsonl",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let checks = jsonl(&o);
    assert_eq!(checks.len(), 1);
    let c = &checks[0];
    assert_eq!(c["verdict"], "supported");
    assert_eq!(c["claim"]["value"], 10);
    assert_eq!(c["claim"]["municipality"], "Botkyrka");
    assert_eq!(c["same"][0]["doc"], SEED_000);
    assert_eq!(c["same"][0]["publisher"], "Mitt i");
    assert_eq!(c["same"][0]["published"], "2021-09-03");
    let other: Vec<(&str, f64)> = c["other"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["doc"].as_str().unwrap(), r["value"].as_f64().unwrap()))
        .collect();
    assert_eq!(other, vec![(SEED_001, 12.0)]);

    let table = stdout(&avhopp(
        &index,
        &[
            "check",
            "Tio av 30 socialsekreterare i Botkyrka har sagt upp sig",
        ],
    ));
    assert!(
        table.contains("Verdict: SUPPORTED")
            && table.contains("Mitt i")
            && table.contains("12 of 30"),
        "{table}"
    );
}

#[test]
fn check_differs_and_no_evidence() {
    let (_d, index) = corpus_index();
    let differs = jsonl(&avhopp(
        &index,
        &[
            "check",
            "I Vallentuna sa 15 av 21 socialsekreterare upp sig under 2017",
            "--format",
            "jsonl",
        ],
    ));
    assert_eq!(differs[0]["verdict"], "differs", "{differs:?}");
    assert_eq!(differs[0]["other"][0]["value"], 12);
    let none = jsonl(&avhopp(
        &index,
        &[
            "check",
            "Tolv av 40 socialsekreterare i Kiruna har sagt upp sig",
            "--format",
            "jsonl",
        ],
    ));
    assert_eq!(none[0]["verdict"], "no_evidence");
    let o = avhopp(&index, &["check", "Socialtjänsten i Botkyrka har problem"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no checkable figure"), "{}", stderr(&o));
}

#[test]
fn claims_stream_with_provenance_as_csv_and_filters() {
    let (_d, index) = corpus_index();
    let o = avhopp(
        &index,
        &[
            "claims",
            "--kind",
            "caseload",
            "--municipality",
            "Huddinge",
            "--format",
            "csv",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let mut reader = csv::Reader::from_reader(o.stdout.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    for col in [
        "doc",
        "url",
        "publisher",
        "published",
        "quote",
        "span_start",
        "span_end",
    ] {
        assert!(header.contains(&col.to_string()), "csv lacks {col}");
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(&rows[0][col("value")], "15");
    assert_eq!(&rows[0][col("value_high")], "20");
    assert_eq!(&rows[0][col("doc")], SEED_001);

    let in_2017 = jsonl(&avhopp(
        &index,
        &[
            "claims", "--from", "2017", "--to", "2017", "--format", "jsonl",
        ],
    ));
    assert!(
        !in_2017.is_empty() && in_2017.iter().all(|r| r["municipality"] == "Vallentuna"),
        "{in_2017:?}"
    );
    let quoted = jsonl(&avhopp(
        &index,
        &[
            "claims",
            "--query",
            "\"Utredning vuxen\"",
            "--format",
            "jsonl",
        ],
    ));
    assert_eq!(quoted.len(), 1, "{quoted:?}");
    assert_eq!(quoted[0]["value"], 10);
    let big = jsonl(&avhopp(
        &index,
        &["claims", "--min-value", "1000", "--format", "jsonl"],
    ));
    assert_eq!(big.len(), 1);
    assert_eq!(big[0]["kind"], "deficit");
    assert_eq!(big[0]["value"], 33000000);
}

#[test]
fn an_index_of_another_schema_version_is_refused() {
    let (_d, index) = corpus_index();
    let meta = index.join("avhopp.json");
    let text = std::fs::read_to_string(&meta).unwrap().replace(
        &format!("\"schema_version\": {}", avhopp::index::SCHEMA_VERSION),
        "\"schema_version\": 0",
    );
    std::fs::write(&meta, text).unwrap();
    let o = avhopp(&index, &["search", "socialsekreterare"]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("schema version 0") && err.contains("rebuild"),
        "{err}"
    );
}

#[test]
fn html_pages_and_other_languages() {
    let dir = TempDir::new().unwrap();
    let page = dir.path().join("artikel.html");
    std::fs::write(&page, r#"<!doctype html><html><head><title>Kris | Lokalbladet</title>
        <meta property="og:site_name" content="Lokalbladet">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2022-10-05T07:00:00+02:00"}</script>
        </head><body><div id="cookie-consent">Vi använder kakor. Godkänn alla 12 cookies.</div>
        <nav><a href="/">Start</a></nav>
        <article><h1>Personalflykt i Uppsala</h1>
        <p>Sedan årsskiftet har 14 socialsekreterare sagt upp sig i Uppsala kommun.</p>
        <p>Det saknas nu sju handläggare på barn och unga.</p></article>
        <section class="related-articles"><p>Läs mer: 40 socialsekreterare har slutat i Malmö.</p></section>
        </body></html>"#).unwrap();
    let english = dir.path().join("english.txt");
    std::fs::write(&english, "Ten of thirty social workers in the department have resigned since January, the union said on Monday.").unwrap();
    let o = avhopp(
        Path::new("unused"),
        &[
            "extract",
            "--format",
            "jsonl",
            page.to_str().unwrap(),
            english.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let r = jsonl(&o);
    assert_eq!(
        r.len(),
        2,
        "no claims from the related list or the English file: {r:?}"
    );
    assert_eq!(r[0]["value"], 14);
    assert_eq!(r[0]["municipality"], "Uppsala");
    assert_eq!(r[0]["period"]["to"], "2022-10-05");
    assert_eq!(r[1]["kind"], "vacancies");
    assert!(
        stderr(&o).contains("english.txt: not Swedish"),
        "{}",
        stderr(&o)
    );

    let index = dir.path().join("index");
    let o = avhopp(
        &index,
        &["ingest", page.to_str().unwrap(), english.to_str().unwrap()],
    );
    assert!(
        stdout(&o).contains("2 documents added") && stdout(&o).contains("1 not Swedish"),
        "{}",
        stdout(&o)
    );
    let hits = jsonl(&avhopp(
        &index,
        &["search", "personalflykt", "--format", "jsonl"],
    ));
    assert_eq!(hits[0]["title"], "Personalflykt i Uppsala");
    assert_eq!(hits[0]["publisher"], "Lokalbladet");
    assert_eq!(hits[0]["published"], "2022-10-05");

    // A title that only the metadata holds is searched too (it is indexed with the text),
    // and the snippet still comes from the text.
    let report = dir.path().join("rapport.html");
    std::fs::write(&report, r#"<!doctype html><html><head><title>Bemanningsrapport för individ- och familjeomsorgen</title></head>
        <body><main><p>Förvaltningen redovisar läget på enheten för barn och unga. Sju tjänster är vakanta och två konsulter har hyrts in under hösten.</p>
        <p>Nämnden får en ny redovisning i januari.</p></main></body></html>"#).unwrap();
    let o = avhopp(&index, &["ingest", report.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let hits = jsonl(&avhopp(
        &index,
        &["search", "bemanningsrapport", "--format", "jsonl"],
    ));
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(
        hits[0]["title"],
        "Bemanningsrapport för individ- och familjeomsorgen"
    );
    let snippet = hits[0]["snippet"].as_str().unwrap();
    assert!(
        snippet.starts_with("Förvaltningen redovisar") && !snippet.contains("Bemanningsrapport"),
        "{snippet}"
    );
}

/// A sidecar's type word avhopp does not know ("feature") costs the search filter, not the
/// document: it is read as `other`, with one line saying so, and its claims are extracted.
#[test]
fn an_unknown_sidecar_type_keeps_the_document() {
    let dir = TempDir::new().unwrap();
    let doc = dir.path().join("a.txt");
    std::fs::write(
        &doc,
        "Socialtjänsten i Umeå tappar personal. Under hösten har tre socialsekreterare på enheten för barn och unga sagt upp sig, berättar enhetschefen.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.txt.meta.toml"),
        "published = \"2014-03-02\"\ntype = \"långläsning\"\n",
    )
    .unwrap();
    let o = avhopp(
        Path::new("unused"),
        &["extract", "--format", "jsonl", doc.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("a.txt.meta.toml: unknown document type 'långläsning'")
            && stderr(&o).contains("read as other"),
        "{}",
        stderr(&o)
    );
    let claims = jsonl(&o);
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(claims[0]["value"], 3);
}

#[test]
fn a_bad_sidecar_names_itself() {
    let dir = TempDir::new().unwrap();
    let doc = dir.path().join("a.txt");
    std::fs::write(&doc, "Tre socialsekreterare har slutat.").unwrap();
    std::fs::write(
        dir.path().join("a.txt.meta.toml"),
        "published = \"förra veckan\"\n",
    )
    .unwrap();
    let o = avhopp(Path::new("unused"), &["extract", doc.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("a.txt.meta.toml: bad published date"),
        "{}",
        stderr(&o)
    );
}

/// A text that names only a town is filed under its municipality, by name or by the town:
/// search, claims and the claim's municipality; a firm's seat in it is no claim's place.
#[test]
fn a_town_is_its_municipality_in_search_and_claims() {
    let dir = TempDir::new().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(
        docs.join("marsta.txt"),
        "Socialkontoret i Märsta tappar personal\n\nSedan i våras har nio socialsekreterare på \
         socialkontoret i Märsta sagt upp sig. Förvaltningen har tagit in tre konsulter från \
         ett bemanningsföretag i Gävle.\n",
    )
    .unwrap();
    std::fs::write(
        docs.join("marsta.txt.meta.toml"),
        "title = \"Socialkontoret i Märsta tappar personal\"\npublished = \"2024-06-10\"\n",
    )
    .unwrap();
    let index = dir.path().join("index");
    let o = avhopp(&index, &["ingest", docs.to_str().unwrap()]);
    assert!(o.status.success(), "ingest failed: {}", stderr(&o));
    for place in ["Sigtuna", "Märsta"] {
        let hits = jsonl(&avhopp(
            &index,
            &[
                "search",
                "socialsekreterare",
                "--municipality",
                place,
                "--format",
                "jsonl",
            ],
        ));
        assert_eq!(hits.len(), 1, "--municipality {place}: {hits:?}");
    }
    // The document names Gävle, so a search there finds it; none of its claims is Gävle's.
    let gavle = jsonl(&avhopp(
        &index,
        &["claims", "--municipality", "Gävle", "--format", "jsonl"],
    ));
    assert!(gavle.is_empty(), "a firm's seat: {gavle:?}");
    let claims = jsonl(&avhopp(
        &index,
        &["claims", "--municipality", "Sigtuna", "--format", "jsonl"],
    ));
    let found: Vec<(String, f64)> = claims
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_string(),
                c["value"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("resigned".to_string(), 9.0),
            ("consultants".to_string(), 3.0)
        ],
        "{claims:?}"
    );
}
