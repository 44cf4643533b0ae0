//! Claims: concrete, checkable statements about staffing in a municipality's social
//! services, found sentence by sentence with Swedish patterns (see `spec/claims.md` in the
//! README for the record).
//!
//! How a document is read:
//! 1. the text is cut into paragraphs and sentences ([`text`]);
//! 2. each sentence's quantities are found ([`numerals`]) and replaced by markers, giving a
//!    lower-case *masked* sentence the patterns run over (`vocab.rs` explains the markers);
//! 3. only the patterns whose words the sentence holds run (`prefilter.rs`: the words of the
//!    whole document are found in one pass first, and sentences without a pattern's words
//!    skip steps 2 and 3); text the prefilter cannot read goes through one
//!    [`regex::bytes::RegexSet`] pass instead;
//! 4. each match becomes a claim with its municipality (sentence, then paragraph, then
//!    document) and period (the nearest time expression, else the publication date);
//! 5. repeats of one figure in a document (headline, lead, body, a question that quotes it)
//!    merge into one claim.
//!
//! The patterns live in one file per family: `staff.rs` (resigned, intent_to_quit,
//! vacancies, staffing, sick_leave), `caseload.rs` (caseload, workload_change),
//! `oversight.rs` (inspection) and `money.rs` (deficit, consultants); `referring.rs` holds
//! the figures whose kind the sentence before gave ("I Borlänge är siffran tio"), and
//! `table.rs` the rows of tables ("Vakanta tjänster, socialsekreterare  14  6").

mod caseload;
mod fold;
mod money;
pub mod numerals;
mod oversight;
mod prefilter;
mod referring;
mod staff;
mod table;
pub mod text;
pub mod time;
mod vocab;

use crate::dates::PubDate;
use crate::geo::{self, Mention, Municipality};
use numerals::{Quantity, Unit};
use regex::bytes::{Captures, RegexSet};
use regex::Regex;
use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::sync::{LazyLock, OnceLock};
pub use time::Period;

/// The kinds of claim, as named in the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Resigned,
    IntentToQuit,
    Caseload,
    Vacancies,
    Staffing,
    Consultants,
    Inspection,
    Deficit,
    WorkloadChange,
    SickLeave,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
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

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Resigned => "resigned",
            Kind::IntentToQuit => "intent_to_quit",
            Kind::Caseload => "caseload",
            Kind::Vacancies => "vacancies",
            Kind::Staffing => "staffing",
            Kind::Consultants => "consultants",
            Kind::Inspection => "inspection",
            Kind::Deficit => "deficit",
            Kind::WorkloadChange => "workload_change",
            Kind::SickLeave => "sick_leave",
        }
    }

    /// Parses a kind name; a clear error lists the known ones.
    pub fn parse(s: &str) -> Result<Kind, String> {
        let wanted = s.trim().to_lowercase().replace('-', "_");
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| {
                let known: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                format!(
                    "unknown claim kind '{s}'; known kinds: {}",
                    known.join(", ")
                )
            })
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a claim's figures count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimUnit {
    People,
    Percent,
    CasesPerWorker,
    Cases,
    Sek,
}

/// One claim, exactly the record of the spec.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub doc: String,
    pub kind: Kind,
    #[serde(serialize_with = "number")]
    pub value: Option<f64>,
    #[serde(serialize_with = "number")]
    pub value_high: Option<f64>,
    #[serde(serialize_with = "number")]
    pub of: Option<f64>,
    pub unit: ClaimUnit,
    pub approx: bool,
    pub role: Option<String>,
    pub body: Option<String>,
    pub municipality: Option<String>,
    pub municipality_code: Option<String>,
    pub period: Option<Period>,
    pub quote: String,
    pub span: [usize; 2],
}

/// Whole numbers print as integers ("10", not "10.0"), as in the spec's example.
fn number<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) if x.fract() == 0.0 && x.abs() < 9e15 => s.serialize_i64(*x as i64),
        Some(x) => s.serialize_f64(*x),
        None => s.serialize_none(),
    }
}

/// A number for people to read: "33 000 000", "12,5".
pub fn format_number(x: f64) -> String {
    if x.fract() != 0.0 {
        return format!("{x:.1}").replace('.', ",");
    }
    let digits = format!("{}", x.abs() as i64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 && digits.len() > 4 {
            out.push(' ');
        }
        out.push(c);
    }
    if x < 0.0 {
        format!("-{out}")
    } else {
        out
    }
}

impl Claim {
    /// The figure as a reader says it: "10 of 30", "40–45 cases/worker", "~30 %".
    pub fn figure(&self) -> String {
        let Some(v) = self.value else {
            return "finding".to_string();
        };
        let mut s = String::new();
        if self.approx {
            s.push('~');
        }
        s.push_str(&format_number(v));
        if let Some(h) = self.value_high {
            s.push('–');
            s.push_str(&format_number(h));
        }
        if let Some(of) = self.of {
            s.push_str(" of ");
            s.push_str(&format_number(of));
        }
        s.push_str(match self.unit {
            ClaimUnit::People => "",
            ClaimUnit::Percent => " %",
            ClaimUnit::CasesPerWorker => " cases/worker",
            ClaimUnit::Cases => " cases",
            ClaimUnit::Sek => " kr",
        });
        s
    }
}

/// What the extractor knows of a document besides its text.
#[derive(Debug, Clone, Default)]
pub struct DocContext {
    /// The document as it is named in the records (`doc`).
    pub doc: String,
    pub published: Option<PubDate>,
    /// The municipality the document is about when its text does not say (a local paper's
    /// area, a municipality's own site). Used only when sentence and paragraph name none.
    pub municipality: Option<&'static Municipality>,
    /// The document's title: a report's ("Årsredovisning 2019") names the period its
    /// figures are of.
    pub title: Option<String>,
}

/// Adjusts a claim's value from a pattern's own words ("minskat", "fördubblats").
type Adjust = fn(&Captures, &mut Option<f64>);

/// One named pattern of a kind.
pub(crate) struct Rule {
    pub kind: Kind,
    pub name: &'static str,
    /// The regex over the masked sentence: the plain pattern folded ([`fold::pattern`]).
    pattern: String,
    /// Compiled when a sentence first needs it, on the thread that needs it: compiling every
    /// rule up front was a third of the one-time set-up, run on one thread while the others
    /// waited for it (a sixth of the time of a build of 10 000 texts).
    compiled: OnceLock<Compiled>,
    /// The pattern in plain Swedish (tokens expanded, not folded): what the prefilter reads
    /// its words from.
    pub plain: String,
    adjust: Vec<Adjust>,
    /// A finding without a figure ("Ivo konstaterade brister").
    no_value: bool,
    /// The total is stated before the sentence: "IVO har granskat 40 utredningar. I 26 av
    /// dem ..." (see [`oversight::sample_before`]).
    total_before: bool,
    /// What a pronoun subject stands for: the rule holds only when the sentence before, in
    /// the same paragraph, matches ("kommunen har anlitat sex konsulter. De kostade ...").
    antecedent: Option<&'static str>,
    /// The posts or staff the figure is part of were named before the sentence ("Två av
    /// tjänsterna är vakanta"): the rule holds only when the sentence before is not about
    /// another service ("Skolan har sex lärartjänster.").
    scope_before: bool,
    /// The figure takes its kind from the sentence before, one of these: the rule holds only
    /// when that sentence gave a claim of such a kind for the same unit (see [`referring`]).
    /// `kind` is then only the first of them. Empty for every other rule.
    refers_back: &'static [Kind],
}

impl Rule {
    fn new(kind: Kind, name: &'static str, pattern: &str) -> Rule {
        let plain = vocab::expand_plain(pattern);
        Rule {
            kind,
            name,
            pattern: fold::pattern(&plain),
            compiled: OnceLock::new(),
            plain,
            adjust: Vec::new(),
            no_value: false,
            total_before: false,
            antecedent: None,
            scope_before: false,
            refers_back: &[],
        }
    }

    /// The rule's regex (every rule's compiles: a test compiles them all).
    #[cfg(test)]
    pub fn re(&self) -> &regex::bytes::Regex {
        &self.compiled().re
    }

    fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| {
            let re = ascii_regex(&self.pattern)
                .unwrap_or_else(|e| panic!("claim pattern {:?}: {e}", self.plain));
            let group = |name: &str| re.capture_names().position(|n| n == Some(name));
            Compiled {
                v: group("v"),
                of: group("of"),
                role: group("role"),
                body: group("body"),
                antecedent: self.antecedent.map(|a| {
                    regex::Regex::new(&format!("(?i){a}"))
                        .unwrap_or_else(|e| panic!("antecedent {a:?}: {e}"))
                }),
                re,
            }
        })
    }

    fn with_adjust(mut self, f: Adjust) -> Rule {
        self.adjust.push(f);
        self
    }

    fn without_value(mut self) -> Rule {
        self.no_value = true;
        self
    }

    fn with_total_before(mut self) -> Rule {
        self.total_before = true;
        self
    }

    fn with_scope_before(mut self) -> Rule {
        self.scope_before = true;
        self
    }

    /// `pattern`: a case-insensitive regex over the sentence before, unmasked.
    fn with_antecedent(mut self, pattern: &'static str) -> Rule {
        self.antecedent = Some(pattern);
        self
    }

    fn referring_back(mut self, kinds: &'static [Kind]) -> Rule {
        self.refers_back = kinds;
        self
    }
}

/// A rule's regex and the numbers of the groups every claim reads. `Captures::name` hashes
/// the name at each call; by number a group is one index.
struct Compiled {
    re: regex::bytes::Regex,
    v: Option<usize>,
    of: Option<usize>,
    role: Option<usize>,
    body: Option<usize>,
    antecedent: Option<regex::Regex>,
}

/// The group numbered `i` of `caps`, if the rule has it and it took part in the match.
fn group<'h>(caps: &Captures<'h>, i: Option<usize>) -> Option<regex::bytes::Match<'h>> {
    caps.get(i?)
}

/// The text of group `i` of `caps`, if the rule has it and it took part in the match. The
/// groups read (markers, staff words, names of bodies) are ASCII in the masked sentence,
/// whose Swedish letters are folded, so always text; were one not, it would be as absent.
fn group_text<'h>(caps: &Captures<'h>, i: Option<usize>) -> Option<&'h str> {
    std::str::from_utf8(group(caps, i)?.as_bytes()).ok()
}

/// A rule's regex, without Unicode: over the masked sentence, where Swedish letters are
/// folded to ASCII, a Unicode class (`.`, `[^ #]`) compiles to an automaton for every UTF-8
/// sequence, which the set-up builds and each capture search pays for; without Unicode a
/// class is one byte range. A character outside ASCII in the text is then several bytes, each
/// matched by `.` or `[^ #]` as the one character was. So a bounded span (`.{0,80}`,
/// `[^#]{0,50}`) counts bytes: å, ä, ö, é counted two already (folded to two letters), and
/// other characters outside ASCII now count their UTF-8 length (an en dash three).
fn ascii_regex(pattern: &str) -> Result<regex::bytes::Regex, regex::Error> {
    regex::bytes::RegexBuilder::new(pattern)
        .unicode(false)
        .build()
}

/// Every rule, in order (cheap: their regexes compile on first use, see [`Rule::compiled`]).
static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let mut rules = staff::rules();
    rules.extend(caseload::rules());
    rules.extend(oversight::rules());
    rules.extend(money::rules());
    // Last: a figure is read here only when no rule above read it (see `extract_with`).
    rules.extend(referring::rules());
    rules
});

/// Which rules can match a sentence, for text the prefilter does not read (see
/// [`extract_with`]): built the first time such a text comes.
struct RuleSets {
    set: RegexSet,
    /// The rules that need no quantity marker ("Ivo konstaterade brister", "fördubblats"),
    /// as indexes into [`RULES`], and their own set: most sentences hold no figure, and for
    /// them only these few can match.
    unmarked: Vec<usize>,
    unmarked_set: RegexSet,
}

/// A rule needs a figure when its pattern holds a marker token (`<V>`, `<OF>`, `<N>`...).
fn needs_marker(rule: &Rule) -> bool {
    rule.pattern.contains("#(?P<") || rule.pattern.contains(r"#n\d")
}

