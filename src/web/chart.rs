//! The timeline chart: municipalities down, periods across, one dot per claim in each cell,
//! coloured by kind and sized by its figure, with the figure written beside it when there is
//! room. Cells are tinted by how many claims they hold, so the busy places and times stand
//! out at a glance. Each dot carries its quote and source as an SVG `<title>` (shown on
//! hover) and links to the document view at that sentence. Runs of empty periods fold into
//! a narrow gap column, so time stays in order without wasting the width.

use super::html::{doc_href, esc, kind_color, kind_label, query_string};
use crate::claims::{ClaimUnit, Kind};
use crate::timeline::{Bucket, Point, Row};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;

/// A claim as the chart writes it beside its dot: the figure and what it counts
/// ("10 of 30 resigned", "40–45 cases/worker", "inspection finding").
fn dot_label(p: &Point) -> String {
    let c = &p.record.claim;
    let f = &p.figure;
    match p.kind {
        _ if c.value.is_none() => format!("{} finding", kind_word(p.kind)),
        Kind::Caseload if c.unit == ClaimUnit::CasesPerWorker => f.clone(),
        Kind::Inspection => format!("inspection: {f}"),
        k => format!("{f} {}", kind_word(k)),
    }
}

/// A short word for a kind, written after the figure.
fn kind_word(k: Kind) -> &'static str {
    match k {
        Kind::Resigned => "resigned",
        Kind::IntentToQuit => "want to quit",
        Kind::Caseload => "caseload",
        Kind::Vacancies => "vacant",
        Kind::Staffing => "staff",
        Kind::Consultants => "consultants",
        Kind::Inspection => "inspection",
        Kind::Deficit => "deficit",
        Kind::WorkloadChange => "workload",
        Kind::SickLeave => "sick leave",
    }
}

/// A column of the chart: a period, or a gap of empty periods.
enum Column {
    Period(String),
    Gap(String, String),
}

/// A period label as a number that counts periods (for finding gaps).
fn ordinal(bucket: Bucket, label: &str) -> Option<i64> {
    let (y, rest) = label.split_at(label.find('-').unwrap_or(label.len()));
    let y: i64 = y.parse().ok()?;
    match bucket {
        Bucket::Year => Some(y),
        Bucket::Quarter => Some(y * 4 + rest.strip_prefix("-Q")?.parse::<i64>().ok()? - 1),
        Bucket::Month => Some(y * 12 + rest.strip_prefix('-')?.parse::<i64>().ok()? - 1),
    }
}

fn label_of(bucket: Bucket, n: i64) -> String {
    match bucket {
        Bucket::Year => n.to_string(),
        Bucket::Quarter => format!("{}-Q{}", n.div_euclid(4), n.rem_euclid(4) + 1),
        Bucket::Month => format!("{}-{:02}", n.div_euclid(12), n.rem_euclid(12) + 1),
    }
}

fn columns(bucket: Bucket, periods: &BTreeSet<String>) -> Vec<Column> {
    let mut dated: Vec<(i64, String)> = periods
        .iter()
        .filter_map(|p| ordinal(bucket, p).map(|n| (n, p.clone())))
        .collect();
    dated.sort();
    let mut out = Vec::new();
    for (i, (n, label)) in dated.iter().enumerate() {
        if i > 0 {
            let prev = dated[i - 1].0;
            if n - prev == 2 {
                out.push(Column::Period(label_of(bucket, prev + 1)));
            } else if n - prev > 2 {
                out.push(Column::Gap(
                    label_of(bucket, prev + 1),
                    label_of(bucket, n - 1),
                ));
            }
        }
        out.push(Column::Period(label.clone()));
    }
    // Periods that are not dates ("undated") go last.
    for p in periods {
        if ordinal(bucket, p).is_none() {
            out.push(Column::Period(p.clone()));
        }
    }
    out
}

