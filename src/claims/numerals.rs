//! Swedish numbers as they are written in news and municipal prose.
//!
//! [`scan`] finds every quantity in a sentence: digits ("10", "1 200", "33,5"), words ("tio",
//! "tjugofem", "hundra"), approximations ("ett tiotal", "ett 100-tal", "ett dussin"), fractions
//! ("hälften", "en tredjedel", "var fjärde"), ranges ("40–45", "15-20", "13 till 24",
//! "mellan 13 och 24"), hedges ("drygt", "nära", "cirka", "mer än") and the unit that follows
//! ("procent", "%", "miljoner kronor", "mnkr").
//!
//! Things that look like numbers but are not quantities are left out on purpose, because the
//! claim patterns must never read them as figures: years ("2021"), dates ("3 sep 2021",
//! "2024-12-10", "30 april"), clock times ("05:15", "kl 16"), ages ("18-årig"), phone numbers,
//! and references ("Paragraf 12", "§ 4", "sidan 3", "nr 7").

use super::fold;
use regex::Regex;
use std::sync::LazyLock;

/// What a quantity counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A plain count: people, cases, posts.
    Count,
    /// A share: "30 procent", "hälften" (50), "var fjärde" (25).
    Percent,
    /// Money in kronor, already multiplied out ("33 miljoner kronor" = 33 000 000).
    Sek,
}

/// One quantity found in a sentence; `start..end` are byte offsets of the whole expression
/// (hedge and unit included).
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// Upper end of a range ("40–45" has value 40, high 45).
    pub high: Option<f64>,
    /// A hedge ("drygt", "cirka") or an approximate word ("ett tiotal") was used.
    pub approx: bool,
    pub unit: Unit,
}

const WORD_UNITS: &[(&str, f64)] = &[
    ("noll", 0.0),
    ("två", 2.0),
    ("tre", 3.0),
    ("fyra", 4.0),
    ("fem", 5.0),
    ("sex", 6.0),
    ("sju", 7.0),
    ("åtta", 8.0),
    ("nio", 9.0),
    ("tio", 10.0),
    ("elva", 11.0),
    ("tolv", 12.0),
    ("tretton", 13.0),
    ("fjorton", 14.0),
    ("femton", 15.0),
    ("sexton", 16.0),
    ("sjutton", 17.0),
    ("arton", 18.0),
    ("nitton", 19.0),
];

const WORD_TENS: &[(&str, f64)] = &[
    ("tjugo", 20.0),
    ("trettio", 30.0),
    ("fyrtio", 40.0),
    ("femtio", 50.0),
    ("sextio", 60.0),
    ("sjuttio", 70.0),
    ("åttio", 80.0),
    ("nittio", 90.0),
];

/// Shares written as words, in percent. "en tredjedel" is 33 as the claim spec says.
const FRACTIONS: &[(&str, f64)] = &[
    ("hälften", 50.0),
    ("häften", 50.0), // a common slip of the pen for "hälften"
    ("halva", 50.0),
    ("varannan", 50.0),
    ("vartannat", 50.0),
    ("en tredjedel", 33.0),
    ("var tredje", 33.0),
    ("två tredjedelar", 67.0),
    ("en fjärdedel", 25.0),
    ("var fjärde", 25.0),
    ("tre fjärdedelar", 75.0),
    ("en femtedel", 20.0),
    ("var femte", 20.0),
    ("var sjätte", 17.0),
    ("var tionde", 10.0),
    // The neuter, of cases and files: "I vart fjärde av de granskade ärendena".
    ("vart tredje", 33.0),
    ("vart fjärde", 25.0),
    ("vart femte", 20.0),
    ("vart tionde", 10.0),
];

/// Words before a number that make it approximate or a bound.
const HEDGES: &[&str] = &[
    "drygt",
    "dryga",
    "nära",
    "närmare",
    "nästan",
    "cirka",
    "ca.",
    "ca",
    "c:a",
    "omkring",
    "runt",
    "ungefär",
    "uppemot",
    "upp emot",
    "upp mot",
    "mer än",
    "fler än",
    "över",
    "knappt",
    "minst",
    "bortåt",
    "kring",
    "upp till",
    "uppåt",
    "uppskattningsvis",
    "totalt",
    "sammanlagt",
];

/// The hedges as they stand in the folded, lower-cased text the patterns run over.
static FOLDED_HEDGES: LazyLock<Vec<String>> =
    LazyLock::new(|| HEDGES.iter().map(|h| fold::lowered(h)).collect());

/// Hedges that make a figure approximate. "totalt"/"sammanlagt" are read but exact.
fn hedge_is_approx(hedge: &str) -> bool {
    !matches!(hedge, "totalt" | "sammanlagt")
}

