//! Claim extraction scored on the evaluation sets of `tests/fixtures/claims-eval` and the
//! held-out set of `tests/fixtures/claims-holdout` (synthetic documents with hand-made gold
//! claims, written without the patterns in view): the real binary extracts each set, and the
//! claims are matched with the gold as `../shared/tools/score_claims.py` matches them. A
//! change to the patterns that loses what these sets hold fails here.

mod common;

use common::{extract_jsonl, json_lines, root};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap, HashSet};

/// What a claim states, as the scorer compares it: kind, value, value_high and of (numbers
/// rounded to six places, as the scorer rounds them).
type Key = (String, Option<i64>, Option<i64>, Option<i64>);

fn key(c: &Value) -> Key {
    let num = |f: &str| c[f].as_f64().map(|x| (x * 1e6).round() as i64);
    (
        c["kind"].as_str().unwrap_or_default().to_string(),
        num("value"),
        num("value_high"),
        num("of"),
    )
}

/// A document's name without folders and extensions: "news/001_x.txt" is "001_x".
fn doc_key(doc: &str) -> String {
    let base = doc.rsplit('/').next().unwrap_or(doc);
    base.split('.').next().unwrap_or(base).to_string()
}

fn municipality(c: &Value) -> Option<String> {
    c["municipality"]
        .as_str()
        .map(|m| m.trim().to_lowercase())
        .filter(|m| !m.is_empty())
}

struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    /// Matched claims whose municipality is the gold's too.
    places_right: usize,
    /// Matched claims whose gold has a period, and of them those whose period is the gold's.
    periods: usize,
    periods_right: usize,
    misses: Vec<String>,
    extras: Vec<String>,
}