/// Per rule, [`needs_marker`].
static NEEDS_MARKER: LazyLock<Vec<bool>> =
    LazyLock::new(|| RULES.iter().map(needs_marker).collect());

static RULE_SETS: LazyLock<RuleSets> = LazyLock::new(|| {
    let rules = &*RULES;
    // The set only says which rules can match; each rule then runs exactly. Bounded
    // repetitions ("up to 80 bytes") blow up the set's lazy DFA into the slow NFA
    // engine, so the set gets them unbounded: a superset, so no match is lost.
    let build = |patterns: Vec<String>| {
        regex::bytes::RegexSetBuilder::new(patterns)
            .unicode(false)
            .dfa_size_limit(64 << 20)
            .build()
            .expect("rule set")
    };
    let set = build(rules.iter().map(|r| loosen(&r.pattern)).collect());
    let unmarked: Vec<usize> = (0..rules.len())
        .filter(|&i| !needs_marker(&rules[i]))
        .collect();
    let unmarked_set = build(
        unmarked
            .iter()
            .map(|&i| loosen(&rules[i].pattern))
            .collect(),
    );
    RuleSets {
        set,
        unmarked,
        unmarked_set,
    }
});

/// Builds what claim extraction builds once (the prefilter's automaton, the numeral
/// patterns, the time patterns' set; a family's own pattern compiles when a sentence first
/// holds it, see `time::find`) ahead of the first document. An ingest calls it on a thread of
/// its own while its analysis threads start: each part is built by whichever thread needs it
/// first while the others wait, so the parts this thread builds are parts the others did not
/// have to build one after another (the set-up was half a billion instructions on one
/// thread). Calling it again, or from several threads, does nothing more.
pub fn prepare() {
    LazyLock::force(&NEEDS_MARKER);
    let _ = numerals::scan("tio av 30");
    let _ = time::find("under 2024", None);
    LazyLock::force(&PREFILTER);
}

/// The literal prefilter over the rules' words (see [`prefilter`]).
static PREFILTER: LazyLock<prefilter::Prefilter> =
    LazyLock::new(|| prefilter::Prefilter::new(RULES.iter().map(|r| r.plain.as_str())));

/// `{0,80}` -> `{0,}`: the same pattern without upper bounds on repetitions.
fn loosen(pattern: &str) -> String {
    static BOUNDED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\{(\d+),\d+\}").expect("bounded"));
    BOUNDED.replace_all(pattern, "{$1,}").into_owned()
}

/// The names of all patterns, per kind (for documentation and tests).
pub fn pattern_names() -> Vec<(Kind, &'static str)> {
    RULES.iter().map(|r| (r.kind, r.name)).collect()
}

/// The sentence in lower case, white space collapsed, quantities replaced by markers, and
/// Swedish letters folded to ASCII (see [`fold`]) so the patterns run on fast DFAs.
fn mask(sentence: &str, quantities: &[Quantity]) -> String {
    let mut out = String::with_capacity(sentence.len() + 8);
    let push_text = |out: &mut String, s: &str| {
        let mut space = out.ends_with(' ');
        for c in s.chars() {
            if c.is_whitespace() {
                if !space {
                    out.push(' ');
                    space = true;
                }
            } else if c.is_ascii() {
                // Most letters: no table lookup, and nothing to fold.
                out.push(c.to_ascii_lowercase());
                space = false;
            } else {
                for lower in c.to_lowercase() {
                    fold::push(out, lower);
                }
                space = false;
            }
        }
    };
    let mut pos = 0;
    for (i, q) in quantities.iter().enumerate() {
        push_text(&mut out, &sentence[pos..q.start]);
        let tag = match q.unit {
            Unit::Count => 'n',
            Unit::Percent => 'p',
            Unit::Sek => 'k',
        };
        out.push('#');
        out.push(tag);
        out.push_str(&i.to_string());
        out.push('#');
        pos = q.end;
    }
    push_text(&mut out, &sentence[pos..]);
    out
}

fn marker_index(m: &str) -> Option<usize> {
    m.get(1..)?.parse().ok()
}

/// The quantity a change starting at marker `start` ends with: "från #p0# till #p1#" (or
/// "från i snitt #n0# till #n1#", "från #k0# 2013 till #k1#") gives 1. `start` is the marker's group inside `#...#`.
fn change_end(masked: &str, start: regex::bytes::Match) -> Option<usize> {
    let before = masked.get(..start.start().checked_sub(1)?)?;
    let after = masked.get(start.end() + 1..)?;
    // A year may follow the first figure: "från 4,3 miljoner kronor 2013 till 1,9 miljoner".
    let year = after
        .as_bytes()
        .get(..6)
        .is_some_and(|b| b[0] == b' ' && b[1..5].iter().all(u8::is_ascii_digit) && b[5] == b' ');
    let after = if year { &after[5..] } else { after }.strip_prefix(" till #")?;
    let marker = &after[..after.find('#')?];
    (before.ends_with("frqan ")
        || before.ends_with("frqan i snitt ")
        || before.ends_with("frqan i genomsnitt "))
    .then(|| marker_index(marker))?
}

/// A figure of another year in parentheses right after a figure (and its own year): " (11,4
/// miljoner kronor 2023)", " under 2024 (7,2 procent året innan)", " (2023: 14)". The year or "året innan" must be
/// there: "(cirka 4 miljoner)" says the same figure again. Or the same period a year before,
/// compared: ", att jämföra med 4,2 miljoner kronor samma period föregående år".
static YEAR_BESIDE: LazyLock<Regex> = LazyLock::new(|| {
    let month = format!("(?:{})", crate::dates::MONTHS);
    let when = format!(
        r"(?:(?:år )?\d{{4}}|{month} \d{{4}}|i fjol|året innan|året före|föregående år|förra året|fjolåret|fg\.? år|ett år tidigare|för ett år sedan)"
    );
    // The figure, and its total: "(fyra av 28 året innan)".
    const FIGURE: &str = r"#[npk](\d+)#(?: av #n(\d+)#)?";
    // Without parentheses, a comparison with the same period a year before or another
    // year: ", att jämföra med 4,2 miljoner kronor samma period föregående år", ", att
    // jämföra med nio ett år tidigare".
    const SAME_PERIOD: &str =
        r"(?:under )?(?:samma|motsvarande) period (?:föregående år|i fjol|förra året|året innan)";
    // Or a list by years: "7,3 miljoner kronor 2019 och 4,9 miljoner kronor 2020", "under
    // 2016 till 6,1 miljoner kronor och under 2017 till 10,4 miljoner kronor", "var antalet
    // 13, och året innan nio".
    const YEAR: &str =
        r"(?:(?:under |för |i |år )?(?:hela )?\d{4}|året innan|året före|i fjol|förra året)";
    const LIST_END: &str = r"(?:$|[.;:!?]|,| och\b| men\b)";
    Regex::new(&fold::pattern(&format!(
        r"^(?: (?:(?:under|för|i|år) (?:år )?)?\d{{4}}| i fjol| i år| förra året| i {month}(?: \d{{4}})?)?(?: \((?:{when}:? {FIGURE}|(?:jämfört med |mot )?{FIGURE} {when})\)|,? (?:jämfört med|att jämföra med|jämfört mot) {FIGURE} (?:{SAME_PERIOD}|{when})|,? och {YEAR} (?:till |var |på )?{FIGURE}{LIST_END}|,? och {FIGURE} {YEAR}{LIST_END})"
    )))
    .expect("year beside")
});

/// The figure of another place in a clause without its verb, after a figure and what it
/// counts: " och i Staffanstorp 22", " ärenden per handläggare och i Hallsberg 17", ", medan
/// det på vuxenenheten är 32", ", medan kollegorna i Trelleborg har omkring 15 var", ", medan kollegerna i
/// Kinna har mellan 30 och 35", ",
/// medan den i Uppsala låg på 7,5 procent", or with the place after: " i Kumla och 6,2
/// procent i Hallsberg". Not a yardstick: " och i riket 21".
static PLACE_BESIDE: LazyLock<Regex> = LazyLock::new(|| {
    const AT: &str = r"(?:i|på|hos|inom|för|bland)";
    // The figure's own words may follow it: "har omkring 22 var".
    const END: &str =
        r"(?: (?:var|vardera|per person|i snitt|i genomsnitt))?(?:$|[.,;:!?]| (?:och|men|medan)\b)";
    Regex::new(&fold::pattern(&format!(
        r"^(?:(?: [^#,]{{1,80}}?)?(?:,(?: och| medan| men)?| och| medan| men) (?:det |den |kolleg(?:orna|erna) |socialsekreterarna |handläggarna |de |dom |motsvarande (?:antal|siffra|andel) )?{AT} (?P<p1>[^#,]{{1,30}}?) (?:(?:är|var|har|hade|låg på|ligger på|landade på|hamnade på|uppgick till|uppgår till) (?:det |den |snittet |siffran |i snitt |i genomsnitt )?)?#[npk](\d+)#{END}| {AT} [^#,]{{1,30}}?(?:,| och| medan| men) #[npk](\d+)# {AT} (?P<p2>[^#,]{{1,30}}?){END})"
    )))
    .expect("place beside")
});

/// Places that are yardsticks, not another municipality's figure.
static YARDSTICK_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(
        r"\b(?:riket|landet|sverige|länet|regionen|hela kommunen|kommunen som helhet|snitt|genomsnitt|målet|budget)",
    ))
    .expect("yardstick places")
});

/// The count the last match of `re` in `before` captures as `of` ("har granskat 40
/// utredningar", "nio nya socialsekreterare"), and whether it is the last count there.
fn count_named_before(before: &str, re: &regex::bytes::Regex) -> Option<(f64, bool)> {
    let quantities = numerals::scan(before);
    if quantities.is_empty() {
        return None;
    }
    let masked = mask(before, &quantities);
    let caps = re.captures_iter(masked.as_bytes()).last()?;
    let marker = std::str::from_utf8(caps.name("of")?.as_bytes()).ok()?;
    let i = marker_index(marker)?;
    let q = quantities.get(i).filter(|q| q.unit == Unit::Count)?;
    let last = quantities.iter().rposition(|q| q.unit == Unit::Count) == Some(i);
    Some((q.value, last))
}

/// The quantity [`PLACE_BESIDE`] finds after a figure whose marker group (inside `#...#`)
/// ends at `end`.
fn place_beside(masked: &str, end: usize) -> Option<usize> {
    let after = masked.get(end + 1..)?;
    let caps = PLACE_BESIDE.captures(after)?;
    let place = caps.name("p1").or_else(|| caps.name("p2"))?.as_str();
    if YARDSTICK_PLACE.is_match(place) {
        return None;
    }
    caps.get(2).or_else(|| caps.get(3))?.as_str().parse().ok()
}

/// The quantity [`YEAR_BESIDE`] finds (and its total) after `end`: the end of a figure's marker
/// group inside `#...#`, so one byte before the text that follows.
fn year_beside(masked: &str, end: usize) -> Option<(usize, Option<usize>)> {
    let after = masked.get(end + 1..)?;
    let caps = YEAR_BESIDE.captures(after)?;
    let index = |i: usize| caps.get(i).and_then(|m| m.as_str().parse().ok());
    // Each alternative's figure and total are a pair of groups: the first pair that took
    // part.
    let figure = (1..caps.len())
        .step_by(2)
        .find(|&i| caps.get(i).is_some())?;
    Some((index(figure)?, index(figure + 1)))
}

/// A count, then "av" right before this count: "tre av 19 tjänster" makes 19 a total. (For
/// posts, where "av de 5 vakanser som fanns har 3 tillsatts" names the figure.)
static COUNT_OF_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(
        r"#n\d+# av (?:de |dessa |totalt |mina |våra |[a-zåäö]+s )?$",
    ))
    .expect("count of before")
});

/// A price per hour, day or head right after an amount: " i timmen", " per konsult". (Not
/// " i månaden": "lagt 600 000 kronor i månaden på inhyrda socionomer" is what the hiring
/// costs.)
static PRICE_AFTER: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    ascii_regex(&fold::pattern(
        r"^(?: (?:i|per|om) (?:arbetad |debiterad )?(?:timmen|timme|dagen|dag|dygn|konsult|person)\b| (?:i|per) månad(?:en)? för (?:var och en|varje)\b)",
    ))
    .expect("price after")
});

