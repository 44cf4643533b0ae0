//! Figures that refer back: a sentence whose figure takes its kind from the sentence before.
//!
//! News and reports name what is counted once and then give more places or years with a
//! noun that stands for the figure: "Falu kommun har åtta vakanta tjänster. I Borlänge är
//! siffran tio.", "I Jönköping kostade inhyrda socialsekreterare 18,4 miljoner kronor. I
//! Sundsvall var notan knappt 11 miljoner.", "... omkring 90 hushåll var. För två år sedan
//! var siffran 65." Read alone, the second sentence says nothing of social services.
//!
//! So each rule here is one pattern, repeated for every kind a claim of the sentence before
//! can have. A match holds only when the sentence right before, in the same paragraph, gave a
//! claim of the rule's kind whose figure counts what this one counts (a count, a percent, an
//! amount): the last such claim of that sentence decides the kind (see
//! `super::extract_with`). Rules that name the thing counted come first, so a figure they
//! read is not read again here. The yardsticks every claim is checked against (a national
//! average, a target) hold here too: "I riket som helhet är siffran 21" is no claim.

use super::{Kind, Rule};

/// Where or among whom, after a noun for the figure: one word ("i Borlänge", "bland
/// socialsekreterarna", "på vuxenenheten"), or a municipality with its noun ("i Lomma
/// kommun", "för Sundsvalls kommun"). Not more: "siffran för antalet orosanmälningar" counts
/// something else.
const PLACE: &str = r"(?:[a-zåäöé-]+(?: (?:kommun|stad|län))?|barn och unga|vuxen och missbruk)";

/// Nouns for a figure as such: "siffran", "snittet", "motsvarande andel", with a place
/// ("siffran för Borlänge", "snittet i Lomma", "nivån bland socialsekreterarna").
const FIGURE_NOUN: &str = r"(?:siffran|snittet|genomsnittet|medeltalet|medianen|nivån|motsvarande (?:siffra|andel|antal|snitt|genomsnitt|kostnad|summa|nota|nivå|tal|belopp))(?: (?:i|hos|inom|på|bland|för|vid) <PLACE>)?";

/// Nouns for an amount or a number of something, which stand for the figure only when
/// nothing but a place follows: "notan", "kostnaden i Sundsvall", "antalet i Luleå" (not
/// "kostnaden för placeringar", "antalet orosanmälningar": those say what they count).
const AMOUNT_NOUN: &str = r"(?:notan|summan|beloppet|kostnaden|antalet|andelen)(?: (?:i|hos|inom|på|bland|vid) <PLACE>)?";

/// A time or manner between noun and verb: "siffran i fjol var", "notan förra året blev".
const WHEN: &str = r"(?: (?:nu|i dag|idag|då|i fjol|i år|förra året|året innan|året före|året därpå|samtidigt|fortfarande))?";

/// A verb of being or becoming with its preposition: "är", "ligger på", "steg till".
const IS: &str = r"(?:är|var|blev|blir|ligger på|låg på|landade på|landar på|hamnade på|hamnar på|stannade på|stannar på|uppgår till|uppgick till|(?:har |hade )?(?:ökat|stigit|sjunkit|minskat|landat) (?:till|på)|ökade till|steg till|sjönk till|minskade till|(?:har |hade )?gått (?:upp|ned|ner) till|gick (?:upp|ned|ner) till)";

/// Adverbs and hedges before the figure: "är i dag 14", "var då bara 3".
const BEFORE_FIGURE: &str = r"(?:(?:nu|i dag|idag|då|numera|fortfarande|redan|endast|bara|hela|så mycket som) )*";

/// What may follow the figure: the sentence's end, a clause, a place or a time, or a noun of
/// what the claims count. Another noun says the figure counts something else: "Siffran var
/// 3 400 orosanmälningar", "snittet ligger på 30 timmar", "siffran var 12 fler".
const AFTER_FIGURE: &str = r"(?:$|[.,;:!)?]| ?(?:–|—|-)| (?:och|men|medan|i|hos|för|på|inom|vid|bland|under|enligt|jämfört|mot|per år|om året|ärenden|barnärenden|utredningar|hushåll|st|stycken|personer|<STAFF_>|tjänster|konsulter|var|vardera)\b)";

/// The figure, with its total when it has one ("I Krokom var motsvarande siffra 7 av 25").
const FIGURE: &str = r"<VA>(?: av <OF>)?";

/// Verbs of change in the simple past, V2 order before their subject: "Året därpå steg
/// antalet till 19".
const CHANGED: &str = r"(?:steg|sjönk|ökade|minskade|gick (?:upp|ned|ner))";

/// Their participles, after "har"/"hade" and the subject: "hade siffran sjunkit till sex".
const CHANGED_PERFECT: &str = r"(?:stigit|sjunkit|ökat|minskat|gått (?:upp|ned|ner)|landat)";

