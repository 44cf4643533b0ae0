//! The literal prefilter: the words without which no claim pattern can match.
//!
//! Most sentences of a news page hold no claim. Before a sentence is scanned for numbers,
//! masked and run through the rules, one pass over the whole document finds the words the
//! rules are made of; a sentence goes on only when, for some rule, it holds every word that
//! rule cannot match without, and only those rules run on it ([`Prefilter::possible_rules`]). A document where no rule is possible costs this one pass and
//! nothing else (no sentence split, no numerals, no municipality lookup).
//!
//! What a rule cannot match without is read from its pattern's syntax tree, not written by
//! hand: a *condition* in conjunctive normal form, a list of clauses, each a set of words of
//! which the matched text holds at least one. A literal ("sagt upp sig") requires each of its
//! words; a sequence requires what each of its parts requires; an alternation requires, per
//! clause, one word of each branch; optional parts, classes and repetitions that may be
//! empty require nothing. A figure marker (`#n3#`) requires what every written number holds:
//! a digit, "hundra" or "tusen" anywhere ([`numerals::IN_EVERY_NUMBER`]), a word that begins
//! as a number word ("tio", "trettio", "hälften"; [`numerals::STARTS_EVERY_NUMBER_WORD`],
//! found only where a word starts: "Migrationsverket" holds no "tio"), or a literal "#".
//! So the rule `<V> <ADJ><STAFF> ... <QUIT>` needs a figure, a staff word and a word of
//! leaving in the same sentence, and "person", "jobb" or "fall" alone no longer send a news
//! sentence down the full path.
//!
//! The search runs over the raw text, the rules over the *masked* sentence (lower case,
//! white space collapsed, quantities replaced by markers, å/ä/ö/é folded to "qa"/"qe"/"qo"/
//! "qi"). Words hold no white space and no "#", so each word the masked sentence holds stands
//! in the raw sentence too, written in some case: the automaton matches ASCII letters in
//! either case and each Swedish letter as "å", "Å" or its folded pair ("qa", any case). Few
//! other characters lower-case or case-fold to these letters (the Kelvin sign, the Ångström
//! sign, the long s, the dotted capital I; [`ODD_LETTERS`], checked by a test); a document
//! that holds one goes the full path, unfiltered.

use super::numerals;
use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::noncontiguous::NFA;
use aho_corasick::{Anchored, MatchKind};
use regex_syntax::hir::{Hir, HirKind};
use std::collections::HashMap;

/// Characters outside ASCII and å/ä/ö/é (either case) that lower-case or case-fold to an
/// ASCII letter or to one of those: a document holding one is not filtered.
pub(super) const ODD_LETTERS: &[char] = &['\u{130}', '\u{17f}', '\u{212a}', '\u{212b}'];

/// Shorter words stand for too little to be worth a search (and the one-letter parts of a
/// figure marker, `n` in `#n3#`, are not in the raw text at all).
const MIN_WORD: usize = 3;

/// Words among the most frequent of any Swedish text (function words, auxiliaries): found
/// in most sentences, they tell the prefilter nothing and cost a hit each. A clause that
/// would need one of them is dropped, a weaker condition, never a wrong one.
const TOO_COMMON: &[&str] = &[
    "att", "och", "det", "den", "som", "för", "är", "var", "har", "hade", "till", "med", "på",
    "av", "om", "ett", "kan",
    // Frequent words some rules name, which would cost a hit in nearly every sentence.
    "från", "blev", "går", "gick", "sitt", "tror", "mina", "våra",
];

/// Shorter words searched all the same: "jo" (the Parliamentary Ombudsmen) is one of the
/// bodies an inspection rule names, and without it the rule's whole alternation of bodies
/// would require nothing, which let through every sentence with "kritik" and "ser" (most
/// sentences the prefilter passed in the scale benchmark's corpus, none of them a claim).
/// Letter pairs in general are too frequent in running text to be worth a hit each.
const SHORT_WORDS: &[&str] = &["jo"];

/// At most this many clauses are kept for an alternation; fewer clauses is a weaker
/// condition, never a wrong one.
const MAX_CLAUSES: usize = 12;

/// Written before a word of the vocabulary that counts only at the start of a word of the
/// text (see [`numerals::STARTS_EVERY_NUMBER_WORD`]).
const WORD_START: char = '^';

/// What a pattern of the automaton stands for: a word, and whether it counts only at the start
/// of a word of the text.
#[derive(Clone, Copy, Debug)]
#[cfg_attr(test, derive(PartialEq))]
struct Found {
    word: usize,
    at_start: bool,
}

/// Whether `text[at..]` starts a word as the numeral scanner's `\b` tells one: the scanner
/// runs on folded text with ASCII word boundaries (`fold::pattern`), so what counts as part
/// of a word is an ASCII letter or digit, "_", or a letter that folds to ASCII letters
/// (å, ä, ö, é); "ø" or "ü" before a number word leave it at a word's start ("Tromsøtre"
/// holds "tre" for the scanner). Any other character, or none, before `at` starts a word.
pub(super) fn starts_word(text: &str, at: usize) -> bool {
    !text[..at].chars().next_back().is_some_and(in_folded_word)
}

/// A character that the folded text's ASCII `\b` counts as part of a word.
pub(super) fn in_folded_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || super::fold::is_folded(c)
}

/// A set of words, as bits over the word list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Words(Vec<u64>);