/// A comparison right after a figure: " lägre än", " högre", " fler".
static COMPARED_AFTER: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    ascii_regex(&fold::pattern(
        r"^ (?:lägre|högre|mer|mindre|fler|färre|större|mindre)\b",
    ))
    .expect("compared after")
});

/// A total after a figure of leavers and what it says ([`Kind::Resigned`]), set off by a
/// comma or "totalt": ", av totalt #n1# tjänster", ", och det är av #n1#". (Not "på grund av
/// #n1# ärenden": that "av" is no total's.)
static TOTAL_AFTER: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    let plain = vocab::expand_plain(
        r"^[^#]{0,60}?(?:,(?: och)?(?: det är)? av(?: totalt| sammanlagt| de)?| av (?:totalt|sammanlagt)) #(n\d+)#(?: (?:<STAFF_>|[a-zåäö]*tjänster|anställda|personer)\b|[.,;:!?]|$)",
    );
    ascii_regex(&fold::pattern(&plain)).expect("total after")
});

/// "av 30" or "av de 30" right before a count makes it a total, not the figure.
static TOTAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(
        r"\bav (?:de |dessa |totalt |mina |våra |[a-zåäö]+s )?$",
    ))
    .expect("total before")
});

/// ... unless "av" belongs to a verb of composition: "enheten består av 14 handläggare",
/// "ett team bestående av sju", "gruppen utgörs av fem" name the figure, not a total.
static MADE_OF_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(r"\b(?:består|bestod|bestått|bestå|bestående|utgörs|utgjordes|utgöras|utgjorts) (?:i dag |idag |nu |totalt )?av (?:de |dessa |totalt |[a-zåäö]+s )?$"))
        .expect("made of before")
});

/// Words that put a figure at the time the text speaks from ("I dag är de sex"), in the masked
/// sentence.
static SAID_OF_NOW: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    ascii_regex(&fold::pattern(
        r"\b(?:i dag|idag|nu|numera|just nu|i nuläget)\b",
    ))
    .expect("now")
});

/// [`vocab::NOT_DONE`] as it reads in a masked (folded) sentence, all found in one pass.
static NOT_DONE_FOLDED: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(vocab::NOT_DONE.iter().map(|w| fold::text(w)))
        .expect("not-done words")
});

/// A sentence that opens with a condition.
/// A verb in the past tense, of a figure that was: "var", "hade", "slutade". Over the masked
/// sentence, folded: a Unicode `\b` over the raw text ran on the regex crate's PikeVM, a
/// third of the claim bench's instructions.
static PAST_TENSE: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    ascii_regex(&fold::pattern(
        r"\b(?:var|hade|blev|låg|slutade|lämnade|sa|sade|uppgick|kostade|ökade|minskade|steg|sjönk|betalade|landade|hamnade|gick)\b",
    ))
    .expect("past tense")
});

static HYPOTHETICAL: LazyLock<Regex> =
    // and a means that would: "Med fyra nya tjänster skulle ärendemängden sjunka till 40"
    LazyLock::new(|| {
        Regex::new(r"^(?:Om|Ifall|Skulle|Blir det) |^Med [^,.]{1,60}? skulle ")
            .expect("hypothetical")
    });

/// A comparison after a figure, whose time is the compared figure's (see its use).
static COMPARISON_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    // (No `\b`: a Unicode word boundary sends a regex over non-ASCII text to the slow
    // engine, which nearly doubled the seeds' claim extraction.)
    Regex::new(r"(?i)(?:jämfört med|att jämföra med|i jämförelse med) ").expect("comparison")
});

/// A teaser of another article, which repeats that article's figure: "Läs även: Borås – nio
/// av tio socialsekreterare överväger att sluta", "Västerås: 14 socialsekreterare har slutat
/// på ett år – sidan 12". (The regexes run only on a sentence that starts with an "L" or an
/// "S", or ends with a digit: run on every sentence, they cost 2 % of the seeds' claims.)
fn teaser(sentence: &str) -> bool {
    static START: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:läs (?:även|också|mer|vidare)|se även)[\s:]").expect("teaser")
    });
    static PAGE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s(?:–|-|\|)\s*(?:sidan|sid\.|s\.)\s*\d+$").expect("page"));
    let first = sentence.as_bytes().first().map(u8::to_ascii_lowercase);
    let end = sentence.trim_end();
    (matches!(first, Some(b'l' | b's')) && START.is_match(sentence))
        || (end.ends_with(|c: char| c.is_ascii_digit())
            && PAGE.is_match(&end[end.floor_char_boundary(end.len().saturating_sub(24))..]))
}

/// [`vocab::OTHER_SECTOR`], [`vocab::SOCIAL_SERVICES`] and [`vocab::TARGET`] over masked
/// sentences.
static OTHER_SECTOR: LazyLock<regex::bytes::Regex> =
    LazyLock::new(|| ascii_regex(&fold::pattern(vocab::OTHER_SECTOR)).expect("other sectors"));
/// Words of social services, which keep a sentence that also names another service.
static SOCIAL_CONTEXT: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    let words = format!("{}|{}", vocab::SOCIAL_SERVICES, vocab::SOCIAL_STAFF_WORDS);
    ascii_regex(&fold::pattern(&words)).expect("social context")
});
static OTHER_AGENCY: LazyLock<regex::bytes::Regex> =
    LazyLock::new(|| ascii_regex(&fold::pattern(vocab::OTHER_AGENCY)).expect("other agencies"));
static SOCIAL_SERVICES: LazyLock<regex::bytes::Regex> =
    LazyLock::new(|| ascii_regex(&fold::pattern(vocab::SOCIAL_SERVICES)).expect("social services"));
static REFERRING_YARDSTICK: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    ascii_regex(&fold::pattern(referring::YARDSTICK)).expect("referring yardsticks")
});
static TARGET: LazyLock<regex::bytes::Regex> =
    LazyLock::new(|| ascii_regex(&fold::pattern(vocab::TARGET)).expect("targets"));

/// [`vocab::NATIONAL_AFTER`] over the words after a figure.
static NATIONAL_AFTER: LazyLock<regex::bytes::Regex> =
    LazyLock::new(|| ascii_regex(&fold::pattern(vocab::NATIONAL_AFTER)).expect("national after"));
static FORECAST: LazyLock<regex::bytes::Regex> =
    LazyLock::new(|| ascii_regex(&fold::pattern(vocab::FORECAST)).expect("forecasts"));
static DENIED: LazyLock<regex::bytes::Regex> =
    LazyLock::new(|| ascii_regex(&fold::pattern(vocab::DENIED)).expect("denials"));
static DENIED_REPORT: LazyLock<regex::bytes::Regex> =
    LazyLock::new(|| ascii_regex(&fold::pattern(vocab::DENIED_REPORT)).expect("denied reports"));
static DENIED_AFTER: LazyLock<regex::bytes::Regex> =
    LazyLock::new(|| ascii_regex(&fold::pattern(vocab::DENIED_AFTER)).expect("denied after"));
static NATIONAL: LazyLock<regex::bytes::Regex> =
    LazyLock::new(|| ascii_regex(&fold::pattern(vocab::NATIONAL)).expect("national averages"));
static WHOLE_EMPLOYER: LazyLock<regex::bytes::Regex> =
    LazyLock::new(|| ascii_regex(&fold::pattern(vocab::WHOLE_EMPLOYER)).expect("whole employer"));
static WHOLE_EMPLOYER_AFTER: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    ascii_regex(&fold::pattern(vocab::WHOLE_EMPLOYER_AFTER)).expect("whole employer after")
});
static WIDER_AREA: LazyLock<regex::bytes::Regex> =
    LazyLock::new(|| ascii_regex(&fold::pattern(vocab::WIDER_AREA)).expect("wider areas"));
static COMPARED_FROM: LazyLock<regex::bytes::Regex> =
    LazyLock::new(|| ascii_regex(&fold::pattern(vocab::COMPARED_FROM)).expect("comparisons"));
static COMPARED_WITH: LazyLock<regex::bytes::Regex> =
    LazyLock::new(|| ascii_regex(&fold::pattern(vocab::COMPARED_WITH)).expect("compared with"));
static ELSEWHERE_BEFORE: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    ascii_regex(&fold::pattern(vocab::ELSEWHERE_BEFORE)).expect("places elsewhere")
});
static SICK_TARGET: LazyLock<regex::bytes::Regex> =
    LazyLock::new(|| ascii_regex(&fold::pattern(vocab::SICK_TARGET)).expect("sick-leave targets"));

/// Whether a sentence (unmasked) is about another service, a state agency or the whole
/// country: what a rule reading its kind or total from it must not take.
fn about_others(sentence: &str) -> bool {
    let folded = fold::lowered(sentence);
    other_service(folded.as_bytes()) || NATIONAL.is_match(folded.as_bytes())
}

/// Whether a folded, lower-cased text names another service or a state agency and nothing
/// of social services: "Sjukfrånvaron bland lärarna", "Polisen har 30 vakanta
/// utredartjänster", a table "Personalnyckeltal för äldreomsorgen".
fn other_service(folded: &[u8]) -> bool {
    (OTHER_SECTOR.is_match(folded) && !SOCIAL_CONTEXT.is_match(folded))
        || (OTHER_AGENCY.is_match(folded) && !SOCIAL_SERVICES.is_match(folded))
}

const FROM_FOLDED: &[u8] = b" frqan ";

/// The clause a change's second figure is planned or denied in: "ska minska antalet
/// inhyrda från #n3# till #n4#" puts the plan before the first figure, and the second's own
/// clause is only "till". Any other figure's clause is `before` itself.
fn change_clause(masked: &[u8], start: usize, end: usize) -> &[u8] {
    let before = value_clause(masked, start, end).0;
    if ![b" till ".as_slice(), b" ner till ", b" upp till "].contains(&before) {
        return before;
    }
    // `before` is `masked[from..start - 1]`; the previous marker closes at `from - 1`.
    let from = start.saturating_sub(1) - before.len();
    let Some(open) = from
        .checked_sub(1)
        .and_then(|close| memchr::memrchr(b'#', &masked[..close]))
    else {
        return before;
    };
    // " från " as masked: lower case, "å" folded.
    if !masked[..open].ends_with(FROM_FOLDED) {
        return before;
    }
    value_clause(masked, open + 1, from - 1).0
}

/// The words of a masked sentence before and after a figure's marker (`start..end`, the
/// marker's letters and digits), each as far as the next marker or comma: "sjukfrånvaron i
/// kommunen som helhet" and " i kommunen totalt" around "7,2 procent", not the neighbouring
/// figure's words.
fn value_clause(masked: &[u8], start: usize, end: usize) -> (&[u8], &[u8]) {
    // A marker is `#x3#`: the capture holds `x3`, the `#`s stand either side.
    let before = &masked[..start.saturating_sub(1)];
    let from = memchr::memrchr2(b'#', b',', before).map_or(0, |i| i + 1);
    let after_start = (end + 1).min(masked.len());
    let after = &masked[after_start..];
    let to = memchr::memchr2(b'#', b',', after).map_or(after.len(), |i| i);
    (&before[from..], &after[..to])
}

static STAFF_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(&format!(r"\b({})\b", vocab::STAFF))).expect("staff word")
});

/// The municipality a document is mostly about: the one named most often (earliest on a tie
/// of two, the headline's usually; none when three or more tie).
fn dominant(text: &str, mentions: &[Mention]) -> Option<&'static Municipality> {
    let mut counts: Vec<(&'static Municipality, usize, usize)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        // A town says no more of the text's subject than its municipality's name beside it in
        // the paragraph already does: "kontoret i Ydre bemannas från Kisa" in a paragraph on
        // Kinda's office does not tip a roundup of three municipalities to Kinda.
        if m.town && named_in_paragraph(text, mentions, i) {
            continue;
        }
        match counts
            .iter_mut()
            .find(|(mu, _, _)| mu.code == m.municipality.code)
        {
            Some(c) => c.1 += 1,
            None => counts.push((m.municipality, 1, i)),
        }
    }
    // A roundup that names three or more municipalities equally often is about none of them.
    let top = counts.iter().map(|c| c.1).max()?;
    if counts.iter().filter(|c| c.1 == top).count() >= 3 {
        return None;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|(m, _, _)| m)
}

