//! PDF and Word documents through the real `avhopp` binary: the fixtures under
//! tests/fixtures/pdf/ and tests/fixtures/docx/ (made by tests/fixtures/make_fixtures.py).

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

mod common;

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
    common::json_lines(&String::from_utf8_lossy(&o.stdout))
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
/// Seed 002 as an OpenDocument text exported to PDF and to Word by LibreOffice, and the
/// first page of that PDF scanned (see tests/fixtures/make_fixtures.py).
const LO_SEED_PDF: &str = "tests/fixtures/pdf/lo_interpellation_002.pdf";
const LO_SEED_DOCX: &str = "tests/fixtures/docx/lo_interpellation_002.docx";
const LO_TWO_COLUMN: &str = "tests/fixtures/pdf/lo_two_column_report.pdf";
const LO_TWO_COLUMN_SOURCE: &str = "tests/fixtures/odt/two_column_report.fodt";
const LO_SCANNED: &str = "tests/fixtures/pdf/scanned_interpellation_002.pdf";

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
    for file in [SEED_PDF, SEED_DOCX, LO_SEED_PDF, LO_SEED_DOCX] {
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

/// Runs avhopp in the project root against the index `index` (kept between calls).
fn avhopp_in(index: &std::path::Path, args: &[&str]) -> Output {
    common::avhopp_with_index(index, args)
}

/// "Åtta socialsekreterare har sagt upp sig i Växjö – nu söker förvaltningen nya." in
/// windows-1252: å ä ö are single bytes (E5 E4 F6), the en dash is 0x96, which only
/// windows-1252 (not ISO-8859-1) has.
const CP1252_TEXT: &[u8] = b"Personalflykt i V\xe4xj\xf6\n\n\xc5tta socialsekreterare har sagt upp sig i V\xe4xj\xf6 \x96 nu s\xf6ker f\xf6rvaltningen nya handl\xe4ggare till barn och unga.\n";

/// An ISO-8859-1 page that says so in its `<meta charset>`.
const LATIN1_HTML: &[u8] = b"<!doctype html><html><head><meta charset=\"ISO-8859-1\">\
<title>Socialtj\xe4nsten i Ume\xe5 | Lokalbladet</title></head><body>\
<nav><a href=\"/\">Start</a></nav><article><h1>Socialtj\xe4nsten i Ume\xe5 saknar personal</h1>\
<p>Sedan \xe5rsskiftet har tolv socialsekreterare sagt upp sig i Ume\xe5 kommun.</p>\
<p>F\xf6rvaltningen s\xe4ger att arbetsbelastningen har \xf6kat under h\xf6sten.</p></article>\
</body></html>";

/// UTF-16 with a byte-order mark, as Windows' Notepad saves "Unicode" text.
fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[test]
fn windows_1252_latin1_and_utf16_files_are_decoded() {
    let dir = tempfile::TempDir::new().unwrap();
    let txt = dir.path().join("vaxjo.txt");
    std::fs::write(&txt, CP1252_TEXT).unwrap();
    let html = dir.path().join("umea.html");
    std::fs::write(&html, LATIN1_HTML).unwrap();
    let utf16_text = "Socialtjänsten i Örebro\n\nNio socialsekreterare har slutat i Örebro, säger förvaltningen.\n";
    let le = dir.path().join("orebro-le.txt");
    std::fs::write(&le, utf16(utf16_text, false)).unwrap();
    let be = dir.path().join("orebro-be.txt");
    std::fs::write(&be, utf16(utf16_text, true)).unwrap();

    let r = parse(txt.to_str().unwrap());
    assert_eq!(r["title"], "Personalflykt i Växjö");
    assert_eq!(
        text(&r),
        "Personalflykt i Växjö\n\nÅtta socialsekreterare har sagt upp sig i Växjö – nu söker förvaltningen nya handläggare till barn och unga.\n"
    );
    assert_eq!(r["lang"], "swe");

    let r = parse(html.to_str().unwrap());
    assert_eq!(r["type"], "html");
    assert_eq!(r["title"], "Socialtjänsten i Umeå saknar personal");
    let t = text(&r);
    assert!(
        t.contains("Sedan årsskiftet har tolv socialsekreterare sagt upp sig i Umeå kommun."),
        "{t}"
    );
    assert!(
        t.contains("Förvaltningen säger att arbetsbelastningen har ökat under hösten."),
        "{t}"
    );
    assert!(!t.contains('\u{fffd}') && !t.contains("Ã"), "{t}");

    for f in [&le, &be] {
        let r = parse(f.to_str().unwrap());
        assert_eq!(text(&r), utf16_text, "{}", f.display());
    }

    // The decoded text gives its claims, with the municipality spelled right.
    let got = claims(txt.to_str().unwrap());
    assert!(
        got.iter().any(|c| c.0 == "resigned" && c.1 == 8.0),
        "{got:?}"
    );
    let o = avhopp(&["extract", "--format", "jsonl", html.to_str().unwrap()]);
    let records = jsonl(&o);
    assert!(
        records
            .iter()
            .any(|c| c["kind"] == "resigned" && c["value"] == 12 && c["municipality"] == "Umeå"),
        "{records:?}"
    );
}

/// The bad inputs of issue 3, made in `dir`: (file name, what its one line must say).
fn bad_inputs(dir: &std::path::Path) -> Vec<(String, &'static str)> {
    let mut bad = Vec::new();
    let mut put = |name: &str, bytes: &[u8], why: &'static str| {
        std::fs::write(dir.join(name), bytes).unwrap();
        bad.push((name.to_string(), why));
    };
    // Cut off inside a script in <head>, before any body: nothing to read.
    put(
        "cut-off.html",
        b"<!doctype html><html><head><title>Socialtj\xc3\xa4nsten</title><script>window.dataLayer = [{\"page\": \"artik",
        "looks cut off",
    );
    put(
        "head-only.html",
        b"<!doctype html><html><head><title>Tom sida</title><meta charset=\"utf-8\"></head></html>",
        "no text found in the page",
    );
    put("empty.txt", b"", "empty file (0 bytes)");
    put("empty.html", b"", "empty file (0 bytes)");
    put("blank.txt", b"  \n\n \t\n", "empty file");
    put(
        "image.txt",
        &[
            0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
        ],
        "binary file",
    );
    for (f, why) in [
        ("tests/fixtures/pdf/broken_xref.pdf", "broken PDF"),
        ("tests/fixtures/pdf/encrypted.pdf", "encrypted PDF"),
        ("tests/fixtures/pdf/truncated.pdf", "broken PDF"),
        ("tests/fixtures/pdf/empty.pdf", "empty file"),
    ] {
        let from = root().join(f);
        let name = from.file_name().unwrap().to_str().unwrap().to_string();
        std::fs::copy(&from, dir.join(&name)).unwrap();
        bad.push((name, why));
    }
    // 200 MB: readable text at its start, so that only the size check can refuse it (the
    // NUL bytes after the text lie beyond what the binary check looks at).
    let huge = dir.join("huge.txt");
    let mut f = std::fs::File::create(&huge).unwrap();
    std::io::Write::write_all(
        &mut f,
        "Tolv socialsekreterare har sagt upp sig i Umeå.\n"
            .repeat(400)
            .as_bytes(),
    )
    .unwrap();
    f.set_len(200 * 1024 * 1024).unwrap();
    bad.push((
        "huge.txt".to_string(),
        "too large (209 MB; the limit is 67 MB)",
    ));
    bad
}

