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
fn plainly_swedish(sample: &str) -> bool {
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
            continue; // longer than any marker ("också" is 6 bytes)
        }
        // ASCII words compare byte by byte, in any case; others (Är, ÖVER) char by char.
        let hit = SWEDISH_MARKERS.iter().position(|m| {
            m.len() == word.len()
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
    // Markers early, then none: the whole sample may pass all the same.
    words >= 30 && hits * 20 >= words && seen.count_ones() >= 4
}

/// Whether `s` holds æ, ø, Æ or Ø (UTF-8 0xC3 followed by 0xA6, 0xB8, 0x86 or 0x98), found
/// with memchr: a scan char by char was most of the cost of a Swedish document's detection.
fn has_ae_or_oe(s: &str) -> bool {
    let bytes = s.as_bytes();
    memchr::memchr_iter(0xC3, bytes)
        .any(|i| matches!(bytes.get(i + 1), Some(0xA6 | 0xB8 | 0x86 | 0x98)))
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
    // whatlang confuses Swedish with Norwegian and Danish on short texts; ä and ö without
    // æ and ø settle it.
    if matches!(info.lang(), Lang::Nob | Lang::Dan)
        && sample.contains(['ä', 'ö', 'Ä', 'Ö'])
        && !has_ae_or_oe(sample)
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
        let en = "Ten of thirty social workers have resigned since the new year, and the department struggles to recruit new staff.";
        assert_eq!(detect(en), Some("eng"));
        assert!(!is_swedish(detect(en)));
        assert_eq!(name("eng"), "English");
    }

    #[test]
    fn ae_and_oe_are_found_in_either_case() {
        for s in ["blåbærsyltetøy", "Ærø", "sø", "ÆBLE", "Øst"] {
            assert!(has_ae_or_oe(s), "{s}");
        }
        // Other letters that start with the same UTF-8 byte: å ä ö é Å Ä Ö.
        assert!(!has_ae_or_oe("Åsa, Ärla, Örebro, café, sjö, här, på"));
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