impl Score {
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    /// The scorer's municipality accuracy: of the matched claims, the share with the gold's
    /// municipality.
    fn place_accuracy(&self) -> f64 {
        self.places_right as f64 / self.tp.max(1) as f64
    }
    /// The scorer's period accuracy: of the matched claims whose gold has a period, the share
    /// with that period.
    fn period_accuracy(&self) -> f64 {
        self.periods_right as f64 / self.periods.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// The scorer's rules: per document, a figure printed more than once for one municipality
/// counts once; required gold claims are matched first where the municipality agrees too;
/// what is printed and matches no required claim is extra unless it is an optional one.
fn score(gold: &[Value], predicted: &[Value]) -> Score {
    let docs: BTreeSet<String> = gold
        .iter()
        .map(|g| doc_key(g["doc"].as_str().unwrap()))
        .collect();
    let mut s = Score {
        tp: 0,
        fp: 0,
        fn_: 0,
        places_right: 0,
        periods: 0,
        periods_right: 0,
        misses: Vec::new(),
        extras: Vec::new(),
    };
    for d in &docs {
        let of_doc = |c: &&Value| doc_key(c["doc"].as_str().unwrap_or_default()) == *d;
        let optional = |g: &&Value| g["optional"].as_bool().unwrap_or(false);
        let required: Vec<&Value> = gold
            .iter()
            .filter(of_doc)
            .filter(|g| !optional(g))
            .collect();
        let optional: HashSet<Key> = gold
            .iter()
            .filter(of_doc)
            .filter(optional)
            .map(key)
            .collect();
        let mut preds: Vec<((Key, Option<String>), &Value)> = Vec::new();
        for p in predicted.iter().filter(of_doc) {
            let k = (key(p), municipality(p));
            if !preds.iter().any(|(pk, _)| *pk == k) {
                preds.push((k, p));
            }
        }
        let printed: HashMap<&(Key, Option<String>), usize> =
            preds.iter().enumerate().map(|(i, (k, _))| (k, i)).collect();
        let mut order = required.clone();
        order.sort_by_key(|g| !printed.contains_key(&(key(g), municipality(g))));
        let mut used = vec![false; preds.len()];
        for g in order {
            let (k, m) = (key(g), municipality(g));
            let exact = printed.get(&(k.clone(), m)).copied().filter(|&i| !used[i]);
            let any = || (0..preds.len()).find(|&i| !used[i] && preds[i].0 .0 == k);
            s.places_right += usize::from(exact.is_some());
            match exact.or_else(any) {
                Some(i) => {
                    used[i] = true;
                    s.tp += 1;
                    if g["period"].is_object() {
                        let span = |v: &Value| (v["from"].clone(), v["to"].clone());
                        s.periods += 1;
                        s.periods_right += usize::from(
                            preds[i].1["period"].is_object()
                                && span(&preds[i].1["period"]) == span(&g["period"]),
                        );
                    }
                }
                None => {
                    s.fn_ += 1;
                    s.misses.push(format!("{d} {k:?} {}", g["quote"]));
                }
            }
        }
        for (i, ((k, _), p)) in preds.iter().enumerate() {
            if !used[i] && !optional.contains(k) {
                s.fp += 1;
                s.extras.push(format!("{d} {k:?} {}", p["quote"]));
            }
        }
    }
    s
}

fn evaluate(set: &str) -> Score {
    let dir = root().join("tests/fixtures").join(set);
    let (claims, _) = extract_jsonl(&dir);
    let gold_text = std::fs::read_to_string(dir.join("gold.jsonl")).expect("gold");
    let s = score(&json_lines(&gold_text), &claims);
    eprintln!(
        "{set}: tp={} fp={} fn={} precision={:.3} recall={:.3} f1={:.3} municipality accuracy={:.3}",
        s.tp,
        s.fp,
        s.fn_,
        s.precision(),
        s.recall(),
        s.f1(),
        s.place_accuracy()
    );
    s
}

/// A set of `tests/fixtures` against its floors. The misses and extra claims are printed
/// when it fails, except for the held-out set, whose misses nobody reads.
/// Scores `set` against its floors, and returns the score for further floors.
fn check(set: &str, min_f1: f64, min_precision: f64) -> Score {
    let s = evaluate(set);
    let detail = if set.starts_with("claims-holdout") {
        String::new()
    } else {
        format!(
            "\nmissed:\n  {}\nextra:\n  {}",
            s.misses.join("\n  "),
            s.extras.join("\n  ")
        )
    };
    assert!(
        s.f1() >= min_f1 && s.precision() >= min_precision,
        "{set}: F1 {:.3} (floor {min_f1}), precision {:.3} (floor {min_precision}){detail}",
        s.f1(),
        s.precision(),
    );
    s
}

/// A floor under one of a set's accuracies (municipality or period).
fn at_least(set: &str, what: &str, value: f64, floor: f64) {
    assert!(value >= floor, "{set}: {what} {value:.3} (floor {floor})");
}

// Each development set against a floor a little under what it scored when the floors were
// set (2026-12-06: F1 0.977, 0.961, 0.925, 0.848; precision 0.99, 0.98, 0.989, 0.985), so
// that a pattern change that loses claims or adds false ones fails, while the gold's
// judgement calls leave room for the one or two claims an annotator could read either way.

#[test]
fn news_articles() {
    check("claims-eval/news", 0.96, 0.97);
}

#[test]
fn municipal_records() {
    check("claims-eval/municipal", 0.95, 0.96);
}

#[test]
fn radio_debate_surveys_and_reportage() {
    check("claims-eval/mixed", 0.91, 0.96);
}

#[test]
fn regional_dailies_minutes_and_newsletters() {
    check("claims-eval/regional", 0.83, 0.96);
}

/// The sixth set (annual and personnel reports, trade press, wire items, motions,
/// supervisory decisions, council debates, testimonies, press releases): F1 0.746 unread with
/// the rules of 460f690, 0.895 after it was read and tuned on (precision 0.99).
#[test]
fn reports_decisions_motions_and_debates() {
    check("claims-eval/reports", 0.87, 0.96);
}

/// The seventh set (letters of alarm, safety representatives' requests, job ads, short web
/// news, minutes, testimonies, union surveys): with 0dcac87, F1 0.90 unread (precision 1.0,
/// recall 0.819; 12 of its 22 sidecars named a genre as type and were refused until the
/// sidecar took genre words), 0.973 after it was read and tuned on.
#[test]
fn letters_ads_testimonies_and_surveys() {
    check("claims-eval/voices", 0.95, 0.97);
}

/// The eighth set (an archive of 2010–2026: features, wire briefs, audits, a motion and its
/// reply, interim reports with tables, union reports, a radio transcript, a union club's
/// post): with 114fa42, F1 0.663 unread (4 of its 22 sidecars named "feature" or
/// "newsletter" as type and were refused; 0.791, precision 0.918, with those read), 0.981
/// after it was read and tuned on, tables included.
#[test]
fn an_archive_of_features_audits_and_tables() {
    check("claims-eval/archive", 0.96, 0.95);
}

/// The ninth set: municipal records as LibreOffice makes them into PDFs (interim and annual
/// reports, minutes, audits, a decision, a staffing plan), 15 of 16 with tables of staffing
/// figures. Unread with 860b989, F1 0.522 (precision 0.947, recall 0.360: PDF tables came
/// out as a column of labels and a column of figures); with the PDF reader's tables, 0.854;
/// 1.0 after it was read and tuned on, municipality accuracy 0.874 → 1.0 (the letterhead).
#[test]
fn municipal_records_as_pdf() {
    check("claims-eval/records", 0.97, 0.97);
}

/// The tenth set: web pages as a crawler saves them (news sites, municipal sites, unions,
/// trade press, authorities, a blog, a press release), whole HTML with no sidecars. Unread
/// with 32631f8, F1 0.868 (precision 0.938, recall 0.808, municipality accuracy 0.81: a
/// municipality's own pages never name it); 0.969 after it was read and tuned on (fact boxes,
/// leads in a header of their own, the site's owner, tables of a row per year).
#[test]
fn web_pages_as_crawled() {
    check("claims-eval/pages", 0.95, 0.93);
}

/// The eleventh set: documents on many municipalities at once (regional roundups, union
/// surveys with lists, "så ser det ut i din kommun", inspection and audit summaries, a shared
/// social committee, wire compilations, plain-text tables). Unread with fcb6f6b, F1 0.867
/// (precision 0.981, recall 0.777, municipality accuracy 0.911); 0.948 after it was read and
/// tuned on (areas wider than a municipality, lists of places, ruled tables with a column per
/// kind).
#[test]
fn overviews_of_many_municipalities() {
    check("claims-eval/overviews", 0.92, 0.96);
}

/// The twelfth set: local news and records that name the town, not the municipality ("i
/// Märsta", "socialkontoret i Kinna"), with incidental places (firms' seats, commuters,
/// conferences, surnames, streets). Unread with cef1349, F1 0.825 (precision 0.99, recall
/// 0.707) and municipality accuracy 0.222; 0.869 with the towns of `data/localities.csv`
/// (written before the set was read), 0.92 after it was read (firms' seats and where people
/// went are no place of a figure; the claims found late in the round are more often in towns
/// GeoNames' list lacks), F1 0.89.
#[test]
fn towns_that_are_no_municipality() {
    let s = check("claims-eval/towns", 0.85, 0.97);
    at_least("towns", "municipality accuracy", s.place_accuracy(), 0.9);
}

/// The thirteenth set, written blind on 2026-12-07 for periods (`claims-eval/periods`, 156
/// required claims, 153 with a period): comparisons, forecasts, surveys, inspections, report
/// periods, "året därpå". Unread with c7ac1a8: F1 0.871, period accuracy 0.748; with the
/// round's first time rules, still unread, 0.765; after the round F1 0.929 (precision 0.986),
/// period accuracy 0.955.
#[test]
fn periods_of_claims() {
    let s = check("claims-eval/periods", 0.9, 0.97);
    at_least("periods", "period accuracy", s.period_accuracy(), 0.93);
}

/// A fourteenth blind set, written for the ways a figure is said (`figures`: figures whose
/// kind or subject an earlier sentence gives, lists by year, posts filled, headcounts and
/// caseloads in many wordings). Unread with 7bac1a9: F1 0.693 (precision 0.957), period
/// accuracy 0.809; with the first rules of this round, written from the `periods` set's
/// misses before this set was read: 0.727; after the round 0.865 (precision 0.97), period
/// accuracy 0.867; after the `roles` round, whose first rules came from this set's misses,
/// 0.908 (precision 0.979), period accuracy 0.842 (more claims matched, some dated by an
/// inspection the rules do not read).
#[test]
fn figures_said_many_ways() {
    let s = check("claims-eval/figures", 0.84, 0.95);
    at_least("figures", "period accuracy", s.period_accuracy(), 0.83);
}

/// `roles`: the titles and units of social services (biståndshandläggare, familjebehandlare,
/// familjerättssekreterare, socialjouren, budget- och skuldrådgivare), headlines, briefs,
/// fact boxes and a table of units. Unread: 0.748 with 10cab58 (precision 0.915), 0.753 with
/// the round's first rules from the `figures` set's misses; after the round 0.89
/// (precision 0.947), period accuracy 0.88.
#[test]
fn roles_titles_and_units() {
    let s = check("claims-eval/roles", 0.86, 0.93);
    at_least("roles", "period accuracy", s.period_accuracy(), 0.85);
}

/// Figures whose kind the sentence before gives ("I Borlänge är siffran tio"), a year's
/// figure in parentheses, staff or posts counted before "fyra av dem": F1 0.588 with 5e1270c,
/// 0.974 after the rules of `referring.rs` (precision 1.0).
#[test]
fn figures_that_refer_back() {
    check("claims-eval/referring/positives", 0.93, 0.97);
}

/// Their look-alikes: after each claim a figure that is a yardstick, a target or another
/// measure. Only the documents' ordinary claims are gold, so every figure read as referring
/// back is an extra claim (P / R 0.971 / 0.825 with 5e1270c, 1.0 / 1.0 after).
#[test]
fn look_alikes_of_figures_that_refer_back() {
    check("claims-eval/referring/negatives", 0.95, 0.97);
}

/// The held-out set (`tests/fixtures/claims-holdout`), which nobody tunes on, held to a
/// floor under its score with the final rules of 2026-12-06 (F1 0.791, precision 0.935), so
/// that a change that makes the extractor worse on unseen text fails.
#[test]
fn held_out_set_never_tuned_on() {
    check("claims-holdout/final", 0.77, 0.91);
}

/// A second held-out set, written after the `reports` round and scored only by its totals
/// (F1 0.639 with 460f690, 0.649 with fb2803a, 0.663 with the figures that refer back;
/// precision 0.887, 0.89), held to a floor under that.
#[test]
fn second_held_out_set_never_tuned_on() {
    check("claims-holdout/second", 0.62, 0.85);
}

/// A third held-out set, written while the figures that refer back were being written and
/// scored only by its totals (F1 0.653 with 5e1270c, 0.667 after; precision 0.955).
#[test]
fn third_held_out_set_never_tuned_on() {
    check("claims-holdout/third", 0.64, 0.92);
}

/// The scoring itself, on a gold file and predictions made up for it: repeats count once,
/// optional claims are neither required nor extra, a wrong municipality still matches.
#[test]
fn scoring_follows_the_scorer() {
    let gold = json_lines(
        r#"{"doc":"a","kind":"resigned","value":10,"value_high":null,"of":30,"municipality":"Botkyrka"}
{"doc":"a","kind":"caseload","value":40,"value_high":45,"of":null,"municipality":"Botkyrka"}
{"doc":"a","kind":"staffing","value":30,"value_high":null,"of":null,"municipality":"Botkyrka","optional":true}
{"doc":"b","kind":"deficit","value":33000000,"value_high":null,"of":null,"municipality":null}"#,
    );
    let predicted = json_lines(
        r#"{"doc":"x/a.txt","kind":"resigned","value":10,"value_high":null,"of":30,"municipality":"Botkyrka"}
{"doc":"x/a.txt","kind":"resigned","value":10,"value_high":null,"of":30,"municipality":"Botkyrka"}
{"doc":"x/a.txt","kind":"staffing","value":30,"value_high":null,"of":null,"municipality":"Botkyrka"}
{"doc":"x/a.txt","kind":"caseload","value":40,"value_high":null,"of":null,"municipality":"Botkyrka"}
{"doc":"x/b.txt","kind":"deficit","value":33000000,"value_high":null,"of":null,"municipality":"Huddinge"}
{"doc":"x/c.txt","kind":"deficit","value":1,"value_high":null,"of":null,"municipality":null}"#,
    );
    let s = score(&gold, &predicted);
    // resigned and deficit match; caseload lacks its high end (a miss, and the printed one
    // is extra); the staffing is optional; document c has no gold and is not scored.
    assert_eq!((s.tp, s.fp, s.fn_), (2, 1, 1));
}