impl Words {
    fn new(len: usize) -> Words {
        Words(vec![0; len.div_ceil(64)])
    }
    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
}

/// A condition: every clause must hold; a clause (sorted word ids) holds when one of its
/// words is there. No clause: nothing is required.
type Cnf = Vec<Vec<usize>>;

/// The words of the rules, their conditions, and the automaton that finds the words.
pub(super) struct Prefilter {
    /// The words, for reading the conditions in tests.
    #[cfg_attr(not(test), allow(dead_code))]
    words: Vec<String>,
    /// Distinct clauses of all rules, as word sets.
    #[cfg_attr(not(test), allow(dead_code))]
    clauses: Vec<Words>,
    /// Per rule, the clauses it needs.
    #[cfg_attr(not(test), allow(dead_code))]
    rules: Vec<Clauses>,
    /// Per rule, the clauses it needs that [`Prefilter::possible`] reads: those of the
    /// conditions it tries. Only their words are all searched (see [`Prefilter::new`]), so
    /// only these clauses can be told from a scan; the rest are left out, a weaker
    /// condition, never a wrong one.
    readable: Vec<Clauses>,
    /// The conditions [`Prefilter::possible`] tries, by their key clause: no condition that
    /// holds another (which is possible whenever that one is), and each under the clause of
    /// fewest words it needs (the least likely to be there), so that a passage is only
    /// tried against conditions whose key it holds.
    by_key: Vec<Vec<Clauses>>,
    /// The clauses that are some condition's key: of the clauses a passage holds, only
    /// these are looked up in `by_key` (a word like "upp" or "sig" holds dozens of clauses,
    /// few of them keys).
    keys: Clauses,
    /// Some rule needs nothing: every passage is possible.
    unconditional: bool,
    /// Per word, the clauses it holds.
    word_clauses: Vec<Clauses>,
    /// Spelling -> its word; `None` for an odd letter.
    #[cfg(test)]
    pattern_word: Vec<Option<Found>>,
    /// The words' spellings (the automaton's patterns but for the bytes before a word that
    /// counts only at a word's start, see [`automaton_patterns`]), for checking
    /// [`Prefilter::scan`] against aho-corasick's own overlapping search.
    #[cfg(test)]
    patterns: Vec<String>,
    /// The words' automaton, as the scan steps through it.
    table: Table,
    /// The longest pattern, in bytes.
    longest: usize,
}

/// Aho-corasick's automaton for the words, copied into one flat table that a step reads with
/// one load and one comparison.
///
/// The automaton is read here state by state and byte by byte, so it is aho-corasick's
/// noncontiguous NFA (whose step follows failure links), not its DFA: the DFA, built from
/// that NFA, filled the same transitions in advance: 41 M instructions, where reading the NFA
/// costs 17 M more than reading the DFA did, so the set-up is 24 M shorter (what a
/// one-sentence `avhopp check` waits for; an ingest builds the prefilter beside its first
/// chunk's analysis). In test builds, `Prefilter::new` also makes the DFA of the same NFA and
/// asserts that the two tables are equal.
///
/// Stepping an automaton through its `Automaton` methods costs a byte-class lookup, a table
/// lookup, each bounds-checked, then a test for special states; in the scan that was about
/// 18 instructions a byte, a third of claim extraction on news text. Here a state's number is
/// premultiplied by the number of byte classes, the states with matches are numbered from a
/// power of two up, above all others (so one bit says whether a state has any, and the four
/// streams of [`Table::run`] are tested together by or-ing their states), and the classes are
/// read from the patterns:
/// each byte a pattern holds (ASCII letters in either case being one) is a class, and every
/// other byte, which from any state leads back to the start, is one more.
#[cfg_attr(test, derive(Debug, PartialEq))]
struct Table {
    /// Byte -> its class.
    classes: [u8; 256],
    /// State (premultiplied) + class -> next state (premultiplied).
    next: Vec<u32>,
    /// Where a scan starts: after a [`BOUNDARY`], so that a word at the text's start counts as
    /// at a word's start (the start state itself when no word counts only there).
    start: u32,
    /// The bit set in the number of every state with matches, and of no other state.
    match_bit: u32,
    /// The number of the first state with matches.
    first_match: u32,
    /// Per state with matches (in order): the range of its matches in `matches`.
    match_ranges: Vec<(u32, u32)>,
    /// The matches: the pattern's length in bytes and its word, `None` for an odd letter.
    matches: Vec<(u32, Option<Found>)>,
    /// Classes per state.
    stride: u32,
}

