//! Word forms: the words of a text, lower-cased and stemmed, each form worked out once and
//! then remembered.
//!
//! [`SwedishWords`] is one tokenizer that gives exactly the tokens of tantivy's chain
//! `SimpleTokenizer`, `RemoveLongFilter`, `LowerCaser`, `Stemmer` (Swedish), in one pass.
//! Lower-casing and the Snowball stemmer cost a fixed amount per word (15 % of a build's CPU
//! time in the profile: Swedish words with å, ä and ö take Rust's Unicode path, and the
//! Swedish stemmer walks its suffix tables for every word). Running text repeats its words:
//! the first few hundred documents a segment indexes hold most of the forms the next
//! thousands use. So each word, as written, is looked up in a memory of forms, and only a
//! word not seen yet goes through tantivy's own filters. The chain of four had each word
//! copied into the token, looked up, then copied again, and told letters from other
//! characters with Unicode's tables also for å, ä and ö; here a word is looked up where it
//! stands in the text, and Latin-1 letters are told by a table. For the documents' text it
//! also gives the word pairs of [`crate::word_pairs`] in the same pass, knowing from its
//! memory of forms whether a word is common.

use crate::word_pairs::{CommonWords, Previous};
use std::collections::HashMap;
use std::sync::Arc;
use tantivy::tokenizer::{
    Language, LowerCaser, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// Remembered forms per tokenizer instance (one per field and indexing thread). When full,
/// the memory is cleared and filled again: a few MB at most.
const REMEMBERED: usize = 50_000;

/// Words this long or longer (in bytes) are left out, as tantivy's `RemoveLongFilter` with
/// this limit leaves them out (they still take a position).
pub const LONGEST_WORD: usize = 60;

/// Whether each character below U+0100 is alphanumeric (`char::is_alphanumeric`, which
/// tantivy's `SimpleTokenizer` splits on): digits, ASCII letters, ª ² ³ µ ¹ º ¼ ½ ¾ and the
/// Latin-1 letters but × and ÷. A test checks it against the standard library.
const LATIN1_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = matches!(c as u8,
            b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z'
            | 0xAA | 0xB2 | 0xB3 | 0xB5 | 0xB9 | 0xBA | 0xBC..=0xBE
            | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0xFF);
        c += 1;
    }
    t
};

/// The ASCII half of [`LATIN1_ALNUM`]; false for every byte of a multi-byte character.
const ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = LATIN1_ALNUM[b];
        b += 1;
    }
    t
};

fn is_word_char(c: char) -> bool {
    match LATIN1_ALNUM.get(c as usize) {
        Some(&yes) => yes,
        None => c.is_alphanumeric(),
    }
}

/// The character at byte `i` of `text` (a char boundary) and its length in bytes: ASCII and
/// the two-byte Latin-1 letters (å, ä, ö, é) decoded on the spot, others by the standard
/// library.
fn char_at(text: &str, i: usize) -> (char, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    if b & 0xE0 == 0xC0 {
        // A two-byte sequence; `text` is valid UTF-8, so a continuation byte follows.
        let c = (u32::from(b & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
        return (char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER), 2);
    }
    let c = text[i..]
        .chars()
        .next()
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.len_utf8())
}

/// What a word becomes, worked out by tantivy's own filters and remembered, and whether
/// that form is a common word (see [`crate::word_pairs`]).
struct Forms {
    /// A word in, its lower-cased stem out: tantivy's filters on a one-token tokenizer.
    analyzer: TextAnalyzer,
    /// Keyed by words of untrusted text, so hashed with a seed: with a fixed hash (FxHash,
    /// as before) a page of words made to collide would make every look-up a long probe.
    known: HashMap<Box<str>, (Box<str>, bool), foldhash::fast::RandomState>,
    common: Option<Arc<CommonWords>>,
}

impl Forms {
    fn new(common: Option<Arc<CommonWords>>) -> Forms {
        Forms {
            analyzer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(LowerCaser)
                .filter(Stemmer::new(Language::Swedish))
                .build(),
            known: HashMap::default(),
            common,
        }
    }

    /// Writes the form of `word` into `out` (which it replaces); whether it is common.
    fn write(&mut self, word: &str, out: &mut String) -> bool {
        out.clear();
        if let Some((form, common)) = self.known.get(word) {
            out.push_str(form);
            return *common;
        }
        let mut stream = self.analyzer.token_stream(word);
        // The raw tokenizer gives the whole word as one token, and neither filter drops one.
        let form: Box<str> = if stream.advance() {
            stream.token().text.as_str().into()
        } else {
            Box::from("")
        };
        drop(stream);
        if self.known.len() >= REMEMBERED {
            self.known.clear();
        }
        out.push_str(&form);
        let common = self.common.as_ref().is_some_and(|c| c.contains(&form));
        self.known.insert(word.into(), (form, common));
        common
    }
}

