//! Language: only Swedish documents are mined for claims.

use whatlang::{Detector, Lang};

/// Words frequent in Swedish prose (together 9–17 % of the words of the seeds and of real
/// news) that its neighbours spell otherwise: Norwegian and Danish write "og", "at", "er",
/// "ikke", "til", "et", "når", "også", "fra", "over", "der", "hadde"/"havde", "skulle" aside.
const SWEDISH_MARKERS: [&str; 13] = [
    "och", "att", "är", "inte", "för", "till", "ett", "när", "också", "från", "över", "där", "hade",
];

/// Whether the sample is plainly Swedish prose: at least 30 words, 5 % of them marker words,
/// four different markers, and no æ or ø. Most documents of a Swedish corpus pass, and skip
/// whatlang, whose trigram scoring costs about 0.1–0.3 ms a document whatever its length
/// (15 % of ingest at scale, in the profile); anything else goes to whatlang. The words are
/// counted only until the sample passes, which running Swedish prose does within its first
/// 30 to 60 words: counting all 2 000 characters was 5 % of a build's CPU time.
///
/// A word is a run of alphabetic characters (`char::is_alphabetic`). The sample is walked
/// byte by byte and only characters outside ASCII are decoded: with `str::split`, each word
/// compared with every marker character by character, language detection was 0.21 G
/// instructions of a 5.19 G build of 10 000 texts, 0.15 G since.
fn plainly_swedish(sample: &str) -> bool {
    if has_ae_or_oe(sample) {
        return false;
    }
    let bytes = sample.as_bytes();
    let (mut words, mut hits, mut seen) = (0usize, 0usize, 0u16);
    let mut at = 0;
    // Each word: its start, then its end.
    while let Some(from) = next_alphabetic(sample, at, true) {
        let to = next_alphabetic(sample, from, false).unwrap_or(bytes.len());
        at = to;
        words += 1;
        if let Some(i) = marker(&bytes[from..to]) {
            hits += 1;
            seen |= 1 << i;
            if words >= 30 && hits * 20 >= words && seen.count_ones() >= 4 {
                return true;
            }
        }
    }
    // Markers early, then none: the whole sample may pass all the same.
    words >= 30 && hits * 20 >= words && seen.count_ones() >= 4
}

/// The byte offset of the first character at or after `at` that is alphabetic (`wanted`
/// true) or not (false).
fn next_alphabetic(s: &str, mut at: usize, wanted: bool) -> Option<usize> {
    let bytes = s.as_bytes();
    while at < bytes.len() {
        let b = bytes[at];
        if b < 0x80 {
            if b.is_ascii_alphabetic() == wanted {
                return Some(at);
            }
            at += 1;
        } else {
            let c = s[at..].chars().next().expect("a char boundary");
            if c.is_alphabetic() == wanted {
                return Some(at);
            }
            at += c.len_utf8();
        }
    }
    None
}

/// Which of [`SWEDISH_MARKERS`] the word is, in any case. A marker's letters are ASCII
/// letters, å, ä and ö. Besides their capitals, only the Kelvin sign (to "k") and the
/// Ångström sign (to "å") lower-case to one of them alone, and both are three bytes long: a
/// word holding one is longer than the marker it would spell, so it is none. The word is
/// lower-cased byte by byte: ASCII capitals, and the Latin-1 capitals (UTF-8 0xC3
/// 0x80–0x9E) to their small letters (0xC3 0xA0–0xBE).
fn marker(word: &[u8]) -> Option<usize> {
    if word.len() > 6 {
        return None; // longer than any marker ("också" is 6 bytes)
    }
    let mut lower = [0u8; 6];
    let mut after_c3 = false;
    for (l, &b) in lower.iter_mut().zip(word) {
        *l = if after_c3 && (0x80..=0x9E).contains(&b) {
            b + 0x20
        } else {
            b.to_ascii_lowercase()
        };
        after_c3 = b == 0xC3;
    }
    let lower = &lower[..word.len()];
    SWEDISH_MARKERS.iter().position(|m| m.as_bytes() == lower)
}

