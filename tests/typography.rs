//! Typography that hides words from patterns (see `src/typography.rs`), through the real
//! binary: two evaluation sets are written out again as the web, word processors and
//! `pdftotext` write text (soft hyphens and zero-width spaces inside long words; decomposed
//! letters; ligatures; lines wrapped at 72 and at 36 characters with long words broken at
//! the line end), and each
//! copy must give the claims of the clean set, document by document.

mod common;

use common::{extract_jsonl, json_lines, root};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

const SETS: &[&str] = &["news", "municipal"];

/// What a claim states and where it belongs, without its quote and span (which move).
type Claim = (String, String, String, String, String, String);

fn claims_by_doc(dir: &Path) -> (BTreeMap<String, Vec<Claim>>, String) {
    let (claims, stderr) = extract_jsonl(dir);
    let mut by_doc: BTreeMap<String, Vec<Claim>> = BTreeMap::new();
    for c in claims {
        let doc = c["doc"].as_str().unwrap_or_default();
        let name = doc.rsplit('/').next().unwrap_or(doc).to_string();
        let s = |v: &Value| v.to_string();
        assert!(
            !c["quote"]
                .as_str()
                .unwrap_or_default()
                .contains(['\u{ad}', '\u{200b}']),
            "an invisible character in a quote: {c}"
        );
        by_doc.entry(name).or_default().push((
            s(&c["kind"]),
            s(&c["value"]),
            s(&c["value_high"]),
            s(&c["of"]),
            s(&c["municipality"]),
            s(&c["period"]),
        ));
    }
    for claims in by_doc.values_mut() {
        claims.sort();
    }
    (by_doc, stderr)
}

/// Every word of ten letters or more gets a soft hyphen (or, every other one, a zero-width
/// space) in its middle, as news sites hyphenate long compounds.
fn hyphenate_softly(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut n = 0;
    for piece in text.split_inclusive(|c: char| !c.is_alphabetic()) {
        let letters: Vec<char> = piece.chars().take_while(|c| c.is_alphabetic()).collect();
        if letters.len() >= 10 {
            let mid = letters.len() / 2;
            let invisible = if n % 2 == 0 { '\u{ad}' } else { '\u{200b}' };
            n += 1;
            out.extend(&letters[..mid]);
            out.push(invisible);
            out.extend(piece.chars().skip(mid));
        } else {
            out.push_str(piece);
        }
    }
    out
}

/// A line wrapped greedily at `width` characters, as `fmt` does; a word that does not fit
/// and has eight letters or more is broken with a hyphen where the line has room (a
/// hyphenated compound at its own hyphen).
fn wrap(line: &str, width: usize) -> String {
    let len = |s: &str| s.chars().count();
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in line.split(' ') {
        let sep = usize::from(!current.is_empty());
        if len(&current) + sep + len(word) <= width {
            if sep == 1 {
                current.push(' ');
            }
            current.push_str(word);
            continue;
        }
        let room = width.saturating_sub(len(&current) + sep);
        let chars: Vec<char> = word.chars().collect();
        let cut = match word.find('-') {
            Some(h) if len(&word[..=h]) <= room && h > 0 && h + 1 < word.len() => {
                Some(len(&word[..=h]))
            }
            // As much of the word as the line has room for, with its hyphen; at least three
            // letters on each side.
            _ if chars.len() >= 8 && chars.iter().all(|c| c.is_alphabetic()) => {
                Some((chars.len() - 3).min(room.saturating_sub(1))).filter(|&cut| cut >= 3)
            }
            _ => None,
        };
        match cut {
            Some(cut) => {
                let head: String = chars[..cut].iter().collect();
                let hyphen = if head.ends_with('-') { "" } else { "-" };
                if sep == 1 {
                    current.push(' ');
                }
                current.push_str(&head);
                current.push_str(hyphen);
                lines.push(std::mem::take(&mut current));
                current = chars[cut..].iter().collect();
            }
            None => {
                if !current.is_empty() {
                    lines.push(std::mem::take(&mut current));
                }
                current = word.to_string();
            }
        }
    }
    lines.push(current);
    lines.join("\n")
}

fn wrap_text(text: &str, width: usize) -> String {
    text.split('\n')
        .map(|l| wrap(l, width))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text files of `SETS` (with their sidecars) copied into `dir`, the text made over.
fn write_copy(dir: &Path, make_over: fn(&str) -> String) -> usize {
    let mut changed = 0;
    for set in SETS {
        let from = root().join("tests/fixtures/claims-eval").join(set);
        for entry in std::fs::read_dir(&from).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                let made_over = make_over(&text);
                changed += usize::from(made_over != text);
                std::fs::write(dir.join(&name), made_over).unwrap();
            } else if name.ends_with(".txt.meta.toml") {
                std::fs::copy(&path, dir.join(&name)).unwrap();
            }
        }
    }
    changed
}

