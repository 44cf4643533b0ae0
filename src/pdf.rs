//! PDF documents: the text layer in reading order, and the record's title and date.
//!
//! Municipal minutes, interpellation answers and reports are mostly PDFs exported from an
//! office suite. The text layer is read with `pdf-extract` (over `lopdf`), which hands over
//! every glyph with its position and size; from those this module builds:
//!
//! - **lines**, then the page's **reading order**: a page whose lines leave an empty vertical
//!   gutter near the middle (at least three lines on each side) is read as two columns, left
//!   then right, between any full-width lines above and below them;
//! - **running headers and footers** dropped: a line in the top or bottom band of the page
//!   that recurs (digits ignored) on at least half of the pages, and page numbers ("Sida 3
//!   av 12", "3 (12)", "- 3 -") wherever they stand in those bands;
//! - **paragraphs**, one per line of output and separated by a blank line, split where the
//!   line spacing opens up or the font size changes; a paragraph that runs over a page or
//!   column break is joined when its last line does not end a sentence;
//! - **tables**: cells that stand at one baseline, apart by more than a word space, the
//!   ones after the first short, in a run of such rows with a figure among them, become one
//!   line a row with a tab between cells, and the table a paragraph of its own (a label or
//!   header wrapped in its cell is joined to its row; rows that run into the page's bands
//!   at the table's pitch stay rows, a footer set apart does not); so `claims::table`
//!   reads them as it reads plain-text and HTML tables. Cells less than two and a half ems
//!   apart stay one piece of text (narrow columns set flush right): the table reader parts
//!   header periods run together ("Jan–aug 2016 Jan–aug 2015") again;
//! - **hyphenation** undone: "social-" + "sekreterare" is joined when the next line goes on
//!   in lower case (or the joined word occurs elsewhere in the document), while
//!   "Rinkeby-" + "Kista" and "barn-" + "och unga" keep their hyphen.
//!
//! Metadata: the title is the Info dictionary's Title, else the first page's largest
//! heading, else its first short line; the publication date is a labelled date on the first
//! page ("Datum: 2024-12-10", "Sammanträdesdatum: ..."), else an ISO date near its top, else
//! the Info CreationDate.
//!
//! A PDF without a text layer (a scan) is run through OCR when `pdftoppm` (poppler-utils)
//! and `tesseract` with the Swedish model are installed; otherwise it is refused with a
//! one-line note saying how to install them. Broken, truncated and password-protected files
//! get a one-line reason; the PDF crates can panic on hostile input, so they run under
//! `catch_unwind` with the panic message kept off stderr.

use crate::dates::{self, PubDate};
use crate::document::{Document, Format, ReadError};
use crate::typography::{self, join_lines};
use chrono::NaiveDate;
use pdf_extract::{MediaBox, Object, OutputDev, OutputError, Transform};
use regex::Regex;
use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::{LazyLock, Once};
use std::time::{Duration, Instant};

/// How to get OCR, for the note on scanned PDFs.
pub const OCR_HINT: &str = "apt-get install tesseract-ocr tesseract-ocr-swe poppler-utils";

fn fail(display: &str, reason: impl Into<String>) -> ReadError {
    ReadError {
        path: display.to_string(),
        reason: reason.into(),
    }
}

/// Reads a PDF file's text and metadata. `ocr` is the file on disk to hand to OCR when the
/// PDF has no text layer; with `None` (fetched bytes, fuzzing) such a PDF is refused with
/// the one-line note instead.
pub fn read(bytes: &[u8], ocr: Option<&Path>, display: &str) -> Result<Document, ReadError> {
    if bytes.is_empty() {
        return Err(fail(display, "empty file (0 bytes), not a PDF"));
    }
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(fail(display, "not a PDF (no %PDF header); is it misnamed?"));
    }
    let mut pdf = quietly(|| pdf_extract::Document::load_mem(bytes))
        .ok_or_else(|| fail(display, "broken PDF: the PDF reader could not parse it"))?
        .map_err(|e| fail(display, format!("broken PDF: {}", one_line(&e.to_string()))))?;
    if pdf.is_encrypted() {
        // Many exports are "protected" only against editing, with an empty user password.
        let opened = quietly(|| pdf.decrypt("").is_ok()).unwrap_or(false);
        if !opened || pdf.is_encrypted() {
            return Err(fail(
                display,
                "encrypted PDF: it needs a password to open; save an unprotected copy",
            ));
        }
    }
    let info = Info::of(&pdf);
    let pages = {
        let mut collector = Collector::default();
        match quietly(|| pdf_extract::output_doc(&pdf, &mut collector)) {
            None => return Err(fail(display, "broken PDF: the PDF reader gave up on it")),
            Some(Err(e)) if collector.pages.iter().all(|p| p.glyphs.is_empty()) => {
                return Err(fail(
                    display,
                    format!("broken PDF: {}", one_line(&e.to_string())),
                ))
            }
            // A failure after some pages were read keeps what was read.
            Some(_) => {}
        }
        collector.pages
    };
    let page_count = pdf.get_pages().len();
    drop(pdf);

    let mut pages: Vec<Vec<Line>> = pages.iter().map(page_lines).collect();
    let glyphs: usize = pages
        .iter()
        .flatten()
        .map(|l| l.text.chars().filter(|c| c.is_alphanumeric()).count())
        .sum();
    if glyphs < 20 {
        if page_count == 0 {
            return Err(fail(display, "broken PDF: it has no pages"));
        }
        pages = match ocr {
            Some(path) => ocr_pages(path),
            None => Err(
                "scanned PDF without a text layer: it needs OCR, which is run only on local files"
                    .to_string(),
            ),
        }
        .map_err(|why| fail(display, why))?;
    }
    Ok(assemble(pages, info, display))
}

