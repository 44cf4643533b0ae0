//! Figures in tables: interim and annual reports and union surveys give their key figures as
//! rows ("Vakanta tjänster, socialsekreterare  14  6" under a header "Nyckeltal  Jan–aug 2016
//! Jan–aug 2015"), which no sentence pattern reads.
//!
//! A table, as plain text and PDF text give it, is a run of lines whose cells stand apart by
//! a tab or two or more spaces. Two shapes are read:
//! - **a row per measure**: the row's label names the kind ("Vakanta tjänster",
//!   "Sjukfrånvaro, procent", "Kostnad inhyrd personal, tkr") and the header names each
//!   column's period ("2023", "Jan–aug 2016"); a value column whose header is no period
//!   ("Förändring", "Budget") is left out, and so are all values of a table with several
//!   value columns and no header;
//! - **a row per place**: the label is a municipality and the caption above the table
//!   ("Tabell 2. Andel som vill sluta inom ett år, procent") names the kind; rows of the
//!   country or a total ("Riket", "Totalt") are yardsticks and left out.
//!
//! The quote of such a claim is its row, whole.

use super::numerals::{self, Unit};
use super::{fold, time, vocab, Kind};
use crate::dates::{month_number, PubDate, MONTHS};
use crate::geo::{self, Municipality};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// One figure read from a table row.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct TableFigure {
    pub kind: Kind,
    pub value: f64,
    /// The upper end of a range ("28–35").
    pub high: Option<f64>,
    pub unit: Unit,
    pub approx: bool,
    /// The staff word of the row's label ("socialsekreterare"), if it has one.
    pub role: Option<String>,
    /// The municipality of a row per place.
    pub place: Option<&'static Municipality>,
    /// The column's period, from the header (or the caption).
    pub period: Option<time::Period>,
    /// The row's line in the text.
    pub line: Range<usize>,
    /// Whether the caption, heading or label says the figure is an average over its period
    /// ("antal inhyrda konsulter (årsgenomsnitt)"): a count of the whole period, not of its
    /// last day.
    pub averaged: bool,
}

/// Words of an average over a period, in a caption, heading or label.
static AVERAGED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(
        r"(?:års|månads)?(?:genomsnitt|medelvärde|medeltal|snitt)\b|\bi (?:snitt|genomsnitt|medeltal)\b",
    ))
    .expect("averaged")
});

/// What a row's label (or a table's caption) says is counted, tried in order. Matched on the
/// label folded and lower-cased, so written in lower case here.
static KINDS: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| {
    [
        (Kind::IntentToQuit, r"\b(?:vill|skulle vilja|överväger att|funderar på att) (?:sluta|byta|lämna|säga upp)"),
        (Kind::Vacancies, r"vakan|obesatt|otillsatt|ej tillsatt|lediga tjänster"),
        (Kind::Consultants, r"inhyrd|konsult|bemanningsföretag|hyrpersonal|hyrsocionom"),
        (Kind::SickLeave, r"sjukfrånvaro|sjuktal"),
        (Kind::Caseload, r"ärenden per|per handläggare|per socialsekreterare|ärendebelastning"),
        (Kind::Resigned, r"avslutade anställningar|avslutat (?:sin|sina) anställning|avgångar|uppsägningar|personalomsättning|\bslutat\b|sagt upp sig"),
        (Kind::Deficit, r"\bunderskott"),
        // The whole label: "Socialsekreterare per 10 000 invånare" is a ratio.
        (Kind::Staffing, r"^(?:antal )?(?:budgeterade |ordinarie |tillsvidareanställda |tillsatta |besatta )?(?:tjänster,? )?(?:socialsekreterare|socionomer|socialsekreterartjänster|handläggartjänster)(?:,? (?:antal|st|totalt|årsarbetare|heltidstjänster|tjänster))?$"),
    ]
    .into_iter()
    .map(|(k, p)| (k, Regex::new(&fold::pattern(p)).expect("table kind")))
    .collect()
});

/// Labels, captions and headers of what is set, not what is: a target, a budget, a forecast.
static NOT_A_FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(
        r"\b(?:mål|målet|målvärde|budget|budgeterad|prognos|plan|förändring|förändr|diff|differens|avvikelse|index|andel med|andel långtid|av (?:den )?total[a-zåäö]* sjukfrånvaro|tak|taket|riktvärde|rekommend|invånare|behov|bedömt|bedömning|förslag)",
    ))
    .expect("not a figure")
});

/// Rows of the whole country, a county or a total: yardsticks.
static YARDSTICK_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(
        r"^(?:riket|hela riket|sverige|hela landet|landet|länet|totalt|total|summa|samtliga|alla kommuner|genomsnitt|snitt|medel|medelvärde|median)\b",
    ))
    .expect("yardstick row")
});

/// A header cell of a yardstick column: "Riket 2018", "Snitt länet".
static YARDSTICK_COLUMN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(
        r"\b(?:riket|landet|länet|sverige|snitt|snittet|genomsnitt|genomsnittet|median|medianen)\b",
    ))
    .expect("yardstick column")
});

/// A caption of a table whose rows are counties or regions ("per län"), whose names many
/// municipalities share, or of a table of contents.
static NOT_PLACES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(
        r"\b(?:län|länen|region|regioner|regionerna)\b",
    ))
    .expect("counties")
});
static CONTENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(r"^(?:innehåll|innehållsförteckning)\b")).expect("contents")
});

/// Units and staff of social services, as a row's label names them.
static SOCIAL_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    let words = format!(
        "{}|{}|{}",
        vocab::SOCIAL_SERVICES,
        vocab::SOCIAL_PLACE,
        vocab::SOCIAL_STAFF
    );
    Regex::new(&fold::pattern(&words)).expect("social units")
});
static SOCIAL_STAFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(&format!(r"\b{}\b", vocab::SOCIAL_STAFF))).expect("social staff")
});