impl Table {
    fn new(automaton: &impl Automaton, patterns: &[Searched]) -> Table {
        // Classes: 0 for bytes no pattern holds, then one per distinct byte (ASCII case
        // folded: the automaton ignores it).
        let mut classes = [0u8; 256];
        let mut representative = vec![0u8]; // byte 0 stands for the bytes of class 0
        for b in patterns.iter().flat_map(|p| p.bytes.iter().copied()) {
            let b = b.to_ascii_lowercase();
            if classes[b as usize] == 0 {
                let class = u8::try_from(representative.len())
                    .expect("at most 255 distinct bytes in the prefilter's words");
                classes[b as usize] = class;
                classes[b.to_ascii_uppercase() as usize] = class;
                representative.push(b);
            }
        }
        assert!(
            patterns.iter().all(|p| !p.bytes.contains(&0)),
            "no prefilter word holds a NUL byte (it stands for class 0)"
        );
        // Every other byte that can end a character outside a word steps as the boundary.
        let boundary = classes[usize::from(BOUNDARY)];
        if boundary != 0 {
            for b in 0..=255u8 {
                if classes[usize::from(b)] == 0 && ends_no_word(b) {
                    classes[usize::from(b)] = boundary;
                }
            }
        }
        let stride = representative.len();
        // Every state reachable from the start, and its transitions, in the automaton's
        // numbers. Indexed by its state ID (a DFA's are premultiplied, so sparse): `NONE`
        // until the state is numbered anew.
        const NONE: u32 = u32::MAX;
        let mut number: Vec<u32> = Vec::new();
        let slot = |number: &mut Vec<u32>, sid: StateID| -> usize {
            if number.len() <= sid.as_usize() {
                number.resize(sid.as_usize() + 1, NONE);
            }
            sid.as_usize()
        };
        let start = automaton
            .start_state(Anchored::No)
            .expect("an unanchored search is supported");
        let mut order = vec![start];
        let at = slot(&mut number, start);
        number[at] = 0; // seen; numbered below
        let mut rows: Vec<StateID> = Vec::new();
        let mut next_to_visit = 0;
        while next_to_visit < order.len() {
            let sid = order[next_to_visit];
            next_to_visit += 1;
            for &b in &representative {
                let to = automaton.next_state(Anchored::No, sid, b);
                rows.push(to);
                let at = slot(&mut number, to);
                if number[at] == NONE {
                    number[at] = 0;
                    order.push(to);
                }
            }
        }
        // New numbers: the states without matches from 0, those with matches from the first
        // row at or above `match_bit`, a power of two above every number of the others, and
        // below `2 * match_bit` (so every one of them has that bit, and no other state has).
        let (with, without): (Vec<usize>, Vec<usize>) =
            (0..order.len()).partition(|&i| automaton.is_match(order[i]));
        // One more state without matches, after the others: inside a run of digits.
        let digit_run = without.len() * stride;
        let match_bit = (digit_run + stride)
            .max(with.len() * stride + stride)
            .next_power_of_two();
        let first_match = match_bit.div_ceil(stride) * stride;
        assert!(first_match + with.len() * stride <= 2 * match_bit);
        let mut match_ranges = Vec::new();
        let mut matches = Vec::new();
        for (new, &old) in without.iter().chain(&with).enumerate() {
            let sid = order[old];
            let row = if new < without.len() {
                new * stride
            } else {
                first_match + (new - without.len()) * stride
            };
            number[sid.as_usize()] = u32::try_from(row).expect("prefilter table fits u32");
            if new >= without.len() {
                let first = matches.len() as u32;
                for i in 0..automaton.match_len(sid) {
                    let p = &patterns[automaton.match_pattern(sid, i).as_usize()];
                    matches.push((p.len as u32, p.found));
                }
                match_ranges.push((first, matches.len() as u32));
            }
        }
        // The rows between the digit-run state and `first_match` are never reached.
        let mut next = vec![0u32; first_match + with.len() * stride];
        for (old_index, &old) in order.iter().enumerate() {
            let row = number[old.as_usize()] as usize;
            for c in 0..stride {
                next[row + c] = number[rows[old_index * stride + c].as_usize()];
            }
        }
        // A digit is a word of its own ("a figure holds a digit"), so every digit of "2 019
        // 000" was a hit, a sixth of all hits on the synthetic texts. Only the first of a run
        // of digits counts now: a digit after a digit leads to the digit-run state, which
        // has no match and otherwise steps as the start state does. What is lost cannot
        // matter: the passages asked about (text, paragraph, sentence) start after white
        // space, never inside a run of digits, so each holding a digit holds the first of
        // its run. That needs the digits to be words of their own and in no other word:
        // each digit a class of its own, leading to the same state from every state, and
        // that state stepping on any other byte as the start state does (a word "3:e" would
        // break it; the asserts below fail when the table is built). Without figures in
        // the rules the digits are no words at all, and nothing changes.
        let start_row = number[start.as_usize()] as usize;
        let digit_classes: Vec<usize> = (b'0'..=b'9')
            .map(|b| usize::from(classes[usize::from(b)]))
            .collect();
        if digit_classes.iter().any(|&c| c != 0) {
            assert!(
                digit_classes.iter().all(|&c| c != 0)
                    && (1..digit_classes.len())
                        .all(|i| !digit_classes[..i].contains(&digit_classes[i])),
                "some digits are words of the prefilter, but not each one on its own"
            );
            let rows = || {
                next.chunks(stride)
                    .take(without.len())
                    .chain(next[first_match..].chunks(stride))
            };
            for &c in &digit_classes {
                let to = next[start_row + c] as usize;
                assert!(
                    rows().all(|row| row[c] as usize == to)
                        && (0..stride).all(|o| {
                            digit_classes.contains(&o) || next[to + o] == next[start_row + o]
                        }),
                    "a prefilter word holds a digit beside other characters"
                );
            }
            for c in 0..stride {
                next[digit_run + c] = next[start_row + c];
            }
            for &c in &digit_classes {
                let digit_state = next[start_row + c] as usize;
                for &d in &digit_classes {
                    next[digit_state + d] = digit_run as u32;
                }
                next[digit_run + c] = digit_run as u32;
            }
        }
        // What `step` reads without a bounds check relies on: every state is a row's start.
        assert!(
            next.iter()
                .all(|&n| (n as usize).is_multiple_of(stride) && (n as usize) < next.len()),
            "prefilter table: a state that is no row"
        );
        Table {
            classes,
            next,
            start: if boundary != 0 {
                number[automaton
                    .next_state(Anchored::No, start, BOUNDARY)
                    .as_usize()]
            } else {
                number[start.as_usize()]
            },
            match_bit: match_bit as u32,
            first_match: first_match as u32,
            match_ranges,
            matches,
            stride: stride as u32,
        }
    }