impl Clone for Forms {
    /// A new instance starts with nothing remembered (tantivy clones the analyzer for every
    /// segment it writes; copying a full memory would cost more than refilling it).
    fn clone(&self) -> Forms {
        Forms::new(self.common.clone())
    }
}

/// Words as tantivy's `SimpleTokenizer` splits them (runs of alphanumeric characters), those
/// of [`LONGEST_WORD`] bytes or more left out, each lower-cased and stemmed for Swedish as
/// `LowerCaser` and `Stemmer::new(Language::Swedish)` would: the same tokens, offsets and
/// positions as that chain. [`SwedishWords::with_pairs`] adds the word pairs that
/// `word_pairs::WordPairs` would add after that chain, also in the same pass.
#[derive(Clone)]
pub struct SwedishWords {
    token: Token,
    forms: Forms,
    /// The pair being given out, and the previous word (its text kept only when common).
    pair: Token,
    previous: Previous,
}

impl Default for SwedishWords {
    fn default() -> SwedishWords {
        SwedishWords::new(None)
    }
}

impl SwedishWords {
    /// The words, and after each common word the pair of it and the next word.
    pub fn with_pairs(common: Arc<CommonWords>) -> SwedishWords {
        SwedishWords::new(Some(common))
    }

    fn new(common: Option<Arc<CommonWords>>) -> SwedishWords {
        SwedishWords {
            token: Token::default(),
            forms: Forms::new(common),
            pair: Token::default(),
            previous: Previous::default(),
        }
    }
}

impl Tokenizer for SwedishWords {
    type TokenStream<'a> = SwedishWordsStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SwedishWordsStream<'a> {
        self.token.reset();
        self.previous.reset();
        let pairs = self.forms.common.is_some();
        SwedishWordsStream {
            text,
            at: 0,
            token: &mut self.token,
            forms: &mut self.forms,
            pair: &mut self.pair,
            previous: pairs.then_some(&mut self.previous),
            on_pair: false,
        }
    }
}

pub struct SwedishWordsStream<'a> {
    text: &'a str,
    /// Where the next word is looked for.
    at: usize,
    token: &'a mut Token,
    forms: &'a mut Forms,
    pair: &'a mut Token,
    /// With pairs: the previous word.
    previous: Option<&'a mut Previous>,
    /// The pair is the current token; the word that closes it comes next.
    on_pair: bool,
}

impl SwedishWordsStream<'_> {
    /// The byte range of the next word, from `self.at` on. Runs of ASCII are skipped a
    /// byte at a time by table; a character outside ASCII is decoded and asked.
    fn next_word(&mut self) -> Option<(usize, usize)> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let mut from = self.at;
        loop {
            match bytes[from..]
                .iter()
                .position(|&b| b >= 0x80 || ASCII_WORD[b as usize])
            {
                Some(k) => from += k,
                None => {
                    self.at = bytes.len();
                    return None;
                }
            }
            if bytes[from] < 0x80 {
                break;
            }
            let (c, n) = char_at(text, from);
            if is_word_char(c) {
                break;
            }
            from += n;
        }
        let mut to = from;
        loop {
            to += bytes[to..]
                .iter()
                .position(|&b| !ASCII_WORD[b as usize])
                .unwrap_or(bytes.len() - to);
            if to == bytes.len() || bytes[to] < 0x80 {
                break;
            }
            let (c, n) = char_at(text, to);
            if !is_word_char(c) {
                break;
            }
            to += n;
        }
        self.at = to;
        Some((from, to))
    }
}