/// A caption of a headcount: "Bemanning inom barn- och ungdomsenheten, antal".
static STAFFING_CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(
        r"\b(?:bemanning|årsarbetare|tillsatta tjänster|antal anställda|antal socialsekreterare)\b",
    ))
    .expect("staffing caption")
});

/// Percent, kronor and their scale, as a label or caption states the unit.
static PERCENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&fold::pattern(r"procent|%|\bandel")).expect("percent"));
static THOUSANDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&fold::pattern(r"\btkr\b|tusen kronor")).expect("tkr"));
static MILLIONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(
        r"\b(?:mnkr|mkr|msek|miljoner kronor|mn kr)\b",
    ))
    .expect("mnkr")
});
static KRONOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(r"\b(?:kr|kronor|sek|kostnad[a-zåäö]*)\b")).expect("kronor")
});

/// A caption: "Tabell 3. Personalnyckeltal inom IFO".
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(
        r"^(?:tabell|tab\.|figur|diagram|bilaga)\s*\d*",
    ))
    .expect("caption")
});

/// Where the cells of a row part: a tab, or two or more spaces.
static CELL_GAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\t+|[ \u{a0}]{2,}").expect("cell gap"));

/// Month abbreviations of table headers ("Jan–aug 2016"), written out so that the time
/// expressions read them.
static MONTH_ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(jan|feb|mar|apr|jun|jul|aug|sept?|okt|nov|dec)\b\.?").expect("months")
});

/// The full name of an abbreviated month ("aug" -> "augusti"), as `dates` reads it.
fn full_month(abbreviation: &str) -> &'static str {
    month_number(abbreviation)
        .and_then(|m| MONTHS.split('|').nth(m as usize - 1))
        .unwrap_or("")
}

/// Parts of the year as headers abbreviate them: "T1 2024" (a tertial), "Q2", "K2" (a
/// quarter).
static PART_OF_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:(t)|[qk])([1-4])\b").expect("parts of the year"));

/// A date in a header: "2023-12-31".
static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("iso date"));

/// The period a header cell names: "2023", "Utfall 2023", "Jan–aug 2016", "T1 2024",
/// "31 dec 2023", "2023-12-31".
fn header_period(cell: &str, published: Option<&PubDate>) -> Option<time::Period> {
    if let Some(c) = ISO_DATE.captures(cell) {
        let day = chrono::NaiveDate::from_ymd_opt(
            c[1].parse().ok()?,
            c[2].parse().ok()?,
            c[3].parse().ok()?,
        )?;
        return Some(time::Period::day(day));
    }
    let written = MONTH_ABBREVIATION.replace_all(cell, |c: &regex::Captures| full_month(&c[1]));
    let written = PART_OF_YEAR.replace_all(&written, |c: &regex::Captures| {
        let part = if c.get(1).is_some() {
            "tertial"
        } else {
            "kvartal"
        };
        format!("{part} {}", &c[2])
    });
    let written = written.to_lowercase();
    // "31 december 2023" is that day; "december 2023", "2023" a month, a year.
    let starts_with_day = written.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && written
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w.chars().all(char::is_alphabetic));
    let written = if starts_with_day {
        format!("per {written}")
    } else {
        format!("under {written}")
    };
    time::find(&written, published).first().map(|t| t.period)
}

/// A header cell parted after each year that more words follow: "Jan–aug 2016 Jan–aug 2015"
/// as two periods, "2019 Förändring" as "2019" and "Förändring", "Utfall 2019 Budget 2020" as
/// "Utfall 2019" and "Budget 2020". A PDF's narrow columns set their headers closer than a
/// cell gap, and plain-text tables often write them so.
fn apart_after_years(cell: &str) -> Vec<&str> {
    static YEAR_AND_MORE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(?:19|20)\d\d(\s+)\S").expect("year and more"));
    let mut pieces = Vec::new();
    let mut start = 0;
    for c in YEAR_AND_MORE.captures_iter(cell) {
        let gap = c.get(1).expect("the space after the year");
        pieces.push(&cell[start..gap.start()]);
        start = gap.end();
    }
    pieces.push(&cell[start..]);
    pieces
}

/// The row of a total over a city's districts: "Staden totalt", "Hela kommunen", "Summa".
static CITY_TOTAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(
        r"^(?:(?:staden|kommunen|hela staden|hela kommunen)(?: totalt| sammantaget)?|(?:totalt|summa|total)(?: (?:staden|kommunen))?)$",
    ))
    .expect("city total")
});

/// The one municipality whose districts a table's rows are, when at least one row names a
/// district and not the municipality itself (Angered, Östra Göteborg → Göteborg).
fn city_of_districts(rows: &[Row]) -> Option<&'static Municipality> {
    let mut city: Option<&'static Municipality> = None;
    let mut district = false;
    for row in rows {
        let label = row.cells[0].trim_end_matches(':');
        let folded = fold::lowered(label);
        if YARDSTICK_ROW.is_match(&folded) || CITY_TOTAL.is_match(&folded) {
            continue;
        }
        let m = geo::lookup(label)?;
        if city.is_some_and(|c| c.code != m.code) {
            return None;
        }
        city = Some(m);
        district |= !label.eq_ignore_ascii_case(m.name);
    }
    city.filter(|_| district)
}

/// A line cut into its cells, with the byte range of the line.
struct Row<'a> {
    cells: Vec<&'a str>,
    line: Range<usize>,
    /// Whether its cells are parted only by spaced dashes (see [`dash_ruled`]).
    dashed: bool,
}