/// Each bad file named in `err` once, with its reason, and no panic.
fn assert_one_line_each(err: &str, bad: &[(String, &str)]) {
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), bad.len(), "one line per bad file:\n{err}");
    for (name, why) in bad {
        let line = lines
            .iter()
            .find(|l| l.contains(&format!("{name}:")))
            .unwrap_or_else(|| panic!("no line for {name}:\n{err}"));
        assert!(line.contains(why), "{name}: {line}");
        assert!(!line.contains("panicked"), "{line}");
    }
}

/// A named pipe and a device, named on the command line as text files, and a pipe as a
/// text's metadata sidecar, are refused in one line each and at once, and the good file
/// beside them is read: opening a pipe used to wait for a writer for ever, and /dev/zero was
/// read until memory ran out.
#[cfg(unix)]
#[test]
fn pipes_and_devices_are_refused_without_waiting() {
    use std::time::{Duration, Instant};
    let dir = tempfile::TempDir::new().unwrap();
    let pipe = dir.path().join("pipe.txt");
    let c_path = std::ffi::CString::new(pipe.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string; mkfifo reads it and keeps nothing.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0, "mkfifo");
    let zero = dir.path().join("zero.txt");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    // A text whose metadata sidecar is a pipe.
    let piped_meta = dir.path().join("vaxjo.txt");
    std::fs::write(&piped_meta, CP1252_TEXT).unwrap();
    let meta_pipe = std::ffi::CString::new(
        dir.path()
            .join("vaxjo.txt.meta.toml")
            .to_str()
            .unwrap()
            .to_string(),
    )
    .unwrap();
    // SAFETY: as above.
    assert_eq!(
        unsafe { libc::mkfifo(meta_pipe.as_ptr(), 0o600) },
        0,
        "mkfifo"
    );
    let good = dir.path().join("umea.html");
    std::fs::write(&good, LATIN1_HTML).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_avhopp"))
        .arg("--index")
        .arg(dir.path().join("index"))
        .arg("ingest")
        .args([&pipe, &zero, &piped_meta, &good])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("ingest still running after 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_one_line_each(
        &stderr(&o),
        &[
            ("pipe.txt".to_string(), "not a regular file"),
            ("zero.txt".to_string(), "not a regular file"),
            ("vaxjo.txt.meta.toml".to_string(), "not a regular file"),
        ],
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("1 documents added") && out.contains("3 failed"),
        "{out}"
    );
}

