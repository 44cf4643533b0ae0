//! Word forms: each word as written, lower-cased and stemmed once, then remembered.
//!
//! Lower-casing and the Snowball stemmer cost a fixed amount per word (15 % of a build's CPU
//! time in the profile: Swedish words with å, ä and ö take Rust's Unicode path, and the
//! Swedish stemmer walks its suffix tables for every word). Running text repeats its words:
//! the first few hundred documents a segment indexes hold most of the forms the next
//! thousands use. [`WordForms`] is a token filter that does exactly what tantivy's
//! `LowerCaser` followed by `Stemmer` does (it runs them, on a word it has not seen), and
//! remembers the result for each word as written.

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    Language, LowerCaser, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer,
};

/// Remembered forms per analyzer instance (one per field and indexing thread). When full, the
/// memory is cleared and filled again: a few MB at most.
const REMEMBERED: usize = 50_000;

/// Lower-cases and stems Swedish words as `LowerCaser` and `Stemmer::new(Language::Swedish)`
/// would, remembering each word's form.
#[derive(Clone, Copy, Default)]
pub struct WordForms;

impl TokenFilter for WordForms {
    type Tokenizer<T: Tokenizer> = WordFormsFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> WordFormsFilter<T> {
        WordFormsFilter {
            inner: tokenizer,
            forms: Forms::new(),
        }
    }
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

    /// Replaces `text` with its form.
    fn apply(&mut self, text: &mut String) {
        if let Some(form) = self.known.get(text.as_str()) {
            text.clear();
            text.push_str(form);
            return;
        }
        let mut stream = self.analyzer.token_stream(text);
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
        self.known.insert(text.as_str().into(), form.clone());
        text.clear();
        text.push_str(&form);
    }
}

impl Clone for Forms {
    /// A new analyzer instance starts with nothing remembered (tantivy clones the analyzer
    /// for every segment it writes; copying a full memory would cost more than refilling it).
    fn clone(&self) -> Forms {
        Forms::new()
    }
}

#[derive(Clone)]
pub struct WordFormsFilter<T> {
    inner: T,
    forms: Forms,
}

impl<T: Tokenizer> Tokenizer for WordFormsFilter<T> {
    type TokenStream<'a> = WordFormsStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        WordFormsStream {
            tail: self.inner.token_stream(text),
            forms: &mut self.forms,
        }
    }
}

pub struct WordFormsStream<'a, T> {
    tail: T,
    forms: &'a mut Forms,
}

impl<T: TokenStream> TokenStream for WordFormsStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        self.forms.apply(&mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::SimpleTokenizer;

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().clone());
        }
        out
    }

    /// The remembered forms are exactly what tantivy's filters make, the second time a word
    /// is seen as the first, and after the memory was cleared.
    #[test]
    fn same_tokens_as_lower_caser_and_stemmer() {
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::Swedish))
            .build();
        let mut remembered = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(WordForms)
            .build();
        let text = "Tio av 30 SOCIALSEKRETERARE i Botkyrka har sagt upp sig; \
            barnavårdsutredningarna, Barnavårdsutredningarnas, personalomsättningen; \
            Socialsekreterarna säger upp sig, ärendena ökar. ÅTTA av tio ärenden. \
            Øresund, straße, İstanbul, ΣΟΦΙΑ, 12,5 procent, 2024-01-01.";
        for _ in 0..3 {
            assert_eq!(tokens(&mut remembered, text), tokens(&mut plain, text));
        }
        // Past the memory's size: cleared and refilled, same tokens.
        let many: String = (0..REMEMBERED + 10).map(|i| format!("Ord{i}en ")).collect();
        assert_eq!(tokens(&mut remembered, &many), tokens(&mut plain, &many));
        assert_eq!(tokens(&mut remembered, text), tokens(&mut plain, text));
    }
}
