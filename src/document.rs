//! Documents: files read into text and metadata.
//!
//! A document is a `.txt` file, an `.html`/`.htm` page, a `.pdf` or a `.docx` file. What
//! the file cannot say about itself (publisher, URL, publication date, type, the
//! municipality it is about) comes from a *sidecar* next to it: `NAME.EXT.meta.toml`, for
//! example
//!
//! ```toml
//! publisher = "Mitt i"
//! url = "https://..."
//! published = "2021-09-03"   # or "2021-09", or "2021" when only the year is known
//! type = "news"              # news | municipal | other
//! municipality = "Botkyrka"  # the area a local paper covers, or the municipality's own site
//! title = "..."              # optional; otherwise taken from the page or the first line
//! ```
//!
//! Without a sidecar the date is taken from the text when it is labelled ("Publicerad 05:15,
//! 3 sep 2021"), and the title from the page or the first short line.
//!
//! Text and HTML files may be in any charset a byte-order mark or `<meta charset>` names,
//! or that chardetng recognises (windows-1252 and ISO-8859-1 files are common in Swedish
//! archives); see [`decode_text`]. A file that cannot be read gets a [`ReadError`]: one line
//! naming the file and the reason.

use crate::dates::{self, PubDate};
use crate::geo::{self, Municipality};
use crate::html;
use crate::typography;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

/// What kind of publication a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DocType {
    News,
    Municipal,
    #[default]
    Other,
}

impl DocType {
    pub fn as_str(self) -> &'static str {
        match self {
            DocType::News => "news",
            DocType::Municipal => "municipal",
            DocType::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Result<DocType, String> {
        // The genre words people write in a sidecar, each under the type it belongs to: what
        // a newsroom publishes, what a municipality or authority records, and the rest.
        match s.trim().to_lowercase().replace(['_', '-'], " ").as_str() {
            "news" | "nyhet" | "nyheter" | "article" | "artikel" | "opinion" | "debatt"
            | "debate" | "editorial" | "ledare" | "insändare" | "letter to the editor"
            | "transcript" | "radio" | "tv" | "podcast" | "podd" | "wire" | "tt" | "notis"
            | "brief" | "reportage" | "feature" | "interview" | "intervju" | "column"
            | "krönika" => Ok(DocType::News),
            "municipal" | "kommunal" | "record" | "municipal record" | "report" | "rapport"
            | "minutes" | "protokoll" | "decision" | "beslut" | "interpellation" | "motion"
            | "tjänsteskrivelse" | "memo" | "promemoria" | "pm" | "press release" | "pressmeddelande" | "job ad"
            | "platsannons" | "annual report" | "årsredovisning" | "audit" | "granskning"
            | "inspection" | "tillsyn" => Ok(DocType::Municipal),
            "other" | "" | "letter" | "brev" | "blog" | "blogg" | "union" | "fackligt"
            | "survey" | "enkät" | "newsletter" | "nyhetsbrev" | "post" | "inlägg" => {
                Ok(DocType::Other)
            }
            other => Err(format!(
                "unknown document type '{other}'; use news, municipal or other (or a genre: report, minutes, opinion, letter, ...)"
            )),
        }
    }
}

/// The file format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Pdf,
    Docx,
}

impl Format {
    /// The name `avhopp parse` shows as the document's type.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }
}

/// A document read from disk: its main text and what is known about it.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user gave it (or as found under a folder they gave).
    pub path: String,
    pub title: Option<String>,
    /// The main text; for plain text files the file's content (decoded to UTF-8, without a
    /// byte-order mark), so that claim spans point into the file's text, unless the file is
    /// one whose typography [`crate::typography`] undoes: invisible characters inside words,
    /// decomposed letters, or words broken at the line ends of a wrapped text (the lines of a
    /// wrapped text are joined with as many spaces as their line breaks had bytes). The
    /// reader warns when offsets shift.
    pub text: String,
    pub published: Option<PubDate>,
    pub url: Option<String>,
    pub publisher: Option<String>,
    /// The byline, when the page gives one ("Karin Lund, Omar Said").
    pub author: Option<String>,
    pub doc_type: DocType,
    /// The municipality the document is about when its text does not say.
    pub municipality: Option<&'static Municipality>,
    pub format: Format,
    /// What the reader noticed and worked around without losing anything (a sidecar's
    /// type word it does not know, say): each a line for the user, printed by the caller.
    pub warnings: Vec<String>,
}