/// Whether the paragraph of `mentions[i]` names its municipality by the municipality's or a
/// district's name too.
fn named_in_paragraph(text: &str, mentions: &[Mention], i: usize) -> bool {
    let m = mentions[i];
    let same_paragraph = |a: usize, b: usize| !text[a..b].contains("\n\n");
    let before = mentions[..i]
        .iter()
        .rev()
        .take_while(|o| same_paragraph(o.end, m.start));
    let after = mentions[i + 1..]
        .iter()
        .take_while(|o| same_paragraph(m.end, o.start));
    before
        .chain(after)
        .any(|o| !o.town && o.municipality == m.municipality)
}

/// Whether a mention names a firm's seat or where people went ([`vocab::ELSEWHERE_BEFORE`]),
/// read over the 60 bytes before it on its line: not a place any figure of its sentence is of.
fn names_elsewhere(text: &str, m: &Mention) -> bool {
    let mut from = m.start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..m.start];
    let before = before.rfind('\n').map_or(before, |i| &before[i + 1..]);
    ELSEWHERE_BEFORE.is_match(fold::lowered(before).as_bytes())
}

/// `mentions` without those that name a firm's seat or where people went, nor the places
/// listed after one: "har gått till Sandviken och Hofors".
fn without_elsewhere(text: &str, mentions: &[Mention]) -> Vec<Mention> {
    let mut kept = Vec::with_capacity(mentions.len());
    let mut last_elsewhere: Option<&Mention> = None;
    for m in mentions {
        let listed_after = last_elsewhere
            .is_some_and(|e| matches!(text[e.end..m.start].trim(), "," | "och" | "eller" | "samt"));
        if listed_after || names_elsewhere(text, m) {
            last_elsewhere = Some(m);
        } else {
            last_elsewhere = None;
            kept.push(*m);
        }
    }
    kept
}

/// The mentions wholly inside `start..end`, in order. `mentions` are in text order
/// ([`geo::find_mentions`]), so the search starts at the first one there instead of going
/// through all of a long document's for every claim.
fn mentions_within(mentions: &[Mention], start: usize, end: usize) -> &[Mention] {
    let from = mentions.partition_point(|m| m.start < start);
    let to = from + mentions[from..].partition_point(|m| m.start < end);
    let inside = &mentions[from..to];
    // Mentions do not overlap, so those that end inside are a prefix of `inside`.
    &inside[..inside.partition_point(|m| m.end <= end)]
}

/// The municipality of a figure at `start..end` (document offsets) in `sentence` (at
/// `sentence_start`): the place right after it ("9,1 procent i Upplands Väsby"), else the
/// nearest of its sentence, else of its paragraph. Places in a comparison after the figure
/// are the yardstick's, not the figure's: "Sjukfrånvaron var 4,8 procent, jämfört med 7,9
/// procent i Järfälla" is of the municipality the text is about.
fn place_of_figure(
    text: &str,
    sentence: &str,
    sentence_start: usize,
    (in_sentence, in_paragraph): (&[Mention], &[Mention]),
    (start, end): (usize, usize),
) -> Option<&'static Municipality> {
    if let Some(m) = in_sentence.iter().find(|m| {
        m.start >= end
            && m.start - end <= 8
            && matches!(text[end..m.start].trim(), "i" | "på" | "inom" | "för")
    }) {
        return Some(m.municipality);
    }
    // Only places after the figure in its sentence can be the yardstick's or the next
    // clause's.
    if !in_sentence.iter().any(|m| m.start >= end) {
        return nearest_mention(in_sentence, start)
            .or_else(|| nearest_mention(in_paragraph, start));
    }
    // Not "än i fjol", "jämfört med förra året": a comparison in time keeps the place.
    let rest = &sentence[end - sentence_start..];
    let compared = COMPARED_WITH
        .find_iter(fold::lowered(rest).as_bytes())
        .find(|c| {
            let next = rest[c.end()..].trim_start().to_lowercase();
            let next = next.split([' ', ',', '.']).next().unwrap_or("");
            let year = next.len() == 4 && next.bytes().all(|b| b.is_ascii_digit());
            !(year
                || next.starts_with("fjol")
                || next.starts_with("förra")
                || next.starts_with("året")
                || next.starts_with("år")
                || next.starts_with("tidigare")
                || next.starts_with("samma")
                || next.starts_with("motsvarande"))
        })
        .map(|c| end + c.start());
    // A place after the figure's clause has ended is the next clause's, when the figure's
    // own clause named one before it: "I Kalmar är sjukfrånvaron 9,2 procent, i Nybro 7,8".
    let clause_end = rest.find([',', ';']).map(|i| end + i);
    let named_before = in_sentence.iter().any(|m| m.end <= start);
    let compared = match (compared, clause_end) {
        (Some(c), Some(e)) if named_before => Some(c.min(e)),
        (None, Some(e)) if named_before => Some(e),
        (c, _) => c,
    };
    match compared {
        None => {
            nearest_mention(in_sentence, start).or_else(|| nearest_mention(in_paragraph, start))
        }
        // A figure inside the comparison is the yardstick's: its place is there ("medan den
        // på familjeenheten för Hovmantorp var 13 procent").
        Some(from) if from <= start => {
            let theirs: Vec<Mention> = in_sentence
                .iter()
                .filter(|m| from <= m.start)
                .copied()
                .collect();
            nearest_mention(&theirs, start)
                .or_else(|| nearest_mention(in_sentence, start))
                .or_else(|| nearest_mention(in_paragraph, start))
        }
        Some(from) => {
            let own =
                |m: &&Mention| !(from <= m.start && m.start < sentence_start + sentence.len());
            let own_sentence: Vec<Mention> = in_sentence.iter().filter(own).copied().collect();
            let own_paragraph: Vec<Mention> = in_paragraph.iter().filter(own).copied().collect();
            nearest_mention(&own_sentence, start).or_else(|| nearest_mention(&own_paragraph, start))
        }
    }
}

/// The mention in `mentions` nearest to `anchor` (a byte offset in the document).
fn nearest_mention(mentions: &[Mention], anchor: usize) -> Option<&'static Municipality> {
    mentions
        .iter()
        .min_by_key(|m| {
            if m.end <= anchor {
                anchor - m.end
            } else {
                // A place after the figure counts twice as far as one before: Swedish fronts
                // a clause's place ("I Lomma är snittet 19 och i Staffanstorp 22").
                2 * (m.start - anchor) + 1
            }
        })
        .map(|m| m.municipality)
}

/// All claims of a document's text, merged and in order.
pub fn extract(text: &str, ctx: &DocContext) -> Vec<Claim> {
    extract_with(text, ctx, true, None)
}

/// [`extract`] given the text's municipality mentions ([`geo::find_mentions`] of `text`),
/// which the index needs too: found once, not twice.
pub fn extract_given_mentions(text: &str, ctx: &DocContext, mentions: &[Mention]) -> Vec<Claim> {
    extract_with(text, ctx, true, Some(mentions))
}

/// [`extract`] without the literal prefilter: every sentence goes through numerals, masking
/// and the rule set. The same claims, slower; for tests and benchmarks that check the
/// prefilter loses nothing and measure what it saves.
#[doc(hidden)]
pub fn extract_without_prefilter(text: &str, ctx: &DocContext) -> Vec<Claim> {
    extract_with(text, ctx, false, None)
}

/// The sentences that can hold a claim: with the prefilter, only those that hold every word
/// of some rule (and only paragraphs that do are split), each with the clauses its words
/// hold (which rules can match it); without, all of them.
fn candidate_sentences(
    text: &str,
    paragraphs: &[text::Paragraph],
    scan: Option<&prefilter::Scan>,
) -> Vec<(text::Sentence, Option<prefilter::Clauses>)> {
    let Some(scan) = scan else {
        return text::sentences(text, paragraphs)
            .into_iter()
            .map(|s| (s, None))
            .collect();
    };
    let mut out = Vec::new();
    let mut buf = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        if !PREFILTER.possible(scan, p.start, p.end) {
            continue;
        }
        buf.clear();
        text::paragraph_sentences(text, *p, pi, &mut buf);
        for s in &buf {
            let held = PREFILTER.held(scan, s.start, s.end);
            if PREFILTER.possible_given(&held) {
                out.push((*s, Some(held)));
            }
        }
    }
    out
}

