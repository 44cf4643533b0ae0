//! Patterns about the work itself: cases per worker, and how the inflow of reports and
//! investigations changes.

use super::{Kind, Rule};
use regex::bytes::Captures;

/// What is counted when the inflow changes: reports of concern, investigations, applications.
const INFLOW: &str = r"(?:[a-zåäö]*anmälningar(?:na)?|utredningar(?:na)?|ansökningar(?:na)?|ärenden(?:a)?|aktualiseringar(?:na)?|placeringar(?:na)?|inflöde(?:t)?|ärendeinflöde(?:t)?|ärendemängd(?:en)?)";

/// Adverbs between a verb of having and the caseload figure: "har i dag runt 30 ärenden",
/// "handlägger i snitt 25 utredningar". (Hedges like "runt", "upp till" belong to the figure.)
const FILL: &str = r"(?:(?:i dag|idag|nu|numera|i snitt|i genomsnitt|i medel|ofta|ibland|normalt|vanligtvis|samtidigt|ensam|själv) )*";

/// Verbs of carrying cases, with an optional modal: "har", "kan ha", "ansvarar för".
const HAVE: &str = r"(?:(?:kan|ska|får|brukar|måste|kunde|skulle|fick) )?(?:med|har|hade|ha|handlägger|handlade|handlägga|ansvarar för|ansvarade för|ansvara för|har ansvar för|hade ansvar för|bär|bar)";