/// Runs `f` catching any panic, without the panic message reaching stderr.
fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    thread_local! {
        static QUIET: Cell<bool> = const { Cell::new(false) };
    }
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info)
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    result.ok()
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the Info dictionary says.
#[derive(Default)]
struct Info {
    title: Option<String>,
    created: Option<NaiveDate>,
}

impl Info {
    fn of(pdf: &pdf_extract::Document) -> Info {
        let dict = pdf.trailer.get(b"Info").ok().and_then(|o| match o {
            Object::Reference(id) => pdf.get_dictionary(*id).ok(),
            Object::Dictionary(d) => Some(d),
            _ => None,
        });
        let Some(dict) = dict else {
            return Info::default();
        };
        let string = |key: &[u8]| match dict.get(key).ok()? {
            Object::String(bytes, _) => Some(decode_pdf_string(bytes)),
            Object::Reference(id) => match pdf.get_object(*id).ok()? {
                Object::String(bytes, _) => Some(decode_pdf_string(bytes)),
                _ => None,
            },
            _ => None,
        };
        Info {
            title: string(b"Title").and_then(|t| clean_title(&t)),
            created: string(b"CreationDate").and_then(|d| pdf_date(&d)),
        }
    }
}

/// A PDF text string: UTF-16BE with a byte order mark, UTF-8 with one, else PDFDocEncoding
/// (Latin-1 for the letters that matter here).
fn decode_pdf_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
}

/// A title worth keeping: not empty, not a placeholder, without "Microsoft Word - ".
fn clean_title(t: &str) -> Option<String> {
    let t = one_line(t.trim_matches(char::from(0)));
    let t = t.strip_prefix("Microsoft Word - ").unwrap_or(&t);
    let lower = t.to_lowercase();
    let placeholder = ["untitled", "namnlös", "dokument1", "document1", "rapport"]
        .iter()
        .any(|p| lower == *p)
        || [".doc", ".docx", ".odt", ".pdf", ".rtf"]
            .iter()
            .any(|e| lower.ends_with(e));
    (!t.is_empty() && !placeholder).then(|| t.to_string())
}

/// "D:20241210093000+01'00'" -> 2024-12-10.
fn pdf_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim().trim_start_matches("D:");
    let digits: String = s.chars().take(8).collect();
    if digits.len() < 8 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    NaiveDate::parse_from_str(&digits, "%Y%m%d").ok()
}

/// One glyph as drawn: its origin (from the top left of the page), advance and size.
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    y: f64,
    advance: f64,
    size: f64,
    text: String,
}

#[derive(Debug, Default)]
struct PageGlyphs {
    width: f64,
    height: f64,
    glyphs: Vec<Glyph>,
}

/// Receives the glyphs pdf-extract finds, page by page.
#[derive(Default)]
struct Collector {
    pages: Vec<PageGlyphs>,
    top: f64,
    bottom: f64,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.top = media_box.ury;
        self.bottom = media_box.lly;
        self.pages.push(PageGlyphs {
            width: (media_box.urx - media_box.llx).abs(),
            height: (media_box.ury - media_box.lly).abs(),
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        // The glyph's size as drawn: the side of the square with the area the font size
        // vector covers once transformed (as pdf-extract's own plain-text output does).
        let vx = font_size * trm.m11 + font_size * trm.m21;
        let vy = font_size * trm.m12 + font_size * trm.m22;
        let size = (vx * vy).abs().sqrt().max(1.0);
        let glyph = Glyph {
            x: trm.m31,
            y: self.top - trm.m32,
            advance: width * size,
            size,
            text: char.to_string(),
        };
        if let Some(page) = self.pages.last_mut() {
            page.glyphs.push(glyph);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// A line of text on a page, with its extent and baseline.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    /// In the top or bottom band of the page, where running headers and footers stand.
    band: bool,
    /// Starts a new paragraph (set when the page is ordered).
    para: bool,
    /// Comes after a column or page break: joined to the line before only when that line
    /// does not end a sentence.
    soft: bool,
    /// A row of a table, its cells apart by tabs: kept a line of its own.
    row: bool,
}

/// The lines of one page in reading order.
fn page_lines(page: &PageGlyphs) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut last_end = f64::MIN;
    for g in &page.glyphs {
        let new_line = match lines.last() {
            None => true,
            Some(l) => {
                (g.y - l.y).abs() > 0.5 * g.size.min(l.size)
                    || g.x < last_end - g.size
                    || g.x > last_end + 2.5 * g.size
            }
        };
        if new_line {
            if g.text.trim().is_empty() {
                continue;
            }
            lines.push(Line {
                text: String::new(),
                x0: g.x,
                x1: g.x,
                y: g.y,
                size: g.size,
                band: false,
                para: false,
                soft: false,
                row: false,
            });
        } else if g.x > last_end + 0.15 * g.size {
            let l = lines.last_mut().expect("a line");
            if !l.text.ends_with(' ') && !g.text.starts_with(' ') {
                l.text.push(' ');
            }
        }
        let l = lines.last_mut().expect("a line");
        l.text.push_str(&g.text);
        l.x1 = l.x1.max(g.x + g.advance);
        l.size = l.size.max(g.size);
        last_end = g.x + g.advance;
    }
    for l in &mut lines {
        l.text = one_line(&l.text);
        l.band = l.y < page.height * 0.1 || l.y > page.height * 0.9;
    }
    lines.retain(|l| !l.text.is_empty());
    order(join_table_rows(lines), page.width)
}

/// A table cell that holds a figure: "14", "8,2", "4 300", "-3", "+2 400", "12 %", or a
/// dash for none.
static FIGURE_CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-+−–]\s?)?\d{1,3}(?:[ \u{a0}\u{202f}]?\d{3})*(?:[,.]\d+)?\s?(?:%|procent|tkr|mnkr|mkr|kr)?$|^[-−–]$")
        .expect("figure cell")
});

