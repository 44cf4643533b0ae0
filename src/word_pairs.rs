//! Word pairs: phrases with common words, answered from single terms.
//!
//! A phrase query reads the positions of each of its words in every document that holds
//! them all. A common word ("sig", "upp", "har") stands many times in nearly every document,
//! so "sagt upp sig" cost position lists of 840 000 documents at a million (tantivy's
//! position reading was two thirds of the query's time). Lucene's answer, *common grams*,
//! is taken here, in one direction: while the text is indexed, each common word is indexed
//! once more together with the word after it, as one term ("upp sig", at the common word's
//! position), beside the words themselves. A phrase query is then rewritten to the pairs
//! that cover it: "sagt upp sig" becomes the phrase "sagt", "upp sig" (a rarer word and a
//! rare pair), and a two-word phrase that starts with a common word becomes one term, which
//! Tantivy can prune like any term.
//!
//! Why only the pair that a common word starts, not also the one it ends (Lucene makes
//! both): every pair is a term the indexer hashes and positions like a word, and the two
//! directions made 40–42 % of the tokens of running text, one direction makes 28–31 %,
//! and a build takes 7 % fewer instructions (BENCHMARKS.md, "Build, 2026-12-04"). What it
//! leaves to position reading is a common word that ends a phrase after a rare one
//! ("slutat på"), and there the rare word bounds the documents whose positions are read.
//!
//! The rewrite asks exactly what the phrase asks: a pair term at position p means its two
//! words at p and p + 1, so terms at fixed offsets that cover every word of the phrase
//! place every word where the phrase does. The index grows by the pairs, which
//! BENCHMARKS.md measures. Ranking moves a little: pairs count in a text's length for
//! BM25, and a rewritten phrase is scored by its terms' frequencies; which documents match
//! does not change.

use rustc_hash::FxHashSet;
use std::sync::{Arc, OnceLock};
use tantivy::query::{BooleanQuery, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Term};
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// The most frequent words of Swedish news and records (function words, auxiliaries, verb
/// particles): as they are written; [`CommonWords`] keeps them as the analyzer stems them.
const COMMON: &[&str] = &[
    "och", "i", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har",
    "de", "inte", "om", "ett", "han", "men", "var", "jag", "sig", "från", "vi", "så", "kan", "man",
    "när", "år", "hon", "under", "också", "efter", "eller", "nu", "sin", "där", "vid", "mot",
    "ska", "skulle", "kommer", "ut", "får", "finns", "vara", "hade", "alla", "andra", "mycket",
    "än", "här", "då", "sedan", "över", "bara", "in", "blir", "upp", "även", "vad", "vill", "mer",
    "blev", "dem", "sina", "sitt", "utan", "genom", "hur", "inom", "per", "fått", "kunna", "detta",
    "dessa", "deras", "vår", "våra", "ni", "oss",
];

/// The first character of a pair's term. No word starts with it (the tokenizer splits on
/// everything not alphanumeric), so pairs never sort among the words of the term dictionary:
/// a prefix phrase (`"sagt upp"*`) completes its last word from words only.
pub(crate) const PAIR_MARK: char = '_';

/// The term of the pair `a b`.
fn pair_term(a: &str, b: &str) -> String {
    format!("{PAIR_MARK}{a} {b}")
}

/// The common words, stemmed by the analyzer the text is indexed with.
pub struct CommonWords {
    set: FxHashSet<String>,
    /// Bit n: some common word is n bytes long (all are shorter than 64).
    lengths: u64,
    /// Per byte: some common word starts with it.
    first_bytes: [bool; 256],
}

impl CommonWords {
    /// The common words as `analyzer` writes them (it lower-cases and stems).
    pub fn stemmed_by(analyzer: &mut tantivy::tokenizer::TextAnalyzer) -> CommonWords {
        let mut set = FxHashSet::default();
        for w in COMMON {
            let mut stream = analyzer.token_stream(w);
            while stream.advance() {
                set.insert(stream.token().text.clone());
            }
        }
        let mut lengths = 0u64;
        let mut first_bytes = [false; 256];
        for w in &set {
            assert!((1..64).contains(&w.len()), "common word {w:?}");
            lengths |= 1 << w.len();
            first_bytes[w.as_bytes()[0] as usize] = true;
        }
        CommonWords {
            set,
            lengths,
            first_bytes,
        }
    }

    /// Asked for every token of every text: most words are told apart by their length and
    /// first byte, without hashing (the set's lookup was 4 % of a build's time).
    pub(crate) fn contains(&self, term: &str) -> bool {
        let Some(&first) = term.as_bytes().first() else {
            return false;
        };
        term.len() < 64
            && self.lengths >> term.len() & 1 == 1
            && self.first_bytes[first as usize]
            && self.set.contains(term)
    }
}