/// Word for a number below a hundred: "tio", "tjugofem", "trettioett".
fn word_number_pattern() -> String {
    let units: Vec<&str> = WORD_UNITS.iter().map(|(w, _)| *w).collect();
    let tens: Vec<&str> = WORD_TENS.iter().map(|(w, _)| *w).collect();
    format!(
        r"(?:(?:{tens})(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio)?|(?:ett|två|tre|fyra|fem)?hundra|tusen|{units})",
        tens = tens.join("|"),
        units = units.join("|")
    )
}

/// What every quantity holds, as it is written: one of [`IN_EVERY_NUMBER`] anywhere, or a word
/// that begins with one of [`STARTS_EVERY_NUMBER_WORD`]. The claim prefilter looks for them to
/// tell whether a sentence can hold a figure at all; a test proves on [`atom_pattern`]'s syntax
/// tree that no atom does without one.
///
/// Digits anywhere; "hundra" and "tusen" anywhere, since they follow other number words
/// ("etthundra", "tvåtusen").
pub(super) const IN_EVERY_NUMBER: &[&str] = &[
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "hundra", "tusen",
];

/// The number words, by how they begin: "trettio" and "tredjedel" begin with "tre", "femtio"
/// with "fem". Only at the start of a word, because inside words they are everywhere: "tio"
/// in every "-tion" ("information", "Migrationsverket"), "tre" in "utredning", "nio" in
/// "opinion"; looked for anywhere, they let a third of a news text's sentences through to
/// the rules, most of them without a number.
pub(super) const STARTS_EVERY_NUMBER_WORD: &[&str] = &[
    "noll",
    "två",
    "tre",
    "fyra",
    "fem",
    "sex",
    "sju",
    "åtta",
    "nio",
    "tio",
    "elva",
    "tolv",
    "fjorton",
    "arton",
    "nitton",
    "tjugo",
    "fyrtio",
    "åttio",
    "nittio",
    "hälften",
    "häften",
    "halva",
    "varannan",
    "vartannat",
    "fjärde",
    "sjätte",
    "dussin",
];

/// The atom pattern in plain Swedish, lower case, before folding ([`ATOM`] runs it over
/// lower-cased text).
pub(super) fn atom_pattern() -> String {
    let fractions: Vec<String> = FRACTIONS
        .iter()
        .map(|(w, _)| w.replace(' ', r"\s+"))
        .collect();
    format!(
        r"(?x)
        \b(?:
            (?P<frac>{fractions})
          | ett\s+(?P<tal_digits>\d+)-tal
          | ett\s+(?P<tal_word>tio|tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio|hundra|tusen)tal
          | (?P<dozen>ett\s+dussin)
          | (?P<digits>\d{{1,3}}(?:[\u{{a0}}\u{{202f}}\u{{2009}}\u{{2007}}\x20]\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?)
          | (?P<word>{words})
        )\b",
        fractions = fractions.join("|"),
        words = word_number_pattern(),
    )
}

/// An atom is the number itself, before hedges, ranges and units are attached.
static ATOM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&fold::pattern(&atom_pattern())).expect("numeral atom pattern"));

/// The numbers of [`ATOM`]'s groups, in the order [`atoms`] tries them (`Captures::name`
/// hashes the name at every call, and every atom asked for up to six).
static ATOM_GROUPS: LazyLock<[usize; 6]> = LazyLock::new(|| {
    ["frac", "tal_digits", "tal_word", "dozen", "digits", "word"].map(|name| {
        ATOM.capture_names()
            .position(|n| n == Some(name))
            .expect("a group of the atom pattern")
    })
});

/// Spans that hold digits but no quantity: dates, times, phone numbers, references, ages.
static NOT_A_QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(
        r"(?x)
          \b\d{4}-\d{1,2}-\d{1,2}\b                              # 2024-12-10
        | \b\d{1,2}/\d{1,2}(?:[-/]\d{2,4})?\b                     # 3/9, 3/9-21
        | \b\d{1,2}[:.]\d{2}\b                                    # 05:15, 16.30
        | \bkl(?:\.|ockan)?\s+\d{1,2}(?:[:.]\d{2})?\b             # kl 16, klockan 16
        | \b\d{1,2}\s+(?:jan(?:uari)?|feb(?:ruari)?|mars?|apr(?:il)?|maj|jun[ei]?|jul[i]?|aug(?:usti)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:\s+\d{4})?
        | \b0\d{1,3}[-\x20]\d{2,3}(?:[\x20-]?\d{2}){1,3}\b        # phone numbers 08-123 45 67
        | (?:§|\bparagraf|\bsidan?|\bs\.|\bnr\.?|\bnummer|\bkap\.?|\bkapitel|\bpunkt|\bbilaga|\bdnr|\bärende\s+nr)\s*\d+
        | \b\d+-?(?:årig|åring|års|årsåldern|talet|tals)\w*      # 18-årig, 1990-talet
        | \b\d+\s*(?:år|månader|veckor|dagar|timmar|minuter)\s+(?:gammal|gamla|sedan)\b
        # A length of time (sex månader, de tre senaste åren, 13–17 år, tolv veckors): no
        # claim counts time, and a number of months masked as a figure would stand in a
        # rule's way (låg under årets första sex månader på drygt 14 procent).
        | \b(?:[0-9a-z,]+\s*[–-]\s*)?[0-9a-z,]+\s+(?:(?:senaste|första|sista|kommande|närmaste|gångna)\s+)?
          (?:år|åren|årens|års|månad|månader|månaderna|månadernas|månaders|vecka|veckor|veckorna|veckors
            |dag|dagar|dagarna|dagars|dygn|timmar|timmarna|timmars|terminer)\b
        # A multiplier (tre gånger så hög): a ratio, no figure of a claim.
        | \b[0-9a-z,]+\s+gånger\b
        | \b(?:vecka|v\.|tertial|kvartal|delår)\s*\d+\b              # vecka 12, tertial 2
        | \b\d+:(?:e|a)\b                                        # 3:e, 1:a
        ",
    ))
    .expect("non-quantity pattern")
});

