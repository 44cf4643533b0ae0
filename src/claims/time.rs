//! Swedish time expressions, resolved to a period of dates.
//!
//! Absolute expressions resolve on their own ("under 2016", "januari–november 2024",
//! "hösten 2024", "första halvåret 2023"). Relative ones ("sedan årsskiftet", "förra året",
//! "i fjol", "i år", "i våras", "de senaste två åren") need the document's publication date and
//! are left unresolved without one. A sentence may hold several expressions ("2016 slutade
//! nära hälften och i fjol mer än hälften"), so [`find`] returns each with its span and the
//! claim takes the nearest.

use crate::dates::{last_of_month, month_number, PubDate, MONTHS};
use chrono::{Datelike, Months, NaiveDate};
use regex::{Regex, RegexSet};
use serde::{Deserialize, Serialize};
use std::sync::{LazyLock, OnceLock};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    pub fn year(y: i32) -> Option<Period> {
        Some(Period {
            from: NaiveDate::from_ymd_opt(y, 1, 1)?,
            to: NaiveDate::from_ymd_opt(y, 12, 31)?,
        })
    }

    /// The calendar year `years` after (before, when negative) this one, if this is one.
    pub fn shift_year(&self, years: i32) -> Option<Period> {
        let y = self.from.year();
        (self.from == NaiveDate::from_ymd_opt(y, 1, 1)?
            && self.to == NaiveDate::from_ymd_opt(y, 12, 31)?)
        .then(|| Period::year(y + years))?
    }

    pub fn months(y1: i32, m1: u32, y2: i32, m2: u32) -> Option<Period> {
        let from = NaiveDate::from_ymd_opt(y1, m1, 1)?;
        NaiveDate::from_ymd_opt(y2, m2, 1)?;
        let to = last_of_month(y2, m2);
        (from <= to).then_some(Period { from, to })
    }

    /// The period a publication date stands for: one day, one month or one year.
    pub fn of_published(p: &PubDate) -> Period {
        Period {
            from: p.first,
            to: p.last(),
        }
    }

    /// The calendar year this period lies in, when it lies in one; else the period itself.
    pub fn whole_year(&self) -> Period {
        if self.from.year() == self.to.year() {
            Period::year(self.from.year()).unwrap_or(*self)
        } else {
            *self
        }
    }

    /// The same days a year earlier.
    pub fn year_before(&self) -> Option<Period> {
        self.shifted_years(-1)
    }

    /// The same days a year later.
    pub fn year_after(&self) -> Option<Period> {
        self.shifted_years(1)
    }

    /// The same days `years` later (earlier, when negative). A period that ends on the last
    /// day of a month ends on the last day of that month in the other year: February 2023
    /// a year later is 1–29 February 2024.
    pub fn shifted_years(&self, years: i32) -> Option<Period> {
        let months = Months::new(12 * years.unsigned_abs());
        let shift = |d: NaiveDate| {
            if years >= 0 {
                d.checked_add_months(months)
            } else {
                d.checked_sub_months(months)
            }
        };
        let month_end = self.to.succ_opt().is_some_and(|next| next.day() == 1);
        let to = shift(self.to)?;
        Some(Period {
            from: shift(self.from)?,
            to: if month_end {
                last_of_month(to.year(), to.month())
            } else {
                to
            },
        })
    }

    /// The year of `now` up to it: "i år", "hittills i år".
    pub fn so_far(now: &PubDate) -> Option<Period> {
        Some(Period {
            from: NaiveDate::from_ymd_opt(now.year(), 1, 1)?,
            to: now.last(),
        })
    }

    /// One day.
    pub fn day(d: NaiveDate) -> Period {
        Period { from: d, to: d }
    }

    pub fn overlaps(&self, other: &Period) -> bool {
        self.from <= other.to && other.from <= self.to
    }
}

/// A time expression found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    pub start: usize,
    pub end: usize,
    pub period: Period,
    /// A comparison's other period, said of the figure right before it ("jämfört med 4,2
    /// miljoner kronor samma period föregående år", "femton året innan"): the time of that
    /// figure only, never of one further off.
    pub near_only: bool,
}

/// What an expression that names no time of its own refers back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Antecedent {
    /// The last period the text named before ("under samma period", "under perioden").
    Last,
    /// The period a review examined ("under granskningsperioden"): named in a sentence about
    /// what was examined ("IVO har granskat 40 utredningar som avslutades under perioden 1
    /// juli–31 december 2019").
    Review,
    /// The period a report covers ("under perioden", "under tertialet"), else as `Last`.
    Report,
    /// When a review was made ("vid tillsynstillfället", "vid inspektionen"): named in a
    /// sentence about the review itself ("Tillsynen genomfördes i oktober och november
    /// 2013"), not the cases it drew.
    Visit,
    /// The period a text defines ("för perioden januari–mars 2017") or a report covers, and
    /// no other: what "jämfört med samma period föregående år" compares.
    Defined,
    /// When a survey was made, for the answers it gave: named in a sentence about the survey
    /// ("En enkät som Vision genomförde under maj och juni").
    Survey,
}

const SEASONS: &str = "våren|sommaren|hösten|vintern";

/// A year named relative to the document after a part of it: "januari–september i år",
/// "första halvåret i fjol".
/// "till och med", as written out and abbreviated: "t.o.m.", "tom".
const UNTIL: &str = r"(?:till\s+och\s+med|t\.\s*o\.\s*m\.?|tom)";

const REL_YEAR: &str = r"(?:\s+(?P<rel>i\s+år|i\s+fjol|förra\s+året))";

/// Whether this year's season ending in month `last` is past enough on `day` to be called
/// past ("i somras"): after its last month, or in that month's second half.
fn season_over(day: NaiveDate, last: u32) -> bool {
    day.month() > last || (day.month() == last && day.day() >= 15)
}

/// Months of a season as (first month, last month, year offset of the first month).
/// Winter runs December to February and is named by the year it ends in.
fn season_months(season: &str) -> (u32, u32, i32) {
    match season {
        "våren" | "våras" => (3, 5, 0),
        "sommaren" | "somras" => (6, 8, 0),
        "hösten" | "höstas" => (9, 11, 0),
        _ => (12, 2, -1), // vintern, vintras
    }
}

fn season(y: i32, name: &str) -> Option<Period> {
    let (m1, m2, off) = season_months(name);
    Period::months(y + off, m1, y, m2)
}

fn word_count(w: &str) -> Option<u32> {
    Some(match w {
        "två" => 2,
        "tre" => 3,
        "fyra" => 4,
        "fem" => 5,
        "sex" => 6,
        "sju" => 7,
        "åtta" => 8,
        "nio" => 9,
        "tio" => 10,
        "elva" => 11,
        "tolv" => 12,
        n => n.parse().ok()?,
    })
}

/// A family's pattern, folded (see `fold::pattern`), compiled when a sentence first holds the
/// family (as [`FAMILY_SET`] tells): a command that checks one sentence needs a few of them,
/// and compiling all 22 at start was 35 M of the 194 M instructions of an `avhopp check` of
/// one sentence.
struct TimePattern {
    family: Family,
    source: String,
    re: OnceLock<Regex>,
}

impl TimePattern {
    fn re(&self) -> &Regex {
        self.re
            .get_or_init(|| Regex::new(&self.source).expect("time pattern"))
    }
}