fn extract_with(
    text: &str,
    ctx: &DocContext,
    use_prefilter: bool,
    known_mentions: Option<&[Mention]>,
) -> Vec<Claim> {
    // A document with a letter the prefilter cannot see through goes unfiltered.
    let scan = use_prefilter
        .then(|| PREFILTER.scan(text))
        .filter(|scan| !scan.odd);
    if let Some(scan) = &scan {
        if !PREFILTER.possible(scan, 0, text.len()) {
            return Vec::new(); // no rule has its words anywhere
        }
    }
    let paragraphs = text::paragraphs(text);
    let sentences = candidate_sentences(text, &paragraphs, scan.as_ref());
    // Municipality mentions are looked up per paragraph, when a sentence of it first has a
    // rule to try (most documents that pass the prefilter still hold no claim, and most
    // claims name their municipality in their sentence or paragraph); the whole document's
    // only when a claim's sentence and paragraph name none and the context gives none.
    let mut paragraph_mentions: Option<(usize, Cow<[Mention]>)> = None;
    let mut doc_municipality: Option<Option<&'static Municipality>> = None;
    let mut doc_municipality = || {
        *doc_municipality.get_or_insert_with(|| {
            ctx.municipality.or_else(|| match known_mentions {
                Some(known) => dominant(text, &without_elsewhere(text, known)),
                None => dominant(text, &without_elsewhere(text, &geo::find_mentions(text))),
            })
        })
    };
    let rules = &*RULES;
    let mut drafts: Vec<Draft> = Vec::new();
    // A report's figures are of the period it covers, and its "under året" is that year: its
    // relative times count from the end of that period, not from its publication.
    let reference = ctx
        .title
        .as_deref()
        .and_then(|t| time::reported_period(t, ctx.published.as_ref()));
    let now = reference.map(|r| PubDate::day(r.to)).or(ctx.published);
    let earlier = Earlier::new(text, &paragraphs, now);
    // A claim's time when its sentence names none: the report's period (its last day for
    // a state, such as vacant posts), else the publication.
    let undated = |kind: Kind, unit: ClaimUnit| -> Option<Period> {
        match reference {
            Some(r) if is_state(kind, unit) => Some(Period::day(r.to)),
            Some(r) => Some(r),
            None => ctx.published.as_ref().map(Period::of_published),
        }
    };

    for (s, held) in &sentences {
        let sentence = &text[s.start..s.end];
        // Claims from a question only ever repeat a figure stated elsewhere, and a condition
        // states none: "Om två av mina kollegor är sjukskrivna samtidigt klarar vi inte
        // jouren", "Skulle enheten ha 24 socialsekreterare ...".
        if sentence.ends_with('?') || HYPOTHETICAL.is_match(sentence) || teaser(sentence) {
            continue;
        }
        // Rules that refer back hold only after a claim since the paragraph before began, or
        // one of this sentence's own rules (see below): a sentence that only their words sent
        // here ("antalet", "kostnaden") with no claim before is not read at all.
        let possible: Vec<usize> = match held {
            Some(held) => PREFILTER.possible_rules(held).collect(),
            None => Vec::new(),
        };
        let floor = s
            .paragraph
            .checked_sub(1)
            .map_or(paragraphs[s.paragraph].start, |i| paragraphs[i].start);
        let may_refer = drafts.last().is_some_and(|d| d.claim.span[0] >= floor);
        if held.is_some()
            && !may_refer
            && possible.iter().all(|&i| !rules[i].refers_back.is_empty())
        {
            continue;
        }
        let quantities = numerals::scan(sentence);
        let masked = mask(sentence, &quantities);
        // The rules to try. With the prefilter's scan, those whose words the sentence holds
        // (4.0 a sentence on the synthetic texts, where a set of all rules found 1.1): each
        // rule's own search fails fast, and the set's pass over the sentence, a sixth of the
        // cost of a sentence with a claim, is saved. Without the scan, those a set of all
        // rules finds. Without a figure, only the rules that need none.
        let hits: Vec<usize> = match held {
            Some(_) => possible
                .into_iter()
                .filter(|&i| !quantities.is_empty() || !NEEDS_MARKER[i])
                .collect(),
            None if quantities.is_empty() => RULE_SETS
                .unmarked_set
                .matches(masked.as_bytes())
                .iter()
                .map(|i| RULE_SETS.unmarked[i])
                .collect(),
            None => RULE_SETS.set.matches(masked.as_bytes()).iter().collect(),
        };
        if hits.is_empty() {
            continue;
        }
        // A sentence about another service or a state agency is no claim of social services'.
        let m = masked.as_bytes();
        let other_sector = OTHER_SECTOR.is_match(m);
        let other_agency = OTHER_AGENCY.is_match(m);
        if (other_sector && !SOCIAL_CONTEXT.is_match(m))
            || (other_agency && !SOCIAL_SERVICES.is_match(m))
        {
            continue;
        }
        // Whether a figure's own clause may be another service's (checked per claim below).
        let names_others = other_sector || other_agency;
        let paragraph = paragraphs[s.paragraph];
        if paragraph_mentions
            .as_ref()
            .is_none_or(|(p, _)| *p != s.paragraph)
        {
            let mentions = match known_mentions {
                Some(known) => {
                    Cow::Borrowed(mentions_within(known, paragraph.start, paragraph.end))
                }
                None => Cow::Owned(geo::find_mentions_in(text, paragraph.start..paragraph.end)),
            };
            // A firm's seat or where people went is no place of the paragraph's figures.
            let kept = without_elsewhere(text, &mentions);
            let mentions = if kept.len() < mentions.len() {
                Cow::Owned(kept)
            } else {
                mentions
            };
            debug_assert!(mentions.windows(2).all(|w| w[0].end <= w[1].start));
            paragraph_mentions = Some((s.paragraph, mentions));
        }
        let in_paragraph: &[Mention] = paragraph_mentions.as_ref().map_or(&[], |(_, m)| m);
        // Time expressions are read when a claim needs its period: many sentences whose
        // rules are tried give none.
        let mut times = None;
        // Whether the sentence's figures are of an area wider than a municipality, asked
        // when its first claim needs a place (the same for every figure of the sentence).
        let mut wider: Option<bool> = None;
        let in_sentence = mentions_within(in_paragraph, s.start, s.end);
        let mut taken: Vec<(Kind, Option<usize>)> = Vec::new();
        let first_draft = drafts.len();
        // For rules that refer back: where the sentence before starts, found when first needed.
        let mut before_start: Option<usize> = None;

        for ri in hits {
            let rule = &rules[ri];
            // For a rule that refers back, the claims it may refer to: those of the sentence
            // before and those this sentence has given so far (the drafts from `first_draft`).
            let mut claims_before = first_draft..first_draft;
            if !rule.refers_back.is_empty() {
                if !may_refer && drafts.len() == first_draft {
                    continue; // no claim before, none in this sentence yet
                }
                // The sentence before is this paragraph's, or for a paragraph's first sentence
                // the paragraph before, whole: web news prints one sentence a paragraph, and a
                // new paragraph may set another place against a figure its paragraph before
                // gave a sentence earlier ("... kostnaderna för inhyrda socionomer till 8,9
                // miljoner kronor under 2021. Vid utgången av året fanns nio konsulter. ¶
                // Nämnden jämför med Vänersborg, där motsvarande kostnad var 3,1 miljoner").
                // (The document's first sentence: only its own claims.)
                let start = *before_start.get_or_insert_with(|| {
                    text::span_before(text, paragraph.start, s.start)
                        .map(|b| b.start)
                        .or_else(|| Some(paragraphs[s.paragraph.checked_sub(1)?].start))
                        .unwrap_or(s.start)
                });
                let from = drafts[..first_draft]
                    .iter()
                    .rposition(|d| d.claim.span[0] < start)
                    .map_or(0, |i| i + 1);
                // With the claims this sentence has given so far: "... 18,4 miljoner kronor,
                // medan notan i Sundsvall var knappt 11 miljoner".
                claims_before = from..drafts.len();
                if !drafts[claims_before.clone()]
                    .iter()
                    .any(|d| rule.refers_back.contains(&d.claim.kind))
                {
                    continue;
                }
            }
            let compiled = rule.compiled();
            for caps in compiled.re.captures_iter(masked.as_bytes()) {
                let whole = caps.get(0).expect("whole match");
                if let Some(antecedent) = &compiled.antecedent {
                    let before = text::sentence_before(text, paragraph.start, s.start);
                    if !antecedent.is_match(before) {
                        continue;
                    }
                }
                // A rule that takes its kind or its total from the sentence before reads
                // that sentence's scope too: "Polisen fick in 5 000 anmälningar om
                // cykelstölder. Det är en ökning med 18 procent", "IVO:s rikstäckande
                // granskning av 400 utredningar ... I 130 av dem".
                if (compiled.antecedent.is_some() || rule.total_before || rule.scope_before)
                    && about_others(text::sentence_before(text, paragraph.start, s.start))
                {
                    continue;
                }
                let after_whole = &masked.as_bytes()[whole.end()..];
                // (Not for a figure that refers back: its rule's words are a time and a verb
                // of being, "Året innan var det 18", never a clause of its own.)
                if rule.kind == Kind::Resigned && rule.refers_back.is_empty() {
                    let padded = [b" ", whole.as_bytes(), b" "].concat();
                    // "har avgått ur styrelsen" leaves a board, not a job.
                    if NOT_DONE_FOLDED.is_match(&padded) || after_whole.starts_with(b" ur ") {
                        continue;
                    }
                }
                // Posts "lediga att söka" are advertised, not left empty.
                if rule.kind == Kind::Vacancies && after_whole.starts_with(b" att sqoka") {
                    continue;
                }
                let v = group_text(&caps, compiled.v).and_then(marker_index);
                // A figureless finding takes no figure; a rule with a figure needs one,
                // from a marker or from its own words ("fördubblats", checked below).
                if (rule.no_value && v.is_some())
                    || (!rule.no_value && v.is_none() && rule.adjust.is_empty())
                {
                    continue;
                }
                // A figure that refers back is one no rule naming its thing read, of what the
                // last figure of the sentence before counts (a count, a percent, an amount),
                // whose claim has a kind of the rule's; that is the figure's kind.
                let mut referent_role = None;
                // The referent's period, when its own sentence dated it: "I Jönköping kostade
                // ... förra året. I Sundsvall var notan knappt 11 miljoner" is last year's too.
                let mut referent_period = None;
                let mut kind = rule.kind;
                if !rule.refers_back.is_empty() {
                    let unit = v.and_then(|i| quantities.get(i)).map(|q| q.unit);
                    if unit.is_none()
                        || taken.iter().any(|&(_, f)| f == v)
                        || REFERRING_YARDSTICK.is_match(masked.as_bytes())
                    {
                        continue;
                    }
                    // The nearest figure before of the same unit: this sentence's, else the
                    // last of the sentence (or paragraph) before.
                    let candidates = &drafts[claims_before.clone()];
                    let here = candidates
                        .iter()
                        .filter(|d| d.claim.span[0] == s.start && d.unit == unit && d.figure < v)
                        .max_by_key(|d| d.figure);
                    let referent = here.or_else(|| {
                        candidates
                            .iter()
                            .filter(|d| d.claim.span[0] != s.start && d.unit == unit)
                            .max_by_key(|d| (d.claim.span[0], d.figure))
                    });
                    match referent {
                        Some(d) if rule.refers_back.contains(&d.claim.kind) => {
                            referent_role = d.claim.role.clone();
                            // Not when this figure is of now: "I december arbetade elva
                            // konsulter. I dag är de sex."
                            referent_period = d.claim.period.filter(|_| {
                                d.dated_in_text && !SAID_OF_NOW.is_match(masked.as_bytes())
                            });
                            kind = d.claim.kind;
                        }
                        _ => continue,
                    }
                }
                if let (Some(vm), None) = (group(&caps, compiled.v), group(&caps, compiled.of)) {
                    let before = &masked[..vm.start() - 1];
                    // Only an "av" the rule did not read itself: a rule that starts with it
                    // names the total as its figure ("var fjärde av de 80 socialsekreterare
                    // som arbetar inom IFO" is the unit's headcount).
                    let outside = |m: regex::Match| m.start() < whole.start();
                    let counted_total = vm.as_bytes().starts_with(b"n")
                        && match kind {
                            Kind::Resigned | Kind::Staffing | Kind::SickLeave => {
                                TOTAL_BEFORE.find(before).is_some_and(outside)
                                    && !MADE_OF_BEFORE.is_match(before)
                            }
                            Kind::Vacancies => COUNT_OF_BEFORE.find(before).is_some_and(outside),
                            _ => false,
                        };
                    if counted_total {
                        continue;
                    }
                }
                if taken.contains(&(kind, v)) {
                    continue;
                }
                taken.push((kind, v));

                let q = v.and_then(|i| quantities.get(i));
                // A figure whose own clause is of another service, in a sentence that names
                // social services elsewhere: "Region Skåne lade 900 miljoner kronor på inhyrda
                // sjuksköterskor och läkare, men regionen har inget ansvar för socialtjänsten".
                if names_others
                    && group(&caps, compiled.v).is_some_and(|vm| {
                        let (before, after) = value_clause(masked.as_bytes(), vm.start(), vm.end());
                        (other_service(before) || other_service(after))
                            && !SOCIAL_CONTEXT.is_match(before)
                            && !SOCIAL_CONTEXT.is_match(after)
                    })
                {
                    continue;
                }
                // A caseload set as a target or a cap is not one that is, nor any figure
                // that refers back to a claim ("den rimliga nivån är 15 tjänster").
                if (kind == Kind::Caseload || !rule.refers_back.is_empty())
                    && group(&caps, compiled.v)
                        .is_some_and(|vm| TARGET.is_match(&masked.as_bytes()[..vm.start()]))
                {
                    continue;
                }
                // Nor is a sick-leave rate set as a goal, a national average, or a rate of the
                // whole municipality's workforce: the yardsticks a claim is set against. Read
                // in the figure's own clause, so that "14 procent, nästan dubbelt så hög som i
                // riket som helhet" keeps its 14.
                if group(&caps, compiled.v).is_some_and(|vm| {
                    let (before, after) = value_clause(masked.as_bytes(), vm.start(), vm.end());
                    // A rate: of sick leave, of those who want to quit, of turnover.
                    let rate = matches!(kind, Kind::SickLeave | Kind::IntentToQuit)
                        || (kind == Kind::Resigned && q.is_some_and(|q| q.unit == Unit::Percent));
                    // A share in words of another sick-leave figure is no rate: "andelen
                    // långtidssjukfrånvaro är nu nära hälften av den totala sjukfrånvaron".
                    let share_of = kind == Kind::SickLeave
                        && after.starts_with(b" av ")
                        && q.is_some_and(|q| {
                            q.unit == Unit::Percent
                                && !(sentence[q.start..q.end].contains('%')
                                    || sentence[q.start..q.end].contains("procent"))
                        });
                    // A figure coordinated with a national one goes with it: "I riket som
                    // helhet uppger 38 procent att de vill lämna ..., och var femte överväger
                    // att lämna yrket", "men bara var tionde" (not "..., och i Umeå 14").
                    let clause = before.strip_prefix(b" ").unwrap_or(before);
                    let conjunction = [b"och ".as_slice(), b"men "]
                        .into_iter()
                        .find(|c| clause.starts_with(c));
                    let coordinated = conjunction.is_some_and(|c| {
                        let rest = &clause[c.len()..];
                        !["i ", "på ", "inom ", "hos ", "för "]
                            .iter()
                            .any(|p| rest.starts_with(fold::text(p).as_bytes()))
                    }) && NATIONAL
                        .is_match(&masked.as_bytes()[..vm.start().saturating_sub(1)]);
                    // What a hired consultant costs an hour or a day is a price, not a cost of
                    // consultants: "En konsult kostar cirka 1 100 kronor i timmen".
                    let price = kind == Kind::Consultants && PRICE_AFTER.is_match(after);
                    // A rate's change is no rate: "är nu 30 procent lägre än för två år sedan".
                    let change = kind == Kind::SickLeave && COMPARED_AFTER.is_match(after);
                    // Nor is a figure forecast or planned, save money (see vocab::FORECAST),
                    // nor one the sentence denies.
                    let money = kind == Kind::Deficit || q.is_some_and(|q| q.unit == Unit::Sek);
                    // Not in a relative clause that describes what is counted: "anmälningar
                    // om barn som far illa eller riskerar att fara illa har ökat med 27 procent".
                    let planned_in = change_clause(masked.as_bytes(), vm.start(), vm.end());
                    let forecast = !money
                        && FORECAST.find_iter(planned_in).any(|m| {
                            !planned_in[..m.start()]
                                .split(|b| !b.is_ascii_alphanumeric())
                                .any(|w| w == b"som")
                        });
                    let (head, tail) = masked.as_bytes().split_at(vm.start());
                    let denied = DENIED.is_match(head)
                        || (DENIED_REPORT.is_match(head) && DENIED_AFTER.is_match(tail));
                    forecast
                        || denied
                        || share_of
                        || coordinated
                        || price
                        || change
                        || NATIONAL.is_match(before)
                        || NATIONAL_AFTER.is_match(after)
                        || (kind == Kind::SickLeave && SICK_TARGET.is_match(before))
                        || (rate
                            && (WHOLE_EMPLOYER.is_match(before)
                                || WHOLE_EMPLOYER_AFTER.is_match(after)))
                }) {
                    continue;
                }
                // A change in words forecast: "kan komma att fördubblas".
                if compiled.v.is_none()
                    && caps.name("mult").is_some_and(|m| {
                        FORECAST.is_match(value_clause(masked.as_bytes(), m.start(), m.end()).0)
                    })
                {
                    continue;
                }
                let of = group_text(&caps, compiled.of)
                    .and_then(marker_index)
                    .and_then(|i| quantities.get(i))
                    .map(|q| q.value)
                    .or_else(|| {
                        rule.total_before.then(|| {
                            // Staff who left, or posts that stand empty, of those the
                            // sentence before counted.
                            if matches!(kind, Kind::Resigned | Kind::Vacancies) {
                                let before = text::sentence_before(text, paragraph.start, s.start);
                                return staff::count_before(kind, before);
                            }
                            // "de granskade ärendena" may point a few paragraphs back, and
                            // so may "dessa utredningar" when the sentence before counts
                            // nothing ("Under året kom 20 ansökningar in. I 12 av dessa
                            // ..." counts from that sentence); "dem" or "dessa" alone
                            // only to the sentence before.
                            let w = whole.as_bytes();
                            let just_before = text::sentence_before(text, paragraph.start, s.start);
                            let named = memchr::memmem::find(w, b"granskade").is_some()
                                || (!(w.ends_with(b" dem") || w.ends_with(b" dessa"))
                                    && numerals::scan(just_before).is_empty());
                            let before = if named {
                                &text[paragraphs[s.paragraph.saturating_sub(3)].start..s.start]
                            } else {
                                just_before
                            };
                            oversight::sample_before(before)
                        })?
                    });
                // "i 12 av dem" with no review counted before is no finding; a share is one
                // with or without its total ("i hälften av de granskade ärendena").
                let share = q.is_some_and(|q| q.unit == Unit::Percent);
                if rule.total_before
                    && !share
                    && !of.is_some_and(|of| q.is_some_and(|q| q.value <= of))
                {
                    continue;
                }
                let mut value = q.map(|q| q.value);
                for f in &rule.adjust {
                    f(&caps, &mut value);
                }
                if !rule.no_value && value.is_none() {
                    continue;
                }
                let unit = unit_for(kind, q.map(|q| q.unit));
                let mut of = of;
                // A total after the leaving: "64 socialsekreterare avslutade sin anställning
                // under 2022, av totalt cirka 210 tjänster", "nio har sagt upp sig, och det är
                // av ungefär trettio".
                if kind == Kind::Resigned
                    && of.is_none()
                    && q.is_some_and(|q| q.unit == Unit::Count)
                {
                    of = TOTAL_AFTER
                        .captures(&masked.as_bytes()[whole.end()..])
                        .and_then(|c| marker_index(std::str::from_utf8(c.get(1)?.as_bytes()).ok()?))
                        .and_then(|i| quantities.get(i))
                        .map(|t| t.value)
                        .filter(|&t| value.is_some_and(|v| v < t));
                }
                // A wish to quit is a share of staff: "fyra av tio" is 40 %.
                if kind == Kind::IntentToQuit && q.is_some_and(|q| q.unit == Unit::Count) {
                    if let (Some(v), Some(total)) = (value, of) {
                        value = (total > 0.0).then(|| (100.0 * v / total).round());
                        of = None;
                    }
                }
                let role = group_text(&caps, compiled.role)
                    .map(str::to_string)
                    .or_else(|| STAFF_WORD.find(&masked).map(|m| m.as_str().to_string()))
                    .map(|w| vocab::role_lemma(&fold::unfold(&w)))
                    .or(referent_role);

                // Where in the document the figure stands, for the nearest place and time.
                let (anchor_start, anchor_end) =
                    q.map_or((0, sentence.len()), |q| (q.start, q.end));
                let anchor = s.start + anchor_start;
                // A figure of a county, a region or several municipalities is of none, unless
                // its sentence names one too.
                // Not the area it is compared with: "vilket är lägst i länet".
                let wider = *wider.get_or_insert_with(|| {
                    in_sentence.is_empty() && {
                        let m = masked.as_bytes();
                        let own = COMPARED_FROM.find(m).map_or(m, |c| &m[..c.start()]);
                        WIDER_AREA.is_match(own)
                    }
                });
                let municipality = place_of_figure(
                    text,
                    sentence,
                    s.start,
                    (in_sentence, in_paragraph),
                    (anchor, s.start + anchor_end),
                )
                .or_else(&mut doc_municipality)
                .filter(|_| !wider);

                let times = times.get_or_insert_with(|| {
                    time::find_in(sentence, now.as_ref(), &mut |antecedent| {
                        // "under perioden" in a report is the report's period.
                        if matches!(
                            antecedent,
                            time::Antecedent::Report | time::Antecedent::Defined
                        ) && reference.is_some()
                        {
                            return reference;
                        }
                        earlier.period(s.paragraph, s.start, antecedent)
                    })
                });
                // A figure of another year in parentheses right after this one ("3,9 miljoner
                // kronor (11,4 miljoner kronor 2023)"): its year is not this figure's.
                let beside = v.filter(|_| kind != Kind::WorkloadChange).and_then(|_| {
                    // Right after the figure, or after the claim's words: "Tio av 30
                    // socialsekreterare har sagt upp sig i år (fyra av 28 året innan)".
                    let vm = group(&caps, compiled.v)?;
                    year_beside(&masked[..], vm.end())
                        .or_else(|| year_beside(&masked[..], whole.end().checked_sub(1)?))
                });
                // Its total, if it has one: "(fyra av 28 året innan)".
                let beside_of = beside
                    .and_then(|(_, of)| quantities.get(of?))
                    .map(|q| q.value);
                let mut beside = beside.and_then(|(j, _)| quantities.get(j).map(|qj| (j, qj)));
                // The years inside that parenthesis: the second figure's, not this one's.
                let mut in_parenthesis: Vec<time::TimeExpr> = Vec::new();
                let mut parenthesis = "";
                let said = match beside {
                    Some((_, qj)) => {
                        // A list's next item starts at its "och": the year before it is
                        // the first figure's ("7,3 miljoner kronor 2019 och 4,9 miljoner
                        // kronor 2020").
                        let gap = &sentence[anchor_end..qj.start];
                        let open = gap
                            .find('(')
                            .or_else(|| gap.find(" och "))
                            .map_or(anchor_end, |i| anchor_end + i);
                        // The parenthesis, or the comparison up to the clause's end.
                        let close = sentence[qj.end..]
                            .find([')', ',', ';'])
                            .map_or(sentence.len(), |i| qj.end + i);
                        parenthesis = &sentence[open..close];
                        let (outside, inside): (Vec<time::TimeExpr>, Vec<time::TimeExpr>) = times
                            .iter()
                            .cloned()
                            .partition(|t| t.start < open || t.start > close);
                        // A year after publication in the parenthesis is a goal, not a figure
                        // of another year: "11,2 procent (7 procent 2026)" written in 2024.
                        let future = ctx
                            .published
                            .as_ref()
                            .is_some_and(|p| inside.iter().any(|t| t.period.from > p.last()));
                        if future {
                            beside = None;
                        }
                        // Compared with "samma period i fjol", the figure is of this period.
                        let compared = inside
                            .iter()
                            .find(|t| t.near_only)
                            .and_then(|t| t.period.year_after());
                        in_parenthesis = inside;
                        time::nearest(&outside, anchor_start, anchor_end)
                            .map(|t| t.period)
                            .or(compared)
                    }
                    // A time after a comparison that follows the figure is what it is
                    // compared with: "fem konsulter i dag, jämfört med mer än dubbelt så många
                    // för ett år sedan". (Not for a change, whose baseline is its start:
                    // "ökat med 23 procent jämfört med 2021".)
                    // (The regex only where "jämför" is: most claims have no comparison.)
                    None => match memchr::memmem::find(
                        &sentence.as_bytes()[anchor_end..],
                        "mför".as_bytes(),
                    )
                    .and_then(|_| COMPARISON_AFTER.find(&sentence[anchor_end..]))
                    {
                        Some(m) if kind != Kind::WorkloadChange => {
                            let at = anchor_end + m.start();
                            let own: Vec<time::TimeExpr> =
                                times.iter().filter(|t| t.start < at).cloned().collect();
                            time::nearest(&own, anchor_start, anchor_end).map(|t| t.period)
                        }
                        _ => time::nearest(times, anchor_start, anchor_end).map(|t| t.period),
                    },
                };
                // "Året innan var siffran nio" counts from the referent's year.
                let shifted =
                    referent_period.and_then(|p| p.shift_year(time::years_from_before(sentence)?));
                let said = shifted.or(said).or(referent_period);
                let said = said.map(|p| of_flow(kind, unit, p, sentence, now.as_ref()));
                // A finding without a time is of the period the review examined.
                let said = said.or_else(|| {
                    (kind == Kind::Inspection)
                        .then(|| earlier.period(s.paragraph, s.start, time::Antecedent::Review))?
                });
                // A survey's answer without a time is of when the survey was made: "En enkät
                // som Vision genomförde under maj och juni visar ... Sämst är läget i
                // Halmstad, där 44 procent svarar att de vill sluta."
                let said = said.or_else(|| {
                    (kind == Kind::IntentToQuit || surveyed(sentence))
                        .then(|| earlier.period(s.paragraph, s.start, time::Antecedent::Survey))?
                });
                // A figure in the past tense with no time of its own has the year the sentence
                // before named.
                let said = said.or_else(|| {
                    PAST_TENSE
                        .is_match(masked.as_bytes())
                        .then(|| earlier.year_before(s.paragraph, s.start))?
                        .map(|p| of_flow(kind, unit, p, sentence, now.as_ref()))
                });
                // A forecast with no time of its own is of the whole year: "Prognosen pekar
                // mot ett underskott inom individ- och familjeomsorgen om 4,2 mnkr".
                let forecast = matches!(kind, Kind::Deficit | Kind::Consultants)
                    && unit == ClaimUnit::Sek
                    && forecasts(sentence);
                let period = said.or_else(|| {
                    let p = undated(kind, unit)?;
                    if forecast {
                        Period::year(chrono::Datelike::year(&p.to))
                    } else {
                        Some(p)
                    }
                });

                let body = if kind == Kind::Inspection {
                    group_text(&caps, compiled.body)
                        .map(|b| oversight::canonical_body(&fold::unfold(b)))
                        .or_else(|| inspection_body(text, &paragraphs, s.paragraph, sentence))
                } else {
                    None
                };
                if kind == Kind::Inspection
                    && body.is_none()
                    && !oversight::mentions_review(&text[paragraph.start..paragraph.end])
                {
                    continue; // "i 3 av 10 fall" with no inspection in sight is not a finding
                }

                drafts.push(Draft {
                    figure: v,
                    unit: q.map(|q| q.unit),
                    dated_in_text: said.is_some(),
                    claim: Claim {
                        doc: ctx.doc.clone(),
                        kind,
                        value,
                        value_high: q.and_then(|q| q.high),
                        of,
                        unit,
                        approx: q.is_some_and(|q| q.approx),
                        role,
                        body: body.map(str::to_string),
                        municipality: municipality.map(|m| m.name.to_string()),
                        municipality_code: municipality.map(|m| m.code.to_string()),
                        period,
                        quote: sentence.to_string(),
                        span: [s.start, s.end],
                    },
                });

                // A change is two figures, each a claim of the same kind: "sjukfrånvaron har
                // stigit från 7 till 10,4 procent" (numerals reads "från X till Y" as two
                // quantities, not a range). A change of the inflow is itself the figure.
                // So is the figure of another year a parenthesis sets beside it, and the
                // figure of another place a coordinated clause gives without its verb: "I
                // Lomma är snittet 19 och i Staffanstorp 22".
                // Read after the total when there is one: "19 av 45 socialsekreterare ...
                // slutat, medan motsvarande antal i Östra Göteborg var 12".
                let last_figure = group(&caps, compiled.of)
                    .filter(|o| group(&caps, compiled.v).is_some_and(|v| o.start() > v.start()))
                    .or_else(|| group(&caps, compiled.v));
                let other_place = v
                    .and_then(|_| place_beside(&masked, last_figure?.end()))
                    .filter(|_| beside.is_none());
                let end = v
                    .filter(|_| kind != Kind::WorkloadChange)
                    .and_then(|_| change_end(&masked, group(&caps, compiled.v)?))
                    .or(beside.map(|(j, _)| j))
                    .or(other_place);
                // A list of places goes on clause by clause: "i Huddinge åtta och i Haninge
                // minst fem", "i Helsingborg 35 procent och i Lund 29 procent".
                let mut ends: Vec<usize> = end.into_iter().collect();
                let mut others: Vec<usize> = other_place.into_iter().collect();
                while let Some(&last) = others.last().filter(|_| others.len() < 8) {
                    // The end of the last figure's marker group, `#n3#` → before the last `#`.
                    let marker = quantities.get(last).map(|ql| match ql.unit {
                        Unit::Count => format!("#n{last}#"),
                        Unit::Percent => format!("#p{last}#"),
                        Unit::Sek => format!("#k{last}#"),
                    });
                    let next = marker
                        .and_then(|m| Some(masked.find(&m)? + m.len() - 1))
                        .and_then(|end| place_beside(&masked, end))
                        .filter(|&j| j > last);
                    match next {
                        Some(j) => {
                            others.push(j);
                            ends.push(j);
                        }
                        None => break,
                    }
                }
                for j in ends {
                    let other_place = others.contains(&j).then_some(j);
                    let Some(qj) = quantities
                        .get(j)
                        .filter(|qj| q.is_some_and(|q| q.unit == qj.unit))
                    else {
                        continue;
                    };
                    if !taken.contains(&(kind, Some(j))) {
                        taken.push((kind, Some(j)));
                        let said = if beside.is_some() {
                            time::nearest(&in_parenthesis, qj.start, qj.end)
                        } else {
                            time::nearest(times, qj.start, qj.end)
                        }
                        .map(|t| t.period);
                        let mut second = drafts.last().expect("just pushed").claim.clone();
                        second.value = Some(qj.value);
                        second.value_high = qj.high;
                        second.of = if beside.is_some() { beside_of } else { None };
                        second.unit = unit_for(kind, Some(qj.unit));
                        second.approx = qj.approx;
                        // Another place's figure without a time of its own has the first's.
                        // The year before the first's: "14,2 miljoner kronor för 2024 (8,7
                        // miljoner kronor året innan)".
                        let first = drafts.last().expect("just pushed");
                        let first_period = first.claim.period.filter(|_| first.dated_in_text);
                        let said = said.or_else(|| {
                            if other_place == Some(j) {
                                first_period
                            } else if beside.is_some() {
                                first_period?.shift_year(time::years_from_before(parenthesis)?)
                            } else {
                                None
                            }
                        });
                        let said =
                            said.map(|p| of_flow(kind, second.unit, p, sentence, now.as_ref()));
                        second.period = said.or_else(|| undated(kind, second.unit));
                        if other_place == Some(j) {
                            let at = s.start + qj.start;
                            let municipality = place_of_figure(
                                text,
                                sentence,
                                s.start,
                                (in_sentence, in_paragraph),
                                (at, s.start + qj.end),
                            )
                            .or_else(&mut doc_municipality);
                            second.municipality = municipality.map(|m| m.name.to_string());
                            second.municipality_code = municipality.map(|m| m.code.to_string());
                        }
                        drafts.push(Draft {
                            figure: Some(j),
                            unit: Some(qj.unit),
                            dated_in_text: said.is_some(),
                            claim: second,
                        });
                    }
                }
            }
        }
        settle_sentence(&mut drafts, first_draft);
    }
    let mut claims = merge_repeats(drafts);
    // A table's figure that a sentence also states is the sentence's claim: its quote says
    // more, and its time is the sentence's.
    let tables = merge_repeats(table_drafts(text, ctx, reference, doc_municipality));
    let before = claims.len();
    for t in tables {
        if !claims[..before].iter().any(|c| same_figure(c, &t)) {
            claims.push(t);
        }
    }
    if claims.len() > before {
        claims.sort_by_key(|c| c.span[0]);
    }
    claims
}

