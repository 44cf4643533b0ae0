//! Word documents (`.docx`): the paragraphs of `word/document.xml` in order, and the title
//! and date of `docProps/core.xml`.
//!
//! Each `w:p` (body paragraphs and table cells alike) becomes one paragraph of the text,
//! separated by a blank line; within it the runs' `w:t` are joined as written, `w:tab` is a
//! tab and `w:br`/`w:cr` a line break. Deleted text (`w:delText`), field codes
//! (`w:instrText`) and the page headers and footers (other parts of the package) are left
//! out. The title is `dc:title`, else the first paragraph styled as a heading or title, else
//! the first short line; the publication date is a labelled date on the first page
//! ("Datum: 2024-12-10"), else `dcterms:created`.

use crate::dates::{self, PubDate};
use crate::document::{Document, Format, ReadError};
use chrono::NaiveDate;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::{Cursor, Read};

/// The largest `word/document.xml` read (a zip bomb guard): far beyond any real record.
const MAX_XML_BYTES: u64 = 200 * 1024 * 1024;

fn fail(display: &str, reason: impl Into<String>) -> ReadError {
    ReadError {
        path: display.to_string(),
        reason: reason.into(),
    }
}

/// Reads a `.docx` file's text and metadata.
pub fn read(bytes: &[u8], display: &str) -> Result<Document, ReadError> {
    if bytes.is_empty() {
        return Err(fail(display, "empty file (0 bytes), not a Word document"));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        fail(
            display,
            format!("broken Word file: not a valid .docx (zip) archive ({e})"),
        )
    })?;
    let body = part(&mut zip, "word/document.xml", display)?.ok_or_else(|| {
        fail(
            display,
            "not a Word document: the archive has no word/document.xml",
        )
    })?;
    let paragraphs =
        paragraphs(&body).map_err(|e| fail(display, format!("broken Word file: {e}")))?;
    let core = part(&mut zip, "docProps/core.xml", display)
        .ok()
        .flatten()
        .map(|xml| core_properties(&xml))
        .unwrap_or_default();

    let text = paragraphs
        .iter()
        .map(|p| p.text.trim())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    // The first page: roughly the first 3000 characters.
    let first_page: String = text.chars().take(3000).collect();
    let published = dates::find_published_in_text(&first_page)
        .or_else(|| header_date(&mut zip, display))
        .or(core.created)
        .map(PubDate::day);
    let title = core
        .title
        .or_else(|| {
            paragraphs
                .iter()
                .find(|p| p.heading && !p.text.trim().is_empty())
                .map(|p| one_line(&p.text))
        })
        .or_else(|| crate::document::title_from_text(&text));
    Ok(Document {
        title,
        published,
        ..Document::new(display, text, Format::Docx)
    })
}

/// A labelled date in the page headers ("Datum: 2024-12-10" beside the board's name, as
/// municipal templates put it): the headers are left out of the text, but their date is the
/// record's.
fn header_date(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, display: &str) -> Option<NaiveDate> {
    let mut names: Vec<String> = zip
        .file_names()
        .flatten()
        .filter(|n| n.starts_with("word/header") && n.ends_with(".xml"))
        .map(|n| n.into_owned())
        .collect();
    names.sort();
    names.iter().find_map(|name| {
        let xml = part(zip, name, display).ok().flatten()?;
        let text = paragraphs(&xml)
            .ok()?
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        dates::find_published_in_text(&text)
    })
}