/// Whether a line parts its cells with "|" or a spaced dash, as a table typed as plain text
/// does ("Vakanta tjänster | 3 | 8", "Luleå – 7,1 % – 4").
fn ruled(line: &str) -> bool {
    line.contains('|') || dash_ruled(line)
}

/// A short line that is no sentence and no reply in dialogue, with a spaced dash: "Kommun –
/// sjukfrånvaro – konsulter". Not "Socialtjänsten i kris – tio har slutat." nor "– Vi
/// annonserar, säger hon".
fn dash_ruled(line: &str) -> bool {
    let line = line.trim();
    line.len() <= 100
        && !line.ends_with(['.', '!', '?', ':', ','])
        && !line.starts_with(['–', '—', '-'])
        && (line.contains(" \u{2013} ") || line.contains(" \u{2014} "))
}

/// A line's cells: parted by a tab, two or more spaces, "|", or in a [`dash_ruled`] line a
/// spaced dash that stands between no two figures ("16 – 19" is a range).
fn split_cells(content: &str) -> Vec<&str> {
    let dashes = dash_ruled(content);
    let mut cells = Vec::new();
    for piece in CELL_GAP.split(content).flat_map(|p| p.split('|')) {
        if !dashes {
            cells.push(piece.trim());
            continue;
        }
        let mut from = 0;
        for (at, dash) in piece.match_indices([' ']).filter_map(|(i, _)| {
            let rest = &piece[i + 1..];
            ["\u{2013} ", "\u{2014} "]
                .iter()
                .find(|d| rest.starts_with(**d))
                .map(|d| (i, d.len() + 1))
        }) {
            let before = piece[from..at].trim_end();
            let after = piece[at + dash..].trim_start();
            let range = before.ends_with(|c: char| c.is_ascii_digit())
                && after.starts_with(|c: char| c.is_ascii_digit());
            if !range {
                cells.push(piece[from..at].trim());
                from = at + dash;
            }
        }
        cells.push(piece[from..].trim());
    }
    cells.retain(|c| !c.is_empty());
    cells
}

/// The single quantity a value cell holds, if it holds one and nothing else.
fn cell_value(cell: &str) -> Option<numerals::Quantity> {
    let mut q = numerals::scan(cell);
    if q.len() != 1 {
        return None;
    }
    let q = q.pop()?;
    let rest = format!("{}{}", &cell[..q.start], &cell[q.end..]);
    rest.trim().is_empty().then_some(q)
}

/// Every figure of the tables in `text`.
pub(super) fn figures(text: &str, published: Option<&PubDate>) -> Vec<TableFigure> {
    let bytes = text.as_bytes();
    // Only the lines with a gap can be rows: found from the gaps, so that a document's other
    // lines are not visited one by one (a pass over every line cost 3 % of the claims of the
    // claim-dense seeds, which hold a few double spaces).
    // The searcher for two spaces is built once (building it for each document cost more
    // than the search).
    static TWO_SPACES: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"  "));
    static SPACED_DASH: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(" \u{2013} ".as_bytes()));
    if memchr::memchr2(b'\t', b'|', bytes).is_none()
        && TWO_SPACES.find(bytes).is_none()
        && SPACED_DASH.find(bytes).is_none()
    {
        return Vec::new();
    }
    let mut gaps: Vec<usize> = memchr::memchr2_iter(b'\t', b'|', bytes)
        .chain(TWO_SPACES.find_iter(bytes))
        .chain(SPACED_DASH.find_iter(bytes))
        .collect();
    gaps.sort_unstable();
    let line_at = |at: usize| {
        let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        start..end
    };
    let mut out = Vec::new();
    let mut block: Vec<Row> = Vec::new();
    let mut block_end = usize::MAX;
    let mut last_line = 0..0;
    for &gap in &gaps {
        if gap < last_line.end {
            continue; // a second gap of a line already read
        }
        let line = line_at(gap);
        last_line = line.clone();
        let content = text[line.clone()].trim();
        // A line with no gap but a spaced dash is a row only if it is short and no sentence:
        // most such lines are prose ("– Vi har 40 ärenden, säger hon"), read no further.
        let dash_only = !content.contains(['\t', '|']) && !content.contains("  ");
        if dash_only && !dash_ruled(content) {
            if !block.is_empty() {
                let above = line_above(text, block[0].line.start);
                read_table(&block, above, published, &mut out);
                block.clear();
            }
            continue;
        }
        let cells = split_cells(content);
        // Rows of one table stand on consecutive lines; rows parted by "|" or " – ", which
        // plain text writes as paragraphs, may stand a blank line apart.
        let next_to_block = line.start == block_end.saturating_add(1)
            || (block_end < line.start
                && ruled(content)
                && block.last().is_some_and(|r| ruled(&text[r.line.clone()]))
                && text[block_end..line.start].trim().is_empty()
                && text[block_end..line.start].matches('\n').count() <= 2);
        if !block.is_empty() && !next_to_block {
            let above = line_above(text, block[0].line.start);
            read_table(&block, above, published, &mut out);
            block.clear();
        }
        // A row has a label first; a header may have none ("        2023  2022").
        let labelled = cells
            .first()
            .is_some_and(|c| c.chars().any(char::is_alphabetic));
        let header_without_label = !labelled
            && block.is_empty()
            && cells.len() >= 2
            && cells.iter().all(|c| header_period(c, published).is_some());
        // A row per period has a year for its label ("2009  8", see `read_rows_per_period`).
        let period_label = !labelled
            && !header_without_label
            && cells.len() == 2
            && header_period(cells[0], published).is_some();
        if cells.len() >= 2 && (labelled || header_without_label || period_label) {
            block_end = line.end;
            block.push(Row {
                cells,
                line: trimmed(text, line),
                dashed: dash_only,
            });
        } else if !block.is_empty() {
            let above = line_above(text, block[0].line.start);
            read_table(&block, above, published, &mut out);
            block.clear();
        }
    }
    if !block.is_empty() {
        let above = line_above(text, block[0].line.start);
        read_table(&block, above, published, &mut out);
    }
    out
}

