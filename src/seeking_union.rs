//! Unions inside intersections, answered by seeking.
//!
//! Tantivy scores a union of terms (`ärenden OR underskott`) with a buffered scorer: it
//! reads every document of every term in a window of 4 096 documents into a bit set, and
//! then moves to the next window. Alone, or leading an intersection, that is the fast way to
//! visit them all. Inside an intersection whose other clauses are rarer (a word, a
//! municipality, a date range), the union is only asked whether it holds the next few
//! candidates; but every window that holds a candidate is filled whole, so the union's
//! posting lists are read end to end anyway. At a million documents that was about half of
//! the time of `socialsekreterare AND (ärenden OR underskott) AND NOT motion` with a
//! municipality and dates (tantivy's `refill` and `seek`, BENCHMARKS.md).
//!
//! [`SeekingUnion`] matches and scores what the union does (a document matches when one
//! clause does; its score is the sum of the scores of the clauses that match, tantivy's
//! `SumCombiner`), but seeks each clause to the candidate instead of filling windows.
//! [`seek_unions_in_intersections`] puts it where it pays: in place of a union of `Should`
//! clauses that is itself a clause of a boolean query with a `Must` clause. A union on its
//! own stays tantivy's, which can prune it (block-max WAND) for a top-k search.

use tantivy::query::{BooleanQuery, EnableScoring, Explanation, Occur, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TantivyError, Term, TERMINATED};

/// The union of its clauses, scored by the sum of the clauses that match.
#[derive(Debug)]
pub struct SeekingUnion {
    clauses: Vec<Box<dyn Query>>,
}

impl Clone for SeekingUnion {
    fn clone(&self) -> SeekingUnion {
        SeekingUnion {
            clauses: self.clauses.iter().map(|q| q.box_clone()).collect(),
        }
    }
}

impl Query for SeekingUnion {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let weights = self
            .clauses
            .iter()
            .map(|q| q.weight(enable_scoring))
            .collect::<tantivy::Result<_>>()?;
        Ok(Box::new(SeekingUnionWeight { weights }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for q in &self.clauses {
            q.query_terms(visitor);
        }
    }
}

struct SeekingUnionWeight {
    weights: Vec<Box<dyn Weight>>,
}

impl SeekingUnionWeight {
    fn union_scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<UnionScorer> {
        let scorers: Vec<Box<dyn Scorer>> = self
            .weights
            .iter()
            .map(|w| w.scorer(reader, boost))
            .collect::<tantivy::Result<_>>()?;
        Ok(UnionScorer::new(scorers))
    }
}

impl Weight for SeekingUnionWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(self.union_scorer(reader, boost)?))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.union_scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document #{doc} does not match"
            )));
        }
        let mut explanation = Explanation::new("sum of the clauses that match", scorer.score());
        for w in &self.weights {
            if let Ok(e) = w.explain(reader, doc) {
                explanation.add_detail(e);
            }
        }
        Ok(explanation)
    }
}

struct UnionScorer {
    scorers: Vec<Box<dyn Scorer>>,
    doc: DocId,
}

impl UnionScorer {
    fn new(scorers: Vec<Box<dyn Scorer>>) -> UnionScorer {
        let mut union = UnionScorer {
            scorers,
            doc: TERMINATED,
        };
        union.doc = union.first_doc();
        union
    }

    fn first_doc(&self) -> DocId {
        self.scorers
            .iter()
            .map(|s| s.doc())
            .min()
            .unwrap_or(TERMINATED)
    }
}

impl DocSet for UnionScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        for s in &mut self.scorers {
            if s.doc() == self.doc {
                s.advance();
            }
        }
        self.doc = self.first_doc();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for s in &mut self.scorers {
            if s.doc() < target {
                s.seek(target);
            }
        }
        self.doc = self.first_doc();
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        // At most the sum: enough for an intersection to lead with a rarer clause.
        self.scorers
            .iter()
            .fold(0u32, |n, s| n.saturating_add(s.size_hint()))
    }

    fn cost(&self) -> u64 {
        self.scorers.iter().map(|s| s.cost()).sum()
    }
}

impl Scorer for UnionScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        self.scorers
            .iter_mut()
            .filter(|s| s.doc() == doc)
            .map(|s| s.score())
            .sum()
    }
}

/// `query` with every union of `Should` clauses that is a clause of an intersection (a
/// boolean query with a `Must` clause) answered by [`SeekingUnion`]; the rest as it was.
pub fn seek_unions_in_intersections(query: &dyn Query) -> Box<dyn Query> {
    rewrite(query, false)
}

fn rewrite(query: &dyn Query, in_intersection: bool) -> Box<dyn Query> {
    let Some(boolean) = query.downcast_ref::<BooleanQuery>() else {
        return query.box_clone();
    };
    let clauses = boolean.clauses();
    let union_only = clauses.len() >= 2 && clauses.iter().all(|(o, _)| *o == Occur::Should);
    if in_intersection && union_only && boolean.get_minimum_number_should_match() <= 1 {
        return Box::new(SeekingUnion {
            clauses: clauses
                .iter()
                .map(|(_, q)| rewrite(q.as_ref(), false))
                .collect(),
        });
    }
    let has_must = clauses.iter().any(|(o, _)| *o == Occur::Must);
    Box::new(BooleanQuery::with_minimum_required_clauses(
        clauses
            .iter()
            .map(|(o, q)| (*o, rewrite(q.as_ref(), has_must)))
            .collect(),
        boolean.get_minimum_number_should_match(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::QueryParser;
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, Index};

    #[test]
    fn seeking_unions_match_and_score_as_tantivy_unions() {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer(15_000_000).unwrap();
        // Enough documents for several of tantivy's 4 096-document windows, with the words
        // in different mixes and numbers, so that scores differ.
        let words = ["a", "b", "c", "d", "e"];
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..12_000 {
            let body: Vec<&str> = (0..rng.usize(1..7))
                .map(|_| words[rng.usize(..words.len())])
                .collect();
            writer.add_document(doc!(text => body.join(" "))).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let parser = QueryParser::for_index(&index, vec![text]);
        let mut rewritten_some = 0;
        for q in [
            "+a +(b c)",
            "+a +(b c) -d",
            "a AND (b OR c OR e) AND -d",
            "+(b c) +(d e)",
            "(a AND (b OR c)) OR e",
            "b OR c",
            "+a -(b c)",
        ] {
            let query = parser.parse_query(q).unwrap();
            let rewritten = seek_unions_in_intersections(&*query);
            if format!("{rewritten:?}").contains("SeekingUnion") {
                rewritten_some += 1;
            }
            let top = TopDocs::with_limit(20_000).order_by_score();
            let expected = searcher.search(&query, &top).unwrap();
            let got = searcher.search(&rewritten, &top).unwrap();
            assert!(!expected.is_empty(), "{q} matches nothing: {query:?}");
            assert_eq!(got.len(), expected.len(), "{q}");
            for ((s1, d1), (s2, d2)) in got.iter().zip(&expected) {
                assert_eq!(d1, d2, "{q}");
                assert!(
                    (s1 - s2).abs() <= 1e-4 * s2.abs().max(1.0),
                    "{q}: {s1} != {s2}"
                );
            }
        }
        // Every query but the plain union ("b OR c") holds a union inside an intersection.
        assert_eq!(rewritten_some, 6);
    }
}