/// One pattern per family of expressions. Each is tried over the whole sentence; overlapping
/// matches keep the longest (so "januari–november 2024" wins over "november 2024").
static PATTERNS: LazyLock<Vec<TimePattern>> = LazyLock::new(|| {
    let p = |family: Family, re: String| TimePattern {
        family,
        source: super::fold::pattern(&re),
        re: OnceLock::new(),
    };
    vec![
        // "1 juli–30 september", "1 december 2018–31 maj 2019", "1–31 mars", "mellan 1 mars
        // och 30 juni"
        p(
            Family::DayRange,
            format!(r"\b(?:(?P<d1>\d{{1,2}})(?:\s+(?P<m1>{MONTHS})(?:\s+(?P<y1>(?:19|20)\d{{2}}))?)?\s*(?:[–—-]|till)|mellan\s+(?P<d1b>\d{{1,2}})(?:\s+(?P<m1b>{MONTHS})(?:\s+(?P<y1b>(?:19|20)\d{{2}}))?)?\s+och|den\s+(?P<d1c>\d{{1,2}})\s+och)\s*(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTHS})(?:\s+(?P<y2>(?:19|20)\d{{2}}))?\b"),
        ),
        // "januari–oktober 2024", and without a year, of the document's: "under perioden
        // januari–augusti"
        p(
            Family::MonthRange,
            format!(r"\b(?:mellan\s+|från\s+)?(?P<m1>{MONTHS})(?:\s+(?P<y1>\d{{4}}))?(?:\s*,\s*(?:{MONTHS}))*\s*(?:[–—-]|{UNTIL}|till|och)\s*(?P<m2>{MONTHS})(?:\s+(?P<y2>\d{{4}})|{REL_YEAR})?\b"),
        ),
        // A state on a day: "per den 31 oktober 2023", "per 30 april". Only after "per": a
        // date elsewhere in a sentence is mostly another event's ("enligt rapporten som
        // lämnades den 2 maj").
        p(
            Family::Day,
            format!(r"\bper\s+(?:den\s+)?(?P<d>\d{{1,2}})\s+(?P<m>{MONTHS})(?:\s+(?P<y>(?:19|20)\d{{2}}))?\b"),
        ),
        // And a date a sentence opens with, before its verb: "Den 1 mars 2016 var sex
        // tjänster vakanta".
        p(
            Family::Day,
            format!(r"^\s*(?:den\s+)?(?P<d>\d{{1,2}})\s+(?P<m>{MONTHS})(?:\s+(?P<y>(?:19|20)\d{{2}}))?,?\s+(?:var|fanns|hade|är|finns|har|uppgick|låg|ligger)\b"),
        ),
        // And the day a review or visit was made: "Arbetsmiljöverket genomförde den 12
        // februari 2019 en inspektion", "IVO besökte den 3 maj enheten".
        p(
            Family::Day,
            format!(r"\b(?:genomförde|genomfördes|gjorde|gjordes|besökte|besöktes|inspekterade|inspekterades|skedde|ägde\s+rum)\s+(?:[a-zåäö]+\s+){{0,2}}?den\s+(?P<d>\d{{1,2}})\s+(?P<m>{MONTHS})(?:\s+(?P<y>(?:19|20)\d{{2}}))?\b"),
        ),
        // A comparison's baseline is not the claim's time: "ökat med 30 procent jämfört med
        // samma period 2016" is about this year so far.
        p(
            Family::SamePeriodBefore,
            r"\b(?:jämfört\s+med|i\s+jämförelse\s+med|mot|än(?:\s+(?:under|i|för))?)\s+(?:samma|motsvarande)\s+(?:period|kvartal|tertial|halvår|månad(?:er)?)\s+(?:(?:år\s+)?(?:19|20)\d{2}|i\s+fjol|förra\s+året|föregående\s+år|året\s+innan)\b".into(),
        ),
        // "prognosen för helåret", "helåret 2021", "helårsprognosen": a forecast is of the
        // whole year, not of the months a report has counted so far.
        p(
            Family::WholeYear,
            r"\b(?:helåret|helårsprognos(?:en)?|helårsutfallet)(?:\s+(?P<y>(?:19|20)\d{2}))?\b".into(),
        ),
        // Municipal reports by four months: "tertial 2", "andra tertialet 2015"
        p(
            Family::Tertial,
            format!(r"\b(?:tertial\s+(?P<d>[1-3])|(?:årets\s+)?(?P<n>första|andra|tredje)\s+tertial(?:et)?)(?:\s+(?:år\s+)?(?P<y>(?:19|20)\d{{2}})|{REL_YEAR})?\b"),
        ),
        p(
            Family::YearRange,
            // The preposition is part of it, so that "Under 2016-2017" outweighs "Under 2016".
            r"\b(?:(?:mellan|från|under|i|åren)\s+)?(?P<y1>(?:19|20)\d{2})\s*(?:[–—-]|till|och)\s*(?P<y2>(?:19|20)\d{2})\b".into(),
        ),
        // "under" is part of it, so that "under hösten 2024" outweighs "under hösten".
        p(
            Family::Season,
            format!(r"\b(?:under\s+)?(?P<s>{SEASONS})\s+(?P<y>(?:19|20)\d{{2}})\b"),
        ),
        p(
            Family::LatestSeason,
            format!(r"\bunder\s+(?:(?:hela|början\s+av|slutet\s+av)\s+)?(?P<s>{SEASONS})\b"),
        ),
        p(
            Family::Half,
            format!(r"\b(?:årets\s+)?(?P<n>första|andra)\s+halvår(?:et)?\b(?:\s+(?:år\s+)?(?P<y>(?:19|20)\d{{2}})|{REL_YEAR})?"),
        ),
        p(
            Family::Quarter,
            format!(r"\b(?:(?:årets\s+)?(?P<n>första|andra|tredje|fjärde)\s+kvartal(?:et)?|kvartal\s+(?P<d>[1-4]))(?:\s+(?:år\s+)?(?P<y>(?:19|20)\d{{2}})|{REL_YEAR})?"),
        ),
        // The preposition is part of it, so that "under december 2022" outweighs "under
        // december" (the latest December).
        p(
            Family::MonthYear,
            format!(r"\b(?:(?:under|i|från|till|efter|före)\s+)?(?P<m>{MONTHS})\s+(?P<y>(?:19|20)\d{{2}})\b"),
        ),
        p(
            Family::SinceNewYear,
            r"\bsedan\s+(?:[\wåäö]+\s+){0,4}?(?:årsskiftet|nyår|årets\s+början|början\s+av\s+året)(?:\s+(?P<y>(?:19|20)\d{2})\s*/\s*(?:19|20)?\d{2}\b)?".into(),
        ),
        p(Family::SinceYear, r"\bsedan\s+(?:år\s+)?(?P<y>(?:19|20)\d{2})\b".into()),
        // "sedan januari i fjol", "sedan mars 2022": from that month up to the document's date.
        p(
            Family::SinceMonthOfYear,
            format!(r"\bsedan\s+(?:i\s+)?(?P<m>{MONTHS})\s+(?:(?P<y>(?:19|20)\d{{2}})|(?P<last>i\s+fjol|förra\s+året))\b"),
        ),
        // "ökat med 23 procent jämfört med 2021": a baseline (see `Family::ComparedWith`).
        p(
            Family::ComparedWith,
            r"\b(?:jämfört\s+med|i\s+jämförelse\s+med)\s+(?:år\s+)?(?P<y>(?:19|20)\d{2})\b".into(),
        ),
        p(
            Family::SinceDay,
            format!(r"\bsedan\s+(?:den\s+)?(?P<d>\d{{1,2}})\s+(?P<m>{MONTHS})(?:\s+(?P<y>(?:19|20)\d{{2}}))?\b"),
        ),
        p(
            Family::SinceMonth,
            // "sedan januari i år" too, which `Family::Month` would read as January alone.
            format!(r"\bsedan\s+(?:i\s+|början\s+av\s+|mitten\s+av\s+)?(?P<m>{MONTHS})(?:\s+i\s+år)?\b"),
        ),
        p(
            Family::LastYear,
            r"\b(?:förra\s+året|förra\s+årets|i\s+fjol|fjolåret|fjolårets|under\s+fjolåret)\b".into(),
        ),
        p(
            Family::ThisYear,
            r"\b(?:hittills\s+i\s+år|i\s+år|under\s+(?:hela\s+)?året)\b".into(),
        ),
        p(Family::PastSeason, r"\bi\s+(?P<s>våras|somras|höstas|vintras)\b".into()),
        p(
            Family::SincePastSeason,
            r"\bsedan\s+i\s+(?P<s>våras|somras|höstas|vintras)\b".into(),
        ),
        p(
            Family::LastTwelveMonths,
            r"\b(?:under\s+)?(?:det\s+senaste|det\s+gångna|senaste)\s+året\b".into(),
        ),
        p(
            Family::RecentYears,
            // And the span a change took, counted back from the text's date: "har ökat med
            // 25 procent på två år".
            r"\b(?:(?:de|under\s+de)\s+senaste\s+(?P<n>två|tre|fyra|fem|sex|sju|åtta|nio|tio|\d+)\s+åren|på\s+(?P<n2>två|tre|fyra|fem|sex|sju|åtta|nio|tio|\d+)\s+år)\b".into(),
        ),
        p(
            Family::RecentMonths,
            r"\b(?:(?:de|under\s+de)\s+senaste\s+(?P<n>två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|\d+)\s+månaderna|på\s+(?P<n2>två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|\d+)\s+månader)\b".into(),
        ),
        p(Family::LastMonth, r"\bförra\s+månaden\b".into()),
        // "för två år sedan", "för ett år sedan", "för sex månader sedan": the day that long
        // before the document's date.
        p(
            Family::Ago,
            r"\bför\s+(?P<n>ett|en|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|\d+)\s+(?P<u>år|månader|månad)\s+sedan\b".into(),
        ),
        p(
            Family::Until,
            format!(r"\b(?:{UNTIL}|fram till|fram t\.o\.m\.?)\s+(?:den\s+)?(?:\d{{1,2}}\s+)?(?P<m>{MONTHS})(?:\s+(?P<y>(?:19|20)\d{{2}}))?\b"),
        ),
        p(
            Family::Month,
            format!(r"\b(?:i|under|sedan|från)\s+(?P<m>{MONTHS})(?:\s+månad)?(?:{REL_YEAR})?\b"),
        ),
        // The months of a year so far: "årets första nio månader", "de första sex månaderna
        // 2023".
        p(
            Family::FirstMonths,
            r"\b(?:årets\s+första\s+(?P<n>två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|\d+)\s+månader(?:na)?|årets\s+(?P<n3>två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|\d+)\s+första\s+månader(?:na)?|(?:de\s+)?första\s+(?P<n2>två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|\d+)\s+månaderna\s+(?:(?:år\s+)?(?P<y>(?:19|20)\d{2})|(?P<rel>i\s+år|i\s+fjol|förra\s+året)))\b".into(),
        ),
        // A state at a year's end: "vid årsskiftet", "vid årets slut", "vid årsskiftet
        // 2022/2023", "gick in i det nya året med tolv vakanta tjänster".
        p(
            Family::YearEnd,
            r"\b(?:(?:vid|per|till|fram\s+till)\s+(?:årsskiftet|årets\s+slut|utgången\s+av\s+året|slutet\s+av\s+året|nyår)(?:\s+(?P<y>(?:19|20)\d{2})\s*/\s*(?:19|20)?\d{2})?|gick\s+in\s+i\s+(?:det\s+nya\s+)?året)\b".into(),
        ),
        // A state at the end of a month or year: "vid utgången av april 2022", "vid slutet av
        // 2023".
        p(
            Family::PeriodEnd,
            format!(r"\bvid\s+(?:utgången|slutet)\s+av\s+(?:(?P<m>{MONTHS})(?:\s+(?P<my>(?:19|20)\d{{2}}))?|(?:år\s+)?(?P<y>(?:19|20)\d{{2}}))\b"),
        ),
        // The accounts after a month are the year up to its end: "underskottet efter augusti".
        p(
            Family::AfterMonth,
            format!(r"\befter\s+(?P<m>{MONTHS})(?:\s+(?P<y>(?:19|20)\d{{2}}))?\b"),
        ),
        // A record is no period: "den lägsta nivån sedan 2014", "högsta sedan mätningarna
        // började"; nor is a time limit: "utredningstiden på fyra månader". Recognised so
        // that the time inside is not read as the claim's.
        p(
            Family::RecordSince,
            r"\b(?:(?:lägsta|högsta|största|minsta|lägst|högst|störst|minst|bästa|sämsta)\b[^.;]{0,40}?\bsedan\s+(?:år\s+)?(?:(?:19|20)\d{2}|mätningarna|starten)|(?:(?:utrednings|handläggnings|vänte)?tid(?:en)?|tidsgräns(?:en)?|frist(?:en)?)\s+(?:om|på)\s+(?:två|tre|fyra|fem|sex|\d+)\s+månader)\b".into(),
        ),
        // The same time as one named before: "under samma period", "samma år", "under
        // perioden", "under tertialet", "under granskningsperioden".
        p(
            Family::Anaphor,
            r"\b(?:(?:under|för|i)\s+)?(?:(?:samma|motsvarande)\s+(?P<what>period|år|tidsperiod|tidpunkt|kvartal|tertial|halvår)|(?:den\s+)?(?P<review>granskningsperioden|granskade\s+perioden|tillsynsperioden)|(?P<report>perioden|tertialet|kvartalet|mätperioden|redovisningsperioden|uppföljningsperioden))\b|\bvid\s+(?P<visit>tillsynstillfället|inspektionstillfället|granskningstillfället|tillsynsbesöket|inspektionen|tillsynen|besöket|intervjuerna)\b".into(),
        ),
        // The same period a year before, said of the figure before it: "4,2 miljoner kronor
        // samma period föregående år", "7,1 procent under motsvarande period i fjol".
        p(
            Family::PeriodYearBefore,
            r"\b(?:under\s+)?(?:samma|motsvarande)\s+(?:period|kvartal|tertial|halvår)\s+(?:föregående\s+år|i\s+fjol|förra\s+året|året\s+innan)\b".into(),
        ),
        // The same part of another year, said of the figure right before it: "7,1 procent,
        // jämfört med 9,3 procent under samma tertial 2021".
        p(
            Family::SamePartOfYear,
            r"\b(?:under\s+|i\s+)?(?:samma|motsvarande)\s+(?:period|tertial|kvartal|halvår)\s+(?:år\s+)?(?P<y>(?:19|20)\d{2})\b".into(),
        ),
        // The year before the one named: "fyra, jämfört med femton året innan".
        p(
            Family::YearBefore,
            r"\b(?:året\s+(?:innan|före)|föregående\s+år|ett\s+år\s+tidigare)\b".into(),
        ),
        // The year after the one named: "Året därpå slutade 148 socialsekreterare".
        p(
            Family::YearAfter,
            r"\b(?:året\s+(?:därpå|efter)|följande\s+år|ett\s+år\s+senare)\b".into(),
        ),
        // The last months of a year: "de tre sista månaderna 2015", "årets sista fyra månader".
        p(
            Family::LastMonths,
            r"\b(?:(?:de\s+)?(?P<n>två|tre|fyra|fem|sex|\d)\s+sista\s+månaderna(?:\s+(?:år\s+)?(?P<y>(?:19|20)\d{2}))?|årets\s+(?:sista\s+(?P<n2>två|tre|fyra|fem|sex|\d)|(?P<n3>två|tre|fyra|fem|sex|\d)\s+sista)\s+månader(?:na)?)\b".into(),
        ),
        // The year after the text's: "Nästa år räknar förvaltningen med 3 miljoner kronor".
        p(Family::NextYear, r"\b(?:nästa|nästkommande|kommande)\s+år\b".into()),
        // Now, as written: "Just nu har vi sex vakanta tjänster".
        p(Family::Now, r"\b(?:just\s+nu|i\s+nuläget)\b".into()),
        p(
            Family::Year,
            r"(?:\b(?:under|i|år|från|till|inför|efter|före)\s+)?\b(?P<y>(?:19|20)\d{2})\b".into(),
        ),
    ]
});