/// [`read_block`], save for lines parted only by a spaced dash that cannot be a table: a
/// single line ("Socialtjänsten i kris – tio har slutat", a headline), or lines with no
/// figure. Such a table needs its header and a row.
fn read_table(
    rows: &[Row],
    above: Option<&str>,
    published: Option<&PubDate>,
    out: &mut Vec<TableFigure>,
) {
    if rows.iter().all(|r| r.dashed) {
        let figures = rows.iter().any(|r| {
            r.cells[1..]
                .iter()
                .any(|c| c.bytes().any(|b| b.is_ascii_digit()))
        });
        if rows.len() < 2 || !figures {
            return;
        }
    }
    read_block(rows, above, published, out);
}

/// The third shape, **a row per period**: each row's label is a period ("2009", "Jan–aug
/// 2012") and its one value what the caption or the value column's heading counts
/// ("Socialsekreterare som slutat vid barn- och ungdomsenheten", "År | Antal som slutat").
/// Read only when the caption or heading names social services' staff or units, which a
/// year's row does not. Whether the block was of this shape.
fn read_rows_per_period(
    rows: &[Row],
    caption: &str,
    caption_kind: Option<Kind>,
    published: Option<&PubDate>,
    out: &mut Vec<TableFigure>,
) -> bool {
    // The heading of the value column, when the first row is a header.
    let heading = rows
        .first()
        .filter(|r| r.cells.len() == 2 && r.cells.iter().all(|c| cell_value(c).is_none()))
        .map(|r| fold::lowered(r.cells[1]))
        .unwrap_or_default();
    let data = if heading.is_empty() { rows } else { &rows[1..] };
    let periods: Option<Vec<time::Period>> = data
        .iter()
        .map(|r| {
            (r.cells.len() == 2)
                .then(|| header_period(r.cells[0], published))
                .flatten()
        })
        .collect();
    let Some(periods) = periods.filter(|p| p.len() >= 2) else {
        return false;
    };
    let Some((kind, described)) = kind_of(&heading)
        .map(|k| (k, heading.as_str()))
        .or_else(|| caption_kind.map(|k| (k, caption)))
    else {
        return true;
    };
    if !(SOCIAL_UNIT.is_match(caption) || SOCIAL_UNIT.is_match(&heading))
        || NOT_A_FIGURE.is_match(&heading)
        || YARDSTICK_COLUMN.is_match(&heading)
    {
        return true;
    }
    let role = super::STAFF_WORD
        .find(caption)
        .or_else(|| super::STAFF_WORD.find(&heading))
        .map(|m| fold::unfold(m.as_str()));
    for (row, period) in data.iter().zip(periods) {
        let Some(q) = cell_value(row.cells[1]) else {
            continue;
        };
        let (value, unit) = scaled(&q, kind, described);
        if kind == Kind::Staffing && unit != Unit::Count {
            continue;
        }
        out.push(TableFigure {
            kind,
            value,
            high: scaled_high(&q, value),
            unit,
            approx: q.approx,
            role: role.clone(),
            place: None,
            period: Some(period),
            line: row.line.clone(),
            averaged: AVERAGED.is_match(described),
        });
    }
    true
}

/// A range's upper end in the scale its value was read in ("28–35 tkr").
fn scaled_high(q: &numerals::Quantity, value: f64) -> Option<f64> {
    q.high.map(|h| {
        if q.value == 0.0 {
            h
        } else {
            h * value / q.value
        }
    })
}

/// A line's range without the white space at its ends.
fn trimmed(text: &str, line: Range<usize>) -> Range<usize> {
    let raw = &text[line.clone()];
    let start = line.start + (raw.len() - raw.trim_start().len());
    start..start + raw.trim().len()
}

/// The last line with text above the line starting at `start` (a table's caption, maybe).
fn line_above(text: &str, start: usize) -> Option<&str> {
    text[..start.saturating_sub(1)]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty())
}