static HEDGE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let hedges: Vec<String> = HEDGES.iter().map(|h| regex::escape(h)).collect();
    let hedges = hedges.join("|");
    Regex::new(&fold::pattern(&format!(r"\b(?P<hedge>{hedges})\s+$"))).expect("hedge pattern")
});

static MELLAN_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&fold::pattern(r"\bmellan\s+$")).expect("mellan pattern"));

/// What joins the two ends of a range: a dash (or the minus sign typesetting puts for
/// one), "till", "à", or "och" after "mellan".
static RANGE_JOIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(r"^(?:\s*[–—−-]\s*|\s+(?:till|à)\s+)")).expect("range join")
});
static OCH_JOIN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s+och\s+").expect("och join"));

// What the patterns around a number need, tested before they run: most numbers have no
// hedge before them and no unit after, and a regex call costs some hundred instructions
// however soon it fails (with these tests `scan` went from 0.25 to 0.21 G instructions on
// the claims bench's synthetic texts). Each test is implied by its pattern's match (a test
// checks it on every cut of many sentences), so a text it turns down is one the pattern
// does not match.

/// Whether `before` (folded and lower-cased) may end with a hedge and white space
/// ([`HEDGE_BEFORE`]).
fn may_end_with_hedge(before: &str) -> bool {
    let trimmed = before.trim_end();
    // The last byte first: a call to compare strings for each hedge cost more than the
    // pattern saved.
    let last = trimmed.as_bytes().last();
    trimmed.len() < before.len()
        && FOLDED_HEDGES
            .iter()
            .any(|h| h.as_bytes().last() == last && trimmed.ends_with(h.as_str()))
}

/// Whether `before` may end with "mellan" and white space ([`MELLAN_BEFORE`]).
fn may_end_with_mellan(before: &str) -> bool {
    let trimmed = before.trim_end();
    trimmed.len() < before.len() && trimmed.ends_with("mellan")
}

/// Whether `after` (folded and lower-cased) may start with a unit, after white space
/// ([`PERCENT_AFTER`]: "procent", "%"; [`MONEY_AFTER`]: words in m, t, k and s).
fn may_start_with_unit(after: &str) -> bool {
    after
        .trim_start()
        .starts_with(['p', '%', 'm', 't', 'k', 's'])
}

/// Whether the figure after `before` (folded and lower-cased) starts a change: "från" right
/// before it, or before a hedge or an average ("från 7", "från drygt 7", "från i snitt 26").
fn follows_fran(before: &str) -> bool {
    // "varierar från 20 till 35" is a range.
    const SPANS: &[&str] = &[
        "varierar",
        "varierade",
        "varierat",
        "skiftar",
        "pendlar",
        "spänner",
    ];
    const BETWEEN: &[&str] = &[
        "i",
        "snitt",
        "genomsnitt",
        "drygt",
        "knappt",
        "cirka",
        "ca",
        "omkring",
        "runt",
        "nqastan",
        "ungefqer",
    ];
    let mut words = before
        .split_whitespace()
        .rev()
        .skip_while(|w| BETWEEN.contains(w));
    words.next() == Some("frqan") && !words.next().is_some_and(|w| SPANS.contains(&w))
}

/// Whether `gap` joins the two figures of a change: "till", or "till" and a hedge of the
/// second ("från knappt 7 till drygt 10 procent").
fn is_change_join(gap: &str) -> bool {
    let gap = gap.trim();
    gap == "till"
        || gap
            .strip_prefix("till ")
            .is_some_and(|h| FOLDED_HEDGES.iter().any(|f| f == h.trim()))
}

/// Whether `gap` may be all a range join, [`RANGE_JOIN`]: a dash, "till" or "à" in white
/// space.
fn may_join_range(gap: &str) -> bool {
    matches!(gap.trim(), "–" | "—" | "−" | "-" | "till" | "à")
}

static PERCENT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(r"^\s*(?:procent(?:enheter)?\b|%)")).expect("percent pattern")
});

