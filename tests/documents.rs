//! PDF and Word documents through the real `avhopp` binary: the fixtures under
//! tests/fixtures/pdf/ and tests/fixtures/docx/ (made by tests/fixtures/make_fixtures.py).

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn avhopp(args: &[&str]) -> Output {
    avhopp_with_path(args, None)
}

/// Runs avhopp in the project root; `path` replaces $PATH (to hide OCR tools).
fn avhopp_with_path(args: &[&str], path: Option<&std::path::Path>) -> Output {
    let dir = tempfile::TempDir::new().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_avhopp"));
    cmd.current_dir(root())
        .env_remove("AVHOPP_INDEX")
        .env_remove("AVHOPP_CORPUS")
        .arg("--index")
        .arg(dir.path().join("index"))
        .args(args);
    if let Some(p) = path {
        cmd.env("PATH", p);
    }
    cmd.output().expect("run avhopp")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn jsonl(o: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}")))
        .collect()
}

/// `avhopp parse --format jsonl FILE`: the one record, after checking the run went well.
fn parse(file: &str) -> Value {
    let o = avhopp(&["parse", "--format", "jsonl", file]);
    assert!(o.status.success(), "{file}: {}", stderr(&o));
    let mut records = jsonl(&o);
    assert_eq!(records.len(), 1, "{file}");
    records.remove(0)
}

fn text(record: &Value) -> &str {
    record["text"].as_str().unwrap()
}

const SEED_TXT: &str = "corpus/seeds/002_83eadc518204d1b7.txt";
const SEED_PDF: &str = "tests/fixtures/pdf/interpellation_002.pdf";
const SEED_DOCX: &str = "tests/fixtures/docx/interpellation_002.docx";
const TWO_COLUMN: &str = "tests/fixtures/pdf/two_column_report.pdf";
const SCANNED: &str = "tests/fixtures/pdf/scanned_page.pdf";

#[test]
fn pdf_of_a_municipal_record_reads_like_its_text() {
    let r = parse(SEED_PDF);
    assert_eq!(r["type"], "pdf");
    assert_eq!(
        r["title"],
        "Svar interpellation om avhoppen bland socialsekreterare i socialförvaltningen"
    );
    // "Datum:" on the first page wins over the Info CreationDate (2025-01-07).
    assert_eq!(r["published"], "2024-12-10");
    assert_eq!(r["lang"], "swe");
    let t = text(&r);
    // Every paragraph of the seed is one paragraph of the PDF's text, page breaks or not.
    let seed = std::fs::read_to_string(root().join(SEED_TXT)).unwrap();
    let paragraphs: Vec<&str> = t.split("\n\n").collect();
    for p in seed.lines().filter(|l| !l.trim().is_empty()) {
        let p = p.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            paragraphs.contains(&p.as_str()),
            "paragraph missing or split: {p:?}\n\n{t}"
        );
    }
    // The running header and the page numbers are gone.
    for gone in ["Exempelkommunen", "Sida 1 av 3", "Sida 2 av 3", "Sida 3"] {
        assert!(!t.contains(gone), "{gone:?} left in:\n{t}");
    }
    assert!(!paragraphs.contains(&"Socialnämnden"), "{t}");
    assert!(paragraphs.contains(&"Datum: 2024-12-10"), "{t}");
}

#[test]
fn two_column_report_reads_column_by_column() {
    let r = parse(TWO_COLUMN);
    // No Info Title: the heading set in a larger size.
    assert_eq!(r["title"], "Personalläget inom barn och unga");
    assert_eq!(r["published"], "2024-10-15");
    let t = text(&r);
    let order = [
        "Sammanträdesdatum: 2024-10-15",
        "Sammanlagt har 14 socialsekreterare sagt upp sig under 2024",
        "Arbetsbelastningen har ökat.",
        "Samarbetet med stadsdelen i Rinkeby-Kista har delat",
        "Vid årets slut var 7 tjänster som socialsekreterare vakanta.",
        "Nämnden föreslås besluta",
        "Rapporten avser perioden januari till december 2024.",
        "Sammanlagt har 11 socialsekreterare sagt upp sig under 2023",
        "Vid årets slut var 5 tjänster",
    ];
    let mut at = 0;
    for s in order {
        let i = t[at..]
            .find(s)
            .unwrap_or_else(|| panic!("{s:?} missing or out of order:\n{t}"));
        at += i + s.len();
    }
    // Words hyphenated at a line end are joined; a name's own hyphen stays.
    assert!(
        t.contains("erfarna handläggare till myndighetsutövningen"),
        "{t}"
    );
    assert!(
        t.contains("Varje socialsekreterare har i genomsnitt 28 ärenden"),
        "{t}"
    );
    assert!(!t.contains("social-") && !t.contains("hand-"), "{t}");
    assert!(t.contains("barn- och ungdomsenhet"), "{t}");
    // The header (with the municipality's name) and the footer are gone.
    for gone in ["Vallentuna", "Verksamhetsrapport", "Sida 1 av 2", "Sida 2"] {
        assert!(!t.contains(gone), "{gone:?} left in:\n{t}");
    }
}

fn ocr_installed() -> bool {
    let swe = Command::new("tesseract")
        .arg("--list-langs")
        .output()
        .is_ok_and(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .chain(String::from_utf8_lossy(&o.stderr).lines())
                .any(|l| l.trim() == "swe")
        });
    swe && Command::new("pdftoppm").arg("-v").output().is_ok()
}