/// A token filter that adds, after each common word, a term for the pair of it and the word
/// after it. Place it last, after lower-casing and stemming. The index does the same in one
/// pass (`word_forms::SwedishWords::with_pairs`, tested against this filter), which knows
/// from its memory of word forms whether a word is common.
#[derive(Clone)]
pub struct WordPairs(Arc<CommonWords>);

impl WordPairs {
    pub fn new(common: Arc<CommonWords>) -> WordPairs {
        WordPairs(common)
    }
}

impl TokenFilter for WordPairs {
    type Tokenizer<T: Tokenizer> = WordPairsFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> WordPairsFilter<T> {
        WordPairsFilter {
            inner: tokenizer,
            common: self.0,
        }
    }
}

#[derive(Clone)]
pub struct WordPairsFilter<T> {
    inner: T,
    common: Arc<CommonWords>,
}

impl<T: Tokenizer> Tokenizer for WordPairsFilter<T> {
    type TokenStream<'a> = WordPairsStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        WordPairsStream {
            tail: self.inner.token_stream(text),
            common: &self.common,
            previous: Previous::default(),
            pair: Token::default(),
            on_pair: false,
        }
    }
}

/// The word before: its position, start offset, whether it is common, and its text when it
/// is (only a common word starts a pair).
#[derive(Clone, Default)]
pub(crate) struct Previous {
    text: String,
    position: usize,
    offset_from: usize,
    common: bool,
    /// Some word came before.
    seen: bool,
    /// The word before is common and its text is still the stream's token's, not yet in
    /// `text` (see [`Previous::keep_text`]).
    in_token: bool,
}

impl Previous {
    /// Writes the pair of the word before and `t` into `pair` when the word before is common
    /// and stands right before `t` (a word left out for its length leaves a gap); whether it
    /// did.
    pub(crate) fn pair_with(&self, t: &Token, pair: &mut Token) -> bool {
        if !(self.seen && self.common && self.position + 1 == t.position) {
            return false;
        }
        pair.text.clear();
        pair.text.push(PAIR_MARK);
        pair.text.push_str(&self.text);
        pair.text.push(' ');
        pair.text.push_str(&t.text);
        pair.position = self.position;
        pair.offset_from = self.offset_from;
        pair.offset_to = t.offset_to;
        pair.position_length = 2;
        true
    }

    /// No word before (a new text), the text's buffer kept.
    pub(crate) fn reset(&mut self) {
        self.text.clear();
        self.seen = false;
        self.in_token = false;
    }

    /// `t` becomes the word before. Its text, when it is common, stays in `t` until the
    /// stream calls [`Previous::keep_text`], before it writes the next word over it.
    pub(crate) fn remember(&mut self, t: &Token, common: bool) {
        self.position = t.position;
        self.offset_from = t.offset_from;
        self.common = common;
        self.in_token = common;
        self.seen = true;
    }

    /// Takes the remembered word's text out of `t`, which is about to be written over, by
    /// swapping buffers: copying it in `remember` was 1.5 % of a build's instructions.
    pub(crate) fn keep_text(&mut self, t: &mut Token) {
        if self.in_token {
            std::mem::swap(&mut self.text, &mut t.text);
            self.in_token = false;
        }
    }
}

pub struct WordPairsStream<'a, T> {
    tail: T,
    common: &'a CommonWords,
    previous: Previous,
    pair: Token,
    /// The pair is the current token; the word that closes it comes next.
    on_pair: bool,
}

impl<T: TokenStream> TokenStream for WordPairsStream<'_, T> {
    fn advance(&mut self) -> bool {
        if self.on_pair {
            // The word after the pair: given after it, so positions never go back.
            self.on_pair = false;
            return true;
        }
        self.previous.keep_text(self.tail.token_mut());
        if !self.tail.advance() {
            return false;
        }
        let t = self.tail.token();
        let common = self.common.contains(&t.text);
        self.on_pair = self.previous.pair_with(t, &mut self.pair);
        self.previous.remember(t, common);
        true
    }

    fn token(&self) -> &Token {
        if self.on_pair {
            &self.pair
        } else {
            self.tail.token()
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        if self.on_pair {
            &mut self.pair
        } else {
            self.tail.token_mut()
        }
    }
}

