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
//! stands in the text, and Latin-1 letters are told by a table.

use rustc_hash::FxHashMap;
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

/// What a word becomes, worked out by tantivy's own filters and remembered.
struct Forms {
    /// A word in, its lower-cased stem out: tantivy's filters on a one-token tokenizer.
    analyzer: TextAnalyzer,
    known: FxHashMap<Box<str>, Box<str>>,
}

impl Forms {
    fn new() -> Forms {
        Forms {
            analyzer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(LowerCaser)
                .filter(Stemmer::new(Language::Swedish))
                .build(),
            known: FxHashMap::default(),
        }
    }

    /// Writes the form of `word` into `out` (which it replaces).
    fn write(&mut self, word: &str, out: &mut String) {
        out.clear();
        if let Some(form) = self.known.get(word) {
            out.push_str(form);
            return;
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
        self.known.insert(word.into(), form);
    }
}

/// Words as tantivy's `SimpleTokenizer` splits them (runs of alphanumeric characters), those
/// of [`LONGEST_WORD`] bytes or more left out, each lower-cased and stemmed for Swedish as
/// `LowerCaser` and `Stemmer::new(Language::Swedish)` would: the same tokens, offsets and
/// positions as that chain.
#[derive(Clone, Default)]
pub struct SwedishWords {
    token: Token,
    forms: Forms,
}

impl Default for Forms {
    fn default() -> Forms {
        Forms::new()
    }
}

impl Clone for Forms {
    /// A new instance starts with nothing remembered (tantivy clones the analyzer for every
    /// segment it writes; copying a full memory would cost more than refilling it).
    fn clone(&self) -> Forms {
        Forms::new()
    }
}

impl Tokenizer for SwedishWords {
    type TokenStream<'a> = SwedishWordsStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SwedishWordsStream<'a> {
        self.token.reset();
        SwedishWordsStream {
            text,
            at: 0,
            token: &mut self.token,
            forms: &mut self.forms,
        }
    }
}

pub struct SwedishWordsStream<'a> {
    text: &'a str,
    /// Where the next word is looked for.
    at: usize,
    token: &'a mut Token,
    forms: &'a mut Forms,
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
        while let Some((from, to)) = self.next_word() {
            // Every word takes a position, also one left out for its length.
            self.token.position = self.token.position.wrapping_add(1);
            if to - from >= LONGEST_WORD {
                continue;
            }
            self.token.offset_from = from;
            self.token.offset_to = to;
            self.forms.write(&self.text[from..to], &mut self.token.text);
            return true;
        }
        self.token.text.clear();
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
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
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(LONGEST_WORD))
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::Swedish))
            .build();
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

    /// The same tokens on the seeds and on strings drawn from an alphabet of every kind of
    /// character the scan treats apart (ASCII, Latin-1 letters and signs, two-, three- and
    /// four-byte letters, digits of other scripts, combining marks, spaces of Unicode).
    #[test]
    fn same_tokens_on_mixed_text() {
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(LONGEST_WORD))
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::Swedish))
            .build();
        let mut remembered = TextAnalyzer::from(SwedishWords::default());
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
        assert!(texts.len() > 600);
        for t in &texts {
            assert_eq!(tokens(&mut remembered, t), tokens(&mut plain, t), "{t:?}");
        }
    }
}