    /// Whether `state` has matches.
    #[inline(always)]
    fn has_matches(&self, state: u32) -> bool {
        state & self.match_bit != 0
    }

    /// Steps four streams of equal length from `k` on, until one reaches a state with
    /// matches or they end; returns the index after the last step.
    ///
    /// Out of line and calling nothing, so that the states, the four positions and the two
    /// tables fit in registers (inside `scan`, next to the hits' bookkeeping, the states
    /// went through the stack at every step).
    #[inline(never)]
    fn run(&self, heads: [&[u8]; 4], states: &mut [u32; 4], mut k: usize) -> usize {
        let [h0, h1, h2, h3] = heads;
        let n = h0.len().min(h1.len()).min(h2.len()).min(h3.len());
        let (h0, h1, h2, h3) = (&h0[..n], &h1[..n], &h2[..n], &h3[..n]);
        // As usize: indexes, with no widening at each step.
        let [mut s0, mut s1, mut s2, mut s3] = states.map(|s| s as usize);
        let bit = self.match_bit as usize;
        let wide_step = |state: usize, byte: u8| self.step(state as u32, byte) as usize;
        while k < n {
            s0 = wide_step(s0, h0[k]);
            s1 = wide_step(s1, h1[k]);
            s2 = wide_step(s2, h2[k]);
            s3 = wide_step(s3, h3[k]);
            k += 1;
            if (s0 | s1 | s2 | s3) & bit != 0 {
                break;
            }
        }
        *states = [s0, s1, s2, s3].map(|s| s as u32);
        k
    }

    #[inline(always)]
    fn step(&self, state: u32, byte: u8) -> u32 {
        let at = state as usize + self.classes[byte as usize] as usize;
        debug_assert!(at < self.next.len());
        // SAFETY: `state` is `start` or read from `next` (`scan` and `run`, the only callers,
        // pass nothing else), and every such number is the start of a row of `stride` entries
        // inside `next` (built so and asserted in `Table::new`); a class is below `stride`.
        // So `at` is inside `next`. The
        // bounds check this saves held a register the four streams need (with it, states
        // went through the stack at every step).
        unsafe { *self.next.get_unchecked(at) }
    }
}

/// Below this many bytes a text is scanned as one stream.
const STREAMS_FROM: usize = 256;

/// How many parts of a text [`Prefilter::scan`] steps through at once: on news text one
/// stream scanned 333 MB/s, two 496, three 536, four 630, five 286 and eight 442 (the
/// states no longer stay in registers). The scan's loop is written out for four.
const STREAMS: usize = 4;

/// Room for the hits of `len` bytes of text, so that the hit list seldom grows: on text dense
/// with the rules' words (a hit every 25 bytes) growing it from empty, doubling, was a third
/// of the scan's cost outside its loop.
fn expected_hits(len: usize) -> usize {
    len / 16 + 8
}

/// A set of clauses, as bits. Fixed in size, so that [`Prefilter::possible`], which runs for
/// every paragraph and sentence, allocates nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Clauses([u64; CLAUSE_WORDS]);

/// Room for 448 clauses (the rules had 116 when this was written, 259 on 2026-12-07, over
/// 320 after the `overviews` round, over 384 after the `figures` round); more
/// is a panic when the prefilter is built, caught by every test that extracts a claim.
const CLAUSE_WORDS: usize = 7;

impl Clauses {
    fn insert(&mut self, i: usize) {
        assert!(
            i < CLAUSE_WORDS * 64,
            "more than {} prefilter clauses: raise CLAUSE_WORDS",
            CLAUSE_WORDS * 64
        );
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn union(&mut self, other: &Clauses) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
    }
    fn intersection(&self, other: &Clauses) -> Clauses {
        Clauses(std::array::from_fn(|i| self.0[i] & other.0[i]))
    }
    fn within(&self, other: &Clauses) -> bool {
        self.0.iter().zip(other.0).all(|(a, b)| a & !b == 0)
    }
    fn contains(&self, i: usize) -> bool {
        self.0[i / 64] >> (i % 64) & 1 == 1
    }
}

/// One word found in the text: its bytes and its id.
#[derive(Clone, Copy, Debug)]
struct Hit {
    start: u32,
    end: u32,
    word: u32,
}

/// A hit as (start, end, word), for tests.
#[cfg(test)]
type HitTuple = (usize, usize, usize);

/// The words of a document found by [`Prefilter::scan`].
pub(super) struct Scan {
    /// In the order the automaton reports them: by end.
    hits: Vec<Hit>,
    /// An [`ODD_LETTERS`] character is in the text, or the text is too long for the hits'
    /// offsets: do not filter.
    pub odd: bool,
}

/// Stands in the automaton's patterns for any byte that no word holds and that can end a
/// character other than a word character ([`ends_no_word`]): the byte before a word that
/// counts only at a word's start.
const BOUNDARY: u8 = 0x01;