impl Document {
    /// A document of `text` read from `path`, with nothing yet known about it: the readers
    /// fill in what their format says (title, date, ...), the sidecar and defaults the rest.
    pub fn new(path: &str, text: String, format: Format) -> Document {
        Document {
            path: path.to_string(),
            title: None,
            text,
            published: None,
            url: None,
            publisher: None,
            author: None,
            doc_type: DocType::Other,
            municipality: None,
            format,
            warnings: Vec::new(),
        }
    }

    /// A stable identity of the content: the same text under two paths is one document.
    pub fn content_hash(&self) -> String {
        // XXH3-64 over the text: a published algorithm, so stable across runs, versions and
        // platforms, unlike std's hasher. FNV-1a, used up to schema 5, goes a byte at a time,
        // each step waiting on the last multiplication: 3 % of a build's CPU time.
        format!("{:016x}", xxhash_rust::xxh3::xxh3_64(self.text.as_bytes()))
    }
}

/// Why a file could not be read. Displayed as one line that names the file.
#[derive(Debug)]
pub struct ReadError {
    pub path: String,
    pub reason: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for ReadError {}

fn fail(path: &str, reason: impl Into<String>) -> ReadError {
    ReadError {
        path: path.to_string(),
        reason: reason.into(),
    }
}

/// Whether a file name is one avhopp reads: `.txt`/`.text`, `.html`/`.htm`/`.xhtml`, `.pdf`
/// (see [`crate::pdf`]) and `.docx` (see [`crate::docx`]).
pub fn is_supported(path: &Path) -> bool {
    format_of(path).is_some()
}

fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "pdf" => Some(Format::Pdf),
        "docx" => Some(Format::Docx),
        _ => None,
    }
}

/// The sidecar of a document: `NAME.EXT.meta.toml`.
pub fn sidecar_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".meta.toml");
    path.with_file_name(name)
}

pub fn is_sidecar(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".meta.toml"))
}

/// The fields a sidecar may hold.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Sidecar {
    title: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    published: Option<String>,
    #[serde(rename = "type")]
    doc_type: Option<String>,
    municipality: Option<String>,
}

/// Defaults for metadata the file and its sidecar leave open (from the command line).
#[derive(Debug, Clone, Default)]
pub struct Defaults {
    pub published: Option<PubDate>,
    pub municipality: Option<&'static Municipality>,
}

/// Files larger than this are refused: no municipal record or article comes near it, and a
/// larger file is far more likely a mistake (a video, a dump) than a document.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a device, pipe or socket named as a document (or as its sidecar) is not read.
const NOT_REGULAR: &str = "not a regular file (a device, pipe or socket)";

