//! Paragraphs and sentences of extracted text, as byte spans.
//!
//! A paragraph is a block between blank lines. Inside it every line break also ends a
//! sentence: headlines, captions, bullet lines and the question/answer lines of municipal
//! records carry no full stop. Sentence ends are ".", "!" and "?" followed by a capital,
//! a digit, a quote or a dash, unless the word before the dot is a known abbreviation.

/// A sentence: byte span in the text (trimmed of white space and bullets) and the index of
/// its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

/// A paragraph: its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
}

/// Abbreviations whose dot does not end a sentence (lower case, without the final dot).
const ABBREVIATIONS: &[&str] = &[
    "t.ex", "bl.a", "m.fl", "m.m", "ca", "c:a", "kl", "dvs", "d.v.s", "s.k", "fr.o.m", "t.o.m",
    "nr", "tel", "jan", "feb", "febr", "apr", "aug", "sep", "sept", "okt", "nov", "dec", "resp",
    "milj", "st", "p.g.a", "pga", "jfr", "inkl", "exkl", "osv", "etc", "mm", "fr", "f.d", "o.d",
    "enl", "avd", "forts", "tf", "t.f", "bl", "ev", "s", "dr", "prof", "doc",
];
// Not "mnkr" and "tkr": written with a dot they end a budget's sentence ("en negativ
// avvikelse på 6,1 mnkr. Helårsprognosen pekar på 9,5 mnkr"), and inside one no capital
// follows them.

pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    // Each line with its line break; memchr finds the breaks many bytes at a time (the
    // standard library's `split_inclusive('\n')` read them a word at a time, 7 % of claim
    // extraction on news text).
    let breaks = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1);
    let last = (!text.ends_with('\n') && !text.is_empty()).then_some(text.len());
    let mut line_start = 0;
    for line_end in breaks.chain(last) {
        // Most lines start with a printable ASCII character, most blank lines are a line
        // break alone: either is seen from the first byte, without trimming the line.
        let blank = match text.as_bytes()[line_start] {
            b'\n' => true,
            b if b.is_ascii() && !char::from(b).is_whitespace() => false,
            _ => text[line_start..line_end].trim().is_empty(),
        };
        if blank {
            if let Some(s) = start.take() {
                out.push(Paragraph {
                    start: s,
                    end: line_start,
                });
            }
        } else if start.is_none() {
            start = Some(line_start);
        }
        line_start = line_end;
    }
    if let Some(s) = start {
        out.push(Paragraph {
            start: s,
            end: text.len(),
        });
    }
    out
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_lowercase();
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        return true; // an initial: "A. Svensson"
    }
    ABBREVIATIONS.contains(&word.as_str())
}