/// Whether the phrases tantivy's parser makes of `user_query` are exact and of adjacent
/// words, which [`rewrite`] assumes (tantivy's `PhraseQuery` does not tell): no slop
/// anywhere (`"a b"~2`, `'a b'~2`, `upp-sig~1`), and no word so long that the analyzer drops
/// it, leaving a gap (a backslash escape joins what it splits, so it is read without).
pub fn can_rewrite(user_query: &str) -> bool {
    !user_query.contains('~')
        && user_query
            .replace('\\', "")
            .split(|c: char| !c.is_alphanumeric())
            .all(|w| w.len() < crate::index::LONGEST_WORD)
}

/// `query` with every phrase on `field` replaced by the word pairs that cover it, where that
/// is possible; everything else as it was. Only for a query [`can_rewrite`] allows.
pub fn rewrite(query: &dyn Query, field: Field, common: &CommonWords) -> Box<dyn Query> {
    if let Some(phrase) = query.downcast_ref::<PhraseQuery>() {
        if phrase.field() == field {
            if let Some(q) = covering_pairs(phrase, common) {
                return q;
            }
        }
    } else if let Some(boolean) = query.downcast_ref::<BooleanQuery>() {
        let clauses = boolean
            .clauses()
            .iter()
            .map(|(occur, q)| (*occur, rewrite(q.as_ref(), field, common)))
            .collect();
        return Box::new(BooleanQuery::with_minimum_required_clauses(
            clauses,
            boolean.get_minimum_number_should_match(),
        ));
    }
    // Anything else (a boosted phrase among them) is answered as it was written.
    query.box_clone()
}

/// The phrase as pair terms (and the words no pair covers) at their offsets: one term query
/// when a single pair covers it; `None` when no pair helps or the words are not adjacent.
fn covering_pairs(phrase: &PhraseQuery, common: &CommonWords) -> Option<Box<dyn Query>> {
    let terms = phrase.phrase_terms();
    let words: Vec<String> = terms
        .iter()
        .map(|t| t.value().as_str().map(str::to_string))
        .collect::<Option<_>>()?;
    let field = phrase.field();
    let mut terms: Vec<(usize, Term)> = Vec::new();
    let mut covered = vec![false; words.len()];
    for (i, pair) in words.windows(2).enumerate() {
        let (a, b) = (pair[0].as_str(), pair[1].as_str());
        if common.contains(a) {
            terms.push((i, Term::from_field_text(field, &pair_term(a, b))));
            covered[i] = true;
            covered[i + 1] = true;
        }
    }
    if terms.is_empty() {
        return None;
    }
    for (i, w) in words.iter().enumerate() {
        if !covered[i] {
            terms.push((i, Term::from_field_text(field, w)));
        }
    }
    Some(if terms.len() == 1 {
        let (_, term) = terms.pop().expect("one term");
        Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
    } else {
        Box::new(PhraseQuery::new_with_offset(terms))
    })
}

