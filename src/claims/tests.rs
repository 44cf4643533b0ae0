//! Phrasings written the way Swedish news and municipal records write them, not the seed
//! sentences: digits and words, ranges, hedges, fractions, "X av Y", V2 inversion, passive
//! and active voice, genitive municipalities and districts, relative periods. Each table lists
//! every failing phrasing at once, so a change to a pattern shows everything it breaks.

use super::*;
use crate::dates::PubDate;
use chrono::{Datelike, NaiveDate};

const PUBLISHED: &str = "2021-09-03";

fn ctx() -> DocContext {
    DocContext {
        doc: "test".to_string(),
        published: PubDate::parse(PUBLISHED),
        municipality: None,
        title: None,
    }
}

fn run(text: &str) -> Vec<Claim> {
    extract(text, &ctx())
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// What one phrasing must give: exactly one claim, with these fields.
#[derive(Debug, Clone, Copy)]
struct Want {
    kind: Kind,
    value: f64,
    high: Option<f64>,
    of: Option<f64>,
    unit: ClaimUnit,
    approx: bool,
}

fn want(kind: Kind, value: f64, unit: ClaimUnit) -> Want {
    Want {
        kind,
        value,
        high: None,
        of: None,
        unit,
        approx: false,
    }
}

impl Want {
    fn of(mut self, of: f64) -> Want {
        self.of = Some(of);
        self
    }
    fn high(mut self, high: f64) -> Want {
        self.high = Some(high);
        self
    }
    fn approx(mut self) -> Want {
        self.approx = true;
        self
    }
}

/// Why `text` does not give exactly the wanted claim, if it does not.
fn mismatch(text: &str, w: Want) -> Option<String> {
    let claims = run(text);
    let got: Vec<String> = claims
        .iter()
        .map(|c| {
            format!(
                "{} {:?}..{:?} of {:?} {:?} approx={}",
                c.kind, c.value, c.value_high, c.of, c.unit, c.approx
            )
        })
        .collect();
    let ok = claims.len() == 1 && {
        let c = &claims[0];
        c.kind == w.kind
            && c.value == Some(w.value)
            && c.value_high == w.high
            && c.of == w.of
            && c.unit == w.unit
            && c.approx == w.approx
    };
    (!ok).then(|| format!("{text:?}\n    want {w:?}\n    got  {got:?}"))
}

/// Checks a whole table and reports every failure together.
fn check_all(cases: &[(&str, Want)]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(text, w)| mismatch(text, *w))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} phrasings failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Checks that none of `texts` gives a claim of `kind` (any kind when `None`).
fn check_none(kind: Option<Kind>, texts: &[&str]) {
    let failures: Vec<String> = texts
        .iter()
        .filter_map(|text| {
            let bad: Vec<String> = run(text)
                .iter()
                .filter(|c| kind.is_none_or(|k| c.kind == k))
                .map(|c| format!("{} {}", c.kind, c.figure()))
                .collect();
            (!bad.is_empty()).then(|| format!("{text:?} gave {bad:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} texts gave claims:\n{}",
        failures.len(),
        texts.len(),
        failures.join("\n")
    );
}

use ClaimUnit::{Cases, CasesPerWorker, People, Percent, Sek};
use Kind::*;

// --- resigned ----------------------------------------------------------------------------

#[test]
fn resigned_counts() {
    check_all(&[
        (
            "Sedan i våras har 14 socialsekreterare slutat på socialkontoret i Eslöv.",
            want(Resigned, 14.0, People),
        ),
        (
            "I Malmö har fyra av tio handläggare sagt upp sig under hösten.",
            want(Resigned, 4.0, People).of(10.0),
        ),
        (
            "Under perioden har 8 medarbetare avslutat sin anställning.",
            want(Resigned, 8.0, People),
        ),
        (
            "Tolv socialsekreterare har lämnat Botkyrkas socialtjänst sedan årsskiftet.",
            want(Resigned, 12.0, People),
        ),
        (
            "Ett tiotal socialsekreterare har sagt upp sig i Angered i år.",
            want(Resigned, 10.0, People).approx(),
        ),
        (
            "Under 2016 slutade 15-20 socialsekreterare i Södertälje.",
            want(Resigned, 15.0, People).high(20.0),
        ),
        (
            "Nära 20 socialsekreterare har sagt upp sig i Uppsala i fjol.",
            want(Resigned, 20.0, People).approx(),
        ),
        (
            "Totalt har 17 medarbetare slutat under januari–november 2024.",
            want(Resigned, 17.0, People),
        ),
        (
            "Under 2022 lämnade 23 av 60 socialsekreterare förvaltningen.",
            want(Resigned, 23.0, People).of(60.0),
        ),
        (
            "Sedan januari har elva socialsekreterare valt att säga upp sig.",
            want(Resigned, 11.0, People),
        ),
        (
            "Mer än 30 socialsekreterare har slutat i Göteborg de senaste två åren.",
            want(Resigned, 30.0, People).approx(),
        ),
        (
            "Socialtjänsten i Örebro har tappat 25 socialsekreterare på ett år.",
            want(Resigned, 25.0, People),
        ),
        (
            "Av de 40 socialsekreterarna på enheten har 15 slutat sedan omorganisationen.",
            want(Resigned, 15.0, People).of(40.0),
        ),
        (
            "Förra året sade tjugofem handläggare upp sig.",
            want(Resigned, 25.0, People),
        ),
        (
            "Sju uppsägningar på ett halvår har lämnat enheten kraftigt underbemannad.",
            want(Resigned, 7.0, People),
        ),
        (
            "Hittills i år har nio socionomer lämnat barn- och familjeenheten.",
            want(Resigned, 9.0, People),
        ),
        (
            "Sammanlagt slutade 31 socialsekreterare under 2023.",
            want(Resigned, 31.0, People),
        ),
        (
            "Mellan 13 och 24 socialsekreterare har slutat varje år sedan 2018.",
            want(Resigned, 13.0, People).high(24.0),
        ),
        (
            "19 personer har sagt upp sig från familjeenheten sedan i våras.",
            want(Resigned, 19.0, People),
        ),
        (
            "Under hösten har ytterligare sex handläggare sagt upp sig, uppger facket.",
            want(Resigned, 6.0, People),
        ),
        (
            "Elva handläggare har lämnat försörjningsstödsenheten.",
            want(Resigned, 11.0, People),
        ),
        (
            "Enheten har förlorat nio av sina 20 socialsekreterare.",
            want(Resigned, 9.0, People).of(20.0),
        ),
        (
            "Ett 100-tal socialsekreterare har sagt upp sig i Göteborg de senaste åren.",
            want(Resigned, 100.0, People).approx(),
        ),
        (
            "Nio socialsekreterare har lämnat sedan i våras.",
            want(Resigned, 9.0, People),
        ),
    ]);
}

#[test]
fn resigned_shares_and_turnover() {
    check_all(&[
        (
            "Drygt hälften av socialsekreterarna i Norrtälje har sagt upp sig det senaste året.",
            want(Resigned, 50.0, Percent).approx(),
        ),
        (
            "Var fjärde socialsekreterare i Haninge slutade förra året.",
            want(Resigned, 25.0, Percent),
        ),
        (
            "En tredjedel av personalen på barn- och ungdomsenheten har slutat sedan i höstas.",
            want(Resigned, 33.0, Percent),
        ),
        (
            "Personalomsättningen uppgick till 28 procent 2023.",
            want(Resigned, 28.0, Percent),
        ),
        (
            "Personalomsättningen bland socialsekreterarna var nära 40 procent i fjol.",
            want(Resigned, 40.0, Percent).approx(),
        ),
        (
            "I fjol slutade nästan hälften av enhetens socialsekreterare.",
            want(Resigned, 50.0, Percent).approx(),
        ),
        (
            "Omsättningen av personal har legat på 35 procent de senaste åren.",
            want(Resigned, 35.0, Percent),
        ),
    ]);
}

#[test]
fn resigned_negatives() {
    check_none(
        Some(Resigned),
        &[
            "Tolv socialsekreterare vill säga upp sig.",
            "Ingen av de 20 socialsekreterarna har sagt upp sig.",
            "Fem socialsekreterare har inte slutat trots kritiken.",
            "Tio socialsekreterare riskerar att sluta om inget görs.",
            "Under 2021 anställdes 15 nya socialsekreterare.",
            "Är det sant att 14 socialsekreterare har slutat?",
            "Fem socialsekreterare funderar på att sluta.",
            "Hon slutade som socialsekreterare efter 30 år.",
            "12 av 21 ledamöter röstade för förslaget och två lämnade sammanträdet.",
            "Tre personer lämnade lokalen innan mötet var slut.",
            "Sju socialsekreterare har lämnat in en arbetsmiljöanmälan.",
            "Tre handläggare har lämnat synpunkter på förslaget.",
            "Hälften av socialsekreterarna har arbetat mindre än två år.",
            "Fyra socialsekreterare lämnade över sina ärenden till kollegor.",
            "Tre socialsekreterare har gått till domstol med sina krav.",
            "Fem socialsekreterare har gått över till digitala möten.",
            "Sex socialsekreterare gick till Arbetsmiljöverket med sina klagomål.",
        ],
    );
}

/// Leaving for another employer is leaving: "gått till andra arbetsgivare", "bytt jobb".
#[test]
fn resigned_for_another_employer() {
    check_all(&[
        (
            "I Kalix har nio socialsekreterare gått till andra arbetsgivare under året.",
            want(Resigned, 9.0, People),
        ),
        (
            "Fyra handläggare i Piteå har gått över till bemanningsföretag.",
            want(Resigned, 4.0, People),
        ),
        (
            "Sju socialsekreterare har bytt arbetsgivare sedan i somras i Luleå.",
            want(Resigned, 7.0, People),
        ),
        (
            "Elva socionomer flyttade till grannkommunerna förra året, enligt enhetschefen i Boden.",
            want(Resigned, 11.0, People),
        ),
    ]);
}

// --- intent_to_quit ----------------------------------------------------------------------

#[test]
fn intent_to_quit() {
    check_all(&[
        (
            "Var tredje socialsekreterare i Västerås funderar på att sluta.",
            want(IntentToQuit, 33.0, Percent),
        ),
        (
            "Nästan hälften av socialsekreterarna vill byta jobb inom ett år, enligt en enkät från Akademikerförbundet SSR.",
            want(IntentToQuit, 50.0, Percent).approx(),
        ),
        (
            "I enkäten svarar 42 procent av medarbetarna att de överväger att säga upp sig.",
            want(IntentToQuit, 42.0, Percent),
        ),
        (
            "Mer än 60 procent av socialsekreterarna i Stockholm har funderat på att lämna yrket.",
            want(IntentToQuit, 60.0, Percent).approx(),
        ),
        (
            "En fjärdedel av de anställda uppger att de planerar att sluta inom två år.",
            want(IntentToQuit, 25.0, Percent),
        ),
        (
            "Enligt medarbetarenkäten kan 35 procent tänka sig att lämna sin tjänst.",
            want(IntentToQuit, 35.0, Percent),
        ),
        (
            "Var femte socialsekreterare tror att de kommer att sluta inom ett år.",
            want(IntentToQuit, 20.0, Percent),
        ),
        (
            "Cirka 70 procent av socialsekreterarna har under det senaste året övervägt att byta arbetsplats.",
            want(IntentToQuit, 70.0, Percent).approx(),
        ),
    ]);
}

// --- caseload ----------------------------------------------------------------------------

#[test]
fn caseload() {
    check_all(&[
        (
            "Varje socialsekreterare i Eskilstuna har i dag runt 30 ärenden.",
            want(Caseload, 30.0, CasesPerWorker).approx(),
        ),
        (
            "Handläggarna har i genomsnitt 25 ärenden var.",
            want(Caseload, 25.0, CasesPerWorker),
        ),
        (
            "Socialsekreterarna på barnenheten ansvarar för mellan 40 och 50 barn var.",
            want(Caseload, 40.0, CasesPerWorker).high(50.0),
        ),
        (
            "I Angered har varje handläggare upp till 60 ärenden.",
            want(Caseload, 60.0, CasesPerWorker).approx(),
        ),
        (
            "Ärendebelastningen ligger på 35 ärenden per handläggare.",
            want(Caseload, 35.0, CasesPerWorker),
        ),
        (
            "Varje socialsekreterare handlägger i dag omkring 25 utredningar samtidigt.",
            want(Caseload, 25.0, CasesPerWorker).approx(),
        ),
        (
            "Det handlar om ett tjugotal ärenden per handläggare.",
            want(Caseload, 20.0, CasesPerWorker).approx(),
        ),
        (
            "Antalet ärenden per socialsekreterare är i dag 38.",
            want(Caseload, 38.0, CasesPerWorker),
        ),
        (
            "Med 45 ärenden per socialsekreterare är arbetsbelastningen ohållbar.",
            want(Caseload, 45.0, CasesPerWorker),
        ),
        (
            "Socialsekreterarna i Norrköping har 15 till 20 familjer var.",
            want(Caseload, 15.0, CasesPerWorker).high(20.0),
        ),
        (
            "En socialsekreterare i Botkyrka kan ha upp emot 70 ärenden samtidigt.",
            want(Caseload, 70.0, CasesPerWorker).approx(),
        ),
        (
            "På mottagningen ligger snittet på 40–45 ärenden per handläggare.",
            want(Caseload, 40.0, CasesPerWorker).high(45.0),
        ),
        (
            "Varje handläggare har ansvar för drygt 40 barn.",
            want(Caseload, 40.0, CasesPerWorker).approx(),
        ),
    ]);
}

// --- vacancies ---------------------------------------------------------------------------

#[test]
fn vacancies() {
    check_all(&[
        (
            "Antalet vakanta tjänster uppgår till 6.",
            want(Vacancies, 6.0, People),
        ),
        (
            "Just nu är nio socialsekreterartjänster obesatta i Huddinge.",
            want(Vacancies, 9.0, People),
        ),
        (
            "Socialtjänsten i Kiruna saknar tolv socialsekreterare.",
            want(Vacancies, 12.0, People),
        ),
        (
            "Det finns 15 lediga tjänster som socialsekreterare som inte går att tillsätta.",
            want(Vacancies, 15.0, People),
        ),
        (
            "Fem tjänster står obesatta sedan i våras.",
            want(Vacancies, 5.0, People),
        ),
        (
            "Kommunen har i dag åtta vakanser inom barn och unga.",
            want(Vacancies, 8.0, People),
        ),
        (
            "Det saknas nu sju handläggare på barn och unga.",
            want(Vacancies, 7.0, People),
        ),
        (
            "Det saknas ett tiotal socialsekreterare i Södertälje.",
            want(Vacancies, 10.0, People).approx(),
        ),
        (
            "Drygt 20 tjänster är vakanta inom individ- och familjeomsorgen.",
            want(Vacancies, 20.0, People).approx(),
        ),
        (
            "Av 40 tjänster är 11 vakanta.",
            want(Vacancies, 11.0, People).of(40.0),
        ),
        (
            "Ungefär en fjärdedel av tjänsterna är vakanta.",
            want(Vacancies, 25.0, Percent).approx(),
        ),
        (
            "Sju tjänster som socialsekreterare är fortfarande otillsatta.",
            want(Vacancies, 7.0, People),
        ),
    ]);
}

// --- staffing ----------------------------------------------------------------------------

#[test]
fn staffing() {
    check_all(&[
        (
            "Enheten består av 14 handläggare och en chef.",
            want(Staffing, 14.0, People),
        ),
        (
            "På barn- och familjeenheten arbetar i dag 22 socialsekreterare.",
            want(Staffing, 22.0, People),
        ),
        (
            "Totalt finns 45 socialsekreterare i kommunen.",
            want(Staffing, 45.0, People),
        ),
        (
            "Bemanningen ligger på 18 tjänster.",
            want(Staffing, 18.0, People),
        ),
        (
            "Socialtjänsten i Ljusdal har sex socialsekreterare.",
            want(Staffing, 6.0, People),
        ),
        (
            "Arbetsgruppen omfattar 12 årsarbetare.",
            want(Staffing, 12.0, People),
        ),
        (
            "Full bemanning är 20 socialsekreterare.",
            want(Staffing, 20.0, People),
        ),
        (
            "Avdelningen har cirka 24 anställda.",
            want(Staffing, 24.0, People).approx(),
        ),
        (
            "Mottagningsenheten har tjugo handläggare.",
            want(Staffing, 20.0, People),
        ),
    ]);
}

// --- consultants -------------------------------------------------------------------------

#[test]
fn consultants() {
    check_all(&[
        (
            "Kommunen har i dag nio inhyrda socialsekreterare.",
            want(Consultants, 9.0, People),
        ),
        (
            "Förra året kostade konsulterna 14 miljoner kronor.",
            want(Consultants, 14_000_000.0, Sek),
        ),
        (
            "Socialförvaltningen lade 8,5 miljoner kronor på konsulter under 2023.",
            want(Consultants, 8_500_000.0, Sek),
        ),
        (
            "Kostnaden för inhyrda socionomer uppgick till 3,2 miljoner kronor.",
            want(Consultants, 3_200_000.0, Sek),
        ),
        (
            "Botkyrka har anlitat fem konsulter för att klara utredningarna.",
            want(Consultants, 5.0, People),
        ),
        (
            "Nu arbetar ett tiotal hyrsocionomer på enheten.",
            want(Consultants, 10.0, People).approx(),
        ),
        (
            "Kostnaderna för bemanningsföretag ökade till 22 mnkr.",
            want(Consultants, 22_000_000.0, Sek),
        ),
        (
            "Konsultkostnaderna landade på 4,1 miljoner kronor i fjol.",
            want(Consultants, 4_100_000.0, Sek),
        ),
        (
            "Kommunen betalade drygt 6 miljoner kronor för inhyrda socialsekreterare.",
            want(Consultants, 6_000_000.0, Sek).approx(),
        ),
    ]);
}

#[test]
fn consultants_and_vacancies_negatives() {
    check_none(
        Some(Consultants),
        &[
            "Kommunen satsar 10 miljoner kronor på bemanning.",
            "Lönekostnaderna för socialsekreterarna ökade till 40 miljoner kronor.",
            "Konsulterna arbetade 40 timmar i veckan.",
        ],
    );
    check_none(
        Some(Vacancies),
        &[
            "Tre socialsekreterare är lediga i sommar.",
            "Av de 40 tjänsterna är 11 tillsatta.",
            "Nio tjänster har tillsatts sedan i våras.",
        ],
    );
    // A figure of hired staff is not also a headcount.
    check_none(
        Some(Staffing),
        &["Kommunen har i dag nio inhyrda socialsekreterare."],
    );
}

// --- inspection --------------------------------------------------------------------------

#[test]
fn inspection() {
    check_all(&[
        (
            "I 14 av 20 granskade ärenden saknades en riskbedömning, konstaterar IVO.",
            want(Inspection, 14.0, Cases).of(20.0),
        ),
        (
            "Ivo granskade 30 utredningar och fann brister i 22 av dem.",
            want(Inspection, 22.0, Cases).of(30.0),
        ),
        (
            "Revisorerna konstaterar att 7 av 12 utredningar inte var slutförda inom fyra månader.",
            want(Inspection, 7.0, Cases).of(12.0),
        ),
        (
            "Enligt IVO saknades dokumentation i hälften av de granskade ärendena.",
            want(Inspection, 50.0, Percent),
        ),
        (
            "Granskningen visar att barnet inte hade träffats i 9 av 15 utredningar.",
            want(Inspection, 9.0, Cases).of(15.0),
        ),
        (
            "I fem av åtta ärenden hade socialtjänsten inte gjort någon riskbedömning, enligt Ivo.",
            want(Inspection, 5.0, Cases).of(8.0),
        ),
        (
            "Arbetsmiljöverket fann att 11 av 16 granskade akter saknade uppföljning.",
            want(Inspection, 11.0, Cases).of(16.0),
        ),
    ]);
}

#[test]
fn inspection_without_figure_and_body() {
    for (text, body) in [
        (
            "JO riktar allvarlig kritik mot socialnämnden i Södertälje.",
            "JO",
        ),
        (
            "Arbetsmiljöverket har granskat socialtjänsten i Malmö och konstaterar brister i arbetsmiljön.",
            "Arbetsmiljöverket",
        ),
        (
            "Socialnämnden i Borås får kritik av Ivo för långa utredningstider.",
            "IVO",
        ),
    ] {
        let claims = run(text);
        assert_eq!(claims.len(), 1, "{text}: {claims:?}");
        assert_eq!(claims[0].kind, Inspection, "{text}");
        assert_eq!(claims[0].value, None, "{text}");
        assert_eq!(claims[0].body.as_deref(), Some(body), "{text}");
    }
}

// --- deficit -----------------------------------------------------------------------------

#[test]
fn deficit() {
    check_all(&[
        (
            "Socialnämnden i Haninge redovisar ett underskott på 18 miljoner kronor för 2023.",
            want(Deficit, 18_000_000.0, Sek),
        ),
        (
            "Individ- och familjeomsorgen går 25 miljoner kronor back.",
            want(Deficit, 25_000_000.0, Sek),
        ),
        (
            "Underskottet väntas landa på drygt 40 miljoner kronor.",
            want(Deficit, 40_000_000.0, Sek).approx(),
        ),
        (
            "Socialförvaltningen prognostiserar ett minus på 12 mnkr.",
            want(Deficit, 12_000_000.0, Sek),
        ),
        (
            "Nämnden överskred budgeten med 9,4 miljoner kronor.",
            want(Deficit, 9_400_000.0, Sek),
        ),
        (
            "Socialnämnden gick med ett underskott på närmare 30 miljoner i fjol.",
            want(Deficit, 30_000_000.0, Sek).approx(),
        ),
        (
            "Prognosen pekar på ett underskott om 7,5 miljoner kronor.",
            want(Deficit, 7_500_000.0, Sek),
        ),
        (
            "Budgetunderskottet för socialtjänsten uppgår till 52 miljoner.",
            want(Deficit, 52_000_000.0, Sek),
        ),
        (
            "Nämndens prognos visar ett negativt resultat på 11 miljoner kronor.",
            want(Deficit, 11_000_000.0, Sek),
        ),
        (
            "Socialnämnden redovisar ett underskott mot budget på 14,2 miljoner kronor.",
            want(Deficit, 14_200_000.0, Sek),
        ),
    ]);
}

// --- workload_change ---------------------------------------------------------------------

#[test]
fn workload_change() {
    check_all(&[
        (
            "Orosanmälningarna har ökat med 25 procent sedan 2019.",
            want(WorkloadChange, 25.0, Percent),
        ),
        (
            "Antalet orosanmälningar steg med drygt 30 procent förra året.",
            want(WorkloadChange, 30.0, Percent).approx(),
        ),
        (
            "Antalet utredningar har minskat med tio procent.",
            want(WorkloadChange, -10.0, Percent),
        ),
        (
            "Antalet anmälningar har tredubblats på fem år.",
            want(WorkloadChange, 200.0, Percent),
        ),
        (
            "Inflödet av orosanmälningar ökade med 18 procent under 2023.",
            want(WorkloadChange, 18.0, Percent),
        ),
        (
            "Det kom in 50 procent fler orosanmälningar än året innan.",
            want(WorkloadChange, 50.0, Percent),
        ),
        (
            "I fjol ökade antalet orosanmälningar med 22 procent.",
            want(WorkloadChange, 22.0, Percent),
        ),
        (
            "Socialtjänsten har sett en ökning av orosanmälningarna med 15 procent.",
            want(WorkloadChange, 15.0, Percent),
        ),
        (
            "Anmälningarna om barn som far illa har fördubblats sedan 2015.",
            want(WorkloadChange, 100.0, Percent),
        ),
        (
            "Antalet ansökningar om ekonomiskt bistånd har ökat med närmare 20 procent.",
            want(WorkloadChange, 20.0, Percent).approx(),
        ),
        (
            "Sedan 2019 har antalet utredningar ökat med 30 procent.",
            want(WorkloadChange, 30.0, Percent),
        ),
        (
            "Under 2023 minskade antalet orosanmälningar med 8 procent.",
            want(WorkloadChange, -8.0, Percent),
        ),
        (
            "Antalet orosanmälningar har halverats sedan 2020.",
            want(WorkloadChange, -50.0, Percent),
        ),
    ]);
}

#[test]
fn workload_change_negatives() {
    check_none(
        Some(WorkloadChange),
        &[
            "Antalet invånare har ökat med 3 procent.",
            "Lönerna ökade med 4 procent i år.",
            "Priserna har stigit med 5 procent.",
            "I år har utredningarna genomförts med 90 procent egen personal.",
        ],
    );
}

// --- sick_leave --------------------------------------------------------------------------

#[test]
fn sick_leave() {
    check_all(&[
        (
            "Sjukfrånvaron bland socialsekreterarna i Borås ligger på 11 procent.",
            want(SickLeave, 11.0, Percent),
        ),
        (
            "Sjukfrånvaron har ökat till 14,5 procent.",
            want(SickLeave, 14.5, Percent),
        ),
        (
            "Fyra av tolv handläggare är sjukskrivna.",
            want(SickLeave, 4.0, People).of(12.0),
        ),
        (
            "Tre socialsekreterare är långtidssjukskrivna.",
            want(SickLeave, 3.0, People),
        ),
        (
            "På enheten är sju medarbetare sjukskrivna.",
            want(SickLeave, 7.0, People),
        ),
        (
            "Var femte socialsekreterare är sjukskriven.",
            want(SickLeave, 20.0, Percent),
        ),
        (
            "Sjuktalet uppgick till 9 procent 2023.",
            want(SickLeave, 9.0, Percent),
        ),
        (
            "Korttidssjukfrånvaron var 4,2 procent under 2022.",
            want(SickLeave, 4.2, Percent),
        ),
        (
            "I dag är fem av enhetens 18 socialsekreterare sjukskrivna.",
            want(SickLeave, 5.0, People).of(18.0),
        ),
    ]);
}

// --- things that are not claims ----------------------------------------------------------

#[test]
fn numbers_that_are_not_figures() {
    check_none(
        None,
        &[
            "Hon har arbetat som socialsekreterare i 30 år.",
            "Samtalet med socialsekreteraren varade 10 av 30 minuter.",
            "Ring socialjouren på 08-123 45 67.",
            "Artikeln publicerades 3 september 2021.",
            "Beslutet fattades 2024-12-10.",
            "Se sidan 12 i rapporten.",
            "Paragraf 12 i socialtjänstlagen gäller.",
            "Enligt § 4 ska nämnden besluta.",
            "En 18-årig man greps i Botkyrka.",
            "Mottagningen stänger kl 16.",
            "Socialnämnden i Botkyrka sammanträdde 2021.",
            "12 av 21 ledamöter röstade för förslaget.",
            "Fem barn placerades på HVB-hem.",
            "30 procent av budgeten går till placeringar.",
            "Det tar 12 veckor att utreda ett ärende.",
            "Tre av fyra föräldrar var nöjda med socialtjänsten.",
            "Nämnden har 11 ledamöter.",
            "Kommunen har 90 000 invånare.",
            "I 3 av 10 fall kom bussen i tid.",
            "Det kostade 5 miljoner kronor att bygga om lokalerna.",
            "Socialsekreterare Anna Svensson, 45, har arbetat i 20 år.",
            "Hälften av barnen placerades i familjehem.",
            "Stämmer det att 25 socialsekreterare har lämnat enheten?",
            "Hur många av de 40 tjänsterna är vakanta?",
            "Sju av tio tillfrågade tycker att socialtjänsten gör ett bra jobb.",
            "Lokalen rymmer 40 personer.",
        ],
    );
}

// --- municipality ------------------------------------------------------------------------

fn municipality_of(text: &str, kind: Kind, ctx: &DocContext) -> Option<String> {
    let claims = extract(text, ctx);
    let c = claims
        .iter()
        .find(|c| c.kind == kind)
        .unwrap_or_else(|| panic!("no {kind} claim in {text:?}: {claims:?}"));
    c.municipality.clone()
}

#[test]
fn municipality_from_sentence_paragraph_context_and_document() {
    let text = "Krisen i Botkyrka fördjupas\n\n\
        I Botkyrka har 10 av 30 socialsekreterare sagt upp sig.\n\n\
        Grannkommunen har det inte lättare. I Huddinge satt varje socialsekreterare med 15–20 ärenden.\n\n\
        Socialtjänsten i Haninge har också problem. Där har tolv socialsekreterare slutat sedan årsskiftet.\n\n\
        Botkyrka kommun har ännu inte svarat. Sju tjänster står fortfarande obesatta.\n";
    let c = ctx();
    assert_eq!(
        municipality_of(text, Resigned, &c).as_deref(),
        Some("Botkyrka")
    );
    assert_eq!(
        municipality_of(text, Caseload, &c).as_deref(),
        Some("Huddinge")
    );
    let claims = extract(text, &c);
    let haninge = claims
        .iter()
        .find(|c| c.kind == Resigned && c.value == Some(12.0))
        .expect("the Haninge figure");
    assert_eq!(haninge.municipality.as_deref(), Some("Haninge"));
    assert_eq!(haninge.municipality_code.as_deref(), Some("0136"));
    assert_eq!(
        municipality_of(text, Vacancies, &c).as_deref(),
        Some("Botkyrka")
    );
}

#[test]
fn genitives_and_districts() {
    let c = ctx();
    for (text, kind, want) in [
        (
            "Botkyrkas socialtjänst har tappat 14 socialsekreterare.",
            Resigned,
            "Botkyrka",
        ),
        (
            "Ett tiotal socialsekreterare har sagt upp sig i Angered i år.",
            Resigned,
            "Göteborg",
        ),
        (
            "I Rinkeby har varje handläggare upp till 60 ärenden.",
            Caseload,
            "Stockholm",
        ),
        (
            "Södertäljes socialnämnd redovisar ett underskott på 18 miljoner kronor.",
            Deficit,
            "Södertälje",
        ),
        (
            "Socialtjänsten i Kiruna saknar tolv socialsekreterare.",
            Vacancies,
            "Kiruna",
        ),
    ] {
        assert_eq!(
            municipality_of(text, kind, &c).as_deref(),
            Some(want),
            "{text}"
        );
    }
}

#[test]
fn context_municipality_when_the_text_names_none_and_sentence_wins_over_it() {
    let c = DocContext {
        municipality: crate::geo::lookup("Eslöv"),
        ..ctx()
    };
    let text = "Sju tjänster står obesatta.\n\nI Lund har varje handläggare 40 ärenden.\n";
    assert_eq!(
        municipality_of(text, Vacancies, &c).as_deref(),
        Some("Eslöv")
    );
    assert_eq!(municipality_of(text, Caseload, &c).as_deref(), Some("Lund"));
}

#[test]
fn dominant_municipality_when_nothing_else_says() {
    let text = "Socialtjänsten i Malmö i kris\n\n\
        Malmö stad har svårt att rekrytera.\n\n\
        Sju tjänster står obesatta.\n\n\
        Tidigare har Malmö och Lund samarbetat.\n";
    assert_eq!(
        municipality_of(text, Vacancies, &ctx()).as_deref(),
        Some("Malmö")
    );
    let none = extract("Sju tjänster står obesatta.", &ctx());
    assert_eq!(none.len(), 1);
    assert_eq!(none[0].municipality, None);
    assert_eq!(none[0].municipality_code, None);
}

// --- period ------------------------------------------------------------------------------

fn period_of(text: &str, published: &str) -> Option<(NaiveDate, NaiveDate)> {
    let c = DocContext {
        published: PubDate::parse(published),
        ..ctx()
    };
    let claims = extract(text, &c);
    assert_eq!(claims.len(), 1, "{text}: {claims:?}");
    claims[0].period.map(|p| (p.from, p.to))
}

#[test]
fn periods_resolve_against_the_published_date() {
    let cases = [
        (
            "Tolv socialsekreterare har slutat sedan årsskiftet.",
            (ymd(2021, 1, 1), ymd(2021, 9, 3)),
        ),
        (
            "Förra året slutade 18 socialsekreterare.",
            (ymd(2020, 1, 1), ymd(2020, 12, 31)),
        ),
        (
            "I fjol sa 12 av 21 handläggare upp sig.",
            (ymd(2020, 1, 1), ymd(2020, 12, 31)),
        ),
        (
            "I år har fem socialsekreterare slutat.",
            (ymd(2021, 1, 1), ymd(2021, 9, 3)),
        ),
        (
            "21 socialsekreterare har slutat januari–november 2024.",
            (ymd(2024, 1, 1), ymd(2024, 11, 30)),
        ),
        (
            "Under 2016 slutade 14 socialsekreterare.",
            (ymd(2016, 1, 1), ymd(2016, 12, 31)),
        ),
        (
            "Hösten 2024 sa sex handläggare upp sig.",
            (ymd(2024, 9, 1), ymd(2024, 11, 30)),
        ),
        (
            "Sedan i våras har 14 socialsekreterare slutat.",
            (ymd(2021, 3, 1), ymd(2021, 9, 3)),
        ),
        (
            "Personalomsättningen uppgick till 28 procent 2019.",
            (ymd(2019, 1, 1), ymd(2019, 12, 31)),
        ),
        (
            "Sju tjänster står obesatta.",
            (ymd(2021, 9, 3), ymd(2021, 9, 3)),
        ),
        (
            "Under fjolåret gick socialnämnden 12 miljoner kronor back.",
            (ymd(2020, 1, 1), ymd(2020, 12, 31)),
        ),
        (
            "Sedan 2019 har 40 socialsekreterare slutat.",
            (ymd(2019, 1, 1), ymd(2021, 9, 3)),
        ),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(text, want)| {
            let got = period_of(text, PUBLISHED);
            (got != Some(*want)).then(|| format!("{text:?}: want {want:?}, got {got:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The periods of every claim of `text`, in order, as (kind, value, from, to).
fn periods_in(
    text: &str,
    published: &str,
    title: Option<&str>,
) -> Vec<(Kind, Option<f64>, NaiveDate, NaiveDate)> {
    let c = DocContext {
        published: PubDate::parse(published),
        title: title.map(str::to_string),
        ..ctx()
    };
    extract(text, &c)
        .into_iter()
        .map(|c| {
            let p = c.period.expect("a period");
            (c.kind, c.value, p.from, p.to)
        })
        .collect()
}

/// A report published in March speaks of the year before: its "under året", "vid årets
/// slut" and its undated figures are of the year its title names; a state (vacant posts) is
/// of its last day. The same sentences in a news article are of the publication.
#[test]
fn a_reports_title_gives_the_period_of_its_figures() {
    let text = "Under året sa 19 socialsekreterare upp sig.\n\n\
        Vid årets slut var nio socialsekreterartjänster vakanta.\n\n\
        Sjukfrånvaron bland socialsekreterarna var 8,1 procent.\n\n\
        Det saknas sju socialsekreterare.\n";
    let year = (ymd(2022, 1, 1), ymd(2022, 12, 31));
    let last_day = (ymd(2022, 12, 31), ymd(2022, 12, 31));
    for title in [
        "Verksamhetsberättelse 2022 – Socialnämnden",
        "Personalbokslut 2022",
        "Årsredovisning för 2022, individ- och familjeomsorgen",
    ] {
        let got = periods_in(text, "2023-03-10", Some(title));
        let want = vec![
            (Resigned, Some(19.0), year.0, year.1),
            (Vacancies, Some(9.0), last_day.0, last_day.1),
            (SickLeave, Some(8.1), year.0, year.1),
            (Vacancies, Some(7.0), last_day.0, last_day.1),
        ];
        assert_eq!(got, want, "{title}");
    }
    // A report on part of a year: its months; "i år" is that year.
    let got = periods_in(
        "Under året har tolv socialsekreterare slutat.\n\nDet saknas fyra socialsekreterare.\n",
        "2024-05-20",
        Some("Delårsrapport januari–april 2024, Socialnämnden"),
    );
    assert_eq!(
        got,
        vec![
            (Resigned, Some(12.0), ymd(2024, 1, 1), ymd(2024, 4, 30)),
            (Vacancies, Some(4.0), ymd(2024, 4, 30), ymd(2024, 4, 30)),
        ]
    );
    // A news title with a year, and a report title without one, change nothing.
    for title in [
        "Nio socialsekreterare slutade 2022",
        "Årsredovisningen klubbad",
    ] {
        let got = periods_in(text, "2023-03-10", Some(title));
        let published = ymd(2023, 3, 10);
        assert_eq!(
            got[1],
            (Vacancies, Some(9.0), ymd(2022, 12, 31), ymd(2022, 12, 31))
        );
        assert_eq!(
            got[2],
            (SickLeave, Some(8.1), published, published),
            "{title}"
        );
        assert_eq!(
            got[0],
            (Resigned, Some(19.0), ymd(2023, 1, 1), published),
            "{title}"
        );
    }
}

/// What flows over a time (a deficit, a cost, who left) stated on a day is the year up to
/// that day; a state on a day stays that day. A deficit "i år" is the year's forecast,
/// unless it is "hittills".
#[test]
fn flows_on_a_day_are_the_year_so_far_and_forecasts_the_whole_year() {
    let got = periods_in(
        "Socialnämnden redovisar per den 30 april ett underskott på 6 miljoner kronor.\n\n\
         Kostnaden för inhyrda socialsekreterare uppgick per den 30 april till 2,5 miljoner kronor.\n\n\
         Per den 30 april var fem socialsekreterartjänster vakanta.\n",
        "2024-05-15",
        None,
    );
    assert_eq!(
        got,
        vec![
            (Deficit, Some(6e6), ymd(2024, 1, 1), ymd(2024, 4, 30)),
            (Consultants, Some(2.5e6), ymd(2024, 1, 1), ymd(2024, 4, 30)),
            (Vacancies, Some(5.0), ymd(2024, 4, 30), ymd(2024, 4, 30)),
        ]
    );
    assert_eq!(
        period_of(
            "Socialnämnden i Vara räknar med ett underskott på 12 miljoner kronor i år.",
            "2023-05-02"
        ),
        Some((ymd(2023, 1, 1), ymd(2023, 12, 31)))
    );
    assert_eq!(
        period_of(
            "Hittills i år har socialnämnden ett underskott på 4 miljoner kronor.",
            "2023-05-02"
        ),
        Some((ymd(2023, 1, 1), ymd(2023, 5, 2)))
    );
}

/// The periods the `periods` set showed: a comparison's baseline is not the figure's time, a
/// forecast is of the whole year, a finding, a visit's figure or a survey's answer is of when
/// the review or survey was made, a quarter the text defined holds for "under kvartalet",
/// "året därpå" follows the year named before.
#[test]
fn baselines_forecasts_visits_surveys_and_defined_periods() {
    let span = |y1, m1, d1, y2, m2, d2| (ymd(y1, m1, d1), ymd(y2, m2, d2));
    let periods =
        |text: &str, published: &str| -> Vec<(Kind, Option<f64>, (NaiveDate, NaiveDate))> {
            periods_in(text, published, None)
                .into_iter()
                .map(|(k, v, a, b)| (k, v, (a, b)))
                .collect()
        };
    // The baseline, and this period named beside it.
    assert_eq!(
        periods("Antalet orosanmälningar i Skellefteå har ökat med 18 procent jämfört med januari–april 2023.\n", "2024-05-20"),
        vec![(WorkloadChange, Some(18.0), span(2024, 1, 1, 2024, 4, 30))]
    );
    assert_eq!(
        periods("Under första kvartalet kom det in 41 procent fler ansökningar i Tierp än under samma period i fjol.\n", "2013-04-20"),
        vec![(WorkloadChange, Some(41.0), span(2013, 1, 1, 2013, 3, 31))]
    );
    assert_eq!(
        periods("Under första kvartalet ökade ansökningarna i Ludvika med 21 procent jämfört med samma kvartal i fjol.\n", "2023-06-21"),
        vec![(WorkloadChange, Some(21.0), span(2023, 1, 1, 2023, 3, 31))]
    );
    assert_eq!(
        periods("Sjukfrånvaron i Trollhättan under andra tertialet 2022 var 7,1 procent, jämfört med 9,3 procent under samma tertial 2021.\n", "2022-10-01"),
        vec![
            (SickLeave, Some(7.1), span(2022, 5, 1, 2022, 8, 31)),
            (SickLeave, Some(9.3), span(2021, 5, 1, 2021, 8, 31)),
        ]
    );
    // Forecasts: for the whole year, costs only when the sentence forecasts them.
    assert_eq!(
        periods("Helårsprognosen för socialnämnden i Umeå pekar mot ett underskott om 32 miljoner kronor.\n", "2023-09-20"),
        vec![(Deficit, Some(32e6), span(2023, 1, 1, 2023, 12, 31))]
    );
    assert_eq!(
        periods("Konsultkostnaden i Sigtuna väntas landa på 19 miljoner kronor i år.\n\nI Knivsta har konsulterna kostat 4 miljoner kronor i år.\n", "2022-06-09"),
        vec![
            (Consultants, Some(19e6), span(2022, 1, 1, 2022, 12, 31)),
            (Consultants, Some(4e6), span(2022, 1, 1, 2022, 6, 9)),
        ]
    );
    // A visit's day, a finding of it, not the regulation's number; IVO's name is no visit.
    let text =
        "Inspektionen för vård och omsorg (IVO) har tagit emot klagomål under hösten 2015.\n\n\
        Inspektion genomfördes på plats den 12 och 13 april 2016 i Gävle, enligt AFS 2015:4.\n\n\
        Vid inspektionstillfället var fem tjänster som socialsekreterare vakanta.\n";
    assert_eq!(
        periods(text, "2016-06-14"),
        vec![(Vacancies, Some(5.0), span(2016, 4, 12, 2016, 4, 13))]
    );
    let text =
        "Socialstyrelsen genomförde i september en tillsyn av nämndens handläggning i Håbo.\n\n\
        I 11 av 30 granskade ärenden hade utredningen inte avslutats inom fyra månader.\n";
    assert_eq!(
        periods(text, "2012-11-21"),
        vec![(Inspection, Some(11.0), span(2012, 9, 1, 2012, 9, 30))]
    );
    // Cases drawn are cases: a sentence of staff who left dates no finding.
    let text = "Under året avslutade 27 socialsekreterare i Luleå sin anställning.\n\n\
        Kommunens revisorer granskade under hösten handläggningen. Granskningen visade att \
        tidsgränsen på fyra månader överskreds i 31 av 60 granskade utredningar.\n";
    assert_eq!(
        periods(text, "2023-03-15"),
        vec![
            (Resigned, Some(27.0), span(2023, 1, 1, 2023, 3, 15)),
            (Inspection, Some(31.0), span(2022, 9, 1, 2022, 11, 30)),
        ]
    );
    // A survey's answers, not the horizon asked about; nor a figure of today beside it.
    let text = "En enkät som Vision genomförde under maj och juni visar att många vill sluta. \
        Sämst är läget i Halmstad, där 44 procent svarar att de vill sluta inom ett år.\n\n\
        I dag finns sex vakanta tjänster i Halmstad.\n";
    assert_eq!(
        periods(text, "2018-08-30"),
        vec![
            (IntentToQuit, Some(44.0), span(2018, 5, 1, 2018, 6, 30)),
            (Vacancies, Some(6.0), span(2018, 8, 30, 2018, 8, 30)),
        ]
    );
    // A quarter the text defined, further back than the last time it named.
    let text = "Förvaltningen i Karlstad redovisar personalsituationen för perioden januari–mars 2017. \
        Redovisningen görs enligt nämndens beslut den 13 december 2016.\n\n\
        Under kvartalet har åtta socialsekreterare sagt upp sig.\n\n\
        Antalet aktualiseringar ökade med 19 procent jämfört med samma period föregående år.\n\n\
        Det är många.\n\n\
        Den 31 mars fanns sju vakanta tjänster som socialsekreterare. Sjukfrånvaron var 10,1 procent under kvartalet.\n";
    let q1 = span(2017, 1, 1, 2017, 3, 31);
    assert_eq!(
        periods(text, "2017-04-25"),
        vec![
            (Resigned, Some(8.0), q1),
            (WorkloadChange, Some(19.0), q1),
            (Vacancies, Some(7.0), span(2017, 3, 31, 2017, 3, 31)),
            (SickLeave, Some(10.1), q1),
        ]
    );
    // Without a defined period, "samma period i fjol" compares this year so far.
    assert_eq!(
        periods("Sedan i mars har två slutat.\n\nAnmälningarna i Växjö har samtidigt ökat med 40 procent jämfört med samma period i fjol.\n", "2013-05-21")
            .last()
            .map(|c| c.2),
        Some(span(2013, 1, 1, 2013, 5, 21))
    );
    // The year after the one named, the year's last months, the new year, now.
    assert_eq!(
        periods(
            "År 2015 var krisen i Malmö som värst. Året därpå slutade 148 socialsekreterare.\n",
            "2026-01-29"
        ),
        vec![(Resigned, Some(148.0), span(2016, 1, 1, 2016, 12, 31))]
    );
    assert_eq!(
        periods(
            "Under de tre sista månaderna 2015 ökade utredningarna i Malmö med 70 procent.\n",
            "2026-01-29"
        ),
        vec![(WorkloadChange, Some(70.0), span(2015, 10, 1, 2015, 12, 31))]
    );
    assert_eq!(
        periods("Socialtjänsten i Umeå gick in i det nya året med tolv vakanta tjänster som socialsekreterare.\n", "2014-01-08"),
        vec![(Vacancies, Some(12.0), span(2013, 12, 31, 2013, 12, 31))]
    );
    assert_eq!(
        periods("Just nu har vi sex vakanta tjänster i Helsingborg, och två av dem täcker vi med konsulter från augusti.\n", "2023-06-21")
            .first()
            .map(|c| c.2),
        Some(span(2023, 6, 21, 2023, 6, 21))
    );
    assert_eq!(
        periods("Barn- och ungdomsenheten i Örebro har tappat sex socialsekreterare sedan början av september.\n", "2015-10-20"),
        vec![(Resigned, Some(6.0), span(2015, 9, 1, 2015, 10, 20))]
    );
    // A status report's title: the year up to its day, and that day for a state.
    let got = periods_in(
        "Under perioden har nio socialsekreterare avslutat sin anställning.\n\nEnheten har 24 tjänster som socialsekreterare.\n",
        "2020-09-29",
        Some("Personal- och ärendeläget inom barn och unga i Lidköping per den 31 augusti 2020"),
    );
    assert_eq!(
        got,
        vec![
            (Resigned, Some(9.0), ymd(2020, 1, 1), ymd(2020, 8, 31)),
            (Staffing, Some(24.0), ymd(2020, 8, 31), ymd(2020, 8, 31)),
        ]
    );
}

/// Times that refer back: "samma period" and "samma år" to the time named before (in the
/// sentence or the one before), a finding to the period the review drew its cases from
/// (not another date the review names), "året innan" for the figure right before it.
#[test]
fn times_that_refer_back_take_the_time_named_before() {
    let got = periods_in(
        "Under första kvartalet 2023 slutade sex socialsekreterare i Mjölby.\n\n\
         Under samma period var fyra socialsekreterartjänster vakanta.\n\n\
         Nämnden gick 30 miljoner kronor back 2021, och samma år slutade 14 socialsekreterare.\n",
        "2023-06-01",
        None,
    );
    let q1 = (ymd(2023, 1, 1), ymd(2023, 3, 31));
    let y2021 = (ymd(2021, 1, 1), ymd(2021, 12, 31));
    assert_eq!(
        got,
        vec![
            (Resigned, Some(6.0), q1.0, q1.1),
            (Vacancies, Some(4.0), q1.0, q1.1),
            (Resigned, Some(14.0), y2021.0, y2021.1),
            (Deficit, Some(30e6), y2021.0, y2021.1),
        ]
    );
    // "under perioden" right before the period it names refers to nothing.
    assert_eq!(
        period_of(
            "Under 2019 slutade tolv. Fem socialsekreterare i Arvika har sagt upp sig under perioden 1 juli–30 september.",
            "2020-10-21"
        ),
        Some((ymd(2020, 7, 1), ymd(2020, 9, 30)))
    );
    let c = DocContext {
        published: PubDate::parse("2022-09-01"),
        municipality: crate::geo::lookup("Skövde"),
        ..ctx()
    };
    let review = "Tillsynen inleddes i maj 2022. IVO har granskat 30 utredningar som avslutades \
        mellan 1 januari och 31 mars 2022. Granskningen omfattar även nämndens yttrande av den \
        5 maj 2022.\n\nI 12 av de 30 utredningarna saknades en riskbedömning.\n";
    let found = extract(review, &c);
    let finding = found
        .iter()
        .find(|c| c.kind == Inspection)
        .expect("a finding");
    let p = finding.period.expect("a period");
    assert_eq!((p.from, p.to), (ymd(2022, 1, 1), ymd(2022, 3, 31)));
    let got = periods_in(
        "Under året har 12 socialsekreterare slutat, jämfört med 20 året innan.\n",
        "2021-09-03",
        None,
    );
    assert_eq!(
        got,
        vec![
            (Resigned, Some(12.0), ymd(2021, 1, 1), ymd(2021, 9, 3)),
            (Resigned, Some(20.0), ymd(2020, 1, 1), ymd(2020, 9, 3)),
        ]
    );
}

#[test]
fn no_period_without_date_or_expression() {
    let c = DocContext {
        published: None,
        ..ctx()
    };
    let claims = extract("Förra året slutade 18 socialsekreterare.", &c);
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].period, None);
}

// --- merging -----------------------------------------------------------------------------

#[test]
fn one_figure_repeated_is_one_claim() {
    let text = "14 socialsekreterare har slutat\n\n\
        Sedan årsskiftet har 14 socialsekreterare slutat på socialkontoret i Eslöv.\n\n\
        – Att 14 socialsekreterare har slutat är mycket allvarligt, säger facket.\n";
    let claims = run(text);
    assert_eq!(claims.len(), 1, "{claims:?}");
    // The statement whose sentence dates it is kept.
    assert_eq!(
        claims[0].period.map(|p| p.from),
        Some(ymd(2021, 1, 1)),
        "{claims:?}"
    );
    assert_eq!(claims[0].municipality.as_deref(), Some("Eslöv"));
}

#[test]
fn total_completes_a_repeated_figure() {
    let text = "Tio socialsekreterare har sagt upp sig\n\n\
        10 av 30 socialsekreterare har sagt upp sig i Botkyrka.\n";
    let claims: Vec<Claim> = run(text)
        .into_iter()
        .filter(|c| c.kind == Resigned)
        .collect();
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!((claims[0].value, claims[0].of), (Some(10.0), Some(30.0)));
}

#[test]
fn two_figures_are_two_claims() {
    let text =
        "Under 2022 slutade 12 socialsekreterare i Eslöv. I fjol slutade 18 socialsekreterare.";
    let claims = extract(
        text,
        &DocContext {
            published: PubDate::parse("2024-03-01"),
            ..ctx()
        },
    );
    let values: Vec<Option<f64>> = claims.iter().map(|c| c.value).collect();
    assert_eq!(values, vec![Some(12.0), Some(18.0)], "{claims:?}");
    assert_eq!(claims[1].period.map(|p| p.from), Some(ymd(2023, 1, 1)));
}

#[test]
fn one_figure_in_two_municipalities_is_two_claims() {
    let text = "I Huddinge har tolv socialsekreterare slutat.\n\n\
        I Haninge har också tolv socialsekreterare slutat.\n";
    let claims = run(text);
    let places: Vec<Option<&str>> = claims.iter().map(|c| c.municipality.as_deref()).collect();
    assert_eq!(
        places,
        vec![Some("Huddinge"), Some("Haninge")],
        "{claims:?}"
    );
}

// --- the record --------------------------------------------------------------------------

#[test]
fn record_carries_quote_span_and_role() {
    let text = "Rubrik\n\nI Malmö har fyra av tio handläggare sagt upp sig. Det är för många.";
    let claims = run(text);
    assert_eq!(claims.len(), 1, "{claims:?}");
    let c = &claims[0];
    assert_eq!(c.quote, "I Malmö har fyra av tio handläggare sagt upp sig.");
    assert_eq!(&text[c.span[0]..c.span[1]], c.quote);
    assert_eq!(c.role.as_deref(), Some("handläggare"));
    assert_eq!(c.doc, "test");
    let json = serde_json::to_string(c).unwrap();
    assert!(json.contains(r#""value":4,"#), "{json}");
    assert!(json.contains(r#""of":10,"#), "{json}");
}

#[test]
fn every_kind_has_named_patterns() {
    let names = pattern_names();
    for kind in Kind::ALL {
        assert!(
            names.iter().any(|(k, _)| *k == kind),
            "no pattern for {kind}"
        );
    }
    let mut seen: Vec<&str> = names.iter().map(|(_, n)| *n).collect();
    seen.sort();
    let before = seen.len();
    seen.dedup();
    assert_eq!(before, seen.len(), "pattern names must be unique");
}

#[test]
fn consultant_cost_in_an_apposition() {
    let claims = run("För att klara verksamheten har nämnden tagit in nio konsulter från bemanningsföretag, till en kostnad av 11,5 miljoner kronor under 2022.");
    let figures: Vec<(Kind, Option<f64>, ClaimUnit)> =
        claims.iter().map(|c| (c.kind, c.value, c.unit)).collect();
    assert_eq!(
        figures,
        vec![
            (Kind::Consultants, Some(9.0), ClaimUnit::People),
            (Kind::Consultants, Some(11_500_000.0), ClaimUnit::Sek)
        ]
    );
}

#[test]
fn adverbs_of_time_do_not_hide_a_figure() {
    check_all(&[
        (
            "Av enhetens 46 tjänster är för närvarande 6 vakanta.",
            want(Kind::Vacancies, 6.0, ClaimUnit::People).of(46.0),
        ),
        (
            "Det saknas för närvarande åtta socialsekreterare.",
            want(Kind::Vacancies, 8.0, ClaimUnit::People),
        ),
    ]);
}

#[test]
fn wishes_given_as_x_of_y_and_changes_in_apposition() {
    check_all(&[
        (
            "Fyra av tio socialsekreterare vill byta jobb.",
            want(Kind::IntentToQuit, 40.0, ClaimUnit::Percent),
        ),
        (
            "Två av tre handläggare i Malmö överväger att sluta inom ett år.",
            want(Kind::IntentToQuit, 67.0, ClaimUnit::Percent),
        ),
        (
            "Sedan årsskiftet har socialtjänsten tagit emot 1 200 orosanmälningar, en ökning med 30 procent.",
            want(Kind::WorkloadChange, 30.0, ClaimUnit::Percent),
        ),
    ]);
}

#[test]
fn a_roundup_of_many_municipalities_is_about_none() {
    let text = "Läget i länet\n\nI Örebro har 27 socialsekreterare slutat.\n\nI Kumla saknas fem handläggare.\n\nI Lindesberg är läget stabilt.\n\nFyra av tio socialsekreterare vill byta jobb.\n";
    assert_eq!(municipality_of(text, Kind::IntentToQuit, &ctx()), None);
    assert_eq!(
        municipality_of(text, Kind::Resigned, &ctx()).as_deref(),
        Some("Örebro")
    );
}

// --- the prefilter -----------------------------------------------------------------------

/// Every string literal of this file: all phrasings above, positive and negative, so that a
/// phrasing added to any table is checked against the prefilter too.
fn phrasings_of_this_file() -> Vec<String> {
    let literal = Regex::new(r##"r#"(?s:.*?)"#|"((?:[^"\\]|\\.)*)""##).unwrap();
    literal
        .captures_iter(include_str!("tests.rs"))
        .filter_map(|c| c.get(1))
        .map(|m| m.as_str().replace(r"\n", "\n").replace(r#"\""#, "\""))
        .filter(|s| s.chars().any(char::is_alphabetic))
        .collect()
}

/// The shipped seed documents.
pub(crate) fn seed_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/seeds");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .expect("corpus/seeds")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| std::fs::read_to_string(e.path()).expect("seed text"))
        .collect();
    texts.sort();
    texts
}

#[test]
fn prefilter_passes_every_sentence_a_rule_matches() {
    let mut texts = phrasings_of_this_file();
    assert!(texts.len() > 200, "only {} phrasings found", texts.len());
    texts.extend(seed_texts());
    let mut failures = Vec::new();
    let mut matched = 0;
    for text in &texts {
        let paragraphs = text::paragraphs(text);
        for s in text::sentences(text, &paragraphs) {
            let sentence = &text[s.start..s.end];
            let masked = mask(sentence, &numerals::scan(sentence));
            let rules: Vec<&str> = RULES
                .iter()
                .filter(|r| r.re().is_match(masked.as_bytes()))
                .map(|r| r.name)
                .collect();
            if rules.is_empty() {
                continue;
            }
            matched += 1;
            if !PREFILTER.passes(sentence) {
                failures.push(format!("{sentence:?} (rules {rules:?})"));
            }
        }
        let ctx = ctx();
        assert_eq!(
            extract(text, &ctx),
            extract_without_prefilter(text, &ctx),
            "the prefilter changed the claims of {text:?}"
        );
    }
    assert!(matched > 150, "only {matched} sentences matched a rule");
    assert!(
        failures.is_empty(),
        "{} sentences match a rule but not the prefilter:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Whether every match of `hir` holds one of `anywhere`, or a word of the text that begins
/// with one of `starts`; `at_start` says whether the match starts a word, as
/// [`prefilter::starts_word`] tells one. The scanner runs the pattern folded, with ASCII
/// `\b` (`fold::pattern`); a `\b` of either kind before a letter leaves no character that
/// `starts_word` counts as part of a word before it. Conservative:
/// optional parts and look-arounds guarantee nothing, a class only when each of its
/// characters is one of `anywhere`; a concatenation is covered by any covered part, an
/// alternation only when all its branches are. A word starts only at the start of a match
/// that starts one, after a character of a literal that is not a letter, a digit or "_",
/// after a part whose every match ends in one, and after `\b` (where a letter next starts a
/// word).
fn covered_by_number_words(
    hir: &regex_syntax::hir::Hir,
    anywhere: &[&str],
    starts: &[&str],
    at_start: bool,
) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    let not_word = |c: char| !prefilter::in_folded_word(c);
    match hir.kind() {
        HirKind::Literal(lit) => {
            let s = String::from_utf8_lossy(&lit.0);
            anywhere.iter().any(|t| s.contains(t))
                || s.char_indices().any(|(i, _)| {
                    let word_start = match s[..i].chars().next_back() {
                        None => at_start,
                        Some(before) => not_word(before),
                    };
                    word_start && starts.iter().any(|w| s[i..].starts_with(w))
                })
        }
        HirKind::Class(Class::Unicode(c)) => c
            .iter()
            .all(|r| (r.start()..=r.end()).all(|ch| anywhere.contains(&ch.to_string().as_str()))),
        HirKind::Class(Class::Bytes(_)) => false,
        HirKind::Capture(c) => covered_by_number_words(&c.sub, anywhere, starts, at_start),
        HirKind::Repetition(r) => {
            r.min >= 1 && covered_by_number_words(&r.sub, anywhere, starts, at_start)
        }
        HirKind::Concat(parts) => {
            let mut at = at_start;
            for p in parts {
                if covered_by_number_words(p, anywhere, starts, at) {
                    return true;
                }
                at = starts_word_after(p, at);
            }
            false
        }
        HirKind::Alternation(branches) => branches
            .iter()
            .all(|h| covered_by_number_words(h, anywhere, starts, at_start)),
        HirKind::Empty | HirKind::Look(_) => false,
    }
}

/// Whether a letter after every match of `hir` starts a word (`at_start`: whether one at its
/// start does).
fn starts_word_after(hir: &regex_syntax::hir::Hir, at_start: bool) -> bool {
    use regex_syntax::hir::{Class, HirKind, Look};
    let not_word = |c: char| !prefilter::in_folded_word(c);
    match hir.kind() {
        HirKind::Empty => at_start,
        HirKind::Look(
            Look::WordUnicode
            | Look::WordAscii
            | Look::WordStartUnicode
            | Look::WordStartAscii
            | Look::WordStartHalfUnicode
            | Look::WordStartHalfAscii,
        ) => true,
        HirKind::Look(_) => at_start,
        HirKind::Literal(lit) => String::from_utf8_lossy(&lit.0)
            .chars()
            .next_back()
            .map_or(at_start, not_word),
        HirKind::Class(Class::Unicode(c)) => c.iter().all(|r| (r.start()..=r.end()).all(not_word)),
        HirKind::Class(Class::Bytes(_)) => false,
        HirKind::Capture(c) => starts_word_after(&c.sub, at_start),
        HirKind::Repetition(r) => {
            let once = starts_word_after(&r.sub, at_start);
            if r.min >= 1 {
                // Every repetition after the first starts where one ended.
                once && starts_word_after(&r.sub, once)
            } else {
                at_start && once && starts_word_after(&r.sub, once)
            }
        }
        HirKind::Concat(parts) => parts
            .iter()
            .fold(at_start, |at, p| starts_word_after(p, at)),
        HirKind::Alternation(branches) => branches.iter().all(|h| starts_word_after(h, at_start)),
    }
}

#[test]
fn every_number_holds_a_number_word() {
    // The prefilter reads a figure marker as "a digit, or a word that begins as a number
    // word, is there": every atom of the numeral scanner must hold one. `\d` also matches
    // other scripts' digits, but those never parse (`f64::from_str` reads ASCII digits), so
    // they give no quantity.
    let pattern = numerals::atom_pattern().replace(r"\d", "[0-9]");
    let hir = regex_syntax::parse(&pattern).expect("atom pattern parses");
    let (anywhere, starts) = (
        numerals::IN_EVERY_NUMBER,
        numerals::STARTS_EVERY_NUMBER_WORD,
    );
    assert!(covered_by_number_words(&hir, anywhere, starts, false));
    // The check can fail: without "tio", "tio" and "ett tiotal" are not covered; without
    // "hundra" anywhere, "etthundra" is not; nor is "fyrtio" without "fyrtio", which "tio"
    // covers only inside the word.
    let without = |words: &[&'static str], w: &str| -> Vec<&'static str> {
        words.iter().copied().filter(|x| *x != w).collect()
    };
    assert!(!covered_by_number_words(
        &hir,
        anywhere,
        &without(starts, "tio"),
        false
    ));
    assert!(!covered_by_number_words(
        &hir,
        &without(anywhere, "hundra"),
        starts,
        false
    ));
    assert!(!covered_by_number_words(
        &hir,
        anywhere,
        &without(starts, "fyrtio"),
        false
    ));
    let mut hundra_at_start = starts.to_vec();
    hundra_at_start.push("hundra");
    assert!(!covered_by_number_words(
        &hir,
        &without(anywhere, "hundra"),
        &hundra_at_start,
        false
    ));
}

#[test]
fn number_words_count_at_the_start_of_a_word() {
    for (text, at, starts) in [
        ("Tio av dem", 0, true),
        ("av tio", 3, true),
        ("(tio)", 1, true),
        ("–tio", "–".len(), true),
        ("Migrationsverket", 5, false),
        ("utredning", 2, false),
        ("åtio", "å".len(), false),
        ("Étio", "É".len(), false),
        ("_tio", 1, false),
        ("9tio", 1, false),
        // The scanner's `\b` is ASCII on folded text: a letter that does not fold is no part
        // of a word for it ("Tromsøtre" holds "tre"), nor is "²".
        ("Tromsøtre", "Tromsø".len(), true),
        ("ütio", "ü".len(), true),
        ("²tio", "²".len(), true),
    ] {
        assert_eq!(prefilter::starts_word(text, at), starts, "{text:?} at {at}");
    }
    // The scan keeps a number word inside a word out, a digit inside one in.
    assert!(!PREFILTER.passes("Migrationsverket säger att personalen har slutat."));
    assert!(PREFILTER.passes("Tio av personalen har slutat."));
    assert!(PREFILTER.passes("Trettiotre av personalen har slutat."));
    assert!(PREFILTER.passes("F16 av personalen har slutat."));
    // As the scanner reads it.
    assert!(!numerals::scan("Tromsøtre av personalen har slutat.").is_empty());
    assert!(PREFILTER.passes("Tromsøtre av personalen har slutat."));
}

#[test]
fn every_rule_needs_words() {
    // A rule whose condition is empty would send every sentence down the full path; one that
    // needs only a figure every sentence with a number. Each rule must need a word of its own.
    let conditions = PREFILTER.conditions();
    assert_eq!(conditions.len(), RULES.len());
    let figure_only = |clause: &Vec<&str>| clause.contains(&"#");
    let weak: Vec<String> = RULES
        .iter()
        .zip(&conditions)
        .filter(|(_, c)| c.iter().all(figure_only))
        .map(|(r, c)| format!("{} {:?}", r.name, c))
        .collect();
    assert!(
        weak.is_empty(),
        "rules that need no word:\n{}",
        weak.join("\n")
    );
    // Conditions read the syntax tree: a rule needs a figure, a staff word and a word of
    // leaving; classes and optional parts need nothing.
    let loose = prefilter::Prefilter::new([r"[a-zåäö]+ (?:ivo )?x"]);
    assert_eq!(loose.conditions(), vec![Vec::<Vec<&str>>::new()]);
    assert!(loose.passes("Hanna"));
    let p = prefilter::Prefilter::new([
        r"#(?P<v>n\d+)# (?:socialsekreterare|handläggare) (?:har )?(?:slutat|sagt upp sig)",
    ]);
    let c = p.conditions();
    // (socialsekreterare ∨ handläggare) ∧ figure ∧ (slutat ∨ sagt) ∧ (slutat ∨ upp) ∧ (slutat ∨ sig)
    assert_eq!(c[0].len(), 5, "{:?}", c[0]);
    // The figure: a digit or "#" anywhere, "tio" at the start of a word.
    assert!(c[0]
        .iter()
        .any(|cl| cl.contains(&"#") && cl.contains(&"7") && cl.contains(&"^tio")));
    assert!(c[0].contains(&vec!["socialsekreterare", "handläggare"]));
    assert!(c[0]
        .iter()
        .any(|cl| cl.contains(&"slutat") && cl.contains(&"sagt")));
    assert!(p.passes("Nu har 12 socialsekreterare slutat."));
    assert!(p.passes("TIO HANDLÄGGARE har SAGT upp sig"));
    assert!(p.passes("tio handlqeggare har sagt upp sig"));
    assert!(!p.passes("Tolv socialsekreterare har sagt nej."));
    assert!(!p.passes("Många socialsekreterare har slutat."));
}

#[test]
fn prefilter_matches_as_the_masked_sentence_reads() {
    // Case, white space and folding are what masking changes; the prefilter sees through them.
    for s in [
        "14 SOCIALSEKRETERARE har SLUTAT",
        "Tolv Sjukskrivna socionomer",
        "FYRTIO ÄRENDEN per handläggare",
        "har 4 handläggare sagt upp\u{a0}sig",
        "tio handläggare sa upp\n\t sig",
    ] {
        assert!(PREFILTER.passes(s), "{s:?}");
    }
    assert!(!PREFILTER.passes("Hanna sågs senast på eftermiddagen."));
    assert!(!PREFILTER.passes("Personen fick lämna jobbet i fallet med bussen."));
    // Criticism seen by no body: the inspection rules need one (IVO, JO...), and the short
    // "jo" no longer leaves their alternation of bodies out of the condition.
    assert!(!PREFILTER.passes(
        "Socialchefen vill inte kommentera enskilda ärenden men säger att man ser allvarligt på kritiken."
    ));
    assert!(PREFILTER.passes("JO riktar allvarlig kritik mot socialnämnden i Botkyrka."));
    // Every character outside ASCII and å/ä/ö/é whose lower case holds, or whose case folding
    // reaches, an ASCII letter or å/ä/ö/é is an odd letter: the prefilter does not filter a
    // text that holds one.
    let plain = |ch: char| ch.is_ascii_alphabetic() || "åäöé".contains(ch);
    let folds_to_plain = Regex::new("^(?i:[a-zåäöé])$").unwrap();
    let mut odd: Vec<char> = Vec::new();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        if c.is_ascii() || "åäöéÅÄÖÉ".contains(c) {
            continue;
        }
        let lowers = c.to_lowercase().any(plain);
        let folds = c.is_alphabetic() && folds_to_plain.is_match(c.encode_utf8(&mut [0; 4]));
        if lowers || folds {
            odd.push(c);
        }
    }
    assert_eq!(odd, prefilter::ODD_LETTERS);
    let kelvin = "14 socialsekreterare har slutat".replace('k', "\u{212a}");
    let scan = PREFILTER.scan(&kelvin);
    assert!(scan.odd);
}

/// The prefilter tries a passage only against the conditions keyed by a clause it holds,
/// and none that holds another; it says what trying every rule's condition says, for every
/// phrasing of this file and every paragraph, sentence and stretch of words of the seeds.
#[test]
fn prefilter_keyed_conditions_decide_as_every_rule() {
    let mut texts = phrasings_of_this_file();
    texts.extend(seed_texts());
    let (mut possible, mut impossible) = (0, 0);
    for text in &texts {
        let scan = PREFILTER.scan(text);
        let paragraphs = text::paragraphs(text);
        let mut ranges: Vec<(usize, usize)> = vec![(0, text.len())];
        ranges.extend(paragraphs.iter().map(|p| (p.start, p.end)));
        ranges.extend(
            text::sentences(text, &paragraphs)
                .iter()
                .map(|s| (s.start, s.end)),
        );
        // Stretches of 2 to 12 words, from every word.
        let starts: Vec<usize> = text.match_indices(' ').map(|(i, _)| i + 1).collect();
        for (a, &from) in starts.iter().enumerate() {
            for b in (a + 2..starts.len().min(a + 13)).step_by(5) {
                ranges.push((from, starts[b]));
            }
        }
        for (start, end) in ranges {
            let keyed = PREFILTER.possible(&scan, start, end);
            assert_eq!(
                keyed,
                PREFILTER.possible_by_every_rule(&scan, start, end),
                "{:?}",
                &text[start..end]
            );
            if keyed {
                possible += 1;
            } else {
                impossible += 1;
            }
        }
    }
    assert!(
        possible > 1000 && impossible > 1000,
        "{possible} possible, {impossible} impossible passages"
    );
}

/// The prefilter's scan steps four parts of a text at once; it finds exactly the hits of
/// aho-corasick's own overlapping search, in the same order, whatever the length and
/// wherever the cut falls: inside a word, between two, in a Swedish letter, inside a run of
/// digits (of which only the first is a hit), and whatever comes before a word that counts
/// only at a word's start.
#[test]
fn prefilter_scan_finds_what_one_stream_finds() {
    let sentence = "Tio av 30 socialsekreterare i Örebro har sagt upp sig, \
        personalomsättningen är 45 procent och ÄRENDENA ökar; fjorton konsulter anlitades \
        2024-05-17 för 12345678901 kronor. ";
    // Every kind of byte: Swedish letters in both cases and folded, other Latin letters,
    // other scripts, emoji, controls, and words of the rules written in capitals.
    let other_bytes = "ÅTTA av TIO SOCIALSEKRETERARE har SAGT UPP SIG i Älvdalen, \
        qa qe qo qi Qa éN É ü ß Ø ΣΟΦΙΑ Привет 😀 \t\u{1}\u{7f}\u{a0} UPPSÄGNINGAR Ärenden. ";
    // Number words, which count only at a word's start, after every kind of byte: inside
    // words ("utredning", "situationen"), after Swedish letters, after other letters whose
    // last byte is one of theirs ("ĥ" ends as "å" does), after "#", digits, "_", spaces,
    // punctuation and other scripts.
    let word_starts = "utredningen tio#tio åtio ütio ĥtio ätre Ötre é-tre,tre(tre)\u{a0}sju\
        \u{2009}fem 3tio _tio xtio situationen opinionen ΣTIO 中tre 😀fyra qatio Åtta\ntolv ";
    let mut compared = 0;
    for sentence in [sentence, other_bytes, word_starts] {
        for len in [0, 1, 7, 80, 255, 256, 257, 300, 511, 1000, 4099] {
            let text: String = sentence.chars().cycle().take(len).collect();
            // Every shift of the text moves the cut across each word.
            for shift in 0..40 {
                let shifted: String = "x".repeat(shift) + &text;
                let (scanned, reference) = PREFILTER.scan_and_reference(&shifted);
                assert_eq!(scanned, reference, "length {len}, shift {shift}");
                compared += reference.len();
            }
        }
    }
    assert!(compared > 20_000, "only {compared} hits compared");
    // A word across the middle cut, in a text of the length from which the scan cuts.
    let mut text = "x".repeat(128 - 8);
    text.push_str("socialsekreterare");
    text.push_str(&"y".repeat(256 - text.len()));
    let (scanned, reference) = PREFILTER.scan_and_reference(&text);
    assert_eq!(scanned, reference);
    assert!(!reference.is_empty());
}

/// Every rule's regex compiles (they compile on first use, so a broken pattern would
/// otherwise only show when a sentence first needs it), and the sets cover every rule.
#[test]
fn every_rule_compiles() {
    assert!(!RULES.is_empty());
    for rule in RULES.iter() {
        assert!(rule.re().captures_len() >= 1, "{}", rule.name);
    }
    prepare();
    assert_eq!(NEEDS_MARKER.len(), RULES.len());
    assert_eq!(RULE_SETS.set.len(), RULES.len());
    assert!(RULE_SETS.unmarked.iter().all(|&i| i < RULES.len()));
    assert_eq!(RULE_SETS.unmarked_set.len(), RULE_SETS.unmarked.len());
}

/// Phrasings met in news and municipal records written for a blind test (2026-12-06): each
/// is a way of saying a claim that the rules above did not read. Written anew here, with
/// other figures and places, so the rules are tested on the construction, not the sentence.
#[test]
fn phrasings_of_news_and_records() {
    check_all(&[
        // resigned
        (
            "Nio av förvaltningens 31 handläggare har slutat sedan årsskiftet.",
            want(Resigned, 9.0, People).of(31.0),
        ),
        (
            "I våras har sju fast anställda sagt upp sig från mottagningen.",
            want(Resigned, 7.0, People),
        ),
        (
            "Under 2022 sade åtta socialsekreterare inom barn och unga i Kumla upp sig.",
            want(Resigned, 8.0, People),
        ),
        (
            "Under året har 24 medarbetare inom myndighetsutövningen för barn och unga i Mora avslutat sin anställning.",
            want(Resigned, 24.0, People),
        ),
        // intent_to_quit
        (
            "I enkäten uppger tre av fyra att de funderar på att sluta.",
            want(IntentToQuit, 75.0, Percent),
        ),
        (
            "Hälften av socialsekreterarna svarar att de överväger att byta arbetsgivare.",
            want(IntentToQuit, 50.0, Percent),
        ),
        (
            "Enkäten visar att 41 procent av medarbetarna inom vuxenenheten instämmer helt eller delvis i påståendet att de planerar att lämna sin tjänst inom ett år.",
            want(IntentToQuit, 41.0, Percent),
        ),
        // vacancies
        (
            "Samtidigt står nio ordinarie tjänster tomma.",
            want(Vacancies, 9.0, People),
        ),
        (
            "Fyra av 17 tjänster är obesatta.",
            want(Vacancies, 4.0, People).of(17.0),
        ),
        (
            "I dag är fem av 30 socialsekreterartjänster vakanta.",
            want(Vacancies, 5.0, People).of(30.0),
        ),
        (
            "Vid månadsskiftet saknades ett 40-tal socialsekreterare i staden.",
            want(Vacancies, 40.0, People).approx(),
        ),
        (
            "I Piteå står också två tjänster tomma.",
            want(Vacancies, 2.0, People),
        ),
        (
            "Vi har sex tjänster som vi inte har lyckats tillsätta.",
            want(Vacancies, 6.0, People),
        ),
        (
            "Enheten uppger att fyra tjänster för närvarande är vakanta.",
            want(Vacancies, 4.0, People),
        ),
        (
            "Tre av tjänsterna är fortfarande obesatta.",
            want(Vacancies, 3.0, People),
        ),
        (
            "Nämnden har under våren haft två av fem handläggartjänster inom vuxen vakanta.",
            want(Vacancies, 2.0, People).of(5.0),
        ),
        (
            "Sju tjänster saknar ordinarie innehavare.",
            want(Vacancies, 7.0, People),
        ),
        ("Antal vakanta tjänster: 11", want(Vacancies, 11.0, People)),
        // staffing
        (
            "Familjeomsorgen i Arvika ska ha tolv socialsekreterare.",
            want(Staffing, 12.0, People),
        ),
        (
            "I dag finns fyra fast anställda på enheten.",
            want(Staffing, 4.0, People),
        ),
        (
            "Piteå kommun har 27 socialsekreterare inom barn och unga.",
            want(Staffing, 27.0, People),
        ),
        (
            "Antalet budgeterade socialsekreterartjänster inom vuxen uppgår till 18.",
            want(Staffing, 18.0, People),
        ),
        ("Antal socialsekreterare: 38", want(Staffing, 38.0, People)),
        (
            "Vid granskningen fanns sex tjänster som socialsekreterare på enheten.",
            want(Staffing, 6.0, People),
        ),
        // caseload
        (
            "Den som är kvar har omkring 90 ärenden.",
            want(Caseload, 90.0, CasesPerWorker).approx(),
        ),
        (
            "I mars hade en socialsekreterare inom utredning i genomsnitt 23 pågående utredningar.",
            want(Caseload, 23.0, CasesPerWorker),
        ),
        (
            "I Halmstad har handläggarna inom försörjningsstöd i dag i genomsnitt 70 hushåll var.",
            want(Caseload, 70.0, CasesPerWorker),
        ),
        (
            "Enligt de intervjuade handläggarna har var och en mellan 30 och 40 aktuella ärenden.",
            want(Caseload, 30.0, CasesPerWorker).high(40.0),
        ),
        (
            "Varje LSS-handläggare ansvarar i genomsnitt för 55 ärenden.",
            want(Caseload, 55.0, CasesPerWorker),
        ),
        (
            "Enligt cheferna ansvarar varje socialsekreterare inom barn och familj för 12–16 barn.",
            want(Caseload, 12.0, CasesPerWorker).high(16.0),
        ),
        (
            "Antalet aktuella ärenden per socialsekreterare var i maj 2024 i genomsnitt 29.",
            want(Caseload, 29.0, CasesPerWorker),
        ),
        // workload_change
        (
            "Under 2023 ökade antalet inledda barnavårdsutredningar med 35 procent.",
            want(WorkloadChange, 35.0, Percent),
        ),
        (
            "Antalet barnavårdsutredningar har ökat med 18 procent på tre år.",
            want(WorkloadChange, 18.0, Percent),
        ),
        (
            "Antalet inkomna anmälningar uppgick till 2 140 under första halvåret, vilket är en ökning med 7,5 procent.",
            want(WorkloadChange, 7.5, Percent),
        ),
        // consultants
        (
            "Hyrsocionomerna har hittills i år kostat kommunen 4,1 miljoner kronor.",
            want(Consultants, 4_100_000.0, Sek),
        ),
        (
            "Kostnaderna för konsulter inom individ- och familjeomsorgen uppgick per den 30 juni till 3,9 mnkr.",
            want(Consultants, 3_900_000.0, Sek),
        ),
        (
            "I maj uppgick antalet inhyrda socionomkonsulter till fyra.",
            want(Consultants, 4.0, People),
        ),
        // deficit
        (
            "I år överskrider nämnden budgeten för placeringar med 12 miljoner kronor.",
            want(Deficit, 12_000_000.0, Sek),
        ),
        (
            "Nämnden redovisar per den 30 april ett resultat om -4,2 mnkr.",
            want(Deficit, 4_200_000.0, Sek),
        ),
        (
            "Prognosen visar en negativ avvikelse mot budget om -2 800 tkr.",
            want(Deficit, 2_800_000.0, Sek),
        ),
        (
            "Budgeten för försörjningsstöd överskrids med cirka 1,5 mnkr.",
            want(Deficit, 1_500_000.0, Sek).approx(),
        ),
        (
            "Det bedöms öka nämndens underskott, som efter majprognosen uppgår till 6,1 mnkr.",
            want(Deficit, 6_100_000.0, Sek),
        ),
        // inspection
        (
            "I sju av de nio enheter som granskades saknades rutiner för uppföljning.",
            want(Inspection, 7.0, Cases).of(9.0),
        ),
        // sick leave
        (
            "Tre handläggare är i dag sjukskrivna för utmattning.",
            want(SickLeave, 3.0, People),
        ),
        (
            "Vid utgången av mars var sex medarbetare inom myndighetsutövning för vuxna sjukskrivna.",
            want(SickLeave, 6.0, People),
        ),
        (
            "Under perioden har två handläggare varit sjukskrivna i mer än en månad.",
            want(SickLeave, 2.0, People),
        ),
        ("Sjukfrånvaro januari–juni: 6,9 procent", want(SickLeave, 6.9, Percent)),
        // and from a third set (radio, debate, reportage, press releases)
        (
            "Sjukfrånvaron bland handläggarna i Ystad är nu uppe i 11,2 procent.",
            want(SickLeave, 11.2, Percent),
        ),
        (
            "Enligt statistiken var sjukfrånvaron inom barn och unga 8,8 procent under 2021.",
            want(SickLeave, 8.8, Percent),
        ),
        (
            "Av de tolv som arbetar på enheten i dag är tre sjukskrivna på heltid.",
            want(SickLeave, 3.0, People).of(12.0),
        ),
        (
            "I fjol var nio av förvaltningens 40 tjänster inom vuxen obesatta.",
            want(Vacancies, 9.0, People).of(40.0),
        ),
        (
            "Två tjänster har varit vakanta sedan i somras.",
            want(Vacancies, 2.0, People),
        ),
        (
            "I Bjurholm är i dag nästan var femte tjänst inom socialtjänsten obesatt.",
            want(Vacancies, 20.0, Percent).approx(),
        ),
        (
            "Enheten ska enligt budget ha åtta socialsekreterare.",
            want(Staffing, 8.0, People),
        ),
        (
            "Kommunen hyrde under 2023 in konsulter för 14 miljoner kronor.",
            want(Consultants, 14_000_000.0, Sek),
        ),
        (
            "Nämnden har köpt utredningar från ett konsultbolag för 2,2 miljoner kronor.",
            want(Consultants, 2_200_000.0, Sek),
        ),
        (
            "Socialnämnden gick i fjol back med 8,5 miljoner kronor.",
            want(Deficit, 8_500_000.0, Sek),
        ),
        (
            "I Tranås har 11 socialsekreterare lämnat myndighetsutövningen sedan januari.",
            want(Resigned, 11.0, People),
        ),
        (
            "Till slut hade jag över 50 ärenden.",
            want(Caseload, 50.0, CasesPerWorker).approx(),
        ),
        (
            "Enligt medarbetarenkäten vill var fjärde anställd inom IFO byta arbetsplats.",
            want(IntentToQuit, 25.0, Percent),
        ),
        (
            "Granskarna fann brister i 14 av 30 granskade anmälningar.",
            want(Inspection, 14.0, Cases).of(30.0),
        ),
        // and from a fifth set (regional dailies, minutes, interviews, union newsletters)
        ("Antal inhyrda socionomer i mars: 7", want(Consultants, 7.0, People)),
        (
            "Antalet orosanmälningar ökade under 2022 med 12 procent.",
            want(WorkloadChange, 12.0, Percent),
        ),
        (
            "Sjukfrånvaron på mottagningen har under våren legat runt 11 procent.",
            want(SickLeave, 11.0, Percent).approx(),
        ),
        (
            "I Motala är just nu tre av enhetens socialsekreterare sjukskrivna.",
            want(SickLeave, 3.0, People),
        ),
        (
            "IVO konstaterar att utredningstiden i nio fall överskridits.",
            want(Inspection, 9.0, Cases),
        ),
        (
            "IVO fann brister i tre av de fem arbetsgrupperna.",
            want(Inspection, 3.0, Cases).of(5.0),
        ),
        (
            "I ett stickprov om 30 barnavårdsutredningar hade 11 överskridit utredningstiden, enligt revisorerna.",
            want(Inspection, 11.0, Cases).of(30.0),
        ),
        (
            "Genomsnittligt antal aktuella ärenden per handläggare är 21.",
            want(Caseload, 21.0, CasesPerWorker),
        ),
        (
            "Prognosen för helåret är −7 miljoner kronor.",
            want(Deficit, 7_000_000.0, Sek),
        ),
        (
            "Kommunen har nio socialsekreterartjänster.",
            want(Staffing, 9.0, People),
        ),
        (
            "I Motala svarade 22 procent att de ville sluta.",
            want(IntentToQuit, 22.0, Percent),
        ),
        (
            "Var fjärde socialsekreterare uppger att de funderar på att söka ett annat jobb.",
            want(IntentToQuit, 25.0, Percent),
        ),
        (
            "Tre tjänster har inte gått att återbesätta.",
            want(Vacancies, 3.0, People),
        ),
        (
            "Handläggarna på vuxenenheten i snitt har 29 ärenden.",
            want(Caseload, 29.0, CasesPerWorker),
        ),
        (
            "Under våren var som mest sex tjänster vakanta samtidigt.",
            want(Vacancies, 6.0, People),
        ),
        (
            "Inom vuxen ska vi vara 14 socialsekreterare.",
            want(Staffing, 14.0, People),
        ),
        (
            "Kostnaderna för inhyrda socialsekreterare, som uppgick till 2,4 mnkr under perioden, förklarar underskottet.",
            want(Consultants, 2_400_000.0, Sek),
        ),
    ]);
}

/// Figures a sentence gives of an earlier period, and figures whose subject is a pronoun
/// for what the sentence before named.
#[test]
fn second_figures_and_pronouns() {
    let kinds = |text: &str| -> Vec<(Kind, Option<f64>, Option<f64>)> {
        run(text).iter().map(|c| (c.kind, c.value, c.of)).collect()
    };
    assert_eq!(
        kinds("Sjukfrånvaron bland handläggarna var 8,1 procent under 2023, jämfört med 6,4 procent under 2022."),
        vec![(SickLeave, Some(8.1), None), (SickLeave, Some(6.4), None)]
    );
    assert_eq!(
        kinds("Under 2024 har 12 socialsekreterare avslutat sin anställning, vilket kan jämföras med sju under hela 2023."),
        vec![(Resigned, Some(12.0), None), (Resigned, Some(7.0), None)]
    );
    assert_eq!(
        kinds("Under året slutade sex socialsekreterare, jämfört med tolv året innan."),
        vec![(Resigned, Some(6.0), None), (Resigned, Some(12.0), None)]
    );
    // A change is two figures.
    assert_eq!(
        kinds("Sjukfrånvaron har stigit från 6 till 9,5 procent på ett år."),
        vec![(SickLeave, Some(6.0), None), (SickLeave, Some(9.5), None)]
    );
    assert_eq!(
        kinds("Kostnaderna för inhyrda konsulter minskade från 8,4 till 2,9 miljoner kronor."),
        vec![
            (Consultants, Some(8_400_000.0), None),
            (Consultants, Some(2_900_000.0), None)
        ]
    );
    assert_eq!(
        kinds("Vi har fått ned antalet ärenden per handläggare från i snitt 31 till 22."),
        vec![(Caseload, Some(31.0), None), (Caseload, Some(22.0), None)]
    );
    assert_eq!(
        kinds("Handläggarna har i snitt 25 ärenden per handläggare, medan motsvarande siffra i Vara är 19."),
        vec![(Caseload, Some(25.0), None), (Caseload, Some(19.0), None)]
    );
    assert_eq!(
        kinds("Kostnaden för inhyrda konsulter uppgick 2022 till 9,4 mnkr och för perioden januari–juni 2023 till 3,1 mnkr."),
        vec![(Consultants, Some(9_400_000.0), None), (Consultants, Some(3_100_000.0), None)]
    );
    // The total of "i 26 av dem" is the review's sample, stated a sentence or paragraphs
    // before.
    assert_eq!(
        kinds("IVO har granskat 30 barnavårdsutredningar i Ystad. I 19 av dem hade utredningstiden överskridits."),
        vec![(Inspection, Some(19.0), Some(30.0))]
    );
    assert_eq!(
        kinds("Revisorerna har gått igenom 45 avslutade utredningar.\n\nGranskningen gjordes i våras. Barnet hade inte fått komma till tals i elva av de granskade ärendena."),
        vec![(Inspection, Some(11.0), Some(45.0))]
    );
    // A pronoun counts only when the sentence before names what it stands for.
    assert_eq!(
        kinds("Kommunen har anlitat fyra socionomkonsulter. Hittills i år har de kostat 5 miljoner kronor."),
        vec![(Consultants, Some(4.0), None), (Consultants, Some(5_000_000.0), None)]
    );
    assert_eq!(
        kinds("Nämnden har köpt nya lokaler. De kostade 28 miljoner kronor."),
        vec![]
    );
    assert_eq!(
        kinds(
            "I Ystad har sjukfrånvaron ökat. Bland socialsekreterarna ligger den på 7,5 procent."
        ),
        vec![(SickLeave, Some(7.5), None)]
    );
    assert_eq!(
        kinds("Arbetslösheten har ökat i kommunen. Bland unga ligger den på 12 procent."),
        vec![]
    );
    // Another place's rate, after the sentence before gave one.
    assert_eq!(
        kinds(
            "I Kumla är sjukfrånvaron 9,1 procent. I Hallsberg var motsvarande siffra 6,2 procent."
        ),
        vec![(SickLeave, Some(9.1), None), (SickLeave, Some(6.2), None)]
    );
    assert_eq!(
        kinds("Valdeltagandet var 81 procent. I Hallsberg var motsvarande siffra 76 procent."),
        vec![]
    );
}

/// Look-alikes a review wrote against the rules above (2026-12-06): each gave a claim once.
#[test]
fn look_alikes_of_the_new_phrasings() {
    check_none(
        Some(Resigned),
        &[
            "Efter valet avgick två ministrar, jämfört med fem under förra mandatperioden.",
            "Laget slutade på plats 4 i tabellen, jämfört med 7 året innan.",
            "Tre socialsekreterare fick ta över ärendena när den mångåriga chefen för enheten slutade.",
            "I mötet sa 12 socialsekreterare att de är oroliga för att kollegor ska säga upp sig.",
        ],
    );
    check_none(
        Some(Staffing),
        &[
            "Luleå kommun har 12 bygglovshandläggare.",
            "Barnomsorgen i kommunen har 300 pedagoger.",
            "Äldreomsorgen i Luleå har 1 200 medarbetare.",
            "Antalet anställda i Halmstads kommun uppgår till 7 000.",
            "Antalet lärartjänster på skolan är 40.",
            "Antal anställda: 7 000",
        ],
    );
    check_none(
        Some(SickLeave),
        &[
            "Det är sjukfrånvaron som driver kostnaderna, och 40 procent av budgeten går till vikarier.",
            "Mål för sjukfrånvaro: 6 procent",
            "Av de 250 deltagarna i arbetsmarknadsprojektet är 60 sjukskrivna.",
            "Sjukfrånvaron har minskat, men personalomsättningen har ökat. Den ligger nu på 25 procent.",
        ],
    );
    check_none(
        Some(Caseload),
        &[
            "I Malmö har en handläggare dömts för att ha förskingrat pengar från 12 klienter.",
            "Nu har en socialsekreterare anmält kommunen efter att 3 barn placerats fel.",
            "Mamman kom till mötet med en socialsekreterare och sina 3 barn.",
        ],
    );
    check_none(
        Some(WorkloadChange),
        &[
            "Antalet bygglovsärenden ökade med 25 procent.",
            "Antalet olycksutredningar ökade med 30 procent.",
            "Antalet orosanmälningar var 1 200, men antalet socialsekreterare har minskat till 20, vilket är en minskning med 10 procent.",
        ],
    );
    check_none(
        Some(Consultants),
        &[
            "Kommunen hyr lokaler av ett konsultbolag för 2 miljoner kronor per år.",
            "Kommunen köpte marken av ett konsultföretag för 12 miljoner kronor.",
            "Målet är att antalet konsulter ska minska till tre.",
            "Kommunen har inhyrda lokaler i centrum. De kostar 3 miljoner kronor om året.",
            "Nämnden begärde en konsultation med juristerna. Dessa kostade 200 000 kronor.",
            "Kommunen anlitade IT-konsulter för bytet. De nya datorerna kostade 3 miljoner kronor.",
        ],
    );
    check_none(
        Some(IntentToQuit),
        &[
            "I enkäten svarar två av tre att de vill sluta röka.",
            "Om avgiften höjs skulle hälften av föräldrarna lämna barnomsorgen.",
            "Enligt undersökningen vill 30 procent av svenskarna byta jobb.",
        ],
    );
    check_none(
        Some(Vacancies),
        &[
            "I granskningen saknade tre handläggare relevant utbildning.",
            "Var tredje lärartjänst i kommunen är obesatt.",
            "Antal lediga platser på äldreboenden: 13",
            "Föreningen har 30 platser i styrelsen och fullmäktige, varav 3 är vakanta.",
        ],
    );
    check_none(
        Some(Inspection),
        &[
            "I 4 av de 10 skolor som granskades av Skolinspektionen saknades elevhälsa.",
            "Revisorerna granskade 40 ärenden under 2022.\n\nI år har IVO besökt tre HVB-hem i kommunen. I 2 av dem fanns brister i bemanningen.",
            "IVO granskade 12 ärenden i Botkyrka. Inspektörerna besökte också 30 boenden, och i 18 av dem saknades rutiner.",
            "Kommunen har 50 familjehem. I 12 av dem bor fler än tre barn, enligt en granskning av Aftonbladet.",
        ],
    );
    // What the same rules must still read.
    let kinds = |text: &str| -> Vec<(Kind, Option<f64>, Option<f64>)> {
        run(text)
            .iter()
            .map(|c| (c.kind, c.value, c.value_high))
            .collect()
    };
    assert_eq!(
        kinds("Av de 5 vakanser som fanns i januari har 3 tillsatts."),
        vec![(Vacancies, Some(5.0), None)]
    );
    assert_eq!(
        kinds("Antalet ärenden per handläggare varierar från 20 till 35 beroende på enhet."),
        vec![(Caseload, Some(20.0), Some(35.0))]
    );
    assert_eq!(
        kinds("Sjukfrånvaron har ökat från 9 procent till 12 dagar per anställd."),
        vec![(SickLeave, Some(9.0), None)]
    );
    assert_eq!(
        kinds("Sjukfrånvaron har stigit från knappt 7 till drygt 10 procent."),
        vec![(SickLeave, Some(7.0), None), (SickLeave, Some(10.0), None)]
    );
    assert_eq!(
        kinds("Sjukfrånvaron var 7 procent, jämfört med målet på 6 procent."),
        vec![(SickLeave, Some(7.0), None)]
    );
}

#[test]
fn the_new_phrasings_negatives() {
    // Totals and other counts the new phrasings must not read as figures.
    check_none(
        Some(Vacancies),
        &[
            "Tre av 19 tjänster är tillsatta sedan i våras.",
            "Kommunen har sex tjänster som vi har lyckats tillsätta i år.",
        ],
    );
    check_none(
        Some(Caseload),
        &[
            "Den som är kvar har jobbat i 12 år.",
            "De som är kvar har 3 veckors semester.",
        ],
    );
    check_none(
        Some(Inspection),
        &["I 26 av dem hade familjen flyttat, enligt kommunens egen uppföljning."],
    );
    check_none(
        Some(Caseload),
        &[
            "Jag har tre barn och bor i Vara.",
            "Jag har tre utredningar som ska vara klara före fredag.",
        ],
    );
    check_none(
        Some(Staffing),
        &["Halmstads kommun har omkring 7 000 anställda."],
    );
    check_none(
        Some(Deficit),
        &[
            "Nämnden redovisar ett resultat om 4,2 mnkr.",
            "Resultatet blev 3 mnkr bättre än väntat.",
        ],
    );
}

/// The sets of `tests/fixtures/claims-adversarial`, each line a document of its own: of 150
/// sentences that look like claims and are not, at most 3 may give one (as many as were
/// left when the check for other services and targets came); of 60 claims in other words,
/// at least 50 must be found with their kind and figure.
#[test]
fn sentences_written_against_the_patterns() {
    let false_claims = look_alikes_that_give_claims(include_str!(
        "../../tests/fixtures/claims-adversarial/nonclaims.txt"
    ));
    assert!(
        false_claims.len() <= 3,
        "{} look-alikes gave claims:\n{}",
        false_claims.len(),
        false_claims.join("\n")
    );
    let (found, all) = claims_found(include_str!(
        "../../tests/fixtures/claims-adversarial/claims.txt"
    ));
    assert_eq!(all, 60);
    assert!(found >= 50, "found {found} of {all}");
}

/// The lines of a file of look-alikes (a sentence a line, each a document of its own) that
/// give a claim, with the first claim each gives.
fn look_alikes_that_give_claims(nonclaims: &str) -> Vec<String> {
    nonclaims
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| {
            let got = run(l);
            (!got.is_empty()).then(|| format!("{l:?}: {} {:?}", got[0].kind, got[0].value))
        })
        .collect()
}

/// Of a file of claims (a sentence, a tab, then "kind value [of total]" a line, several
/// parted by "; "), how many lines give every claim expected, and how many lines there are.
fn claims_found(claims: &str) -> (usize, usize) {
    let (mut found, mut all) = (0, 0);
    for line in claims.lines().filter(|l| !l.trim().is_empty()) {
        let (text, expected) = line
            .split_once('\t')
            .expect("a tab before the expected claim");
        let got = run(text);
        all += 1;
        found += expected
            .split(';')
            .map(expected_claim)
            .all(|(kind, value, of)| {
                got.iter().any(|c| {
                    c.kind == kind && c.value == Some(value) && (of.is_none() || c.of == of)
                })
            }) as usize;
    }
    (found, all)
}

/// A claim a file of look-alikes expects: its kind, value and total.
type Expected = (Kind, f64, Option<f64>);

/// "resigned 11 of 18", "caseload 40-45" (a range: its low end is the value), "workload_change
/// -6" (a fall) as kind, value and total.
fn expected_claim(expected: &str) -> Expected {
    let words: Vec<&str> = expected.split_whitespace().collect();
    let kind = Kind::parse(words[0]).expect("a kind");
    let (sign, figure) = match words[1].strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, words[1]),
    };
    let value: f64 = sign
        * figure
            .split('-')
            .next()
            .unwrap()
            .parse::<f64>()
            .expect("a value");
    let of = (words.get(2) == Some(&"of")).then(|| words[3].parse::<f64>().expect("of"));
    (kind, value, of)
}

/// The tables of a file of look-alike tables (blocks of a caption, a header and rows, cells
/// parted by tabs, blocks by a line "---"; a block of claims ends with "EXPECT: kind value;
/// ..."): the blocks, each with the claims it should give.
fn table_blocks(file: &str) -> Vec<(String, Vec<Expected>)> {
    file.split("\n---\n")
        .filter(|b| !b.trim().is_empty())
        .map(|block| {
            let (table, expected): (Vec<&str>, Vec<&str>) =
                block.lines().partition(|l| !l.starts_with("EXPECT:"));
            let expected = expected
                .first()
                .map(|e| {
                    e["EXPECT:".len()..]
                        .split(';')
                        .map(expected_claim)
                        .collect()
                })
                .unwrap_or_default();
            (table.join("\n"), expected)
        })
        .collect()
}

/// The constructions a sixth set of unseen text (annual and personnel reports, trade press,
/// wire items, motions, supervisory decisions, council debates, testimonies) showed the
/// rules missed, each in words of its own, not the set's sentences.
#[test]
fn constructions_of_reports_decisions_and_debates() {
    check_all(&[
        // resigned
        ("Av avdelningens 24 socialsekreterare har nio slutat sedan i våras.", want(Resigned, 9.0, People).of(24.0)),
        ("Under våren avslutade åtta socialsekreterare sin anställning i förvaltningen.", want(Resigned, 8.0, People)),
        ("Sedan nyår har tolv handläggare lämnat Motalas barn- och familjeenhet.", want(Resigned, 12.0, People)),
        ("Fem av våra socialsekreterare har slutat det senaste året.", want(Resigned, 5.0, People)),
        // intent_to_quit
        ("I enkäten svarade 31 procent av socialsekreterarna att de inte tror att de arbetar kvar om tre år.", want(IntentToQuit, 31.0, Percent)),
        ("Andelen socialsekreterare som uppger att de funderar på att säga upp sig är 38 procent.", want(IntentToQuit, 38.0, Percent)),
        // vacancies
        ("Enligt förvaltningen var 14 socialsekreterartjänster inom vuxenenheten vakanta i december.", want(Vacancies, 14.0, People)),
        ("Sedan årsskiftet har tre utredartjänster stått obesatta.", want(Vacancies, 3.0, People)),
        ("Efter rekryteringen är bara två tjänster vakanta på enheten.", want(Vacancies, 2.0, People)),
        // staffing
        ("Numera har mottagningsenheten i Ale nio socialsekreterare.", want(Staffing, 9.0, People)),
        ("Budgeten omfattar 70 tillsvidaretjänster, varav 52 socialsekreterare.", want(Staffing, 52.0, People)),
        // sick_leave
        ("På enheten är också tre socialsekreterare långtidssjukskrivna.", want(SickLeave, 3.0, People)),
        ("Två av enhetens handläggare blev sjukskrivna under hösten.", want(SickLeave, 2.0, People)),
        // caseload
        ("Under 2022 låg antalet ärenden per socialsekreterare i snitt på 31.", want(Caseload, 31.0, CasesPerWorker)),
        ("Det genomsnittliga antalet utredningar per handläggare steg till 19 under hösten.", want(Caseload, 19.0, CasesPerWorker)),
        ("Handläggarna på försörjningsstöd har haft i snitt 120 hushåll var.", want(Caseload, 120.0, CasesPerWorker)),
        ("Just nu ansvarar socialsekreterarna i Mora för i snitt 28 barn var.", want(Caseload, 28.0, CasesPerWorker)),
        ("I Kalix är snittet 26 per handläggare.", want(Caseload, 26.0, CasesPerWorker)),
        ("Där hade varje utredare 40 pågående förhandsbedömningar.", want(Caseload, 40.0, CasesPerWorker)),
        // workload_change
        ("Orosanmälningarna har ökat markant, med 40 procent sedan 2019.", want(WorkloadChange, 40.0, Percent)),
        // deficit
        ("Efter oktober uppgår underskottet för försörjningsstödet till 9,5 miljoner kronor.", want(Deficit, 9_500_000.0, Sek)),
        ("Socialnämnden gick back 7 miljoner kronor i fjol.", want(Deficit, 7_000_000.0, Sek)),
        // consultants
        ("Kostnaden för inhyrda socionomer var under första halvåret 4,1 miljoner kronor.", want(Consultants, 4_100_000.0, Sek)),
        // (Not "Av de åtta vakanta tjänsterna ...": eight vacant posts are a claim of their own.)
        ("Av de vakanta tjänsterna har fem bemannats med inhyrda socionomer, varav tre har besatts med konsulter.", want(Consultants, 3.0, People)),
        // inspection
        ("Ivo konstaterar att 9 av 25 granskade förhandsbedömningar inte hade avslutats i tid.", want(Inspection, 9.0, Cases).of(25.0)),
        // "dessa utredningar" names what it counts, and may point paragraphs back
        (
            "IVO har granskat 30 slumpvis utvalda utredningar.\n\nIVO:s bedömning\n\nAv granskningen framgår att tidsfristen överskreds i 12 av dessa utredningar.",
            want(Inspection, 12.0, Cases).of(30.0),
        ),
    ]);
    // A change in a count gives both counts.
    let both = run("Antalet inhyrda socionomer minskade från nio till två under hösten.");
    let values: Vec<Option<f64>> = both.iter().map(|c| c.value).collect();
    assert_eq!(values, [Some(9.0), Some(2.0)], "{both:?}");
    assert!(both.iter().all(|c| c.kind == Consultants));
}

/// What the constructions above must not take: targets, yardsticks of the whole country or
/// of the whole municipality, hypotheticals, and other people's leaving.
#[test]
fn look_alikes_of_reports_decisions_and_debates() {
    check_none(
        Some(SickLeave),
        &[
            "Nämndens mål är att sjukfrånvaron ska understiga 6 procent 2026.",
            "Som jämförelse var sjukfrånvaron i kommunen som helhet 6,8 procent.",
            "Sjukfrånvaron bland samtliga kommunens anställda låg på 7 procent.",
            "Två av mina kollegor blev sjuka i influensa, men ingen är sjukskriven.",
        ],
    );
    check_none(
        Some(Resigned),
        &[
            "Riksgenomsnittet för personalomsättningen bland socialsekreterare ligger på 18 procent.",
            "Av de tio i min grupp har sex sagt att de trivs.",
        ],
    );
    check_none(
        Some(IntentToQuit),
        &[
            "Av de svarande i kommunen totalt uppger 22 procent att de inte tror att de arbetar kvar om två år.",
            "Andelen socialsekreterare med fast anställning var 80 procent.",
        ],
    );
    check_none(
        Some(Caseload),
        &[
            "Målet är att snittet ska vara 15 per handläggare.",
            "Partiet vill införa ett ärendetak på 20 ärenden per socialsekreterare.",
            "Antalet invånare är 3 000 per vårdcentral.",
        ],
    );
    check_none(
        Some(Consultants),
        &[
            "Kommunen köper konsulttjänster för it-systemet, men beloppet är okänt.",
            "Antalet konsulter i byggprojektet gick från tre till fem.",
        ],
    );
}

/// What a review of the rules above wrote against them: sentences of other trades and
/// agencies, other things counted, a national figure, a case closed rather than a job left.
/// Each gave a claim with the first version of those rules.
#[test]
fn look_alikes_a_review_wrote_against_them() {
    check_none(
        None,
        &[
            "Fem av mina kollegor på lagret i Torsvik har sagt upp sig sedan i våras, säger truckföraren Anna.",
            "Tre av bolagets anställda har sagt upp sig efter flytten till Malmö.",
            "Fem av skolans anställda har sagt upp sig sedan rektorn tillträdde.",
            "Sex av Volvos anställda har slutat efter beskedet.",
            "Av bolagets 40 anställda har tolv sagt upp sig under hösten.",
            "Av de 30 på kundtjänsten har tio sagt upp sig sedan omorganisationen.",
            "I fjol avslutade handläggarna 412 ärenden, jämfört med 380 året innan.",
            "Två av bolagets anställda blev sjukskrivna efter gasläckan i fabriken.",
            "I dag har ekonomiavdelningen 22 medarbetare.",
            "Skatteverket har 10 500 anställda, varav 900 utredare.",
            "Kommunen annonserade ut 15 tjänster, varav 8 socialsekreterare, men fick få sökande.",
            "Antalet externa konsulter i digitaliseringsprojektet gick från tolv till fyra.",
            "Antalet inhyrda konsulter inom it-avdelningen minskade från 18 till 6 under året.",
            "Trafikverket köper konsulttjänster för fem miljarder kronor om året.",
            "I maj uppgick handelsunderskottet till 12 miljarder kronor.",
            "I år uppgår underskottet i statsbudgeten till 50 miljarder kronor.",
            "Restaurangen gick back 2 miljoner kronor i fjol.",
            "På fritidshemmet ansvarar personalen för 18 barn var.",
            "Just nu har utredarna på Ekobrottsmyndigheten i snitt 25 brottsutredningar var.",
            "Antalet skatteutredningar per handläggare steg till 40 under 2023.",
            "På Migrationsverket låg antalet ärenden per handläggare på 45 under året.",
            "I fritidshemmen i Kalmar var antalet barn per årsarbetare 21,4.",
            "Antalet sjukdagar låg på 9 per anställd under 2023.",
            "Antalet utbildningstimmar var 12 per medarbetare i fjol.",
            "Antalet orosanmälningar har ökat nationellt med 12 procent sedan 2019.",
            "Tidningens granskning visar att i 7 av 10 våldtäktsutredningar lades ärendet ned utan förhör.",
            "Hos Västtrafik har 40 förartjänster stått obesatta under hösten.",
            "Fyra tjänster på it-avdelningen står obesatta sedan i somras.",
            "Fem tjänster vid kommunens växel är lediga.",
            "Enligt enkäten svarar 40 procent av de unga vuxna att de inte tror att de är kvar i kommunen om tio år.",
            "Arbetslösheten i Filipstad är 8 procent och många unga säger att de inte tror att de stannar kvar.",
            "Andelen medarbetare som vill lämna synpunkter via appen var 60 procent.",
            "Andelen anställda som vill sluta röka var 15 procent i hälsoenkäten.",
            "Anmälningarna om buller har ökat kraftigt, med 40 procent, enligt miljöförvaltningen.",
            "Kostnaden för bemanning i hemtjänsten var under 2023 totalt 310 miljoner kronor.",
        ],
    );
    // Headcounts of other units, and the social workers among those who left or were sought.
    check_none(
        Some(Staffing),
        &[
            "I dag har it-enheten 14 anställda och två konsulter.",
            "Under året slutade 14 medarbetare, varav 9 socialsekreterare.",
        ],
    );
    // A count in the sentence before is what "dessa" counts, not a review paragraphs back.
    check_none(
        Some(Inspection),
        &["IVO har granskat 30 ärenden vid socialtjänsten i Mora under våren.\n\nKommunen svarar i maj.\n\nUnder året kom 20 ansökningar om färdtjänst till kommunen. I 12 av dessa utredningar beviljades ansökan."],
    );
}

/// A yardstick or a demand elsewhere in the sentence leaves the figure of social services
/// standing: the exclusions read the figure's own clause.
#[test]
fn yardsticks_beside_a_figure_leave_it_a_claim() {
    let cases: &[(&str, Kind, f64)] = &[
        ("Sjukfrånvaron bland socialsekreterarna var högst i förvaltningen och låg på 11,2 procent.", SickLeave, 11.2),
        ("Facket kräver åtgärder eftersom sjukfrånvaron bland socialsekreterarna är 14 procent.", SickLeave, 14.0),
        ("Sjukfrånvaron på barn och unga, som borde ha sjunkit efter satsningen, var 13 procent i fjol.", SickLeave, 13.0),
        ("Sjukfrånvaron bland socialsekreterarna i Gävle är 11 procent, långt över rikssnittet.", SickLeave, 11.0),
        ("Sjukfrånvaron bland socialsekreterarna i Kiruna är 14 procent, nästan dubbelt så hög som i riket som helhet.", SickLeave, 14.0),
        ("Sjukfrånvaron bland socialsekreterarna var 12 procent, att jämföra med riksgenomsnittet på 8 procent.", SickLeave, 12.0),
        ("Sjukfrånvaron bland socialsekreterarna var 12 procent, högst i hela kommunen.", SickLeave, 12.0),
        ("I enkäten svarade 30 procent av socialsekreterarna i hela kommunen att de vill byta jobb.", IntentToQuit, 30.0),
        ("Av de 30 socialsekreterarna i Sundsvall har tolv sagt upp sig, vilket är långt över riksgenomsnittet.", Resigned, 12.0),
        ("På barn och unga har handläggarna 35 ärenden var, medan rikssnittet ligger runt 25.", Caseload, 35.0),
        ("Ärendetaket till trots har socialsekreterarna i Malmö i snitt 32 ärenden var.", Caseload, 32.0),
    ];
    let missing: Vec<String> = cases
        .iter()
        .filter(|(text, kind, value)| {
            !run(text)
                .iter()
                .any(|c| c.kind == *kind && c.value == Some(*value))
        })
        .map(|(text, kind, value)| format!("{text:?}: no {kind} {value}"))
        .collect();
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    // ... and the yardstick itself is no claim.
    let national = run("Sjukfrånvaron bland socialsekreterarna var 12 procent, att jämföra med riksgenomsnittet på 8 procent.");
    assert!(
        national.iter().all(|c| c.value != Some(8.0)),
        "{national:?}"
    );
}

// --- figures that refer back (referring.rs), a year's figure beside, counts before ---------

/// Why `text` does not give exactly the wanted claims (in any order), if it does not. The
/// hedge (`approx`) is not compared.
fn mismatch_doc(text: &str, wants: &[Want]) -> Option<String> {
    let key = |k: Kind, v: Option<f64>, h: Option<f64>, of: Option<f64>, u: ClaimUnit| {
        format!("{k} {v:?}..{h:?} of {of:?} {u:?}")
    };
    let mut got: Vec<String> = run(text)
        .iter()
        .map(|c| key(c.kind, c.value, c.value_high, c.of, c.unit))
        .collect();
    let mut wanted: Vec<String> = wants
        .iter()
        .map(|w| key(w.kind, Some(w.value), w.high, w.of, w.unit))
        .collect();
    got.sort();
    wanted.sort();
    (got != wanted).then(|| format!("{text:?}\n    want {wanted:?}\n    got  {got:?}"))
}

/// Checks documents of a few sentences each, reporting every failure together.
fn check_docs(cases: &[(&str, &[Want])]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(text, wants)| mismatch_doc(text, wants))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} documents failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn figures_whose_kind_the_sentence_before_gives() {
    check_docs(&[
        // a noun for the figure, after its verb and before it, with a place or a year
        ("Mjölby har sju vakanta socialsekreterartjänster. I Motala är siffran elva.", &[want(Vacancies, 7.0, People), want(Vacancies, 11.0, People)]),
        ("Handläggarna i Hudiksvall har i snitt 38 ärenden var. I Bollnäs ligger snittet på 24.", &[want(Caseload, 38.0, CasesPerWorker), want(Caseload, 24.0, CasesPerWorker)]),
        ("Inhyrda socionomer kostade Kalmar 9,2 miljoner kronor i fjol. I Nybro landade notan på 3,1 miljoner.", &[want(Consultants, 9_200_000.0, Sek), want(Consultants, 3_100_000.0, Sek)]),
        ("Sjukfrånvaron bland socialsekreterarna i Piteå var 9,4 procent under 2023. Motsvarande siffra för 2021 var 6,1 procent.", &[want(SickLeave, 9.4, Percent), want(SickLeave, 6.1, Percent)]),
        ("I år har 14 socialsekreterare slutat i Gävle. Under hela 2022 var siffran nio.", &[want(Resigned, 14.0, People), want(Resigned, 9.0, People)]),
        // change verbs, V2 and perfect
        ("Kommunen hyrde in fem konsultsocionomer under 2021. Året därpå steg antalet till åtta.", &[want(Consultants, 5.0, People), want(Consultants, 8.0, People)]),
        ("I mars saknade socialtjänsten i Sandviken tolv socialsekreterare. I september hade siffran sjunkit till fyra.", &[want(Vacancies, 12.0, People), want(Vacancies, 4.0, People)]),
        // an average on its own, and a pronoun for people counted at another time
        ("I Örnsköldsvik har biståndshandläggarna mellan 60 och 80 ärenden var. Förvaltningen redovisar själv ett snitt på 58.", &[want(Caseload, 60.0, CasesPerWorker).high(80.0), want(Caseload, 58.0, CasesPerWorker)]),
        ("Socialtjänsten i Ljungby har i dag fyra inhyrda socialsekreterare. Vid samma tid förra året var de nio.", &[want(Consultants, 4.0, People), want(Consultants, 9.0, People)]),
        // another unit, a change after a change, a review's figure with its total
        ("Sex handläggare på mottagningsenheten i Tierp är sjukskrivna. På familjeenheten gäller det ytterligare två.", &[want(SickLeave, 6.0, People), want(SickLeave, 2.0, People)]),
        ("Orosanmälningarna i Eskilstuna ökade med 21 procent i fjol. I Strängnäs var ökningen 9 procent.", &[want(WorkloadChange, 21.0, Percent), want(WorkloadChange, 9.0, Percent)]),
        ("Ivo fann brister i 11 av 30 granskade utredningar i Mora. I Orsa var motsvarande siffra 4 av 12.", &[want(Inspection, 11.0, Cases).of(30.0), want(Inspection, 4.0, Cases).of(12.0)]),
        // the same sentence, and the next paragraph (web news prints a sentence a paragraph)
        ("I Kiruna kostade hyrsocionomerna 6,5 miljoner kronor, medan notan i Gällivare var 2,2 miljoner.", &[want(Consultants, 6_500_000.0, Sek), want(Consultants, 2_200_000.0, Sek)]),
        ("Vänersborg har tio vakanta socialsekreterartjänster.\n\nI Trollhättan är siffran sex.", &[want(Vacancies, 10.0, People), want(Vacancies, 6.0, People)]),
        // a second place in a clause without its verb
        ("I Kumla är snittet 21 ärenden per handläggare och i Hallsberg 17.", &[want(Caseload, 21.0, CasesPerWorker), want(Caseload, 17.0, CasesPerWorker)]),
        // a year's figure in parentheses, with its own year or total
        ("Socialnämndens underskott blev 8,3 miljoner kronor under 2020 (12,1 miljoner kronor 2019).", &[want(Deficit, 8_300_000.0, Sek), want(Deficit, 12_100_000.0, Sek)]),
        ("Kostnaden för inhyrda socialsekreterare i Lerum var 4,4 mnkr (fg år 6,0 mnkr).", &[want(Consultants, 4_400_000.0, Sek), want(Consultants, 6_000_000.0, Sek)]),
        ("Åtta av 25 socialsekreterare i Boden har sagt upp sig i år (tre av 24 året innan).", &[want(Resigned, 8.0, People).of(25.0), want(Resigned, 3.0, People).of(24.0)]),
        // staff or posts counted in the sentence before
        ("I augusti anställde Lidköping elva nya socialsekreterare. Fem av dem har redan sagt upp sig.", &[want(Resigned, 5.0, People).of(11.0)]),
        ("Familjeenheten i Tranås har 16 socialsekreterartjänster. Sedan i våras är fyra av dem vakanta.", &[want(Staffing, 16.0, People), want(Vacancies, 4.0, People).of(16.0)]),
        ("Enheten för barn och unga i Älmhult har nio tjänster. Tre står i dag tomma.", &[want(Staffing, 9.0, People), want(Vacancies, 3.0, People)]),
    ]);
    // Each figure keeps its own place: the second place's, and the first's though the
    // second stands nearer after it.
    let claims = run("I Lomma är snittet 19 ärenden per handläggare och i Staffanstorp 22.");
    let places: Vec<(Option<f64>, Option<&str>)> = claims
        .iter()
        .map(|c| (c.value, c.municipality.as_deref()))
        .collect();
    assert_eq!(
        places,
        [
            (Some(19.0), Some("Lomma")),
            (Some(22.0), Some("Staffanstorp"))
        ]
    );
    // The year's figure keeps its year, the figure before its own.
    let claims = run("Kostnaden för inhyrd personal sjönk till 3,9 miljoner kronor under 2020 (11,4 miljoner kronor 2019).");
    let years: Vec<i32> = claims
        .iter()
        .map(|c| c.period.expect("dated").from.year())
        .collect();
    assert_eq!(years, [2020, 2019]);
    // A figure that refers back has its referent's year, or counts from it; so does the
    // parenthesis "året innan" (published 2021 here, so "året innan" alone would be 2020).
    for (text, want) in [
        ("Under 2018 slutade 14 socialsekreterare i Gävle. Året innan var siffran nio.", [2018, 2017]),
        ("Under 2018 slutade 14 socialsekreterare i Gävle. I Sandviken var siffran sex.", [2018, 2018]),
        ("Socialnämnden i Motala redovisar ett underskott på 14,2 miljoner kronor för 2019 (8,7 miljoner kronor året innan).", [2019, 2018]),
    ] {
        let years: Vec<i32> =
            run(text).iter().map(|c| c.period.expect("dated").from.year()).collect();
        assert_eq!(years, want, "{text}");
    }
}

/// A review's look-alikes (2026-12-06): a figure after a claim that reads like it refers back
/// but is a yardstick, a target, another measure or another group. The second sentence must
/// add nothing to what the first gives alone.
#[test]
fn look_alikes_of_figures_that_refer_back() {
    let pairs: &[(&str, &str)] = &[
            ("Socialtjänsten i Gävle har i dag elva vakanta socialsekreterartjänster.", "I hela landet är siffran omkring 1 000."),
            ("Sjukfrånvaron bland socialsekreterarna i Norrtälje var 11,2 procent förra året.", "Snittet i länet ligger på 8,4 procent."),
            ("Sjukfrånvaron bland socialsekreterarna i Nacka var 10,1 procent i fjol.", "Bland jämförbara kommuner ligger snittet på 7,9 procent."),
            ("I Haninge är sjukfrånvaron bland socialsekreterarna 10,5 procent.", "I riket är siffran 7,1 procent."),
            ("Varje socialsekreterare på barn och unga i Sundsvall har i snitt 32 ärenden.", "Enligt SKR ligger medianen bland kommunerna på 22."),
            ("Socialsekreterarna i Eskilstuna har i dag mellan 35 och 40 ärenden var.", "Fackets riktmärke är ett snitt på 25 ärenden."),
            ("Varje handläggare på försörjningsstöd i Borås ansvarar för omkring 90 hushåll.", "Förvaltningen bedömer att den rimliga nivån är 60 hushåll."),
            ("Konsultkostnaderna inom socialtjänsten i Kalmar blev 14 miljoner kronor i fjol.", "Prognosen är att notan i år landar på 20 miljoner kronor."),
            ("Kommunen betalade 18 miljoner kronor för inhyrda socialsekreterare i Trollhättan i fjol.", "Den budgeterade kostnaden var 6 miljoner kronor."),
            ("Kommunen betalade 18 miljoner kronor för inhyrda socialsekreterare i Uddevalla i fjol.", "Den totala kostnaden i socialnämnden var 640 miljoner kronor."),
            ("Socialnämnden i Skövde gick med ett underskott på 33 miljoner kronor i fjol.", "Kommunstyrelsen har nu beslutat om ett extra anslag till nämnden, och beloppet är 20 miljoner kronor."),
            ("Sjukfrånvaron bland socialsekreterarna i Växjö var 12 procent i fjol.", "Andelen timanställda på enheten är ännu högre, och i år steg den till 30 procent."),
            ("Konsultkostnaderna inom IFO i Lerum blev 18 miljoner kronor förra året.", "Budgeten var från början 10 miljoner, men i juni ökade den till 14 miljoner."),
            ("Sju socialsekreterare har sagt upp sig från barnenheten i Motala sedan årsskiftet.", "Vid årsskiftet var de 25 stycken."),
            ("Fyra socialsekreterare på mottagningen i Ludvika är sjukskrivna.", "Familjerna som väntar på utredning blir allt fler; i fjol var de 60."),
            ("Nio socialsekreterare inom individ- och familjeomsorgen i Ronneby är långtidssjukskrivna.", "Inom kultur och fritid gäller det ytterligare fyra."),
            ("Fem socialsekreterare har sagt upp sig från vuxenenheten i Ale i år.", "På ekonomiavdelningen gäller det ytterligare två."),
            ("I fjol anställdes nio nyexaminerade socialsekreterare i Kungsbacka på ett traineeprogram.", "Sex av dem har gått vidare till fasta tjänster på barnenheten."),
            ("Förvaltningen i Upplands Väsby har 30 socialsekreterare och hyr dessutom in sex konsulter.", "Fyra av dem har slutat sedan i somras, eftersom avtalen inte förlängdes."),
            ("Tolv socialsekreterare i Trelleborg påbörjade i höstas en grundutbildning i barnutredningar.", "Åtta av dem har redan gått vidare till fördjupningskursen."),
            ("Familjeenhetens tio socialsekreterare i Kävlinge följde i fjol upp 12 placerade barn.", "Fyra av dem har sedan dess lämnat kommunen."),
            ("Kommunens HVB-hem för ensamkommande i Gislaved har 16 platser.", "Sex står i dag tomma."),
            ("Socialtjänsten i Hudiksvall har avtal om tolv jourhemsplatser.", "I dag är fem tomma."),
            ("Förskolan i Östra Ljungby har 60 platser.", "Tolv står tomma sedan i höstas."),
            ("Vuxenutbildningen i Katrineholm har 14 tjänster för lärare i sfi.", "Fyra är fortfarande vakanta."),
            ("Hemtjänsten i Sala har 52 tjänster.", "Sex av dem står just nu obesatta."),
            ("Tre socialsekreterare har sagt upp sig från barnenheten i Härnösand i år.", "Vid årsskiftet var siffran 17 anställda, i dag är den 14."),
            ("Tio socialsekreterare har slutat på socialtjänsten i Tranås i år.", "Snittet bland dem var 29 år."),
            ("Antalet orosanmälningar till socialtjänsten i Borås ökade med 18 procent i fjol.", "Ökningen i befolkningen var bara 2 procent."),
            ("Antalet utredningar på barn och unga i Sandviken har ökat med 25 procent sedan 2021.", "Minskningen i personalstyrkan var samtidigt 10 procent."),
            ("Antalet anmälningar om barn som far illa ökade med 30 procent i Gävle i fjol.", "Ökningen i budgeten blev 3 procent."),
            ("Konsultkostnaderna inom socialtjänsten i Huddinge uppgick till 12 miljoner kronor i fjol.", "Timpriset låg på ett snitt på 1 150 kronor."),
            ("Socialsekreterarna på utredningsenheten i Skellefteå har 30 ärenden var.", "Handläggningstiden har ett snitt på 120 dagar."),
            ("Socialnämnden i Gällivare redovisar ett underskott på 19 miljoner kronor.", "För kommunen som helhet var siffran 40 miljoner."),
            ("Sjukfrånvaron på barn- och familjeenheten i Mölndal är 13 procent.", "Bland kommunens alla anställda är siffran 6,8 procent."),
            ("Socialnämnden i Alingsås gick med ett underskott på 12 miljoner kronor i fjol.", "Till nästa år ligger siffran på 20 miljoner om inga åtgärder sätts in."),
            ("Konsultkostnaderna i Järfälla blev 9 miljoner kronor i fjol.", "För att locka fast personal har nämnden höjt ingångslönen, och nivån är nu 36 000 kronor."),
            ("Ordinarie bemanning på mottagningsenheten i Uddevalla är 12 socialsekreterare.", "Facket anser att den rimliga nivån är 15 tjänster."),
            ("Socialtjänsten i Sollentuna har i dag fem konsulter.", "Kön till utredning var 40 barn i våras, men i dag ligger den på 25."),
            ("Sjukfrånvaron bland socialsekreterarna i Kumla var 12 procent i fjol.", "Andelen utredningar som inte blev klara i tid var ännu högre, men nu har den sjunkit till 20 procent."),
            ("Socialnämnden i Mark redovisar ett underskott på 14 miljoner kronor.", "Kostnaden hos kommunstyrelsen blev samtidigt 3 miljoner lägre än budget."),
            ("Socialtjänsten i Haninge har i dag tre konsulter.", "Antalet i förvaltningen är 240 anställda."),
            ("Drygt 30 procent av socialsekreterarna i Gävle skulle vilja säga upp sig, enligt en medarbetarenkät.", "Bland kommunens övriga anställda är siffran 12 procent."),
            ("Var fjärde socialsekreterare i Halmstad vill säga upp sig inom ett år.", "I SSR:s nationella enkät är siffran 31 procent."),
            ("Socialtjänsten i Tidaholm har i dag tre konsulter.", "I kön till försörjningsstöd är antalet 40 hushåll."),
            ("Sjukfrånvaron bland socialsekreterarna i Piteå är 9 procent.", "Nämndens mål är att nivån ska vara 6 procent, och i riket ligger snittet på 7,4 procent."),
        ];
    let key = |claims: Vec<Claim>| -> Vec<String> {
        claims
            .iter()
            .map(|c| format!("{} {}", c.kind, c.figure()))
            .collect()
    };
    let failures: Vec<String> = pairs
        .iter()
        .filter_map(|(first, second)| {
            let alone = key(run(first));
            let both = key(run(&format!("{first} {second}")));
            (alone != both).then(|| {
                format!("{second:?}\n    after {first:?}\n    gave {both:?}, alone {alone:?}")
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} gave more:\n{}",
        failures.len(),
        pairs.len(),
        failures.join("\n")
    );
    check_none(
        None,
        &[
            "Enligt personalplanen saknar äldreförvaltningen i Borås 25 medarbetare inför sommaren.",
            "I dag saknar stadsbyggnadskontoret i Linköping sex handläggare.",
            "Fem anställda på kommunens IT-avdelning i Kristianstad är i dag sjukskrivna.",
        ],
    );
    // A year after publication in the parenthesis is a goal (published 2021 here).
    let claims =
        run("Sjukfrånvaron bland socialsekreterarna i Lidköping är 11,2 procent (7 procent 2024).");
    assert_eq!(key(claims), ["sick_leave 11,2 %"]);
}

/// First claims the referring sets' documents showed missing, in other words.
#[test]
fn constructions_the_referring_sets_showed() {
    check_docs(&[
        (
            "Bemanningsföretagen fakturerade förvaltningen 4,2 miljoner kronor under våren.",
            &[want(Consultants, 4_200_000.0, Sek)],
        ),
        (
            "I Nora var kostnaden för hyrsocionomer 2,6 miljoner kronor.",
            &[want(Consultants, 2_600_000.0, Sek)],
        ),
        (
            "Mottagningen har nio handläggare, varav två är inhyrda.",
            &[want(Consultants, 2.0, People)],
        ),
        (
            "Fyra socialsekreterare har lämnat försörjningsstödet sedan i våras.",
            &[want(Resigned, 4.0, People)],
        ),
    ]);
    check_none(
        None,
        &[
            "Skolan har 40 lärare, varav tre är inhyrda.",
            "Konsultbolaget fakturerade kunden 3 miljoner kronor för it-systemet.",
        ],
    );
}

/// Constructions the `voices` set (letters of alarm, safety representatives, job ads,
/// testimonies, union surveys) showed, in other words and figures.
#[test]
fn constructions_the_voices_set_showed() {
    check_docs(&[
        (
            "Just nu är fyra av tjänsterna på mottagningsenheten vakanta.",
            &[want(Vacancies, 4.0, People)],
        ),
        (
            "Tre av förvaltningens tjänster inom barn och unga står i dag obesatta.",
            &[want(Vacancies, 3.0, People)],
        ),
        (
            "Vid mätningen var 6,5 årsarbetare vakanta inom individ- och familjeomsorgen.",
            &[want(Vacancies, 6.5, People)],
        ),
        (
            "Enligt beslutet ska gruppen ha elva socialsekreterare.",
            &[want(Staffing, 11.0, People)],
        ),
        (
            "Sjukfrånvaron inom barn och familj är i dag 11,2 procent.",
            &[want(SickLeave, 11.2, Percent)],
        ),
        (
            "Två av mina 14 kollegor på utredningsenheten har sagt upp sig sedan i somras.",
            &[want(Resigned, 2.0, People).of(14.0)],
        ),
        (
            "Fyra av våra kolleger blev sjukskrivna under hösten.",
            &[want(SickLeave, 4.0, People)],
        ),
        (
            "Socialförvaltningen söker nu sex socialsekreterare till barn och familj.",
            &[want(Vacancies, 6.0, People)],
        ),
        (
            "Just nu rekryterar vi tre handläggare till försörjningsstöd.",
            &[want(Vacancies, 3.0, People)],
        ),
        (
            "Enligt enkäten vill nära 40 procent av medlemmarna på socialförvaltningen byta arbetsgivare.",
            &[want(IntentToQuit, 40.0, Percent).approx()],
        ),
        (
            "På mottagningen är sju inhyrda via ett bemanningsföretag.",
            &[want(Consultants, 7.0, People)],
        ),
        (
            "Var och en av oss har i dag 35 barn i våra utredningar.",
            &[want(Caseload, 35.0, CasesPerWorker)],
        ),
        (
            "I våras hade vi mellan 28 och 33 ärenden var.",
            &[want(Caseload, 28.0, CasesPerWorker).high(33.0)],
        ),
        (
            "Antalet nyansökningar om försörjningsstöd har ökat med 17 procent.",
            &[want(WorkloadChange, 17.0, Percent)],
        ),
        (
            "Lönerna kostade 20 miljoner kronor, och konsulterna kostade 4,1 miljoner kronor, jämfört med 2,9 miljoner kronor samma period i fjol.",
            &[
                want(Consultants, 4_100_000.0, Sek),
                want(Consultants, 2_900_000.0, Sek),
            ],
        ),
    ]);
}

/// Look-alikes a review wrote against the rules of the `voices` round (other services'
/// colleagues and units, national figures, conditions, recruiting of others, children of a
/// family, targets), and claims in those rules' constructions in other words
/// (`tests/fixtures/claims-adversarial/voices-*.txt`). When written, none of the 45 gave a
/// claim with the rules before the round, 17 did with its first rules, none after; 17 of the
/// 20 claims are found (left out: "handläggare" a unit should have, plain "barn" as cases,
/// "skulle ... vilja byta").
#[test]
fn look_alikes_of_the_voices_rules() {
    let false_claims = look_alikes_that_give_claims(include_str!(
        "../../tests/fixtures/claims-adversarial/voices-nonclaims.txt"
    ));
    assert!(false_claims.is_empty(), "{}", false_claims.join("\n"));
    let (found, all) = claims_found(include_str!(
        "../../tests/fixtures/claims-adversarial/voices-claims.txt"
    ));
    assert_eq!(all, 20);
    assert!(found >= 17, "found {found} of {all}");
}

/// Constructions the `archive` set (features, wire briefs, audits, motions and replies,
/// interim reports with tables, union reports, transcripts) showed, in other words and
/// figures.
#[test]
fn constructions_the_archive_set_showed() {
    check_docs(&[
        // posts: "som har stått tomma", a long name between total and verb, "som X inom Y"
        (
            "Vi har tre tjänster som har stått tomma sedan i mars.",
            &[want(Vacancies, 3.0, People)],
        ),
        (
            "Av 52 tjänster som biståndshandläggare inom ekonomiskt bistånd och arbetsmarknad var sju vakanta i maj.",
            &[want(Vacancies, 7.0, People).of(52.0)],
        ),
        (
            "I mars 2021 var 6 av 24 tjänster som socialsekreterare inom familjeenheten obesatta.",
            &[want(Vacancies, 6.0, People).of(24.0)],
        ),
        // a time between the verb and the figure
        (
            "Antalet vakanta handläggartjänster var vid årets slut fem.",
            &[want(Vacancies, 5.0, People)],
        ),
        (
            "Sjukfrånvaron bland handläggarna var i fjol 7,4 procent.",
            &[want(SickLeave, 7.4, Percent)],
        ),
        // headcounts: a named unit, "består i dag av", a relative clause, V2 with "omfattar"
        (
            "Familjeenheten Väster i Lund har 19 tjänster som socialsekreterare.",
            &[want(Staffing, 19.0, People)],
        ),
        (
            "Mottagningsgruppen består i dag av sex socialsekreterare och en samordnare.",
            &[want(Staffing, 6.0, People)],
        ),
        (
            "Det gäller nästan hälften av de 40 socialsekreterare som arbetar på socialkontoret.",
            &[want(Staffing, 40.0, People)],
        ),
        (
            "Efter omorganisationen omfattar familjeenheten 22 tjänster som socialsekreterare.",
            &[want(Staffing, 22.0, People)],
        ),
        // leavers: a total after the figure, union members, "lämnat vår enhet", the number
        (
            "Sedan årsskiftet har tolv socialsekreterare sagt upp sig, av totalt 45 anställda.",
            &[want(Resigned, 12.0, People).of(45.0)],
        ),
        (
            "Under våren har sju av våra medlemmar inom barn och familj slutat.",
            &[want(Resigned, 7.0, People)],
        ),
        (
            "Det senaste halvåret har fem personer lämnat vår enhet.",
            &[want(Resigned, 5.0, People)],
        ),
        (
            "Under 2019 ökade antalet handläggare som sa upp sig till 21.",
            &[want(Resigned, 21.0, People)],
        ),
        // caseloads of some, and of another place in the same sentence
        (
            "Flera handläggare har upp till 55 ärenden.",
            &[want(Caseload, 55.0, CasesPerWorker)],
        ),
        (
            "I Kalix har handläggarna 30 ärenden var, medan kollegorna i Haparanda har 22.",
            &[
                want(Caseload, 30.0, CasesPerWorker),
                want(Caseload, 22.0, CasesPerWorker),
            ],
        ),
        // the inflow, then its change
        (
            "Hittills i år har vi tagit emot 900 orosanmälningar. Det är en ökning med 12 procent jämfört med i fjol.",
            &[want(WorkloadChange, 12.0, Percent)],
        ),
        (
            "Nämnden tog emot 3 100 ansökningar om ekonomiskt bistånd, vilket är 9 procent fler än året innan.",
            &[want(WorkloadChange, 9.0, Percent)],
        ),
        // consultants: the price after the hiring, a change with years
        (
            "Sedan i våras hyr nämnden in tre socionomer via ett bemanningsföretag. Notan hittills är 1,4 miljoner kronor.",
            &[want(Consultants, 3.0, People), want(Consultants, 1_400_000.0, Sek)],
        ),
        (
            "Kostnaden för inhyrda socialsekreterare sjönk från 7,2 miljoner kronor 2019 till 3,5 miljoner kronor 2020.",
            &[
                want(Consultants, 7_200_000.0, Sek),
                want(Consultants, 3_500_000.0, Sek),
            ],
        ),
        // inspection: staff the inspectors asked, a review counted as a noun
        (
            "Arbetsmiljöverket besökte förvaltningen i maj. Inspektörerna fann att 11 av 15 intervjuade socialsekreterare saknade tid för återhämtning.",
            &[want(Inspection, 11.0, Cases).of(15.0)],
        ),
        (
            "IVO kritiserar nämnden efter en granskning av 30 barnavårdsutredningar. I 21 av dem saknades en riskbedömning.",
            &[want(Inspection, 21.0, Cases).of(30.0)],
        ),
        // intent to quit among those left
        (
            "Enligt enkäten vill en tredjedel av dem som finns kvar byta arbetsplats.",
            &[want(IntentToQuit, 33.0, Percent)],
        ),
    ]);
    // Yardsticks and prices.
    check_none(
        None,
        &[
            "En hyrsocionom kostar omkring 1 200 kronor i timmen.",
            "För kommunens medarbetare som helhet var sjukfrånvaron 6,1 procent under 2020.",
            "I riket som helhet uppger 35 procent av socialsekreterarna att de vill byta jobb, och var fjärde överväger att lämna yrket.",
            "Andelen långtidssjukfrånvaro bland socialsekreterarna är nu nära hälften av den totala sjukfrånvaron.",
        ],
    );
}

/// A table's rows are claims: a measure per row with a period per column, or a place per
/// row under a caption that names the measure; the quote is the row.
#[test]
fn table_rows_are_claims() {
    let text = "Delårsrapport för socialnämnden i Kramfors kommun.\n\n\
        Tabell 1. Personal inom IFO\n\
        Nyckeltal  Jan–apr 2024  Jan–apr 2023\n\
        Vakanta tjänster, socialsekreterare  9  4\n\
        Avslutade anställningar, socialsekreterare  7  3\n\
        Mål för sjukfrånvaro, procent  6  6\n";
    let got = periods_in(text, "2024-05-20", None);
    let spring = |y| (ymd(y, 1, 1), ymd(y, 4, 30));
    assert_eq!(
        got,
        vec![
            (Vacancies, Some(9.0), spring(2024).0, spring(2024).1),
            (Vacancies, Some(4.0), spring(2023).0, spring(2023).1),
            (Resigned, Some(7.0), spring(2024).0, spring(2024).1),
            (Resigned, Some(3.0), spring(2023).0, spring(2023).1),
        ]
    );
    let claims = run(text);
    assert_eq!(claims[0].quote, "Vakanta tjänster, socialsekreterare  9  4");
    assert_eq!(&text[claims[0].span[0]..claims[0].span[1]], claims[0].quote);
    assert_eq!(claims[0].role.as_deref(), Some("socialsekreterare"));
    let places = "Enkät bland medlemmarna.\n\nTabell 4. Andel som vill byta jobb, procent\nKiruna  41\nGällivare  38\nRiket  30\n";
    let claims = run(places);
    let got: Vec<(Kind, Option<f64>, Option<&str>)> = claims
        .iter()
        .map(|c| (c.kind, c.value, c.municipality.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (IntentToQuit, Some(41.0), Some("Kiruna")),
            (IntentToQuit, Some(38.0), Some("Gällivare")),
        ]
    );
}

/// Look-alikes a review wrote against the rules of the `archive` round (other services'
/// inflow and hiring in the sentence before, national reviews, a union's members elsewhere,
/// subsets of staff in a relative clause, forecasts and plans, prices per hour or head), and
/// claims in those rules' constructions in other words
/// (`tests/fixtures/claims-adversarial/archive-*.txt`). When written, 45 of the 50 gave a
/// claim with the round's first rules (3 with the rules before it); after narrowing, 5 do:
/// a biståndshandläggare's caseload in elderly care (a claim of social services, as this
/// project reads it, and given before the round), the country's leavers counted as "Bland
/// Sveriges 290 kommuner", a forecast ("räknar med att"), a unit of environmental
/// inspection's "handläggare" and a proposal ("Enligt förslaget"). The forecast and the
/// proposal went with the check of forecasts and denials (see `forecasts_and_denials`).
/// 23 of the 24 claims are found.
#[test]
fn look_alikes_of_the_archive_rules() {
    let false_claims = look_alikes_that_give_claims(include_str!(
        "../../tests/fixtures/claims-adversarial/archive-nonclaims.txt"
    ));
    assert!(false_claims.len() <= 3, "{}", false_claims.join("\n"));
    let (found, all) = claims_found(include_str!(
        "../../tests/fixtures/claims-adversarial/archive-claims.txt"
    ));
    assert_eq!(all, 24);
    assert!(found >= 23, "found {found} of {all}");
}

/// Figures that are forecast, planned, proposed or denied, and claims beside such words
/// (`tests/fixtures/claims-adversarial/modal-*.txt`, written blind from the spec). When
/// written, 18 of the 60 gave a claim; with the check of forecasts and denials 5 do, all
/// of money: four forecasts (a deficit or a cost of consultants "beräknas", "väntas landa
/// på", "Prognosen pekar på"), which this project takes as claims since budgets report so
/// and every development set's gold counts them, and a cap ("Vi ska inte behöva lägga mer
/// än två miljoner kronor på konsulter nästa år"). 29 of the 30 claims are found, before
/// and after.
#[test]
fn forecasts_and_denials() {
    let false_claims = look_alikes_that_give_claims(include_str!(
        "../../tests/fixtures/claims-adversarial/modal-nonclaims.txt"
    ));
    assert!(
        false_claims.len() <= 5 && false_claims.iter().all(|c| c.contains("miljoner kronor")),
        "{}",
        false_claims.join("\n")
    );
    let (found, all) = claims_found(include_str!(
        "../../tests/fixtures/claims-adversarial/modal-claims.txt"
    ));
    assert_eq!(all, 30);
    assert!(found >= 29, "found {found} of {all}");

    let got: Vec<(Kind, Option<f64>)> = run(
        "Det stämmer inte att tolv socialsekreterare har sagt upp sig i Härnösand, uppger förvaltningschefen. \
         Socialnämnden i Södertälje planerar att hyra in tre socionomkonsulter under hösten. \
         Nio socialsekreterare har slutat i Kristinehamn i år, och nämnden planerar nu att anställa konsulter.",
    )
    .iter()
    .map(|c| (c.kind, c.value))
    .collect();
    assert_eq!(got, vec![(Kind::Resigned, Some(9.0))]);
    assert_eq!(super::FROM_FOLDED, super::fold::text(" från ").as_bytes());
}

/// Constructions the `pages` set (web pages as crawled) showed, in other words and figures.
#[test]
fn constructions_the_pages_set_showed() {
    check_docs(&[
        // the total first, the past tense before the count
        (
            "Av 56 socialsekreterare i Sundsvall slutade 19 under förra året.",
            &[want(Resigned, 19.0, People).of(56.0)],
        ),
        // a restrictive word before the count
        (
            "I Kungsbacka slutade endast tre socialsekreterare under hela 2023.",
            &[want(Resigned, 3.0, People)],
        ),
        // a comparison after "sa ... upp sig"
        (
            "Under 2024 sa elva socialsekreterare i Gävle upp sig, jämfört med sju året innan.",
            &[want(Resigned, 11.0, People), want(Resigned, 7.0, People)],
        ),
        // staff who come from an agency are hired, not a headcount
        (
            "På mottagningen i Nacka arbetar i dag fyra socionomer från ett bemanningsföretag.",
            &[want(Consultants, 4.0, People)],
        ),
        // a deficit explained by hired staff is no cost of hired staff
        (
            "Socialnämnden i Kiruna har ett underskott på 7,5 miljoner kronor för 2023, där kostnaderna för inhyrd personal är störst.",
            &[want(Deficit, 7_500_000.0, Sek)],
        ),
        // services bought, and the bill
        (
            "Växjö kommun köpte konsulttjänster till socialtjänsten för 8,5 miljoner kronor under 2022.",
            &[want(Consultants, 8_500_000.0, Sek)],
        ),
        (
            "Konsultnotan för socialtjänsten i Ludvika landade på 6,4 miljoner kronor i fjol.",
            &[want(Consultants, 6_400_000.0, Sek)],
        ),
        // both ends of a change
        (
            "I Eskilstuna har förvaltningen minskat antalet inhyrda socionomer från nio till tre.",
            &[want(Consultants, 9.0, People), want(Consultants, 3.0, People)],
        ),
        (
            "I Hässleholm har antalet socialsekreterare inom barn och familj sjunkit från 28 till 19.",
            &[want(Staffing, 28.0, People), want(Staffing, 19.0, People)],
        ),
        // sick leave with the verb first
        (
            "I Skövde är just nu sex av handläggarna på försörjningsstöd sjukskrivna.",
            &[want(SickLeave, 6.0, People)],
        ),
        // caseloads: "hanterar", a compound of "ärenden", a yardstick elsewhere
        (
            "I Borås hanterar varje socialsekreterare i dag 31 ärenden.",
            &[want(Caseload, 31.0, CasesPerWorker)],
        ),
        (
            "I Mora har flera handläggare över 40 biståndsärenden var.",
            &[want(Caseload, 40.0, CasesPerWorker)],
        ),
        (
            "I Angered har en socialsekreterare i snitt 32 ärenden, jämfört med 18 i Askim-Frölunda-Högsbo.",
            &[want(Caseload, 32.0, CasesPerWorker), want(Caseload, 18.0, CasesPerWorker)],
        ),
        // inspections: workplaces inspected, cases after an adjective, a place after the cases,
        // staff named as any staff whom the inspectors asked
        (
            "Arbetsmiljöverket inspekterade åtta arbetsplatser inom socialtjänsten i Umeå och fann brister i sju av dem.",
            &[want(Inspection, 7.0, Cases).of(8.0)],
        ),
        (
            "IVO konstaterar att tidsgränsen överskreds i tolv av 30 avslutade utredningar i Piteå.",
            &[want(Inspection, 12.0, Cases).of(30.0)],
        ),
        (
            "JO fann att 9 av 15 granskade utredningar i Botkyrka saknade en riskbedömning.",
            &[want(Inspection, 9.0, Cases).of(15.0)],
        ),
        (
            "Arbetsmiljöverket besökte enheten i Lerum. Av de 26 anställda som inspektörerna intervjuade uppgav 18 att de arbetar över.",
            &[want(Inspection, 18.0, Cases).of(26.0)],
        ),
    ]);
}

/// Look-alikes a review wrote against the rules of the `pages` round, and claims in other
/// words (`claims-adversarial/pages-*.txt`).
#[test]
fn look_alikes_of_the_pages_rules() {
    let false_claims = look_alikes_that_give_claims(include_str!(
        "../../tests/fixtures/claims-adversarial/pages-nonclaims.txt"
    ));
    let (found, all) = claims_found(include_str!(
        "../../tests/fixtures/claims-adversarial/pages-claims.txt"
    ));
    eprintln!(
        "pages look-alikes: {} false of 48; claims found {found} of {all}",
        false_claims.len()
    );
    // Two caseloads of other services give claims, as they did before this round: a police
    // station's "utredare", and "per handläggare" after "Bygglovshandläggarna". Bare
    // "handläggare" and "utredare" keep a sentence that names another service, since social
    // workers' sentences name the school and the police as often ("anmälningar från skolan").
    assert!(
        false_claims.len() <= 2 && false_claims.iter().all(|c| c.contains("ärenden")),
        "{}",
        false_claims.join("\n")
    );
    assert_eq!(all, 24);
    assert_eq!(found, 24, "found {found} of {all}");
}

/// Constructions the `records` set (municipal records as PDFs) showed, in other words and
/// figures.
#[test]
fn constructions_the_records_set_showed() {
    check_docs(&[
        // what the reports are about, at length before the verb
        (
            "Antalet anmälningar om barn som far illa eller riskerar att fara illa har under året ökat med 27 procent.",
            &[want(WorkloadChange, 27.0, Percent)],
        ),
        // a part of the year between the verb and the figure
        (
            "Sjukfrånvaron bland handläggarna var under andra kvartalet 2021 8,3 procent.",
            &[want(SickLeave, 8.3, Percent)],
        ),
        // turnover of a group named at length
        (
            "Personalomsättningen bland socialsekreterarna inom myndighetsutövningen för barn och unga låg på 31 procent.",
            &[want(Resigned, 31.0, Percent)],
        ),
        // a year, then "till" and the figure of that year: no range
        (
            "Kostnaden för inhyrda socionomer uppgick 2019 till 2 750 tkr.",
            &[want(Consultants, 2_750_000.0, Sek)],
        ),
        // posts filled by hired staff
        (
            "Tre av tjänsterna är bemannade med inhyrda socialsekreterare.",
            &[want(Consultants, 3.0, People)],
        ),
        // part of those who left, in a time of its own
        (
            "Under 2022 har 21 socialsekreterare slutat, varav åtta under första halvåret.",
            &[want(Resigned, 21.0, People), want(Resigned, 8.0, People)],
        ),
        // another place's figure after the total
        (
            "I Kalmar har 9 av 30 handläggare slutat under året, medan motsvarande antal i Nybro var fyra.",
            &[want(Resigned, 9.0, People).of(30.0), want(Resigned, 4.0, People)],
        ),
        // staff interviewed in an inspection named before
        (
            "Arbetsmiljöverket har genomfört en inspektion av socialtjänsten. Av de 22 socialsekreterare som tillfrågades uppgav 15 att de inte hinner med sina ärenden.",
            &[want(Inspection, 15.0, Cases).of(22.0)],
        ),
        // an audit by "vi", the review named in the paragraph
        (
            "Vi har granskat 30 utredningar från 2021. I 11 av 30 utredningar saknades en plan för uppföljning.",
            &[want(Inspection, 11.0, Cases).of(30.0)],
        ),
    ]);
    // And not: interviews without a review, a share of the country's staff.
    for text in [
        "Facket frågade sina medlemmar i våras. Av de 40 socialsekreterare som tillfrågades uppgav 25 att de vill byta jobb.",
        "Enligt en undersökning funderar 35 procent av landets socialsekreterare på att sluta.",
    ] {
        let got = run(text);
        assert!(
            got.iter().all(|c| c.kind != Inspection && c.kind != IntentToQuit),
            "{text}: {got:?}"
        );
    }
}

/// Look-alikes a review wrote against the rules of the `records` round
/// (`tests/fixtures/claims-adversarial/records-*.txt`): tables of other services, budgets,
/// needs and forecasts under captions like the set's, and sentences like its new
/// constructions that are not claims ("varav" of hires, posts held by permanent staff, a
/// newspaper's interviews, denials after the figure); and claims in those constructions in
/// other words. With the round's first rules, 3 of the 40 sentences gave a claim and 7 of
/// the 20 claims were found; after widening and narrowing, 0 and 19. The tables: 1 of 12
/// false (a column "Förslag 2026"), 24 of 24 claims found; now 0 and 24.
#[test]
fn look_alikes_of_the_records_rules() {
    let false_claims = look_alikes_that_give_claims(include_str!(
        "../../tests/fixtures/claims-adversarial/records-nonclaims.txt"
    ));
    assert!(false_claims.is_empty(), "{}", false_claims.join("\n"));
    let (found, all) = claims_found(include_str!(
        "../../tests/fixtures/claims-adversarial/records-claims.txt"
    ));
    assert_eq!(all, 20);
    assert!(found >= 19, "found {found} of {all}");

    let false_tables: Vec<String> = table_blocks(include_str!(
        "../../tests/fixtures/claims-adversarial/records-tables-nonclaims.txt"
    ))
    .into_iter()
    .filter_map(|(table, _)| {
        let got = run(&table);
        (!got.is_empty()).then(|| format!("{table}\n=> {} {:?}", got[0].kind, got[0].value))
    })
    .collect();
    assert!(false_tables.is_empty(), "{}", false_tables.join("\n\n"));
    let tables = table_blocks(include_str!(
        "../../tests/fixtures/claims-adversarial/records-tables-claims.txt"
    ));
    assert_eq!(tables.len(), 8);
    for (table, expected) in tables {
        let got: Vec<(Kind, Option<f64>)> = run(&table).iter().map(|c| (c.kind, c.value)).collect();
        let mut want: Vec<(Kind, Option<f64>)> =
            expected.iter().map(|(k, v, _)| (*k, Some(*v))).collect();
        let mut got_sorted = got.clone();
        want.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        got_sorted.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        assert_eq!(got_sorted, want, "{table}");
    }
}

/// What the `towns` set showed the rules lacked, in other words than the set's.
/// Texts a review wrote against the period rules of the `periods` round
/// (`claims-adversarial/periods-traps.txt`: text, claim, publication date, the period it
/// must get), half of them traps: a baseline that dates its own clause ("Jämfört med 2019,
/// då 14 socialsekreterare slutade"), a survey published months after it was made, two
/// inspections, "året därpå" after two years. 12 of 40 right with c7ac1a8, 33 with the
/// round's rules; of the 7 left, 4 give no claim at all.
#[test]
fn look_alikes_of_the_period_rules() {
    let text = include_str!("../../tests/fixtures/claims-adversarial/periods-traps.txt");
    let mut wrong = Vec::new();
    let mut lines = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        lines += 1;
        let fields: Vec<&str> = line.split('\t').collect();
        let (kind, value, _) = expected_claim(fields[1]);
        let (from, to) = fields[3].split_once("..").expect("FROM..TO");
        let want = (
            NaiveDate::parse_from_str(from, "%Y-%m-%d").expect("from"),
            NaiveDate::parse_from_str(to, "%Y-%m-%d").expect("to"),
        );
        // Each text is a file of one line, whose first line is its title, as `avhopp extract`
        // reads it: "Lägesrapport bemanning per den 31 augusti 2020 – ..." names its period.
        let c = DocContext {
            published: PubDate::parse(fields[2]),
            title: Some(fields[0].to_string()),
            ..ctx()
        };
        let got: Vec<(NaiveDate, NaiveDate)> = extract(fields[0], &c)
            .into_iter()
            .filter(|c| c.kind == kind && c.value == Some(value))
            .filter_map(|c| c.period.map(|p| (p.from, p.to)))
            .collect();
        if !got.contains(&want) {
            wrong.push(format!("{line}\n    got {got:?}"));
        }
    }
    eprintln!(
        "period look-alikes: {} of {lines} right",
        lines - wrong.len()
    );
    assert!(
        wrong.len() <= 7,
        "{} of {lines} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// Phrasings the `periods` set showed, and look-alikes of them that are no claims.
#[test]
fn constructions_the_periods_set_showed() {
    check_docs(&[
        ("Under 2015 sa sju av enhetens socialsekreterare upp sig i Kiruna.", &[want(Resigned, 7.0, People)]),
        ("Mellan september och november sa 14 personer upp sig i Luleå, enligt förvaltningen.", &[want(Resigned, 14.0, People)]),
        ("Under hela förra året lämnade fyra personer enheten i Örebro.", &[want(Resigned, 4.0, People)]),
        ("Kostnaden för inhyrd personal i Sundsvall beräknas bli 5,2 miljoner kronor för helåret.", &[want(Consultants, 5_200_000.0, Sek)]),
        ("Sjukfrånvaron på enheten i Helsingborg var 14 procent i maj, mot 6 procent i januari.", &[want(SickLeave, 14.0, Percent), want(SickLeave, 6.0, Percent)]),
        ("Sjukfrånvaron inom IFO i Borlänge uppgick till 9,8 procent, en ökning från 6,7 procent året innan.", &[want(SickLeave, 9.8, Percent), want(SickLeave, 6.7, Percent)]),
        ("Sjukfrånvaron på enheten i Kiruna nådde 13 procent 2016.", &[want(SickLeave, 13.0, Percent)]),
        ("I SSR:s enkät i Göteborg uppgav 24 procent att de planerade att byta arbete.", &[want(IntentToQuit, 24.0, Percent)]),
        ("Arbetsmiljöverket inspekterade enheten i Södertälje. Av de 15 socialsekreterare som inspektörerna talade med uppgav elva att de arbetar över.", &[want(Inspection, 11.0, Cases).of(15.0)]),
        // look-alikes: people of another employer, or not leaving a job
        ("Förra året sa 30 personer upp sig på Volvo i Göteborg.", &[]),
        ("I Kiruna har 14 personer slutat röka.", &[]),
        ("Sjukfrånvaron i Borlänge var 9 procent, mot målet på 5 procent.", &[want(SickLeave, 9.0, Percent)]),
    ]);
}

#[test]
fn constructions_the_towns_set_showed() {
    check_docs(&[
        // a rate's start and end
        (
            "Sjukfrånvaron bland handläggarna sjönk från 9,1 procent 2022 till 5,4 procent 2023.",
            &[want(SickLeave, 9.1, Percent), want(SickLeave, 5.4, Percent)],
        ),
        // a second rate with "den"
        (
            "Sjukfrånvaron i Kumla var 5,5 procent i fjol, medan den inom barn och unga låg på 11 procent.",
            &[want(SickLeave, 5.5, Percent), want(SickLeave, 11.0, Percent)],
        ),
        // colleagues elsewhere, with a range and no verb of their own
        (
            "I Nora har en handläggare i snitt 24 ärenden, medan kollegerna i Lindesberg har mellan 31 och 36.",
            &[want(Caseload, 24.0, CasesPerWorker), want(Caseload, 31.0, CasesPerWorker).high(36.0)],
        ),
        // hired staff, then their cost
        (
            "Socialtjänsten har just nu fyra konsulter, och kostnaden för dem väntas landa på 5,1 miljoner kronor.",
            &[want(Consultants, 4.0, People), want(Consultants, 5_100_000.0, Sek)],
        ),
        (
            "Nämnden beslutade att ta in två socionomkonsulter, till en uppskattad kostnad av 1,4 miljoner kronor.",
            &[want(Consultants, 2.0, People), want(Consultants, 1_400_000.0, Sek)],
        ),
        // the posts, then how many of them stand empty; not any employer's posts
        (
            "Mottagningen har nio handläggartjänster, men två av dem står tomma sedan i höstas.",
            &[want(Vacancies, 2.0, People)],
        ),
        ("Företaget har 20 tjänster, och tre av dem är vakanta.", &[]),
        // posts by whom they serve or where they are; not another service's
        (
            "I Ljusdal fanns 14 tjänster för vuxna och barn i fjol.",
            &[want(Staffing, 14.0, People)],
        ),
        (
            "På barn- och familjeenheten finns totalt 31 tjänster.",
            &[want(Staffing, 31.0, People)],
        ),
        ("I hemtjänsten finns 80 tjänster.", &[]),
        // the average after the verb, no "var"; not another agency's
        (
            "Handläggarna på försörjningsstöd har i snitt 110 hushåll.",
            &[want(Caseload, 110.0, CasesPerWorker)],
        ),
        (
            "Handläggarna på Försäkringskassan har i genomsnitt 300 ärenden.",
            &[],
        ),
        // a caseload that "has lain at"
        (
            "Antalet ärenden per handläggare inom vuxenenheten har sedan årsskiftet legat på 35.",
            &[want(Caseload, 35.0, CasesPerWorker)],
        ),
        // an inflow with its change in apposition
        (
            "I våras kom det in 240 orosanmälningar till socialtjänsten, 15 procent fler än året innan.",
            &[want(WorkloadChange, 15.0, Percent)],
        ),
        // posts, of which some stand empty: no total for the vacancies
        (
            "Familjeomsorgen har 18 socialsekreterartjänster, varav tre just nu är obesatta.",
            &[want(Staffing, 18.0, People), want(Vacancies, 3.0, People)],
        ),
    ]);
}

/// Constructions the `overviews` set (documents on many municipalities at once) showed, in
/// other words and figures.
#[test]
fn constructions_the_overviews_set_showed() {
    check_docs(&[
        // a share in words beside its exact percent
        (
            "Drygt var tredje socialsekreterare i Kalix, 36 procent, uppger att de funderar på att säga upp sig.",
            &[want(IntentToQuit, 36.0, Percent)],
        ),
        // some workers, with the verb first
        (
            "Enligt Vision hade flera socialsekreterare i Vetlanda mellan 40 och 45 ärenden i våras.",
            &[want(Caseload, 40.0, CasesPerWorker).high(45.0)],
        ),
        // what hired staff cost, with the unit between
        (
            "I fjol kostade konsulterna inom socialtjänsten i Eslöv 23 miljoner kronor.",
            &[want(Consultants, 23_000_000.0, Sek)],
        ),
        (
            "Ystad betalade förra året 4,5 miljoner kronor för att hyra in socialsekreterare.",
            &[want(Consultants, 4_500_000.0, Sek)],
        ),
        // a unit that changed the number of consultants
        (
            "Socialförvaltningen i Borås har halverat antalet konsulter från tolv till sex.",
            &[want(Consultants, 12.0, People), want(Consultants, 6.0, People)],
        ),
        // a list of places, clause by clause
        (
            "I Arvika har sju socialsekreterare slutat i år, i Säffle fem och i Eda minst tre.",
            &[
                want(Resigned, 7.0, People),
                want(Resigned, 5.0, People),
                want(Resigned, 3.0, People).approx(),
            ],
        ),
        // inspected files that had run over a limit
        (
            "Revisorerna granskade handläggningen i Oskarshamn. I 11 av 25 granskade utredningar hade tidsgränsen överskridits.",
            &[want(Inspection, 11.0, Cases).of(25.0)],
        ),
    ]);
    check_none(
        None,
        &[
            // hired nurses are no social services' consultants, whatever else the sentence says
            "Region Halland lade 300 miljoner kronor på inhyrda sjuksköterskor, men regionen ansvarar inte för socialtjänsten.",
            // premises are no staff
            "Kommunen betalade tre miljoner kronor för att hyra in lokaler till socialtjänsten.",
            // a shortage in nine of ten municipalities is no inspection finding
            "Enligt Socialstyrelsens bedömning råder det brist på socionomer i nio av tio kommuner.",
            // stopping something else is no wish to quit
            "Andelen socialsekreterare som vill sluta med övertiden är 30 procent.",
            "Andelen socialsekreterare som vill sluta arbeta deltid är 12 procent.",
        ],
    );
    // the share that wants to quit, as subject or after the verb
    check_all(&[
        (
            "Andelen socialsekreterare som vill sluta är 41 procent i Sollentuna.",
            want(IntentToQuit, 41.0, Percent),
        ),
        (
            "I Täby är andelen socialsekreterare som vill sluta 28 procent.",
            want(IntentToQuit, 28.0, Percent),
        ),
        (
            "Andelen socialsekreterare i Sigtuna som vill lämna sitt jobb uppgår till 33 procent.",
            want(IntentToQuit, 33.0, Percent),
        ),
    ]);
}

/// A county, a region or several municipalities make a figure no municipality's, unless the
/// area is only what the figure is compared with; the place right after a figure is its own,
/// and a place after "jämfört med" is the yardstick's.
#[test]
fn wider_areas_and_places_beside_a_figure() {
    let mut c = ctx();
    c.municipality = crate::geo::lookup("Örebro");
    let one = |text: &str, kind: Kind, value: f64, c: &DocContext| -> Option<String> {
        let claims = extract(text, c);
        claims
            .iter()
            .find(|x| x.kind == kind && x.value == Some(value))
            .unwrap_or_else(|| panic!("no {kind} {value} in {text:?}: {claims:?}"))
            .municipality
            .clone()
    };
    for (text, kind, value, want) in [
        ("Sjukfrånvaron bland socialsekreterarna i Örebro län var 8,2 procent i fjol.", SickLeave, 8.2, None),
        ("För länet som helhet slutade 140 socialsekreterare under 2023.", Resigned, 140.0, None),
        ("Fem värmländska kommuner betalade sammanlagt 60 miljoner kronor för inhyrda socionomer.", Consultants, 60_000_000.0, None),
        ("Sjukfrånvaron bland socialsekreterarna var 4,1 procent, vilket är lägst i länet.", SickLeave, 4.1, Some("Örebro")),
        ("Sjukfrånvaron inom socialtjänsten var 5,2 procent, jämfört med 7,9 procent i Kumla.", SickLeave, 5.2, Some("Örebro")),
        ("Sjukfrånvaron inom socialtjänsten var 5,2 procent, jämfört med 7,9 procent i Kumla.", SickLeave, 7.9, Some("Kumla")),
        ("Sjukfrånvaron var 6 procent i Hallsberg och 9,1 procent i Lekeberg.", SickLeave, 9.1, Some("Lekeberg")),
        ("Socialtjänsten i Askersund har nu fyra konsulter, fler än i fjol.", Consultants, 4.0, Some("Askersund")),
    ] {
        assert_eq!(one(text, kind, value, &c).as_deref(), want, "{text}");
    }
}

/// A firm's seat and where people went are no place of a figure, nor a place listed after
/// one; a town in a place's context is its municipality.
#[test]
fn a_firm_s_seat_and_where_people_went_are_no_place_of_a_figure() {
    let mut c = ctx();
    c.municipality = crate::geo::lookup("Örebro");
    let place = |text: &str, kind: Kind, value: f64| -> Option<String> {
        let claims = extract(text, &c);
        claims
            .iter()
            .find(|x| x.kind == kind && x.value == Some(value))
            .unwrap_or_else(|| panic!("no {kind} {value} in {text:?}: {claims:?}"))
            .municipality
            .clone()
    };
    for (text, kind, value, want) in [
        ("Socialkontoret tar in två konsulter från ett bemanningsföretag i Gävle.", Consultants, 2.0, "Örebro"),
        ("Förvaltningen har ett avtal med ett konsultbolag i Bollnäs och har i dag tre inhyrda socialsekreterare.", Consultants, 3.0, "Örebro"),
        ("I fjol sa sex socialsekreterare upp sig, de flesta för att börja arbeta i Växjö.", Resigned, 6.0, "Örebro"),
        ("Sedan i höstas har tolv socialsekreterare slutat, och flera har gått till Sandviken och Hofors.", Resigned, 12.0, "Örebro"),
        ("Socialsekreterarna i Kumla pendlar från Hallsberg, och enheten saknar i dag fyra handläggare.", Vacancies, 4.0, "Kumla"),
        // The place of the figure itself.
        ("Tre socialsekreterare som arbetar i Kumla har sagt upp sig.", Resigned, 3.0, "Kumla"),
        ("Sex nyanställda har börjat arbeta i Kumla, men där saknas fortfarande tre socialsekreterare.", Vacancies, 3.0, "Kumla"),
        ("Socialkontoret i Märsta tar in två konsulter från ett bemanningsföretag i Gävle.", Consultants, 2.0, "Sigtuna"),
        ("Sedan i våras har åtta socialsekreterare i Åkersberga slutat.", Resigned, 8.0, "Österåker"),
    ] {
        assert_eq!(place(text, kind, value).as_deref(), Some(want), "{text}");
    }
}

/// The lines of a places file (`text<TAB>kind value<TAB>Municipality or none`) whose claim
/// does not get its municipality, each with the municipalities it got; and how many lines
/// there are.
fn wrong_places(places: &str) -> (Vec<String>, usize) {
    let mut wrong = Vec::new();
    let mut lines = 0;
    for line in places.lines().filter(|l| !l.trim().is_empty()) {
        lines += 1;
        let mut parts = line.split('\t');
        let (text, expected, place) = (
            parts.next().expect("a text"),
            parts.next().expect("a claim"),
            parts.next().expect("a municipality"),
        );
        let (kind, value, _) = expected_claim(expected);
        let want = (place != "none").then_some(place);
        let got: Vec<Option<String>> = run(text)
            .into_iter()
            .filter(|c| c.kind == kind && c.value == Some(value))
            .map(|c| c.municipality)
            .collect();
        if !got.iter().any(|m| m.as_deref() == want) {
            wrong.push(format!("{line}\n    got {got:?}"));
        }
    }
    (wrong, lines)
}

/// Look-alikes a review wrote against the rules of the `overviews` round, claims in other
/// words, and the municipality each of a set of sentences must give its figure
/// (`claims-adversarial/overviews-*.txt`).
#[test]
fn look_alikes_of_the_overviews_rules() {
    let false_claims = look_alikes_that_give_claims(include_str!(
        "../../tests/fixtures/claims-adversarial/overviews-nonclaims.txt"
    ));
    let (found, all) = claims_found(include_str!(
        "../../tests/fixtures/claims-adversarial/overviews-claims.txt"
    ));
    let (wrong_places, lines) = wrong_places(include_str!(
        "../../tests/fixtures/claims-adversarial/overviews-places.txt"
    ));
    eprintln!(
        "overviews look-alikes: {} false of 42; claims found {found} of {all}; places {} of {lines}",
        false_claims.len(),
        lines - wrong_places.len()
    );
    // One inflow of another kind gives a claim, as any "anmälningar" did before this round:
    // "Antalet anmälningar om fel parkering ... har ökat med 25 procent".
    assert!(
        false_claims.len() <= 1 && false_claims.iter().all(|c| c.contains("anmälningar")),
        "{}",
        false_claims.join("\n")
    );
    assert_eq!(all, 24);
    assert!(found >= 23, "found {found} of {all}");
    // Two are left: a rate of the whole country (a yardstick, never a claim), and "fler
    // socialsekreterare än i fjol, totalt elva stycken".
    assert_eq!(lines, 25);
    assert!(wrong_places.len() <= 2, "{}", wrong_places.join("\n"));
}

/// Look-alikes a review wrote against the towns of `data/localities.csv` and the places that
/// are a firm's seat or where people went (`claims-adversarial/towns-places.txt`): each line a
/// text, its claim and the municipality the claim must get.
#[test]
fn look_alikes_of_towns_and_places_elsewhere() {
    let (wrong, lines) = wrong_places(include_str!(
        "../../tests/fixtures/claims-adversarial/towns-places.txt"
    ));
    eprintln!(
        "towns look-alikes: {} right of {lines}",
        lines - wrong.len()
    );
    assert_eq!(lines, 40);
    assert!(wrong.len() <= WRONG_TOWN_PLACES, "{}", wrong.join("\n"));
}

/// Four of the forty give no claim at all, for want of a rule, not of a place: "vill 44 procent
/// byta jobb", a rate 70 bytes after its noun, "varje socialsekreterare i genomsnitt 40
/// ärenden" with no verb, "betalat 2,3 miljoner kronor till ett konsultföretag ... för inhyrda".
const WRONG_TOWN_PLACES: usize = 4;

/// A figure in the past tense with no time of its own has the calendar year the sentence
/// before in its paragraph named; a present figure, or one after a season, does not.
#[test]
fn a_past_figure_takes_the_year_of_the_sentence_before() {
    assert_eq!(
        period_of(
            "Kommunen hade under 2024 länets lägsta personalomsättning. Sjukfrånvaron bland socialsekreterarna var 4,8 procent.",
            "2025-02-11"
        ),
        Some((ymd(2024, 1, 1), ymd(2024, 12, 31)))
    );
    // The present: the publication's day.
    assert_eq!(
        period_of(
            "Kommunen hade under 2024 länets lägsta personalomsättning. Sjukfrånvaron bland socialsekreterarna är 4,8 procent.",
            "2025-02-11"
        ),
        Some((ymd(2025, 2, 11), ymd(2025, 2, 11)))
    );
    // Another paragraph's year is not this figure's.
    assert_eq!(
        period_of(
            "Kommunen hade under 2024 länets lägsta personalomsättning.\n\nSjukfrånvaron bland socialsekreterarna var 4,8 procent.",
            "2025-02-11"
        ),
        Some((ymd(2025, 2, 11), ymd(2025, 2, 11)))
    );
}

/// A table's count averaged over the report's year is of the whole year, not of its last
/// day.
#[test]
fn an_averaged_count_in_a_table_is_of_the_whole_period() {
    let c = DocContext {
        published: PubDate::parse("2020-12-01"),
        title: Some("Personalnyckeltal för socialtjänsten 2019".to_string()),
        ..ctx()
    };
    let periods = |text: &str| -> Vec<(Kind, Option<(NaiveDate, NaiveDate)>)> {
        extract(text, &c)
            .iter()
            .map(|x| (x.kind, x.period.map(|p| (p.from, p.to))))
            .collect()
    };
    let year = Some((ymd(2019, 1, 1), ymd(2019, 12, 31)));
    let last_day = Some((ymd(2019, 12, 31), ymd(2019, 12, 31)));
    let table = |caption: &str| {
        format!(
            "{caption}\nKommun – sjukfrånvaro – konsulter\nLuleå – 7,1 % – 4\nBoden – 9,8 % – 3\n"
        )
    };
    assert_eq!(
        periods(&table(
            "Tabell 1. Sjukfrånvaro och inhyrda konsulter (årsgenomsnitt)"
        )),
        vec![
            (SickLeave, year),
            (Consultants, year),
            (SickLeave, year),
            (Consultants, year)
        ]
    );
    assert_eq!(
        periods(&table("Tabell 1. Sjukfrånvaro och inhyrda konsulter")),
        vec![
            (SickLeave, year),
            (Consultants, last_day),
            (SickLeave, year),
            (Consultants, last_day)
        ]
    );
}

/// Figures said across sentences and in lists, as the `figures` set showed them: the
/// sentence before gives the kind, the time in front gives the period ("Året innan var det
/// 18" counts from the year named before, "I dag är de sex" is of today), and each item of a
/// list by years is a claim of its year.
#[test]
fn figures_across_sentences_and_in_lists_and_their_periods() {
    type Expected<'a> = &'a [(Kind, f64, &'a str, &'a str)];
    let cases: &[(&str, &str, Expected)] = &[
        (
            "31 socialsekreterare slutade i Luleå under 2021. Året innan var det 18.\n",
            "2022-01-13",
            &[(Resigned, 31.0, "2021-01-01", "2021-12-31"), (Resigned, 18.0, "2020-01-01", "2020-12-31")],
        ),
        (
            "Sjukfrånvaron i Kumla var 12 procent i fjol. Året innan låg den på 9,8 procent.\n",
            "2026-01-10",
            &[(SickLeave, 12.0, "2025-01-01", "2025-12-31"), (SickLeave, 9.8, "2024-01-01", "2024-12-31")],
        ),
        (
            "I december arbetade elva konsulter inom socialtjänsten i Eskilstuna. I dag är de sex.\n",
            "2012-02-09",
            &[(Consultants, 11.0, "2011-12-01", "2011-12-31"), (Consultants, 6.0, "2012-02-09", "2012-02-09")],
        ),
        (
            "Under 2022 har 19 socialsekreterare avslutat sin anställning i Trollhättan. Det kan jämföras med 22 under hela 2021.\n",
            "2022-11-24",
            &[(Resigned, 19.0, "2022-01-01", "2022-12-31"), (Resigned, 22.0, "2021-01-01", "2021-12-31")],
        ),
        (
            "I fjol slutade 121 socialsekreterare i Malmö. Det är fler än två år tidigare, då 97 slutade.\n",
            "2026-01-29",
            &[(Resigned, 121.0, "2025-01-01", "2025-12-31"), (Resigned, 97.0, "2023-01-01", "2023-12-31")],
        ),
        (
            "En socialsekreterare i Örebro säger att hon i dag har 34 barn att ansvara för. – I våras hade jag 20.\n",
            "2015-10-20",
            &[(Caseload, 34.0, "2015-10-20", "2015-10-20"), (Caseload, 20.0, "2015-03-01", "2015-05-31")],
        ),
        (
            "Men när samhället i Malmö öppnade igen kom anmälningarna tillbaka. Mellan 2021 och 2023 ökade de med 27 procent.\n",
            "2026-01-29",
            &[(WorkloadChange, 27.0, "2021-01-01", "2023-12-31")],
        ),
        (
            "Konsultkostnaderna i Skellefteå har ökat kraftigt. Under 2016 uppgick de till 6,1 miljoner kronor och under 2017 till 10,4 miljoner kronor.\n",
            "2018-03-01",
            &[(Consultants, 6_100_000.0, "2016-01-01", "2016-12-31"), (Consultants, 10_400_000.0, "2017-01-01", "2017-12-31")],
        ),
        (
            "Kostnaderna för inhyrda socialsekreterare i Nacka uppgick till 7,3 miljoner kronor 2019 och 4,9 miljoner kronor 2020.\n",
            "2021-03-04",
            &[(Consultants, 7_300_000.0, "2019-01-01", "2019-12-31"), (Consultants, 4_900_000.0, "2020-01-01", "2020-12-31")],
        ),
        (
            "Sjukfrånvaron bland socialsekreterarna i Kalmar var 8,4 procent i februari (februari 2023: 9,8 procent).\n",
            "2024-03-15",
            &[(SickLeave, 8.4, "2024-02-01", "2024-02-29"), (SickLeave, 9.8, "2023-02-01", "2023-02-28")],
        ),
        (
            "Enheten i Kristianstad har tappat de flesta av sina erfarna socialsekreterare. I januari i fjol var de tolv.\n",
            "2019-04-02",
            &[(Staffing, 12.0, "2018-01-01", "2018-01-31")],
        ),
        // A month compared with the same month a year before, in a leap year.
        (
            "Antalet aktualiseringar inom barn och unga i Kalmar ökade med 14 procent jämfört med februari 2023.\n",
            "2024-03-15",
            &[(WorkloadChange, 14.0, "2024-02-01", "2024-02-29")],
        ),
        // "året innan" after a figure is that figure's only.
        (
            "I Kumla slutade fyra socialsekreterare 2023, jämfört med femton året innan.\n",
            "2024-02-01",
            &[(Resigned, 4.0, "2023-01-01", "2023-12-31"), (Resigned, 15.0, "2022-01-01", "2022-12-31")],
        ),
    ];
    for (text, published, expected) in cases {
        let want: Vec<(Kind, Option<f64>, NaiveDate, NaiveDate)> = expected
            .iter()
            .map(|&(k, v, a, b)| {
                (
                    k,
                    Some(v),
                    a.parse().expect("date"),
                    b.parse().expect("date"),
                )
            })
            .collect();
        assert_eq!(periods_in(text, published, None), want, "{text}");
    }
}

/// Posts filled, headcounts and caseloads said as the `figures` set said them, and their
/// look-alikes.
#[test]
fn constructions_the_figures_set_showed() {
    check_docs(&[
        ("Av enhetens 24 tjänster inom barn och unga i Trelleborg var vid årsskiftet bara 15 tillsatta.", &[want(Staffing, 24.0, People), want(Staffing, 15.0, People)]),
        ("Per den 1 maj var 29 av enhetens 42 tjänster som socialsekreterare i Västerås tillsatta med egen personal.", &[want(Staffing, 29.0, People), want(Staffing, 42.0, People)]),
        ("Vi har 34 tjänster i dag i Järva och 31 av dem är tillsatta.", &[want(Staffing, 34.0, People), want(Staffing, 31.0, People)]),
        ("I Norrtälje är i dag alla 22 tjänster på vuxenenheten tillsatta.", &[want(Staffing, 22.0, People)]),
        ("Grundbemanningen på barn och unga i Mark är 16 socialsekreterare.", &[want(Staffing, 16.0, People)]),
        ("Barn- och ungdomsenheten i Linköping har budget för 31 årsarbetare som socialsekreterare.", &[want(Staffing, 31.0, People)]),
        ("När hon började i Kiruna hösten 2013 var de elva på barn- och ungdomsenheten.", &[want(Staffing, 11.0, People)]),
        ("Där arbetade i januari elva handläggare, enligt Piteå kommun.", &[want(Staffing, 11.0, People)]),
        ("Fem tjänster i Borlänge var vid samma tidpunkt besatta med konsulter.", &[want(Consultants, 5.0, People)]),
        ("Den genomsnittliga ärendemängden per socialsekreterare i Linköping var vid periodens slut 24 ärenden.", &[want(Caseload, 24.0, CasesPerWorker)]),
        ("Varje handläggare på Gotland ansvarar därmed för omkring 150 brukare.", &[want(Caseload, 150.0, CasesPerWorker)]),
        ("En enskild socialsekreterare på mottagningen i Haninge ansvarar i dag för 38 barn.", &[want(Caseload, 38.0, CasesPerWorker)]),
        ("Järfälla kommun har minskat antalet inhyrda socialsekreterare från 14 i augusti i fjol till 7.", &[want(Consultants, 14.0, People), want(Consultants, 7.0, People)]),
        ("Enheten för barn och unga i Järfälla har i dag 38 tjänster, och samtliga utom tre är tillsatta.", &[want(Staffing, 38.0, People), want(Vacancies, 3.0, People)]),
        // look-alikes: posts filled by consultants are no headcount; a company in a car, a
        // choir, years of age
        ("Fem av de vakanta tjänsterna i Kalmar var besatta med konsulter.", &[]),
        ("Förra sommaren var vi fem i bilen till Kiruna.", &[]),
        ("I dag är de sex år gamla, barnen i Eskilstuna.", &[]),
        ("Kören i Mark har tappat sina sångare. I januari i fjol var de tolv.", &[]),
    ]);
}

/// The `figures` set's misses, read before the `roles` set was, and the `roles` set's: a
/// second figure after posts split, a source between verb and figure, "var och en", shares
/// of a total, more who left, the staff counting themselves, units by title, a table of
/// units, teasers and a means that would.
#[test]
fn constructions_the_figures_and_roles_sets_showed() {
    check_docs(&[
        ("Enheten i Sandviken har 15 tjänster som socialsekreterare. Fyra tjänster var besatta med konsulter och två var vakanta.", &[want(Staffing, 15.0, People), want(Consultants, 4.0, People), want(Vacancies, 2.0, People)]),
        ("Enheten för barn och unga i Mora har tolv socialsekreterartjänster och tre är vakanta.", &[want(Staffing, 12.0, People), want(Vacancies, 3.0, People)]),
        ("Socialsekreterarna inom barn och unga i Trelleborg hade enligt enkäten i genomsnitt 26 ärenden var.", &[want(Caseload, 26.0, CasesPerWorker)]),
        ("Varje handläggare i Halmstad ansvarade enligt uppgift för mellan 70 och 90 ärenden.", &[want(Caseload, 70.0, CasesPerWorker).high(90.0)]),
        ("Sjukfrånvaron bland handläggarna i Halmstad var enligt nämnden 11 procent.", &[want(SickLeave, 11.0, Percent)]),
        ("Socialsekreterarna i Sandviken uppgav att var och en ansvarar för mellan 35 och 40 barn.", &[want(Caseload, 35.0, CasesPerWorker).high(40.0)]),
        ("På mottagningsenheten i Uppsala uppger handläggarna mellan 40 och 50 pågående ärenden var.", &[want(Caseload, 40.0, CasesPerWorker).high(50.0)]),
        ("Samtidigt står fem av enhetens tjänster i Piteå obesatta.", &[want(Vacancies, 5.0, People)]),
        ("Vi kräver att Haninge tillsätter de åtta vakanta tjänsterna.", &[want(Vacancies, 8.0, People)]),
        ("Under 2018 slutade nio handläggare på enheten i Norrtälje. I år har ytterligare sju sagt upp sig.", &[want(Resigned, 9.0, People), want(Resigned, 7.0, People)]),
        ("I hälften av de 20 granskade akterna i Sandviken saknas en riskbedömning, enligt IVO.", &[want(Inspection, 50.0, Percent).of(20.0)]),
        ("Av de 30 socialsekreterare som fanns på enheten i Järva har hälften slutat.", &[want(Resigned, 50.0, Percent).of(30.0)]),
        ("Revisorerna i Växjö granskade 40 ärenden. I vart fjärde av de granskade ärendena har beslut fattats för sent.", &[want(Inspection, 25.0, Percent).of(40.0)]),
        ("Förvaltningen i Helsingborg har sedan i somras tre inhyrda biståndshandläggare.", &[want(Consultants, 3.0, People)]),
        ("Vi är i dag elva behandlare och sex socialsekreterare på beroendeteamet i Gävle.", &[want(Staffing, 11.0, People), want(Staffing, 6.0, People)]),
        ("I Skellefteå har familjerätten fem familjerättssekreterare.", &[want(Staffing, 5.0, People)]),
        ("Även två av de tre 1:e socialsekreterarna i Borlänge har slutat.", &[want(Resigned, 2.0, People).of(3.0)]),
        ("I dag arbetar fem mottagningssekreterare på mottagningen i Norrköping, och två av dem är sjukskrivna.", &[want(Staffing, 5.0, People), want(SickLeave, 2.0, People)]),
        ("Bara två av familjerättens sex tjänster i Umeå är tillsatta i dag.", &[want(Staffing, 6.0, People), want(Staffing, 2.0, People)]),
        ("Biståndsenheten i Sundsvall har 28 handläggartjänster. I dag är 22 av dem tillsatta.", &[want(Staffing, 28.0, People), want(Staffing, 22.0, People)]),
        ("Tabell 2. Bemanning inom IFO:s myndighetsenheter i Luleå per den 30 september 2018\nEnhet                     Tjänster   Vakanta   Inhyrda\nMottagningen                     9         3         2\nVuxenenheten                    16         4         3\nSumma                           25         7         5", &[
            want(Staffing, 9.0, People), want(Vacancies, 3.0, People), want(Consultants, 2.0, People),
            want(Staffing, 16.0, People), want(Vacancies, 4.0, People), want(Consultants, 3.0, People),
            want(Staffing, 25.0, People), want(Vacancies, 7.0, People), want(Consultants, 5.0, People),
        ]),
        // look-alikes: a teaser, a page reference, a means that would, the signers, a
        // school's posts, foster homes, a fire station's posts
        ("Läs även: Borås – nio av tio socialsekreterare överväger att sluta", &[]),
        ("Västerås: 14 socialsekreterare har slutat på ett år – sidan 12", &[]),
        ("Med fyra nya tjänster i Södertälje skulle ärendemängden sjunka till omkring 40 hushåll per handläggare.", &[]),
        ("Vi var fem socialsekreterare i Gävle som skrev under brevet.", &[]),
        ("Skolan i Vännäs har sex lärartjänster. Två av tjänsterna är fortfarande inte tillsatta.", &[]),
        ("Familjehemmen i Kumla tar emot barn. Var och en ansvarar för två barn.", &[]),
        ("Räddningstjänsten i Ludvika har svårt att rekrytera. Samtidigt står två av stationens deltidstjänster obesatta.", &[]),
        ("Vi är lärare på Björkskolan i Kumla. Fem av oss är just nu sjukskrivna.", &[]),
        ("Under 2018 slutade nio handläggare i Norrtälje. I år har ytterligare sju elever slutat.", &[want(Resigned, 9.0, People)]),
    ]);
}

/// 48 texts a review wrote against the `roles` round's rules
/// (`claims-adversarial/roles-traps.txt`, the shape of `figures-traps.txt`), 26 of them traps
/// (teachers, nurses, the rescue service, IT consultants, the signers of a letter, a
/// building-permit unit's hired handläggare). 27 of 48 right with 10cab58 (2 traps gave a
/// claim, 3 of the 22 claims found), 46 with the round's rules: the building-permit unit's
/// "två inhyrda handläggare" still gives a claim (it did before), and "två budget- och
/// skuldrådgivare" of a municipality is not found.
#[test]
fn look_alikes_of_the_roles_rules() {
    let text = include_str!("../../tests/fixtures/claims-adversarial/roles-traps.txt");
    let wrong = wrong_look_alikes(text);
    assert_eq!(text.lines().filter(|l| !l.trim().is_empty()).count(), 48);
    assert!(
        wrong.len() <= 4,
        "{} of 48 wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// 40 texts a review wrote against the `figures` round's rules
/// (`claims-adversarial/figures-traps.txt`: text, then `none` or the claim its last sentence
/// holds), 28 of them traps in the rules' shapes with another subject (a choir, IT
/// consultants, reports of stolen bikes, a fire station's posts). 27 of 40 right with
/// 7bac1a9 (no true claim found), 32 with the round's rules: 3 traps give a claim, 5 claims
/// are not found (one of them, "Ett år tidigare var det tolv", left out for its cost).
#[test]
fn look_alikes_of_the_figures_rules() {
    let text = include_str!("../../tests/fixtures/claims-adversarial/figures-traps.txt");
    let wrong = wrong_look_alikes(text);
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    eprintln!(
        "figures look-alikes: {} of {lines} right",
        lines - wrong.len()
    );
    assert_eq!(lines, 40);
    assert!(
        wrong.len() <= 8,
        "{} of {lines} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// The lines of a look-alikes file (`TEXT<TAB>EXPECTED`: `none`, or the kind and value of
/// the claim the text's last sentence holds) whose last sentence gives otherwise.
fn wrong_look_alikes(text: &str) -> Vec<String> {
    let mut wrong = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (doc, expected) = line.split_once('\t').expect("TEXT\tEXPECTED");
        let paragraphs = text::paragraphs(doc);
        let last = text::sentences(doc, &paragraphs)
            .last()
            .expect("a sentence")
            .start;
        let got: Vec<(Kind, Option<f64>)> = extract(doc, &ctx())
            .into_iter()
            .filter(|c| c.span[0] >= last)
            .map(|c| (c.kind, c.value))
            .collect();
        let right = match expected.trim() {
            "none" => got.is_empty(),
            claim => {
                let (kind, value, _) = expected_claim(claim);
                got.contains(&(kind, Some(value)))
            }
        };
        if !right {
            wrong.push(format!("{line}\n    got {got:?}"));
        }
    }
    wrong
}

/// No rule lets many sentences down the full path that no rule then matches. A rule whose
/// prefilter condition holds only frequent words ("under", "hela", "år", "tidigare") sends
/// most sentences with a figure through sentence splitting, numerals and masking: the first
/// version of this round's figures that refer back after a time ("Under 2020 var det 18")
/// was possible in 458 of the development sets' sentences that no rule matched, and claim
/// extraction on the seeds rose by 8 %. After that round the most was 311 (the times before
/// "var det" and "hade jag", among them the months), and the rules of the rounds before
/// stayed under 170. With the `roles` set added (5 417 sentences) the same rules let
/// through 338; the `roles` round's most is "vi är i dag elva behandlare" (234).
#[test]
fn no_rule_lets_through_many_sentences_no_rule_matches() {
    let mut texts = seed_texts();
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for set in std::fs::read_dir("tests/fixtures/claims-eval").expect("claims-eval") {
        let set = set.expect("entry").path();
        if set.is_dir() {
            for f in std::fs::read_dir(&set).expect("set") {
                files.push(f.expect("entry").path());
            }
        }
    }
    files.sort();
    for f in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "txt"))
    {
        texts.push(std::fs::read_to_string(f).expect("text"));
    }
    let mut let_through = vec![0usize; RULES.len()];
    let mut sentences = 0;
    for text in &texts {
        let paragraphs = text::paragraphs(text);
        for s in text::sentences(text, &paragraphs) {
            let sentence = &text[s.start..s.end];
            sentences += 1;
            let scan = PREFILTER.scan(sentence);
            let held = PREFILTER.held(&scan, 0, sentence.len());
            let possible: Vec<usize> = PREFILTER.possible_rules(&held).collect();
            if possible.is_empty() {
                continue;
            }
            let masked = mask(sentence, &numerals::scan(sentence));
            if !RULES.iter().any(|r| r.re().is_match(masked.as_bytes())) {
                for i in possible {
                    let_through[i] += 1;
                }
            }
        }
    }
    assert!(sentences > 4_000, "only {sentences} sentences");
    let mut most: Vec<(usize, &str)> = (0..RULES.len())
        .map(|i| (let_through[i], RULES[i].name))
        .collect();
    most.sort_unstable_by(|a, b| b.cmp(a));
    eprintln!(
        "{sentences} sentences; let through the most: {:?}",
        &most[..5]
    );
    // A share, not a count, as the sets grow: 7 % (340 of the 4 900 sentences there were when
    // the first rules of figures at another time let 458 through).
    let worst: Vec<String> = (0..RULES.len())
        .filter(|&i| let_through[i] * 100 > sentences * 7)
        .map(|i| format!("{} ({})", RULES[i].name, let_through[i]))
        .collect();
    assert!(
        worst.is_empty(),
        "rules possible in many sentences no rule matches: {worst:?}"
    );
}
