//! Figures that refer back: a sentence whose figure takes its kind from the sentence before.
//!
//! News and reports name what is counted once and then give more places or years with a
//! noun that stands for the figure: "Falu kommun har åtta vakanta tjänster. I Borlänge är
//! siffran tio.", "I Jönköping kostade inhyrda socialsekreterare 18,4 miljoner kronor. I
//! Sundsvall var notan knappt 11 miljoner.", "... omkring 90 hushåll var. För två år sedan
//! var siffran 65." Read alone, the second sentence says nothing of social services.
//!
//! So each rule here names the kinds it may take, and a match holds only when a claim of one
//! of them, whose figure counts what this one counts (a count, a percent, an amount), stands
//! before it: earlier in its own sentence ("..., medan notan i Sundsvall var 11 miljoner"),
//! else in the sentence before, which for a paragraph's first sentence is the last of the
//! paragraph before (web news prints a sentence a paragraph). The nearest such claim decides
//! the kind, and gives its year when its sentence named one ("Året innan var siffran nio"
//! counts from it; see `super::extract_with`). Rules that name the thing counted come first,
//! so a figure they read is not read again here.
//!
//! Read alone, such a sentence also cannot say that its figure is not a yardstick: "I riket
//! är siffran 7,1 procent", "Prognosen är att notan landar på 20 miljoner", "Den totala
//! kostnaden i socialnämnden var 640 miljoner". So a sentence with a word of [`YARDSTICK`]
//! gives no claim here, and a target ("den rimliga nivån") none of any kind.

use super::{Kind, Rule};

/// Where or among whom, after a noun for the figure: one word ("i Borlänge", "bland
/// socialsekreterarna", "på vuxenenheten"), or a municipality with its noun ("i Lomma
/// kommun"). Not more: "siffran i antalet orosanmälningar" counts something else.
const PLACE: &str = r"(?:[a-zåäöé-]+(?: (?:kommun|stad))?|barn och unga|vuxen och missbruk)";

/// A year after a noun for the figure: "motsvarande siffra för 2023", "siffran för hela
/// 2023", "motsvarande siffra 2023". ("för" takes only a year: "siffran för uppsägningar"
/// names another measure.)
const YEAR: &str = r"(?: (?:för )?(?:hela )?(?:år )?\d{4})";

/// Nouns for a figure as such: "siffran", "snittet", "motsvarande andel", with a place
/// ("snittet i Lomma", "nivån bland socialsekreterarna") or a year.
const FIGURE_NOUN: &str = r"(?:siffran|snittet|genomsnittet|medeltalet|nivån|motsvarande (?:siffra|andel|antal|snitt|genomsnitt|kostnad|summa|nota|nivå|tal|belopp))(?: (?:i|hos|inom|på|bland|vid) <PLACE>|<YEAR>)?";

/// Nouns for an amount or a number of something, which stand for the figure only when
/// nothing but a place follows: "notan", "kostnaden i Sundsvall", "antalet i Luleå" (not
/// "kostnaden för placeringar", "antalet orosanmälningar": those say what they count).
const AMOUNT_NOUN: &str =
    r"(?:notan|summan|kostnaden|antalet|andelen)(?: (?:i|hos|inom|på|bland|vid) <PLACE>|<YEAR>)?";

/// A time or manner between noun and verb: "siffran i fjol var", "notan förra året blev".
const WHEN: &str = r"(?: (?:nu|i dag|idag|då|i fjol|i år|förra året|året innan|året före|året därpå|samtidigt|fortfarande))?";

/// A time other than the sentence before's, in front of a figure that refers back to it:
/// "året innan", "i fjol", "i våras", "i december", "som mest". Each with a word the
/// prefilter can search for, and not a frequent one: the rules that start with this time
/// need little else (their verbs and pronouns are too short or too common to search), so
/// the time decides which sentences go down the full path. "Under 2020", "hela 2021",
/// "två år tidigare", "vid samma tid" and "tidigare" let through most sentences with a
/// figure (on the development sets, a rule with them was possible in 458 sentences no rule
/// matched). "Ett
/// år tidigare var det tolv" as a rule of its own, needing "tidigare" or its like, cost
/// 1.4 % more instructions on the scale benchmark's synthetic texts, for one sentence of
/// the review's: left out.
const OTHER_TIME: &str = r"(?:i fjol|förra året|året (?:innan|före|därpå|efter)|samma period (?:i fjol|förra året|året innan)|i (?:våras|höstas|somras|vintras)|(?:i|under) <MONTH>(?: \d{4}| i fjol| förra året)?|som (?:mest|flest|högst|lägst)|vid årsskiftet)";