/// Reads one document. `display` is the path as it should appear in records.
pub fn read(path: &Path, display: &str, defaults: &Defaults) -> Result<Document, ReadError> {
    let format = format_of(path).ok_or_else(|| {
        fail(
            display,
            "unsupported file type (avhopp reads .txt, .html, .htm, .pdf and .docx)",
        )
    })?;
    // Opened once, then sized and read through the handle: one path look-up, not three,
    // and the size checked is that of the file read. Opened without blocking, so that a
    // named pipe is refused below instead of waiting for a writer.
    let cannot = |e: std::io::Error| fail(display, format!("cannot read: {e}"));
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let mut file = match options.open(path) {
        Ok(f) => f,
        // A regular file under another process's lease (Samba's oplocks, NFS delegations)
        // refuses a non-blocking open; a blocking one waits for the lease to be given up.
        Err(e)
            if e.kind() == std::io::ErrorKind::WouldBlock
                && std::fs::metadata(path).is_ok_and(|m| m.is_file()) =>
        {
            std::fs::File::open(path).map_err(cannot)?
        }
        Err(e) => return Err(cannot(e)),
    };
    let meta = file.metadata().map_err(cannot)?;
    if meta.is_dir() {
        return Err(fail(display, "is a folder"));
    }
    if !meta.is_file() {
        // A device or a pipe: /dev/zero would be read until the size limit, a pipe until
        // its writer stops.
        return Err(fail(display, NOT_REGULAR));
    }
    let too_large = |size: u64| {
        fail(
            display,
            format!(
                "too large ({} MB; the limit is {} MB)",
                size / 1_000_000,
                MAX_FILE_BYTES / 1_000_000
            ),
        )
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // At most one byte over the limit: a file that grew since it was sized is refused too.
    std::io::Read::read_to_end(
        &mut std::io::Read::take(&mut file, MAX_FILE_BYTES + 1),
        &mut bytes,
    )
    .map_err(cannot)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        // Its size now, not the part read.
        let size = file.metadata().map_or(bytes.len() as u64, |m| m.len());
        return Err(too_large(size));
    }
    let mut doc = read_bytes(&bytes, format, Some(path), display)?;

    let sidecar = sidecar_path(path);
    if let Ok(meta) = std::fs::metadata(&sidecar) {
        let shown = sidecar.display().to_string();
        if !meta.is_file() {
            return Err(fail(&shown, NOT_REGULAR));
        }
        let content = std::fs::read_to_string(&sidecar)
            .map_err(|e| fail(&shown, format!("cannot read: {e}")))?;
        let s: Sidecar = toml::from_str(&content)
            .map_err(|e| fail(&shown, format!("bad metadata: {}", e.message())))?;
        if let Some(t) = s.title {
            doc.title = Some(t);
        }
        if let Some(p) = s.publisher {
            doc.publisher = Some(p);
        }
        if let Some(u) = s.url {
            doc.url = Some(u);
        }
        if let Some(p) = s.published {
            doc.published = Some(PubDate::parse(&p).ok_or_else(|| {
                fail(
                    &shown,
                    format!("bad published date '{p}'; use YYYY-MM-DD, YYYY-MM or YYYY"),
                )
            })?);
        }
        // The type only files the document for a search filter: a word avhopp does not know
        // costs the filter, not the document (a blind set named its features "feature").
        if let Some(t) = s.doc_type {
            doc.doc_type = DocType::parse(&t).unwrap_or_else(|e| {
                doc.warnings.push(format!("{shown}: {e}; read as other"));
                DocType::Other
            });
        }
        if let Some(m) = s.municipality {
            doc.municipality = Some(
                geo::lookup(&m)
                    .ok_or_else(|| fail(&shown, format!("unknown municipality '{m}'")))?,
            );
        }
    }
    if doc.published.is_none() {
        doc.published = defaults.published;
    }
    if doc.municipality.is_none() {
        doc.municipality = defaults.municipality;
    }
    Ok(doc)
}