#[derive(Debug, Clone, Copy)]
enum Family {
    DayRange,
    MonthRange,
    Day,
    SamePeriodBefore,
    WholeYear,
    Tertial,
    YearRange,
    Season,
    /// "under hösten": the latest autumn begun by the document's date, up to that date.
    LatestSeason,
    Half,
    Quarter,
    MonthYear,
    SinceNewYear,
    SinceYear,
    SinceMonthOfYear,
    ComparedWith,
    /// "sedan den 1 juli": from that day (the latest before the document's date, unless
    /// a year is named) to the document's date.
    SinceDay,
    SinceMonth,
    LastYear,
    ThisYear,
    PastSeason,
    SincePastSeason,
    LastTwelveMonths,
    RecentYears,
    RecentMonths,
    LastMonth,
    /// "för två år sedan": the day that long before the document's date.
    Ago,
    Until,
    Month,
    FirstMonths,
    YearEnd,
    PeriodEnd,
    AfterMonth,
    RecordSince,
    Anaphor,
    PeriodYearBefore,
    SamePartOfYear,
    YearBefore,
    YearAfter,
    LastMonths,
    NextYear,
    Now,
    Year,
}

/// All the families' patterns in one set: one pass over a sentence tells which families
/// occur in it, and only those are run for their captures (a claim's sentence holds one
/// or two time expressions, and running each of the 22 patterns over it was a sixth of
/// claim extraction on claim-bearing text).
static FAMILY_SET: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new(PATTERNS.iter().map(|p| p.source.as_str())).expect("time patterns")
});

/// A year must not be part of a date ("2024-12-10") or a time ("05:15"), nor a figure with a
/// unit ("2000 kronor").
static NOT_A_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    // "2024-12" and "2024-12-10" are dates, but "2016-2017" is a range of years.
    Regex::new(&super::fold::pattern(
        r"\d{4}-\d{2}(?:-\d{2})?\b|\d{4}:\d|\d{4}\s*(?:kr|kronor|procent|%|ärenden|anställda|st\b)",
    ))
    .expect("not a year")
});

/// Every time expression in `sentence`, resolved against `published` where it is relative.
/// Expressions that refer back ("under samma period") resolve only to a time named before
/// them in the sentence; [`find_in`] also looks before the sentence.
pub fn find(sentence: &str, published: Option<&PubDate>) -> Vec<TimeExpr> {
    find_in(sentence, published, &mut |_| None)
}

/// How an expression found in a sentence gives its time.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Reading {
    /// Its own words: "under 2016", "i fjol".
    Own,
    /// A comparison's baseline: "jämfört med 2020".
    Baseline,
    /// The time named before it: "samma år", "under perioden".
    SameAs { year: bool, antecedent: Antecedent },
    /// A year before the time named before it, for the figure right before it.
    YearBeforeThat,
    /// The year before the time named before it, fronted, for the whole sentence: "Året
    /// innan var det 18".
    YearBeforeNamed,
    /// The year after the time named before it: "året därpå".
    YearAfterThat,
    /// The time named before it, in another year, for the figure right before it.
    SameInYear(i32),
}