/// Whether byte `b` can be the last byte of a character that is not part of a word as
/// [`starts_word`] tells: ASCII other than letters, digits and "_", and the continuation bytes
/// of longer characters (of å, ä, ö, é too, which are word characters: a continuation byte
/// alone does not tell which character it ends, so a word after one is a hit that
/// [`Prefilter::record`] then turns down, as before). Lead bytes end no character.
fn ends_no_word(b: u8) -> bool {
    !(b.is_ascii_alphanumeric() || b == b'_') && b < 0xC0
}

/// A pattern of the automaton: its bytes, the length of its word in them (at their end),
/// and the word.
struct Searched {
    bytes: Vec<u8>,
    len: usize,
    found: Option<Found>,
}

/// The automaton's patterns for the words' spellings: a word that counts only at a word's
/// start ("tio", "tre") is looked for after [`BOUNDARY`], which every byte no word holds
/// that [`ends_no_word`] steps as, and after each such byte that some word holds ("#"; the
/// last bytes of å, ä, ö). Looked for anywhere, "tio" in every "-tion" word and "tre" in
/// "utredning" stopped the scan, to be turned down by [`starts_word`]: 15 % of the hits on
/// the synthetic texts. What is found is the same, the word after any byte that can start
/// it.
fn automaton_patterns(patterns: &[String], words: &[Option<Found>]) -> Vec<Searched> {
    let mut held = [false; 256];
    for b in patterns.iter().flat_map(|p| p.bytes()) {
        held[usize::from(b.to_ascii_lowercase())] = true;
        held[usize::from(b.to_ascii_uppercase())] = true;
    }
    assert!(
        !held[usize::from(BOUNDARY)],
        "a prefilter word holds the boundary byte"
    );
    let before_word_start: Vec<u8> = std::iter::once(BOUNDARY)
        .chain((0..=255u8).filter(|&b| held[usize::from(b)] && ends_no_word(b)))
        .collect();
    let mut out = Vec::new();
    for (p, &found) in patterns.iter().zip(words) {
        if found.is_some_and(|f| f.at_start) {
            for &b in &before_word_start {
                let mut bytes = vec![b];
                bytes.extend_from_slice(p.as_bytes());
                out.push(Searched {
                    bytes,
                    len: p.len(),
                    found,
                });
            }
        } else {
            out.push(Searched {
                bytes: p.as_bytes().to_vec(),
                len: p.len(),
                found,
            });
        }
    }
    out
}

impl Prefilter {
    /// Builds the prefilter for rules given by their plain patterns (see
    /// [`super::vocab::expand_plain`]).
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Prefilter {
        let mut words = Vocabulary::default();
        let mut figure: Vec<usize> = numerals::IN_EVERY_NUMBER
            .iter()
            .chain(["#"].iter())
            .map(|w| w.to_string())
            .chain(
                numerals::STARTS_EVERY_NUMBER_WORD
                    .iter()
                    .map(|w| format!("{WORD_START}{w}")),
            )
            .map(|w| words.id(&w))
            .collect();
        figure.sort_unstable();
        words.figure = figure;
        let cnfs: Vec<Cnf> = patterns
            .into_iter()
            .map(|p| {
                let hir = regex_syntax::parse(p)
                    .unwrap_or_else(|e| panic!("claim pattern {p:?} does not parse: {e}"));
                condition(&hir, &mut words)
            })
            .collect();
        let n = words.list.len();
        let as_words = |clause: &[usize]| {
            let mut w = Words::new(n);
            clause.iter().for_each(|&i| w.insert(i));
            w
        };
        let mut distinct: Vec<Vec<usize>> = Vec::new();
        let mut rules = Vec::new();
        for cnf in &cnfs {
            let ids: Vec<usize> = cnf
                .iter()
                .map(|c| match distinct.iter().position(|d| d == c) {
                    Some(i) => i,
                    None => {
                        distinct.push(c.clone());
                        distinct.len() - 1
                    }
                })
                .collect();
            rules.push(ids);
        }
        let clauses: Vec<Words> = distinct.iter().map(|c| as_words(c)).collect();
        let mut word_clauses = vec![Clauses::default(); n];
        for (ci, c) in distinct.iter().enumerate() {
            c.iter().for_each(|&w| word_clauses[w].insert(ci));
        }
        let rules: Vec<Clauses> = rules
            .into_iter()
            .map(|ids| {
                let mut w = Clauses::default();
                ids.into_iter().for_each(|i| w.insert(i));
                w
            })
            .collect();
        let unconditional = rules.iter().any(|r| *r == Clauses::default());
        let mut by_key = vec![Vec::new(); distinct.len()];
        for (i, r) in rules.iter().enumerate() {
            let weaker = rules
                .iter()
                .enumerate()
                .any(|(j, o)| o.within(r) && (o != r || j < i));
            if weaker || *r == Clauses::default() {
                continue;
            }
            let key = (0..distinct.len())
                .filter(|&c| r.contains(c))
                .min_by_key(|&c| distinct[c].len())
                .expect("a condition with a clause");
            by_key[key].push(*r);
        }
        let mut keys = Clauses::default();
        (0..distinct.len())
            .filter(|&c| !by_key[c].is_empty())
            .for_each(|c| keys.insert(c));
        // The clauses `possible` ever reads: those of the conditions it tries.
        let mut read = Clauses::default();
        by_key.iter().flatten().for_each(|r| read.union(r));
        let readable = rules.iter().map(|r| r.intersection(&read)).collect();

        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_word = Vec::new();
        for (id, w) in words.list.iter().enumerate() {
            // A word in no clause that `possible` reads (dropped from its clause by `tidy`,
            // from a condition cut to `MAX_CLAUSES`, or only in conditions that hold a
            // weaker one) changes nothing it decides, and each of its hits stops the scan:
            // "från", "går", "än", "säger" were a sixth of the hits on the synthetic texts.
            if word_clauses[id]
                .0
                .iter()
                .zip(read.0)
                .all(|(w, r)| w & r == 0)
            {
                continue;
            }
            let at_start = w.starts_with(WORD_START);
            for v in spellings(w.trim_start_matches(WORD_START)) {
                patterns.push(v);
                pattern_word.push(Some(Found { word: id, at_start }));
            }
        }
        for c in ODD_LETTERS {
            patterns.push(c.to_string());
            pattern_word.push(None);
        }
        let searched = automaton_patterns(&patterns, &pattern_word);
        let automaton = NFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // Only read into the table, never searched with: no prefilter of its own.
            .prefilter(false)
            .build(searched.iter().map(|p| &p.bytes))
            .expect("prefilter automaton");
        let longest = searched.iter().map(|p| p.bytes.len()).max().unwrap_or(1);
        let table = Table::new(&automaton, &searched);
        #[cfg(test)]
        {
            // The table is that of the same NFA's DFA, state for state.
            let dfa = aho_corasick::dfa::DFA::builder()
                .build_from_noncontiguous(&automaton)
                .expect("prefilter DFA");
            assert_eq!(
                table,
                Table::new(&dfa, &searched),
                "the NFA's table is the DFA's"
            );
        }
        Prefilter {
            words: words.list,
            clauses,
            rules,
            readable,
            by_key,
            keys,
            unconditional,
            word_clauses,
            #[cfg(test)]
            pattern_word,
            #[cfg(test)]
            patterns,
            table,
            longest,
        }
    }