/// Reads a document from the bytes of a file of the given format, without its sidecar.
/// `ocr` is the file on disk a scanned PDF may be handed to OCR as; `None` reads only the
/// text layer. A document without text is an error, never an empty document.
pub fn read_bytes(
    bytes: &[u8],
    format: Format,
    ocr: Option<&Path>,
    display: &str,
) -> Result<Document, ReadError> {
    let mut doc = match format {
        Format::Pdf => crate::pdf::read(bytes, ocr, display)?,
        Format::Docx => crate::docx::read(bytes, display)?,
        Format::Text | Format::Html => read_text_or_html(bytes, format, display)?,
    };
    // Soft hyphens and the like split words for the claim patterns and the index alike.
    let (text, cleaned) = typography::clean(std::mem::take(&mut doc.text));
    doc.text = text;
    if let Some(title) = doc.title.take() {
        doc.title = Some(typography::clean(title).0);
    }
    if format == Format::Text && cleaned.changed() {
        let mut what = Vec::new();
        if cleaned.invisible > 0 {
            what.push(format!(
                "{} invisible characters removed (soft hyphens, zero-width spaces)",
                cleaned.invisible
            ));
        }
        if cleaned.respelled > 0 {
            what.push(format!(
                "{} ligatures and typographic hyphens written plainly",
                cleaned.respelled
            ));
        }
        if cleaned.composed {
            what.push("decomposed letters composed (Unicode NFC)".to_string());
        }
        let what = what.join(", ");
        doc.warnings.push(format!(
            "{display}: {what}; claim spans count in the cleaned text, which `avhopp parse` prints"
        ));
    }
    if doc.text.trim().is_empty() {
        // A page cut off before its body (an interrupted download) says so: the fix is to
        // fetch it again, not to look for the text elsewhere.
        let truncated = format == Format::Html && {
            let tail = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(4096)..])
                .to_ascii_lowercase();
            !tail.contains("</body") && !tail.contains("</html")
        };
        return Err(fail(
            display,
            if truncated {
                "no text found in the page; it looks cut off (no </body> or </html> at its end)"
            } else {
                "no text found in the page"
            },
        ));
    }
    Ok(doc)
}

/// Bytes of a text or HTML file as text. The charset is decided as the crawler decides it
/// ([`crate::crawl::charset`]): a byte-order mark (so UTF-16 files are read), the page's
/// own `<meta charset>`, UTF-8, else chardetng's guess, so that windows-1252 and ISO-8859-1
/// files keep their å, ä and ö. Binary files are refused: NUL bytes, or many control
/// characters that no text encoding in use here writes.
pub fn decode_text(bytes: &[u8]) -> Result<String, &'static str> {
    let head = &bytes[..bytes.len().min(8192)];
    if encoding_rs::Encoding::for_bom(head).is_none() {
        let controls = head
            .iter()
            .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
            .count();
        if head.contains(&0) || controls * 20 > head.len() {
            return Err("binary file, not text or HTML");
        }
    }
    Ok(crate::crawl::charset::decode(bytes, None))
}

/// Reads a plain text file or an HTML page from its bytes.
fn read_text_or_html(bytes: &[u8], format: Format, display: &str) -> Result<Document, ReadError> {
    let decoded = decode_text(bytes).map_err(|why| fail(display, why))?;
    let raw = decoded.strip_prefix('\u{feff}').unwrap_or(&decoded);
    if raw.trim().is_empty() {
        return Err(fail(
            display,
            if bytes.is_empty() {
                "empty file (0 bytes)"
            } else {
                "empty file (only white space)"
            },
        ));
    }

    let doc = match format {
        Format::Text => {
            let mut warnings = Vec::new();
            let text = match typography::unwrap_lines(raw) {
                Some(unwrapped) => {
                    if unwrapped.words_joined > 0 {
                        warnings.push(format!(
                            "{display}: text wrapped at a fixed width; lines joined, {} at a word broken or hyphenated at the line end; claim spans count in the joined text, which `avhopp parse` prints",
                            unwrapped.words_joined
                        ));
                    }
                    unwrapped.text
                }
                None => raw.to_string(),
            };
            Document {
                title: title_from_text(raw),
                published: dates::find_published_in_text(raw).map(PubDate::day),
                warnings,
                ..Document::new(display, text, format)
            }
        }
        Format::Html => {
            let depth = crate::html::nesting_estimate(raw);
            if depth > crate::html::MAX_NESTING {
                return Err(fail(
                    display,
                    format!("HTML nested about {depth} levels deep (the limit is {}); skipped as broken or hostile", crate::html::MAX_NESTING),
                ));
            }
            read_html(raw, display)
        }
        Format::Pdf | Format::Docx => unreachable!("read as PDF or Word"),
    };
    Ok(doc)
}