impl TokenStream for SwedishWordsStream<'_> {
    fn advance(&mut self) -> bool {
        if self.on_pair {
            // The word after the pair: given after it, so positions never go back.
            self.on_pair = false;
            return true;
        }
        while let Some((from, to)) = self.next_word() {
            // Every word takes a position, also one left out for its length.
            self.token.position = self.token.position.wrapping_add(1);
            if to - from >= LONGEST_WORD {
                continue;
            }
            self.token.offset_from = from;
            self.token.offset_to = to;
            if let Some(previous) = self.previous.as_deref_mut() {
                previous.keep_text(self.token);
            }
            let common = self.forms.write(&self.text[from..to], &mut self.token.text);
            if let Some(previous) = self.previous.as_deref_mut() {
                self.on_pair = previous.pair_with(self.token, self.pair);
                previous.remember(self.token, common);
            }
            return true;
        }
        self.token.text.clear();
        false
    }

    fn token(&self) -> &Token {
        if self.on_pair {
            self.pair
        } else {
            self.token
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        if self.on_pair {
            self.pair
        } else {
            self.token
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{RemoveLongFilter, SimpleTokenizer};

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().clone());
        }
        out
    }

    /// Latin-1's table says what the standard library says.
    #[test]
    fn latin1_table_is_is_alphanumeric() {
        for b in 0u8..=255 {
            let c = char::from(b);
            assert_eq!(
                LATIN1_ALNUM[b as usize],
                c.is_alphanumeric(),
                "{c:?} U+{b:04X}"
            );
        }
    }

    /// The tokens, offsets and positions are exactly those of tantivy's chain, the second
    /// time a word is seen as the first, and after the memory was cleared.
    #[test]
    fn same_tokens_as_tantivys_chain() {
        let mut plain = tantivy_chain().build();
        let mut remembered = TextAnalyzer::from(SwedishWords::default());
        let long = "x".repeat(LONGEST_WORD);
        let text = format!(
            "Tio av 30 SOCIALSEKRETERARE i Botkyrka har sagt upp sig; \
            barnavårdsutredningarna, Barnavårdsutredningarnas, personalomsättningen; \
            Socialsekreterarna säger upp sig, ärendena ökar. ÅTTA av tio ärenden. \
            Øresund, straße, İstanbul, ΣΟΦΙΑ, 12,5 procent, 2024-01-01. {long} efter \
            {long}ö ×÷ a×b ½år x²+y³ µg ªº Crème brûlée — “citat” 😀emoji😀 中文字 ǅ \
            \u{00A0}hårt\u{2009}mellanrum\u{200B}noll Ⅻ ٣ ݂ x\u{0301}y é"
        );
        for _ in 0..3 {
            assert_eq!(tokens(&mut remembered, &text), tokens(&mut plain, &text));
        }
        for t in ["", " ", "ö", "..", "a", long.as_str(), &format!("{long} a")] {
            assert_eq!(tokens(&mut remembered, t), tokens(&mut plain, t), "{t:?}");
        }
        for _ in 0..3 {
            assert_eq!(tokens(&mut remembered, &text), tokens(&mut plain, &text));
        }
        // Past the memory's size: cleared and refilled, same tokens.
        let many: String = (0..REMEMBERED + 10).map(|i| format!("Ord{i}en ")).collect();
        assert_eq!(tokens(&mut remembered, &many), tokens(&mut plain, &many));
        assert_eq!(tokens(&mut remembered, &text), tokens(&mut plain, &text));
    }

    /// With pairs: the same tokens as tantivy's chain followed by `WordPairs`, on the texts of
    /// the test below and on runs of common words with long words between them.
    #[test]
    fn same_pairs_as_word_pairs_filter() {
        let common =
            crate::word_pairs::common_words(|| TextAnalyzer::from(SwedishWords::default()));
        let mut plain = tantivy_chain()
            .filter(crate::word_pairs::WordPairs::new(common.clone()))
            .build();
        let mut fused = TextAnalyzer::from(SwedishWords::with_pairs(common));
        let long = "x".repeat(LONGEST_WORD);
        let mut texts = mixed_texts();
        texts.push(format!(
            "och i att det som en på {long} är av för, med. till {long} den har de inte om"
        ));
        texts.push("Tio av 30 socialsekreterare har sagt upp sig och slutat i år".into());
        texts.push("i i i i och och och upp sig".into());
        let mut pairs = 0;
        for t in &texts {
            for _ in 0..2 {
                let got = tokens(&mut fused, t);
                pairs += got.iter().filter(|t| t.position_length == 2).count();
                assert_eq!(got, tokens(&mut plain, t), "{t:?}");
            }
        }
        assert!(pairs > 1000, "{pairs} pairs");
    }

    /// The chain of tantivy's own that [`SwedishWords`] does in one pass.
    fn tantivy_chain() -> tantivy::tokenizer::TextAnalyzerBuilder<impl Tokenizer> {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(LONGEST_WORD))
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::Swedish))
    }

    /// The seeds and strings drawn from an alphabet of every kind of character the scan
    /// treats apart.
    fn mixed_texts() -> Vec<String> {
        let mut texts: Vec<String> = std::fs::read_dir("corpus/seeds")
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap_or_default())
            .collect();
        let alphabet: Vec<char> =
            "aZ09 åäöÅÄÖéüß-.,\n\t×÷½²µªİΣσ中😀\u{A0}\u{301}\u{2009}ǅⅫ٣'xxxxxxxxxxxxxxxx"
                .chars()
                .collect();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for len in 0..600 {
            let text: String = (0..len)
                .map(|_| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1);
                    alphabet[(state >> 33) as usize % alphabet.len()]
                })
                .collect();
            texts.push(text);
        }
        texts
    }

    /// The same tokens on the seeds and on strings drawn from an alphabet of every kind of
    /// character the scan treats apart (ASCII, Latin-1 letters and signs, two-, three- and
    /// four-byte letters, digits of other scripts, combining marks, spaces of Unicode).
    #[test]
    fn same_tokens_on_mixed_text() {
        let mut plain = tantivy_chain().build();
        let mut remembered = TextAnalyzer::from(SwedishWords::default());
        let texts = mixed_texts();
        assert!(texts.len() > 600);
        for t in &texts {
            assert_eq!(tokens(&mut remembered, t), tokens(&mut plain, t), "{t:?}");
        }
    }
}