/// The figures of one run of rows, with the line above it (its caption, maybe).
fn read_block(
    rows: &[Row],
    above: Option<&str>,
    published: Option<&PubDate>,
    out: &mut Vec<TableFigure>,
) {
    // The caption: a line "Tabell 2. ..." above, or a short line that is no sentence.
    let caption = above
        .filter(|a| {
            let folded = fold::lowered(a);
            CAPTION.is_match(&folded) || (a.len() <= 120 && !a.ends_with(['.', '!', '?', ':']))
        })
        .map(fold::lowered)
        .unwrap_or_default();
    // A header: its cells after the first (or all, when the label column has no heading)
    // name periods, and none is a figure on its own.
    let header: Option<Vec<Option<time::Period>>> = rows.first().and_then(|r| {
        // Fewer header cells than the rows have: a period and the next column's heading ran
        // together ("Jan–aug 2016 Jan–aug 2015", "2019 Förändring").
        let widest = rows[1..].iter().map(|r| r.cells.len()).max().unwrap_or(0);
        let (split, label_pieces) = if r.cells.len() < widest {
            let split: Vec<&str> = r.cells.iter().flat_map(|c| apart_after_years(c)).collect();
            (split, apart_after_years(r.cells[0]).len())
        } else {
            (r.cells.clone(), 1)
        };
        let values = &split[label_pieces..];
        if values.iter().any(|c| cell_value(c).is_some()) {
            return None;
        }
        let cells = if r.cells[0].chars().all(|c| !c.is_alphabetic())
            || header_period(r.cells[0], published).is_some()
        {
            &split[..]
        } else {
            values
        };
        let periods: Vec<Option<time::Period>> = cells
            .iter()
            .map(|c| {
                let folded = fold::lowered(c);
                if NOT_A_FIGURE.is_match(&folded) || YARDSTICK_COLUMN.is_match(&folded) {
                    None
                } else {
                    header_period(c, published)
                }
            })
            .collect();
        periods.iter().any(Option::is_some).then_some(periods)
    });
    let data = if header.is_some() { &rows[1..] } else { rows };
    if CONTENTS.is_match(&caption) {
        return;
    }
    // A table of another service: "Personalnyckeltal för äldreomsorgen", "Andel lärare som
    // vill byta jobb".
    let other_service = |folded: &str| super::other_service(folded.as_bytes());
    if other_service(&caption) {
        return;
    }
    // A caption names a headcount in words no label uses alone: "Bemanning och bedömt behov
    // av socialsekreterare".
    let caption_kind = kind_of(&caption).or_else(|| {
        STAFFING_CAPTION
            .is_match(&caption)
            .then_some(Kind::Staffing)
    });
    if read_rows_per_period(rows, &caption, caption_kind, published, out)
        || read_columns_per_kind(rows, &caption, published, out)
    {
        return;
    }
    let caption_period = time::find(&caption, published).first().map(|t| t.period);
    let city = city_of_districts(data);
    for row in data {
        let label = fold::lowered(row.cells[0]);
        // A numbered heading ("2. Vakanta tjänster  7") is a page reference.
        let numbered = label.bytes().next().is_some_and(|b| b.is_ascii_digit());
        if numbered || NOT_A_FIGURE.is_match(&label) || other_service(&label) {
            continue;
        }
        // The total of a city's districts is the city's: "Staden totalt  24" under rows of
        // Angered, Östra Göteborg, Västra Hisingen.
        let city_total = city.filter(|_| CITY_TOTAL.is_match(&label));
        let place = city_total.or_else(|| geo::lookup(row.cells[0].trim_end_matches(':')));
        // A unit or staff group of social services: "Socionomer, individ- och
        // familjeomsorg" under "Kostnad för inhyrd personal per yrkesgrupp, tkr",
        // "Socialförvaltningen" under "Sjukfrånvaro per förvaltning, procent".
        let social_unit = place.is_none() && SOCIAL_UNIT.is_match(&label);
        let (kind, described) = match (kind_of(&label), place) {
            (Some(k), _) => (k, label.as_str()),
            (None, Some(_))
                if (!YARDSTICK_ROW.is_match(&label) || city_total.is_some())
                    && !NOT_PLACES.is_match(&caption) =>
            {
                match caption_kind {
                    Some(k) => (k, caption.as_str()),
                    None => continue,
                }
            }
            (None, None) if social_unit => match caption_kind {
                Some(k) => (k, caption.as_str()),
                None => continue,
            },
            _ => continue,
        };
        // A total is a yardstick, save the total of a unit's social workers ("Summa
        // socialsekreterare").
        let staff_total = place.is_none() && SOCIAL_STAFF.is_match(&label);
        if (YARDSTICK_ROW.is_match(&label) && !staff_total && city_total.is_none())
            || NOT_A_FIGURE.is_match(&caption) && place.is_some()
        {
            continue;
        }
        let values: Vec<Option<numerals::Quantity>> =
            row.cells[1..].iter().map(|c| cell_value(c)).collect();
        if values.iter().all(Option::is_none) {
            continue;
        }
        // Which period each value column is of: from the right, as a label column may have
        // no heading. Without a header, only a single value column can be read.
        let periods: Vec<Option<time::Period>> = match &header {
            Some(h) => {
                let skip = h.len().saturating_sub(values.len());
                let aligned = &h[skip..];
                if aligned.len() != values.len() {
                    continue;
                }
                aligned.to_vec()
            }
            None if values.len() == 1 => vec![caption_period],
            None => continue,
        };
        let role = super::STAFF_WORD
            .find(&label)
            .map(|m| fold::unfold(m.as_str()));
        for (q, period) in values.into_iter().zip(periods) {
            let Some(q) = q else { continue };
            if header.is_some() && period.is_none() {
                continue; // a column of changes, budgets or targets
            }
            let (value, unit) = scaled(&q, kind, described);
            let high = scaled_high(&q, value);
            if kind == Kind::Staffing && unit != Unit::Count {
                continue;
            }
            out.push(TableFigure {
                kind,
                value,
                high,
                unit,
                approx: q.approx,
                role: role.clone(),
                place,
                period,
                line: row.line.clone(),
                averaged: AVERAGED.is_match(described) || AVERAGED.is_match(&caption),
            });
        }
    }
}

/// The sum of a table's units: "Summa", "Totalt", "IFO totalt".
static UNITS_SUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(
        r"^(?:summa|totalt|total|samtliga enheter|[a-zåäö]+ totalt)$",
    ))
    .expect("units' sum")
});

/// A header cell of a column of posts or headcounts, beside columns of other kinds:
/// "Tjänster", "Antal tjänster", "Årsarbetare", "Budgeterade tjänster".
static POSTS_COLUMN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&fold::pattern(
        r"^(?:antal )?(?:budgeterade |ordinarie |tillsatta |besatta )?(?:tjänster|årsarbetare|befattningar|heltidstjänster|anställda)(?:,? (?:antal|st|totalt))?$",
    ))
    .expect("posts column")
});