/// How large a figure is, 0..=1: a share for "X of Y" and percentages, else relative to the
/// largest figure of its unit in the chart.
fn magnitude(p: &Point, max_by_unit: &HashMap<ClaimUnit, f64>) -> Option<f64> {
    let c = &p.record.claim;
    let v = c.value_high.or(c.value)?;
    let m = match (c.of, c.unit) {
        (Some(of), _) if of > 0.0 => v / of,
        (_, ClaimUnit::Percent) => v / 100.0,
        (_, unit) => {
            v / max_by_unit
                .get(&unit)
                .copied()
                .filter(|m| *m > 0.0)
                .unwrap_or(v)
        }
    };
    Some(m.clamp(0.0, 1.0))
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// What the chart shows, for the summary line above it.
pub struct Chart {
    pub svg: String,
    /// Municipalities shown and in all (named ones).
    pub shown: usize,
    pub named: usize,
    /// The kinds that appear, for the legend.
    pub kinds: Vec<Kind>,
}

const LABEL_W: f64 = 190.0;
const HEADER_H: f64 = 34.0;
const LINE_H: f64 = 19.0;
const GAP_W: f64 = 30.0;
const WIDTH: f64 = 1180.0;

/// The chart of `rows` (as [`crate::timeline::build`] orders them): the `top`
/// municipalities with most claims, and the claims that name none in a last row.
pub fn render(rows: &[Row], bucket: Bucket, top: usize, link_params: &[(&str, &str)]) -> Chart {
    // Municipalities in the order of the rows: most claims first, unnamed last.
    let mut order: Vec<Option<String>> = Vec::new();
    let mut totals: HashMap<Option<String>, usize> = HashMap::new();
    for r in rows {
        if !order.contains(&r.municipality) {
            order.push(r.municipality.clone());
        }
        *totals.entry(r.municipality.clone()).or_default() += r.claims.len();
    }
    let named = order.iter().filter(|m| m.is_some()).count();
    let mut shown: Vec<Option<String>> = order
        .iter()
        .filter(|m| m.is_some())
        .take(top)
        .cloned()
        .collect();
    if order.contains(&None) {
        shown.push(None);
    }
    let cells: BTreeMap<(Option<String>, String), &Row> = rows
        .iter()
        .filter(|r| shown.contains(&r.municipality))
        .map(|r| ((r.municipality.clone(), r.period.clone()), r))
        .collect();
    let periods: BTreeSet<String> = cells.keys().map(|(_, p)| p.clone()).collect();
    let cols = columns(bucket, &periods);
    let mut max_by_unit: HashMap<ClaimUnit, f64> = HashMap::new();
    let mut kinds: BTreeSet<Kind> = BTreeSet::new();
    let mut busiest = 1;
    for row in cells.values() {
        busiest = busiest.max(row.claims.len());
        for p in &row.claims {
            kinds.insert(p.kind);
            if let Some(v) = p.record.claim.value_high.or(p.record.claim.value) {
                let m = max_by_unit.entry(p.record.claim.unit).or_insert(0.0);
                *m = m.max(v);
            }
        }
    }

    let n_periods = cols
        .iter()
        .filter(|c| matches!(c, Column::Period(_)))
        .count()
        .max(1);
    let n_gaps = cols.len() - n_periods.min(cols.len());
    let col_w = ((WIDTH - LABEL_W - GAP_W * n_gaps as f64) / n_periods as f64).clamp(44.0, 230.0);
    let labels = col_w >= 100.0;
    let per_line = if labels {
        1
    } else {
        (((col_w - 8.0) / 17.0).floor() as usize).max(1)
    };
    let chars = ((col_w - 30.0) / 6.4).floor().max(4.0) as usize;
    let xs: Vec<(f64, f64)> = {
        let mut x = LABEL_W;
        cols.iter()
            .map(|c| {
                let w = if matches!(c, Column::Gap(..)) {
                    GAP_W
                } else {
                    col_w
                };
                let at = (x, w);
                x += w;
                at
            })
            .collect()
    };
    let width = xs.last().map_or(LABEL_W + col_w, |(x, w)| x + w) + 8.0;
    let row_h: Vec<f64> = shown
        .iter()
        .map(|m| {
            let most = cols
                .iter()
                .filter_map(|c| match c {
                    Column::Period(p) => cells.get(&(m.clone(), p.clone())).map(|r| r.claims.len()),
                    Column::Gap(..) => None,
                })
                .max()
                .unwrap_or(0);
            let lines = most.div_ceil(per_line).max(1);
            (lines as f64 * LINE_H + 24.0).max(44.0)
        })
        .collect();
    let height = HEADER_H + row_h.iter().sum::<f64>() + 6.0;

    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" role=\"img\" aria-label=\"Claims per municipality and period\" \
         font-family=\"system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', sans-serif\">"
    );
    // Column heads.
    for (c, (x, w)) in cols.iter().zip(&xs) {
        match c {
            Column::Period(p) => {
                let _ = write!(
                    s,
                    "<text x=\"{:.1}\" y=\"22\" font-size=\"13\" font-weight=\"600\" fill=\"#222\">{}</text>",
                    x + 6.0,
                    esc(p)
                );
            }
            Column::Gap(a, b) => {
                let _ = write!(
                    s,
                    "<g><title>{} – {}: no claims</title><text x=\"{:.1}\" y=\"22\" font-size=\"13\" fill=\"#999\" text-anchor=\"middle\">⋯</text></g>",
                    esc(a),
                    esc(b),
                    x + w / 2.0
                );
            }
        }
    }
    let mut y = HEADER_H;
    for (m, h) in shown.iter().zip(&row_h) {
        // Row band and its label.
        let _ = write!(
            s,
            "<line x1=\"0\" x2=\"{width:.0}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#ddd\"/>"
        );
        let total = totals.get(m).copied().unwrap_or(0);
        let count = if total == 1 {
            "1 claim".to_string()
        } else {
            format!("{total} claims")
        };
        match m {
            Some(name) => {
                let mut params: Vec<(&str, &str)> = link_params.to_vec();
                params.retain(|(k, _)| *k != "municipality" && *k != "top");
                params.push(("municipality", name));
                let _ = write!(
                    s,
                    "<a href=\"/timeline{}\"><text x=\"8\" y=\"{:.1}\" font-size=\"15\" font-weight=\"700\" fill=\"#111\">{}</text></a>",
                    esc(&query_string(&params)),
                    y + 20.0,
                    esc(&clip(name, 22))
                );
            }
            None => {
                let _ = write!(
                    s,
                    "<text x=\"8\" y=\"{:.1}\" font-size=\"14\" font-style=\"italic\" fill=\"#555\">Municipality not named</text>",
                    y + 20.0
                );
            }
        }
        let _ = write!(
            s,
            "<text x=\"8\" y=\"{:.1}\" font-size=\"12\" fill=\"#666\">{count}</text>",
            y + 37.0
        );
        for (c, (x, w)) in cols.iter().zip(&xs) {
            let Column::Period(p) = c else {
                let _ = write!(
                    s,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#f4f4f4\"/>",
                    x + 1.0,
                    y + 1.0,
                    w - 2.0,
                    h - 2.0
                );
                continue;
            };
            let Some(row) = cells.get(&(m.clone(), p.clone())) else {
                let _ = write!(
                    s,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"none\" stroke=\"#eee\"/>",
                    x + 1.0,
                    y + 1.0,
                    w - 2.0,
                    h - 2.0
                );
                continue;
            };
            // The tint says how busy the cell is.
            let heat = 0.12 + 0.38 * (row.claims.len() as f64 / busiest as f64);
            let sources = if row.sources == 1 {
                "1 source".to_string()
            } else {
                format!("{} sources", row.sources)
            };
            let _ = write!(
                s,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"4\" fill=\"#f5a623\" fill-opacity=\"{heat:.2}\"><title>{}, {}: {} claims from {sources}</title></rect>",
                x + 1.0,
                y + 1.0,
                w - 2.0,
                h - 2.0,
                esc(m.as_deref().unwrap_or("Municipality not named")),
                esc(p),
                row.claims.len()
            );
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"#7a5a1e\">{}</text>",
                x + 6.0,
                y + 13.0,
                esc(&if labels {
                    format!(
                        "{} · {sources}",
                        if row.claims.len() == 1 {
                            "1 claim".into()
                        } else {
                            format!("{} claims", row.claims.len())
                        }
                    )
                } else {
                    row.claims.len().to_string()
                })
            );
            for (i, pt) in row.claims.iter().enumerate() {
                let line = i / per_line;
                let slot = i % per_line;
                let cy = y + 18.0 + LINE_H * line as f64 + LINE_H / 2.0;
                let cx = x + 12.0 + 17.0 * slot as f64;
                let color = kind_color(pt.kind);
                let r = &pt.record;
                let tip = format!(
                    "{}: {}{}\n“{}”\n{}, {}\nClick to read it in the document.",
                    kind_label(pt.kind),
                    pt.figure,
                    r.claim
                        .municipality
                        .as_deref()
                        .map_or(String::new(), |m| format!(" · {m}")),
                    clip(r.claim.quote.trim(), 300),
                    r.publisher.as_deref().unwrap_or("unknown publisher"),
                    r.published.as_deref().unwrap_or("undated"),
                );
                let dot = match magnitude(pt, &max_by_unit) {
                    Some(m) => format!(
                        "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{:.1}\" fill=\"{color}\" stroke=\"#fff\" stroke-width=\"1\"/>",
                        3.0 + 5.0 * m.sqrt()
                    ),
                    None => format!(
                        "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"5\" fill=\"#fff\" stroke=\"{color}\" stroke-width=\"2.5\"/>"
                    ),
                };
                let text = if labels {
                    format!(
                        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"#222\">{}</text>",
                        cx + 12.0,
                        cy + 4.0,
                        esc(&clip(&dot_label(pt), chars))
                    )
                } else {
                    String::new()
                };
                let _ = write!(
                    s,
                    "<a href=\"{}\" class=\"claim\"><title>{}</title>{dot}{text}</a>",
                    esc(&doc_href(&r.claim.doc, Some(r.claim.span))),
                    esc(&tip)
                );
            }
        }
        y += h;
    }
    let _ = write!(
        s,
        "<line x1=\"0\" x2=\"{width:.0}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#ddd\"/></svg>"
    );
    Chart {
        svg: s,
        shown: shown.iter().filter(|m| m.is_some()).count(),
        named,
        kinds: kinds.into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_fold_and_single_empty_periods_stay() {
        let periods: BTreeSet<String> = ["2016", "2018", "2021", "2025", "undated"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let cols = columns(Bucket::Year, &periods);
        let names: Vec<String> = cols
            .iter()
            .map(|c| match c {
                Column::Period(p) => p.clone(),
                Column::Gap(a, b) => format!("{a}..{b}"),
            })
            .collect();
        assert_eq!(
            names,
            [
                "2016",
                "2017",
                "2018",
                "2019..2020",
                "2021",
                "2022..2024",
                "2025",
                "undated"
            ]
        );
        assert_eq!(ordinal(Bucket::Quarter, "2021-Q3"), Some(2021 * 4 + 2));
        assert_eq!(label_of(Bucket::Quarter, 2021 * 4 + 2), "2021-Q3");
        assert_eq!(
            label_of(
                Bucket::Month,
                ordinal(Bucket::Month, "2024-12").unwrap() + 1
            ),
            "2025-01"
        );
    }
}