/// Whether `s` holds æ, ø, Æ or Ø (UTF-8 0xC3 followed by 0xA6, 0xB8, 0x86 or 0x98). The
/// second bytes are looked for, with memchr, and then the 0xC3 before them: Swedish text
/// has å, ä or ö every 25 bytes or so, all of them 0xC3 and something, so a search for 0xC3
/// stopped that often, while these second bytes are rare in it (å ä ö Å Ä Ö é are 0xA5
/// 0xA4 0xB6 0x85 0x84 0x96 0xA9 after the 0xC3).
fn has_ae_or_oe(s: &str) -> bool {
    let bytes = s.as_bytes();
    // A continuation byte is never a string's first, and 0xC3 never a continuation byte,
    // so 0xC3 before one is the start of its two-byte character.
    let after_c3 = |i: usize| i > 0 && bytes[i - 1] == 0xC3;
    memchr::memchr3_iter(0xA6, 0xB8, 0x86, bytes).any(after_c3)
        || memchr::memchr_iter(0x98, bytes).any(after_c3)
}

/// Beside [`SWEDISH_MARKERS`], words that Norwegian, Danish and the languages whatlang
/// mistakes short Swedish for spell otherwise ("opp", "siden", "kroner", "sosial-"): words of
/// the texts this program reads.
const SWEDISH_SPELLINGS: &[&str] = &[
    "upp",
    "sedan",
    "nio",
    "kronor",
    "miljoner",
    "socialsekreterare",
    "socialsekreterarna",
    "socialtjänsten",
    "handläggare",
    "handläggarna",
    "ärenden",
    "slutat",
    "kommunens",
];

/// Whether a word of `sample`, in lower case, is one of [`SWEDISH_MARKERS`] or
/// [`SWEDISH_SPELLINGS`]. Asked only of texts whatlang calls Norwegian or Danish, or is unsure
/// of: short ones.
fn has_swedish_spelling(sample: &str) -> bool {
    sample.split(|c: char| !c.is_alphabetic()).any(|w| {
        let w = w.to_lowercase();
        SWEDISH_MARKERS.contains(&w.as_str()) || SWEDISH_SPELLINGS.contains(&w.as_str())
    })
}

/// The language of `text` as an ISO 639-3 code ("swe", "eng"), or None when too short to say.
pub fn detect(text: &str) -> Option<&'static str> {
    // The first 2 000 bytes are plenty to count markers in (and the count stops early).
    let mut end = text.len().min(2000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if plainly_swedish(&text[..end]) {
        return Some(Lang::Swe.code());
    }
    // The first 2 000 characters for whatlang, which keeps it cheap on long records.
    let end = text.char_indices().nth(2000).map_or(text.len(), |(i, _)| i);
    let sample = &text[..end];
    let info = Detector::new().detect(sample)?;
    // whatlang confuses Swedish with Norwegian and Danish on short texts; without æ and ø,
    // ä and ö or a word only Swedish spells so settle it ("I Kisa har sju socialsekreterare
    // sagt upp sig sedan årsskiftet" was Bokmål). So does such a word when whatlang is
    // unsure ("I Örebro har tolv socialsekreterare slutat" was Catalan).
    let nordic = matches!(info.lang(), Lang::Nob | Lang::Dan);
    if !has_ae_or_oe(sample)
        && ((nordic && (sample.contains(['ä', 'ö', 'Ä', 'Ö']) || has_swedish_spelling(sample)))
            || (!info.is_reliable() && has_swedish_spelling(sample)))
    {
        return Some(Lang::Swe.code());
    }
    Some(info.lang().code())
}

/// Whether a document counts as Swedish. Texts too short to tell are given the benefit of the
/// doubt: a headline with a figure is worth mining.
pub fn is_swedish(code: Option<&str>) -> bool {
    matches!(code, None | Some("swe"))
}

