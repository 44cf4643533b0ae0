//! Patterns about the work itself: cases per worker, and how the inflow of reports and
//! investigations changes.

use super::{vocab, Kind, Rule};
use regex::bytes::Captures;

/// What is counted when the inflow changes: reports of concern, investigations, applications.
/// Compounds of social work count ("barnavårdsutredningar", "orosanmälningar"; not
/// "bygglovsärenden"), and up to two adjectives may stand before ("antalet nya ärenden",
/// "inledda barnavårdsutredningar").
const INFLOW: &str = r"(?:<ADJ>(?:[a-zåäö]*anmälningar(?:na)?|(?:barnavårds|barnskydds|bistånds|lss-|social|ny)?(?:utredningar(?:na)?|ansökningar(?:na)?|ärenden(?:a)?)|aktualiseringar(?:na)?|placeringar(?:na)?|inflöde(?:t)?|ärendemängd(?:en)?))";

/// The inflow only social services receive: reports of concern, child-welfare
/// investigations, applications for income support ("ansökningar" alone may be a school's).
const SOCIAL_INFLOW: &str = r"(?:<ADJ>(?:[a-zåäö]*anmälningar(?:na)?|(?:barnavårds|barnskydds)?utredningar(?:na)?|aktualiseringar(?:na)?|(?:ny)?ansökningar(?:na)? om (?:försörjningsstöd|ekonomiskt bistånd|bistånd)))";

/// Adverbs between a verb of having and the caseload figure: "har i dag runt 30 ärenden",
/// "handlägger i snitt 25 utredningar". (Hedges like "runt", "upp till" belong to the figure.)
/// And a source between them: "hade enligt enkäten i genomsnitt 26 ärenden var", "hade
/// enligt stadsrevisionens granskning i snitt 120 hushåll var".
const FILL: &str = r"(?:(?:i dag|idag|nu|just nu|numera|där|här|i snitt|i genomsnitt|i medel|ofta|ibland|normalt|vanligtvis|samtidigt|ensam|själv|enligt (?:[a-zåäö]+s )?[a-zåäö]+) )*";

/// Verbs of carrying cases, with an optional modal: "har", "har haft", "kan ha", "ansvarar för".
const HAVE: &str = r"(?:(?:kan|ska|får|brukar|måste|kunde|skulle|fick) )?(?:med|har haft|hade haft|haft|har|hade|ha|handlägger|handlade|handlägga|hanterar|hanterade|hantera|(?:ansvarar|ansvarade|ansvara) (?:(?:i genomsnitt|i snitt|numera|i dag|idag|nu|därmed|själv|ensam|enligt [a-zåäö]+) )*för|(?:har|hade) (?:(?:i dag|idag|nu|numera|där|ensam|själv) )?ansvar för|bär|bar)";

/// Each of the workers, as the subject: "var och en", "var och en av handläggarna".
const EACH_ONE: &str = r"var och en(?: av (?:dem|handläggarna|socialsekreterarna|utredarna))?";