    /// Every occurrence of every word in `text` (overlapping: "trettio" holds "tre" and
    /// "tio"), one pass; but of a run of digits only the first (see [`Table::new`]), and no
    /// word that [`Prefilter::possible`] has no use for (see [`Prefilter::new`]).
    ///
    /// The automaton's step is a load that depends on the step before, so one stream of bytes
    /// waits on memory at every byte (this loop was half of extraction's time on news text).
    /// The text is cut in [`STREAMS`] parts, stepped in the same loop: independent chains of
    /// loads, which the CPU overlaps. Each part but the first starts `longest - 1` bytes
    /// before its cut, so a word across the cut is seen whole there; of its hits only those
    /// ending past the cut are kept, and those of the part before all end before it: each
    /// occurrence is found once, and the hits stay in order of their ends.
    pub fn scan(&self, text: &str) -> Scan {
        let mut scan = Scan {
            hits: Vec::new(),
            odd: u32::try_from(text.len()).is_err(),
        };
        if scan.odd {
            return scan;
        }
        scan.hits.reserve(expected_hits(text.len()));
        let bytes = text.as_bytes();
        let table = &self.table;
        if bytes.len() < STREAMS_FROM {
            let mut state = table.start;
            for (at, &b) in bytes.iter().enumerate() {
                state = table.step(state, b);
                if table.has_matches(state) {
                    self.record(text, state, at + 1, &mut scan);
                }
            }
            return scan;
        }
        // Stream i steps through bytes[from[i]..cuts[i + 1]] and keeps the hits that end
        // past cuts[i].
        let n = bytes.len();
        let cuts: [usize; STREAMS + 1] = std::array::from_fn(|i| i * n / STREAMS);
        let from: [usize; STREAMS] =
            std::array::from_fn(|i| cuts[i] + 1 - self.longest.min(cuts[i] + 1));
        let streams: [&[u8]; STREAMS] = std::array::from_fn(|i| &bytes[from[i]..cuts[i + 1]]);
        let mut found: [Scan; STREAMS] = std::array::from_fn(|i| Scan {
            hits: Vec::with_capacity(expected_hits(streams[i].len())),
            odd: false,
        });
        let together = streams.iter().map(|s| s.len()).min().unwrap_or(0);
        let heads: [&[u8]; STREAMS] = std::array::from_fn(|i| &streams[i][..together]);
        let mut states = [table.start; STREAMS];
        let mut k = 0;
        while k < together {
            k = table.run(heads, &mut states, k);
            for (i, &s) in states.iter().enumerate() {
                if table.has_matches(s) {
                    self.record(text, s, from[i] + k, &mut found[i]);
                }
            }
        }
        let mut state = states;
        for i in 0..STREAMS {
            for (k, &byte) in streams[i].iter().enumerate().skip(together) {
                state[i] = table.step(state[i], byte);
                if table.has_matches(state[i]) {
                    self.record(text, state[i], from[i] + k + 1, &mut found[i]);
                }
            }
        }
        for (i, part) in found.into_iter().enumerate() {
            scan.odd |= part.odd;
            let cut = cuts[i];
            // The hits that end by the cut, the part before has.
            let dropped = if i == 0 {
                0
            } else {
                part.hits.partition_point(|h| h.end as usize <= cut)
            };
            scan.hits.extend_from_slice(&part.hits[dropped..]);
        }
        scan
    }