#[test]
fn bad_input_gets_one_line_each_and_the_good_files_are_read() {
    let dir = tempfile::TempDir::new().unwrap();
    let bad = bad_inputs(dir.path());
    let good_html = dir.path().join("umea.html");
    std::fs::write(&good_html, LATIN1_HTML).unwrap();
    // Cut off in the middle of the article: a browser shows what came, and so does avhopp.
    let cut_article = dir.path().join("cut-article.html");
    std::fs::write(
        &cut_article,
        "<html><body><article><h1>Kris i Umeå</h1><p>Sju socialsekreterare har slutat i Umeå.</p><p>Förvaltningen sä",
    )
    .unwrap();
    let mut args: Vec<String> = vec!["parse".into(), "--format".into(), "jsonl".into()];
    args.extend(
        bad.iter()
            .map(|(n, _)| dir.path().join(n).display().to_string()),
    );
    args.push(good_html.display().to_string());
    args.push(cut_article.display().to_string());
    args.push(SEED_PDF.to_string());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = avhopp(&args);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_one_line_each(&stderr(&o), &bad);
    let records = jsonl(&o);
    let paths: Vec<&str> = records
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 3, "{paths:?}");
    assert!(
        paths[0].ends_with("umea.html") && paths[2] == SEED_PDF,
        "{paths:?}"
    );
    assert_eq!(
        text(&records[1]),
        "Kris i Umeå\n\nSju socialsekreterare har slutat i Umeå.\n\nFörvaltningen sä"
    );
}