/// Money: a scale word, then optionally "kronor"/"kr"; or "kronor" directly.
static MONEY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(
        r"(?x)^\s*(?:
            # Longest first, whole words: milj. must not eat the start of miljarder.
            (?P<scale>miljarder|miljard|miljoner|miljon|mdkr|mnkr|mkr|msek|tkr|tusen|milj\.|milj\b)(?:\s+(?:kronor|kr|sek)\b)?
          | (?P<kr>kronor|kr|sek)\b
        )",
    ))
    .expect("money pattern")
});

fn scale_factor(scale: &str) -> f64 {
    match scale.to_lowercase().trim_end_matches('.') {
        "miljoner" | "miljon" | "milj" | "mnkr" | "mkr" | "msek" => 1e6,
        "miljarder" | "miljard" | "mdkr" => 1e9,
        "tkr" | "tusen" => 1e3,
        _ => 1.0,
    }
}

fn parse_digits(s: &str) -> Option<f64> {
    let cleaned: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    cleaned.parse().ok()
}

fn parse_word(w: &str) -> Option<f64> {
    let w = w.to_lowercase();
    if let Some((_, v)) = WORD_UNITS.iter().find(|(u, _)| *u == w) {
        return Some(*v);
    }
    if w == "tusen" {
        return Some(1000.0);
    }
    if let Some(rest) = w.strip_suffix("hundra") {
        let mult = match rest {
            "" | "ett" => 1.0,
            other => WORD_UNITS.iter().find(|(u, _)| *u == other)?.1,
        };
        return Some(100.0 * mult);
    }
    for (tens, tv) in WORD_TENS {
        if let Some(rest) = w.strip_prefix(tens) {
            if rest.is_empty() {
                return Some(*tv);
            }
            let unit = match rest {
                "en" | "ett" => 1.0,
                other => WORD_UNITS.iter().find(|(u, _)| *u == other)?.1,
            };
            return Some(tv + unit);
        }
    }
    None
}

/// A bare atom: its span, value, whether it is approximate, and whether it is a share.
struct Atom {
    start: usize,
    end: usize,
    value: f64,
    approx: bool,
    fraction: bool,
    /// Written with digits: only those can be years.
    digits: bool,
}

/// The atoms of `text`; the patterns run over `folded` (same offsets, see [`fold`]) and the
/// words are read from `text`.
fn atoms(folded: &str, text: &str) -> Vec<Atom> {
    let excluded: Vec<(usize, usize)> = NOT_A_QUANTITY
        .find_iter(folded)
        .map(|m| (m.start(), m.end()))
        .collect();
    let overlaps = |s: usize, e: usize| excluded.iter().any(|&(a, b)| s < b && a < e);
    let mut out = Vec::new();
    let original = |m: regex::Match| &text[m.start()..m.end()];
    let [frac, tal_digits, tal_word, dozen, digits, word] = *ATOM_GROUPS;
    for m in ATOM.find_iter(folded) {
        if overlaps(m.start(), m.end()) {
            continue;
        }
        // An atom that starts with a digit is a number in digits, the whole match (no other
        // branch starts with one): read without the capture search, which runs a
        // backtracking engine over the match (`scan` 0.40 → 0.24 G instructions on the
        // claims bench's synthetic texts).
        if folded.as_bytes()[m.start()].is_ascii_digit() {
            if let Some(value) = parse_digits(original(m)) {
                out.push(Atom {
                    start: m.start(),
                    end: m.end(),
                    value,
                    approx: false,
                    fraction: false,
                    digits: true,
                });
            }
            continue;
        }
        // The same match again, with its groups: searched from its start, the leftmost
        // match is this one.
        let Some(caps) = ATOM.captures_at(folded, m.start()) else {
            continue;
        };
        debug_assert_eq!(caps.get(0).map(|c| c.range()), Some(m.range()));
        let (value, approx, fraction, digits) = if let Some(f) = caps.get(frac) {
            let key = original(f).to_lowercase();
            let key: String = key.split_whitespace().collect::<Vec<_>>().join(" ");
            match FRACTIONS.iter().find(|(w, _)| *w == key) {
                Some((_, v)) => (*v, false, true, false),
                None => continue,
            }
        } else if let Some(d) = caps.get(tal_digits) {
            match parse_digits(original(d)) {
                Some(v) => (v, true, false, false),
                None => continue,
            }
        } else if let Some(w) = caps.get(tal_word) {
            match parse_word(original(w)) {
                Some(v) => (v, true, false, false),
                None => continue,
            }
        } else if caps.get(dozen).is_some() {
            (12.0, true, false, false)
        } else if let Some(d) = caps.get(digits) {
            match parse_digits(original(d)) {
                Some(v) => (v, false, false, true),
                None => continue,
            }
        } else if let Some(w) = caps.get(word) {
            match parse_word(original(w)) {
                Some(v) => (v, false, false, false),
                None => continue,
            }
        } else {
            continue;
        };
        out.push(Atom {
            start: m.start(),
            end: m.end(),
            value,
            approx,
            fraction,
            digits,
        });
    }
    out
}