/// A year: the end of a header wrapped in its cell ("Utfall jan–aug" / "2016").
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:19|20)\d\d$").expect("year"));

/// Cells after a table row's first that are no figure are short: a header ("Utfall
/// jan–aug 2016"), a unit, a note. Longer text beside a line is the other column of a page.
fn short_cell(text: &str) -> bool {
    text.chars().count() <= 40 && text.split_whitespace().count() <= 6
}

/// A table row as it is gathered: its cells, where each stands, and its last line.
struct TableRow {
    cells: Vec<String>,
    x0: Vec<f64>,
    x1: Vec<f64>,
    y: f64,
    last_y: f64,
    size: f64,
}

impl TableRow {
    /// The fragments of one baseline as a row: at least two, set apart, the ones after the
    /// first short. (Whether a row in the page's bands belongs to a table is the caller's to
    /// judge.)
    fn of(fragments: &[Line]) -> Option<TableRow> {
        if fragments.len() < 2
            || !fragments[1..].iter().all(|f| short_cell(&f.text))
            || fragments
                .windows(2)
                .any(|w| w[1].x0 - w[0].x1 < w[0].size.min(w[1].size))
        {
            return None;
        }
        Some(TableRow {
            cells: fragments.iter().map(|f| f.text.clone()).collect(),
            x0: fragments.iter().map(|f| f.x0).collect(),
            x1: fragments.iter().map(|f| f.x1).collect(),
            y: fragments[0].y,
            last_y: fragments[0].y,
            size: fragments.iter().map(|f| f.size).fold(0.0, f64::max),
        })
    }

    fn has_figure(&self) -> bool {
        self.cells[1..].iter().any(|c| FIGURE_CELL.is_match(c))
    }

    /// Takes the fragments of the next baseline when they go on the row's cells: a label or
    /// header wrapped in its cell ("Vakanta tjänster," / "socialsekreterare"). They stand at
    /// line spacing below, each within one cell's column, hold no figure, and go on from
    /// the cell's text (lower case, a digit, or after a comma or hyphen): a label of its
    /// own ("Barn och unga") starts a row instead.
    fn take_wrapped(&mut self, fragments: &[Line]) -> bool {
        let first = &fragments[0];
        if first.band || first.y - self.last_y > 1.4 * self.size {
            return false;
        }
        // Where one cell's column ends and the next begins: midway between them.
        let bounds: Vec<f64> = (1..self.cells.len())
            .map(|i| (self.x1[i - 1] + self.x0[i]) / 2.0)
            .collect();
        let mut columns = Vec::with_capacity(fragments.len());
        for f in fragments {
            let column = bounds.iter().filter(|b| **b < f.x0).count();
            let right = bounds.get(column).copied().unwrap_or(f64::INFINITY);
            let goes_on = continues(&f.text)
                || self.cells[column].ends_with([',', '-', '–', '/', '('])
                || f.text.starts_with('(');
            let figure = FIGURE_CELL.is_match(&f.text) && !YEAR.is_match(&f.text);
            if f.x1 > right || figure || !goes_on {
                return false;
            }
            columns.push(column);
        }
        for (f, column) in fragments.iter().zip(columns) {
            let cell = &mut self.cells[column];
            *cell = join_lines(cell, &f.text, &HashSet::new());
        }
        self.last_y = first.y;
        true
    }

    /// Takes the next baseline into a header that holds no figure yet, cell by cell where
    /// the pieces stand over one another, as a cell of its own where none does: a header
    /// row's cells wrapped over two lines with its label set in the middle ("Jan–aug" /
    /// "Nyckeltal" / "2016"). Its pieces are short, as header cells are: a line of text
    /// below is no part of it.
    fn take_header_line(&mut self, fragments: &[Line]) -> bool {
        let first = &fragments[0];
        if first.band
            || self.has_figure()
            || first.y - self.last_y > 1.4 * self.size
            || fragments.iter().any(|f| {
                !short_cell(&f.text) || FIGURE_CELL.is_match(&f.text) && !YEAR.is_match(&f.text)
            })
        {
            return false;
        }
        for f in fragments {
            match (0..self.cells.len()).find(|&k| f.x0 < self.x1[k] && f.x1 > self.x0[k]) {
                Some(k) => {
                    self.cells[k] = join_lines(&self.cells[k], &f.text, &HashSet::new());
                    self.x0[k] = self.x0[k].min(f.x0);
                    self.x1[k] = self.x1[k].max(f.x1);
                }
                None => {
                    let at = self.x0.iter().filter(|x| **x < f.x0).count();
                    self.cells.insert(at, f.text.clone());
                    self.x0.insert(at, f.x0);
                    self.x1.insert(at, f.x1);
                }
            }
        }
        self.last_y = first.y;
        true
    }

    fn into_line(self) -> Line {
        Line {
            text: self.cells.join("\t"),
            x0: self.x0[0],
            x1: self.x1.iter().copied().fold(f64::MIN, f64::max),
            y: self.y,
            size: self.size,
            band: false,
            para: false,
            soft: false,
            row: true,
        }
    }
}