#[test]
fn ingest_of_a_folder_of_bad_files_indexes_the_good_ones() {
    let dir = tempfile::TempDir::new().unwrap();
    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    let bad = bad_inputs(&folder);
    std::fs::write(folder.join("umea.html"), LATIN1_HTML).unwrap();
    std::fs::write(folder.join("vaxjo.txt"), CP1252_TEXT).unwrap();
    for f in [SEED_PDF, SEED_DOCX] {
        let from = root().join(f);
        std::fs::copy(&from, folder.join(from.file_name().unwrap())).unwrap();
    }
    let index = dir.path().join("index");
    let o = avhopp_in(&index, &["ingest", folder.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert_one_line_each(&err, &bad);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("4 documents added") && out.contains(&format!("{} failed", bad.len())),
        "{out}"
    );
    let o = avhopp_in(&index, &["claims", "--format", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let claims = jsonl(&o);
    for (doc, municipality, value) in [
        ("umea.html", "Umeå", 12),
        ("vaxjo.txt", "Växjö", 8),
        ("interpellation_002.pdf", "", 21),
        ("interpellation_002.docx", "", 21),
    ] {
        assert!(
            claims
                .iter()
                .any(|c| c["doc"].as_str().unwrap().contains(doc)
                    && c["value"] == value
                    && (municipality.is_empty() || c["municipality"] == municipality)),
            "no claim {value} from {doc}: {claims:?}"
        );
    }
}

#[test]
fn libreoffice_pdf_of_seed_002_reads_like_its_text() {
    let r = parse(LO_SEED_PDF);
    assert_eq!(
        r["title"],
        "Svar interpellation om avhoppen bland socialsekreterare i socialförvaltningen"
    );
    // The date stands in the page header ("Datum: 2024-12-10"); the Info CreationDate is the
    // day of the export, so only the first page can give it.
    assert_eq!(r["published"], "2024-12-10");
    let t = text(&r);
    let paragraphs: Vec<&str> = t.split("\n\n").collect();
    let seed = std::fs::read_to_string(root().join(SEED_TXT)).unwrap();
    let seed: Vec<String> = seed
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    // Paragraph for paragraph the seed: the bold questions, set without spacing before their
    // answers, are paragraphs of their own; words hyphenated by LibreOffice are whole again.
    assert_eq!(paragraphs, seed, "\n{t}");
    // Header (municipality, board, document type, date, reference) and footer (address,
    // "Sida N (M)") are on every page and gone from the text.
    for gone in [
        "Exempelkommunen",
        "SVAR PÅ INTERPELLATION",
        "Datum:",
        "Dnr",
        "Ordföranden",
        "Storgatan",
        "Sida",
        "(2)",
    ] {
        assert!(!t.contains(gone), "{gone:?} left in:\n{t}");
    }
}

#[test]
fn libreoffice_word_export_has_the_header_date() {
    let r = parse(LO_SEED_DOCX);
    // Only the header says "Datum: 2024-12-10"; the body has no date and the file's
    // creation date is 2025-01-07.
    assert_eq!(r["published"], "2024-12-10");
    let t = text(&r);
    assert!(!t.contains("Exempelkommunen") && !t.contains("Sida"), "{t}");
    assert!(
        t.contains("Det är 21 socialsekreterare som slutat eller bytt tjänst under perioden januari- november 2024."),
        "{t}"
    );
}

/// The paragraphs and headings of an OpenDocument text's body, in order.
fn fodt_paragraphs(path: &str) -> Vec<String> {
    let xml = std::fs::read_to_string(root().join(path)).unwrap();
    let body = &xml[xml.find("<office:text>").unwrap()..];
    let re = regex::Regex::new(r"(?s)<text:(p|h)\b[^>]*>(.*?)</text:(?:p|h)>").unwrap();
    re.captures_iter(body)
        .map(|c| {
            c[2].replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
        })
        .collect()
}

#[test]
fn libreoffice_two_column_report_reads_column_by_column() {
    let r = parse(LO_TWO_COLUMN);
    // No Info Title: the heading set in a larger size.
    assert_eq!(
        r["title"],
        "Personalläget inom individ- och familjeomsorgen"
    );
    assert_eq!(r["published"], "2024-10-15");
    let t = text(&r);
    let paragraphs: Vec<&str> = t.split("\n\n").collect();
    // Exactly the document's paragraphs in the document's order: the left column, then the
    // right, a paragraph that runs from one column (or page) into the next kept whole, the
    // full-width paragraphs above and below the columns whole too.
    assert_eq!(paragraphs, fodt_paragraphs(LO_TWO_COLUMN_SOURCE), "\n{t}");
    for gone in ["Vallentuna", "VERKSAMHETSRAPPORT", "Dnr", "Sida", "186 80"] {
        assert!(!t.contains(gone), "{gone:?} left in:\n{t}");
    }
}

const LO_TABLES: &str = "tests/fixtures/pdf/lo_table_report.pdf";

/// An interim report's tables as LibreOffice sets them (drawn column by column, a label and
/// two headers wrapped in their cells, numbers flush right): each row one line, its cells
/// apart by tabs, the table a paragraph of its own; and the rows' figures are claims of the
/// periods their columns name.
#[test]
fn libreoffice_tables_keep_their_rows_and_give_claims() {
    let r = parse(LO_TABLES);
    let t = text(&r);
    for row in [
        "\n\nNyckeltal\tUtfall jan–aug 2016\tUtfall jan–aug 2015\tFörändring\n",
        "\nAvslutade anställningar på egen begäran, socialsekreterare\t17\t9\t+8\n",
        "\nKostnad för inhyrd personal (konsulter), tkr\t4 300\t1 900\t+2 400\n\n",
        "\n\nKommun\t2015\t2016\nLerum\t19\t23\n",
    ] {
        assert!(t.contains(row), "{row:?} not in:\n{t}");
    }
    // The paragraphs around the tables are read as before.
    assert!(
        t.contains("\n\nTabell 1. Personalnyckeltal inom individ- och familjeomsorgen\n\n"),
        "{t}"
    );
    assert!(
        t.contains("främst inom barn och unga, och förvaltningen har förstärkt rekryteringen.\n\n"),
        "{t}"
    );

    let o = avhopp(&["extract", "--format", "jsonl", LO_TABLES]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut got: Vec<(String, f64, String, String)> = jsonl(&o)
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_string(),
                c["value"].as_f64().unwrap(),
                c["municipality"].as_str().unwrap_or("-").to_string(),
                c["period"]["from"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect();
    got.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let want =
        |k: &str, v: f64, m: &str, from: &str| (k.to_string(), v, m.to_string(), from.to_string());
    let mut expected = vec![
        want("staffing", 38.0, "Lerum", "2016-01-01"),
        want("staffing", 41.0, "Lerum", "2015-01-01"),
        want("vacancies", 14.0, "Lerum", "2016-01-01"),
        want("vacancies", 6.0, "Lerum", "2015-01-01"),
        want("resigned", 17.0, "Lerum", "2016-01-01"),
        want("resigned", 9.0, "Lerum", "2015-01-01"),
        want("sick_leave", 8.2, "Lerum", "2016-01-01"),
        want("sick_leave", 6.9, "Lerum", "2015-01-01"),
        want("consultants", 4_300_000.0, "Lerum", "2016-01-01"),
        want("consultants", 1_900_000.0, "Lerum", "2015-01-01"),
        // The table of places: the country's row is a yardstick.
        want("caseload", 23.0, "Lerum", "2016-01-01"),
        want("caseload", 19.0, "Lerum", "2015-01-01"),
        want("caseload", 18.0, "Alingsås", "2016-01-01"),
        want("caseload", 17.0, "Alingsås", "2015-01-01"),
        want("caseload", 22.0, "Partille", "2016-01-01"),
        want("caseload", 21.0, "Partille", "2015-01-01"),
    ];
    expected.sort_by(|a, b| a.partial_cmp(b).unwrap());
    assert_eq!(got, expected);
}

const TABLE_ROWS: &str = "tests/fixtures/pdf/table_rows.pdf";

/// Tables drawn row by row in narrow columns: a header wrapped over two lines with its label
/// set between them, and a header whose periods stand a word space apart (one piece of text,
/// parted again by the table reader).
#[test]
fn pdf_tables_drawn_row_by_row_give_claims() {
    let r = parse(TABLE_ROWS);
    let t = text(&r);
    for row in [
        "\n\nNyckeltal\tJan–aug 2016\tJan–aug 2015\nVakanta tjänster, socialsekreterare\t14\t6\n",
        "\n\nKommun\tJan–aug 2016 Jan–aug 2015\nHärnösand\t31\t29\n",
    ] {
        assert!(t.contains(row), "{row:?} not in:\n{t}");
    }
    let got = claims(TABLE_ROWS);
    let period = |from: &str, to: &str| Some((from.to_string(), to.to_string()));
    let jan_aug_2016 = period("2016-01-01", "2016-08-31");
    let jan_aug_2015 = period("2015-01-01", "2015-08-31");
    for (kind, value, when) in [
        ("vacancies", 14.0, &jan_aug_2016),
        ("vacancies", 6.0, &jan_aug_2015),
        ("consultants", 4_300_000.0, &jan_aug_2016),
        ("caseload", 31.0, &jan_aug_2016),
        ("caseload", 25.0, &jan_aug_2015),
    ] {
        assert!(
            got.iter()
                .any(|c| c.0 == kind && c.1 == value && &c.2 == when),
            "{kind} {value} {when:?} not in {got:?}"
        );
    }
    // Six figures of the measures, six of the three municipalities; the country's row none.
    assert_eq!(got.len(), 12, "{got:?}");
    assert!(!got.iter().any(|c| c.1 == 20.0 || c.1 == 19.0), "{got:?}");
}

/// A record whose municipality only its letterhead names, on every page ("Luleå kommun",
/// dropped as a running header) or in capitals ("VÄXJÖ KOMMUN"): its claims are of that
/// municipality. And the title LibreOffice put in the Info dictionary, the letterhead's
/// first line, gives way to the heading.
#[test]
fn the_letterhead_names_the_municipality() {
    for (file, municipality, title) in [
        (
            "tests/fixtures/claims-eval/records/001_lulea_delarsrapport.pdf",
            "Luleå",
            "Delårsrapport januari–augusti 2016",
        ),
        (
            "tests/fixtures/claims-eval/records/003_vaxjo_protokollsutdrag.pdf",
            "Växjö",
            "Information om personalsituationen inom enheten för barn och unga",
        ),
    ] {
        let r = parse(file);
        assert_eq!(r["title"], title, "{file}");
        assert_eq!(r["municipality"], municipality, "{file}");
        // The text never writes the name so (in Växjö's minutes, only in capitals).
        assert!(!text(&r).contains(municipality), "{file}");
        let o = avhopp(&["extract", "--format", "jsonl", file]);
        assert!(o.status.success(), "{}", stderr(&o));
        let claims = jsonl(&o);
        assert!(claims.len() >= 5, "{file}: {claims:?}");
        for c in &claims {
            assert_eq!(c["municipality"], municipality, "{file}: {c}");
        }
    }
}

#[test]
fn scanned_libreoffice_page_is_read_by_ocr_when_installed() {
    if !ocr_installed() {
        eprintln!("tesseract with Swedish or pdftoppm not installed; OCR test skipped");
        let o = avhopp(&["parse", "--format", "jsonl", LO_SCANNED]);
        assert!(stderr(&o).contains("needs OCR"), "{}", stderr(&o));
        return;
    }
    let r = parse(LO_SCANNED);
    assert_eq!(r["type"], "pdf");
    assert_eq!(r["published"], "2024-12-10");
    let t = text(&r);
    for s in [
        "Det är 21 socialsekreterare som slutat eller bytt tjänst under perioden",
        "Som ovan nämndes så är det 21 stycken som slutat januari till november 2024.",
    ] {
        assert!(t.contains(s), "{s:?} not read:\n{t}");
    }
    // No marks of the specks on the scan.
    assert!(!t.contains(" |"), "{t}");
    let got = claims(LO_SCANNED);
    assert!(
        got.iter().any(|c| c.0 == "resigned" && c.1 == 21.0),
        "{got:?}"
    );
}

#[test]
fn ocr_that_hangs_is_stopped_with_one_line() {
    // Stand-ins for the OCR tools: they say Swedish is installed, then hang as a tool stuck
    // on a hostile file would (`exec`, so that the process killed is the one sleeping).
    let bin = tempfile::TempDir::new().unwrap();
    for (tool, answer) in [("tesseract", "echo swe"), ("pdftoppm", "exit 0")] {
        let path = bin.path().join(tool);
        std::fs::write(
            &path,
            format!(
                "#!/bin/sh\ncase \"$1\" in --list-langs|-v) {answer};; *) exec sleep 600;; esac\n"
            ),
        )
        .unwrap();
        let mut perms = std::fs::metadata(&path).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
        std::fs::set_permissions(&path, perms).unwrap();
    }
    let path = format!("{}:/usr/bin:/bin", bin.path().display());
    let index = tempfile::TempDir::new().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_avhopp"))
        .current_dir(root())
        .env("PATH", &path)
        .env("AVHOPP_OCR_TIMEOUT", "0.5")
        .arg("--index")
        .arg(index.path().join("index"))
        .args(["parse", "--format", "jsonl", SCANNED, SEED_PDF])
        .output()
        .expect("run avhopp");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains(SCANNED) && err.contains("pdftoppm did not finish within 0.5 s"),
        "{err}"
    );
    // The run went on to the next file.
    assert_eq!(jsonl(&o).len(), 1);
}