/// The first short line of a plain text, skipping long captions and bylines-only lines.
pub(crate) fn title_from_text(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && l.chars().count() <= 150 && l.split_whitespace().count() >= 3)
        .map(str::to_string)
}

/// Reads an HTML page: its main text without boilerplate and its metadata (see
/// [`crate::html`]).
fn read_html(raw: &str, display: &str) -> Document {
    let page = html::parse(raw);
    Document {
        title: page.title,
        published: page.published.map(PubDate::day),
        url: page.url,
        publisher: page.site_name,
        author: page.author,
        municipality: page.owner,
        ..Document::new(display, page.text, Format::Html)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_main_text_without_boilerplate() {
        let page = r#"<html><head><title>Sajt</title>
            <meta property="og:title" content="Socialsekreterare lämnar">
            <meta property="og:site_name" content="Lokaltidningen">
            <link rel="canonical" href="https://example.se/a/1">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-05-04T08:00:00+02:00"}</script>
            </head><body><nav>Hem Nyheter Sport</nav>
            <div class="cookie-banner">Vi använder kakor</div>
            <article><h1>Socialsekreterare lämnar</h1><p>Tolv socialsekreterare har slutat.</p>
            <p>Det saknas <b>fem</b> handläggare.</p>
            <aside class="related">Läs också: annat</aside></article>
            <footer>© Lokaltidningen</footer></body></html>"#;
        let d = read_html(page, "x.html");
        assert_eq!(d.title.as_deref(), Some("Socialsekreterare lämnar"));
        assert_eq!(d.publisher.as_deref(), Some("Lokaltidningen"));
        assert_eq!(d.url.as_deref(), Some("https://example.se/a/1"));
        assert_eq!(d.published.unwrap().to_string(), "2023-05-04");
        assert_eq!(
            d.text,
            "Socialsekreterare lämnar\n\nTolv socialsekreterare har slutat.\n\nDet saknas fem handläggare."
        );
    }

    /// A sidecar may name the genre ("report", "job_ad", "Insändare", "feature"); it reads as
    /// the type the genre belongs to. A word that is none of them is an error here (the API's
    /// filter refuses it); a sidecar's reader keeps the document as `other` with a warning.
    #[test]
    fn sidecar_types_take_genre_words() {
        for (word, t) in [
            ("news", DocType::News),
            ("Opinion", DocType::News),
            ("transcript", DocType::News),
            ("report", DocType::Municipal),
            ("job_ad", DocType::Municipal),
            ("protokoll", DocType::Municipal),
            ("memo", DocType::Municipal),
            ("letter", DocType::Other),
            ("union", DocType::Other),
            ("feature", DocType::News),
            ("newsletter", DocType::Other),
            ("", DocType::Other),
        ] {
            assert_eq!(DocType::parse(word), Ok(t), "{word}");
        }
        assert!(DocType::parse("spreadsheet").is_err());
    }

    #[test]
    fn text_title_skips_long_captions() {
        let text = format!(
            "{}\n\nKort rubrik om krisen\n\nBrödtext.",
            "Bildtext ".repeat(30)
        );
        assert_eq!(
            title_from_text(&text).as_deref(),
            Some("Kort rubrik om krisen")
        );
    }

    #[test]
    fn content_hash_is_stable() {
        let d = Document::new("a", "hej".into(), Format::Text);
        // XXH3-64 of "hej" as Python's `xxhash.xxh3_64_hexdigest(b"hej")` gives it: a fixed
        // value, so the identity survives upgrades and platforms.
        assert_eq!(d.content_hash(), "7658500231e89682");
        let other = Document {
            text: "hej!".into(),
            ..d.clone()
        };
        assert_ne!(other.content_hash(), d.content_hash());
    }
}
