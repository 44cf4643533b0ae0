//! Language: only Swedish documents are mined for claims.

use whatlang::{Detector, Lang};

/// The language of `text` as an ISO 639-3 code ("swe", "eng"), or None when too short to say.
pub fn detect(text: &str) -> Option<&'static str> {
    // The first 2 000 characters are plenty, and keep detection cheap on long records.
    let sample: String = text.chars().take(2000).collect();
    let info = Detector::new().detect(&sample)?;
    // whatlang confuses Swedish with Norwegian and Danish on short texts; ä and ö without
    // æ and ø settle it.
    if matches!(info.lang(), Lang::Nob | Lang::Dan)
        && sample.contains(['ä', 'ö', 'Ä', 'Ö'])
        && !sample.contains(['æ', 'ø', 'Æ', 'Ø'])
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
        let en = "Ten of thirty social workers have resigned since the new year, and the department struggles to recruit new staff.";
        assert_eq!(detect(en), Some("eng"));
        assert!(!is_swedish(detect(en)));
        assert_eq!(name("eng"), "English");
    }
}