/// A four-digit number between 1900 and 2099 with no unit is a year, not a quantity.
fn is_year(atom: &Atom) -> bool {
    atom.digits
        && atom.value.fract() == 0.0
        && (1900.0..2100.0).contains(&atom.value)
        && atom.end - atom.start == 4
}

/// Every quantity in `text`, in order of appearance.
pub fn scan(text: &str) -> Vec<Quantity> {
    // The patterns are written in lower case and run over the text folded and lower-cased
    // in ASCII (same offsets): case-insensitive Unicode patterns compiled to automata several
    // times the size, slower to build and to search with.
    let folded = fold::lowered(text);
    let atoms = atoms(&folded, text);
    let mut out: Vec<Quantity> = Vec::new();
    // The start of a change, "från 7 till 10,4 procent", which takes the unit of its end:
    // its index in `out` and the atom of its end.
    let mut takes_next_unit: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < atoms.len() {
        let a = &atoms[i];
        let mut q = Quantity {
            start: a.start,
            end: a.end,
            value: a.value,
            high: None,
            approx: a.approx,
            unit: if a.fraction {
                Unit::Percent
            } else {
                Unit::Count
            },
        };
        let before = &folded[..a.start];
        let mellan = may_end_with_mellan(before)
            .then(|| MELLAN_BEFORE.find(before))
            .flatten();

        // A range: "40–45", "13 till 24", "mellan 13 och 24".
        if !a.fraction {
            if let Some(b) = atoms.get(i + 1) {
                let gap = &folded[a.end..b.start];
                let joined = (may_join_range(gap)
                    && RANGE_JOIN.find(gap).is_some_and(|m| m.end() == gap.len()))
                    || (mellan.is_some()
                        && OCH_JOIN.find(gap).is_some_and(|m| m.end() == gap.len()));
                // "från 7 till 10,4 procent" is a change, two figures, not a range.
                let change = is_change_join(gap) && follows_fran(before);
                if change {
                    takes_next_unit = Some((out.len(), i + 1));
                } else if joined
                    && !b.fraction
                    && b.value > a.value
                    && !(is_year(a) && is_year(b))
                    // "uppgick 2016 till 4 300 tkr": a year, then the figure of that year.
                    && !(is_year(a) && !is_year(b) && gap.trim() == "till")
                {
                    q.high = Some(b.value);
                    q.end = b.end;
                    q.approx |= b.approx;
                    i += 1;
                }
            }
        }
        if let Some(m) = mellan {
            if q.high.is_some() {
                q.start = m.start();
            }
        }

        // A hedge right before: "drygt 30", "de dryga 30".
        let before = &folded[..q.start];
        if let Some(caps) = may_end_with_hedge(before)
            .then(|| HEDGE_BEFORE.captures(before))
            .flatten()
        {
            let h = caps.name("hedge").expect("hedge group");
            q.approx |= hedge_is_approx(&text[h.start()..h.end()].to_lowercase());
            q.start = h.start();
        }

        // The unit right after.
        let mut money_scale = 1.0;
        let after = &folded[q.end..];
        let unit_after = may_start_with_unit(after);
        if let Some(m) = unit_after.then(|| PERCENT_AFTER.find(after)).flatten() {
            q.unit = Unit::Percent;
            q.end += m.end();
        } else if let Some(caps) = unit_after.then(|| MONEY_AFTER.captures(after)).flatten() {
            let factor = caps.name("scale").map_or(1.0, |s| scale_factor(s.as_str()));
            money_scale = factor;
            q.unit = Unit::Sek;
            q.value = (q.value * factor).round();
            q.high = q.high.map(|h| (h * factor).round());
            q.end += caps.get(0).expect("whole").end();
        } else if is_year(a) && q.high.is_none() {
            // "2016 slutade nära hälften": the year belongs to the time expression.
            i += 1;
            continue;
        } else if q.high.is_some() && is_year(a) {
            i += 1;
            continue;
        }
        // The start of a change has the unit of its end: "från 7 till 10,4 procent" is 7 %,
        // "från 9,2 till 3,1 miljoner kronor" 9 200 000 kronor.
        if let Some((start, _)) = takes_next_unit.filter(|&(_, end)| end == i) {
            takes_next_unit = None;
            if let Some(prev) = out.get_mut(start).filter(|p| p.unit == Unit::Count) {
                if q.unit == Unit::Sek {
                    prev.value = (prev.value * money_scale).round();
                }
                prev.unit = q.unit;
            }
        }
        // A unit word that is also a number ("tusen" in "tre tusen") was read as this
        // quantity's scale: it is no quantity of its own. Quantities never overlap, so the
        // masked sentence can replace each by its marker.
        while atoms.get(i + 1).is_some_and(|next| next.start < q.end) {
            i += 1;
        }
        out.push(q);
        i += 1;
    }
    exact_share_in_apposition(text, &folded, &mut out);
    out
}