/// [`find`], where `now` stands for the date relative expressions count from (the
/// publication, or the end of the period a report covers), and `before` gives the time an
/// expression that refers back means when the sentence names none before it.
pub fn find_in(
    sentence: &str,
    now: Option<&PubDate>,
    before: &mut dyn FnMut(Antecedent) -> Option<Period>,
) -> Vec<TimeExpr> {
    let published = now;
    // Patterns run over the folded sentence, lower-cased in ASCII (same offsets; see `fold`),
    // on fast DFAs; they are written in lower case, without case-insensitive Unicode classes.
    let folded = super::fold::lowered(sentence);
    let sentence = folded.as_str();
    let families = FAMILY_SET.matches(sentence);
    if !families.matched_any() {
        return Vec::new();
    }
    let blocked: Vec<(usize, usize)> = NOT_A_YEAR
        .find_iter(sentence)
        .map(|m| (m.start(), m.end()))
        .collect();
    // Each with how it gives its time.
    let mut found: Vec<(TimeExpr, Reading)> = Vec::new();
    // Expressions recognised but not resolvable (relative, no publication date): the
    // shorter expressions inside them must not stand in for them ("april 2025" inside
    // "tom 30 april 2025" is not the period).
    let mut unresolved: Vec<(usize, usize)> = Vec::new();
    for i in families.iter() {
        let pattern = &PATTERNS[i];
        for caps in pattern.re().captures_iter(sentence) {
            let m = caps.get(0).expect("whole match");
            if blocked.iter().any(|&(a, b)| m.start() < b && a < m.end()) {
                continue;
            }
            let reading = match pattern.family {
                // "Jämfört med 2019, då 14 socialsekreterare slutade": the figure of the
                // clause after it is of that year; "jämfört med samma kvartal i fjol då elva
                // slutade": of that quarter a year before.
                Family::ComparedWith if dated_clause(sentence, m.end()) => Reading::Own,
                Family::SamePeriodBefore if dated_clause(sentence, m.end()) => {
                    Reading::YearBeforeThat
                }
                Family::ComparedWith | Family::SamePeriodBefore => Reading::Baseline,
                Family::Anaphor => Reading::SameAs {
                    year: caps.name("what").is_some_and(|w| w.as_str() == "år"),
                    antecedent: if caps.name("review").is_some() {
                        Antecedent::Review
                    } else if caps.name("visit").is_some() {
                        Antecedent::Visit
                    } else if caps.name("report").is_some() {
                        Antecedent::Report
                    } else {
                        Antecedent::Last
                    },
                },
                // Fronted, "året innan" dates the sentence, as "året därpå" does; after a
                // figure, only that figure ("fyra, jämfört med femton året innan").
                Family::YearBefore if fronted(sentence, m.start()) => Reading::YearBeforeNamed,
                Family::PeriodYearBefore | Family::YearBefore => Reading::YearBeforeThat,
                Family::YearAfter => Reading::YearAfterThat,
                Family::SamePartOfYear => {
                    match caps.name("y").and_then(|y| y.as_str().parse().ok()) {
                        Some(y) => Reading::SameInYear(y),
                        None => Reading::Own,
                    }
                }
                // A time right after "jämfört med" or "än" is what the figure is set against:
                // "har ökat med 18 procent jämfört med januari–april 2023", "fler än i fjol".
                _ if compared_with(sentence, m.start(), m.end()) => Reading::Baseline,
                _ => Reading::Own,
            };
            let period = match reading {
                // Resolved below, from what the sentence names before them; until then a
                // stand-in, since only the span counts when overlapping expressions compete.
                Reading::SameAs { .. }
                | Reading::YearBeforeThat
                | Reading::YearBeforeNamed
                | Reading::YearAfterThat
                | Reading::SameInYear(_) => published
                    .map(Period::of_published)
                    .or_else(|| Period::year(2000)),
                // "jämfört med samma period föregående år" in a report: the report's period,
                // or the one the text defined ("för perioden januari–mars 2017"), else this
                // year so far.
                Reading::Baseline
                    if matches!(pattern.family, Family::SamePeriodBefore)
                        && !m.as_str().bytes().any(|b| b.is_ascii_digit()) =>
                {
                    before(Antecedent::Defined)
                        .or_else(|| resolve(pattern.family, &caps, published))
                }
                Reading::Baseline => resolve(pattern.family, &caps, published)
                    .map(|p| compared_period(pattern.family, p, published)),
                Reading::Own if matches!(pattern.family, Family::ComparedWith) => caps
                    .name("y")
                    .and_then(|y| y.as_str().parse().ok())
                    .and_then(Period::year),
                _ => resolve(pattern.family, &caps, published),
            };
            match period {
                Some(period) => found.push((
                    TimeExpr {
                        start: m.start(),
                        end: m.end(),
                        period,
                        near_only: matches!(
                            reading,
                            Reading::YearBeforeThat | Reading::SameInYear(_)
                        ),
                    },
                    reading,
                )),
                None => unresolved.push((m.start(), m.end())),
            }
        }
    }
    found.retain(|(t, _)| {
        !unresolved
            .iter()
            .any(|&(a, b)| a <= t.start && t.end <= b && b - a > t.end - t.start)
    });
    // Keep the longest of overlapping expressions; earlier families win ties.
    let mut kept: Vec<(TimeExpr, Reading)> = Vec::new();
    for (t, baseline) in found {
        let len = t.end - t.start;
        if let Some(i) = kept
            .iter()
            .position(|(k, _)| t.start < k.end && k.start < t.end)
        {
            if len > kept[i].0.end - kept[i].0.start {
                kept[i] = (t, baseline);
            }
        } else {
            kept.push((t, baseline));
        }
    }
    // A comparison's baseline gives the claim its time only when the sentence does not
    // front one of its own: "Under 2021 ökade antalet aktualiseringar med 14 procent jämfört
    // med 2020" is about 2021 (what follows the baseline, "enligt rapporten som kom i mars",
    // is no time of the claim's).
    let is_baseline = |r: &Reading| *r == Reading::Baseline;
    let first_baseline = kept
        .iter()
        .filter(|(_, r)| is_baseline(r))
        .map(|(t, _)| t.start)
        .min();
    if let Some(first) = first_baseline {
        if kept.iter().any(|(t, r)| !is_baseline(r) && t.start < first) {
            kept.retain(|(_, r)| !is_baseline(r));
        }
    }
    kept.sort_by_key(|(t, _)| t.start);
    // "under perioden 1 juli–30 september" names its period: the word refers to nothing.
    let named_next = |i: usize| {
        kept.get(i + 1).is_some_and(|(next, r)| {
            *r == Reading::Own
                && sentence
                    .get(kept[i].0.end..next.start)
                    .is_some_and(|gap| gap.trim().is_empty() || gap.trim() == ":")
        })
    };
    let kept: Vec<(TimeExpr, Reading)> = (0..kept.len())
        .filter(|&i| !(matches!(kept[i].1, Reading::SameAs { .. }) && named_next(i)))
        .map(|i| kept[i].clone())
        .collect();
    // Expressions that refer back take the time of their own kind named last before them
    // in the sentence, or else before the sentence.
    let mut out: Vec<TimeExpr> = Vec::with_capacity(kept.len());
    for (mut t, reading) in kept {
        let named_before = out
            .iter()
            .rev()
            .find(|o| o.end <= t.start && !o.near_only)
            .map(|o| o.period);
        let period = match reading {
            Reading::Own | Reading::Baseline => Some(t.period),
            Reading::SameInYear(y) => named_before.and_then(|p| p.shifted_years(y - p.from.year())),
            Reading::YearAfterThat => named_before
                .or_else(|| before(Antecedent::Last))
                .and_then(|p| Period::year(p.to.year() + 1)),
            Reading::YearBeforeNamed => named_before
                .or_else(|| before(Antecedent::Last))
                .and_then(|p| Period::year(p.from.year() - 1)),
            Reading::SameAs { year, antecedent } => named_before
                .filter(|_| !matches!(antecedent, Antecedent::Review | Antecedent::Visit))
                .or_else(|| before(antecedent))
                .map(|p| if year { p.whole_year() } else { p }),
            // Without a time before it in the sentence, the year so far is the one compared.
            // ... or the period the text defined: "Rapporten för perioden januari–mars 2017
            // ... 7 procent, jämfört med 10 procent samma period föregående år".
            Reading::YearBeforeThat => named_before
                .or_else(|| {
                    // Only a span of "samma period", not "året innan" (a year of its own).
                    (t.end - t.start > 16).then(|| before(Antecedent::Defined))?
                })
                .or_else(|| Period::so_far(published?))
                .and_then(|p| p.year_before()),
        };
        if let Some(period) = period {
            t.period = period;
            out.push(t);
        }
    }
    out
}

/// Whether the expression at `at` in the folded `sentence` starts it, but for a speech dash
/// or a conjunction: "Året innan var det 18", "– Och året innan …".
fn fronted(sentence: &str, at: usize) -> bool {
    let head = sentence[..at]
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '–' | '—' | '-' | '"' | '”'));
    matches!(head, "" | "och" | "men" | "och under" | "under")
}

/// Whether the expression at `at..end` in the folded `sentence` follows a comparison's words,
/// so that it names the baseline, not the figure's time. Not when a clause of its own
/// follows: "Jämfört med 2019, då 14 socialsekreterare slutade, ..." dates that figure.
fn compared_with(sentence: &str, at: usize, end: usize) -> bool {
    if dated_clause(sentence, end) {
        return false;
    }
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&super::fold::pattern(
            r"(?:\bjämfört\s+med|\bi\s+jämförelse\s+med|\bän)(?:\s+(?:under|i|för|vid))?\s+$",
        ))
        .expect("compared with")
    });
    let mut from = at.saturating_sub(32);
    while !sentence.is_char_boundary(from) {
        from += 1;
    }
    BEFORE.is_match(&sentence[from..at])
}

/// Whether a clause dated by the expression ending at `end` in the folded `sentence` follows
/// it: ", då 14 slutade".
fn dated_clause(sentence: &str, end: usize) -> bool {
    static THEN: LazyLock<String> = LazyLock::new(|| super::fold::lowered("då "));
    sentence[end..]
        .trim_start_matches([',', ' '])
        .starts_with(THEN.as_str())
}

/// The figure's own time, given the baseline `p` a comparison names: the same part of the
/// year after it ("18 procent fler jämfört med januari–april 2023", written in 2024, is of
/// January–April 2024), or for a whole year, this year so far ("fler än i fjol"). The
/// families that name a baseline by their own words resolve to it already.
fn compared_period(family: Family, p: Period, published: Option<&PubDate>) -> Period {
    let Some(now) = published else { return p };
    if matches!(family, Family::ComparedWith | Family::SamePeriodBefore) {
        return p;
    }
    let whole_years = (p.from.month(), p.from.day(), p.to.month(), p.to.day()) == (1, 1, 12, 31);
    if whole_years {
        if p.to.year() < now.year() {
            return Period::so_far(now).unwrap_or(p);
        }
        return p;
    }
    match p.year_after() {
        Some(after) if after.from <= now.last() => Period {
            from: after.from,
            to: after.to.min(now.last()),
        },
        _ => p,
    }
}

/// The years of a range's two ends from those it gives: "december 2018–maj" ends in 2019,
/// "januari–oktober" in the document's year (or the year before, for months still to come).
fn range_years(
    y1: Option<i32>,
    m1: u32,
    y2: Option<i32>,
    m2: u32,
    month_year: &dyn Fn(u32) -> Option<i32>,
) -> Option<(i32, i32)> {
    let crosses = m1 > m2;
    Some(match (y1, y2) {
        (Some(y1), Some(y2)) => (y1, y2),
        (Some(y1), None) => (y1, if crosses { y1 + 1 } else { y1 }),
        (None, Some(y2)) => (if crosses { y2 - 1 } else { y2 }, y2),
        (None, None) => {
            let y2 = month_year(m2)?;
            (if crosses { y2 - 1 } else { y2 }, y2)
        }
    })
}

/// From `from` up to the document's date. A document dated before `from` has a wrong date (no
/// text speaks of a time "since" after it was written), and its date is no end: the period
/// then ends with `from`'s year, the one bound the text gives, never before it starts.
fn since(from: NaiveDate, published: &PubDate) -> Option<Period> {
    let to = if published.last() >= from {
        published.last()
    } else {
        Period::year(from.year())?.to
    };
    Some(Period { from, to })
}