/// The fourth shape, **a row per place and a column per kind**: a header names what each
/// column counts ("Kommun – sjukfrånvaro – konsulter", "Kommun | Vakanser | Ärenden per
/// handläggare") over rows of municipalities ("Luleå – 7,1 % – 4"). Each column's period is
/// the caption's, else the document's. Whether the block was of this shape.
///
/// Or over rows of a municipality's units of social services, with their sum: "Enhet  Tjänster
/// Vakanta  Inhyrda" over "Mottagningen  9  3  2", "Vuxenenheten  16  4  3", "Summa  51  14
/// 10". The sum of its units is the service's own figure, not a yardstick, and the
/// municipality is the document's.
fn read_columns_per_kind(
    rows: &[Row],
    caption: &str,
    published: Option<&PubDate>,
    out: &mut Vec<TableFigure>,
) -> bool {
    let Some((header, data)) = rows.split_first() else {
        return false;
    };
    // A table of targets ("Mål för 2026"), budgets or forecasts holds no figures.
    if NOT_A_FIGURE.is_match(caption) {
        return false;
    }
    if header.cells.len() < 2 || header.cells[1..].iter().any(|c| cell_value(c).is_some()) {
        return false;
    }
    let columns: Vec<(Option<Kind>, String)> = header.cells[1..]
        .iter()
        .map(|c| {
            let folded = fold::lowered(c);
            let kind = kind_of(&folded)
                .or_else(|| POSTS_COLUMN.is_match(&folded).then_some(Kind::Staffing))
                .filter(|_| !NOT_A_FIGURE.is_match(&folded) && !YARDSTICK_COLUMN.is_match(&folded));
            (kind, format!("{folded} {caption}"))
        })
        .collect();
    // One column of a kind the caption names too is the caption's shape, read below with
    // its totals of a city's districts.
    let kinds = columns.iter().filter(|(k, _)| k.is_some()).count();
    if kinds == 0 || (kinds == 1 && kind_of(caption).is_some()) {
        return false;
    }
    let period = time::find(caption, published).first().map(|t| t.period);
    let role = super::STAFF_WORD
        .find(caption)
        .map(|m| fold::unfold(m.as_str()));
    let before = out.len();
    // Rows of units: of social services by name, not one of them a municipality.
    let labels: Vec<String> = data.iter().map(|r| fold::lowered(r.cells[0])).collect();
    let places: Vec<Option<&'static Municipality>> = data
        .iter()
        .map(|r| geo::lookup(r.cells[0].trim_end_matches(':')))
        .collect();
    let of_units = places.iter().all(Option::is_none)
        && labels.iter().filter(|l| SOCIAL_UNIT.is_match(l)).count() >= 2;
    for ((row, label), place) in data.iter().zip(&labels).zip(places) {
        let place = if of_units {
            if !SOCIAL_UNIT.is_match(label) && !UNITS_SUM.is_match(label) {
                continue;
            }
            None
        } else {
            match place {
                Some(place) if !YARDSTICK_ROW.is_match(label) => Some(place),
                _ => continue,
            }
        };
        if row.cells.len() != header.cells.len() {
            continue;
        }
        for (cell, (kind, described)) in row.cells[1..].iter().zip(&columns) {
            let (Some(kind), Some(q)) = (kind, cell_value(cell)) else {
                continue;
            };
            let (value, unit) = scaled(&q, *kind, described);
            // A headcount is whole: "3,1" under "Socialsekreterare" is some other measure.
            if *kind == Kind::Staffing && (unit != Unit::Count || value.fract() != 0.0) {
                continue;
            }
            out.push(TableFigure {
                kind: *kind,
                value,
                high: scaled_high(&q, value),
                unit,
                approx: q.approx,
                role: role.clone(),
                place,
                period,
                line: row.line.clone(),
                averaged: AVERAGED.is_match(described),
            });
        }
    }
    out.len() > before
}

/// The kind a label or caption names.
fn kind_of(folded: &str) -> Option<Kind> {
    KINDS
        .iter()
        .find(|(_, re)| re.is_match(folded))
        .map(|(k, _)| *k)
}