/// The common words as the index's Swedish analyzer stems them, built once.
pub fn common_words(
    analyzer: impl FnOnce() -> tantivy::tokenizer::TextAnalyzer,
) -> Arc<CommonWords> {
    static COMMON_WORDS: OnceLock<Arc<CommonWords>> = OnceLock::new();
    COMMON_WORDS
        .get_or_init(|| Arc::new(CommonWords::stemmed_by(&mut analyzer())))
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer};

    fn analyzer() -> TextAnalyzer {
        let common = Arc::new(CommonWords::stemmed_by(
            &mut TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .build(),
        ));
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(WordPairs::new(common))
            .build()
    }

    fn tokens(text: &str) -> Vec<(String, usize)> {
        let mut a = analyzer();
        let mut s = a.token_stream(text);
        let mut out = Vec::new();
        while s.advance() {
            out.push((s.token().text.clone(), s.token().position));
        }
        out
    }

    /// The quick tests of length and first byte never turn a common word away.
    #[test]
    fn common_words_are_told_as_the_set_tells_them() {
        let mut lower = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .build();
        let common = CommonWords::stemmed_by(&mut lower);
        let mut words: Vec<String> = COMMON.iter().map(|w| w.to_string()).collect();
        for entry in std::fs::read_dir("corpus/seeds").unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
            let mut stream = lower.token_stream(&text);
            while stream.advance() {
                words.push(stream.token().text.clone());
            }
        }
        words.extend(["", "x", "_och", "ochx", "å", "ä"].map(String::from));
        words.push("i".repeat(70));
        let (mut yes, mut no) = (0, 0);
        for w in &words {
            let is = common.contains(w);
            assert_eq!(is, common.set.contains(w.as_str()), "{w:?}");
            if is {
                yes += 1;
            } else {
                no += 1;
            }
        }
        assert!(yes > 1000 && no > 1000, "{yes} common, {no} not");
    }

    #[test]
    fn pairs_follow_words_that_are_common() {
        let t = tokens("Tio socialsekreterare har sagt upp sig");
        let texts: Vec<&str> = t.iter().map(|(s, _)| s.as_str()).collect();
        // "har" and "upp" are common and each starts a pair; "sig" ends the text, and the
        // rare words that come before common ones ("socialsekreterare har") make none.
        assert_eq!(
            texts,
            [
                "tio",
                "socialsekreterare",
                "har",
                "_har sagt",
                "sagt",
                "upp",
                "_upp sig",
                "sig"
            ]
        );
        // A pair stands at its first word's position, and positions never go back.
        assert!(t.contains(&("_upp sig".to_string(), 4)));
        assert!(t.contains(&("_har sagt".to_string(), 2)));
        assert!(t.windows(2).all(|w| w[0].1 <= w[1].1));
        // Two common words in a row: each starts its pair.
        let texts: Vec<String> = tokens("har sig upp").into_iter().map(|(s, _)| s).collect();
        assert_eq!(texts, ["har", "_har sig", "sig", "_sig upp", "upp"]);
    }

    #[test]
    fn phrases_become_pairs_and_rare_words_stay() {
        let common = CommonWords::stemmed_by(
            &mut TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .build(),
        );
        let mut schema = tantivy::schema::Schema::builder();
        let field = schema.add_text_field("t", tantivy::schema::TEXT);
        let other = schema.add_text_field("u", tantivy::schema::TEXT);
        let phrase = |words: &[&str]| {
            PhraseQuery::new(
                words
                    .iter()
                    .map(|w| Term::from_field_text(field, w))
                    .collect(),
            )
        };
        let terms = |q: &dyn Query| {
            let mut v = Vec::new();
            q.query_terms(&mut |t, _| v.push(t.value().as_str().unwrap().to_string()));
            v
        };
        // Two words, one common: a single term.
        let q = rewrite(&phrase(&["upp", "sig"]), field, &common);
        assert!(q.downcast_ref::<TermQuery>().is_some());
        assert_eq!(terms(&*q), ["_upp sig"]);
        // Three: the pair that covers two of them, the word left over at its place.
        let q = rewrite(&phrase(&["sagt", "upp", "sig"]), field, &common);
        assert_eq!(terms(&*q), ["sagt", "_upp sig"]);
        // Rare words on their own keep their place beside a pair.
        let q = rewrite(
            &phrase(&["tio", "socialsekreterare", "har", "slutat"]),
            field,
            &common,
        );
        assert_eq!(terms(&*q), ["tio", "socialsekreterare", "_har slutat"]);
        // A common word that ends a phrase starts no pair: the phrase as it was.
        let q = rewrite(&phrase(&["socialsekreterare", "har"]), field, &common);
        assert!(q.downcast_ref::<PhraseQuery>().is_some());
        assert_eq!(terms(&*q), ["socialsekreterare", "har"]);
        // No common word: the phrase as it was.
        let q = rewrite(&phrase(&["tio", "socialsekreterare"]), field, &common);
        assert!(q.downcast_ref::<PhraseQuery>().is_some());
        assert_eq!(terms(&*q), ["tio", "socialsekreterare"]);
        // Inside a boolean query, and never on another field.
        let b = BooleanQuery::new(vec![
            (
                tantivy::query::Occur::Must,
                Box::new(phrase(&["upp", "sig"])) as Box<dyn Query>,
            ),
            (
                tantivy::query::Occur::Should,
                Box::new(TermQuery::new(
                    Term::from_field_text(field, "tio"),
                    IndexRecordOption::WithFreqs,
                )),
            ),
        ]);
        assert_eq!(terms(&*rewrite(&b, field, &common)), ["_upp sig", "tio"]);
        assert!(rewrite(&phrase(&["upp", "sig"]), other, &common)
            .downcast_ref::<PhraseQuery>()
            .is_some());
    }

    #[test]
    fn sloppy_phrases_and_dropped_words_are_left_alone() {
        assert!(can_rewrite("\"sagt upp sig\" AND stockholm"));
        assert!(!can_rewrite("\"sagt upp\"~2"));
        assert!(!can_rewrite("'sagt upp'~2"));
        assert!(!can_rewrite("upp-sig~1"));
        let long = "a".repeat(32);
        assert!(!can_rewrite(&format!("\"upp {long}\\{long} sig\"")));
        assert!(!can_rewrite(&format!("\"upp {} sig\"", "x".repeat(80))));
    }
}