fn resolve(family: Family, caps: &regex::Captures, published: Option<&PubDate>) -> Option<Period> {
    let get = |name: &str| {
        caps.name(name)
            .map(|m| super::fold::unfold(&m.as_str().to_lowercase()))
    };
    let year = |name: &str| get(name).and_then(|y| y.parse::<i32>().ok());
    let pub_year = published.map(|p| p.year());
    // "i år", "i fjol" after a part of a year: the year it names.
    let rel_year = || -> Option<i32> {
        let p = published?;
        Some(match get("rel")?.split_whitespace().last()? {
            "år" => p.year(),
            _ => p.year() - 1, // "i fjol", "förra året"
        })
    };
    // A month of no year given: the document's year, or the year before for a month still to
    // come when it was written ("i november" in a February article).
    let month_year = |m: u32| -> Option<i32> {
        let p = published?;
        Some(if m <= p.last().month() {
            p.year()
        } else {
            p.year() - 1
        })
    };
    match family {
        Family::DayRange => {
            let either = |a: &str, b: &str| get(a).or_else(|| get(b));
            // "den 12 och 13 april": two days of one month.
            let d1 = either("d1", "d1b").or_else(|| get("d1c"));
            let m2 = month_number(&get("m2")?)?;
            let m1 = match either("m1", "m1b") {
                Some(m) => month_number(&m)?,
                None => m2, // "1–31 mars"
            };
            let y1 = either("y1", "y1b").and_then(|y| y.parse().ok());
            let (y1, y2) = range_years(y1, m1, year("y2"), m2, &month_year)?;
            let from = NaiveDate::from_ymd_opt(y1, m1, d1?.parse().ok()?)?;
            let to = NaiveDate::from_ymd_opt(y2, m2, get("d2")?.parse().ok()?)?;
            (from <= to).then_some(Period { from, to })
        }
        Family::MonthRange => {
            let (m1, m2) = (month_number(&get("m1")?)?, month_number(&get("m2")?)?);
            let (y1, y2) = range_years(
                year("y1"),
                m1,
                year("y2").or_else(rel_year),
                m2,
                &month_year,
            )?;
            Period::months(y1, m1, y2, m2)
        }
        Family::Day => {
            let m = month_number(&get("m")?)?;
            let y = year("y").or_else(|| month_year(m))?;
            let day = NaiveDate::from_ymd_opt(y, m, get("d")?.parse().ok()?)?;
            Some(Period { from: day, to: day })
        }
        Family::SamePeriodBefore => Period::so_far(published?),
        Family::WholeYear => Period::year(year("y").or(pub_year)?),
        Family::Tertial => {
            let t: u32 = match (get("n"), get("d")) {
                (Some(n), _) => match n.as_str() {
                    "första" => 1,
                    "andra" => 2,
                    _ => 3,
                },
                (None, Some(d)) => d.parse().ok()?,
                _ => return None,
            };
            let y = year("y").or_else(rel_year).or_else(|| month_year(t * 4))?;
            Period::months(y, t * 4 - 3, y, t * 4)
        }
        Family::YearRange => {
            let (y1, y2) = (year("y1")?, year("y2")?);
            (y1 < y2 && y2 - y1 <= 20).then_some(Period {
                from: Period::year(y1)?.from,
                to: Period::year(y2)?.to,
            })
        }
        Family::Season => season(year("y")?, &get("s")?),
        Family::LatestSeason => {
            let p = published?;
            let name = get("s")?;
            let (m1, _, off) = season_months(&name);
            let end = p.last();
            // This year's season if it had begun by then ("under hösten" in October), else
            // last year's ("under hösten" in March is the autumn before).
            let begun = |y: i32| NaiveDate::from_ymd_opt(y + off, m1, 1).is_some_and(|d| d <= end);
            let y = if begun(end.year()) {
                end.year()
            } else {
                end.year() - 1
            };
            let whole = season(y, &name)?;
            Some(Period {
                from: whole.from,
                to: whole.to.min(end),
            })
        }
        Family::Half => {
            let first_month = if get("n")?.as_str() == "första" {
                1
            } else {
                7
            };
            let y = year("y")
                .or_else(rel_year)
                .or_else(|| latest_begun(published?, first_month))?;
            Period::months(y, first_month, y, first_month + 5)
        }
        Family::Quarter => {
            let q = match (get("n"), get("d")) {
                (Some(n), _) => match n.as_str() {
                    "första" => 1,
                    "andra" => 2,
                    "tredje" => 3,
                    _ => 4,
                },
                (None, Some(d)) => d.parse().ok()?,
                _ => return None,
            };
            let y = year("y")
                .or_else(rel_year)
                .or_else(|| latest_begun(published?, q * 3 - 2))?;
            Period::months(y, q * 3 - 2, y, q * 3)
        }
        Family::MonthYear => {
            let (y, m) = (year("y")?, month_number(&get("m")?)?);
            Period::months(y, m, y, m)
        }
        Family::SinceNewYear => {
            // "sedan årsskiftet 2022/2023" is since the first of January 2023.
            let p = published?;
            let y = year("y").map_or(p.year(), |y| y + 1);
            since(NaiveDate::from_ymd_opt(y, 1, 1)?, p)
        }
        Family::SinceYear => since(NaiveDate::from_ymd_opt(year("y")?, 1, 1)?, published?),
        Family::SinceMonthOfYear => {
            let p = published?;
            let y = match year("y") {
                Some(y) => y,
                None => p.year() - 1, // "i fjol", "förra året"
            };
            since(NaiveDate::from_ymd_opt(y, month_number(&get("m")?)?, 1)?, p)
        }
        // "ökat med 23 procent jämfört med 2021": the baseline is not the time of the
        // figure, which is the year so far (in a report, the report's year). A document dated
        // in or before that year has a wrong date: the year named is the one bound left.
        Family::ComparedWith => {
            let p = published?;
            let y = year("y")?;
            if y >= p.year() {
                return since(NaiveDate::from_ymd_opt(y, 1, 1)?, p);
            }
            Period::so_far(p)
        }
        Family::SinceDay => {
            let p = published?;
            let m = month_number(&get("m")?)?;
            let d: u32 = get("d")?.parse().ok()?;
            let y = match year("y") {
                Some(y) => y,
                None if (m, d) <= (p.last().month(), p.last().day()) => p.year(),
                None => p.year() - 1,
            };
            since(NaiveDate::from_ymd_opt(y, m, d)?, p)
        }
        Family::SinceMonth => {
            let p = published?;
            let m = month_number(&get("m")?)?;
            let y = if m <= p.last().month() {
                p.year()
            } else {
                p.year() - 1
            };
            Some(Period {
                from: NaiveDate::from_ymd_opt(y, m, 1)?,
                to: p.last(),
            })
        }
        Family::LastYear => Period::year(pub_year? - 1),
        Family::ThisYear => Period::so_far(published?),
        Family::PastSeason => {
            let p = published?;
            let name = get("s")?;
            let (_, m2, _) = season_months(&name);
            // "i höstas" in a spring article is the autumn before; "i somras" in late August
            // is this summer, up to the document's date.
            let y = if season_over(p.last(), m2) || name == "vintras" {
                p.year()
            } else {
                p.year() - 1
            };
            let s = season(y, &name)?;
            Some(Period {
                to: s.to.min(p.last()),
                ..s
            })
        }
        Family::SincePastSeason => {
            // "sedan i våras": from the start of that season to the document's date.
            let p = published?;
            let name = get("s")?;
            let (_, m2, _) = season_months(&name);
            let y = if season_over(p.last(), m2) || name == "vintras" {
                p.year()
            } else {
                p.year() - 1
            };
            Some(Period {
                from: season(y, &name)?.from,
                to: p.last(),
            })
        }
        Family::LastTwelveMonths => {
            let p = published?;
            Some(Period {
                from: p.last().checked_sub_months(Months::new(12))?,
                to: p.last(),
            })
        }
        Family::RecentYears => {
            let p = published?;
            let n = word_count(&get("n").or_else(|| get("n2"))?)?;
            Some(Period {
                from: p.last().checked_sub_months(Months::new(12 * n))?,
                to: p.last(),
            })
        }
        Family::RecentMonths => {
            let p = published?;
            let n = word_count(&get("n").or_else(|| get("n2"))?)?;
            Some(Period {
                from: p.last().checked_sub_months(Months::new(n))?,
                to: p.last(),
            })
        }
        Family::LastMonth => {
            let p = published?;
            let d = p.last().checked_sub_months(Months::new(1))?;
            Period::months(d.year(), d.month(), d.year(), d.month())
        }
        Family::Ago => {
            let p = published?;
            let n = match get("n")?.as_str() {
                "ett" | "en" => 1,
                n => word_count(n)?,
            };
            let months = if get("u")? == "år" { 12 * n } else { n };
            Some(Period::day(
                p.last().checked_sub_months(Months::new(months))?,
            ))
        }
        Family::Until => {
            // "tom 30 april 2025": from the document's date up to the end of that month.
            let p = published?;
            let m = month_number(&get("m")?)?;
            let y = year("y").unwrap_or_else(|| {
                if m >= p.first.month() {
                    p.year()
                } else {
                    p.year() + 1
                }
            });
            let to = last_of_month(y, m);
            (p.first <= to).then_some(Period { from: p.first, to })
        }
        Family::Month => {
            // "i december" in a December article is this December; "i november" in a
            // February article is last November.
            let m = month_number(&get("m")?)?;
            let y = rel_year().or_else(|| month_year(m))?;
            Period::months(y, m, y, m)
        }
        Family::FirstMonths => {
            let n = word_count(&get("n").or_else(|| get("n2")).or_else(|| get("n3"))?)?;
            let y = year("y").or_else(rel_year).or(pub_year)?;
            (1..=12).contains(&n).then(|| Period::months(y, 1, y, n))?
        }
        Family::YearEnd => {
            // The last turn of the year up to the date the text counts from.
            let day = match year("y") {
                Some(y) => NaiveDate::from_ymd_opt(y, 12, 31)?,
                None => {
                    let now = published?.last();
                    let this = NaiveDate::from_ymd_opt(now.year(), 12, 31)?;
                    if now >= this {
                        this
                    } else {
                        NaiveDate::from_ymd_opt(now.year() - 1, 12, 31)?
                    }
                }
            };
            Some(Period::day(day))
        }
        Family::PeriodEnd => match get("m") {
            Some(m) => {
                let m = month_number(&m)?;
                let y = year("my").or_else(|| month_year(m))?;
                Some(Period::day(last_of_month(y, m)))
            }
            None => Some(Period::day(NaiveDate::from_ymd_opt(year("y")?, 12, 31)?)),
        },
        Family::AfterMonth => {
            let m = month_number(&get("m")?)?;
            let y = year("y").or_else(|| month_year(m))?;
            Period::months(y, 1, y, m)
        }
        // Recognised only to keep the year inside from standing for the claim's time.
        Family::RecordSince => None,
        // Resolved in `find_in`, from the time named before them.
        Family::Anaphor
        | Family::PeriodYearBefore
        | Family::SamePartOfYear
        | Family::YearBefore
        | Family::YearAfter => None,
        Family::LastMonths => {
            let n = word_count(&get("n").or_else(|| get("n2")).or_else(|| get("n3"))?)?;
            let y = year("y").or(pub_year)?;
            (1..=11)
                .contains(&n)
                .then(|| Period::months(y, 13 - n, y, 12))?
        }
        Family::Now => published.map(|p| Period::day(p.last())),
        Family::NextYear => Period::year(pub_year? + 1),
        Family::Year => Period::year(year("y")?),
    }
}