/// A cell's value in the unit its label (or caption) states: "procent" makes a count a
/// percent, "tkr" multiplies by a thousand.
fn scaled(q: &numerals::Quantity, kind: Kind, described: &str) -> (f64, Unit) {
    if q.unit != Unit::Count {
        return (q.value, q.unit);
    }
    if PERCENT.is_match(described) {
        return (q.value, Unit::Percent);
    }
    let money = matches!(kind, Kind::Deficit | Kind::Consultants);
    if money && THOUSANDS.is_match(described) {
        return (q.value * 1e3, Unit::Sek);
    }
    if money && MILLIONS.is_match(described) {
        return (q.value * 1e6, Unit::Sek);
    }
    if kind == Kind::Deficit || (kind == Kind::Consultants && KRONOR.is_match(described)) {
        return (q.value, Unit::Sek);
    }
    (q.value, q.unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A figure as (kind, value, unit, municipality, period from and to).
    type Read = (Kind, f64, Unit, Option<String>, Option<(String, String)>);

    fn read(text: &str) -> Vec<Read> {
        figures(text, PubDate::parse("2016-10-03").as_ref())
            .into_iter()
            .map(|f| {
                (
                    f.kind,
                    f.value,
                    f.unit,
                    f.place.map(|m| m.name.to_string()),
                    f.period.map(|p| (p.from.to_string(), p.to.to_string())),
                )
            })
            .collect()
    }

    /// Rows of units and staff groups take the measure of the caption ("per yrkesgrupp",
    /// "per förvaltning", "Bemanning"); the total of the social workers counts, other
    /// totals and other services do not; need and proposal columns give nothing; a range
    /// keeps its upper end; a period and the next heading run together are parted.
    #[test]
    fn units_under_a_caption_that_names_the_measure() {
        let got = |text: &str| -> Vec<(Kind, f64, Option<String>)> {
            figures(text, PubDate::parse("2024-11-14").as_ref())
                .into_iter()
                .map(|f| (f.kind, f.value, f.period.map(|p| p.to.to_string())))
                .collect()
        };
        let hired = "Tabell 1. Kostnad för inhyrd personal per yrkesgrupp, tkr\n\
                     Yrkesgrupp\t2021\n\
                     Socionomer, individ- och familjeomsorg\t8 940\n\
                     Sjuksköterskor, hemsjukvård\t3 410\n\
                     Totalt\t12 350\n";
        assert_eq!(
            got(hired),
            vec![(Kind::Consultants, 8_940_000.0, Some("2021-12-31".into()))]
        );
        let staffing = "Tabell 2. Bemanning och bedömt behov av socialsekreterare\n\
                        Verksamhet\tBemanning 2024-09-30\tBedömt behov 2027\n\
                        Vuxen och beroende\t31\t33\n\
                        Summa socialsekreterare\t89\t99\n";
        assert_eq!(
            got(staffing),
            vec![
                (Kind::Staffing, 31.0, Some("2024-09-30".into())),
                (Kind::Staffing, 89.0, Some("2024-09-30".into())),
            ]
        );
        let plans = "Budget för inhyrd personal, socialförvaltningen, tkr\n\
                     Enhet\tBudget 2025\tFörslag 2026\n\
                     Barn och unga, utredning\t3 000\t2 000\n";
        assert_eq!(got(plans), vec![]);
        let changes = "Tabell 3. Personalnyckeltal\n\
                       Nyckeltal\t2018\t2019 Förändring\n\
                       Sjukfrånvaro, procent\t9,4\t8,7\t-0,7\n";
        assert_eq!(
            got(changes),
            vec![
                (Kind::SickLeave, 9.4, Some("2018-12-31".into())),
                (Kind::SickLeave, 8.7, Some("2019-12-31".into())),
            ]
        );
        let ranges = "Nyckeltal\t2018\n\
                      Aktuella ärenden per socialsekreterare\t28–35\n";
        let f = figures(ranges, None);
        assert_eq!((f[0].value, f[0].high), (28.0, Some(35.0)));
    }

    /// The total of a city's districts is the city's; the total of several municipalities
    /// is no one's.
    #[test]
    fn the_total_of_a_citys_districts() {
        let places = |text: &str| -> Vec<(f64, Option<String>)> {
            read(text).into_iter().map(|r| (r.1, r.3)).collect()
        };
        let districts = "Tabell 1. Personalomsättning bland socialsekreterare 2014, procent\n\
                         Stadsdelsförvaltning\t2014\n\
                         Angered\t42\n\
                         Östra Göteborg\t27\n\
                         Staden totalt\t24\n";
        let goteborg = Some("Göteborg".to_string());
        assert_eq!(
            places(districts),
            vec![
                (42.0, goteborg.clone()),
                (27.0, goteborg.clone()),
                (24.0, goteborg)
            ]
        );
        let neighbours = "Tabell 2. Personalomsättning bland socialsekreterare 2014, procent\n\
                          Kommun\t2014\n\
                          Kalmar\t21\n\
                          Nybro\t17\n\
                          Totalt\t19\n";
        assert_eq!(
            places(neighbours),
            vec![(21.0, Some("Kalmar".into())), (17.0, Some("Nybro".into()))]
        );
    }

    /// Header cells a single space runs together are parted after their years; other cells
    /// stay whole.
    #[test]
    fn periods_run_together_are_parted() {
        assert_eq!(
            apart_after_years("Jan–aug 2016 Jan–aug 2015"),
            vec!["Jan–aug 2016", "Jan–aug 2015"]
        );
        assert_eq!(apart_after_years("2023 2022"), vec!["2023", "2022"]);
        assert_eq!(
            apart_after_years("2019 Förändring"),
            vec!["2019", "Förändring"]
        );
        for whole in ["Utfall jan–aug 2016", "2023-12-31", "14"] {
            assert_eq!(apart_after_years(whole), vec![whole]);
        }
        let text = "Tabell 1. Personal\n\nNyckeltal  2023 2022\nVakanta tjänster, socialsekreterare  7  4\n";
        let got: Vec<(f64, i32)> = figures(text, None)
            .iter()
            .map(|f| {
                (
                    f.value,
                    f.period
                        .as_ref()
                        .map_or(0, |p| chrono::Datelike::year(&p.from)),
                )
            })
            .collect();
        assert_eq!(got, vec![(7.0, 2023), (4.0, 2022)]);
    }

    #[test]
    fn rows_per_measure_with_periods_in_the_header() {
        let text = "Tabell 3. Personalnyckeltal inom IFO\nNyckeltal  Jan–aug 2016  Jan–aug 2015  Förändring\nAntal inkomna anmälningar, barn och unga  2 140  1 813  327\nVakanta tjänster, socialsekreterare  14  6  8\nSjukfrånvaro, procent  9,1  7,5  1,6\nAndel med socionomexamen, procent  92  95  -3\n\nKommentar: läget är svårt.";
        let got = read(text);
        let period = |y: &str| Some((format!("{y}-01-01"), format!("{y}-08-31")));
        assert_eq!(
            got,
            vec![
                (Kind::Vacancies, 14.0, Unit::Count, None, period("2016")),
                (Kind::Vacancies, 6.0, Unit::Count, None, period("2015")),
                (Kind::SickLeave, 9.1, Unit::Percent, None, period("2016")),
                (Kind::SickLeave, 7.5, Unit::Percent, None, period("2015")),
            ]
        );
    }

    #[test]
    fn rows_per_place_take_the_kind_of_the_caption() {
        let text = "Enkätresultat per kommun\nTabell 2. Andel som vill sluta inom ett år, procent\nGöteborg  36\nMölndal  29\nRiket  27\n";
        let got = read(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, Kind::IntentToQuit);
        assert_eq!((got[0].1, got[0].2), (36.0, Unit::Percent));
        assert_eq!(got[0].3.as_deref(), Some("Göteborg"));
        assert_eq!(got[1].3.as_deref(), Some("Mölndal"));
    }

    /// Rows per period: the year is the label, the caption or the value column's heading
    /// says what is counted, and it must be social services' staff.
    #[test]
    fn rows_per_period_take_the_kind_of_the_caption_or_heading() {
        let got = read(
            "Socialsekreterare som slutat vid barn- och ungdomsenheten\nÅr\tAntal som slutat\n2013\t8\n2014\t11\nJan–aug 2016\t14\n\nKälla: förvaltningen",
        );
        let values: Vec<_> = got.into_iter().map(|r| (r.0, r.1, r.4)).collect();
        let period = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(
            values,
            vec![
                (Kind::Resigned, 8.0, period("2013-01-01", "2013-12-31")),
                (Kind::Resigned, 11.0, period("2014-01-01", "2014-12-31")),
                (Kind::Resigned, 14.0, period("2016-01-01", "2016-08-31")),
            ]
        );
        let caption_only =
            read("Vakanta tjänster bland socialsekreterare i Lerum\n2014\t3\n2015\t5\n");
        assert_eq!(
            caption_only.iter().map(|r| (r.0, r.1)).collect::<Vec<_>>(),
            [(Kind::Vacancies, 3.0), (Kind::Vacancies, 5.0)]
        );
        // Another service, a count nobody's staff, a budget column: nothing.
        for text in [
            "Lärare som slutat vid skolorna\nÅr\tAntal som slutat\n2013\t8\n2014\t11\n",
            "Orosanmälningar per år\nÅr\tAntal\n2013\t812\n2014\t1 040\n",
            "Socialsekreterare som slutat\nÅr\tBudget\n2013\t8\n2014\t11\n",
        ] {
            assert_eq!(read(text), vec![], "{text}");
        }
    }

    #[test]
    fn header_cells_name_periods() {
        let p = PubDate::parse("2024-05-10");
        let at = |cell: &str| {
            header_period(cell, p.as_ref()).map(|p| (p.from.to_string(), p.to.to_string()))
        };
        let span = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(at("2023"), span("2023-01-01", "2023-12-31"));
        assert_eq!(at("Utfall 2022"), span("2022-01-01", "2022-12-31"));
        assert_eq!(at("Jan–aug 2016"), span("2016-01-01", "2016-08-31"));
        assert_eq!(at("T1 2024"), span("2024-01-01", "2024-04-30"));
        assert_eq!(at("Dec 2022"), span("2022-12-01", "2022-12-31"));
        assert_eq!(at("31 dec 2023"), span("2023-12-31", "2023-12-31"));
        assert_eq!(at("2023-12-31"), span("2023-12-31", "2023-12-31"));
        assert_eq!(at("Förändring"), None);
    }

    #[test]
    fn money_in_thousands_and_no_reading_without_a_header() {
        let text = "Kostnad för inhyrd personal, tkr  4 300\n";
        assert_eq!(
            read(text),
            vec![(Kind::Consultants, 4_300_000.0, Unit::Sek, None, None)]
        );
        // Two value columns and no header: which year is which is not said.
        assert!(read("Vakanta tjänster  14  6\n").is_empty());
        // Prose with a double space is no table.
        assert!(read("Det finns  fyra vakanta tjänster på enheten.\n").is_empty());
        // Targets and budgets are not figures.
        assert!(read("Nyckeltal  2016  2015\nMål sjukfrånvaro, procent  6  6\n").is_empty());
    }

    /// Tables typed as plain text with "|" or a spaced dash, rows a blank line apart, and a
    /// header that names a kind per column over rows of municipalities.
    #[test]
    fn ruled_tables_and_a_column_per_kind() {
        let kinds = |text: &str| -> Vec<(Kind, f64, Option<String>)> {
            read(text).into_iter().map(|r| (r.0, r.1, r.3)).collect()
        };
        let piped = "Tabell 2. Nyckeltal personal\n\nNyckeltal | T1 2015 | T1 2016\n\n\
                     Vakanta tjänster | 3 | 8\n\nInhyrda konsulter, antal | 2 | 5\n";
        assert_eq!(
            kinds(piped),
            vec![
                (Kind::Vacancies, 3.0, None),
                (Kind::Vacancies, 8.0, None),
                (Kind::Consultants, 2.0, None),
                (Kind::Consultants, 5.0, None),
            ]
        );
        let dashed = "Tabell 1. Socialsekreterare i länets kommuner 2015\n\
                      Kommun – sjukfrånvaro – konsulter\n\
                      Luleå – 7,1 % – 4\n\
                      Boden – 9,8 % – 3\n";
        let lulea = Some("Luleå".to_string());
        let boden = Some("Boden".to_string());
        assert_eq!(
            kinds(dashed),
            vec![
                (Kind::SickLeave, 7.1, lulea.clone()),
                (Kind::Consultants, 4.0, lulea),
                (Kind::SickLeave, 9.8, boden.clone()),
                (Kind::Consultants, 3.0, boden),
            ]
        );
        // A range keeps its dash; prose with a dash is no table.
        assert_eq!(
            split_cells("Barnutredning – 16 – 19"),
            vec!["Barnutredning", "16 – 19"]
        );
        assert!(read("Socialtjänsten i kris – tio har slutat.\n").is_empty());
        assert!(read("– Vi har 40 ärenden var, säger hon.\n").is_empty());
        // A share of long-term sick leave in all sick leave is no rate of sick leave.
        assert!(read("Nyckeltal | 2015 | 2016\nAndel långtidssjukfrånvaro av total sjukfrånvaro (%) | 41 | 44\n").is_empty());
    }
}