/// A readable name for a language code.
pub fn name(code: &str) -> &'static str {
    Lang::from_code(code).map_or("unknown", |l| l.eng_name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_and_english() {
        let sv = "Tio av trettio socialsekreterare har sagt upp sig sedan årsskiftet, och förvaltningen har svårt att rekrytera nya medarbetare.";
        assert_eq!(detect(sv), Some("swe"));
        assert!(is_swedish(detect(sv)));
        // Norwegian and Danish prose, long enough for the marker count: not Swedish.
        let nb = "Ti av tretti sosialarbeidere har sagt opp siden nyttår, og etaten sliter med å rekruttere nye medarbeidere. Det er ikke første gang. Kommunen sier at situasjonen er alvorlig, og at de vil gjøre alt de kan for å beholde de ansatte som er igjen. Også lederne har sluttet.";
        assert!(!plainly_swedish(nb));
        assert_ne!(detect(nb), Some("swe"));
        let da = "Ti ud af tredive socialrådgivere har sagt op siden nytår, og forvaltningen har svært ved at rekruttere nye medarbejdere. Det er ikke første gang, og kommunen siger at situationen er alvorlig. Også lederne er gået, og der er ingen løsning i sigte for de ansatte.";
        assert!(!plainly_swedish(da));
        assert_ne!(detect(da), Some("swe"));
        // Swedish prose passes the marker count and is never handed to whatlang.
        let long_sv = format!("{sv} Det är inte första gången, och när förvaltningen skulle rekrytera fanns det också få sökande från andra kommuner. Det hade varit bättre att agera över tid, för till slut var det ett faktum.");
        assert!(plainly_swedish(&long_sv));
        assert_eq!(detect(&long_sv), Some("swe"));
        // One sentence, which whatlang read as Bokmål or Catalan.
        for sv in [
            "I Kisa har sju socialsekreterare sagt upp sig sedan årsskiftet.",
            "Mottagningsenheten i Skoghall har en ordinarie bemanning på nio socialsekreterare.",
            "Socialkontoren i Edsbyn och Alfta lade i fjol 3,8 miljoner kronor på inhyrda socialsekreterare.",
            "I Örebro har tolv socialsekreterare slutat.",
        ] {
            assert_eq!(detect(sv), Some("swe"), "{sv}");
        }
        // Short Norwegian and Danish stay what they are.
        assert_ne!(
            detect("Ti sosialarbeidere har sagt opp siden nyttår i kommunen."),
            Some("swe")
        );
        assert_ne!(
            detect("Ti socialrådgivere har sagt op siden nytår i kommunen."),
            Some("swe")
        );
        let en = "Ten of thirty social workers have resigned since the new year, and the department struggles to recruit new staff.";
        assert_eq!(detect(en), Some("eng"));
        assert!(!is_swedish(detect(en)));
        assert_eq!(name("eng"), "English");
    }

    /// The marker count as it was first written (words by `str::split`, each compared with
    /// every marker char by char): the definition [`plainly_swedish`] must agree with. But
    /// for one mend: a word must have as many characters as the marker. The first version
    /// zipped the two and stopped at the shorter, so "ocKs" with the Kelvin sign (6 bytes,
    /// 4 characters) counted as "också", and "frÅ" with the Ångström sign as "från".
    fn plainly_swedish_by_chars(sample: &str) -> bool {
        if has_ae_or_oe(sample) {
            return false;
        }
        let (mut words, mut hits, mut seen) = (0usize, 0usize, 0u16);
        for word in sample
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
        {
            words += 1;
            if word.len() > 6 {
                continue;
            }
            let hit = SWEDISH_MARKERS.iter().position(|m| {
                m.len() == word.len()
                    && m.chars().count() == word.chars().count()
                    && if word.is_ascii() {
                        m.as_bytes().eq_ignore_ascii_case(word.as_bytes())
                    } else {
                        m.chars()
                            .zip(word.chars())
                            .all(|(a, b)| b.to_lowercase().eq([a]))
                    }
            });
            if let Some(i) = hit {
                hits += 1;
                seen |= 1 << i;
                if words >= 30 && hits * 20 >= words && seen.count_ones() >= 4 {
                    return true;
                }
            }
        }
        words >= 30 && hits * 20 >= words && seen.count_ones() >= 4
    }

    #[test]
    fn marker_count_agrees_with_its_definition() {
        // Each marker in every case, beside look-alikes: other Latin-1 capitals, the Kelvin
        // and Ångström signs (alone, and inside words of a marker's length in bytes),
        // letters of other scripts, digits and marks inside words.
        let markers = [
            "och", "OCH", "Och", "att", "ATT", "är", "ÄR", "Är", "äR", "inte", "för", "FÖR",
            "till", "ett", "när", "NÄR", "också", "OCKSÅ", "Också", "från", "FRÅN", "över", "ÖVER",
            "där", "DÄR", "hade", "HADE", "oCh", "tiLL",
        ];
        let others = [
            "\u{212a}",
            "\u{212b}",
            "oc\u{212a}s",
            "oc\u{212a}så",
            "fr\u{212b}",
            "FR\u{212b}N",
            "OCKS\u{212b}",
            "\u{212b}r",
            "ocH2",
            "och-att",
            "àr",
            "ÀR",
            "ÿr",
            "ßr",
            "ä\u{308}r",
            "fôr",
            "för_",
            "ö",
            "övers",
            "ocks",
            "åtta",
            "över\u{a0}där",
            "ÈTT",
            "ИНТЕ",
            "inte»",
            "«hade",
            "ﬀor",
            "\u{130}nte",
            "Socialsekreterare",
            "ärenden",
            "Åsa",
            "ÖKAR",
        ];
        let mut rng = fastrand::Rng::with_seed(7);
        let mut passed = 0;
        for _ in 0..3000 {
            // Markers at a rate of 0 to 15 %, around the 5 % needed.
            let rate = rng.usize(..16);
            let mut text = String::new();
            for _ in 0..rng.usize(20..80) {
                let word = if rng.usize(..100) < rate {
                    markers[rng.usize(..markers.len())]
                } else {
                    others[rng.usize(..others.len())]
                };
                text.push_str(word);
                text.push_str([" ", ", ", ". ", "\n", "–", "1"][rng.usize(..6)]);
            }
            let plain = plainly_swedish(&text);
            assert_eq!(plain, plainly_swedish_by_chars(&text), "{text:?}");
            passed += usize::from(plain);
        }
        // Both answers come up often enough for a difference to show.
        assert!((300..2700).contains(&passed), "{passed} of 3000 passed");
        for text in crate::claims::tests::seed_texts() {
            assert_eq!(plainly_swedish(&text), plainly_swedish_by_chars(&text));
            assert!(plainly_swedish(&text), "a seed is plainly Swedish");
        }
    }

    #[test]
    fn ae_and_oe_are_found_in_either_case() {
        for s in ["blåbærsyltetøy", "Ærø", "sø", "ÆBLE", "Øst"] {
            assert!(has_ae_or_oe(s), "{s}");
        }
        // Other letters that start with the same UTF-8 byte: å ä ö é Å Ä Ö.
        assert!(!has_ae_or_oe("Åsa, Ärla, Örebro, café, sjö, här, på"));
        // The same second bytes after other first bytes: ¦ ¸ (0xC2), … ‘ (0xE2 0x80), Ć (0xC4).
        assert!(!has_ae_or_oe("a ¦ b ¸ c… ‘d’ Ć ĸ Ę"));
        // Each of the four after such look-alikes, and at the very end.
        for tail in ["æ", "ø", "Æ", "Ø"] {
            assert!(has_ae_or_oe(&format!("… ¦ Ć ä{tail}")), "{tail}");
        }
        // Every character of two and three bytes, alone and after å: found exactly for the
        // four.
        for c in ('\u{80}'..='\u{FFFF}').filter(|c| c.len_utf8() > 1) {
            let four = matches!(c, 'æ' | 'ø' | 'Æ' | 'Ø');
            assert_eq!(has_ae_or_oe(&format!("{c}")), four, "{c:?}");
            assert_eq!(has_ae_or_oe(&format!("å{c}x")), four, "{c:?}");
        }
        // Swedish prose with ø further on is not plainly Swedish.
        let sv = "Det är inte första gången, och när förvaltningen skulle rekrytera fanns det också få sökande från andra kommuner, och det hade varit bättre att agera över tid, för till slut var det ett faktum att det är svårt.";
        assert!(plainly_swedish(sv));
        assert!(!plainly_swedish(&format!("{sv} Søndag.")));
        // Every marker before the 30th word, none after: still plainly Swedish.
        let early = "Och att det är inte för oss till sist, sa hon. Socialsekreterarna \
            Botkyrka Huddinge Haninge Tyresö Nacka Värmdö Lidingö Solna Sundbyberg Danderyd \
            Täby Vallentuna Österåker Norrtälje Sigtuna Knivsta Upplands Järfälla Sollentuna \
            Ekerö Salem Södertälje Nykvarn.";
        assert!(plainly_swedish(early));
    }
}