/// Finds tables among a page's lines and makes each row one line, its cells apart by tabs
/// (as `claims::table` reads them). A row is two or more pieces of text at one baseline,
/// set apart by more than a word space (as `page_lines` splits them), all but the first
/// short; a table is a run of such rows, one at least with a figure after its label, with
/// labels and headers wrapped in their cells joined to their row. Office suites draw a
/// table cell by cell, LibreOffice column by column, so rows are found by position, not by
/// the order of drawing. Two columns of text are no table: their lines are long.
fn join_table_rows(mut lines: Vec<Line>) -> Vec<Line> {
    lines.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    // The lines of one baseline, left to right.
    let mut baselines: Vec<Vec<Line>> = Vec::new();
    for l in lines {
        match baselines.last_mut() {
            Some(b) if (l.y - b[0].y).abs() <= 0.3 * l.size.min(b[0].size) => b.push(l),
            _ => baselines.push(vec![l]),
        }
    }
    for b in &mut baselines {
        b.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < baselines.len() {
        let mut rows: Vec<TableRow> = Vec::new();
        let mut j = i;
        while j < baselines.len() {
            let next = &baselines[j];
            if rows
                .last_mut()
                .is_some_and(|r| r.take_wrapped(next) || r.take_header_line(next))
            {
                j += 1;
                continue;
            }
            // A row in the page's top or bottom band, where headers and footers stand, only
            // goes on a table at the pitch of its rows: a table may run to the foot of the
            // page, while a footer stands apart ("Luleå kommun    2" is no row).
            let band = next.iter().any(|f| f.band);
            let pitch = match rows.as_slice() {
                [.., a, b] => b.y - a.last_y,
                _ => 0.0,
            };
            match TableRow::of(next) {
                Some(row)
                    if !band
                        || row.y - rows.last().map_or(f64::MAX, |r| r.last_y) <= 1.25 * pitch =>
                {
                    // Rows of one table follow at a row's height or so, not a page's width
                    // away.
                    if rows.last().is_some_and(|r| row.y - r.last_y > 3.0 * r.size) {
                        break;
                    }
                    rows.push(row);
                }
                _ => break,
            }
            j += 1;
        }
        if rows.len() >= 2 && rows.iter().any(TableRow::has_figure) {
            out.extend(rows.into_iter().map(TableRow::into_line));
            i = j;
        } else {
            out.append(&mut baselines[i]);
            i += 1;
        }
    }
    out
}

/// Puts a page's lines in reading order (columns left to right between full-width lines)
/// and marks where paragraphs start.
fn order(mut lines: Vec<Line>, width: f64) -> Vec<Line> {
    lines.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let gutter = find_gutter(&lines, width);
    let mut ordered: Vec<Line> = Vec::with_capacity(lines.len());
    match gutter {
        None => {
            ordered = lines;
            mark_paragraphs(&mut ordered);
        }
        Some(c) => {
            let (mut left, mut right): (Vec<Line>, Vec<Line>) = (Vec::new(), Vec::new());
            let flush = |ordered: &mut Vec<Line>, left: &mut Vec<Line>, right: &mut Vec<Line>| {
                mark_paragraphs(left);
                mark_paragraphs(right);
                if let Some(first) = right.first_mut() {
                    first.soft = !left.is_empty();
                    first.para = left.is_empty();
                }
                ordered.append(left);
                ordered.append(right);
            };
            // Full-width lines (a heading, a paragraph above or below the columns) are read
            // as a run of their own, so a paragraph of several such lines stays one.
            let mut full: Vec<Line> = Vec::new();
            let end_full = |ordered: &mut Vec<Line>, full: &mut Vec<Line>| {
                mark_paragraphs(full);
                ordered.append(full);
            };
            for l in lines {
                // The short last line of a full-width paragraph stops left of the gutter:
                // it still belongs to the paragraph when it follows at line spacing.
                let ends_full = full.last().is_some_and(|f| {
                    left.is_empty()
                        && right.is_empty()
                        && l.y - f.y <= 1.5 * f.size.max(l.size)
                        && (l.x0 - f.x0).abs() < f.size
                });
                if (l.x1 <= c || l.x0 >= c) && !ends_full {
                    end_full(&mut ordered, &mut full);
                    if l.x1 <= c {
                        left.push(l);
                    } else {
                        right.push(l);
                    }
                } else {
                    flush(&mut ordered, &mut left, &mut right);
                    full.push(l);
                }
            }
            flush(&mut ordered, &mut left, &mut right);
            end_full(&mut ordered, &mut full);
        }
    }
    if let Some(first) = ordered.first_mut() {
        first.para = true;
    }
    ordered
}

/// The x of an empty vertical gutter between two columns, if the page has one.
fn find_gutter(lines: &[Line], width: f64) -> Option<f64> {
    let body: Vec<&Line> = lines.iter().filter(|l| !l.band).collect();
    if body.len() < 6 || width <= 0.0 {
        return None;
    }
    let mut best: Option<(usize, Vec<f64>)> = None;
    let mut c = width * 0.3;
    while c <= width * 0.7 {
        let crossing = body.iter().filter(|l| l.x0 < c && l.x1 > c).count();
        match &mut best {
            Some((n, xs)) if crossing == *n => xs.push(c),
            Some((n, _)) if crossing > *n => {}
            _ => best = Some((crossing, vec![c])),
        }
        c += 1.0;
    }
    let (crossing, xs) = best?;
    let c = xs[xs.len() / 2];
    let left = body.iter().filter(|l| l.x1 <= c).count();
    let right = body.iter().filter(|l| l.x0 >= c).count();
    let enough = |n: usize| n >= 3 && n * 100 >= body.len() * 15;
    (enough(left) && enough(right) && crossing * 100 <= body.len() * 25).then_some(c)
}

/// Marks paragraph starts in a run of lines of one column, top to bottom: where the gap to
/// the line above is clearly wider than the usual line spacing, or the size changes.
fn mark_paragraphs(lines: &mut [Line]) {
    // The usual line spacing: the smallest gap between lines that is not a superscript or
    // two fragments of one line (at least 0.9 of the line's size).
    let usual = lines
        .windows(2)
        .map(|w| (w[1].y - w[0].y, w[1].size))
        .filter(|(g, size)| *g >= 0.9 * size)
        .map(|(g, _)| g)
        .min_by(f64::total_cmp);
    for i in 1..lines.len() {
        let gap = lines[i].y - lines[i - 1].y;
        let size_change = (lines[i].size - lines[i - 1].size).abs() > 1.0;
        // The usual spacing of body text, or of this line's size when it is larger (a
        // wrapped heading).
        let spacing = usual.unwrap_or(0.0).max(lines[i].size * 1.2);
        let wide = gap > spacing * 1.3;
        if wide || size_change {
            lines[i].para = true;
        }
    }
    mark_short_lines(lines);
    if let Some(first) = lines.first_mut() {
        first.para = true;
    }
}

/// Marks a paragraph start after a line that stops well short of the column's right edge
/// when the next line starts with a capital or a digit: a label line ("Datum: 2024-12-10")
/// or the last line of a paragraph set without extra spacing. Only a paragraph's last line
/// is short, so this does not split paragraphs.
///
/// Also after a line that ends a sentence with room left for the next line's first word:
/// an office suite fills each line with as many words as fit, so that line was ended by
/// the writer (a bold question followed by its answer with no spacing between them).
fn mark_short_lines(lines: &mut [Line]) {
    let left = lines.iter().map(|l| l.x0).fold(f64::MAX, f64::min);
    let right = lines.iter().map(|l| l.x1).fold(f64::MIN, f64::max);
    let width = right - left;
    if width <= 0.0 {
        return;
    }
    for i in 1..lines.len() {
        let (prev, next) = (&lines[i - 1], &lines[i]);
        let short = prev.x1 < right - 0.3 * width && !prev.text.ends_with('-');
        let room = right - prev.x1;
        let next_word = first_word_width(next);
        let would_fit = next_word > 0.0 && room > next_word * 1.1 + 0.5 * next.size;
        if (short && !continues(&next.text)) || (would_fit && ends_sentence(&prev.text)) {
            lines[i].para = true;
        }
    }
}

/// The width of a line's first word, from its share of the line's characters.
fn first_word_width(line: &Line) -> f64 {
    let chars = line.text.chars().count();
    let word = line
        .text
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    if chars == 0 {
        return 0.0;
    }
    (line.x1 - line.x0) * word as f64 / chars as f64
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?:sida|sid\.?|s\.|page)\s*\d+(?:\s*(?:av|/|of|\()\s*\d+\)?)?
          | \d+\s*(?:\(\s*\d+\s*\)|/\s*\d+|av\s+\d+)
          | [-–—]?\s*\d{1,4}\s*[-–—]?
        )$",
    )
    .expect("page number")
});

