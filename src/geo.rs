//! Swedish municipalities (kommuner): the official list, resolution of user
//! input, and detection of municipality mentions in running Swedish text.
//!
//! * [`all`] / [`by_code`]: the 290 municipalities of `data/kommuner.csv`.
//! * [`lookup`] / [`suggest`]: forgiving resolution of a name typed by a user
//!   (command line, metadata files) and "did you mean" suggestions.
//! * [`find_mentions`]: every mention of a municipality in a piece of prose.
//!
//! # How `find_mentions` works
//!
//! It runs on every sentence of millions of documents, so all expensive work
//! happens once: a single Aho–Corasick automaton (built lazily in a
//! [`OnceLock`]) holds every *surface form* — official short name, its
//! genitive, the names of well-known districts and their genitives. Matching
//! is case-sensitive (place names are capitalised; "mark", "tran", "vara" and
//! "backa upp" are ordinary words) and leftmost-longest, so multi-word and
//! hyphenated names ("Upplands Väsby", "Malung-Sälen", "Rinkeby-Kista") win
//! over their parts.
//!
//! Each raw hit is then judged by looking only at the neighbouring characters
//! and words (no regexes, no allocation per byte):
//!
//! 1. it must be a whole word (not "Markus", "Stockholmsregionen");
//! 2. it must not be glued into a hyphen compound ("Göteborgs-Posten",
//!    "Stor-Stockholm"), unless both halves belong to the same municipality
//!    ("Kista-Rinkeby");
//! 3. it must not name the county/region ("Stockholms län", "Region
//!    Stockholm"; but "Region Gotland" is the municipality's own name);
//! 4. it must not be the first word of an organisation or newspaper name,
//!    i.e. directly followed by a capitalised word other than Stad/Kommun
//!    ("Stockholms Fria", "Helsingborgs Dagblad");
//! 5. names that double as common words, first names or surnames need
//!    supporting context: a preposition ("i Lund"), " kommun", a genitive
//!    before a social-services noun, or an enumeration with an accepted
//!    mention in the same paragraph ("Malmö och Lund"); see the `AMBIGUOUS_NAMES` and
//!    `PERSON_NAME_LIKE` tables in this file. Towns and villages that are no
//!    municipality ("Märsta", "Kinna", "Åkersberga", `data/localities.csv`)
//!    always need that context: "i Märsta", "tätorten Kinna", "Åkersbergas
//!    socialkontor".
//!
//! The reported span covers the name exactly as written, including a genitive
//! "s" ("Botkyrkas"), but never a following " kommun"/" stad" or a preceding
//! "Region ": `text[start..end]` is always the place name itself.

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Embedded at compile time so the binary needs no data files at run time.
const KOMMUNER_CSV: &str = include_str!("../data/kommuner.csv");

/// Towns and villages with the code of the municipality they lie in ("Märsta,0191"): where
/// it comes from and what was left out is in `data/make_localities.py`.
const LOCALITIES_CSV: &str = include_str!("../data/localities.csv");

const CSV_HEADER: &str = "municipality_code,municipality_name,municipality_name_short,\
                          county_code,county_name,county_name_short";

/// Gotland is the one municipality that is officially called "Region …".
const GOTLAND_CODE: &str = "0980";

/// A Swedish municipality (kommun).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Municipality {
    /// Official short name as used in prose: "Göteborg", "Upplands Väsby",
    /// "Malung-Sälen" (the `municipality_name_short` column).
    pub name: &'static str,
    /// Four-digit municipality code (kommunkod), kept as a string because of
    /// the leading zero: "0127".
    pub code: &'static str,
    /// Full county name: "Stockholms län", "Västra Götalands län".
    pub county: &'static str,
}

/// A municipality mentioned in a text. `start..end` are byte offsets into the
/// searched text and cover the place name as written ("Botkyrkas", "Angered");
/// `municipality` is the municipality it refers to (Angered -> Göteborg).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub municipality: &'static Municipality,
    /// Named by a town or village in it ("Märsta" for Sigtuna), not by the municipality's
    /// own name or a district's.
    pub town: bool,
}

// ---------------------------------------------------------------------------
// Tables meant to be extended by hand.
// ---------------------------------------------------------------------------

/// City districts (stadsdelar, stadsdelsområden) and well-known parts of
/// municipalities, mapped to the official short name of their municipality.
/// News about social services is often written at district level ("the social
/// office in Rinkeby"), so these count as mentions of the municipality.
///
/// To extend: add `("District", "Municipality")`. Multi-word and hyphenated
/// names are matched whole; genitives ("Angereds") are generated
/// automatically. A district that is also a common word or person name must
/// additionally be listed in [`AMBIGUOUS_NAMES`] or [`PERSON_NAME_LIKE`].
/// A unit test checks that every municipality named here exists.
const DISTRICTS: &[(&str, &str)] = &[
    // Not a district: the old genitive the municipality still calls itself by, "Falu
    // kommun" (its short name is Falun).
    ("Falu", "Falun"),
    // Stockholm: stadsdelsområden, old and current (2020 reform) names.
    ("Rinkeby-Kista", "Stockholm"),
    ("Spånga-Tensta", "Stockholm"),
    ("Hässelby-Vällingby", "Stockholm"),
    ("Bromma", "Stockholm"),
    ("Kungsholmen", "Stockholm"),
    ("Norrmalm", "Stockholm"),
    ("Östermalm", "Stockholm"),
    ("Södermalm", "Stockholm"),
    ("Enskede-Årsta-Vantör", "Stockholm"),
    ("Skarpnäck", "Stockholm"),
    ("Farsta", "Stockholm"),
    ("Älvsjö", "Stockholm"),
    ("Hägersten-Liljeholmen", "Stockholm"),
    ("Hägersten-Älvsjö", "Stockholm"),
    ("Skärholmen", "Stockholm"),
    ("Järva", "Stockholm"),
    ("Norra innerstaden", "Stockholm"),
    // Stockholm: well-known neighbourhoods.
    ("Rinkeby", "Stockholm"),
    ("Kista", "Stockholm"),
    ("Tensta", "Stockholm"),
    ("Husby", "Stockholm"),
    ("Akalla", "Stockholm"),
    ("Hjulsta", "Stockholm"),
    ("Liljeholmen", "Stockholm"),
    ("Vantör", "Stockholm"),
    ("Rågsved", "Stockholm"),
    ("Hagsätra", "Stockholm"),
    ("Hässelby", "Stockholm"),
    ("Vällingby", "Stockholm"),
    ("Spånga", "Stockholm"),
    // Göteborg: stadsområden / former stadsdelsnämnder.
    ("Angered", "Göteborg"),
    ("Östra Göteborg", "Göteborg"),
    ("Örgryte-Härlanda", "Göteborg"),
    ("Majorna-Linné", "Göteborg"),
    ("Askim-Frölunda-Högsbo", "Göteborg"),
    ("Västra Göteborg", "Göteborg"),
    ("Västra Hisingen", "Göteborg"),
    ("Norra Hisingen", "Göteborg"),
    ("Hisingen", "Göteborg"),
    ("Lundby", "Göteborg"),
    // Göteborg: well-known neighbourhoods.
    ("Bergsjön", "Göteborg"),
    ("Biskopsgården", "Göteborg"),
    ("Hammarkullen", "Göteborg"),
    ("Hjällbo", "Göteborg"),
    ("Gårdsten", "Göteborg"),
    ("Lövgärdet", "Göteborg"),
    ("Kortedala", "Göteborg"),
    ("Tynnered", "Göteborg"),
    ("Frölunda", "Göteborg"),
    ("Torslanda", "Göteborg"),
    ("Majorna", "Göteborg"),
    ("Backa", "Göteborg"), // also the verb "backa"; see AMBIGUOUS_NAMES
    // Malmö: stadsområden / former stadsdelar and neighbourhoods.
    ("Rosengård", "Malmö"),
    ("Fosie", "Malmö"),
    ("Hyllie", "Malmö"),
    ("Husie", "Malmö"),
    ("Kirseberg", "Malmö"),
    ("Limhamn-Bunkeflo", "Malmö"),
    ("Oxie", "Malmö"),
    ("Södra innerstaden", "Malmö"),
    ("Västra innerstaden", "Malmö"),
    ("Seved", "Malmö"),
    ("Lindängen", "Malmö"),
    ("Holma", "Malmö"),
    ("Kroksbäck", "Malmö"),
    // Botkyrka.
    ("Alby", "Botkyrka"),
    ("Fittja", "Botkyrka"),
    ("Hallunda", "Botkyrka"),
    ("Norsborg", "Botkyrka"),
    ("Tumba", "Botkyrka"),
    ("Tullinge", "Botkyrka"),
    // Huddinge.
    ("Flemingsberg", "Huddinge"),
    ("Skogås", "Huddinge"),
    ("Vårby", "Huddinge"),
    ("Stuvsta", "Huddinge"),
    // Södertälje.
    ("Ronna", "Södertälje"),
    ("Hovsjö", "Södertälje"),
    ("Geneta", "Södertälje"),
    // Other municipalities.
    ("Gottsunda", "Uppsala"),
    ("Vivalla", "Örebro"),
    ("Hallonbergen", "Sundbyberg"),
];