#[test]
fn scanned_pdf_without_ocr_gets_a_one_line_note() {
    // An empty PATH hides tesseract and pdftoppm even where they are installed.
    let empty = tempfile::TempDir::new().unwrap();
    let o = avhopp_with_path(&["parse", "--format", "jsonl", SCANNED], Some(empty.path()));
    assert!(!o.status.success());
    assert!(jsonl(&o).is_empty(), "no silent empty document");
    let err = stderr(&o);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains(SCANNED), "{err}");
    assert!(err.contains("needs OCR"), "{err}");
    assert!(
        err.contains("apt-get install tesseract-ocr tesseract-ocr-swe poppler-utils"),
        "{err}"
    );
}

#[test]
fn scanned_pdf_is_read_by_ocr_when_installed() {
    if !ocr_installed() {
        // The note is what a machine without OCR gives (the test above); say so and pass.
        eprintln!("tesseract with Swedish or pdftoppm not installed; OCR test skipped");
        let o = avhopp(&["parse", "--format", "jsonl", SCANNED]);
        assert!(stderr(&o).contains("needs OCR"), "{}", stderr(&o));
        return;
    }
    let r = parse(SCANNED);
    let t = text(&r);
    assert!(t.contains("konstaterar"), "{t}");
    assert!(t.contains("socialsekreterare"), "{t}");
    assert_eq!(r["published"], "2024-11-20", "{t}");
}

#[test]
fn word_document_reads_paragraphs_title_and_date() {
    let r = parse(SEED_DOCX);
    assert_eq!(r["type"], "docx");
    assert_eq!(
        r["title"],
        "Svar interpellation om avhoppen bland socialsekreterare i socialförvaltningen"
    );
    // "Datum:" in the text wins over dcterms:created (2025-01-07).
    assert_eq!(r["published"], "2024-12-10");
    let t = text(&r);
    let paragraphs: Vec<&str> = t.split("\n\n").collect();
    assert!(paragraphs.contains(
        &"Det är 21 socialsekreterare som slutat eller bytt tjänst under perioden januari- november 2024."
    ));
    assert!(t.contains("Ordinarie bemanning är 32 stycken."), "{t}");
    // The page header is another part of the package.
    assert!(!t.contains("Exempelkommunen"), "{t}");
}

/// A claim's kind, value and period (from, to).
type Claim = (String, f64, Option<(String, String)>);

/// The claims `avhopp extract` finds in a file.
fn claims(file: &str) -> Vec<Claim> {
    let o = avhopp(&["extract", "--format", "jsonl", file]);
    assert!(o.status.success(), "{file}: {}", stderr(&o));
    jsonl(&o)
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_string(),
                c["value"].as_f64().unwrap_or(f64::NAN),
                c["period"].as_object().map(|p| {
                    (
                        p["from"].as_str().unwrap_or("").to_string(),
                        p["to"].as_str().unwrap_or("").to_string(),
                    )
                }),
            )
        })
        .collect()
}

#[test]
fn pdf_and_word_give_the_claims_of_the_text() {
    let kinds = |cs: &[Claim]| {
        let mut v: Vec<(String, i64)> = cs.iter().map(|c| (c.0.clone(), c.1 as i64)).collect();
        v.sort();
        v
    };
    let txt = claims(SEED_TXT);
    for file in [SEED_PDF, SEED_DOCX] {
        let got = claims(file);
        let resigned = got
            .iter()
            .find(|c| c.0 == "resigned" && c.1 == 21.0)
            .unwrap_or_else(|| panic!("{file}: no resigned 21: {got:?}"));
        assert_eq!(
            resigned.2,
            Some(("2024-01-01".to_string(), "2024-11-30".to_string())),
            "{file}"
        );
        for (kind, value) in [
            ("staffing", 32.0),
            ("vacancies", 10.0),
            ("consultants", 3.0),
        ] {
            assert!(
                got.iter().any(|c| c.0 == kind && c.1 == value),
                "{file}: no {kind} {value}: {got:?}"
            );
        }
        // The same claims as the text (periods differ only where they hang on the
        // publication date: the sidecar's "2024-12" against the file's own 2024-12-10).
        assert_eq!(kinds(&got), kinds(&txt), "{file}");
    }
}

#[test]
fn broken_files_get_one_line_each_and_the_run_goes_on() {
    let bad = [
        ("tests/fixtures/pdf/broken_xref.pdf", "broken PDF"),
        ("tests/fixtures/pdf/truncated.pdf", "broken PDF"),
        ("tests/fixtures/pdf/encrypted.pdf", "encrypted PDF"),
        ("tests/fixtures/pdf/empty.pdf", "empty file"),
        ("tests/fixtures/pdf/not_a_pdf.pdf", "not a PDF"),
        ("tests/fixtures/docx/broken.docx", "broken Word file"),
    ];
    let mut args = vec!["parse", "--format", "jsonl"];
    args.extend(bad.iter().map(|(f, _)| *f));
    args.push(SEED_DOCX);
    args.push(TWO_COLUMN);
    let o = avhopp(&args);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let records = jsonl(&o);
    assert_eq!(records.len(), 2, "the good files are still read");
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), bad.len(), "one line per bad file:\n{err}");
    for (file, why) in bad {
        let line = lines
            .iter()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("no line for {file}:\n{err}"));
        assert!(line.contains(why), "{file}: {line}");
        assert!(!line.contains("panicked"), "{line}");
    }
}

#[test]
fn ingest_takes_pdf_and_word_files_from_a_folder() {
    let dir = tempfile::TempDir::new().unwrap();
    for f in [SEED_PDF, SEED_DOCX, "tests/fixtures/pdf/encrypted.pdf"] {
        let from = root().join(f);
        std::fs::copy(&from, dir.path().join(from.file_name().unwrap())).unwrap();
    }
    let o = avhopp(&["ingest", dir.path().to_str().unwrap()]);
    let err = stderr(&o);
    assert!(err.contains("encrypted.pdf: encrypted PDF"), "{err}");
    assert!(!err.contains("interpellation_002"), "{err}");
}
