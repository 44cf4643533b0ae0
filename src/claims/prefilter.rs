//! The literal prefilter: words without which no claim pattern can match.
//!
//! Most sentences of a news page hold no claim. Before a sentence is scanned for numbers,
//! masked and run through the rule set, one pass over the whole document looks for these
//! trigger words; only sentences that hold one go on. A document with none costs this one
//! pass and nothing else (no sentence split, no numerals, no municipality lookup).
//!
//! The list must be a *superset*: every match of every rule contains one of these words. A
//! test checks it rule by rule on the patterns' syntax trees (`every_rule_needs_a_trigger`
//! in `tests.rs`): each rule, whatever branch it takes, must match a literal that contains a
//! trigger. A new rule whose words are not covered fails that test; add its word here.
//!
//! Matching is case-insensitive (Unicode simple case folding, which covers what
//! `to_lowercase` does in [`super::mask`]), and a space in a trigger stands for any run of
//! white space, as the masked sentence collapses it. Triggers are stems ("sjukskriv",
//! "handläggar") so that one word covers a pattern's inflections and compounds.

use regex::Regex;
use std::sync::LazyLock;

/// Trigger words, grouped by what the patterns need them for.
pub(super) const TRIGGERS: &[&str] = &[
    // Staff (vocab::STAFF) and people: resigned, staffing, caseload, sick leave.
    "sekreterar",
    "socionom",
    "handläggar",
    "medarbetar",
    "anställd",
    "tjänst",
    "utred",
    "behandlar",
    "socialarbetar",
    "chef",
    "person",
    "kurator",
    "pedagog",
    "ssr-medlemmar",
    "bedömar",
    "årsarbetar",
    // Leaving (vocab::QUIT, vocab::LEFT), wishes to leave, turnover.
    "upp sig",
    "uppsäg",
    "sluta",
    "lämna",
    "avgå",
    "avgick",
    "gått vidare",
    "avhopp",
    "omsättning",
    "byta",
    "jobb",
    // Vacancies and staffing levels.
    "sakna",
    "fattas",
    "platser",
    "befattning",
    "vakan",
    "bemanning",
    // Sick leave.
    "sjukfrånvaro",
    "sjuktal",
    "sjukskriv",
    // Caseload and inflow.
    "belastning",
    "ärende",
    "anmälning",
    "ansökning",
    "aktualisering",
    "placering",
    "inflöde",
    // Inspections and their findings.
    "fall",
    "akter",
    "journaler",
    "brist",
    "kriti",
    "missförhållanden",
    "allvarliga",
    "anmärkning",
    "föreläggande",
    "vite",
    // Money: deficits and consultants.
    "underskott",
    "minus",
    "negativt resultat",
    "överskrid",
    "avvikelse",
    "back",
    "budget",
    "konsult",
    "inhyrd",
    "vikarie",
    "kostnad",
    "kosta",
    "externa",
];

/// All triggers as one case-insensitive alternation (the regex crate turns it into a
/// literal search over the raw text).
static PREFILTER: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = TRIGGERS
        .iter()
        .map(|w| {
            w.split(' ')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect();
    Regex::new(&format!("(?i:{})", words.join("|"))).expect("prefilter")
});

/// Byte spans of trigger words in `text`, in order and not overlapping. A sentence that no
/// span overlaps cannot hold a claim.
pub(super) fn hits(text: &str) -> Vec<(usize, usize)> {
    PREFILTER
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect()
}

/// Whether `text` holds a trigger word.
#[cfg(test)]
pub(super) fn passes(text: &str) -> bool {
    PREFILTER.is_match(text)
}