#[test]
fn soft_hyphens_decomposed_letters_and_wrapped_lines_keep_every_claim() {
    let clean_dir = tempfile::TempDir::new().unwrap();
    let docs = write_copy(clean_dir.path(), |t| t.to_string());
    assert_eq!(docs, 0);
    let (clean, _) = claims_by_doc(clean_dir.path());
    let total: usize = clean.values().map(Vec::len).sum();
    assert!(total >= 150, "the clean sets give only {total} claims");

    type MakeOver = fn(&str) -> String;
    let variants: [(&str, MakeOver, &str); 5] = [
        (
            "soft hyphens",
            hyphenate_softly,
            "invisible characters removed",
        ),
        (
            "decomposed",
            |t| t.nfd().collect(),
            "decomposed letters composed",
        ),
        (
            "ligatures",
            |t| t.replace("fi", "\u{fb01}").replace("fl", "\u{fb02}"),
            "ligatures and typographic hyphens written plainly",
        ),
        // As e-mail wraps, and as `pdftotext` gives a newspaper's narrow columns.
        (
            "wrapped at 72",
            |t| wrap_text(t, 72),
            "text wrapped at a fixed width",
        ),
        (
            "wrapped at 36",
            |t| wrap_text(t, 36),
            "text wrapped at a fixed width",
        ),
    ];
    for (what, make_over, warning) in variants {
        let dir = tempfile::TempDir::new().unwrap();
        let changed = write_copy(dir.path(), make_over);
        assert!(changed >= 30, "{what}: only {changed} files changed");
        let (claims, stderr) = claims_by_doc(dir.path());
        let mut differ = Vec::new();
        for (doc, expected) in &clean {
            let got = claims.get(doc).cloned().unwrap_or_default();
            if &got != expected {
                differ.push(format!("{doc}:\n  clean {expected:?}\n  {what} {got:?}"));
            }
        }
        assert!(differ.is_empty(), "{what}:\n{}", differ.join("\n"));
        // Each file whose offsets moved says so, naming itself.
        let warned = stderr.lines().filter(|l| l.contains(warning)).count();
        assert!(warned >= 20, "{what}: {warned} warnings\n{stderr}");
        assert!(stderr
            .lines()
            .all(|l| !l.contains(warning) || l.contains(".txt: ")));
    }
}

#[test]
fn a_page_with_soft_hyphens_is_found_by_its_words() {
    let dir = tempfile::TempDir::new().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(
        docs.join("sida.html"),
        "<html><head><title>Social&shy;sekreterare lämnar Kumla</title>\
         <meta property=\"article:published_time\" content=\"2024-05-02\"></head><body><article>\
         <h1>Social&shy;sekreterare lämnar Kumla</h1>\
         <p>I Kumla har tio av 30 social&shy;sekreterare sagt upp sig sedan januari i år.</p>\
         <p>Det uppger fack&shy;förbundet Vision, som kräver att kommunen agerar för att \
         behålla personalen inom social&#173;tjänsten. Situationen beskrivs som ohållbar.</p>\
         </article></body></html>",
    )
    .unwrap();
    let index = dir.path().join("index");
    let o = common::avhopp_with_index(&index, &["ingest", docs.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let search = |q: &str| {
        let o = common::avhopp_with_index(&index, &["search", q, "--format", "jsonl"]);
        json_lines(&String::from_utf8_lossy(&o.stdout))
    };
    // A word pasted from the page with its soft hyphen finds it too.
    for q in [
        "socialsekreterare",
        "socialtjänsten",
        "fackförbundet",
        "social\u{ad}sekreterare",
    ] {
        let hits = search(q);
        assert_eq!(hits.len(), 1, "{q}: {hits:?}");
        assert_eq!(hits[0]["title"], "Socialsekreterare lämnar Kumla");
        assert!(!hits[0]["snippet"].as_str().unwrap().contains('\u{ad}'));
    }
    let o = common::avhopp_with_index(&index, &["claims", "--format", "jsonl"]);
    let claims = json_lines(&String::from_utf8_lossy(&o.stdout));
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(
        (&claims[0]["kind"], &claims[0]["value"], &claims[0]["of"]),
        (&Value::from("resigned"), &Value::from(10), &Value::from(30))
    );
    // A sentence copied from the page, soft hyphen and all, is checked against it.
    let o = common::avhopp_with_index(
        &index,
        &[
            "check",
            "Tio av 30 social\u{ad}sekreterare i Kumla har sagt upp sig",
        ],
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Verdict: SUPPORTED"), "{out}");
    // "sedan januari i år": from January to the page's date, not January alone.
    assert_eq!(claims[0]["period"]["from"], "2024-01-01");
    assert_eq!(claims[0]["period"]["to"], "2024-05-02");
}