/// Surface names (municipalities or districts) that are also ordinary Swedish
/// words, common first names or surnames. Capitalisation alone says nothing
/// about them ("Vara med och påverka!", "Mark Levengood", "Anna Lund säger"),
/// so a hit is accepted only with supporting context:
///
/// * followed by " kommun(s)"/" stad(s)" ("Ale kommun", "Berg kommun"),
/// * preceded by a locative preposition ("i Lund", "socialtjänsten i Mark";
///   sentence-initial "I Lund" too, see [`CAP_LOCATIVES`]),
/// * a genitive before a municipal/social-services noun ("Lunds socialtjänst"),
/// * preceded by "Region" (only Gotland, which is not listed here anyway), or
/// * part of an enumeration with an accepted mention ("Mora, Orsa och
///   Älvdalen", "Malmö och Lund").
///
/// They are also rejected after a capitalised word that is not
/// sentence-initial ("Kajsa Berg"), as for [`PERSON_NAME_LIKE`].
#[rustfmt::skip]
const AMBIGUOUS_NAMES: &[&str] = &[
    // Ordinary Swedish words, capitalised at the start of a sentence: mark
    // (ground), berg (mountain), vara (to be; goods), kil (wedge), lund
    // (grove), boden (the shed), klippan (the cliff), säter (mountain
    // pasture), trosa (knickers), backa (to reverse; "backa upp").
    "Mark", "Berg", "Vara", "Kil", "Lund", "Boden", "Klippan", "Säter", "Trosa", "Backa",
    // Given names: Mark, Ale, Eda, Nora, Salem.
    "Ale", "Eda", "Nora", "Salem",
    // Surnames: Lund, Berg, Mora, Falkenberg, Boden, Orsa, Sunne.
    "Mora", "Falkenberg", "Orsa", "Sunne",
    // Short names that collide with foreign words ("sala", "kinda"),
    // abbreviations, names of people or companies: rare enough as places in
    // running text that requiring context costs little.
    "Sala", "Kinda", "Nybro", "Habo", "Laxå", "Flen", "Bjuv", "Hjo", "Ydre", "Åre",
];

/// Surface names that are mostly the place, but also plausible surnames or
/// first names ("Karin Falun", "Dorotea Andersson", "Anders Norberg"). They
/// need no extra context, but are rejected when directly preceded by a
/// capitalised word that is neither sentence-initial nor a preposition (a
/// first name). A following capitalised word is already rejected for every
/// name (organisation rule).
#[rustfmt::skip]
const PERSON_NAME_LIKE: &[&str] = &[
    // Municipalities.
    "Falun", "Norberg", "Dorotea", "Vilhelmina", "Hallsberg", "Lindesberg", "Laholm", "Varberg",
    "Ljungby",
    // Districts.
    "Alby", "Seved", "Lundby", "Holma", "Husby",
];

/// Lower-case prepositions/locatives that make an ambiguous name a place:
/// "i Lund", "från Mora", "kommunerna mellan Boden och Luleå". "och" is
/// deliberately absent ("Anna och Mark"); enumerations are handled by
/// linking to a neighbouring accepted mention instead.
const LOCATIVES: &[&str] = &[
    "i", "från", "till", "inom", "utanför", "vid", "mellan", "för", "om", "med", "kring", "runt",
    "nära",
];

/// Of [`LOCATIVES`], those that stand before people as often as before places: not a town's
/// context, since many towns are surnames too ("ett samtal med Dalby", "enligt en artikel om
/// Hammar"). Not "för", which names a unit's area too ("familjeenheten för Hovmantorp").
const PERSONAL_LOCATIVES: &[&str] = &["med", "om"];

/// Endings of the nouns that name a place by its kind, right before its name: "grannkommunen
/// Nybro", "Kommunen Boden", "centralorten Sala", "stadsdelen Backa".
const PLACE_NOUN_ENDINGS: &[&str] = &["kommunen", "staden", "orten", "stadsdelen", "samhället"];

/// Capitalised prepositions accepted as context only at the start of a
/// sentence ("I Lund har …"). "Till/För/Om/Med" are left out: at the start of
/// a sentence they are as likely to introduce a person ("Med Mark …").
const CAP_LOCATIVES: &[&str] = &[
    "I", "Från", "Inom", "Utanför", "Vid", "Mellan", "Kring", "Runt", "Nära",
];

/// Nouns (prefixes of the following word) that make a genitive an
/// unambiguous municipality: "Lunds socialtjänst", "Moras kommunstyrelse".
/// Kept to municipal vocabulary so that "Marks bok" stays rejected.
const SOCIAL_NOUN_PREFIXES: &[&str] = &[
    "social",
    "kommun",
    "individ",
    "familjeomsorg",
    "ifo",
    "stadsdel",
    "förvaltning",
    "nämnd",
    "äldreomsorg",
    "hemtjänst",
    "politiker",
    "invånare",
    "fullmäktige",
];

/// Words that make the following name a county-level body, not the
/// municipality: "Region Stockholm", "Länsstyrelsen Uppsala", "Region
/// Jämtland Härjedalen". Any word ending in "region" ("polisregion") too.
const COUNTY_PREFIXES: &[&str] = &[
    "Region",
    "region",
    "Länsstyrelsen",
    "länsstyrelsen",
    "Landstinget",
    "landstinget",
    "Jämtland",
];

/// Words allowed to follow a name even though capitalised: "Göteborgs Stad",
/// "Vara Kommun", "Botkyrka IFO". Anything else capitalised means the name
/// starts an organisation or newspaper name ("Stockholms Stadsmission").
const ALLOWED_CAPITALISED_NEXT: &[&str] =
    &["Stad", "Stads", "Kommun", "Kommuns", "Kommuner", "IFO"];

/// Lower-case words after a name that confirm a municipality ("Ale kommun",
/// "Stockholms stad", "Botkyrka och Huddinge kommuner").
const KOMMUN_STAD_NEXT: &[&str] = &[
    "kommun",
    "kommuns",
    "kommuner",
    "kommuners",
    "stad",
    "stads",
    "Stad",
    "Stads",
    "Kommun",
    "Kommuns",
];

/// Gaps between two mentions that make them an enumeration, so an ambiguous
/// name inherits its neighbour's credibility ("Malmö och Lund", "Mora, Orsa").
const LIST_SEPARATORS: &[&str] = &[",", "och", "eller", "samt", "&", "/"];

// ---------------------------------------------------------------------------
// The municipality list.
// ---------------------------------------------------------------------------

/// All 290 municipalities, in file order (ascending municipality code).
pub fn all() -> &'static [Municipality] {
    static ALL: OnceLock<Vec<Municipality>> = OnceLock::new();
    ALL.get_or_init(|| parse_kommuner(KOMMUNER_CSV))
}

/// Parses the embedded CSV. The file has no quoted fields and no field
/// contains a comma (a unit test checks this), so splitting on ',' is a
/// faithful CSV parse and lets every field borrow from the `'static` string.
fn parse_kommuner(csv: &'static str) -> Vec<Municipality> {
    let mut lines = csv.lines();
    let header = lines
        .next()
        .unwrap_or_default()
        .trim_start_matches('\u{feff}');
    assert_eq!(
        header.trim_end(),
        CSV_HEADER,
        "unexpected header in data/kommuner.csv"
    );
    let mut out = Vec::with_capacity(290);
    for line in lines {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&'static str> = line.split(',').map(str::trim).collect();
        assert_eq!(fields.len(), 6, "bad line in data/kommuner.csv: {line:?}");
        out.push(Municipality {
            code: fields[0],
            name: fields[2],
            county: fields[4],
        });
    }
    out
}

