//! Dates as documents give them: publication dates of known precision ("2024", "2024-12",
//! "2024-12-03"), Swedish month names, and the visible dates of news pages and municipal
//! records ("Publicerad 05:15, 3 sep 2021", "Datum: 2024-12-10").

use chrono::{Datelike, Months, NaiveDate};
use regex::Regex;
use serde::{Serialize, Serializer};
use std::fmt;
use std::sync::LazyLock;

/// How much of a publication date is known. A manifest may only know the year ("a DN report
/// from 2018"), and relative expressions ("förra året") still resolve against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A publication date: its first possible day and how precise it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PubDate {
    pub first: NaiveDate,
    pub precision: Precision,
}

impl PubDate {
    pub fn day(date: NaiveDate) -> Self {
        PubDate {
            first: date,
            precision: Precision::Day,
        }
    }

    /// Parses "2024", "2024-12" or "2024-12-03".
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str| p.parse::<u32>().ok();
        match parts.as_slice() {
            [y] if y.len() == 4 => Some(PubDate {
                first: NaiveDate::from_ymd_opt(y.parse().ok()?, 1, 1)?,
                precision: Precision::Year,
            }),
            [y, m] if y.len() == 4 => Some(PubDate {
                first: NaiveDate::from_ymd_opt(y.parse().ok()?, num(m)?, 1)?,
                precision: Precision::Month,
            }),
            [y, m, d] if y.len() == 4 => Some(PubDate::day(NaiveDate::from_ymd_opt(
                y.parse().ok()?,
                num(m)?,
                num(d)?,
            )?)),
            _ => None,
        }
    }

    /// The last day the date can stand for.
    pub fn last(&self) -> NaiveDate {
        match self.precision {
            Precision::Day => self.first,
            Precision::Month => last_of_month(self.first.year(), self.first.month()),
            Precision::Year => NaiveDate::from_ymd_opt(self.first.year(), 12, 31).expect("31 dec"),
        }
    }

    pub fn year(&self) -> i32 {
        self.first.year()
    }
}

impl fmt::Display for PubDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Year => write!(f, "{}", self.first.format("%Y")),
            Precision::Month => write!(f, "{}", self.first.format("%Y-%m")),
            Precision::Day => write!(f, "{}", self.first.format("%Y-%m-%d")),
        }
    }
}

impl Serialize for PubDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

pub fn last_of_month(year: i32, month: u32) -> NaiveDate {
    let first = NaiveDate::from_ymd_opt(year, month, 1).expect("valid month");
    first
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .expect("date in range")
}

/// Swedish month names and their usual abbreviations, lower case.
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    let n = n.trim_end_matches('.');
    Some(match n {
        "januari" | "jan" => 1,
        "februari" | "feb" => 2,
        "mars" | "mar" => 3,
        "april" | "apr" => 4,
        "maj" => 5,
        "juni" | "jun" => 6,
        "juli" | "jul" => 7,
        "augusti" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "oktober" | "okt" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Regex alternation of the full month names (for patterns elsewhere).
pub const MONTHS: &str =
    "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december";

/// A date a page shows next to "Publicerad", "Publicerat", "Publ." or a municipal record's
/// "Datum:" / "Sammanträdesdatum:". Only a labelled date counts: a bare date in the body is
/// usually about something else. "Uppdaterad" dates are ignored so they never win over the
/// publication date.
static LABELLED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        \b(?P<label>publicerad|publicerat|publ\.|datum|sammanträdesdatum|daterad)\s*:?\s*
        (?:(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|mån|tis|ons|tors?|fre|lör|sön)\.?,?\s+)?
        (?:den\s+)?(?:\d{1,2}[:.]\d{2},?\s*)?(?:kl\.?\s*\d{1,2}[:.]\d{2},?\s*)?
        (?:
            (?P<iso>\d{4}-\d{2}-\d{2})
          | (?P<d>\d{1,2})\s+(?P<m>[a-zåäö]+)\.?\s+(?P<y>\d{4})
        )",
    )
    .expect("labelled date")
});

/// The publication date written in a document's own text, if it is labelled as such.
pub fn find_published_in_text(text: &str) -> Option<NaiveDate> {
    for caps in LABELLED_DATE.captures_iter(text) {
        if let Some(iso) = caps.name("iso") {
            if let Ok(d) = NaiveDate::parse_from_str(iso.as_str(), "%Y-%m-%d") {
                return Some(d);
            }
        } else if let (Some(d), Some(m), Some(y)) = (caps.name("d"), caps.name("m"), caps.name("y"))
        {
            let (Some(month), Ok(day), Ok(year)) = (
                month_number(m.as_str()),
                d.as_str().parse::<u32>(),
                y.as_str().parse::<i32>(),
            ) else {
                continue;
            };
            if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
                return Some(date);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn pubdate_precisions() {
        let y = PubDate::parse("2018").unwrap();
        assert_eq!((y.first, y.last()), (ymd(2018, 1, 1), ymd(2018, 12, 31)));
        assert_eq!(y.to_string(), "2018");
        let m = PubDate::parse("2024-02").unwrap();
        assert_eq!(m.last(), ymd(2024, 2, 29));
        assert_eq!(m.to_string(), "2024-02");
        let d = PubDate::parse("2021-09-03").unwrap();
        assert_eq!((d.first, d.last()), (ymd(2021, 9, 3), ymd(2021, 9, 3)));
        assert!(PubDate::parse("2021-13-01").is_none());
        assert!(PubDate::parse("igår").is_none());
    }

    #[test]
    fn visible_publication_dates() {
        assert_eq!(
            find_published_in_text("Kommunen\n  • Publicerad 05:15, 3 sep 2021\n"),
            Some(ymd(2021, 9, 3))
        );
        assert_eq!(
            find_published_in_text("Publicerad 3 september 2021"),
            Some(ymd(2021, 9, 3))
        );
        assert_eq!(
            find_published_in_text("Publicerad 2021-09-03 kl 05.15"),
            Some(ymd(2021, 9, 3))
        );
        assert_eq!(
            find_published_in_text("Datum: 2024-12-10"),
            Some(ymd(2024, 12, 10))
        );
        assert_eq!(
            find_published_in_text("Uppdaterad 4 sep 2021. Publicerad 3 sep 2021"),
            Some(ymd(2021, 9, 3))
        );
        assert_eq!(find_published_in_text("Han föddes 3 sep 1971."), None);
        // With the day of the week, as many news sites write it.
        assert_eq!(
            find_published_in_text("Publicerad: måndag 4 april 2016 kl. 19:45"),
            Some(ymd(2016, 4, 4))
        );
        assert_eq!(
            find_published_in_text("Publicerad tis 12 mars 2024"),
            Some(ymd(2024, 3, 12))
        );
    }
}