/// Trims white space, bullets and list dashes from both ends of `start..end`.
fn trim(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let junk = |c: char| c.is_whitespace() || matches!(c, '•' | '·' | '*' | '\u{feff}');
    while start < end {
        let c = text[start..].chars().next().expect("char");
        if junk(c) {
            start += c.len_utf8();
        } else {
            break;
        }
    }
    while end > start {
        let c = text[..end].chars().next_back().expect("char");
        if junk(c) {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    (start, end)
}

/// All sentences of `text`, in order, with their paragraphs.
pub fn sentences(text: &str, paragraphs: &[Paragraph]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        paragraph_sentences(text, *p, pi, &mut out);
    }
    out
}

/// Appends the sentences of one paragraph (number `index`) to `out`, as [`sentences`] does
/// for all of them: the extractor splits only the paragraphs its prefilter lets through.
pub fn paragraph_sentences(text: &str, p: Paragraph, index: usize, out: &mut Vec<Sentence>) {
    let mut line_start = p.start;
    for line in text[p.start..p.end].split_inclusive('\n') {
        let line_end = line_start + line.len();
        split_line(text, line_start, line_end, index, out);
        line_start = line_end;
    }
}

/// The sentence right before the one that starts at `sentence_start`, in the paragraph that
/// starts at `paragraph_start` (empty for a paragraph's first sentence): split as
/// [`paragraph_sentences`] splits.
pub fn sentence_before(text: &str, paragraph_start: usize, sentence_start: usize) -> &str {
    span_before(text, paragraph_start, sentence_start).map_or("", |s| &text[s.start..s.end])
}

/// The span of [`sentence_before`], if there is a sentence before in the paragraph.
pub fn span_before(text: &str, paragraph_start: usize, sentence_start: usize) -> Option<Sentence> {
    let mut out = Vec::new();
    paragraph_sentences(
        text,
        Paragraph {
            start: paragraph_start,
            end: sentence_start,
        },
        0,
        &mut out,
    );
    out.pop()
}

fn split_line(text: &str, start: usize, end: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let line = &text[start..end];
    let mut sent_start = start;
    // Only ".", "!" and "?" can end a sentence: jump from one to the next (they are ASCII,
    // so each is a char boundary) instead of decoding every character of the line.
    let mut from = 0;
    while let Some(found) = memchr::memchr3(b'.', b'!', b'?', &line.as_bytes()[from..]) {
        let i = from + found;
        let c = char::from(line.as_bytes()[i]);
        // Closing quotes and brackets belong to the sentence they close.
        let mut cut = i + 1;
        for d in line[cut..].chars() {
            if matches!(d, '"' | '”' | '’' | '\'' | ')' | '»' | '.' | '!' | '?') {
                cut += d.len_utf8();
            } else {
                break;
            }
        }
        from = cut;
        let rest = &line[cut..];
        let Some(next) = rest.chars().find(|ch| !ch.is_whitespace()) else {
            continue;
        };
        if !rest.starts_with(char::is_whitespace) {
            continue; // "Ivo:s", "3.5", "t.ex."
        }
        let starts_new = next.is_uppercase()
            || next.is_ascii_digit()
            || matches!(next, '"' | '”' | '–' | '—' | '-' | '«' | '»' | '•');
        if !starts_new || (c == '.' && is_abbreviation(&line[..i])) {
            continue;
        }
        let (s, e) = trim(text, sent_start, start + cut);
        if s < e {
            out.push(Sentence {
                start: s,
                end: e,
                paragraph,
            });
        }
        sent_start = start + cut;
    }
    let (s, e) = trim(text, sent_start, end);
    if s < e {
        out.push(Sentence {
            start: s,
            end: e,
            paragraph,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The splitter as it was before it jumped between stops: one character at a time.
    fn split_line_char_by_char(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
        let line = &text[start..end];
        let mut out = Vec::new();
        let mut sent_start = start;
        let mut iter = line.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if !matches!(c, '.' | '!' | '?') {
                continue;
            }
            let mut cut = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if matches!(d, '"' | '”' | '’' | '\'' | ')' | '»' | '.' | '!' | '?') {
                    cut = j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            let rest = &line[cut..];
            let Some(next) = rest.chars().find(|ch| !ch.is_whitespace()) else {
                continue;
            };
            if !rest.starts_with(char::is_whitespace) {
                continue;
            }
            let starts_new = next.is_uppercase()
                || next.is_ascii_digit()
                || matches!(next, '"' | '”' | '–' | '—' | '-' | '«' | '»' | '•');
            if !starts_new || (c == '.' && is_abbreviation(&line[..i])) {
                continue;
            }
            out.push(trim(text, sent_start, start + cut));
            sent_start = start + cut;
        }
        out.push(trim(text, sent_start, end));
        out.retain(|(s, e)| s < e);
        out
    }

    #[test]
    fn jumping_between_stops_splits_as_reading_every_character() {
        let mut texts = crate::claims::tests::seed_texts();
        texts.push(
            "Han sa: ”Vi slutar.” Sedan gick han… Ivo:s beslut, t.ex. 3.5 procent! \
             Vad? (Ja.) »Nej!» – A. Svensson m.fl. kom. Åtta av tio?! 12. Öppet.\n\
             Slut utan punkt. "
                .into(),
        );
        let mut sentences = 0;
        for text in &texts {
            let mut line_start = 0;
            for line in text.split_inclusive('\n') {
                let end = line_start + line.len();
                let mut out = Vec::new();
                split_line(text, line_start, end, 0, &mut out);
                let got: Vec<(usize, usize)> = out.iter().map(|s| (s.start, s.end)).collect();
                assert_eq!(
                    got,
                    split_line_char_by_char(text, line_start, end),
                    "{line}"
                );
                sentences += got.len();
                line_start = end;
            }
        }
        assert!(sentences > 100, "{sentences}");
    }

    fn split(text: &str) -> Vec<&str> {
        let ps = paragraphs(text);
        sentences(text, &ps)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_sentences_and_lines() {
        let text = "Rubrik utan punkt\nFörsta meningen. Andra meningen! Tredje?\n\n  • Publicerad 05:15, 3 sep 2021\n";
        assert_eq!(
            split(text),
            vec![
                "Rubrik utan punkt",
                "Första meningen.",
                "Andra meningen!",
                "Tredje?",
                "Publicerad 05:15, 3 sep 2021"
            ]
        );
    }

    #[test]
    fn abbreviations_and_inner_dots_do_not_split() {
        let text = "Det gäller bl.a. barn och t.ex. unga. Enligt Ivo:s rapport var det ca. 12 st. Sen slut.";
        assert_eq!(
            split(text),
            vec![
                "Det gäller bl.a. barn och t.ex. unga.",
                "Enligt Ivo:s rapport var det ca. 12 st. Sen slut."
            ]
        );
    }

    #[test]
    fn money_units_with_a_dot_end_a_sentence() {
        let text = "Avvikelsen är 6,1 mnkr. Helårsprognosen pekar på 9,5 tkr. Det är mycket.";
        assert_eq!(
            split(text),
            vec![
                "Avvikelsen är 6,1 mnkr.",
                "Helårsprognosen pekar på 9,5 tkr.",
                "Det är mycket."
            ]
        );
    }

    #[test]
    fn quotes_close_the_sentence() {
        let text = "Han sa: ”Det är kris.” Sedan gick han.";
        assert_eq!(
            split(text),
            vec!["Han sa: ”Det är kris.”", "Sedan gick han."]
        );
    }

    /// The paragraph splitter as it was before memchr found the line breaks.
    fn paragraphs_by_lines(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            if line.trim().is_empty() {
                if let Some(s) = start.take() {
                    out.push((s, line_start));
                }
            } else if start.is_none() {
                start = Some(line_start);
            }
            line_start += line.len();
        }
        if let Some(s) = start {
            out.push((s, text.len()));
        }
        out
    }

    #[test]
    fn paragraphs_split_as_splitting_lines() {
        let mut texts = crate::claims::tests::seed_texts();
        for edge in [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "\na",
            "a\n\nb",
            "a\n \t\nb\n",
            "a\r\n\r\nb\r\n",
            "a\n\u{a0}\u{3000}\nb",
            "\n\nÅtta av tio.\n\n\n",
            "ä\nö\n\n  å  ",
        ] {
            texts.push(edge.to_string());
        }
        let mut seen = 0;
        for text in &texts {
            let got: Vec<(usize, usize)> =
                paragraphs(text).iter().map(|p| (p.start, p.end)).collect();
            assert_eq!(got, paragraphs_by_lines(text), "{text:?}");
            seen += got.len();
        }
        assert!(seen > 100, "{seen}");
    }

    #[test]
    fn paragraphs_are_blank_line_separated() {
        let text = "a\nb\n\n\nc\n";
        let ps = paragraphs(text);
        assert_eq!(ps.len(), 2);
        assert_eq!(&text[ps[1].start..ps[1].end], "c\n");
        let ss = sentences(text, &ps);
        assert_eq!(
            ss.iter().map(|s| s.paragraph).collect::<Vec<_>>(),
            vec![0, 0, 1]
        );
    }
}