/// The municipality with this four-digit code ("0127"), if any.
pub fn by_code(code: &str) -> Option<&'static Municipality> {
    let code = code.trim();
    all().iter().find(|m| m.code == code)
}

fn by_name(name: &str) -> Option<&'static Municipality> {
    all().iter().find(|m| m.name == name)
}

/// The towns and villages of [`LOCALITIES_CSV`] with their municipalities, in the file's
/// order. A row whose code is no municipality's is a broken file, which a unit test catches;
/// in a release build the row is passed over.
fn localities() -> impl Iterator<Item = (&'static str, &'static Municipality)> {
    LOCALITIES_CSV.lines().skip(1).filter_map(|line| {
        let (name, code) = line.trim_end_matches('\r').split_once(',')?;
        Some((name, by_code(code)?))
    })
}

/// Swedish genitive: add "s" unless the name already ends in s, x or z
/// ("Botkyrkas", but "Borås", "Kalix").
fn genitive(name: &str) -> String {
    if ends_in_sxz(name) {
        name.to_string()
    } else {
        format!("{name}s")
    }
}

fn ends_in_sxz(name: &str) -> bool {
    matches!(name.chars().next_back(), Some('s' | 'x' | 'z'))
}

// ---------------------------------------------------------------------------
// lookup / suggest: resolution of user input.
// ---------------------------------------------------------------------------

struct LookupIndex {
    /// Lower-cased, whitespace-normalised forms -> index into `all()`.
    exact: HashMap<String, usize>,
    /// Diacritic-folded forms -> index, or `None` when two places fold to the
    /// same key (only then is the spelling ambiguous: "habo" = Habo/Håbo).
    folded: HashMap<String, Option<usize>>,
}

fn lookup_index() -> &'static LookupIndex {
    static INDEX: OnceLock<LookupIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = LookupIndex {
            exact: HashMap::new(),
            folded: HashMap::new(),
        };
        let mut add = |surface: &str, idx: usize| {
            for form in [surface.to_string(), genitive(surface)] {
                // Municipalities are added first, so they win over districts.
                index.exact.entry(normalize_input(&form)).or_insert(idx);
                index
                    .folded
                    .entry(fold(&form))
                    .and_modify(|e| {
                        if *e != Some(idx) {
                            *e = None;
                        }
                    })
                    .or_insert(Some(idx));
            }
        };
        for (idx, m) in all().iter().enumerate() {
            add(m.name, idx);
        }
        for &(district, owner) in DISTRICTS {
            if let Some(idx) = all().iter().position(|m| m.name == owner) {
                add(district, idx);
            }
        }
        // A town's spelling is looked up only where no municipality's or district's is
        // (`or_insert`): it never makes a municipality's folded spelling ambiguous.
        for (town, m) in localities() {
            let idx = all().iter().position(|x| x == m).expect("a municipality");
            for form in [town.to_string(), genitive(town)] {
                index.exact.entry(normalize_input(&form)).or_insert(idx);
                index.folded.entry(fold(&form)).or_insert(Some(idx));
            }
        }
        index
    })
}

/// Lower-case, trim and collapse whitespace (including non-breaking spaces).
fn normalize_input(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `normalize_input` plus diacritic folding (å/ä -> a, ö -> o, é -> e, …) and
/// hyphens treated as spaces, for keyboards and URLs without Swedish letters.
fn fold(s: &str) -> String {
    let mapped: String = s
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' | 'à' | 'á' | 'â' | 'æ' => 'a',
            'ö' | 'ø' | 'ó' | 'ò' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' | 'ù' => 'u',
            'í' | 'ì' | 'ï' => 'i',
            '-' | '\u{2010}' | '\u{2011}' => ' ',
            c => c,
        })
        .collect();
    normalize_input(&mapped)
}

/// Strips a trailing " kommun"/" kommuns"/" stad"/" stads" from normalised input.
fn strip_kommun_suffix(s: &str) -> &str {
    for suffix in [" kommuns", " kommun", " stads", " stad"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            return rest;
        }
    }
    s
}

/// User input from the command line or a metadata file: case-insensitive;
/// accepts the short name, genitive, "X kommun", "Xs kommun", "X stad",
/// "Region Gotland", the 4-digit code, a known district ("Angered" ->
/// Göteborg), and diacritic-insensitive spelling ("Goteborg", "Malmo") when
/// unambiguous.
pub fn lookup(input: &str) -> Option<&'static Municipality> {
    let s = normalize_input(input);
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        // Codes are often stored as numbers, losing the leading zero ("180").
        return match s.len() {
            4 => by_code(&s),
            3 => by_code(&format!("0{s}")),
            _ => None,
        };
    }
    // "Region Gotland" is Gotland's official name; any other "Region X" is a
    // county-level body, not a municipality.
    if let Some(rest) = s.strip_prefix("region ") {
        return lookup_name(rest).filter(|m| m.code == GOTLAND_CODE);
    }
    lookup_name(&s)
}

fn lookup_name(s: &str) -> Option<&'static Municipality> {
    let index = lookup_index();
    let core = strip_kommun_suffix(s);
    let idx = [s, core]
        .iter()
        .find_map(|k| index.exact.get(*k).copied())
        .or_else(|| {
            [s, core]
                .iter()
                .find_map(|k| index.folded.get(&fold(k)).copied().flatten())
        })?;
    Some(&all()[idx])
}

/// For error messages: up to 3 closest official names (edit distance,
/// case/diacritic-insensitive). Only reasonably close names are offered (at
/// most one edit per three characters, minimum one), best first.
pub fn suggest(input: &str) -> Vec<&'static str> {
    let normalized = normalize_input(input);
    let query: Vec<char> = fold(strip_kommun_suffix(&normalized)).chars().collect();
    if query.is_empty() {
        return Vec::new();
    }
    let max_distance = (query.len() / 3).max(1);
    let mut scored: Vec<(usize, &'static str)> = all()
        .iter()
        .filter_map(|m| {
            let candidate: Vec<char> = fold(m.name).chars().collect();
            let d = levenshtein(&query, &candidate);
            (d <= max_distance).then_some((d, m.name))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, name)| name).collect()
}

/// Plain two-row Levenshtein distance over chars (only used for suggestions).
fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = prev[j] + usize::from(ca != cb);
            cur[j + 1] = substitution.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

// ---------------------------------------------------------------------------
// find_mentions: mentions in running text.
// ---------------------------------------------------------------------------

/// How much context a surface name needs (see the two tables above).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tier {
    /// Unambiguous place name: accepted unless a rejection rule fires.
    Plain,
    /// [`PERSON_NAME_LIKE`]: also rejected after a first name.
    PersonLike,
    /// [`AMBIGUOUS_NAMES`]: accepted only with supporting context.
    NeedsContext,
}

/// What an automaton pattern stands for.
#[derive(Debug, Clone, Copy)]
struct Form {
    municipality: &'static Municipality,
    /// The form can be a genitive ("Lunds", or any "Borås"), which enables the
    /// "genitive + social-services noun" context rule.
    genitive: bool,
    tier: Tier,
    /// A town of `data/localities.csv`.
    town: bool,
}

struct Matcher {
    /// Anchored: asked only at the start of a word.
    automaton: AhoCorasick,
    /// Indexed by the automaton's pattern id.
    forms: Vec<Form>,
    /// The first two bytes of the surface forms, as bits indexed by `first << 8 | second`:
    /// most capitalised words of a text ("Kommunen", "Frågan") start as no name does, and
    /// are passed over without asking the automaton.
    first_pairs: Box<[u64; 1024]>,
}

impl Matcher {
    /// The first position at or after `from` whose two bytes a form starts with.
    fn next_candidate(&self, bytes: &[u8], mut from: usize) -> Option<usize> {
        // Eight bytes at a time are tested against a superset of the first bytes (checked
        // when the matcher is built), with a few word operations instead of a table lookup
        // per byte; the bytes that pass are then looked up.
        while let Some(chunk) = bytes.get(from..from + 8) {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let mut mask = may_be_first_bytes(word);
            while mask != 0 {
                let j = (mask.trailing_zeros() / 8) as usize;
                if self.may_start_at(bytes, from + j) {
                    return Some(from + j);
                }
                mask &= mask - 1;
            }
            from += 8;
        }
        (from..bytes.len()).find(|&at| self.may_start_at(bytes, at))
    }

