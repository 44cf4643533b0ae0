//! Bytes to text: the charset from the Content-Type header, a byte-order mark, or the page's
//! own `<meta charset>` / `<?xml encoding?>`, in that order; chardetng guesses when none
//! says (so that an undeclared windows-1252 page keeps its å, ä and ö).

use encoding_rs::Encoding;
use regex::bytes::Regex;
use std::sync::LazyLock;

static META: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"#).expect("meta charset")
});
static XML_DECL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)"#).expect("xml encoding")
});

/// The charset named by a Content-Type header value.
fn from_header(content_type: Option<&str>) -> Option<&'static Encoding> {
    let ct = content_type?;
    let pos = ct.to_ascii_lowercase().find("charset=")?;
    let label = ct[pos + 8..]
        .split(';')
        .next()?
        .trim()
        .trim_matches(|c| c == '"' || c == '\'');
    Encoding::for_label(label.as_bytes())
}

/// The encoding of a body, and how it was decided.
pub fn detect(bytes: &[u8], content_type: Option<&str>) -> (&'static Encoding, &'static str) {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return (enc, "bom");
    }
    if let Some(enc) = from_header(content_type) {
        return (enc, "header");
    }
    let head = &bytes[..bytes.len().min(4096)];
    for re in [&*XML_DECL, &*META] {
        if let Some(c) = re.captures(head) {
            if let Some(enc) = Encoding::for_label(&c[1]) {
                // A page that says UTF-16 in ASCII bytes is not UTF-16.
                let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                    encoding_rs::UTF_8
                } else {
                    enc
                };
                return (enc, "document");
            }
        }
    }
    // encoding_rs's check, which reads many bytes at a time: `str::from_utf8` here was
    // 1.4 % of a 10 000-file ingest's CPU time.
    if encoding_rs::Encoding::utf8_valid_up_to(bytes) == bytes.len() {
        return (encoding_rs::UTF_8, "utf-8");
    }
    if mostly_utf8(bytes) {
        return (encoding_rs::UTF_8, "utf-8 with errors");
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    (
        det.guess(Some(b"se"), chardetng::Utf8Detection::Allow),
        "guessed",
    )
}

/// Whether a body that is not valid UTF-8 is still UTF-8 with a few bad bytes: a download
/// cut in the middle of an "ä", or one stray Latin-1 byte pasted into a UTF-8 file. Guessing
/// a single-byte charset for it would garble every å, ä and ö it writes correctly.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    multibyte > 0 && multibyte >= 4 * invalid
}

/// Decodes a body to text (malformed sequences become U+FFFD); a BOM is removed.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    let (enc, _) = detect(bytes, content_type);
    let (text, _, _) = enc.decode(bytes);
    text.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_from_header_meta_and_guess() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1252.encode("Socialsekreterare i Växjö säger upp sig, många år");
        assert_eq!(
            decode(&bytes, Some("text/html; charset=windows-1252")),
            "Socialsekreterare i Växjö säger upp sig, många år"
        );
        let mut page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>".to_vec();
        page.extend_from_slice(&bytes);
        assert!(decode(&page, Some("text/html")).contains("Växjö säger"));
        let long = "Socialsekreterarna på förvaltningen säger att arbetsbördan är för hög och att många överväger att sluta. ".repeat(5);
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&long);
        assert_eq!(decode(&bytes, None), long);
    }

    #[test]
    fn utf8_cut_in_a_letter_stays_utf8() {
        let text = "Socialsekreterarna i Växjö säger att många överväger att sluta";
        // Cut after the first byte of the "ö" in "överväger".
        let cut = &text.as_bytes()[..text.find("överväger").unwrap() + 1];
        assert_eq!(detect(cut, None).0, encoding_rs::UTF_8);
        assert_eq!(
            decode(cut, None),
            "Socialsekreterarna i Växjö säger att många \u{fffd}"
        );
        // Latin-1 with no UTF-8 sequence at all is still guessed as such.
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        assert_eq!(decode(&latin, None), text);
    }

    #[test]
    fn utf8_bom_and_default() {
        assert_eq!(decode("\u{feff}Hej å".as_bytes(), None), "Hej å");
        assert_eq!(decode("Hej å".as_bytes(), Some("text/html")), "Hej å");
    }
}