/// A verb of being or becoming with its preposition: "är", "ligger på", "steg till".
const IS: &str = r"(?:är|var|blev|ligger på|låg på|landade på|hamnade på|stannade på|uppgår till|uppgick till|(?:har |hade )?(?:ökat|stigit|sjunkit|minskat|landat) (?:till|på)|ökade till|steg till|sjönk till|minskade till|(?:har |hade )?gått (?:upp|ned|ner) till|gick (?:upp|ned|ner) till)";

/// Adverbs and hedges before the figure: "är i dag 14", "var då bara 3".
const BEFORE_FIGURE: &str =
    r"(?:(?:nu|i dag|idag|då|numera|fortfarande|redan|endast|bara|hela|så mycket som) )*";

/// What may follow the figure: the sentence's end, a clause, a place or a time, "stycken".
/// A noun says what the figure counts, which the sentence before no longer decides:
/// "Siffran var 17 anställda", "är antalet 40 hushåll", "snittet ligger på 30 timmar". Only a
/// caseload's own nouns may follow its figure ([`AFTER_CASELOAD`]).
const AFTER_FIGURE: &str = r"(?:$|[.,;:!)?]| ?(?:–|—|-)| (?:och|men|medan|i|hos|på|inom|vid|bland|under|enligt|jämfört|mot|per år|om året|st|stycken)\b)";

/// After a caseload's figure, also the nouns it counts: "snittet är 19 ärenden".
const AFTER_CASELOAD: &str = r"(?:$|[.,;:!)?]| ?(?:–|—|-)| (?:och|men|medan|i|hos|på|inom|vid|bland|under|enligt|jämfört|mot|ärenden|barnärenden|utredningar|hushåll|var|vardera)\b)";

/// The figure, with its total when it has one ("I Krokom var motsvarande siffra 7 av 25").
const FIGURE: &str = r"<VA>(?: av <OF>)?";

/// Participles of change, after "har"/"hade" and the subject: "hade siffran sjunkit till
/// sex".
const CHANGED_PERFECT: &str = r"(?:stigit|sjunkit|ökat|minskat|gått (?:upp|ned|ner)|landat)";

/// Words of a figure that is not the place's own claim but a yardstick or another measure:
/// wider areas and groups ("i riket", "i länet", "bland jämförbara kommuner", "kommunens
/// alla anställda", "i en nationell enkät", "för landets kommuner sammantaget"), what is wished, planned or budgeted ("rimlig",
/// "riktmärke", "prognosen", "budgeterade"), wholes ("den totala kostnaden") and other
/// amounts ("ingångslönen", "timpriset", "anslaget", "befolkningen").
pub const YARDSTICK: &str = r"\b(?:riket|rikets|landet|landets|sverige|sveriges|länet|länets|regionen|regionens|kommunerna|sammantaget|jämförbara|övriga|alla|samtliga|hela kommunen|kommunen som helhet|kommunen totalt|nationell[a-zåäö]*|enkät[a-zåäö]*|rimlig[a-zåäö]*|riktmärke[a-zåäö]*|prognos[a-zåäö]*|budget[a-zåäö]*|budgeter[a-zåäö]*|beräknas|väntas|förväntas|total[a-zåäö]*|sammanlagd[a-zåäö]*|[a-zåäö]*lön[a-zåäö]*|timpris[a-zåäö]*|per timme|i timmen|anslag[a-zåäö]*|bidrag[a-zåäö]*|befolkning[a-zåäö]*|invånare|medianen)\b";

/// People and posts, which a pronoun may count at another time.
const PEOPLE_AND_POSTS: &[Kind] = &[Kind::Consultants, Kind::Staffing, Kind::Vacancies];