    fn may_start_at(&self, bytes: &[u8], at: usize) -> bool {
        let Some(&second) = bytes.get(at + 1) else {
            return false; // every form is at least two bytes long
        };
        let pair = usize::from(bytes[at]) << 8 | usize::from(second);
        self.first_pairs[pair / 64] >> (pair % 64) & 1 == 1
    }
}

fn tier_of(surface: &str) -> Tier {
    if AMBIGUOUS_NAMES.contains(&surface) {
        Tier::NeedsContext
    } else if PERSON_NAME_LIKE.contains(&surface) {
        Tier::PersonLike
    } else {
        Tier::Plain
    }
}

/// The automaton over every surface form, built once per process.
fn matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let mut patterns: Vec<String> = Vec::new();
        let mut forms: Vec<Form> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut add =
            |surface: &str, municipality: &'static Municipality, tier: Tier, town: bool| {
                for (text, is_genitive) in [
                    (surface.to_string(), ends_in_sxz(surface)),
                    (genitive(surface), true),
                ] {
                    // Multi-word names are also matched with a non-breaking space,
                    // which is common in typeset news text ("Upplands\u{a0}Väsby").
                    let nbsp = text.replace(' ', "\u{a0}");
                    for variant in [text, nbsp] {
                        if seen.insert(variant.clone()) {
                            patterns.push(variant);
                            forms.push(Form {
                                municipality,
                                genitive: is_genitive,
                                tier,
                                town,
                            });
                        }
                    }
                }
            };
        for m in all() {
            add(m.name, m, tier_of(m.name), false);
        }
        for &(district, owner) in DISTRICTS {
            // A typo in the table is caught by a unit test; in release builds
            // an unknown owner just drops that row instead of panicking.
            debug_assert!(by_name(owner).is_some(), "unknown municipality {owner}");
            if let Some(m) = by_name(owner) {
                add(district, m, tier_of(district), false);
            }
        }
        // A town is read as a place only in a place's context ("i Märsta", "tätorten
        // Kinna"): many are also surnames or words ("Handen", "Kisa"), and the names a
        // municipality or district already has win (`seen`).
        for (town, m) in localities() {
            add(town, m, Tier::NeedsContext, true);
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .expect("municipality automaton");
        let mut first_pairs = Box::new([0u64; 1024]);
        for p in &patterns {
            let b = p.as_bytes();
            assert!(b.len() >= 2, "a municipality form of one byte: {p:?}");
            assert!(
                may_be_first_byte(b[0]),
                "a municipality form starts with {:?}",
                b[0]
            );
            let pair = usize::from(b[0]) << 8 | usize::from(b[1]);
            first_pairs[pair / 64] |= 1 << (pair % 64);
        }
        Matcher {
            automaton,
            forms,
            first_pairs,
        }
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Accept,
    /// Ambiguous name without context yet; may be promoted by an enumeration.
    Weak,
    Reject,
}

/// A whole-word hit with its verdict, before cross-hit rules are applied.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    end: usize,
    municipality: &'static Municipality,
    town: bool,
    verdict: Verdict,
    /// Directly followed by a hyphen ("Göteborgs-Posten", "Kista-Rinkeby").
    hyphen_after: bool,
    /// Directly preceded by a hyphen glued to a word ("Stor-Stockholm").
    hyphen_before: bool,
}

/// The municipality an organisation's name is, when it is one: "Falu kommun", "Östersunds
/// kommun", "Malmö stad", "Göteborgs Stad", "Region Gotland", and a logo's text around it
/// ("Falu kommun, till startsidan", "Vänersborgs kommun - startsida", "Örnsköldsviks kommun
/// logo"). Not a name that only holds one: "Lerums kommun får kritik", "Vision Skellefteå
/// kommun", "Östersunds-Posten".
pub fn organisation(name: &str) -> Option<&'static Municipality> {
    organisation_named(name).map(|(m, _)| m)
}

/// [`organisation`], with the organisation's name as written, without a logo's words around
/// it: "Falu kommun" of "Falu kommun, till startsidan".
pub fn organisation_named(name: &str) -> Option<(&'static Municipality, &str)> {
    let name = name.trim();
    // The length of "kommun" or "stad" at the start of `rest` (after white space), when only
    // a logo's words follow.
    let kind_end = |rest: &str| {
        let skipped = rest.len() - rest.trim_start().len();
        let rest = rest.trim_start();
        let kind = ["kommun", "stad"].into_iter().find(|k| {
            rest.get(..k.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(k))
        })?;
        let tail = rest[kind.len()..]
            .trim_start_matches(|c: char| c.is_whitespace() || ",-–—:|".contains(c))
            .to_lowercase();
        let logo = [
            "logo",
            "logotyp",
            "startsida",
            "till startsidan",
            "gå till startsidan",
            "hem",
        ];
        (tail.is_empty() || logo.contains(&tail.as_str())).then_some(skipped + kind.len())
    };
    let mentions = find_mentions(name);
    let first = mentions.first()?;
    if mentions.len() > 1 {
        return None;
    }
    let before = &name[..first.start];
    if first.municipality.code == GOTLAND_CODE
        && before.trim_end().eq_ignore_ascii_case("region")
        && name[first.end..].trim().is_empty()
    {
        return Some((first.municipality, name));
    }
    let end = kind_end(&name[first.end..]).filter(|_| before.is_empty())?;
    Some((first.municipality, &name[..first.end + end]))
}

/// Every mention of a municipality in running Swedish text, byte offsets into
/// `text`, in order. See the module documentation for the rules.
pub fn find_mentions(text: &str) -> Vec<Mention> {
    find_mentions_in(text, 0..text.len())
}

/// The mentions of [`find_mentions`] that lie inside `range` of `text`, when `range` is a
/// paragraph or several: a name is judged from its neighbours in the whole text, but an
/// enumeration does not run across a blank line, so what is said outside the paragraphs
/// changes nothing inside them. Claim extraction looks up a paragraph only when it holds
/// a claim, not the whole document.
pub fn find_mentions_in(text: &str, range: std::ops::Range<usize>) -> Vec<Mention> {
    let matcher = matcher();
    // Allocates only when the automaton finds something, which is rare.
    let mut candidates: Vec<Candidate> = Vec::new();
    // A mention is a whole word (rule 1), so the automaton is asked only where a word starts
    // with two bytes some name starts with: the names are capitalised, few words are, and
    // of those most start as no name does. A search over every byte was 4 % of a build's
    // CPU time. A match is the longest name
    // there, and the next search starts after it, so "Upplands Väsby" wins over "Väsby".
    // No name holds a line break, and a paragraph ends with one or with the text: the names
    // inside end inside.
    let bytes = &text.as_bytes()[..range.end];
    let mut at = range.start;
    while let Some(start) = matcher.next_candidate(bytes, at) {
        at = start + 1;
        if text[..start].chars().next_back().is_some_and(is_word_char) {
            continue;
        }
        let input = Input::new(text)
            .span(start..text.len())
            .anchored(Anchored::Yes);
        let Some(hit) = matcher.automaton.find(input) else {
            continue;
        };
        at = hit.end();
        let form = &matcher.forms[hit.pattern().as_usize()];
        if let Some(candidate) = judge(text, hit.start(), hit.end(), form) {
            candidates.push(candidate);
        }
    }
    if candidates.is_empty() {
        return Vec::new();
    }
    resolve_neighbours(text, &mut candidates);
    candidates
        .iter()
        .filter(|c| c.verdict == Verdict::Accept)
        .map(|c| Mention {
            start: c.start,
            end: c.end,
            municipality: c.municipality,
            town: c.town,
        })
        .collect()
}