/// One part of the package as text, or None when the package lacks it.
fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    display: &str,
) -> Result<Option<String>, ReadError> {
    let entry = match zip.by_name(name) {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(fail(display, format!("broken Word file: {name}: {e}"))),
    };
    let mut xml = String::new();
    entry
        .take(MAX_XML_BYTES)
        .read_to_string(&mut xml)
        .map_err(|e| fail(display, format!("broken Word file: {name}: {e}")))?;
    Ok(Some(xml))
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Paragraph {
    text: String,
    heading: bool,
}

/// The paragraphs of `word/document.xml`.
fn paragraphs(xml: &str) -> Result<Vec<Paragraph>, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut current: Option<Paragraph> = None;
    let mut in_text = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("word/document.xml is not well-formed XML ({e})"))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "p" => {
                    current = Some(Paragraph {
                        text: String::new(),
                        heading: false,
                    })
                }
                "t" => in_text = true,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" | "ptab" => push(&mut current, "\t"),
                "noBreakHyphen" => push(&mut current, "-"),
                "br" | "cr" => push(&mut current, "\n"),
                "p" => out.push(Paragraph {
                    text: String::new(),
                    heading: false,
                }),
                "pStyle" => {
                    let style = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == "val")
                        .map(|a| a.value.to_lowercase())
                        .unwrap_or_default();
                    if let Some(p) = current.as_mut() {
                        p.heading = ["heading", "rubrik", "title", "titel"]
                            .iter()
                            .any(|s| style.starts_with(s));
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "p" => {
                    if let Some(p) = current.take() {
                        out.push(p);
                    }
                }
                "t" => in_text = false,
                _ => {}
            },
            Event::Text(t) if in_text => push(&mut current, &t.xml10_content()),
            Event::CData(t) if in_text => push(&mut current, &t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.xml10_content().as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    push(&mut current, c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

fn push(current: &mut Option<Paragraph>, s: &str) {
    if let Some(p) = current.as_mut() {
        p.text.push_str(s);
    }
}

#[derive(Default)]
struct Core {
    title: Option<String>,
    created: Option<NaiveDate>,
}

/// `dc:title` and `dcterms:created` of `docProps/core.xml`.
fn core_properties(xml: &str) -> Core {
    let mut reader = Reader::from_str(xml);
    let mut core = Core::default();
    let mut field: Option<&'static str> = None;
    let mut value = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                field = match e.local_name().as_ref() {
                    "title" => Some("title"),
                    "created" => Some("created"),
                    _ => None,
                };
                value.clear();
            }
            Ok(Event::Text(t)) if field.is_some() => value.push_str(&t.xml10_content()),
            Ok(Event::GeneralRef(r)) if field.is_some() => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    value.push(c);
                } else if r.xml10_content().as_ref() == "amp" {
                    value.push('&');
                }
            }
            Ok(Event::End(_)) => match field.take() {
                Some("title") => {
                    let t = one_line(&value);
                    if !t.is_empty() {
                        core.title = Some(t);
                    }
                }
                Some("created") => {
                    core.created = value
                        .get(..10)
                        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
                }
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    core
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_runs_tabs_and_breaks() {
        let xml = r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body>
            <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Rubrik om krisen</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">Det är 21 </w:t></w:r><w:r><w:t>socialsekreterare</w:t></w:r>
                 <w:r><w:tab/><w:t>A &amp; B</w:t><w:br/><w:t>ny rad</w:t></w:r>
                 <w:r><w:instrText>PAGE</w:instrText><w:delText>borttaget</w:delText></w:r></w:p>
            <w:p/>
            </w:body></w:document>"#;
        let ps = paragraphs(xml).unwrap();
        assert_eq!(ps.len(), 3);
        assert!(ps[0].heading);
        assert_eq!(ps[0].text, "Rubrik om krisen");
        assert_eq!(ps[1].text, "Det är 21 socialsekreterare\tA & B\nny rad");
        assert!(!ps[1].heading);
    }

    #[test]
    fn core_title_and_created() {
        let xml = r#"<cp:coreProperties xmlns:cp="a" xmlns:dc="b" xmlns:dcterms="c">
            <dc:title>Svar på interpellation</dc:title>
            <dcterms:created xsi:type="dcterms:W3CDTF">2025-01-07T09:30:00Z</dcterms:created>
            </cp:coreProperties>"#;
        let c = core_properties(xml);
        assert_eq!(c.title.as_deref(), Some("Svar på interpellation"));
        assert_eq!(c.created, NaiveDate::from_ymd_opt(2025, 1, 7));
    }
}