/// A share in words that an exact percent follows in apposition takes that percent: "nästan
/// hälften, 46 procent, har funderat på att säga upp sig", "var tredje svarande (36 procent)".
/// The words are the writer's rounding of the figure they give beside it.
fn exact_share_in_apposition(text: &str, folded: &str, out: &mut Vec<Quantity>) {
    let in_words = |q: &Quantity| {
        q.unit == Unit::Percent && !text[q.start..q.end].bytes().any(|b| b.is_ascii_digit())
    };
    let mut merged = Vec::new();
    for k in 1..out.len() {
        if merged.last() == Some(&(k - 1)) {
            continue;
        }
        let (share, exact) = (&out[k - 1], &out[k]);
        if !in_words(share) || exact.unit != Unit::Percent || in_words(exact) {
            continue;
        }
        // Between them at most the share's noun ("av socialsekreterarna", "svarande"), then
        // the comma or parenthesis that opens the apposition; after it, the one that closes it.
        let gap = folded[share.end..exact.start].trim_end();
        let Some(noun) = gap.strip_suffix([',', '(']) else {
            continue;
        };
        let noun_only = noun.len() <= 60
            && noun.split_whitespace().count() <= 6
            && noun
                .split_whitespace()
                .all(|w| w.chars().all(char::is_alphabetic) && !matches!(w, "och" | "eller"));
        let close = if gap.ends_with('(') { ")" } else { "," };
        let after = &folded[exact.end..];
        let closes = after.trim_start().starts_with(close);
        if noun_only && closes {
            let (value, high, approx) = (exact.value, exact.high, exact.approx);
            // Nothing between them: one figure, the apposition and its closing mark
            // included, so that the words after it read as the share's ("nästan hälften,
            // 46 procent, av socialsekreterarna vill sluta").
            let merged_end = (noun.trim().is_empty())
                .then(|| exact.end + after.find(close).map_or(0, |i| i + close.len()));
            let share = &mut out[k - 1];
            (share.value, share.high, share.approx) = (value, high, approx);
            if let Some(end) = merged_end {
                share.end = end;
                merged.push(k);
            }
        }
    }
    for k in merged.into_iter().rev() {
        out.remove(k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tests run before the patterns around a number never turn down a text the
    /// pattern matches: on every cut of the seeds' lines and of phrasings with each hedge
    /// and unit, in either case and with odd white space.
    #[test]
    fn tests_before_the_patterns_are_implied_by_them() {
        let mut lines: Vec<String> = crate::claims::tests::seed_texts()
            .iter()
            .flat_map(|text| text.lines().map(str::to_string).collect::<Vec<_>>())
            .collect();
        for h in HEDGES.iter().chain(&["mellan", "MELLAN", "Upp Emot"]) {
            lines.push(format!(
                "det var {h} 30 och {}\u{a0}\t12 st",
                h.to_uppercase()
            ));
        }
        for u in [
            "procent",
            "procentenheter",
            "%",
            "miljoner kronor",
            "Mkr",
            "tkr",
            "kr",
            "SEK",
        ] {
            lines.push(format!("ökade med 30 {u} och 4\u{a0}{u}, 5{u}."));
        }
        for j in ["–", "—", "-", "till", "à", "TILL", "och"] {
            lines.push(format!("mellan 13 {j} 24, 13{j}24 och 13 \u{2003}{j}\t24"));
        }
        let (mut hedges, mut units, mut joins) = (0, 0, 0);
        for line in &lines {
            let folded = fold::lowered(line);
            let cuts: Vec<usize> = (0..=folded.len())
                .filter(|&i| folded.is_char_boundary(i))
                .collect();
            for &i in &cuts {
                let (before, after) = folded.split_at(i);
                if HEDGE_BEFORE.is_match(before) {
                    assert!(may_end_with_hedge(before), "{before:?}");
                    hedges += 1;
                }
                if MELLAN_BEFORE.is_match(before) {
                    assert!(may_end_with_mellan(before), "{before:?}");
                }
                if PERCENT_AFTER.is_match(after) || MONEY_AFTER.is_match(after) {
                    assert!(may_start_with_unit(after), "{after:?}");
                    units += 1;
                }
            }
            for (a, &i) in cuts.iter().enumerate() {
                for &j in cuts[a..].iter().take(16) {
                    let gap = &folded[i..j];
                    if RANGE_JOIN.find(gap).is_some_and(|m| m.end() == gap.len()) {
                        assert!(may_join_range(gap), "{gap:?}");
                        joins += 1;
                    }
                }
            }
        }
        assert!(
            hedges > 50 && units > 30 && joins > 15,
            "{hedges} {units} {joins}"
        );
    }

    fn one(text: &str) -> Quantity {
        let qs = scan(text);
        assert_eq!(qs.len(), 1, "expected one quantity in {text:?}, got {qs:?}");
        qs.into_iter().next().unwrap()
    }

    fn values(text: &str) -> Vec<(f64, Option<f64>)> {
        scan(text).iter().map(|q| (q.value, q.high)).collect()
    }

    /// The patterns are lower case and run over lower-cased text: capitals read the same,
    /// Swedish ones too.
    #[test]
    fn capitals_read_as_lower_case() {
        let q = one("DRYGT TRETTIO PROCENT");
        assert_eq!((q.value, q.approx, q.unit), (30.0, true, Unit::Percent));
        let q = one("ÅTTA MILJONER KRONOR");
        assert_eq!((q.value, q.unit), (8_000_000.0, Unit::Sek));
        assert_eq!(values("MELLAN 13 OCH 24"), vec![(13.0, Some(24.0))]);
        assert_eq!(one("HÄLFTEN").value, 50.0);
    }

    #[test]
    fn digits_and_words() {
        assert_eq!(one("10 socialsekreterare").value, 10.0);
        assert_eq!(one("Tio uppsägningar").value, 10.0);
        assert_eq!(one("tjugofem anställda").value, 25.0);
        assert_eq!(one("trettioett ärenden").value, 31.0);
        assert_eq!(one("fyrtio handläggare").value, 40.0);
        assert_eq!(one("tvåhundra anställda").value, 200.0);
        assert_eq!(one("1 200 anställda").value, 1200.0);
        // Thousands set apart by a no-break, narrow no-break, thin or figure space.
        for space in ['\u{a0}', '\u{202f}', '\u{2009}', '\u{2007}'] {
            assert_eq!(
                one(&format!("1{space}200 anställda")).value,
                1200.0,
                "{space:?}"
            );
        }
        assert_eq!(one("sju vakanta tjänster").value, 7.0);
        assert_eq!(one("Elva har slutat").value, 11.0);
    }

    /// "från X till Y" is a change, two figures, and the first takes the unit of the second.
    #[test]
    fn a_change_is_two_figures() {
        let units = |text: &str| -> Vec<(f64, Option<f64>, Unit)> {
            scan(text)
                .iter()
                .map(|q| (q.value, q.high, q.unit))
                .collect()
        };
        assert_eq!(
            units("sjukfrånvaron steg från 7 till 10,4 procent"),
            vec![(7.0, None, Unit::Percent), (10.4, None, Unit::Percent)]
        );
        assert_eq!(
            units("kostnaderna minskade från 9,2 till 3,1 miljoner kronor"),
            vec![
                (9_200_000.0, None, Unit::Sek),
                (3_100_000.0, None, Unit::Sek)
            ]
        );
        assert_eq!(
            units("från i snitt 26 till 19 ärenden"),
            vec![(26.0, None, Unit::Count), (19.0, None, Unit::Count)]
        );
        assert_eq!(
            units("från drygt 30 till 45 procent"),
            vec![(30.0, None, Unit::Percent), (45.0, None, Unit::Percent)]
        );
        // A range stays a range, and the words before a range that are not "från" do not
        // make it a change.
        assert_eq!(
            units("de har 13 till 24 ärenden"),
            vec![(13.0, Some(24.0), Unit::Count)]
        );
        assert_eq!(
            units("från kommunen: 13 till 24 ärenden"),
            vec![(13.0, Some(24.0), Unit::Count)]
        );
        // A unit of its own is kept.
        assert_eq!(
            units("från 20 procent till 3 miljoner kronor"),
            vec![(20.0, None, Unit::Percent), (3_000_000.0, None, Unit::Sek)]
        );
    }

    #[test]
    fn approximations() {
        let q = one("ytterligare ett 100-tal ärenden");
        assert_eq!((q.value, q.approx), (100.0, true));
        let q = one("ett tiotal socialsekreterare");
        assert_eq!((q.value, q.approx), (10.0, true));
        let q = one("ett tjugotal anställda");
        assert_eq!((q.value, q.approx), (20.0, true));
        assert_eq!(one("ett dussin handläggare").value, 12.0);
    }

    #[test]
    fn hedges_mark_approximate_and_keep_the_number() {
        for text in [
            "drygt 30 procent",
            "de dryga 30 anställda",
            "nära 40 ärenden",
            "cirka 12 socialsekreterare",
            "mer än 20 socionomer",
            "närmare hälften",
            "omkring tio",
        ] {
            let q = one(text);
            assert!(q.approx, "{text} should be approximate");
        }
        assert_eq!(one("drygt 30 procent").value, 30.0);
        assert!(!one("30 procent").approx);
        assert!(!one("totalt 30 anställda").approx);
    }

    #[test]
    fn ranges() {
        assert_eq!(values("40–45 ärenden"), vec![(40.0, Some(45.0))]);
        assert_eq!(values("15-20 ärenden"), vec![(15.0, Some(20.0))]);
        assert_eq!(values("15\u{2212}20 ärenden"), vec![(15.0, Some(20.0))]);
        assert_eq!(values("13 till 24 ärenden"), vec![(13.0, Some(24.0))]);
        assert_eq!(values("mellan 13 och 24 ärenden"), vec![(13.0, Some(24.0))]);
        assert_eq!(values("tio till tolv ärenden"), vec![(10.0, Some(12.0))]);
        // "1 och 2" is two numbers, not a range, without "mellan".
        assert_eq!(
            values("Utredning vuxen 1 och 2"),
            vec![(1.0, None), (2.0, None)]
        );
        // A descending pair is not a range.
        assert_eq!(values("45-40"), vec![(45.0, None), (40.0, None)]);
    }

    #[test]
    fn fractions_are_percent() {
        let q = one("hälften sa upp sig");
        assert_eq!((q.value, q.unit), (50.0, Unit::Percent));
        assert_eq!(one("en tredjedel av personalen").value, 33.0);
        assert_eq!(one("två tredjedelar av personalen").value, 67.0);
        assert_eq!(one("var fjärde socialsekreterare").value, 25.0);
        assert_eq!(one("varannan medarbetare").value, 50.0);
        // Beside the exact percent, the share in words is that percent.
        for (text, exact) in [
            ("nästan hälften, 46 procent, har funderat på det", 46.0),
            ("drygt var tredje svarande, 36 procent, uppger det", 36.0),
            ("var fjärde socialsekreterare (24 procent) vill sluta", 24.0),
            ("hälften av dem, 52 %, vill sluta", 52.0),
        ] {
            let q = scan(text);
            assert_eq!((q[0].value, q[0].approx), (exact, false), "{text}");
        }
        // Not a figure of something else after a clause of its own.
        for text in [
            "hälften slutade och 30 procent, enligt facket, stannade",
            "hälften av socialsekreterarna har slutat, 30 procent av cheferna",
        ] {
            assert_eq!(scan(text)[0].value, 50.0, "{text}");
        }
    }

    #[test]
    fn units() {
        let q = one("60 procent");
        assert_eq!(q.unit, Unit::Percent);
        assert_eq!(one("12 %").unit, Unit::Percent);
        let q = one("minusresultat på 33 miljoner kronor");
        assert_eq!((q.value, q.unit), (33_000_000.0, Unit::Sek));
        assert_eq!(one("33,5 miljoner").value, 33_500_000.0);
        assert_eq!(one("12 mnkr").value, 12_000_000.0);
        assert_eq!(one("1,2 miljarder kronor").value, 1_200_000_000.0);
        assert_eq!(one("500 000 kronor").value, 500_000.0);
    }

    #[test]
    fn a_number_word_read_as_scale_is_not_a_second_quantity() {
        // "tusen" is both a scale ("tre tusen kronor") and a number word; it once came out
        // twice, overlapping, and masking the sentence panicked.
        for (text, value) in [
            ("omkring tre tusen kilometer", 3000.0),
            ("tre\t\ttusen kronor", 3000.0),
            ("fem tusen", 5000.0),
        ] {
            let qs = scan(text);
            assert_eq!(qs.len(), 1, "{text:?} gave {qs:?}");
            assert_eq!(qs[0].value, value, "{text:?}");
        }
        let qs = scan("tio tusen och tjugo tusen");
        assert!(qs.windows(2).all(|w| w[0].end <= w[1].start), "{qs:?}");
    }

    #[test]
    fn not_quantities() {
        for text in [
            "Publicerad 05:15, 3 sep 2021",
            "under 2021",
            "Datum: 2024-12-10",
            "tom 30 april 2025",
            "ring 08-123 45 67",
            "Paragraf 12",
            "enligt § 4",
            "se sidan 3",
            "en 18-årig man",
            "från klockan 16",
            "under 1990-talet",
            "den 3:e",
            // Lengths of time and numbered parts of the year.
            "under årets första sex månader",
            "de tre senaste åren",
            "ungdomar 13–17 år",
            "en tolv veckors utbildning",
            "under tertial 2",
            "vecka 12",
            "nästan tre gånger så hög",
        ] {
            assert!(scan(text).is_empty(), "{text:?} gave {:?}", scan(text));
        }
        // A year range is a time expression, not a quantity.
        assert!(scan("Under 2016-2017 slutade flera").is_empty());
        // The figure beside a length of time still is one.
        let q = scan("Sjukfrånvaron låg under årets första sex månader på drygt 14 procent");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!((q[0].value, q[0].unit), (14.0, Unit::Percent));
        assert_eq!(one("Tio uppsägningar på åtta månader").value, 10.0);
    }

    #[test]
    fn spans_cover_the_expression() {
        let text = "har ökat med drygt 60 procent";
        let q = one(text);
        assert_eq!(&text[q.start..q.end], "drygt 60 procent");
        let text = "ligger på mellan 13 och 24 ärenden";
        let q = one(text);
        assert_eq!(&text[q.start..q.end], "mellan 13 och 24");
    }
}