/// Judges one hit on its own, from its immediate surroundings. Returns `None`
/// when the hit is not even a whole word.
fn judge(text: &str, start: usize, end: usize, form: &Form) -> Option<Candidate> {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();

    // Rule 1: whole words only. "Markus", "Alesund", "Bjuvsbor",
    // "Stockholmsregionen" and "Göteborgsområdet" are other words.
    if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
        return None;
    }

    let mut candidate = Candidate {
        start,
        end,
        municipality: form.municipality,
        town: form.town,
        verdict: Verdict::Accept,
        // Rule 2 (hyphen compounds) needs the neighbouring hit, so it is only
        // recorded here and decided in `resolve_neighbours`.
        hyphen_after: after.is_some_and(is_hyphen),
        hyphen_before: before.is_some_and(is_hyphen)
            && text[..start - before.map_or(0, char::len_utf8)]
                .chars()
                .next_back()
                .is_some_and(is_word_char),
    };
    let rejected = |mut c: Candidate| {
        c.verdict = Verdict::Reject;
        Some(c)
    };
    let mut has_context = false;

    // What follows the name.
    if let Some((word, crossed_line)) = next_word(text, end) {
        if KOMMUN_STAD_NEXT.contains(&word) {
            // "Ale kommun", "Göteborgs Stad": the strongest possible context.
            has_context = true;
        } else if matches!(word, "län" | "läns" | "Län" | "Läns") {
            // Rule 3: the county, not the municipality ("Stockholms län",
            // "Uppsala läns landsting").
            return rejected(candidate);
        } else if !crossed_line && starts_upper(word) && !ALLOWED_CAPITALISED_NEXT.contains(&word) {
            // Rule 4: "Stockholms Fria", "Uppsala Nya Tidning", "Helsingborgs
            // Dagblad", "Mark Levengood": the name begins an organisation,
            // newspaper or person name. Not applied across a line break,
            // where a capital may just start the next line or heading.
            return rejected(candidate);
        }
        if form.genitive && is_social_noun(word) {
            // "Lunds socialtjänst", "Moras kommunstyrelse".
            has_context = true;
        }
    }

    // What precedes the name.
    if let Some((word_start, word)) = prev_word(text, start) {
        if is_county_prefix(word) {
            // Rule 3 again: "Region Stockholm", "Länsstyrelsen Uppsala",
            // "polisregion Stockholm", "Region Jämtland Härjedalen". Gotland
            // is the exception: "Region Gotland" *is* the municipality.
            if word.eq_ignore_ascii_case("region") && form.municipality.code == GOTLAND_CODE {
                has_context = true;
            } else {
                return rejected(candidate);
            }
        } else if (LOCATIVES.contains(&word) && !(form.town && PERSONAL_LOCATIVES.contains(&word)))
            || (CAP_LOCATIVES.contains(&word) && is_sentence_initial(text, word_start))
        {
            // "i Lund", "socialtjänsten i Mark", "I Lund har …".
            has_context = true;
        } else if PLACE_NOUN_ENDINGS.iter().any(|e| {
            let at = word.len().saturating_sub(e.len());
            word.is_char_boundary(at) && word[at..].eq_ignore_ascii_case(e)
        }) {
            // A place named after its kind: "grannkommunen Nybro", "tätorten Boden".
            has_context = true;
        } else if form.tier != Tier::Plain
            && starts_upper(word)
            && !is_sentence_initial(text, word_start)
        {
            // Rule 5: a capitalised word in mid-sentence right before a
            // surname-like name is a first name ("Karin Falun", "Anna Lund").
            // Sentence-initial words are capitalised anyway ("Även Falun …"),
            // so they prove nothing. Plain names are kept ("I Botkyrka").
            return rejected(candidate);
        }
    }

    if form.tier == Tier::NeedsContext && !has_context {
        candidate.verdict = Verdict::Weak;
    }
    Some(candidate)
}