/// The period a report covers, from its title: "Årsredovisning 2019", "Personalbokslut 2023 –
/// Socialtjänstförvaltningen", "Delårsrapport januari–augusti 2019", "Uppföljning tertial 1
/// 2024". A report published in March speaks of the year before as "under året" and of its
/// state "vid årets slut"; its figures without a time of their own are of that period. Not
/// after the publication: a report on the year so far ends with the last month closed when
/// it was published.
pub fn reported_period(title: &str, published: Option<&PubDate>) -> Option<Period> {
    static REPORT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&super::fold::pattern(
            r"\b(?:års(?:redovisning|rapport|bokslut|berättelse)|verksamhetsberättelse|personal(?:bokslut|redovisning|ekonomisk)|bokslut|delårs(?:rapport|bokslut)|tertial(?:rapport|uppföljning)?|uppföljning|månads(?:rapport|uppföljning)|kvartals(?:rapport|uppföljning)|kvalitetsberättelse|patientsäkerhetsberättelse|kartläggning|(?:personal)?nyckeltal|lägesrapport|lägesbild|\w*läget\b[^.]*\bper\s+(?:den\s+)?\d)",
        ))
        .expect("report titles")
    });
    let folded = super::fold::lowered(title);
    if !REPORT.is_match(&folded) {
        return None;
    }
    let mut named = find(title, published).into_iter().next()?.period;
    // A state on a day is the year up to it: "Delårsrapport per den 31 augusti 2019",
    // "Personal- och ärendeläget per den 31 augusti 2020".
    if named.from == named.to {
        named.from = NaiveDate::from_ymd_opt(named.to.year(), 1, 1)?;
    }
    // A report on a period still running when it came out covers the months closed by
    // then: "Delårsrapport 2 2025" of 18 September 2025 is of January to August.
    let to = published.map_or(named.to, |p| {
        let day = p.last();
        if named.to <= day {
            return named.to;
        }
        let month_before = day.with_day(1).and_then(|d| d.pred_opt()).unwrap_or(day);
        if month_before >= named.from {
            month_before
        } else {
            day
        }
    });
    (named.from <= to).then_some(Period {
        from: named.from,
        to,
    })
}

/// The year of the latest part of a year that starts in `month` and had begun by the
/// publication: "andra halvåret" in a January record is the second half of the year before.
fn latest_begun(published: &PubDate, month: u32) -> Option<i32> {
    let end = published.last();
    let begun = NaiveDate::from_ymd_opt(end.year(), month, 1)? <= end;
    Some(if begun { end.year() } else { end.year() - 1 })
}

/// Years counted from another year the text named before, not from the publication: "året
/// innan" and "föregående år" (-1), "året därpå" (+1), "två år tidigare" (-2). For a figure
/// that refers back to a dated one ("Under 2023 slutade 14. Året innan var siffran nio").
pub fn years_from_before(text: &str) -> Option<i32> {
    static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:(?P<back>(?:året|ett år) (?:innan|före|tidigare)|föregående år|fg\.? år|fjolåret)|(?P<on>(?:året|ett år) (?:därpå|efter|senare))|(?P<n>två|tre|fyra|fem|[2-9]) år (?:(?P<nback>tidigare|innan|före)|senare|efter))\b",
        )
        .expect("relative years")
    });
    let caps = RELATIVE.captures(text)?;
    if caps.name("back").is_some() {
        return Some(-1);
    }
    if caps.name("on").is_some() {
        return Some(1);
    }
    let n = match &caps["n"].to_lowercase()[..] {
        "två" => 2,
        "tre" => 3,
        "fyra" => 4,
        "fem" => 5,
        digit => digit.parse().ok()?,
    };
    Some(if caps.name("nback").is_some() { -n } else { n })
}