/// The key under which header and footer lines are compared: digits do not count.
fn band_key(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Drops running headers, footers and page numbers.
fn drop_running_lines(pages: &mut [Vec<Line>]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in pages.iter() {
        let keys: HashSet<String> = page
            .iter()
            .filter(|l| l.band)
            .map(|l| band_key(&l.text))
            .collect();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let needed = pages.len().div_ceil(2).max(2);
    for page in pages.iter_mut() {
        let mut kept: Vec<Line> = Vec::with_capacity(page.len());
        for l in page.drain(..) {
            let running = l.band
                && (PAGE_NUMBER.is_match(&l.text)
                    || seen.get(&band_key(&l.text)).is_some_and(|n| *n >= needed));
            if running {
                continue;
            }
            kept.push(l);
        }
        *page = kept;
    }
}

/// The text of the first page as it stands, for dates and titles.
fn first_page_text(pages: &[Vec<Line>]) -> String {
    pages
        .first()
        .map(|p| {
            p.iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4}-\d{2}-\d{2})\b").expect("iso date"));

/// Builds the document from the pages' lines.
fn assemble(mut pages: Vec<Vec<Line>>, info: Info, display: &str) -> Document {
    // Dates and the heading are looked for before running lines go: a "Datum:" may stand
    // in the header of every page.
    let first = first_page_text(&pages);
    let labelled = dates::find_published_in_text(&first);
    let near_top = first
        .lines()
        .take(12)
        .find_map(|l| ISO_DATE.captures(l))
        .and_then(|c| NaiveDate::parse_from_str(&c[1], "%Y-%m-%d").ok());
    let published = labelled.or(near_top).or(info.created).map(PubDate::day);
    // The letterhead: what the first page's top and bottom bands say ("Luleå kommun",
    // "VÄXJÖ KOMMUN", an address in the footer). It names the municipality that issued the
    // record, which the body often never names again, and the running header it is goes
    // with the other running lines below.
    let letterhead: Vec<&str> = pages
        .first()
        .map(|p| {
            p.iter()
                .filter(|l| l.band)
                .map(|l| l.text.as_str())
                .collect()
        })
        .unwrap_or_default();
    let municipality = letterhead_municipality(&letterhead.join("\n"));
    // An office suite that is given no title takes the first line of the page, which is
    // the letterhead ("Luleå kommun	Datum: 2016-09-22"): no title of the record.
    let info_title = info.title.filter(|t| !within(t, &letterhead));

    if pages.len() >= 2 {
        drop_running_lines(&mut pages);
    } else {
        for page in &mut pages {
            page.retain(|l| !(l.band && PAGE_NUMBER.is_match(&l.text)));
        }
    }
    let title = info_title.or_else(|| heading(pages.first().map(Vec::as_slice).unwrap_or(&[])));
    let text = paragraphs(&pages);
    let title = title.or_else(|| crate::document::title_from_text(&text));
    Document {
        title,
        published,
        municipality,
        ..Document::new(display, text, Format::Pdf)
    }
}

/// Whether every word of `title` stands in `lines`.
fn within(title: &str, lines: &[&str]) -> bool {
    let words: HashSet<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
    !words.is_empty() && title.split_whitespace().all(|w| words.contains(w))
}

/// The one municipality a letterhead names, if it names one: words in capitals ("VÄXJÖ
/// KOMMUN") are read as names.
fn letterhead_municipality(letterhead: &str) -> Option<&'static crate::geo::Municipality> {
    let written: String = letterhead
        .split_inclusive(char::is_whitespace)
        .map(|w| {
            let letters = w.trim_end();
            if letters.chars().count() >= 2 && letters.chars().all(|c| !c.is_lowercase()) {
                let mut chars = letters.chars();
                let first: String = chars.next().into_iter().collect();
                format!(
                    "{first}{}{}",
                    chars.as_str().to_lowercase(),
                    &w[letters.len()..]
                )
            } else {
                w.to_string()
            }
        })
        .collect();
    let mentions = crate::geo::find_mentions(&written);
    let first = mentions.first()?.municipality;
    mentions
        .iter()
        .all(|m| m.municipality.code == first.code)
        .then_some(first)
}

/// The first page's heading: the first run of lines set clearly larger than the body text.
fn heading(lines: &[Line]) -> Option<String> {
    let mut sizes: Vec<f64> = lines.iter().map(|l| l.size).collect();
    if sizes.is_empty() {
        return None;
    }
    sizes.sort_by(f64::total_cmp);
    let body = sizes[sizes.len() / 2];
    let start = lines
        .iter()
        .take(20)
        .position(|l| l.size > body * 1.15 && l.text.split_whitespace().count() >= 2)?;
    let size = lines[start].size;
    let mut title = lines[start].text.clone();
    for l in &lines[start + 1..] {
        if (l.size - size).abs() > 0.5 || l.para {
            break;
        }
        title = join_lines(&title, &l.text, &HashSet::new());
    }
    Some(title)
}

/// Whether a line ends a sentence (so a page or column break after it ends the paragraph).
fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', ':', ';', '»', '”', '"'])
}

/// The pages' lines as paragraphs: one paragraph per line, a blank line between them.
fn paragraphs(pages: &[Vec<Line>]) -> String {
    let words = vocabulary(pages);
    let mut paras: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut in_table = false;
    for (p, page) in pages.iter().enumerate() {
        for (i, l) in page.iter().enumerate() {
            let page_break = p > 0 && i == 0;
            let breaks = if current.is_empty() {
                false
            } else if l.row || in_table {
                // A table is a paragraph of its own, a row a line.
                !(l.row && in_table) || page_break
            } else if page_break || l.soft {
                ends_sentence(&current) || !continues(&l.text)
            } else {
                l.para
            };
            if breaks {
                paras.push(std::mem::take(&mut current));
            }
            current = if current.is_empty() {
                l.text.clone()
            } else if l.row {
                format!("{current}\n{}", l.text)
            } else {
                join_lines(&current, &l.text, &words)
            };
            in_table = l.row;
        }
    }
    if !current.is_empty() {
        paras.push(current);
    }
    paras.join("\n\n")
}

/// Whether a line can go on a sentence from the line before (after a page or column break):
/// it starts in lower case, or with a digit or punctuation.
fn continues(line: &str) -> bool {
    line.chars()
        .next()
        .is_some_and(|c| !c.is_uppercase() || !c.is_alphabetic())
}

/// The words the document writes whole on one line, for deciding hyphenation.
fn vocabulary(pages: &[Vec<Line>]) -> HashSet<String> {
    typography::vocabulary(pages.iter().flatten().map(|l| l.text.as_str()))
}

/// How long one OCR tool may run (rasterising the whole file, or reading one page) before
/// it is stopped: `AVHOPP_OCR_TIMEOUT` seconds, else 300. A hostile or huge PDF can keep
/// pdftoppm busy for ever; a run over thousands of files must go on.
fn ocr_time_limit() -> Duration {
    std::env::var("AVHOPP_OCR_TIMEOUT")
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map_or(Duration::from_secs(300), Duration::from_secs_f64)
}

/// Runs an external tool with its output collected, killing it when it runs past `limit`.
fn run_limited(cmd: &mut Command, name: &str, limit: Duration) -> Result<Output, String> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("OCR: {name} failed: {e}"))?;
    // Both pipes are drained while the tool runs, so that a full pipe cannot stall it.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                p.read_to_end(&mut buf).ok();
            }
            buf
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() >= limit => {
                child.kill().ok();
                child.wait().ok();
                // The readers are left to end with the pipes; a tool's own child may still
                // hold them open.
                return Err(format!(
                    "OCR: {name} did not finish within {} s and was stopped (set AVHOPP_OCR_TIMEOUT to allow more)",
                    limit.as_secs_f64()
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(format!("OCR: {name} failed: {e}")),
        }
    };
    Ok(Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    })
}