    /// The matches of a state with matches, reached with the byte before `end` of `text`.
    #[inline]
    fn record(&self, text: &str, state: u32, end: usize, scan: &mut Scan) {
        let table = &self.table;
        let (first, last) =
            table.match_ranges[((state - table.first_match) / table.stride) as usize];
        for &(len, found) in &table.matches[first as usize..last as usize] {
            let start = end - len as usize;
            match found {
                Some(f) if f.at_start && !starts_word(text, start) => {}
                // In range: the text's length fits in u32.
                Some(f) => scan.hits.push(Hit {
                    start: start as u32,
                    end: end as u32,
                    word: f.word as u32,
                }),
                None => scan.odd = true,
            }
        }
    }

    /// The clauses that words inside `start..end` hold. `start` must not be inside a run of
    /// digits (the scan keeps only the first digit of a run): the whole text, a paragraph or
    /// a sentence, which start after white space.
    pub fn held(&self, scan: &Scan, start: usize, end: usize) -> Clauses {
        let mut held = Clauses::default();
        // The hits are in order of their ends, and one inside `start..end` ends after
        // `start` (no word is empty).
        let from = scan.hits.partition_point(|h| h.end as usize <= start);
        for h in scan.hits[from..]
            .iter()
            .take_while(|h| h.end as usize <= end)
        {
            if h.start as usize >= start {
                held.union(&self.word_clauses[h.word as usize]);
            }
        }
        held
    }

    /// Whether some rule has, inside `start..end`, a word of each clause it needs (same
    /// precondition as [`Prefilter::held`]).
    pub fn possible(&self, scan: &Scan, start: usize, end: usize) -> bool {
        self.possible_given(&self.held(scan, start, end))
    }

    /// Whether some rule has a word of each clause it needs, given the clauses `held`.
    pub fn possible_given(&self, held: &Clauses) -> bool {
        if self.unconditional {
            return true;
        }
        for (w, (held_bits, key_bits)) in held.0.into_iter().zip(self.keys.0).enumerate() {
            let mut bits = held_bits & key_bits;
            while bits != 0 {
                let key = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if self.by_key[key].iter().any(|r| r.within(held)) {
                    return true;
                }
            }
        }
        false
    }

    /// The rules (by index, in order) that have a word of each clause they need, as far as
    /// the scan tells (their `readable` clauses), given the clauses `held` by a passage: the
    /// only ones that can match there.
    pub fn possible_rules(&self, held: &Clauses) -> impl Iterator<Item = usize> + '_ {
        let held = *held;
        (0..self.readable.len()).filter(move |&i| self.readable[i].within(&held))
    }

    /// [`Prefilter::possible`] the plain way, trying every rule's condition; for tests.
    #[cfg(test)]
    pub fn possible_by_every_rule(&self, scan: &Scan, start: usize, end: usize) -> bool {
        let held = self.held(scan, start, end);
        self.rules.iter().any(|r| r.within(&held))
    }

    /// Whether some rule is possible in `text` (a sentence), as [`super::extract`] decides.
    #[cfg(test)]
    pub fn passes(&self, text: &str) -> bool {
        let scan = self.scan(text);
        scan.odd || self.possible(&scan, 0, text.len())
    }

    /// The hits of [`Prefilter::scan`] as [`HitTuple`]s, and the same found by
    /// aho-corasick's own overlapping search (but for digits after a digit), in the same
    /// order; for tests.
    #[cfg(test)]
    pub fn scan_and_reference(&self, text: &str) -> (Vec<HitTuple>, Vec<HitTuple>) {
        let scanned = self
            .scan(text)
            .hits
            .iter()
            .map(|h| (h.start as usize, h.end as usize, h.word as usize))
            .collect();
        let reference = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&self.patterns)
            .expect("reference automaton")
            .find_overlapping_iter(text)
            .filter_map(|m| {
                let f = self.pattern_word[m.pattern().as_usize()]?;
                // Of a run of digits, only the first is a hit.
                let digit_in_run = text.as_bytes()[m.start()].is_ascii_digit()
                    && m.start() > 0
                    && text.as_bytes()[m.start() - 1].is_ascii_digit();
                (!digit_in_run && (!f.at_start || starts_word(text, m.start()))).then_some((
                    m.start(),
                    m.end(),
                    f.word,
                ))
            })
            .collect();
        (scanned, reference)
    }

    /// Each rule's condition, as words, for tests and for reading.
    #[cfg(test)]
    pub fn conditions(&self) -> Vec<Vec<Vec<&str>>> {
        self.rules
            .iter()
            .map(|r| {
                (0..self.clauses.len())
                    .filter(|&i| r.contains(i))
                    .map(|i| {
                        (0..self.words.len())
                            .filter(|&w| self.clauses[i].0[w / 64] >> (w % 64) & 1 == 1)
                            .map(|w| self.words[w].as_str())
                            .collect()
                    })
                    .collect()
            })
            .collect()
    }
}

#[derive(Default)]
struct Vocabulary {
    list: Vec<String>,
    ids: HashMap<String, usize>,
    /// A clause (sorted, no repeats) -> the same without its words that hold another of its
    /// words (see [`tidy`]). [`condition`] tidies at every node of a pattern's syntax tree,
    /// mostly clauses of the nodes below, tidied there already: comparing each word with
    /// every other each time was a quarter of the prefilter's set-up.
    tidied: HashMap<Vec<usize>, Vec<usize>>,
    /// The words of a figure, sorted (see [`condition`]): a clause of only these is kept
    /// when a condition is cut.
    figure: Vec<usize>,
}