/// Rules that need the neighbouring hits: hyphen compounds and enumerations.
fn resolve_neighbours(text: &str, candidates: &mut [Candidate]) {
    let n = candidates.len();

    // Rule 2: a name glued into a hyphen compound is part of another word
    // ("Göteborgs-Posten" is a newspaper, "Stor-Stockholm" a region,
    // "Jämtland-Härjedalen" a county), unless the other half is a place in
    // the same municipality ("Kista-Rinkeby", "Tensta-Hjulsta").
    let joined = |a: &Candidate, b: &Candidate| {
        a.municipality == b.municipality
            && a.end < b.start
            && text[a.end..b.start].chars().count() == 1
            && text[a.end..b.start].chars().all(is_hyphen)
    };
    for i in 0..n {
        let c = candidates[i];
        let ok_after = !c.hyphen_after || (i + 1 < n && joined(&c, &candidates[i + 1]));
        let ok_before = !c.hyphen_before || (i > 0 && joined(&candidates[i - 1], &c));
        if !(ok_after && ok_before) {
            candidates[i].verdict = Verdict::Reject;
        }
    }

    // Rule 5, enumerations: an ambiguous name listed next to an accepted
    // mention is a place too ("Malmö och Lund", "Mora, Orsa och Älvdalen"
    // where Älvdalen vouches for Orsa, which vouches for Mora). Repeat until
    // nothing changes so credibility propagates along the list.
    // Not across a blank line: a list does not go on in the next paragraph.
    let linked = |a: &Candidate, b: &Candidate| {
        text.get(a.end..b.start).is_some_and(|between| {
            LIST_SEPARATORS.contains(&between.trim())
                && memchr::memchr_iter(b'\n', between.as_bytes())
                    .nth(1)
                    .is_none()
        })
    };
    loop {
        let mut changed = false;
        for i in 0..n {
            if candidates[i].verdict != Verdict::Weak {
                continue;
            }
            let c = candidates[i];
            let by_prev = i > 0
                && candidates[i - 1].verdict == Verdict::Accept
                && linked(&candidates[i - 1], &c);
            let by_next = i + 1 < n
                && candidates[i + 1].verdict == Verdict::Accept
                && linked(&c, &candidates[i + 1]);
            if by_prev || by_next {
                candidates[i].verdict = Verdict::Accept;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// Letters and digits continue a word; combining marks too, so decomposed
/// (NFD) text does not create false word boundaries.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Whether a form could start with byte `b`: an ASCII capital or the lead byte of a character
/// outside ASCII (Å, Ä, Ö, but also å, ä, ö: [`Matcher::next_candidate`] then looks closer).
fn may_be_first_byte(b: u8) -> bool {
    b.wrapping_sub(b'A') < 26 || b >= 0xC0
}

/// [`may_be_first_byte`] for the eight bytes of `word` at once: the high bit of each byte of
/// the result is set where it holds (the other bits are 0).
fn may_be_first_bytes(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // A byte between 'A' and 'Z' (bytes below 0x80 only: the "hasbetween" of Sean Anderson's
    // bit hacks, with 'A' - 1 < byte < 'Z' + 1), and a byte with its two high bits set.
    let low = word & (ONES * 0x7F);
    let capital = (ONES * (127 + u64::from(b'Z') + 1) - low)
        & !word
        & (low + ONES * (127 - (u64::from(b'A') - 1)))
        & HIGH;
    let lead = word & (word << 1) & HIGH;
    capital | lead
}

/// Hyphens that build compounds. En/em dashes are punctuation, not included.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The word after byte offset `end`, if separated from it by whitespace
/// only, and whether that whitespace contains a line break.
fn next_word(text: &str, end: usize) -> Option<(&str, bool)> {
    let rest = &text[end..];
    let trimmed = rest.trim_start();
    let gap = &rest[..rest.len() - trimmed.len()];
    if gap.is_empty() {
        return None;
    }
    let len = trimmed
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(trimmed.len());
    (len > 0).then(|| (&trimmed[..len], gap.contains(is_line_break)))
}

/// The word before byte offset `start`, if separated from it by whitespace
/// only, with the byte offset where that word starts.
fn prev_word(text: &str, start: usize) -> Option<(usize, &str)> {
    let before = &text[..start];
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return None;
    }
    let word_start = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    (word_start < trimmed.len()).then(|| (word_start, &trimmed[word_start..]))
}

/// Whether the word starting at `word_start` begins a sentence (or a line,
/// a quotation or a dialogue dash), where capitalisation proves nothing.
fn is_sentence_initial(text: &str, word_start: usize) -> bool {
    let before = &text[..word_start];
    let trimmed = before.trim_end();
    if trimmed.is_empty() || before[trimmed.len()..].contains(is_line_break) {
        return true;
    }
    matches!(
        trimmed.chars().next_back(),
        Some(
            '.' | '!'
                | '?'
                | ':'
                | '…'
                | '"'
                | '\''
                | '”'
                | '“'
                | '»'
                | '«'
                | '–'
                | '—'
                | '-'
                | '•'
                | '*'
        )
    )
}

fn is_social_noun(word: &str) -> bool {
    SOCIAL_NOUN_PREFIXES.iter().any(|p| {
        word.len() >= p.len()
            && word.is_char_boundary(p.len())
            && word[..p.len()].eq_ignore_ascii_case(p)
    })
}

fn is_county_prefix(word: &str) -> bool {
    COUNTY_PREFIXES.contains(&word) || (word.len() > "region".len() && word.ends_with("region"))
}

#[cfg(test)]
mod tests {
    /// The eight-byte test agrees with the one-byte test for every byte in every lane,
    /// whatever the bytes beside it (which carries between lanes would spoil).
    #[test]
    fn first_bytes_eight_at_a_time() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                for fill in [0x00u8, 0x41, 0x7F, 0x80, 0xC3, 0xFF, b' ', b'Z', b'['] {
                    let mut bytes = [fill; 8];
                    bytes[lane] = b;
                    let mask = super::may_be_first_bytes(u64::from_le_bytes(bytes));
                    for (j, &x) in bytes.iter().enumerate() {
                        let got = mask >> (8 * j) & 0xFF;
                        let want = if super::may_be_first_byte(x) { 0x80 } else { 0 };
                        assert_eq!(got, want, "byte {x:#04x} in lane {j} of {bytes:02x?}");
                    }
                }
            }
        }
    }

    use super::*;

    /// Municipality names of all mentions, in order.
    fn names(text: &str) -> Vec<&'static str> {
        find_mentions(text)
            .iter()
            .map(|m| m.municipality.name)
            .collect()
    }

    /// The mention spans as written in the text.
    fn spans(text: &str) -> Vec<&str> {
        find_mentions(text)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect()
    }

    fn none(text: &str) {
        assert_eq!(
            names(text),
            Vec::<&str>::new(),
            "expected no mention in {text:?}"
        );
    }

    // --- data -------------------------------------------------------------

    #[test]
    fn csv_is_plain_and_complete() {
        // The hand-rolled parser relies on this.
        assert!(!KOMMUNER_CSV.contains('"'));
        assert_eq!(all().len(), 290);
        let codes: HashSet<_> = all().iter().map(|m| m.code).collect();
        let names: HashSet<_> = all().iter().map(|m| m.name).collect();
        assert_eq!(codes.len(), 290);
        assert_eq!(names.len(), 290);
        for m in all() {
            assert!(m.code.len() == 4 && m.code.bytes().all(|b| b.is_ascii_digit()));
            assert!(starts_upper(m.name), "{m:?}");
            assert!(m.county.ends_with(" län"), "{m:?}");
        }
        assert_eq!(all()[0].name, "Upplands Väsby");
        assert_eq!(all()[0].code, "0114");
        assert_eq!(all()[289].name, "Kiruna");
    }

    #[test]
    fn by_code_works() {
        let m = by_code("0127").unwrap();
        assert_eq!((m.name, m.county), ("Botkyrka", "Stockholms län"));
        assert_eq!(by_code("1480").unwrap().name, "Göteborg");
        assert_eq!(by_code("9999"), None);
    }

    #[test]
    fn tables_refer_to_known_places() {
        for &(district, owner) in DISTRICTS {
            assert!(
                by_name(owner).is_some(),
                "unknown owner {owner} of {district}"
            );
            assert!(by_name(district).is_none(), "{district} is a municipality");
        }
        for name in AMBIGUOUS_NAMES.iter().chain(PERSON_NAME_LIKE) {
            assert!(
                by_name(name).is_some() || DISTRICTS.iter().any(|(d, _)| d == name),
                "{name} in an ambiguity list is not a known place"
            );
        }
    }

    #[test]
    fn every_town_lies_in_a_known_municipality_and_is_none() {
        let rows: Vec<&str> = LOCALITIES_CSV.lines().skip(1).collect();
        assert!(rows.len() > 400, "{} towns", rows.len());
        assert_eq!(
            localities().count(),
            rows.len(),
            "a row with an unknown code"
        );
        for (town, _) in localities() {
            assert!(by_name(town).is_none(), "{town} is a municipality");
        }
    }

    #[test]
    fn towns_in_a_place_s_context_are_their_municipality() {
        let cases = [
            (
                "Socialkontoret i Märsta har tappat fem handläggare.",
                vec!["Sigtuna"],
            ),
            (
                "Åkersbergas socialtjänst söker tre socialsekreterare.",
                vec!["Österåker"],
            ),
            (
                "Familjeenheten i Handen och mottagningen i Kinna.",
                vec!["Haninge", "Mark"],
            ),
            ("I Kungsängen slutade sju.", vec!["Upplands-Bro"]),
            ("Hon pendlar från Mölnlycke.", vec!["Härryda"]),
            ("Tätorten Kinna växer.", vec!["Mark"]),
            (
                "I samhället Hova finns ett socialkontor.",
                vec!["Gullspång"],
            ),
            (
                "Enheterna i Borås, Kinna och Fritsla.",
                vec!["Borås", "Mark", "Mark"],
            ),
            // Words and names, not places.
            ("Handen på hjärtat: vi hinner inte.", vec![]),
            ("Kisa inte med ögonen.", vec![]),
            ("Mötet på Märstavägen 4 drog ut.", vec![]),
            ("Enhetschefen Anna Märsta säger att det är lugnt.", vec![]),
            ("Kinna har fått nya lokaler.", vec![]),
            ("Vi i Sigtuna och Märsta.", vec!["Sigtuna", "Sigtuna"]),
        ];
        for (text, want) in cases {
            assert_eq!(names(text), want, "{text}");
        }
    }

    // --- lookup / suggest -------------------------------------------------

    #[test]
    fn lookup_forms() {
        let name = |s: &str| lookup(s).map(|m| m.name);
        assert_eq!(name("Botkyrka"), Some("Botkyrka"));
        // A town is its municipality; a town never makes a municipality ambiguous.
        assert_eq!(name("Märsta"), Some("Sigtuna"));
        assert_eq!(name("akersberga"), Some("Österåker"));
        assert_eq!(name("Habo"), Some("Habo"));
        assert_eq!(name("Håbo"), Some("Håbo"));
        assert_eq!(name("  botkyrka "), Some("Botkyrka"));
        assert_eq!(name("BOTKYRKAS"), Some("Botkyrka"));
        assert_eq!(name("Botkyrka kommun"), Some("Botkyrka"));
        assert_eq!(name("Botkyrkas kommun"), Some("Botkyrka"));
        assert_eq!(name("Salems kommun"), Some("Salem"));
        assert_eq!(name("Stockholms stad"), Some("Stockholm"));
        assert_eq!(name("Göteborgs Stad"), Some("Göteborg"));
        assert_eq!(name("Malmö stad"), Some("Malmö"));
        assert_eq!(name("Region Gotland"), Some("Gotland"));
        assert_eq!(name("upplands väsby"), Some("Upplands Väsby"));
        assert_eq!(name("Upplands\u{a0}Väsby"), Some("Upplands Väsby"));
        assert_eq!(name("Borås"), Some("Borås"));
        assert_eq!(name("Borås stad"), Some("Borås"));
        assert_eq!(name("0127"), Some("Botkyrka"));
        assert_eq!(name("180"), Some("Stockholm"));
        assert_eq!(name("Angered"), Some("Göteborg"));
        assert_eq!(name("rinkeby-kista"), Some("Stockholm"));
        assert_eq!(name("Angereds"), Some("Göteborg"));
    }

    #[test]
    fn lookup_diacritic_insensitive() {
        let name = |s: &str| lookup(s).map(|m| m.name);
        assert_eq!(name("goteborg"), Some("Göteborg"));
        assert_eq!(name("Malmo"), Some("Malmö"));
        assert_eq!(name("Malmo stad"), Some("Malmö"));
        assert_eq!(name("orebro"), Some("Örebro"));
        assert_eq!(name("malung salen"), Some("Malung-Sälen"));
        assert_eq!(name("upplands bro"), Some("Upplands-Bro"));
        assert_eq!(name("Rosengard"), Some("Malmö"));
        // Exact spelling wins over folding: Habo and Håbo both exist.
        assert_eq!(name("Habo"), Some("Habo"));
        assert_eq!(name("håbo"), Some("Håbo"));
    }

    #[test]
    fn lookup_rejects() {
        assert_eq!(lookup("nowhere"), None);
        assert_eq!(lookup(""), None);
        assert_eq!(lookup("   "), None);
        assert_eq!(lookup("Region Stockholm"), None);
        assert_eq!(lookup("Stockholms län"), None);
        assert_eq!(lookup("12"), None);
        assert_eq!(lookup("9999"), None);
    }

    #[test]
    fn suggest_close_names() {
        assert!(suggest("Botkyrca").contains(&"Botkyrka"));
        assert_eq!(suggest("Botkyrca")[0], "Botkyrka");
        assert!(suggest("Stokholm").contains(&"Stockholm"));
        assert!(suggest("Goteborj kommun").contains(&"Göteborg"));
        assert!(suggest("Botkyrca").len() <= 3);
        assert!(suggest("xqzzy").is_empty());
        assert!(suggest("").is_empty());
    }

    #[test]
    fn levenshtein_basics() {
        let d = |a: &str, b: &str| {
            levenshtein(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("malmö", "malmö"), 0);
        assert_eq!(d("malmö", "malmo"), 1);
    }

    // --- find_mentions: names and their forms -----------------------------

    #[test]
    fn plain_names_and_forms() {
        assert_eq!(names("Botkyrka"), ["Botkyrka"]);
        assert_eq!(
            spans("Larmet inifrån Botkyrkas socialtjänst"),
            ["Botkyrkas"]
        );
        assert_eq!(names("Larmet inifrån Botkyrkas socialtjänst"), ["Botkyrka"]);
        assert_eq!(spans("Botkyrka kommun"), ["Botkyrka"]);
        assert_eq!(spans("i Botkyrkas kommun"), ["Botkyrkas"]);
        assert_eq!(names("Stockholms stad"), ["Stockholm"]);
        assert_eq!(names("Göteborgs Stad"), ["Göteborg"]);
        assert_eq!(names("Malmö stad"), ["Malmö"]);
        assert_eq!(names("Gnosjö kommun"), ["Gnosjö"]);
        assert_eq!(names("socialtjänsten i Vallentuna kommun"), ["Vallentuna"]);
        assert_eq!(names("I Stockholm svarar drygt 30 procent"), ["Stockholm"]);
        assert_eq!(
            names(
                "På socialtjänstens beroendeenhet i Huddinge satt varje heltidsanställd \
                 socialsekreterare med 15–20 ärenden."
            ),
            ["Huddinge"]
        );
    }

    #[test]
    fn names_ending_in_s_x_z_take_no_extra_s() {
        assert_eq!(spans("Borås stad har brist"), ["Borås"]);
        assert_eq!(spans("Kalix kommun"), ["Kalix"]);
        assert_eq!(spans("Västerås socialtjänst"), ["Västerås"]);
        // "Boråss" is not a word form.
        none("Boråss");
    }

    #[test]
    fn region_gotland_is_a_municipality() {
        assert_eq!(spans("Region Gotland söker socialsekreterare"), ["Gotland"]);
        assert_eq!(names("i Region Gotlands socialförvaltning"), ["Gotland"]);
        assert_eq!(names("på Gotland"), ["Gotland"]);
    }

    #[test]
    fn multiword_and_hyphenated_names_match_whole() {
        assert_eq!(spans("i Upplands Väsby"), ["Upplands Väsby"]);
        assert_eq!(names("i Upplands Väsby"), ["Upplands Väsby"]);
        assert_eq!(names("i Upplands\u{a0}Väsby"), ["Upplands Väsby"]);
        assert_eq!(spans("Upplands Väsbys socialtjänst"), ["Upplands Väsbys"]);
        assert_eq!(names("i Upplands-Bro"), ["Upplands-Bro"]);
        assert_eq!(names("i Malung-Sälen"), ["Malung-Sälen"]);
        none("Malung-Sälenfjällen");
        assert_eq!(names("i Dals-Ed"), ["Dals-Ed"]);
        assert_eq!(names("Dals-Eds kommun"), ["Dals-Ed"]);
        assert_eq!(names("i Lilla Edet"), ["Lilla Edet"]);
        assert_eq!(names("i Östra Göinge"), ["Östra Göinge"]);
    }

    // --- word boundaries --------------------------------------------------

    #[test]
    fn not_inside_words() {
        none("Bjuvsbor");
        none("Markus");
        none("Alesund");
        none("Stockholmsregionen växer");
        none("i Göteborgsområdet");
        none("Tranåsbostäder");
        assert_eq!(names("i Tranås"), ["Tranås"]);
        assert_eq!(names("Tranås kommun"), ["Tranås"]);
    }

    #[test]
    fn not_part_of_hyphen_compounds() {
        none("enligt Göteborgs-Posten");
        none("i Stor-Stockholm");
        none("Stockholms- och Göteborgsområdet");
        // Two places of the same municipality joined by a hyphen are fine.
        assert_eq!(names("i Kista-Rinkeby"), ["Stockholm", "Stockholm"]);
        // A spaced dash is punctuation, not a compound.
        assert_eq!(names("Botkyrka - en kommun i kris"), ["Botkyrka"]);
    }

    #[test]
    fn lowercase_words_never_match() {
        none("mark");
        none("den här marken är mark");
        none("tran");
        none("vi måste vara beredda");
        none("berg och dalar");
        none("de ska backa upp personalen");
        none("lund");
    }

    // --- districts --------------------------------------------------------

    #[test]
    fn districts_map_to_municipality() {
        assert_eq!(
            names("Exemplet med stadsdelen Angered i Göteborg"),
            ["Göteborg", "Göteborg"]
        );
        assert_eq!(
            names("Det var i maj som en 18-årig man sköts till döds i Alby."),
            ["Botkyrka"]
        );
        assert_eq!(spans("Angereds stadsdelsförvaltning"), ["Angereds"]);
        assert_eq!(names("i Rinkebys centrum"), ["Stockholm"]);
        assert_eq!(spans("i Rinkeby-Kista"), ["Rinkeby-Kista"]);
        assert_eq!(spans("Enskede-Årsta-Vantör"), ["Enskede-Årsta-Vantör"]);
        assert_eq!(names("i Norra innerstaden"), ["Stockholm"]);
        assert_eq!(names("Södra innerstaden"), ["Malmö"]);
        assert_eq!(names("i Östra Göteborg"), ["Göteborg"]);
        assert_eq!(spans("i Östra Göteborg"), ["Östra Göteborg"]);
        assert_eq!(names("på Rosengård"), ["Malmö"]);
        assert_eq!(names("i Flemingsberg"), ["Huddinge"]);
        assert_eq!(names("i Ronna"), ["Södertälje"]);
        assert_eq!(names("i Gottsunda"), ["Uppsala"]);
        assert_eq!(names("i Vivalla"), ["Örebro"]);
        assert_eq!(names("i Hallonbergen"), ["Sundbyberg"]);
        assert_eq!(names("i Bergsjön"), ["Göteborg"]);
        none("Järvafältet");
    }

    #[test]
    fn every_district_is_found() {
        for &(district, owner) in DISTRICTS {
            let text = format!("socialtjänsten i {district} har problem");
            assert_eq!(names(&text), [owner], "{text}");
            let text = format!("socialtjänsten i {} har problem", genitive(district));
            assert_eq!(names(&text), [owner], "{text}");
        }
    }

    #[test]
    fn every_municipality_is_found() {
        for m in all() {
            for text in [
                format!("socialtjänsten i {} har problem", m.name),
                format!("{} kommun har problem", m.name),
                format!("{} socialtjänst har problem", genitive(m.name)),
            ] {
                let found = find_mentions(&text);
                assert_eq!(found.len(), 1, "{text}");
                assert_eq!(found[0].municipality, m, "{text}");
            }
        }
    }

    // --- counties and organisations ---------------------------------------

    #[test]
    fn not_the_county() {
        none("Stockholms län");
        none("inom Uppsala läns landsting");
        none("Region Stockholm");
        none("Region Skåne");
        none("Västra Götalandsregionen");
        none("Länsstyrelsen Uppsala");
        none("polisregion Stockholm");
        none("Region Jämtland Härjedalen");
        none("i Jönköpings län");
        assert_eq!(names("Region Gotland"), ["Gotland"]);
    }

    #[test]
    fn not_organisations_or_newspapers() {
        none("© 2024 Stockholms Fria");
        none("enligt Uppsala Nya Tidning");
        none("Stockholms Stadsmission larmar");
        none("Helsingborgs Dagblad skriver");
        none("Malmö FF vann");
        // Across a line break, a capital may start a new line: keep it.
        assert_eq!(
            names("Socialtjänsten i Botkyrka\nRapport 2024"),
            ["Botkyrka"]
        );
        // Allowed capitalised followers.
        assert_eq!(names("Göteborgs Stad"), ["Göteborg"]);
        assert_eq!(names("Vara Kommun"), ["Vara"]);
    }

    // --- ambiguous names --------------------------------------------------

    #[test]
    fn ambiguous_names_need_context() {
        none("Anna Lund säger att det är tufft.");
        none("Mark Levengood");
        none("Vara med och påverka!");
        none("Kajsa Berg");
        none("Vi pratade med Kajsa Berg om saken.");
        none("Lund har svårt att rekrytera.");
        none("Marks bok handlar om detta.");
        none("– Det är tufft, säger Mark.");
        none("Anna och Mark slutade samtidigt.");
        none("Backa inte nu.");
        assert_eq!(names("i Lund"), ["Lund"]);
        assert_eq!(names("I Lund har man"), ["Lund"]);
        assert_eq!(names("socialtjänsten i Mark"), ["Mark"]);
        assert_eq!(names("Ale kommun"), ["Ale"]);
        assert_eq!(names("Berg kommun"), ["Berg"]);
        assert_eq!(names("Marks kommun"), ["Mark"]);
        assert_eq!(names("Lunds socialtjänst"), ["Lund"]);
        assert_eq!(names("Moras kommunstyrelse"), ["Mora"]);
        assert_eq!(names("Flytten från Mora till Orsa"), ["Mora", "Orsa"]);
        assert_eq!(names("Åre kommun"), ["Åre"]);
        assert_eq!(names("vid Lunds universitet"), ["Lund"]);
        assert_eq!(names("i Backa"), ["Göteborg"]);
        // A place named after its kind.
        assert_eq!(names("I grannkommunen Nybro har sju slutat"), ["Nybro"]);
        assert_eq!(names("Kommunen Boden har fem vakanta tjänster"), ["Boden"]);
        assert_eq!(names("i stadsdelen Backa"), ["Göteborg"]);
        none("Fritidsgården Boden har öppet.");
    }

    #[test]
    fn organisations_that_are_municipalities() {
        let name = |n: &str| organisation(n).map(|m| m.name);
        assert_eq!(name("Falu kommun"), Some("Falun"));
        assert_eq!(name("Östersunds kommun"), Some("Östersund"));
        assert_eq!(name("Göteborgs Stad"), Some("Göteborg"));
        assert_eq!(name("Malmö stad"), Some("Malmö"));
        assert_eq!(name("Region Gotland"), Some("Gotland"));
        assert_eq!(name("Ale kommun"), Some("Ale"));
        assert_eq!(name("Falu kommun, till startsidan"), Some("Falun"));
        assert_eq!(name("Vänersborgs kommun - startsida"), Some("Vänersborg"));
        assert_eq!(name("Örnsköldsviks kommun logo"), Some("Örnsköldsvik"));
        assert_eq!(
            organisation_named("Falu kommun, till startsidan").map(|(_, n)| n),
            Some("Falu kommun")
        );
        assert_eq!(
            organisation_named("Göteborgs Stad").map(|(_, n)| n),
            Some("Göteborgs Stad")
        );
        for n in [
            "Lerums kommun får kritik",
            "Vision Skellefteå kommun",
            "Östersunds-Posten",
            "Region Stockholm",
            "Kommunal",
            "Stadshuset i Skellefteå",
            "Malmö",
            "Lunds kommun och Malmö stad",
            "Malmö i höst",
            "Malmö stå",
        ] {
            assert_eq!(name(n), None, "{n}");
        }
    }

    #[test]
    fn ambiguous_names_in_enumerations() {
        assert_eq!(names("Malmö och Lund"), ["Malmö", "Lund"]);
        assert_eq!(names("Lund, Malmö"), ["Lund", "Malmö"]);
        assert_eq!(
            names("Mora, Orsa och Älvdalen samarbetar"),
            ["Mora", "Orsa", "Älvdalen"]
        );
        assert_eq!(
            names("Kommunerna Borås, Mark och Svenljunga"),
            ["Borås", "Mark", "Svenljunga"]
        );
        // A first name in front is not rescued by the enumeration.
        none("Anna Lund, Nora Berg");
        // A list goes on across a line break, not across a blank line.
        assert_eq!(names("Malmö,\nLund"), ["Malmö", "Lund"]);
        assert_eq!(names("Malmö,\n\nLund"), ["Malmö"]);
    }

    /// The mentions found in one paragraph are those of the whole text inside it: what
    /// claim extraction looks up paragraph by paragraph.
    #[test]
    fn mentions_of_a_paragraph_are_the_whole_texts_inside_it() {
        let mut texts = crate::claims::tests::seed_texts();
        assert!(texts.len() >= 5, "the seeds are in corpus/seeds");
        texts.push(
            "Mora, Orsa\n\noch Älvdalen. Stockholms\n\nlän. I Lund,\n \nMark och Borås.\n\
             Region\n\nStockholm, Anna\n\nLund i Malmö-\n\nLund"
                .to_string(),
        );
        let mut seen = 0;
        for text in &texts {
            let whole = find_mentions(text);
            for p in crate::claims::text::paragraphs(text) {
                let inside: Vec<Mention> = whole
                    .iter()
                    .filter(|m| p.start <= m.start && m.end <= p.end)
                    .cloned()
                    .collect();
                let found = find_mentions_in(text, p.start..p.end);
                assert_eq!(found, inside, "{:?}", &text[p.start..p.end]);
                seen += found.len();
            }
        }
        assert!(seen > 20, "only {seen} mentions in the seeds");
    }

    #[test]
    fn capitalised_word_before_name() {
        // Surname-like names after a first name are people.
        none("Vi ringde Karin Falun igår.");
        none("enligt Anders Norberg på förvaltningen");
        assert_eq!(names("i Falun"), ["Falun"]);
        assert_eq!(names("Falun har svårt att rekrytera."), ["Falun"]);
        // Ordinary names keep working after capitals and in titles.
        assert_eq!(names("I Botkyrka"), ["Botkyrka"]);
        assert_eq!(
            names("Ebba Östlin (S), kommunstyrelsens ordförande i Botkyrka"),
            ["Botkyrka"]
        );
        assert_eq!(names("SVT Botkyrka"), ["Botkyrka"]);
    }

    #[test]
    fn real_sentences() {
        none(
            "10 av 30 socialsekreterare vid socialförvaltningens Utredning vuxen 1 och 2 \
             har sagt upp sig.",
        );
        let text = "Larmet inifrån Botkyrkas socialtjänst: i Tumba och Fittja \
                    saknas handläggare, medan Huddinge klarar sig.";
        assert_eq!(
            names(text),
            ["Botkyrka", "Botkyrka", "Botkyrka", "Huddinge"]
        );
        let found = find_mentions(text);
        assert!(found.windows(2).all(|w| w[0].end <= w[1].start));
        assert_eq!(&text[found[3].start..found[3].end], "Huddinge");
    }

    #[test]
    fn offsets_are_byte_offsets() {
        let text = "Ärendena i Örebro ökar";
        let m = find_mentions(text);
        assert_eq!(m.len(), 1);
        assert_eq!(&text[m[0].start..m[0].end], "Örebro");
        assert_eq!(m[0].start, "Ärendena i ".len());
    }

    #[test]
    fn empty_and_plain_text() {
        none("");
        none("Socialsekreterare säger upp sig i protest.");
    }

    /// Rough speed check: `cargo test --release --lib geo::tests::speed -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn speed() {
        let sentence = "På socialtjänstens beroendeenhet i Huddinge satt varje heltidsanställd \
                        socialsekreterare med 15–20 ärenden, enligt Stockholms Fria. ";
        let text = sentence.repeat(10_000);
        let t = std::time::Instant::now();
        let mut n = 0;
        for s in text.split_inclusive(". ") {
            n += find_mentions(s).len();
        }
        let per = t.elapsed() / 10_000;
        eprintln!("{n} mentions, {per:?} per sentence");
        assert_eq!(n, 10_000);
    }
}
