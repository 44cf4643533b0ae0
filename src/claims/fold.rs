//! Folding Swedish letters to ASCII, so that patterns run on the regex crate's fast DFAs.
//!
//! The regex crate's DFAs cannot evaluate a Unicode word boundary `\b` on text with
//! non-ASCII letters; it falls back to a much slower engine, and every Swedish sentence has
//! å, ä or ö. An ASCII boundary `(?-u:\b)` would be fast but wrong next to them ("ärenden"
//! after a space would not start a word). So both the text and the patterns are *folded*:
//! every Swedish letter outside ASCII becomes two ASCII letters of the same byte length
//! (å → "qa", ä → "qe", ö → "qo", é → "qi"; capitals "QA", "QE", "QO", "QI"). Words stay
//! words, byte offsets stay the same (each of these letters is two bytes in UTF-8), and
//! `(?-u:\b)` is exact. A match is read back from the original text at the same offsets.

/// The folded form of a character, if it is one of the folded letters.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'å' => "qa",
        'ä' => "qe",
        'ö' => "qo",
        'é' => "qi",
        'Å' => "QA",
        'Ä' => "QE",
        'Ö' => "QO",
        'É' => "QI",
        _ => return None,
    })
}

/// Whether `c` is one of the letters folding rewrites (to two ASCII letters).
pub fn is_folded(c: char) -> bool {
    fold_char(c).is_some()
}

/// Appends `c` to `out`, folded.
pub fn push(out: &mut String, c: char) {
    match fold_char(c) {
        Some(f) => out.push_str(f),
        None => out.push(c),
    }
}

/// Undoes [`text`] on a piece of folded text (a captured word).
pub fn unfold(folded: &str) -> String {
    if !folded.contains(['q', 'Q']) {
        return folded.to_string();
    }
    folded
        .replace("qa", "å")
        .replace("qe", "ä")
        .replace("qo", "ö")
        .replace("qi", "é")
        .replace("QA", "Å")
        .replace("QE", "Ä")
        .replace("QO", "Ö")
        .replace("QI", "É")
}

/// Folds `text`, keeping its byte length and offsets.
pub fn text(text: &str) -> String {
    // Every folded letter is two bytes in UTF-8, the first 0xC3 (which is only ever the
    // first byte of a character), and its folded form is two ASCII bytes: the pairs are
    // found with memchr and rewritten in place, instead of decoding every character.
    let mut out = text.as_bytes().to_vec();
    for i in memchr::memchr_iter(0xC3, text.as_bytes()) {
        if let Some(f) = folded_after_c3(out[i + 1]) {
            out[i..i + 2].copy_from_slice(f);
        }
    }
    String::from_utf8(out).expect("whole characters replaced by ASCII")
}

/// [`text`], with ASCII letters in lower case (the folded letters too: "QA" reads "qa"); the
/// same byte length and offsets.
pub fn lowered(text: &str) -> String {
    let mut out = self::text(text);
    out.make_ascii_lowercase();
    out
}

/// The folded form of the letter whose UTF-8 is 0xC3 and `second`, if it is folded (read
/// from [`fold_char`], so the two never disagree).
fn folded_after_c3(second: u8) -> Option<&'static [u8]> {
    let pair = [0xC3, second];
    let c = std::str::from_utf8(&pair).ok()?.chars().next()?;
    fold_char(c).map(str::as_bytes)
}

/// Folds a regex pattern written in plain Swedish: letters outside character classes are
/// folded, folded letters inside a class are dropped (a class of letters always holds
/// `a-z`, which covers their folded forms), and every `\b` becomes the ASCII `(?-u:\b)`.
pub fn pattern(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 16);
    let mut chars = p.chars().peekable();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let next = chars.next().expect("pattern ends with a backslash");
                if next == 'b' && !in_class {
                    out.push_str(r"(?-u:\b)");
                } else {
                    out.push('\\');
                    out.push(next);
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
            }
            ']' if in_class && !out.ends_with('[') && !out.ends_with("[^") => {
                in_class = false;
                out.push(c);
            }
            _ => match fold_char(c) {
                Some(_) if in_class => {}
                Some(f) => out.push_str(f),
                None => out.push(c),
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn offsets_are_kept() {
        let s = "Två av åtta – ökat ärenden i Göteborg";
        let f = text(s);
        assert_eq!(f.len(), s.len());
        assert_eq!(f, "Tvqa av qatta – qokat qerenden i Gqoteborg");
        let at = s.find("ärenden").unwrap();
        assert_eq!(&f[at..at + "ärenden".len()], "qerenden");
    }

    #[test]
    fn folding_bytes_folds_as_folding_characters() {
        // Every character from U+00A0 to U+024F (all that start with 0xC3 among them),
        // beside ASCII, other scripts and four-byte characters.
        let mut s: String = ('\u{a0}'..='\u{24f}').collect();
        s.push_str("abc ÅÄÖÉåäöé – € 𝄞 ё Ægir øre");
        let by_char: String = s
            .chars()
            .map(|c| fold_char(c).map_or(c.to_string(), str::to_string))
            .collect();
        assert_eq!(text(&s), by_char);
        assert_eq!(text("Göteborg"), "Gqoteborg");
    }

    #[test]
    fn unfold_restores_words() {
        assert_eq!(unfold(&text("biståndshandläggare")), "biståndshandläggare");
        assert_eq!(unfold("socialsekreterare"), "socialsekreterare");
    }

    #[test]
    fn folded_patterns_match_folded_text() {
        let re = Regex::new(&pattern(r"\bärenden\b")).unwrap();
        assert!(re.is_match(&text("med 40 ärenden per")));
        assert!(!re.is_match(&text("tärenden")));
        let re = Regex::new(&pattern(r"\b[a-zåäö]*underskott\b")).unwrap();
        assert!(re.is_match(&text("budgetunderskott")));
        assert!(re.is_match(&text("sjukvårdsunderskott")));
        let re = Regex::new(&pattern(r"(?i)\btvå\b")).unwrap();
        assert!(re.is_match(&text("Två")));
        assert!(!re.is_match(&text("tvåan")));
        let re = Regex::new(&pattern(r"[^ #]+ [–—-]")).unwrap();
        assert!(re.is_match(&text("a –")));
    }
}