/// The time expression nearest to `start..end` (a claim's figure), if any.
pub fn nearest(exprs: &[TimeExpr], start: usize, end: usize) -> Option<&TimeExpr> {
    // What a comparison says of its own figure ("4,2 miljoner kronor samma period
    // föregående år") is that figure's time only, and its time above all: right after it,
    // past at most its unit.
    let near = |t: &TimeExpr| !t.near_only || (t.start >= end && t.start - end <= 24);
    exprs.iter().filter(|t| near(t)).min_by_key(|t| {
        if t.near_only {
            0
        } else if t.end <= start {
            start - t.end
        } else if t.start >= end {
            // Expressions after the figure count twice as distant as before it: Swedish
            // fronts the time of a clause ("2016 slutade nära hälften och i fjol ..."), and
            // what follows a figure often opens the next clause.
            2 * (t.start - end) + 1
        } else {
            0
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every family's pattern compiles (they compile on first use), and the set tells of each
    /// sentence exactly the families whose own pattern matches it.
    #[test]
    fn every_pattern_compiles_and_the_set_agrees() {
        let sentences = [
            "under 2016-2017 slutade tio av 30",
            "mellan januari och mars 2024 fanns 45 ärenden",
            "sedan årsskiftet har fem sagt upp sig, jämfört med i fjol",
            "hösten 2023, första kvartalet 2024 och de senaste tolv månaderna",
            "inget datum alls",
        ];
        for sentence in sentences {
            let folded = super::super::fold::lowered(sentence);
            let set: Vec<usize> = FAMILY_SET.matches(&folded).iter().collect();
            let each: Vec<usize> = (0..PATTERNS.len())
                .filter(|&i| PATTERNS[i].re().is_match(&folded))
                .collect();
            assert_eq!(set, each, "{sentence}");
        }
        assert!(PATTERNS.iter().all(|p| p.re.get().is_some()));
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn one(s: &str, published: Option<&str>) -> Option<(NaiveDate, NaiveDate)> {
        let p = published.and_then(PubDate::parse);
        let found = find(s, p.as_ref());
        assert!(found.len() <= 1, "{s:?}: {found:?}");
        found.first().map(|t| (t.period.from, t.period.to))
    }

    /// The patterns are lower case and run over lower-cased text: capitals read the same.
    #[test]
    fn capitals_read_as_lower_case() {
        assert_eq!(
            one("UNDER FÖRSTA HALVÅRET 2024", None),
            Some((ymd(2024, 1, 1), ymd(2024, 6, 30)))
        );
        assert_eq!(
            one("I MARS 2023", None),
            Some((ymd(2023, 3, 1), ymd(2023, 3, 31)))
        );
    }

    #[test]
    fn since_new_year_resolves_against_the_published_date() {
        let s = "10 av 30 har sagt upp sig sedan omorganisationen vid årsskiftet.";
        assert_eq!(
            one(s, Some("2021-09-03")),
            Some((ymd(2021, 1, 1), ymd(2021, 9, 3)))
        );
        assert_eq!(
            one(
                "har 12 valt att säga upp sig sedan årsskiftet",
                Some("2021-09-03")
            ),
            Some((ymd(2021, 1, 1), ymd(2021, 9, 3)))
        );
        assert_eq!(one(s, None), None);
        // At the turn of the year is a day: the last one before the date.
        assert_eq!(
            one(
                "Vid årsskiftet var 14 tjänster vakanta.",
                Some("2021-09-03")
            ),
            Some((ymd(2020, 12, 31), ymd(2020, 12, 31)))
        );
    }

    #[test]
    fn month_ranges() {
        for s in [
            "under perioden januari- november 2024",
            "som slutat januari till november 2024",
            "mellan januari och november 2024",
            "januari–november 2024",
        ] {
            assert_eq!(
                one(s, None),
                Some((ymd(2024, 1, 1), ymd(2024, 11, 30))),
                "{s}"
            );
        }
        assert_eq!(
            one("från mars 2023 till februari 2024", None),
            Some((ymd(2023, 3, 1), ymd(2024, 2, 29)))
        );
        // Without a year: the document's, or the one before for months still to come.
        assert_eq!(
            one("under perioden januari–oktober", Some("2023-11-16")),
            Some((ymd(2023, 1, 1), ymd(2023, 10, 31)))
        );
        assert_eq!(
            one("under perioden november–december", Some("2024-02-10")),
            Some((ymd(2023, 11, 1), ymd(2023, 12, 31)))
        );
        assert_eq!(one("under perioden januari–oktober", None), None);
    }

    /// Days, ranges of days, the whole year, tertials, and a comparison's baseline.
    #[test]
    fn days_whole_years_tertials_and_baselines() {
        let published = Some("2019-09-24");
        assert_eq!(
            one(
                "Per den 31 oktober 2023 var nio tjänster vakanta",
                published
            ),
            Some((ymd(2023, 10, 31), ymd(2023, 10, 31)))
        );
        assert_eq!(
            one("redovisar per den 31 augusti ett resultat", published),
            Some((ymd(2019, 8, 31), ymd(2019, 8, 31)))
        );
        assert_eq!(
            one("under perioden 1 juli–30 september", published),
            Some((ymd(2019, 7, 1), ymd(2019, 9, 30)))
        );
        assert_eq!(
            one("under perioden 1 december 2018–31 maj 2019", None),
            Some((ymd(2018, 12, 1), ymd(2019, 5, 31)))
        );
        assert_eq!(
            one("Prognosen för helåret visar ett underskott", published),
            Some((ymd(2019, 1, 1), ymd(2019, 12, 31)))
        );
        assert_eq!(
            one("underskottet för helåret 2021", published),
            Some((ymd(2021, 1, 1), ymd(2021, 12, 31)))
        );
        assert_eq!(
            one(
                "Under tertial 2 hade varje handläggare 78 hushåll",
                published
            ),
            Some((ymd(2019, 5, 1), ymd(2019, 8, 31)))
        );
        assert_eq!(
            one("under andra tertialet 2015", None),
            Some((ymd(2015, 5, 1), ymd(2015, 8, 31)))
        );
        // "samma period 2016" is what the figure is set against: the figure is this year's
        // so far.
        assert_eq!(
            one(
                "har ökat med 30 procent jämfört med samma period 2016",
                Some("2017-09-19")
            ),
            Some((ymd(2017, 1, 1), ymd(2017, 9, 19)))
        );
        // A baseline year gives way to the sentence's own year.
        assert_eq!(
            one(
                "Under 2021 ökade antalet med 14 procent jämfört med 2020",
                Some("2022-05-24")
            ),
            Some((ymd(2021, 1, 1), ymd(2021, 12, 31)))
        );
        // A comparison's own period, fronted, wins over "samma period 2022".
        assert_eq!(
            one(
                "Under första halvåret 2023 ökade antalet med 15 procent jämfört med samma period 2022",
                Some("2024-05-10")
            ),
            Some((ymd(2023, 1, 1), ymd(2023, 6, 30)))
        );
        // What follows the baseline does not remove it: the figure takes the nearer one.
        let s = "ökade med 14 procent jämfört med 2020, enligt rapporten som kom i mars";
        let found = find(s, PubDate::parse("2024-05-10").as_ref());
        let figure = s.find("14").unwrap();
        let near = nearest(&found, figure, figure + 10).unwrap();
        assert_eq!(
            (near.period.from, near.period.to),
            (ymd(2024, 1, 1), ymd(2024, 5, 10))
        );
        // A date without "per" is another event's.
        assert_eq!(
            one(
                "enligt rapporten som lämnades till nämnden den 2 maj",
                Some("2024-05-10")
            ),
            None
        );
        assert_eq!(
            one("under perioden 1–31 mars", Some("2024-05-10")),
            Some((ymd(2024, 3, 1), ymd(2024, 3, 31)))
        );
        assert_eq!(
            one("mellan 1 mars och 30 juni", Some("2024-08-10")),
            Some((ymd(2024, 3, 1), ymd(2024, 6, 30)))
        );
        assert_eq!(
            one("under perioden 1 december 2018–31 maj", Some("2024-05-10")),
            Some((ymd(2018, 12, 1), ymd(2019, 5, 31)))
        );
        assert_eq!(
            one("december 2018–maj", Some("2024-05-10")),
            Some((ymd(2018, 12, 1), ymd(2019, 5, 31)))
        );
        // Alone, it dates the claim as the year so far: the baseline is the other year.
        assert_eq!(
            one(
                "har ökat med 14 procent jämfört med 2020",
                Some("2022-05-24")
            ),
            Some((ymd(2022, 1, 1), ymd(2022, 5, 24)))
        );
    }

    #[test]
    fn years_and_relative_years() {
        assert_eq!(
            one("Under 2016 slutade många", None),
            Some((ymd(2016, 1, 1), ymd(2016, 12, 31)))
        );
        assert_eq!(
            one("Under 2016-2017 slutade många", None),
            Some((ymd(2016, 1, 1), ymd(2017, 12, 31)))
        );
        assert_eq!(
            one("Förra året sa 12 av 21 upp sig", Some("2018")),
            Some((ymd(2017, 1, 1), ymd(2017, 12, 31)))
        );
        assert_eq!(
            one("i fjol var antalet större", Some("2018-05-02")),
            Some((ymd(2017, 1, 1), ymd(2017, 12, 31)))
        );
        assert_eq!(
            one("i år har fem slutat", Some("2024-06-10")),
            Some((ymd(2024, 1, 1), ymd(2024, 6, 10)))
        );
        assert_eq!(one("Förra året sa 12 upp sig", None), None);
    }

    #[test]
    fn seasons_halves_quarters_months() {
        assert_eq!(
            one("under hösten 2024", None),
            Some((ymd(2024, 9, 1), ymd(2024, 11, 30)))
        );
        assert_eq!(
            one("Sedan den 1 juli har 14 sagt upp sig", Some("2019-02-13")),
            Some((ymd(2018, 7, 1), ymd(2019, 2, 13)))
        );
        assert_eq!(
            one("sedan 15 mars 2017", Some("2019-02-13")),
            Some((ymd(2017, 3, 15), ymd(2019, 2, 13)))
        );
        assert_eq!(
            one("under hösten", Some("2014-03-02")),
            Some((ymd(2013, 9, 1), ymd(2013, 11, 30)))
        );
        assert_eq!(
            one("Under hösten har", Some("2014-10-15")),
            Some((ymd(2014, 9, 1), ymd(2014, 10, 15)))
        );
        assert_eq!(
            one("under vintern", Some("2014-01-20")),
            Some((ymd(2013, 12, 1), ymd(2014, 1, 20)))
        );
        assert_eq!(
            one("under våren 2019", Some("2021-09-03")),
            Some((ymd(2019, 3, 1), ymd(2019, 5, 31)))
        );
        assert_eq!(
            one("i våras", Some("2021-09-03")),
            Some((ymd(2021, 3, 1), ymd(2021, 5, 31)))
        );
        assert_eq!(
            one("i höstas", Some("2022-02-01")),
            Some((ymd(2021, 9, 1), ymd(2021, 11, 30)))
        );
        assert_eq!(
            one("första halvåret 2023", None),
            Some((ymd(2023, 1, 1), ymd(2023, 6, 30)))
        );
        assert_eq!(
            one("tredje kvartalet 2022", None),
            Some((ymd(2022, 7, 1), ymd(2022, 9, 30)))
        );
        assert_eq!(
            one("Under december 2022 slutade tre", Some("2024-05-10")),
            Some((ymd(2022, 12, 1), ymd(2022, 12, 31)))
        );
        assert_eq!(
            one("i mars 2024", None),
            Some((ymd(2024, 3, 1), ymd(2024, 3, 31)))
        );
        assert_eq!(
            one("Nuläget i december är", Some("2024-12")),
            Some((ymd(2024, 12, 1), ymd(2024, 12, 31)))
        );
        assert_eq!(
            one("de senaste två åren", Some("2018")),
            Some((ymd(2016, 12, 31), ymd(2018, 12, 31)))
        );
        assert_eq!(
            one("Tio uppsägningar på åtta månader", Some("2021-09-03")),
            Some((ymd(2021, 1, 3), ymd(2021, 9, 3)))
        );
    }

    #[test]
    fn since_a_past_season_and_the_last_year() {
        assert_eq!(
            one("sedan i våras", Some("2021-09-03")),
            Some((ymd(2021, 3, 1), ymd(2021, 9, 3)))
        );
        assert_eq!(
            one("sedan i höstas", Some("2022-02-01")),
            Some((ymd(2021, 9, 1), ymd(2022, 2, 1)))
        );
        // "för två år sedan": the day that long before the document's date
        assert_eq!(
            one("för två år sedan var vi 15", Some("2021-03-09")),
            Some((ymd(2019, 3, 9), ymd(2019, 3, 9)))
        );
        assert_eq!(
            one("mot sex för ett år sedan", Some("2026-01-13")),
            Some((ymd(2025, 1, 13), ymd(2025, 1, 13)))
        );
        assert_eq!(
            one("för sex månader sedan", Some("2024-05-31")),
            Some((ymd(2023, 11, 30), ymd(2023, 11, 30)))
        );
        assert_eq!(
            one("det senaste året", Some("2021-09-03")),
            Some((ymd(2020, 9, 3), ymd(2021, 9, 3)))
        );
        assert_eq!(one("sedan i våras", None), None);
        // The span a change took: "har ökat med 25 procent på två år".
        assert_eq!(
            one("på två år", Some("2013-11-28")),
            Some((ymd(2011, 11, 28), ymd(2013, 11, 28)))
        );
        assert_eq!(
            one("under hela året", Some("2025-10-02")),
            Some((ymd(2025, 1, 1), ymd(2025, 10, 2)))
        );
    }

    #[test]
    fn until_a_month_runs_from_the_published_date() {
        assert_eq!(
            one("tre socionomkonsulter tom 30 april 2025", Some("2024-12")),
            Some((ymd(2024, 12, 1), ymd(2025, 4, 30)))
        );
        assert_eq!(
            one("anställda till och med mars", Some("2024-10-01")),
            Some((ymd(2024, 10, 1), ymd(2025, 3, 31)))
        );
        assert_eq!(one("tom 30 april 2025", None), None);
    }

    #[test]
    fn since_a_month_of_a_year_and_compared_with_a_year() {
        assert_eq!(
            one("Sedan januari i fjol har 34 slutat", Some("2023-03-12")),
            Some((ymd(2022, 1, 1), ymd(2023, 3, 12)))
        );
        assert_eq!(
            one("sedan mars 2022", Some("2023-03-12")),
            Some((ymd(2022, 3, 1), ymd(2023, 3, 12)))
        );
        assert_eq!(
            one(
                "har tio sagt upp sig sedan januari i år",
                Some("2023-03-12")
            ),
            Some((ymd(2023, 1, 1), ymd(2023, 3, 12)))
        );
        // A document dated before the time it speaks of since: its date is no end, and the
        // period never ends before it starts.
        assert_eq!(
            one("sedan mars 2022", Some("2010-01-01")),
            Some((ymd(2022, 3, 1), ymd(2022, 12, 31)))
        );
        assert_eq!(
            one("har ökat med 56 procent sedan 2021", Some("2010-01-01")),
            Some((ymd(2021, 1, 1), ymd(2021, 12, 31)))
        );
        assert_eq!(
            one("sedan 2021", Some("2021")),
            Some((ymd(2021, 1, 1), ymd(2021, 12, 31)))
        );
        assert_eq!(
            one(
                "har ökat med 56 procent jämfört med 2021",
                Some("2010-01-01")
            ),
            Some((ymd(2021, 1, 1), ymd(2021, 12, 31)))
        );
        assert_eq!(
            one(
                "har ökat med 23 procent jämfört med 2021",
                Some("2023-03-12")
            ),
            Some((ymd(2023, 1, 1), ymd(2023, 3, 12)))
        );
    }

    type Expected = Option<(NaiveDate, NaiveDate)>;

    /// Parts of a year named relative to the document, states at a month's or year's end,
    /// and what is no period at all.
    #[test]
    fn parts_of_relative_years_ends_and_non_periods() {
        let cases: &[(&str, &str, Expected)] = &[
            (
                "under januari–september i år",
                "2023-10-09",
                Some((ymd(2023, 1, 1), ymd(2023, 9, 30))),
            ),
            (
                "under första halvåret i fjol",
                "2024-03-01",
                Some((ymd(2023, 1, 1), ymd(2023, 6, 30))),
            ),
            (
                "under andra kvartalet i år",
                "2024-08-01",
                Some((ymd(2024, 4, 1), ymd(2024, 6, 30))),
            ),
            (
                "i mars i fjol",
                "2024-08-01",
                Some((ymd(2023, 3, 1), ymd(2023, 3, 31))),
            ),
            (
                "sedan i januari",
                "2025-09-03",
                Some((ymd(2025, 1, 1), ymd(2025, 9, 3))),
            ),
            (
                "under årets första fyra månader",
                "2022-06-01",
                Some((ymd(2022, 1, 1), ymd(2022, 4, 30))),
            ),
            (
                "de första sex månaderna 2021",
                "2022-06-01",
                Some((ymd(2021, 1, 1), ymd(2021, 6, 30))),
            ),
            (
                "vid utgången av mars 2021",
                "2022-06-01",
                Some((ymd(2021, 3, 31), ymd(2021, 3, 31))),
            ),
            (
                "vid slutet av 2019",
                "2022-06-01",
                Some((ymd(2019, 12, 31), ymd(2019, 12, 31))),
            ),
            (
                "vid utgången av oktober",
                "2023-11-22",
                Some((ymd(2023, 10, 31), ymd(2023, 10, 31))),
            ),
            (
                "vid årets slut",
                "2024-02-10",
                Some((ymd(2023, 12, 31), ymd(2023, 12, 31))),
            ),
            (
                "vid årsskiftet 2019/2020",
                "2022-06-01",
                Some((ymd(2019, 12, 31), ymd(2019, 12, 31))),
            ),
            (
                "underskottet efter oktober",
                "2024-11-20",
                Some((ymd(2024, 1, 1), ymd(2024, 10, 31))),
            ),
            (
                "sedan årsskiftet 2022/2023",
                "2024-02-20",
                Some((ymd(2023, 1, 1), ymd(2024, 2, 20))),
            ),
            ("den högsta nivån sedan 2011", "2024-02-20", None),
            ("utredningstiden på fyra månader", "2024-02-20", None),
            // Refers back, and nothing before it in the sentence: no time of its own.
            ("under samma period", "2024-02-20", None),
            ("under granskningsperioden", "2024-02-20", None),
        ];
        for &(s, published, want) in cases {
            assert_eq!(one(s, Some(published)), want, "{s}");
        }
    }

    /// "samma år" takes the year named before it; what is said of a comparison's figure
    /// ("samma period i fjol", "året innan") is that figure's time only.
    #[test]
    fn references_back_and_comparisons_of_one_figure() {
        let p = PubDate::parse("2024-05-20");
        let s = "Under 2022 gick nämnden back, och samma år slutade 12";
        let found = find(s, p.as_ref());
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found
            .iter()
            .all(|t| t.period == Period::year(2022).unwrap()));
        let s = "Kostnaden var 6,1 miljoner kronor, att jämföra med 4,0 miljoner kronor samma period i fjol";
        let found = find(s, p.as_ref());
        let first = s.find("6,1").unwrap();
        let second = s.find("4,0").unwrap();
        assert_eq!(nearest(&found, first, first + 3), None);
        let near = nearest(&found, second, second + 3).unwrap();
        assert_eq!(
            (near.period.from, near.period.to),
            (ymd(2023, 1, 1), ymd(2023, 5, 20))
        );
        let s = "Sjukfrånvaron var 9,8 procent under perioden jämfört med 7,1 procent under motsvarande period föregående år";
        let mut before = |_| Period::months(2024, 1, 2024, 4);
        let found = find_in(s, p.as_ref(), &mut before);
        let first = s.find("9,8").unwrap();
        let second = s.find("7,1").unwrap();
        let at = |i: usize| {
            let t = nearest(&found, i, i + 3).unwrap();
            (t.period.from, t.period.to)
        };
        assert_eq!(at(first), (ymd(2024, 1, 1), ymd(2024, 4, 30)));
        assert_eq!(at(second), (ymd(2023, 1, 1), ymd(2023, 4, 30)));
        // "ett år tidigare" is the year before the time named for the figure before it (the
        // first figure's own time is kept apart from the comparison by the extractor).
        let s =
            "Antalet vakanta tjänster var vid årsskiftet tre, att jämföra med nio ett år tidigare";
        let found = find(s, PubDate::parse("2015-02-10").as_ref());
        let second = s.find("nio").unwrap();
        assert_eq!(
            at_in(&found, second),
            (ymd(2013, 12, 31), ymd(2013, 12, 31))
        );
    }

    fn at_in(found: &[TimeExpr], i: usize) -> (NaiveDate, NaiveDate) {
        let t = nearest(found, i, i + 3).unwrap();
        (t.period.from, t.period.to)
    }

    /// A report's title names the period it covers, never past its publication, and of a
    /// period still running then, the months closed by then.
    #[test]
    fn reported_periods_from_titles() {
        let p = |s: &str| PubDate::parse(s);
        let cases: &[(&str, &str, Expected)] = &[
            (
                "Årsredovisning 2019 – Socialnämnden",
                "2020-03-31",
                Some((ymd(2019, 1, 1), ymd(2019, 12, 31))),
            ),
            (
                "Uppföljning tertial 1 2024 – socialnämnden",
                "2024-05-20",
                Some((ymd(2024, 1, 1), ymd(2024, 4, 30))),
            ),
            (
                "Delårsrapport 2 2017",
                "2017-09-19",
                Some((ymd(2017, 1, 1), ymd(2017, 8, 31))),
            ),
            (
                "Månadsuppföljning april 2024",
                "2024-05-14",
                Some((ymd(2024, 4, 1), ymd(2024, 4, 30))),
            ),
            // No month closed yet: up to the day.
            (
                "Uppföljning 2025",
                "2025-01-15",
                Some((ymd(2025, 1, 1), ymd(2025, 1, 15))),
            ),
            ("Protokoll socialnämnden 2024-09-24", "2024-09-24", None),
            ("Tolv socialsekreterare slutade 2023", "2024-01-10", None),
            ("Verksamhetsplan 2026", "2025-11-01", None),
        ];
        for &(title, published, want) in cases {
            let got = reported_period(title, p(published).as_ref()).map(|r| (r.from, r.to));
            assert_eq!(got, want, "{title}");
        }
    }

    /// A half or a quarter without its year is the latest begun by the publication.
    #[test]
    fn halves_and_quarters_without_a_year() {
        let got = |text: &str, published: &str| one(text, Some(published));
        assert_eq!(
            got("varav sju under andra halvåret", "2026-01-20"),
            Some((ymd(2025, 7, 1), ymd(2025, 12, 31)))
        );
        assert_eq!(
            got("under första halvåret", "2026-09-01"),
            Some((ymd(2026, 1, 1), ymd(2026, 6, 30)))
        );
        assert_eq!(
            got("under fjärde kvartalet", "2024-02-10"),
            Some((ymd(2023, 10, 1), ymd(2023, 12, 31)))
        );
        assert_eq!(
            got("under andra kvartalet 2021", "2024-02-10"),
            Some((ymd(2021, 4, 1), ymd(2021, 6, 30)))
        );
    }

    /// What the `pages` set showed: "årets" parts of the year, months "till och med"
    /// a month, a date that opens its sentence, a season just over.
    #[test]
    fn parts_of_this_year_ranges_and_opening_dates() {
        let got = |text: &str, published: &str| one(text, Some(published));
        let span =
            |a: (i32, u32, u32), b: (i32, u32, u32)| Some((ymd(a.0, a.1, a.2), ymd(b.0, b.1, b.2)));
        let cases = [
            (
                "under årets första kvartal",
                "2016-04-04",
                span((2016, 1, 1), (2016, 3, 31)),
            ),
            (
                "under årets första halvår",
                "2015-08-26",
                span((2015, 1, 1), (2015, 6, 30)),
            ),
            (
                "under årets andra tertial",
                "2015-09-26",
                span((2015, 5, 1), (2015, 8, 31)),
            ),
            (
                "under årets tio första månader",
                "2014-11-20",
                span((2014, 1, 1), (2014, 10, 31)),
            ),
            (
                "januari till och med oktober 2014",
                "2014-11-20",
                span((2014, 1, 1), (2014, 10, 31)),
            ),
            (
                "från mars t.o.m. juni 2022",
                "2022-08-01",
                span((2022, 3, 1), (2022, 6, 30)),
            ),
            (
                "Den 1 mars 2016 var sex tjänster vakanta",
                "2016-03-22",
                span((2016, 3, 1), (2016, 3, 1)),
            ),
            ("i somras", "2015-08-26", span((2015, 6, 1), (2015, 8, 26))),
            ("i somras", "2015-08-05", span((2014, 6, 1), (2014, 8, 31))),
            (
                "sedan i våras",
                "2021-05-20",
                span((2021, 3, 1), (2021, 5, 20)),
            ),
        ];
        for (text, published, want) in cases {
            assert_eq!(got(text, published), want, "{text} ({published})");
        }
        // A date inside the sentence stays another event's.
        assert_ne!(
            got(
                "Enligt rapporten som lämnades den 2 maj 2016 var sex tjänster vakanta",
                "2016-06-22"
            ),
            span((2016, 5, 2), (2016, 5, 2))
        );
    }

    #[test]
    fn dates_and_money_are_not_years() {
        assert_eq!(one("Datum: 2024-12-10", None), None);
        assert_eq!(one("kostade 2000 kronor", None), None);
    }

    #[test]
    fn several_expressions_and_the_nearest() {
        let s = "2016 slutade nära hälften och i fjol var antalet mer än hälften.";
        let p = PubDate::parse("2018");
        let found = find(s, p.as_ref());
        assert_eq!(found.len(), 2);
        let first = s.find("nära").unwrap();
        assert_eq!(
            nearest(&found, first, first + 12).unwrap().period.from,
            ymd(2016, 1, 1)
        );
        let second = s.find("mer än").unwrap();
        assert_eq!(
            nearest(&found, second, second + 14).unwrap().period.from,
            ymd(2017, 1, 1)
        );
    }
}