/// Each rule names the kinds it may take; the claim of the sentence before decides which.
pub(super) fn rules() -> Vec<Rule> {
    let noun = format!(
        "(?:{}|{})",
        FIGURE_NOUN
            .replace("<PLACE>", PLACE)
            .replace("<YEAR>", YEAR),
        AMOUNT_NOUN
            .replace("<PLACE>", PLACE)
            .replace("<YEAR>", YEAR)
    );
    let now = r"(?:(?:nu|i dag|idag|då|numera|fortfarande|sedan dess|därefter) )?";
    let mut rules = Vec::new();
    for (kinds, after, suffix) in [
        // Any kind (an inspection's figure with its sample: "I Krokom var motsvarande
        // siffra 7 av 25"); then a caseload's again, whose figure may be followed by what it
        // counts ("snittet är 19 ärenden").
        (&Kind::ALL[..], AFTER_FIGURE, ""),
        (&[Kind::Caseload][..], AFTER_CASELOAD, "-of-cases"),
    ] {
        let tail = format!("{BEFORE_FIGURE}{FIGURE}{after}");
        let mut patterns: Vec<(&str, String)> = vec![
            // "I Borlänge är siffran tio", "Hos oss i Kävlinge är snittet 27", "ligger
            // snittet på 16", "Året därpå steg antalet till 19", "hade siffran sjunkit till
            // sex". (The noun once: each copy of it multiplies the pattern's automaton.)
            (
                "figure-noun-after-verb",
                format!(
                    r"\b(?:är|var|blev|ligger|låg|landade|hamnade|stannade|uppgår|uppgick|steg|sjönk|ökade|minskade|har|hade) {now}{noun}(?: {now}{CHANGED_PERFECT})? (?:på |till )?{tail}"
                ),
            ),
            // "Motsvarande siffra i Södertälje är 34", "Notan landade på 11 miljoner",
            // "Siffran har sedan dess stigit till 14"
            (
                "figure-noun-is",
                format!(r"\b{noun}{WHEN}(?: har sedan dess| hade då)? {IS} {tail}"),
            ),
            // Another unit of social services with the same measure: "På utredningsenheten
            // gäller det ytterligare tre." (Not "Inom kultur och fritid gäller det ...".)
            // "I Umeå är motsvarande siffra nästan tre gånger så hög: 11,8 procent"
            (
                "figure-noun-is-so-colon",
                format!(
                    r"\b(?:{noun}{WHEN} (?:är|var|blev)|(?:är|var|blev) {noun}) [^#:]{{1,40}}?: {tail}"
                ),
            ),
            (
                "it-holds-for-unit",
                format!(
                    r"\b(?:på|inom|vid|för) (?:<SOCIAL_PLACE>|[a-zåäö-]*(?:enheten|gruppen)) gäller det (?:(?:ytterligare|också|även|bara|endast) )?{tail}"
                ),
            ),
        ];
        // "Förvaltningen själv anger ett snitt på 52", "med ett genomsnitt på 27"
        if kinds == [Kind::Caseload] {
            patterns.push((
                "an-average-of",
                format!(r"\bett (?:snitt|genomsnitt|medeltal) (?:på|av) {tail}"),
            ));
        }
        for (name, pattern) in &patterns {
            // One name per rule ("figure-noun-is-of-cases"): built once, for the process.
            let name: &'static str = format!("{name}{suffix}").leak();
            rules.push(Rule::new(kinds[0], name, pattern).referring_back(kinds));
        }
    }
    // A pronoun for people or posts counted in the sentence before, at another time: "Vid
    // samma tid i fjol var de elva", "som mest var de sex stycken". Only where the clause ends
    // at the figure ("de var 12 år" counts years), and after a time: "de var fem" alone is too
    // common a shape to try on every sentence with a number. (Not for who left or fell ill:
    // "de" is then as often the whole team.)
    rules.push(
        Rule::new(
            PEOPLE_AND_POSTS[0],
            "they-were-then",
            &format!(
                r"\b(?:i fjol|förra året|året (?:innan|före|därpå)|som (?:mest|flest)|tidigare|sedan dess|vid (?:samma tid|årsskiftet|halvårsskiftet)[^#,]{{0,20}}?) (?:var|blev) (?:de|dom) {BEFORE_FIGURE}{FIGURE}(?: stycken| st)?(?: samtidigt)?(?:$|[.,;:!])"
            ),
        )
        .referring_back(PEOPLE_AND_POSTS),
    );
    // Figures of the measure the sentence before counted, at another time or now; each
    // rule names the kinds it may take (the first is its kind until the claim before decides).
    let other_time = OTHER_TIME;
    let leaving = "(?:slutade|lämnade|försvann|sa upp sig|sade upp sig)";
    let at_another_time: [(&'static str, &'static [Kind], String); 7] = [
        // A pronoun for people or posts, now: "I december arbetade elva konsulter inom
        // socialtjänsten. I dag är de sex." (the time first, as above).
        (
            "they-are-now",
            PEOPLE_AND_POSTS,
            format!(
                r"\b(?:i dag|idag|just nu|numera|i nuläget) (?:är|har) (?:de|dom) {BEFORE_FIGURE}{FIGURE}(?: stycken| st| kvar)?(?:$|[.,;:!])"
            ),
        ),
        // The headcount, now: "Enheten ska ha 22 socialsekreterare. Just nu arbetar 14 där".
        (
            "working-there-now",
            &[Kind::Staffing],
            format!(
                r"\b(?:just nu|nu|i dag|idag|numera) arbetar (?:det )?{BEFORE_FIGURE}{FIGURE}(?: personer| stycken)? (?:där|här|på enheten|i gruppen)\b"
            ),
        ),
        // The same measure at another time, with "det" for what the sentence before counted:
        // "31 socialsekreterare slutade under 2021. Året innan var det 18.", "Sjukfrånvaron
        // var 12 procent. I fjol låg den på 9,8 procent." Any kind: the claim before decides
        // it, and the time in front says the figure is of another time, not another thing.
        (
            "it-was-then",
            &Kind::ALL,
            format!(
                r"\b{other_time} (?:(?:var|blev|låg) (?:det|den) (?:på )?|(?:sjönk|steg|ökade|minskade|landade) (?:det|den) (?:till|på) ){BEFORE_FIGURE}{FIGURE}(?: stycken| st)?(?:$|[.,;:!])"
            ),
        ),
        // A figure set beside the one before it: "19 socialsekreterare har avslutat sin
        // anställning. Det kan jämföras med 22 under hela 2021."
        (
            "to-compare-with",
            &Kind::ALL,
            format!(
                r"^(?:(?:det|detta|vilket|siffran|antalet|det här) (?:kan|ska) jämföras|att jämföra) med {BEFORE_FIGURE}{FIGURE}{AFTER_FIGURE}"
            ),
        ),
        // Leaving, at another time: "I fjol slutade 121 socialsekreterare. Det är fler än
        // två år tidigare, då 97 slutade.", "Året innan slutade 18."
        (
            "then-left-x",
            &[Kind::Resigned],
            format!(
                r"\b(?:då|{other_time}) {leaving} {BEFORE_FIGURE}{FIGURE}(?: stycken| st| personer)?(?:$|[.,;:!])"
            ),
        ),
        (
            "then-x-left",
            &[Kind::Resigned],
            format!(r"\bdå {BEFORE_FIGURE}{FIGURE}(?: stycken| personer)? {leaving}(?:$|[.,;:!])"),
        ),
        // What someone had at another time: "Hon har i dag 34 barn att ansvara för. – I
        // våras hade jag 20."
        (
            "had-then",
            &Kind::ALL,
            format!(
                r"\b{other_time} hade (?:jag|hon|han|vi|de|dom) {BEFORE_FIGURE}{FIGURE}(?: stycken| st)?(?:$|[.,;:!])"
            ),
        ),
    ];
    for (name, kinds, pattern) in at_another_time {
        rules.push(Rule::new(kinds[0], name, &pattern).referring_back(kinds));
    }
    // More who left, after those the sentence before counted: "Under 2018 slutade nio
    // handläggare på enheten. I år har ytterligare sju sagt upp sig." With no staff word the
    // verb alone says little ("tolv har slutat" may be pupils), so only after a resignation.
    // (Narrower than `vocab::QUIT`: no "gått vidare", no move to another employer.)
    let resigned_bare =
        "(?:sagt upp sig|valt att (?:sluta|säga upp sig)|slutat|avslutat sin anställning)";
    let more = "(?:(?:ytterligare|ännu|sedan dess|hittills|också|även) )*";
    let counted = "(?: till| personer| stycken)?";
    let end = r"(?:$|[.,;:!]| (?:och|men|i|på|under|sedan|enligt)\b)";
    for (name, pattern) in [
        (
            "have-x-more-left",
            format!(r"\b(?:har|hade) {more}{BEFORE_FIGURE}{FIGURE}{counted} {resigned_bare}{end}"),
        ),
        (
            "x-more-have-left",
            format!(r"^{more}{FIGURE}{counted} (?:har|hade) {resigned_bare}{end}"),
        ),
    ] {
        rules.push(Rule::new(Kind::Resigned, name, &pattern).referring_back(&[Kind::Resigned]));
    }
    // A change that follows a change: "Antalet orosanmälningar ökade med 18 procent. I
    // Linköping var ökningen 24 procent."
    let change = r"(?P<dir>ökningen|uppgången|minskningen)";
    let place = format!(r"(?: (?:i|hos|inom|på|vid) {PLACE})?");
    let tail = format!("{BEFORE_FIGURE}{FIGURE}{AFTER_FIGURE}");
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
                .referring_back(&[Kind::WorkloadChange]),
        );
    }
    rules
}