/// The figures of the document's tables ([`table`]) as claims: of the row's municipality,
/// else the document's; of the column's period, else as an undated figure of the document.
fn table_drafts(
    text: &str,
    ctx: &DocContext,
    reference: Option<Period>,
    mut doc_municipality: impl FnMut() -> Option<&'static Municipality>,
) -> Vec<Draft> {
    table::figures(text, ctx.published.as_ref())
        .into_iter()
        .map(|f| {
            let unit = unit_for(f.kind, Some(f.unit));
            let municipality = f.place.or_else(&mut doc_municipality);
            let period = f.period.or_else(|| match reference {
                // An average over the period is of all of it.
                Some(r) if is_state(f.kind, unit) && !f.averaged => Some(Period::day(r.to)),
                Some(r) => Some(r),
                None => ctx.published.as_ref().map(Period::of_published),
            });
            Draft {
                claim: Claim {
                    doc: ctx.doc.clone(),
                    kind: f.kind,
                    value: Some(f.value),
                    value_high: f.high,
                    of: None,
                    unit,
                    approx: f.approx,
                    role: f.role,
                    body: None,
                    municipality: municipality.map(|m| m.name.to_string()),
                    municipality_code: municipality.map(|m| m.code.to_string()),
                    period,
                    quote: text[f.line.clone()].to_string(),
                    span: [f.line.start, f.line.end],
                },
                figure: None,
                unit: Some(f.unit),
                dated_in_text: f.period.is_some(),
            }
        })
        .collect()
}