pub(super) fn rules() -> Vec<Rule> {
    let inflow = |p: &str| p.replace("<INFLOW>", INFLOW);
    let have = |p: &str| p.replace("<HAVE>", HAVE).replace("<FILL>", FILL);
    vec![
        // --- caseload -------------------------------------------------------------------
        // "40–45 ärenden per socialsekreterare", "13–24 ärenden per handläggare"
        Rule::new(Kind::Caseload, "cases-per-worker",
            r"<V> <CASES> (?:per|/|för varje) (?:<ADJ>)?(?:<STAFF>|heltidstjänst|tjänst|heltidsanställd|person|årsarbetare)\b"),
        // "satt varje heltidsanställd socialsekreterare med 15–20 ärenden",
        // "sitter en socialsekreterare (...) med 40–45 ärenden samtidigt"
        // "varje socialsekreterare i Eskilstuna har i dag runt 30 ärenden", "en
        // socialsekreterare kan ha upp emot 70 ärenden"
        Rule::new(Kind::Caseload, "each-worker-has",
            &have(r"\b(?:varje|en|var|varenda) <ADJ><STAFF><GAP> <HAVE> <FILL><V> <CASES>\b")),
        // V2 inversion: "I Angered har varje handläggare upp till 60 ärenden"
        Rule::new(Kind::Caseload, "has-each-worker",
            &have(r"\b<HAVE> (?:nu |i dag |idag |numera )?(?:varje|varenda) <ADJ><STAFF> <FILL><V> <CASES>\b")),
        // "socialsekreterarna har 60 ärenden var", "handläggarna hade i snitt 35 ärenden per person"
        Rule::new(Kind::Caseload, "workers-have-each",
            &have(r"<STAFF><GAP> <HAVE> <FILL><V> <CASES> (?:var|vardera|per person|styck|i snitt)\b")),
        // Records: "Antalet ärenden per socialsekreterare är i dag 38"
        Rule::new(Kind::Caseload, "number-per-worker-is",
            r"\bantalet <CASES> per (?:<ADJ>)?(?:<STAFF>|heltidstjänst|tjänst|årsarbetare)(?: [^#]{0,40}?)? (?:är|var|ligger på|låg på|uppgår till|uppgick till) (?:i dag |idag |nu |i snitt |i genomsnitt )*<V>"),
        // "ärendebelastningen ligger på 50 ärenden"
        Rule::new(Kind::Caseload, "caseload-is",
            r"\b(?:arbetsbelastning|ärendebelastning|ärendemängd|ärendetyngd)(?:en)?(?: [^#]{0,40}?)? (?:är|var|ligger på|låg på|uppgår till|uppgick till) (?:i snitt |i genomsnitt |upp till )?<V> <CASES>\b"),
        // --- workload_change ------------------------------------------------------------
        // "antalet anmälningar har ökat med 60 procent"
        Rule::new(Kind::WorkloadChange, "inflow-changed-by",
            &inflow(r"\b(?:antalet )?<INFLOW> (?:[^#]{0,40}?)?(?P<dir>ökat|ökade|ökar|stigit|steg|minskat|minskade|minskar|sjunkit|sjönk) (?:med )?<VP>")),
        // "antalet utredningar fördubblats", "anmälningarna har tredubblats"
        Rule::new(Kind::WorkloadChange, "inflow-multiplied",
            &inflow(r"\b(?:antalet )?<INFLOW> (?:[^#]{0,40}?)?(?P<mult>fördubblats|fördubblades|fördubblas|dubblerats|dubblerades|tredubblats|tredubblades|fyrdubblats|fyrdubblades|halverats|halverades)\b"))
            .with_adjust(multiplier),
        // "en ökning med 30 procent av antalet orosanmälningar"
        Rule::new(Kind::WorkloadChange, "change-of-inflow",
            &inflow(r"\b(?P<dir>ökning|ökningen|minskning|minskningen) (?:med|av|på) <VP> (?:av |i |när det gäller )?(?:antalet )?<INFLOW>")),
        // V2 inversion: "I fjol ökade antalet orosanmälningar med 22 procent", "sedan 2019
        // har antalet utredningar ökat med 30 procent"
        Rule::new(Kind::WorkloadChange, "changed-inflow-by",
            &inflow(r"\b(?P<dir>ökade|minskade|steg|sjönk) (?:antalet )?<INFLOW> (?:[^#]{0,40}? )?med <VP>")),
        // The change in an apposition after the inflow: "har tagit emot 1 200
        // orosanmälningar, en ökning med 30 procent"
        Rule::new(Kind::WorkloadChange, "inflow-then-change",
            &inflow(r"\b<INFLOW>[^#]{0,30}?, (?:en|vilket är en|vilket innebär en) (?P<dir>ökning|minskning) (?:med|på) <VP>")),
        // "en ökning av orosanmälningarna med 15 procent"
        Rule::new(Kind::WorkloadChange, "change-in-inflow-by",
            &inflow(r"\b(?P<dir>ökning|ökningen|minskning|minskningen) (?:av|i) (?:antalet )?<INFLOW> (?:[^#]{0,30}? )?(?:med|på) <VP>")),
        // "40 procent fler orosanmälningar"
        Rule::new(Kind::WorkloadChange, "more-inflow",
            &inflow(r"<VP> (?P<dir>fler|färre) <INFLOW>")),
    ]
    .into_iter()
    .map(|r| if r.kind == Kind::WorkloadChange { r.with_adjust(direction) } else { r })
    .collect()
}

/// "minskat med 10 procent" is a change of -10.
fn direction(caps: &Captures, value: &mut Option<f64>) {
    if let (Some(d), Some(v)) = (caps.name("dir"), value.as_mut()) {
        // The masked sentence is folded to ASCII ("sjönk" reads "sjqonk"): unfold to compare.
        let d = super::fold::unfold(&String::from_utf8_lossy(d.as_bytes()));
        if d.starts_with("minsk") || d.starts_with("sjunk") || d == "sjönk" || d == "färre" {
            *v = -v.abs();
        }
    }
}

/// "fördubblats" is +100 %, "tredubblats" +200 %, "halverats" -50 %.
fn multiplier(caps: &Captures, value: &mut Option<f64>) {
    if let Some(m) = caps.name("mult") {
        let s = m.as_bytes();
        *value = Some(if s.starts_with(b"tredubbl") {
            200.0
        } else if s.starts_with(b"fyrdubbl") {
            300.0
        } else if s.starts_with(b"halver") {
            -50.0
        } else {
            100.0
        });
    }
}