impl Vocabulary {
    fn id(&mut self, w: &str) -> usize {
        if let Some(&i) = self.ids.get(w) {
            return i;
        }
        self.list.push(w.to_string());
        self.ids.insert(w.to_string(), self.list.len() - 1);
        self.list.len() - 1
    }
}

/// How a word of the masked sentence may be written in the raw text: ASCII letters in any
/// case (the automaton ignores ASCII case), each Swedish letter as itself, in capitals, or
/// folded ("qa", any case).
fn spellings(word: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for c in word.chars() {
        let forms: Vec<String> = match c {
            'å' => vec!["å".into(), "Å".into(), "qa".into()],
            'ä' => vec!["ä".into(), "Ä".into(), "qe".into()],
            'ö' => vec!["ö".into(), "Ö".into(), "qo".into()],
            'é' => vec!["é".into(), "É".into(), "qi".into()],
            _ => vec![c.to_string()],
        };
        out = out
            .iter()
            .flat_map(|p| forms.iter().map(move |f| format!("{p}{f}")))
            .collect();
    }
    out
}

/// Whether `word` can be looked for: long enough, not too common, and made only of characters whose raw
/// spellings [`spellings`] knows (ASCII other than white space, and å/ä/ö/é).
fn searchable(word: &str) -> bool {
    (word.len() >= MIN_WORD || SHORT_WORDS.contains(&word))
        && !TOO_COMMON.contains(&word)
        && !word.starts_with(WORD_START)
        && word
            .chars()
            .all(|c| (c.is_ascii() && !c.is_ascii_whitespace()) || "åäöé".contains(c))
}

/// The condition of a pattern's syntax tree (see the module documentation).
fn condition(hir: &Hir, words: &mut Vocabulary) -> Cnf {
    let mut cnf: Cnf = match hir.kind() {
        HirKind::Literal(lit) => {
            let text = String::from_utf8_lossy(&lit.0);
            text.split(' ')
                .filter_map(|w| {
                    if w.contains('#') {
                        // A figure marker, or a literal "#" of the text.
                        Some(words.figure.clone())
                    } else if searchable(w) {
                        Some(vec![words.id(w)])
                    } else {
                        None
                    }
                })
                .collect()
        }
        HirKind::Capture(c) => condition(&c.sub, words),
        HirKind::Repetition(r) if r.min >= 1 => condition(&r.sub, words),
        HirKind::Concat(parts) => parts.iter().flat_map(|p| condition(p, words)).collect(),
        HirKind::Alternation(branches) => {
            let mut acc: Option<Cnf> = None;
            for b in branches {
                let c = condition(b, words);
                if c.is_empty() {
                    return Vec::new(); // a branch that needs nothing: the whole needs nothing
                }
                acc = Some(match acc {
                    None => c,
                    Some(a) => {
                        // (a1 ∧ a2) ∨ (c1 ∧ c2) = (a1∨c1) ∧ (a1∨c2) ∧ (a2∨c1) ∧ (a2∨c2)
                        let mut product: Cnf = a
                            .iter()
                            .flat_map(|x| {
                                c.iter().map(move |y| {
                                    let mut z: Vec<usize> = x.iter().chain(y).copied().collect();
                                    z.sort_unstable();
                                    z.dedup();
                                    z
                                })
                            })
                            .collect();
                        tidy(&mut product, words);
                        product
                    }
                });
            }
            acc.unwrap_or_default()
        }
        HirKind::Repetition(_) | HirKind::Empty | HirKind::Class(_) | HirKind::Look(_) => {
            Vec::new()
        }
    };
    tidy(&mut cnf, words);
    cnf
}

/// Sorts, drops words that hold another word of their clause, repeated and implied clauses
/// (a clause holding another one says less), and keeps the [`MAX_CLAUSES`] smallest, a
/// figure's clause first.
fn tidy(cnf: &mut Cnf, words: &mut Vocabulary) {
    for c in cnf.iter_mut() {
        c.sort_unstable();
        c.dedup();
        if let Some(done) = words.tidied.get(c.as_slice()) {
            c.clone_from(done);
            continue;
        }
        // A word that holds another word of the clause adds nothing: where
        // "personalomsättning" stands, "omsättning" does too.
        let inner: Vec<usize> = c.clone();
        c.retain(|&w| {
            !inner.iter().any(|&o| {
                // Only a longer word can hold another: most pairs need no search.
                let (w, o) = (&words.list[w], &words.list[o]);
                w.len() > o.len() && w.contains(o.as_str())
            })
        });
        if inner != *c {
            words.tidied.insert(inner, c.clone());
        }
        words.tidied.insert(c.clone(), c.clone());
    }
    cnf.sort_by(|a, b| a.len().cmp(&b.len()).then(a.cmp(b)));
    cnf.dedup();
    let mut kept: Cnf = Vec::new();
    for c in cnf.drain(..) {
        let implied = kept
            .iter()
            .any(|k| k.iter().all(|w| c.binary_search(w).is_ok()));
        if !implied {
            kept.push(c);
        }
    }
    if kept.len() > MAX_CLAUSES {
        // The clause of a figure is the longest (every digit and number word) but the one
        // most sentences lack: cut by length alone, the rules whose leaving verbs make many
        // clauses lost it, and every sentence with a staff word and "slutat" went on.
        kept.sort_by_key(|c| !c.iter().all(|w| words.figure.binary_search(w).is_ok()));
        kept.truncate(MAX_CLAUSES);
    }
    *cnf = kept;
}