/// One figure of a sentence has one reading. A headcount (`staffing`) is the weakest: "nio
/// inhyrda socialsekreterare" are consultants, "sju medarbetare är sjukskrivna" sick leave.
/// And a finding without a figure ("Ivo fann brister") says nothing more once the same
/// sentence gives the inspection's figure ("... i 22 av dem").
fn settle_sentence(drafts: &mut Vec<Draft>, first: usize) {
    let mut i = drafts.len();
    while i > first {
        i -= 1;
        let d = &drafts[i];
        let weaker = drafts[first..].iter().any(|o| match d.claim.kind {
            Kind::Staffing => {
                o.claim.kind != Kind::Staffing && d.figure.is_some() && o.figure == d.figure
            }
            Kind::Inspection => {
                d.figure.is_none() && o.claim.kind == Kind::Inspection && o.figure.is_some()
            }
            _ => false,
        });
        if weaker {
            drafts.remove(i);
        }
    }
}

/// The supervisory body behind an inspection figure: named in the sentence, its paragraph,
/// or one of the three paragraphs before (news often names IVO once, then gives figures).
fn inspection_body(
    text: &str,
    paragraphs: &[text::Paragraph],
    index: usize,
    sentence: &str,
) -> Option<&'static str> {
    oversight::body_in(sentence).or_else(|| {
        (index.saturating_sub(3)..=index).rev().find_map(|i| {
            paragraphs
                .get(i)
                .and_then(|p| oversight::body_in(&text[p.start..p.end]))
        })
    })
}

fn unit_for(kind: Kind, unit: Option<Unit>) -> ClaimUnit {
    match (kind, unit) {
        (Kind::Caseload, _) => ClaimUnit::CasesPerWorker,
        (Kind::IntentToQuit | Kind::WorkloadChange, _) => ClaimUnit::Percent,
        (Kind::Deficit, _) => ClaimUnit::Sek,
        (_, Some(Unit::Percent)) => ClaimUnit::Percent,
        (_, Some(Unit::Sek)) => ClaimUnit::Sek,
        (Kind::Inspection, _) => ClaimUnit::Cases,
        _ => ClaimUnit::People,
    }
}

/// Whether a claim counts a state on a day (posts vacant, staff employed or hired), whose
/// time in a report without one of its own is the report's last day.
fn is_state(kind: Kind, unit: ClaimUnit) -> bool {
    match kind {
        Kind::Vacancies | Kind::Staffing => true,
        Kind::Consultants | Kind::SickLeave => unit == ClaimUnit::People,
        _ => false,
    }
}

/// A claim's period given the text's: what flows over a time (who left, what it cost, the
/// deficit, the inflow) stated "per den 31 augusti" or "vid årets slut" is the year up to
/// that day; a deficit "i år" is a forecast for the whole year ("räknar med att gå 42
/// miljoner kronor back i år"), unless it says "hittills".
fn of_flow(
    kind: Kind,
    unit: ClaimUnit,
    p: Period,
    sentence: &str,
    now: Option<&PubDate>,
) -> Period {
    let flows = match kind {
        Kind::Resigned | Kind::Deficit | Kind::WorkloadChange => true,
        Kind::Consultants => unit == ClaimUnit::Sek,
        _ => false,
    };
    let y = chrono::Datelike::year(&p.from);
    let (Some(new_year), Some(year_end)) = (
        chrono::NaiveDate::from_ymd_opt(y, 1, 1),
        chrono::NaiveDate::from_ymd_opt(y, 12, 31),
    ) else {
        return p;
    };
    if flows && p.from == p.to && p.from != new_year {
        return Period {
            from: new_year,
            to: p.to,
        };
    }
    let so_far = p.from == new_year && p.to < year_end && now.is_some_and(|n| n.last() == p.to);
    let costs = kind == Kind::Consultants && unit == ClaimUnit::Sek;
    if (kind == Kind::Deficit || costs) && so_far {
        let lowered = sentence.to_lowercase();
        // What consultants cost "i år" is so far, unless the sentence forecasts it:
        // "kostnaden för dem beräknas till 3,5 miljoner kronor i år".
        let whole = lowered.contains("i år")
            && !lowered.contains("hittills")
            && (kind == Kind::Deficit || forecasts(sentence));
        if whole {
            return Period {
                from: new_year,
                to: year_end,
            };
        }
    }
    p
}

/// A way to read a sentence's time, for [`Earlier::period`].
type TimeOf<'s> = dyn Fn(&text::Sentence) -> Option<Period> + 's;

/// Whether a sentence forecasts a sum for the year: "Prognosen pekar mot", "räknar med att
/// kostnaden hamnar på", "väntas landa på".
fn forecasts(sentence: &str) -> bool {
    let lowered = sentence.to_lowercase();
    ["prognos", "räknar", "hamnar på", "landar på"]
        .iter()
        .any(|w| lowered.contains(w))
        || FORECAST.is_match(fold::lowered(sentence).as_bytes())
}

