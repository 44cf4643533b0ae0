//! Stored pages into the index, the same way for a crawl and for `avhopp reindex`: the
//! archived body is decoded, parsed (`html::parse`), analysed (`ingest::analyse`), checked
//! against the texts recorded so far (exact and near duplicates) and added with the
//! canonical URL as its key. The document's path is its WARC record, `warc/FILE#OFFSET`
//! (relative to the corpus folder), so every indexed document points back to its response.

use super::archive::{Pointer, Record};
use super::charset;
use super::dedup::{self, Dedup, Verdict};
use crate::dates::PubDate;
use crate::document::{DocType, Document, Format};
use crate::index::{Added, AvhoppIndex, Ingester};
use crate::{geo, html, ingest, lang};
use anyhow::Result;

/// What became of the stored pages.
#[derive(Debug, Default, Clone)]
pub struct Counts {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub duplicates: usize,
    pub near_duplicates: usize,
    pub claims: usize,
    pub not_swedish: usize,
    pub no_text: usize,
    pub unsupported: usize,
}

impl Counts {
    pub fn line(&self) -> String {
        format!(
            "{} documents added, {} updated, {} unchanged, {} duplicates ({} near); {} claims; {} not Swedish (no claims); {} without text; {} not HTML or text",
            self.added,
            self.replaced,
            self.unchanged,
            self.duplicates + self.near_duplicates,
            self.near_duplicates,
            self.claims,
            self.not_swedish,
            self.no_text,
            self.unsupported
        )
    }
}

/// The fingerprints of a text that was recorded, to be kept in the crawl state.
pub struct Fingerprint {
    pub hash: String,
    pub sim: Option<u64>,
}

/// The folder-relative path a document read from `ptr` is given.
pub fn doc_path(ptr: &Pointer) -> String {
    format!("warc/{ptr}")
}

fn media_type(rec: &Record) -> String {
    rec.header("content-type")
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

const DOCX_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// A PDF or Word file fetched by the crawler: municipal records are mostly published so.
/// A scanned PDF is not OCR'd from memory here: it counts as unreadable.
fn record_file(rec: &Record, mt: &str, ptr: &Pointer) -> Option<Result<Document, &'static str>> {
    let display = doc_path(ptr);
    let read = if mt == "application/pdf" || rec.body.starts_with(b"%PDF-") {
        crate::pdf::read(&rec.body, None, &display)
    } else if mt == DOCX_TYPE {
        crate::docx::read(&rec.body, &display)
    } else {
        return None;
    };
    Some(read.map_err(|_| "unreadable PDF or Word file"))
}

/// The document of a stored response; `Err` says why there is none.
pub fn document(rec: &Record, ptr: &Pointer) -> Result<Document, &'static str> {
    let mt = media_type(rec);
    if let Some(file) = record_file(rec, &mt, ptr) {
        let mut doc = file?;
        if doc.text.trim().is_empty() {
            return Err("no text");
        }
        doc.url = Some(rec.url.clone());
        if !rec.source.is_empty() && rec.source != "command line" {
            doc.publisher = Some(rec.source.clone());
        }
        doc.doc_type = DocType::parse(&rec.doc_type).unwrap_or_default();
        doc.municipality = rec.municipality.as_deref().and_then(geo::lookup);
        return Ok(doc);
    }
    let is_html = matches!(mt.as_str(), "text/html" | "application/xhtml+xml")
        || (mt.is_empty() && {
            let head =
                String::from_utf8_lossy(&rec.body[..rec.body.len().min(1024)]).to_ascii_lowercase();
            head.contains("<html") || head.contains("<!doctype html")
        });
    if !is_html && mt != "text/plain" {
        return Err("not HTML or text");
    }
    let text = charset::decode(&rec.body, rec.header("content-type"));
    let mut doc = if is_html {
        let page = html::parse(&text);
        Document {
            title: page.title,
            published: page.published.map(PubDate::day),
            publisher: page.site_name,
            author: page.author,
            ..Document::new(&doc_path(ptr), page.text, Format::Html)
        }
    } else {
        Document {
            title: text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .map(str::to_string),
            published: crate::dates::find_published_in_text(&text).map(PubDate::day),
            ..Document::new(&doc_path(ptr), text, Format::Text)
        }
    };
    if doc.text.trim().is_empty() {
        return Err("no text");
    }
    doc.url = Some(rec.url.clone());
    if doc.publisher.is_none() && !rec.source.is_empty() && rec.source != "command line" {
        doc.publisher = Some(rec.source.clone());
    }
    doc.doc_type = DocType::parse(&rec.doc_type).unwrap_or_default();
    doc.municipality = rec.municipality.as_deref().and_then(geo::lookup);
    Ok(doc)
}

/// Adds stored pages to the index.
pub struct Indexer<'a> {
    writer: Ingester<'a>,
    pub dedup: Dedup,
    pub counts: Counts,
}