/// OCR of a scanned PDF: each page rasterised by `pdftoppm` and read by `tesseract -l swe`.
fn ocr_pages(path: &Path) -> Result<Vec<Vec<Line>>, String> {
    let missing = || {
        format!(
            "scanned PDF without a text layer: it needs OCR, which is not installed ({OCR_HINT})"
        )
    };
    let limit = ocr_time_limit();
    let has_swe = run_limited(
        Command::new("tesseract").arg("--list-langs"),
        "tesseract",
        limit,
    )
    .ok()
    .filter(|o| o.status.success())
    .is_some_and(|o| {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .chain(String::from_utf8_lossy(&o.stderr).lines())
            .any(|l| l.trim() == "swe")
    });
    let has_pdftoppm = run_limited(Command::new("pdftoppm").arg("-v"), "pdftoppm", limit)
        .is_ok_and(|o| o.status.success());
    if !has_swe || !has_pdftoppm {
        return Err(missing());
    }
    static SEQ: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "avhopp-ocr-{}-{}",
        std::process::id(),
        SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir)
        .map_err(|e| format!("OCR: cannot make a temporary folder: {e}"))?;
    let result = (|| {
        let out = run_limited(
            Command::new("pdftoppm")
                .args(["-r", "300", "-gray", "-png"])
                .arg(path)
                .arg(dir.join("page")),
            "pdftoppm",
            limit,
        )?;
        if !out.status.success() {
            return Err(format!(
                "OCR: pdftoppm could not rasterise it: {}",
                one_line(&String::from_utf8_lossy(&out.stderr))
            ));
        }
        let mut images: Vec<_> = std::fs::read_dir(&dir)
            .map_err(|e| format!("OCR: {e}"))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "png"))
            .collect();
        images.sort();
        let mut pages = Vec::new();
        for image in images {
            let out = run_limited(
                Command::new("tesseract")
                    .arg(&image)
                    .arg("stdout")
                    .args(["-l", "swe"]),
                "tesseract",
                limit,
            )?;
            if !out.status.success() {
                return Err(format!(
                    "OCR: tesseract failed: {}",
                    one_line(&String::from_utf8_lossy(&out.stderr))
                ));
            }
            pages.push(ocr_lines(&String::from_utf8_lossy(&out.stdout)));
        }
        Ok(pages)
    })();
    std::fs::remove_dir_all(&dir).ok();
    let pages = result?;
    if pages.iter().flatten().all(|l| l.text.trim().is_empty()) {
        return Err("scanned PDF: OCR found no text in it".to_string());
    }
    Ok(pages)
}