pub(super) fn rules() -> Vec<Rule> {
    let noun = format!(
        "(?:{}|{})",
        FIGURE_NOUN.replace("<PLACE>", PLACE),
        AMOUNT_NOUN.replace("<PLACE>", PLACE)
    );
    let now = r"(?:(?:nu|i dag|idag|då|numera|fortfarande|sedan dess|därefter) )?";
    let tail = format!("{BEFORE_FIGURE}{FIGURE}{AFTER_FIGURE}");
    let patterns: Vec<(&'static str, String)> = vec![
        // "I Borlänge är siffran tio", "Hos oss i Kävlinge är snittet 27", "ligger snittet
        // på 16", "Året därpå steg antalet till 19", "hade siffran sjunkit till sex"
        (
            "figure-noun-after-verb",
            format!(
                r"\b(?:(?:är|var|blev|ligger|låg|landade|hamnade|stannade|uppgår|uppgick) {now}{noun} (?:på |till )?|{CHANGED} {now}{noun} (?:till|på) |(?:har|hade) {now}{noun} {now}{CHANGED_PERFECT} (?:till|på) ){tail}"
            ),
        ),
        // "Motsvarande siffra i Södertälje är 34", "Notan landade på 11 miljoner", "Siffran har
        // sedan dess stigit till 14"
        (
            "figure-noun-is",
            format!(r"\b{noun}{WHEN}(?: har sedan dess| hade då)? {IS} {tail}"),
        ),
        // "Förvaltningen själv anger ett snitt på 52", "med ett genomsnitt på 27"
        (
            "an-average-of",
            format!(r"\bett (?:snitt|genomsnitt|medeltal) (?:på|av) {tail}"),
        ),
        // A pronoun for what the sentence before counted, at another time: "Vid samma tid i
        // fjol var de elva", "som mest var de sex stycken". Only where the clause ends at the
        // figure ("de var 12 år" counts years), and after a time: "de var fem" alone is too
        // common a shape to try on every sentence with a number.
        (
            "they-were-then",
            format!(
                r"\b(?:i fjol|förra året|året (?:innan|före|därpå)|som (?:mest|flest)|tidigare|sedan dess|vid (?:samma tid|årsskiftet|halvårsskiftet)[^#,]{{0,20}}?) (?:var|blev) (?:de|dom) {BEFORE_FIGURE}{FIGURE}(?: stycken| st)?(?: samtidigt)?(?:$|[.,;:!])"
            ),
        ),
        // "I oktober steg den till 11 procent", "den har sedan dess sjunkit till 7 procent"
        (
            "it-changed-to",
            format!(
                r"\b(?:(?:{CHANGED}|låg|ligger|landade|hamnade|stannade) den {now}(?:till|på) |den (?:har |hade )?{now}(?:{CHANGED}|{CHANGED_PERFECT}|låg|ligger|landade|hamnade|stannade) {now}(?:till|på) ){tail}"
            ),
        ),
        // Another place with the same measure: "På utredningsenheten gäller det ytterligare
        // tre."
        (
            "it-holds-for",
            format!(r"\bgäller det (?:(?:ytterligare|också|även|bara|endast) )?{tail}"),
        ),
    ];
    const KINDS: [Kind; 10] = [
        Kind::Resigned,
        Kind::IntentToQuit,
        Kind::Caseload,
        Kind::Vacancies,
        Kind::Staffing,
        Kind::Consultants,
        Kind::Inspection,
        Kind::Deficit,
        Kind::WorkloadChange,
        Kind::SickLeave,
    ];
    let mut rules = Vec::new();
    for (name, pattern) in &patterns {
        for kind in KINDS {
            // One name per rule ("caseload-figure-noun-is"): built once, for the process.
            let name: &'static str = format!("{kind}-{name}").leak();
            rules.push(Rule::new(kind, name, pattern).referring_back());
        }
    }
    // A change that follows a change: "Antalet orosanmälningar ökade med 18 procent. I
    // Linköping var ökningen 24 procent." Only after a change: after a rate, "ökningen var
    // 2 procent" is a difference of rates.
    let change = r"(?P<dir>ökningen|uppgången|minskningen)";
    let place = format!(r"(?: (?:i|hos|inom|på|för|vid) {PLACE})?");
    for (name, pattern) in [
        (
            "is-the-change",
            format!(r"\b(?:var|är|blev|landade|stannade) {now}{change}{place} (?:på )?{tail}"),
        ),
        (
            "the-change-is",
            format!(r"\b{change}{place}{WHEN} (?:var|är|blev|landade på|stannade på) {tail}"),
        ),
    ] {
        rules.push(
            Rule::new(Kind::WorkloadChange, name, &pattern)
                .with_adjust(super::caseload::direction)
                .referring_back(),
        );
    }
    rules
}