pub(super) fn rules() -> Vec<Rule> {
    let inflow = |p: &str| {
        p.replace("<INFLOW>", INFLOW)
            .replace("<SOCIAL_INFLOW>", SOCIAL_INFLOW)
    };
    // Cases as workers speak of their own: `<CASES>` but plain "barn" ("vi har tre barn var"
    // is a family), unless they are the children of their investigations.
    assert!(vocab::CASES.contains("|barn|"), "barn among the case nouns");
    let own_cases = format!(
        r"(?:{}\b|barn i (?:sina|våra|mina) (?:pågående |aktuella )?utredningar)",
        vocab::CASES.replace("|barn|", "|")
    );
    let have = |p: &str| {
        p.replace("<HAVE>", HAVE)
            .replace("<FILL>", FILL)
            .replace("<OWN_CASES>", &own_cases)
            .replace("<EACH_ONE>", EACH_ONE)
    };
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
            // and "en enskild socialsekreterare ... ansvarar i dag för 38 barn"
            &have(r"\b(?:varje|en|var|varenda)(?: enskild)? <ADJ><STAFF><GAP> <HAVE> <FILL><V> <CASES>\b")),
        // The yardstick after a caseload, in another place or time: "omkring 35 ärenden, att
        // jämföra med runt 20 i Örgryte-Härlanda", "28 ärenden var, jämfört med 19 vid
        // samma tid i fjol".
        Rule::new(Kind::Caseload, "cases-compared-with-elsewhere",
            r"<STAFF_>[^#]{0,60}?#n\d+# <CASES>\b[^#]{0,30}?,? (?:att jämföra med|jämfört med|mot) <V> (?:i|på|inom|hos|vid|för|när|då|under) "),
        // V2 inversion: "I Angered har varje handläggare upp till 60 ärenden", "I oktober hade
        // en socialsekreterare inom utredning i genomsnitt 19 pågående utredningar"
        Rule::new(Kind::Caseload, "has-each-worker",
            &have(r"\b<HAVE> (?:nu |i dag |idag |numera )?(?:varje|varenda|en) <ADJ><STAFF>(?: (?:inom|på|i|vid|hos|för) [^#,]{1,40}?)? <FILL><V> <CASES>\b")),
        // "ansvarar varje socialsekreterare inom barn och familj för 15–18 barn"
        Rule::new(Kind::Caseload, "each-worker-responsible-for",
            &have(r"\b(?:ansvarar|ansvarade) (?:nu |i dag |idag |numera )?(?:varje|varenda|en) <ADJ><STAFF>(?: (?:inom|på|i|vid|hos) [^#,]{1,40}?)?(?: nu| i dag| idag| numera)? för <FILL><V> <CASES>\b")),
        // V2 with the workers plural: "I Gävle har socialsekreterarna inom barn och unga i dag
        // i genomsnitt 22 ärenden var"
        Rule::new(Kind::Caseload, "have-workers-each",
            // and what they report: "På mottagningen uppger handläggarna mellan 40 och 50
            // pågående ärenden var"
            &have(r"\b(?:<HAVE>|uppger|uppgav|anger|angav) (?:[a-zåäö]+s )?<ADJ><STAFF>(?: (?:inom|på|i|vid|hos|för) [^#,]{1,40}?)? <FILL><V> <CASES> (?:var|vardera|per person|styck)\b")),
        // "Samtidigt ansvarar handläggarna inom barn och unga för i genomsnitt 24 ärenden var"
        Rule::new(Kind::Caseload, "workers-responsible-for-each",
            &have(r"\b(?:ansvarar|ansvarade) (?:[a-zåäö]+s )?<ADJ>(?P<role><SOCIAL_STAFF>)(?: (?:inom|på|i|vid|hos) [^#,]{1,40}?)? för <FILL><V> <CASES> (?:var|vardera|per person|styck)\b")),
        // "Enligt de intervjuade socialsekreterarna har var och en mellan 25 och 30 ärenden"
        Rule::new(Kind::Caseload, "each-one-has",
            &have(r"<STAFF><GAP> (?:har|hade) var och en <FILL><V> <CASES>\b")),
        // The subject alone, the workers named before it in the sentence or the one before:
        // "uppgav att var och en ansvarar för mellan 35 och 40 barn", "Var och en har i dag
        // omkring 30 ärenden". Cases by name follow, so "var och en har två barn" is a family.
        Rule::new(Kind::Caseload, "each-one-on-their-own-has",
            &have(r"\b<EACH_ONE>(?: (?:i dag|idag|nu|numera))? <HAVE> <FILL><V> <OWN_CASES>")),
        // Children by that noun too, where they answer for them and the workers are named
        // before in the sentence: "Socialsekreterarna uppgav att var och en ansvarar för
        // mellan 35 och 40 barn" (not foster homes: "Var och en ansvarar för två barn").
        Rule::new(Kind::Caseload, "each-one-on-their-own-answers-for",
            &have(r"(?:sekreterar|handläggar|utredar|socionom|behandlar)[a-zåäö]*[^#]{0,80}?\b<EACH_ONE> (?:ansvarar|ansvarade) <FILL>för <FILL><V> <CASES>\b")),
        // The workers themselves, in a letter or a testimony: "Var och en av oss har nu mellan
        // 18 och 25 barn i sina utredningar", "Vi har i dag mellan 30 och 40 ärenden var",
        // "hade mina kollegor och jag mellan 25 och 30 barn var". "Vi" only with "var": "vi
        // har 40 ärenden" may be the whole unit's.
        Rule::new(Kind::Caseload, "each-of-us-has",
            &have(r"\bvar och en av oss <HAVE> <FILL><V> <OWN_CASES>")),
        Rule::new(Kind::Caseload, "we-have-each",
            &have(r"\b(?:(?:vi|mina kollegor och jag|jag och mina kollegor|jag och mina kolleger) <HAVE>|<HAVE> (?:vi|mina kollegor och jag|jag och mina kollegor|jag och mina kolleger)) <FILL><V> <OWN_CASES> (?:var|vardera|per person|styck)\b")),
        // A worker's own account: "Till slut hade jag mellan 40 och 50 ärenden". Not "barn"
        // ("jag har tre barn" is a family), nor plain "utredningar" ("jag har tre utredningar
        // som ska vara klara före fredag" is this week's work). Not "hon" or "han" either:
        // news says them in every other sentence, and the prefilter would stop at each.
        Rule::new(Kind::Caseload, "i-have",
            &have(r"\b(?:jag <HAVE>|<HAVE> jag) <FILL><V> (?:(?:fast|[a-zåäöé-]+(?:a|e)) ){0,2}(?:ärenden|klienter|akter|hushåll)\b")),
        // A second place set against the first: "i genomsnitt 22 ärenden per handläggare,
        // medan motsvarande siffra i Södertälje är 34"
        Rule::new(Kind::Caseload, "and-elsewhere",
            r"#n\d+# <CASES> per (?:<ADJ>)?(?:<STAFF_>|heltidstjänst|tjänst|person)\b[^#]{0,40}?,? (?:medan|och|men) (?:den )?motsvarande (?:siffra|siffran|snitt|snittet|antal|antalet)(?: [^#]{0,30}?)? (?:är|var|ligger på|låg på|blev) <V>"),
        // Those left: "den som är kvar har omkring 110 ärenden", "de kvarvarande har 75
        // ärenden var"
        Rule::new(Kind::Caseload, "those-left-have",
            &have(r"\b(?:(?:den|de|dom) (?:som )?(?:är|blivit|har blivit|finns|jobbar) kvar|(?:den|de) kvarvarande|(?:den|de) som stannat) <HAVE> <FILL><V> <CASES>\b")),
        // Some of them: "Vissa kollegor har över 40 ärenden", "flera socialsekreterare har
        // upp till 60 utredningar"
        Rule::new(Kind::Caseload, "some-workers-have",
            // Not a plan ("ska vissa socialsekreterare ha 15"), nor their own children.
            &have(r"\b(?:vissa|flera|många|en del|några)(?: av (?:mina |våra |de )?)? ?<ADJ><STAFF>(?: (?:inom|på|i|vid) [^#,]{1,40}?)? (?:har|hade|har haft|hade haft) <FILL><V> <OWN_CASES>")),
        // V2 inversion: "Enligt facket har flera handläggare på barnenheten mellan 30 och 35
        // ärenden"
        Rule::new(Kind::Caseload, "have-some-workers",
            &have(r"\b(?:har|hade) (?:vissa|flera|många|en del|några|enskilda)(?: av (?:de |våra |mina )?)? ?<ADJ><STAFF>(?: (?:inom|på|i|vid) [^#,]{1,40}?)? <FILL><V> <OWN_CASES>")),
        // The average after the verb, with no "var": "Handläggarna där har i genomsnitt 32
        // ärenden", "socialsekreterarna på mottagningen hade i snitt 41 utredningar". The
        // average makes it each worker's, not the unit's total.
        Rule::new(Kind::Caseload, "workers-have-on-average",
            &have(r"\b<ADJ><STAFF>(?: (?:inom|på|i|vid) [^#,]{1,40}?)?(?: (?:där|här|nu|i dag|idag))? <HAVE> (?:(?:i dag|idag|nu|just nu|numera) )?(?:i snitt|i genomsnitt|i medel) <FILL><V> <CASES>\b")),
        // "handläggarna på vuxenenheten i snitt har 32 ärenden"
        Rule::new(Kind::Caseload, "workers-on-average-have",
            &have(r"<STAFF>(?: (?:inom|på|i|vid) [^#,]{1,40}?)? (?:i snitt|i genomsnitt) <HAVE> <FILL><V> <CASES>\b")),
        // "socialsekreterarna har 60 ärenden var", "handläggarna hade i snitt 35 ärenden per person"
        Rule::new(Kind::Caseload, "workers-have-each",
            &have(r"<STAFF><GAP> <HAVE> <FILL><V> <CASES> (?:var|vardera|per person|styck|i snitt)\b")),
        // Records: "Antalet ärenden per socialsekreterare är i dag 38", "antalet aktuella
        // ärenden per socialsekreterare var i maj 2024 i genomsnitt 29", and a change: "fått ned
        // antalet ärenden per handläggare från i snitt 26 till 19"
        Rule::new(Kind::Caseload, "number-per-worker-is",
            r"\b(?:(?:det )?genomsnittlig[a-z]* )?antal(?:et)? <CASES> per (?:<ADJ>)?(?:<STAFF>|heltidstjänst|tjänst|årsarbetare)(?: [^#]{0,40}?)? (?:är|var|ligger på|låg på|legat på|uppgår till|uppgick till|från|steg till|ökade till|har ökat till|har stigit till|minskade till|sjönk till|landade på) (?:(?:i|under) [a-zåäö]+(?: \d{4})? )?(?:i dag |idag |nu |i snitt |i genomsnitt )*<V>"),
        // V2 inversion: "Inom äldreomsorgens myndighetsutövning låg antalet ärenden per
        // biståndshandläggare i genomsnitt på 95 under året"
        Rule::new(Kind::Caseload, "is-number-per-worker",
            r"\b(?:låg|ligger|var|är|uppgick|uppgår|landade|hamnade) (?:det )?(?:genomsnittlig[a-z]* )?antal(?:et)? <CASES> per (?:<ADJ>)?(?:<STAFF>|heltidstjänst|tjänst|årsarbetare)(?: [^#,]{0,40}?)? (?:i snitt |i genomsnitt )?(?:på |till )?<V>"),
        // The average per worker with the noun left out: "snittet är 30 per handläggare", "i
        // Kalix är snittet 26 per handläggare". Social workers by name: "9 sjukdagar per
        // anställd" is not a caseload.
        Rule::new(Kind::Caseload, "average-per-worker",
            r"\b(?:snittet|genomsnittet)(?:(?: [^#]{0,30}?)? (?:till|på|är|var|ligger på|låg på))? <V> per (?:<ADJ>)?(?P<role><SOCIAL_STAFF>)\b"),
        // "ärendebelastningen ligger på 50 ärenden"
        Rule::new(Kind::Caseload, "caseload-is",
            r"\b(?:arbetsbelastning|ärendebelastning|ärendemängd|ärendetyngd)(?:en)?(?: [^#]{0,40}?)? (?:är|var|ligger på|låg på|uppgår till|uppgick till) (?:i snitt |i genomsnitt |upp till )?<V> <CASES>\b"),
        // The caseload per worker named as such, where its noun need not follow: "Den
        // genomsnittliga ärendemängden per socialsekreterare var vid periodens slut 24
        // ärenden", "var 21 inom utredning barn och unga, 34 inom ...".
        Rule::new(Kind::Caseload, "caseload-per-worker-is",
            r"\b(?:arbetsbelastning|ärendebelastning|ärendemängd|antalet ärenden)(?:en)? per (?:<ADJ>)?(?P<role><SOCIAL_STAFF>)(?: [^#]{0,40}?)? (?:är|var|ligger på|låg på|uppgår till|uppgick till)(?: [^#]{0,30}?)? (?:i snitt |i genomsnitt )?<V>"),
        // --- workload_change ------------------------------------------------------------
        // "antalet anmälningar har ökat med 60 procent", "anmälningarna har ökat kraftigt, med
        // 85 procent på tre år" (an adverb of degree: "kraftigt", "markant", "betydligt");
        // what the reports are about may take longer ("Antalet anmälningar om barn som kan
        // behöva skydd eller stöd har samtidigt ökat med drygt 40 procent")
        Rule::new(Kind::WorkloadChange, "inflow-changed-by",
            &inflow(r"\b(?:antalet )?<INFLOW> (?:[^#]{0,40}?|om [^#,]{0,80}?)?(?P<dir>ökat|ökade|ökar|stigit|steg|minskat|minskade|minskar|sjunkit|sjönk)(?: (?:kraftigt|markant|betydligt|rejält|snabbt|dramatiskt|stadigt|explosionsartat),?)?(?: (?:under|i|sedan|mellan|på) [^#]{1,30}?)? (?:med )?<VP>")),
        // "antalet utredningar fördubblats", "anmälningarna har tredubblats"
        Rule::new(Kind::WorkloadChange, "inflow-multiplied",
            &inflow(r"\b(?:antalet )?<INFLOW> (?:[^#]{0,40}?|om [^#,]{0,80}?)?(?P<mult>fördubblats|fördubblades|fördubblas|dubblerats|dubblerades|tredubblats|tredubblades|fyrdubblats|fyrdubblades|halverats|halverades)\b"))
            .with_adjust(multiplier),
        // "en ökning med 30 procent av antalet orosanmälningar"
        Rule::new(Kind::WorkloadChange, "change-of-inflow",
            &inflow(r"\b(?P<dir>ökning|ökningen|minskning|minskningen) (?:med|av|på) <VP> (?:av |i |när det gäller )?(?:antalet )?<INFLOW>")),
        // V2 inversion: "I fjol ökade antalet orosanmälningar med 22 procent", "sedan 2019
        // har antalet utredningar ökat med 30 procent"
        Rule::new(Kind::WorkloadChange, "changed-inflow-by",
            &inflow(r"\b(?P<dir>ökade|minskade|steg|sjönk) (?:antalet )?<INFLOW> (?:[^#]{0,40}? )?med <VP>")),
        // Records give the count, then the change: "Antalet inkomna orosanmälningar uppgick
        // till 3 912 under perioden januari–oktober, vilket är en ökning med 11,4 procent"
        Rule::new(Kind::WorkloadChange, "inflow-count-then-change",
            &inflow(r"\bantalet <INFLOW>\b[^,;]{0,120}?,? (?:vilket|som) (?:är|innebär|motsvarar|var) en (?P<dir>ökning|minskning) (?:med|på|om) <VP>")),
        // The change in an apposition after the inflow: "har tagit emot 1 200
        // orosanmälningar, en ökning med 30 procent"
        Rule::new(Kind::WorkloadChange, "inflow-then-change",
            &inflow(r"\b<INFLOW>[^#]{0,30}?, (?:en|vilket är en|vilket innebär en) (?P<dir>ökning|minskning) (?:med|på) <VP>")),
        // After a dash, with the inflow of social services by name: "fått in fler
        // orosanmälningar än någonsin – en ökning med 22 procent" (not the applications of a
        // music school)
        Rule::new(Kind::WorkloadChange, "social-inflow-dash-change",
            &inflow(r"\b<SOCIAL_INFLOW>[^#]{0,60}?(?:,| –| —| -) (?:en|vilket är en|vilket innebär en) (?P<dir>ökning|minskning) (?:med|på) <VP>")),
        // "har tagit emot 1 812 anmälningar, vilket är 35 procent fler än", and in apposition:
        // "kom det in 168 anmälningar om barn i Kisa och Horn, 22 procent fler än i fjol"
        Rule::new(Kind::WorkloadChange, "inflow-then-more",
            &inflow(r"\b<SOCIAL_INFLOW>[^#]{0,40}?, (?:(?:vilket är|vilket innebär|det är) )?<VP> (?P<dir>fler|färre)\b")),
        // The change in a sentence of its own, after the inflow: "Vi har fått in 1 400
        // anmälningar hittills i år. Det är en ökning med 28 procent jämfört med samma
        // period i fjol"
        Rule::new(Kind::WorkloadChange, "change-after-inflow",
            r"^(?:(?:–|—|-|och) )?(?:det är|det var|det innebär|det motsvarar|vilket är) en (?P<dir>ökning|minskning) (?:med|på) <VP>")
            // The inflow received, in the sentence before: "fått in", "tog emot", "antalet".
            .with_antecedent(r"\b(?:fått in|fick in|får in|tagit emot|tog emot|tar emot|kom in|kommit in|inkom|inkommit|registrerade|registrerat|mottog|antalet)\b.{0,80}?\b(?:[a-zåäö]*anmälningar|[a-zåäö]*utredningar|aktualiseringar|ansökningar)\b(?:[^,;]|,[0-9])*$"),
        // A pronoun for the inflow the sentence before named: "Men när samhället öppnade
        // igen kom anmälningarna tillbaka. Mellan 2021 och 2023 ökade de med 27 procent."
        Rule::new(Kind::WorkloadChange, "they-changed",
            r"\b(?:de|dessa|dom) (?:har |hade )?(?P<dir>ökat|minskat|ökade|minskade|stigit|sjunkit|steg|sjönk) (?:[^#]{0,30}? )?med <VP>")
            .with_antecedent(INFLOW_BEFORE),
        // The same after a fronted time: "Mellan 2021 och 2023 ökade de med 27 procent",
        // "Sedan dess har de ökat med en tredjedel".
        Rule::new(Kind::WorkloadChange, "changed-they",
            r"\b(?:(?P<dir>ökade|minskade|steg|sjönk) (?:de|dessa|dom)|(?:har|hade) (?:de|dessa|dom) (?P<dir_perfect>ökat|minskat|stigit|sjunkit)) (?:[^#]{0,30}? )?med <VP>")
            .with_antecedent(INFLOW_BEFORE),
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

/// The inflow, last named in the sentence before (no clause after it), that "de" or "dessa"
/// stands for: "Men när samhället öppnade igen kom anmälningarna tillbaka. Mellan 2021 och
/// 2023 ökade de med 27 procent."
const INFLOW_BEFORE: &str = r"\b(?:[a-zåäö]*anmälningar(?:na)?|(?:barnavårds|barnskydds)?utredningar(?:na)?|aktualiseringar(?:na)?|(?:ny)?ansökningar(?:na)?)\b(?:[^,;]|,[0-9])*$";

/// "minskat med 10 procent" is a change of -10.
pub(super) fn direction(caps: &Captures, value: &mut Option<f64>) {
    let d = caps.name("dir").or_else(|| caps.name("dir_perfect"));
    if let (Some(d), Some(v)) = (d, value.as_mut()) {
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