/// A line of OCR output without the marks specks of dust and the page's edge leave: "|"
/// anywhere, and tokens with no letter or digit at either end of the line (": .", "'"),
/// except dashes, which may be the writer's.
fn ocr_clean(raw: &str) -> String {
    let noise = |w: &&str| !w.chars().any(|c| c.is_alphanumeric() || "-–—".contains(c));
    let mut words: Vec<&str> = raw
        .split_whitespace()
        .filter(|w| *w != "|" && *w != "¦")
        .collect();
    while words.first().is_some_and(noise) {
        words.remove(0);
    }
    while words.last().is_some_and(noise) {
        words.pop();
    }
    words.join(" ")
}

/// Tesseract's text of one page as lines: blank lines start paragraphs, and the first and
/// last two lines are where running headers and footers stand.
fn ocr_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut para = true;
    for raw in text.lines() {
        let t = ocr_clean(raw);
        if t.is_empty() {
            para = true;
            continue;
        }
        let y = lines.len() as f64;
        lines.push(Line {
            x0: 0.0,
            // Without positions, a line's length in characters stands for its extent.
            x1: t.chars().count() as f64,
            text: t,
            y,
            size: 10.0,
            band: false,
            para,
            // OCR puts blank lines in odd places: a sentence still goes on across one.
            soft: para && !lines.is_empty(),
            row: false,
        });
        para = false;
    }
    mark_short_lines(&mut lines);
    let n = lines.len();
    for (i, l) in lines.iter_mut().enumerate() {
        l.band = i < 2 || i + 2 >= n;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ocr_specks_go() {
        assert_eq!(
            ocr_clean("verksamhetssystem som varit besvärligt. Detta har även lyfts i media. |"),
            "verksamhetssystem som varit besvärligt. Detta har även lyfts i media."
        );
        assert_eq!(ocr_clean(": . Datum: 2024-12-10 '"), "Datum: 2024-12-10");
        assert_eq!(ocr_clean("perioden januari –"), "perioden januari –");
        assert_eq!(ocr_clean("| :"), "");
    }

    #[test]
    fn page_numbers() {
        for s in [
            "Sida 3 av 12",
            "3 (12)",
            "- 3 -",
            "12",
            "Page 2 of 5",
            "s. 4",
        ] {
            assert!(PAGE_NUMBER.is_match(s), "{s}");
        }
        for s in ["Datum: 2024-12-10", "32 socialsekreterare", "Socialnämnden"] {
            assert!(!PAGE_NUMBER.is_match(s), "{s}");
        }
    }

    #[test]
    fn pdf_strings_and_dates() {
        assert_eq!(
            decode_pdf_string(&[0xFE, 0xFF, 0, b'S', 0, 0xE4]),
            "Sä".to_string()
        );
        assert_eq!(decode_pdf_string(b"Rapport \xe5r"), "Rapport år");
        assert_eq!(
            pdf_date("D:20241210093000+01'00'"),
            NaiveDate::from_ymd_opt(2024, 12, 10)
        );
        assert_eq!(pdf_date("garbage"), None);
        assert_eq!(clean_title("Microsoft Word - protokoll.docx"), None);
        assert_eq!(
            clean_title("Microsoft Word - Svar på interpellation").as_deref(),
            Some("Svar på interpellation")
        );
    }

    fn line(text: &str, y: f64) -> Line {
        Line {
            text: text.into(),
            x0: 70.0,
            x1: 500.0,
            y,
            size: 10.0,
            band: false,
            para: false,
            soft: false,
            row: false,
        }
    }

    /// The letterhead names the municipality that issued the record, in capitals too; a
    /// title that is the letterhead is none.
    #[test]
    fn letterheads() {
        let name = |l: &str| letterhead_municipality(l).map(|m| m.name);
        assert_eq!(name("VÄXJÖ KOMMUN\nSAMMANTRÄDESPROTOKOLL"), Some("Växjö"));
        assert_eq!(name("Luleå kommun\nDatum: 2016-09-22"), Some("Luleå"));
        assert_eq!(name("Socialnämnden\nSida 1 (3)"), None);
        assert_eq!(name("Luleå kommun\nBodens kommun"), None);
        let band = ["Luleå kommun", "Datum: 2016-09-22", "Dnr SN 2016/88"];
        assert!(within("Luleå kommun Datum: 2016-09-22", &band));
        assert!(!within("Delårsrapport januari–augusti 2016", &band));
    }

    fn piece(text: &str, x0: f64, x1: f64, y: f64) -> Line {
        Line {
            x0,
            x1,
            ..line(text, y)
        }
    }

    /// Cells at one baseline become a row, a label or header wrapped in its cell joins its
    /// row, and the lines of two columns of text at the same baselines stay lines.
    #[test]
    fn tables_are_found_by_position() {
        let table = vec![
            // LibreOffice draws a table column by column: the order here is the drawing's.
            piece("Nyckeltal", 70.0, 115.0, 100.0),
            piece("Vakanta tjänster,", 70.0, 150.0, 118.0),
            piece("socialsekreterare", 70.0, 155.0, 130.0),
            piece("Sjukfrånvaro, procent", 70.0, 170.0, 148.0),
            piece("Utfall jan–aug", 300.0, 368.0, 100.0),
            piece("2016", 342.0, 368.0, 112.0),
            piece("14", 355.0, 367.0, 118.0),
            piece("8,2", 351.0, 367.0, 148.0),
            piece("Utfall 2015", 440.0, 511.0, 100.0),
            piece("6", 505.0, 511.0, 118.0),
            piece("6,9", 495.0, 511.0, 148.0),
            piece(
                "Antalet vakanta tjänster har ökat under året.",
                70.0,
                400.0,
                166.0,
            ),
        ];
        let got: Vec<(String, bool)> = join_table_rows(table)
            .into_iter()
            .map(|l| (l.text, l.row))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "Nyckeltal\tUtfall jan–aug 2016\tUtfall 2015".to_string(),
                    true
                ),
                (
                    "Vakanta tjänster, socialsekreterare\t14\t6".to_string(),
                    true
                ),
                ("Sjukfrånvaro, procent\t8,2\t6,9".to_string(), true),
                (
                    "Antalet vakanta tjänster har ökat under året.".to_string(),
                    false
                ),
            ]
        );
        let pages = vec![join_table_rows(vec![
            piece("Tabell 1", 70.0, 110.0, 80.0),
            piece("Vakanta tjänster", 70.0, 150.0, 100.0),
            piece("7", 300.0, 306.0, 100.0),
            piece("Sjukfrånvaro, procent", 70.0, 170.0, 114.0),
            piece("9,1", 300.0, 315.0, 114.0),
        ])];
        assert_eq!(
            paragraphs(&pages),
            "Tabell 1\n\nVakanta tjänster\t7\nSjukfrånvaro, procent\t9,1"
        );

        // A table that runs into the page's bottom band keeps its rows there; a footer set
        // apart from it is no row of it.
        let band = |mut l: Line| {
            l.band = true;
            l
        };
        let foot = join_table_rows(vec![
            piece("Nämnd", 70.0, 110.0, 740.0),
            piece("18 400", 300.0, 330.0, 740.0),
            piece("Individ- och familjeomsorg", 70.0, 190.0, 753.0),
            piece("142 300", 300.0, 335.0, 753.0),
            band(piece("Äldreomsorg", 70.0, 130.0, 766.0)),
            band(piece("486 900", 300.0, 335.0, 766.0)),
            band(piece("Luleå kommun", 70.0, 130.0, 790.0)),
            band(piece("2", 500.0, 506.0, 790.0)),
        ]);
        let rows: Vec<&str> = foot
            .iter()
            .filter(|l| l.row)
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(
            rows,
            [
                "Nämnd\t18 400",
                "Individ- och familjeomsorg\t142 300",
                "Äldreomsorg\t486 900"
            ]
        );

        // Two columns of text: the right column's lines are long, so no row; a short last
        // line of a paragraph beside a figure is one baseline, not a table.
        let columns = vec![
            piece(
                "Under 2024 slutade 14 socialsekreterare vid",
                70.0,
                280.0,
                100.0,
            ),
            piece(
                "Konsultkostnaderna uppgick till 3,2 miljoner kronor",
                310.0,
                520.0,
                100.0,
            ),
            piece(
                "enheten för barn och unga, enligt rapporten.",
                70.0,
                280.0,
                114.0,
            ),
            piece(
                "under perioden, mot 1,1 miljoner året innan.",
                310.0,
                520.0,
                114.0,
            ),
            piece("Ärendena har ökat.", 70.0, 160.0, 128.0),
            piece("12", 310.0, 322.0, 128.0),
        ];
        assert!(join_table_rows(columns).iter().all(|l| !l.row));
    }

    #[test]
    fn running_headers_go_and_paragraphs_survive_page_breaks() {
        let mut header = line("Exempelkommunen", 30.0);
        header.band = true;
        let mut footer = line("Sida 1 av 2", 800.0);
        footer.band = true;
        let mut p1 = vec![
            header.clone(),
            line("Det är 21 socialsekreterare som", 100.0),
            line("slutat under perioden januari till", 114.0),
            footer.clone(),
        ];
        let mut footer2 = footer.clone();
        footer2.text = "Sida 2 av 2".into();
        let mut p2 = vec![
            header,
            line("november 2024.", 100.0),
            line("Ett nytt stycke börjar här", 130.0),
            line("och fortsätter.", 144.0),
            footer2,
        ];
        mark_paragraphs(&mut p1);
        mark_paragraphs(&mut p2);
        let mut pages = vec![p1, p2];
        drop_running_lines(&mut pages);
        assert_eq!(
            paragraphs(&pages),
            "Det är 21 socialsekreterare som slutat under perioden januari till november 2024.\n\nEtt nytt stycke börjar här och fortsätter."
        );
    }
}