/// What the text said before a sentence, for the times that refer back to it: the last time
/// named in the sentences before (back to the third paragraph before), or for a review's
/// period, the time named in a sentence that says which cases were drawn ("utredningar som
/// avslutades under perioden 1 juli–31 december 2019", "anmälningar som inkom i mars"), else
/// what was examined ("IVO har granskat 30 ärenden från 2021"): a review also names dates of
/// its own ("nämndens yttrande av den 12 mars 2020").
struct Earlier<'a> {
    text: &'a str,
    paragraphs: &'a [text::Paragraph],
    now: Option<PubDate>,
    /// Where the text names cases drawn (`true`) or examined (`false`), found in one pass
    /// over the document when a finding first needs them (scanning back sentence by
    /// sentence for each finding was 6 % of claim extraction on the synthetic texts).
    review_cues: std::cell::OnceCell<Vec<(usize, Cue)>>,
}

impl<'a> Earlier<'a> {
    fn new(text: &'a str, paragraphs: &'a [text::Paragraph], now: Option<PubDate>) -> Self {
        Earlier {
            text,
            paragraphs,
            now,
            review_cues: std::cell::OnceCell::new(),
        }
    }

    /// The whole year (or years) the sentence right before `at` in its paragraph names:
    /// "Sollentuna kommun hade under 2024 den lägsta sjukfrånvaron i norra Stockholm.
    /// Sjukfrånvaron inom socialförvaltningen var 4,8 procent." Only a calendar year: a
    /// season or "sedan i våras" there may not be the next sentence's time.
    fn year_before(&self, paragraph: usize, at: usize) -> Option<Period> {
        // The sentence before, found backwards from `at` within its paragraph and at most a
        // few hundred bytes: splitting the whole paragraph for each figure costs the square
        // of a long paragraph's length.
        let mut from = self.paragraphs[paragraph].start.max(at.saturating_sub(600));
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let window = self.text.get(from..at)?.trim_end();
        let body = window.strip_suffix(['.', '!', '?'])?;
        let start = body.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
        if start == 0 && from > self.paragraphs[paragraph].start {
            return None; // longer than the window: no sentence of a normal length
        }
        let before = &body[start..];
        let found = time::find(before, self.now.as_ref());
        found
            .iter()
            .rev()
            .find(|t| !t.near_only)
            .map(|t| t.period)
            .filter(|p| {
                use chrono::Datelike;
                (p.from.month(), p.from.day(), p.to.month(), p.to.day()) == (1, 1, 12, 31)
            })
    }

    /// The period a time in the sentence of `paragraph` starting at `at` refers back to.
    fn period(&self, paragraph: usize, at: usize, antecedent: time::Antecedent) -> Option<Period> {
        let named_in = |s: &text::Sentence| {
            let sentence = &self.text[s.start..s.end.min(at)];
            let found = time::find(sentence, self.now.as_ref());
            found.iter().rev().find(|t| !t.near_only).map(|t| t.period)
        };
        // The period a text defines as its own: "för perioden januari–mars 2017".
        let defined_in = |s: &text::Sentence| {
            let sentence = &self.text[s.start..s.end.min(at)];
            let found = time::find(sentence, self.now.as_ref());
            found
                .iter()
                .find(|t| {
                    sentence[..t.start]
                        .trim_end()
                        .to_lowercase()
                        .ends_with("perioden")
                })
                .map(|t| t.period)
        };
        // When a review or survey was made: the time its sentence names nearest its word, not
        // when its report came out ("Enkäten som Vision publicerade i mars genomfördes under
        // november och december 2022").
        let near_cue = |s: &text::Sentence, cue: usize| {
            let sentence = &self.text[s.start..s.end.min(at)];
            let found = time::find(sentence, self.now.as_ref());
            let cue = cue - s.start;
            let published_then = |t: &&time::TimeExpr| {
                let before = sentence[..t.start].trim_end().to_lowercase();
                [
                    "publicerade",
                    "publicerades",
                    "presenterade",
                    "presenterades",
                    "släpptes",
                    "redovisades",
                ]
                .iter()
                .any(|w| before.ends_with(w))
            };
            found
                .iter()
                .filter(|t| !t.near_only)
                .filter(|t| !published_then(t))
                .min_by_key(|t| t.start.abs_diff(cue).min(t.end.abs_diff(cue)))
                .map(|t| t.period)
        };
        let mut buf = Vec::new();
        if !matches!(
            antecedent,
            time::Antecedent::Review | time::Antecedent::Visit | time::Antecedent::Survey
        ) {
            let defines = matches!(
                antecedent,
                time::Antecedent::Report | time::Antecedent::Defined
            );
            // Each way to find the time, with how many paragraphs back it looks: a period the
            // text defines holds further than the last time it named.
            let mut passes: Vec<(&TimeOf, usize)> = Vec::new();
            if defines {
                passes.push((&defined_in, 12));
            }
            if antecedent != time::Antecedent::Defined {
                passes.push((&named_in, 3));
            }
            for (pass, back) in passes {
                for pi in (paragraph.saturating_sub(back)..=paragraph).rev() {
                    buf.clear();
                    text::paragraph_sentences(self.text, self.paragraphs[pi], pi, &mut buf);
                    if let Some(p) = buf.iter().rev().filter(|s| s.start < at).find_map(pass) {
                        return Some(p);
                    }
                }
            }
            return None;
        }
        let cues = self.review_cues.get_or_init(|| review_cues(self.text));
        // A visit is dated by the visit; a survey's answers by when it was made; a finding
        // first by the cases it drew, then by what was examined, then by the visit.
        let kinds: &[Cue] = match antecedent {
            time::Antecedent::Visit => &[Cue::Visited, Cue::Examined],
            time::Antecedent::Survey => &[Cue::Surveyed],
            _ => &[Cue::Drawn, Cue::Examined, Cue::Visited],
        };
        for &kind in kinds {
            let drawn = kind == Cue::Drawn;
            let mut tried = usize::MAX;
            for &(pos, _) in cues.iter().rev().filter(|&&(p, k)| p < at && k == kind) {
                // IVO's name is no visit: "Inspektionen för vård och omsorg bedömer ...".
                let name = self.text.get(pos..pos + 26).unwrap_or("");
                if kind == Cue::Visited && name.to_lowercase().starts_with("inspektionen för vård")
                {
                    continue;
                }
                let pi = self
                    .paragraphs
                    .partition_point(|p| p.start <= pos)
                    .checked_sub(1)?;
                buf.clear();
                text::paragraph_sentences(self.text, self.paragraphs[pi], pi, &mut buf);
                let Some(s) = buf.iter().find(|s| s.start <= pos && pos < s.end) else {
                    continue;
                };
                if s.start == tried {
                    continue;
                }
                tried = s.start;
                // Cases drawn are cases: "Under året avslutade 27 socialsekreterare sin
                // anställning" draws none.
                if drawn && !names_cases(&self.text[s.start..s.end]) {
                    continue;
                }
                let found = match kind {
                    Cue::Visited | Cue::Surveyed => near_cue(s, pos),
                    _ => named_in(s),
                };
                if let Some(p) = found {
                    return Some(p);
                }
            }
        }
        None
    }
}

/// Whether a sentence speaks of cases, as one that says which cases a review drew does.
fn names_cases(sentence: &str) -> bool {
    let lowered = sentence.to_lowercase();
    [
        "ärende",
        "utredning",
        "anmälning",
        "anmälan",
        "akter",
        "akt ",
        "beslut",
        "förhandsbedömning",
        "ansökning",
        "aktualiser",
        "placering",
    ]
    .iter()
    .any(|w| lowered.contains(w))
}

/// Whether a sentence speaks of a survey's answers: "de svarande", "enkäten visar".
fn surveyed(sentence: &str) -> bool {
    let lowered = sentence.to_lowercase();
    // "svarar" at a word's start ("ansvarar" is no answer); a survey's word anywhere.
    let answers = lowered.match_indices("svara").any(|(i, _)| {
        !lowered[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
    });
    answers || lowered.contains("enkät") || lowered.contains("undersökning")
}

/// What a sentence that dates a review or survey speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// The cases a review drew: "utredningar som avslutades under perioden ...".
    Drawn,
    /// What was examined: "IVO har granskat 30 ärenden från 2021".
    Examined,
    /// The review's visit: "Tillsynen genomfördes i oktober och november 2013".
    Visited,
    /// A survey: "En enkät som Vision genomförde under maj och juni".
    Surveyed,
}

/// [`Earlier::review_cues`] of a document.
fn review_cues(text: &str) -> Vec<(usize, Cue)> {
    static CUES: LazyLock<[(Regex, Cue); 4]> = LazyLock::new(|| {
        let re = |p: &str| Regex::new(&fold::pattern(p)).expect("review cue");
        [
            (
                re(
                    r"\b(?:avslutade|avslutades|avslutats|inkom|inkommit|inkomna|inleddes|inledda|påbörjades|påbörjade|aktualiserades|fattades|beslutades)\b",
                ),
                Cue::Drawn,
            ),
            (
                re(
                    r"\b(?:granskat|granskade|granskningen|granskning|stickprov\w*|omfattade|omfattar)\b",
                ),
                Cue::Examined,
            ),
            (
                re(
                    r"\b(?:tillsyn|tillsynen|tillsynsbesök\w*|inspektion|inspektionen|inspektioner|inspektionsbesök\w*)\b",
                ),
                Cue::Visited,
            ),
            (
                re(
                    // Inside compounds too ("medarbetarenkäten"): the word's place is near enough.
                    r"enkät|undersökning",
                ),
                Cue::Surveyed,
            ),
        ]
    });
    // Lower-cased and folded: the same byte offsets as the text.
    let lowered = fold::lowered(text);
    // A survey's word ends there ("medarbetarenkäten"), not inside a longer one
    // ("enkätsvaren"): a literal without word boundaries runs many times faster.
    let word_ends = |end: usize| {
        let rest = lowered[end..].strip_prefix("en").unwrap_or(&lowered[end..]);
        !rest.starts_with(|c: char| c.is_alphanumeric())
    };
    let mut cues: Vec<(usize, Cue)> = CUES
        .iter()
        .flat_map(|(re, cue)| {
            re.find_iter(&lowered)
                .filter(move |m| *cue != Cue::Surveyed || word_ends(m.end()))
                .map(move |m| (m.start(), *cue))
        })
        .collect();
    cues.sort_unstable_by_key(|&(p, _)| p);
    cues
}

/// A claim before merging, and whether its own sentence dates it.
struct Draft {
    claim: Claim,
    /// Index of the figure among the sentence's quantities.
    figure: Option<usize>,
    /// What the figure counts, for a figure of the next sentence that refers back to it.
    unit: Option<Unit>,
    dated_in_text: bool,
}

/// One figure stated several times in a document (headline, lead, body) is one claim: the
/// same kind, figure and municipality, with totals that agree or are left out. The most
/// complete statement is kept: one with a total ("10 av 30") before one without, then one
/// whose sentence says when ("2016 slutade nära hälften") before a headline that does not.
/// Whether two claims of a document state one figure: the same kind, figure and
/// municipality, with totals that agree or are left out.
fn same_figure(e: &Claim, c: &Claim) -> bool {
    e.kind == c.kind
        && e.value == c.value
        && e.value_high == c.value_high
        && e.unit == c.unit
        && e.municipality_code == c.municipality_code
        && (e.of == c.of || e.of.is_none() || c.of.is_none())
        && (e.value.is_some() || e.quote == c.quote)
}

fn merge_repeats(drafts: Vec<Draft>) -> Vec<Claim> {
    let mut out: Vec<Draft> = Vec::new();
    for d in drafts {
        let same = out.iter_mut().find(|e| same_figure(&e.claim, &d.claim));
        match same {
            Some(e) => {
                let rank = |x: &Draft| (x.claim.of.is_some(), x.dated_in_text);
                if rank(&d) > rank(e) {
                    *e = d;
                }
            }
            None => out.push(d),
        }
    }
    let mut claims: Vec<Claim> = out.into_iter().map(|d| d.claim).collect();
    claims.sort_by_key(|c| c.span[0]);
    claims
}

#[cfg(test)]
pub(crate) mod tests;