impl<'a> Indexer<'a> {
    pub fn new(index: &'a AvhoppIndex, dedup: Dedup) -> Result<Indexer<'a>> {
        Ok(Indexer {
            writer: index.writer()?,
            dedup,
            counts: Counts::default(),
        })
    }

    /// Indexes one stored page. Returns the fingerprint to remember when its text was
    /// recorded as new (or as a new version of its page), and a line to report, if any.
    pub fn add(
        &mut self,
        ptr: &Pointer,
        rec: &Record,
    ) -> Result<(Option<Fingerprint>, Option<String>)> {
        let doc = match document(rec, ptr) {
            Ok(d) => d,
            Err(why) => {
                if why == "no text" {
                    self.counts.no_text += 1;
                } else {
                    self.counts.unsupported += 1;
                }
                return Ok((None, None));
            }
        };
        let hash = doc.content_hash();
        let sim = dedup::simhash(&doc.text);
        match self.dedup.check(&rec.url, &hash, sim) {
            Verdict::Unchanged => {
                self.counts.unchanged += 1;
                return Ok((None, None));
            }
            Verdict::Duplicate(of) => {
                self.counts.duplicates += 1;
                return Ok((
                    None,
                    Some(format!("{}: same text as {of}, indexed once", rec.url)),
                ));
            }
            Verdict::NearDuplicate(of) => {
                self.counts.near_duplicates += 1;
                return Ok((
                    None,
                    Some(format!(
                        "{}: nearly the same text as {of}, indexed once",
                        rec.url
                    )),
                ));
            }
            Verdict::New => {}
        }
        let analysis = ingest::analyse(&doc);
        if !lang::is_swedish(analysis.lang) {
            self.counts.not_swedish += 1;
        }
        match self.writer.add(&doc, &rec.url, &analysis)? {
            Added::New => {
                self.counts.added += 1;
                self.counts.claims += analysis.claims.len();
            }
            Added::Replaced => {
                self.counts.replaced += 1;
                self.counts.claims += analysis.claims.len();
            }
            Added::Unchanged => self.counts.unchanged += 1,
            Added::Duplicate(_) => self.counts.duplicates += 1,
        }
        self.dedup.record(&rec.url, &hash, sim);
        Ok((Some(Fingerprint { hash, sim }), None))
    }

    pub fn commit(&mut self) -> Result<()> {
        self.writer.commit()
    }

    pub fn finish(self) -> Result<Counts> {
        self.writer.finish()?;
        Ok(self.counts)
    }
}

/// Rebuilds index entries from every stored page of the archive in `dir`, in the order they
/// were stored, with no network.
pub fn reindex(
    index: &AvhoppIndex,
    dir: &std::path::Path,
    mut report: impl FnMut(&str),
) -> Result<(Counts, usize)> {
    let mut indexer = Indexer::new(index, Dedup::default())?;
    let mut records = 0;
    for name in super::archive::files(dir)? {
        let mut err = None;
        super::archive::read_file(dir, &name, |r| {
            if err.is_some() {
                return;
            }
            match r {
                Ok((ptr, rec)) => {
                    records += 1;
                    if rec.kind == "page" && (200..300).contains(&rec.status) {
                        match indexer.add(&ptr, &rec) {
                            Ok((_, Some(line))) => report(&line),
                            Ok(_) => {}
                            Err(e) => err = Some(e),
                        }
                    }
                }
                Err(e) => report(&e.to_string()),
            }
        })?;
        if let Some(e) = err {
            return Err(e);
        }
    }
    Ok((indexer.finish()?, records))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fetched_pdf_is_read_like_a_file() {
        let body = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/pdf/interpellation_002.pdf"
        ))
        .unwrap();
        let rec = Record {
            url: "https://kommun.example.se/handlingar/svar.pdf".into(),
            date: "2024-12-11T08:00:00Z".into(),
            status: 200,
            headers: vec![("Content-Type".into(), "application/pdf".into())],
            body,
            source: "Kommunen".into(),
            kind: "page".into(),
            doc_type: "municipal".into(),
            municipality: Some("Vallentuna".into()),
        };
        let ptr = Pointer {
            file: "a.warc.gz".into(),
            offset: 0,
        };
        let doc = document(&rec, &ptr).unwrap();
        assert!(
            doc.text.contains("21 socialsekreterare som slutat"),
            "{}",
            doc.text
        );
        assert_eq!(
            doc.url.as_deref(),
            Some("https://kommun.example.se/handlingar/svar.pdf")
        );
        assert_eq!(doc.municipality.map(|m| m.name), Some("Vallentuna"));
        assert_eq!(doc.doc_type, DocType::Municipal);
        let broken = Record {
            body: b"%PDF-1.4 garbage".to_vec(),
            ..rec
        };
        assert_eq!(
            document(&broken, &ptr).unwrap_err(),
            "unreadable PDF or Word file"
        );
    }
}
