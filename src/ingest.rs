//! Ingest: files and folders into the index, one document at a time, with a progress bar.
//!
//! Every file is read, its language detected, its claims extracted, and both stored. A file
//! that cannot be read gets a one-line error and the run goes on; what was added is committed
//! every [`COMMIT_INTERVAL`], so a crash loses at most that much (a rerun skips what was
//! committed).

use crate::claims::{self, Claim, DocContext};
use crate::document::{self, Defaults, Document};
use crate::geo::{self, Mention};
use crate::index::{Added, AvhoppIndex};
use crate::lang;
use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// How often an ingest commits. A commit writes what the writer holds as segments, syncs
/// and reopens the reader. A commit every 1 000 documents was a quarter of the ingest time
/// at scale; every 10 000, the small segments it wrote cost a merge each (a tenth of a
/// build's CPU time). Between commits the writer writes a segment whenever its memory
/// budget is full, segments big enough never to need merging.
pub const COMMIT_INTERVAL: std::time::Duration = std::time::Duration::from_secs(10);
/// Documents read and analysed in parallel before they are added in order.
pub const CHUNK: usize = 256;

type Analysed = Result<(Document, Analysis), document::ReadError>;

/// Reads and analyses one input.
fn read_and_analyse(input: &Input, defaults: &Defaults) -> Analysed {
    let doc = document::read(&input.path, &input.display, defaults)?;
    let analysis = analyse(&doc);
    Ok((doc, analysis))
}

/// Runs `analyse` over the items of `chunks` on all cores, a chunk at a time, and hands each
/// item with its result to `add` on this thread, in order, while the next chunk is analysed.
///
/// Adding (index look-ups, the writer's queue) is serial: without the overlap the other
/// cores waited for it (an ingest used 0.9 of the 2 cores). In order, so that which copy of
/// a duplicate wins never depends on thread timing; memory stays bounded by three chunks
/// (being added, waiting in the channel, being analysed). `chunks` is drawn on the
/// analysing side too, so reading the input (splitting a file into lines, say) overlaps
/// with adding as well. Analysis runs on rayon's pool, whose threads live as long as the
/// process, not on threads started for each chunk: the claim rules' lazy DFAs are built
/// state by state as text needs them and kept per thread (in the regex crate's pool, keyed
/// by thread), so fresh threads started over from cold caches, and building DFA states
/// was a sixth of a build's instructions. An error from `add` ends the run.
pub fn pipelined<I, R>(
    chunks: impl Iterator<Item = Vec<I>> + Send,
    analyse: impl Fn(&I) -> R + Sync,
    mut add: impl FnMut(I, R) -> Result<()>,
) -> Result<()>
where
    I: Send + Sync,
    R: Send,
{
    let analyse = &analyse;
    std::thread::scope(|scope| -> Result<()> {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(I, R)>>(1);
        // The claim rules' one-time set-up, beside the first chunk (see `claims::prepare`);
        // not when there is nothing to analyse.
        let mut chunks = chunks.peekable();
        if chunks.peek().is_some() {
            scope.spawn(crate::claims::prepare);
        }
        scope.spawn(move || {
            for chunk in chunks {
                let results: Vec<R> = chunk.par_iter().map(analyse).collect();
                // A closed channel means adding failed and the run is over.
                if tx.send(chunk.into_iter().zip(results).collect()).is_err() {
                    break;
                }
            }
        });
        for done in rx {
            for (item, result) in done {
                add(item, result)?;
            }
        }
        Ok(())
    })
}

/// A file to read, with the path to show for it.
#[derive(Debug, Clone)]
pub struct Input {
    pub path: PathBuf,
    pub display: String,
    /// Its absolute path with no symbolic links (`fs::canonicalize`), which the index keys
    /// it by.
    pub key: String,
}

/// Files named on the command line, and those found under folders named there (sorted, so
/// runs are repeatable). Sidecars, hidden files and unsupported types inside folders are
/// skipped and counted; a path that does not exist is an error.
pub struct Inputs {
    pub files: Vec<Input>,
    pub skipped: usize,
    /// The names of the first few files skipped, for the summary line.
    pub skipped_names: Vec<String>,
    pub missing: Vec<String>,
}

/// How many skipped files the summary names; the rest it only counts.
const SKIPPED_NAMED: usize = 3;

pub fn collect(paths: &[PathBuf]) -> Inputs {
    let mut inputs = Inputs {
        files: Vec::new(),
        skipped: 0,
        skipped_names: Vec::new(),
        missing: Vec::new(),
    };
    for p in paths {
        if p.is_dir() {
            // Canonical once per folder: the walk follows no symbolic link below it (and
            // skips linked files), so a file's canonical path is the folder's joined with
            // the rest. Canonicalizing each file took a `readlink` per component of its path
            // on the thread that adds documents to the index.
            let root = std::fs::canonicalize(p).ok();
            let walker = WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                });
            for entry in walker.flatten() {
                if !entry.file_type().is_file() {
                    continue;
                }
                let path = entry.path();
                if document::is_sidecar(path) {
                    continue;
                }
                if !document::is_supported(path) {
                    inputs.skipped += 1;
                    if inputs.skipped_names.len() < SKIPPED_NAMED {
                        let name = path.strip_prefix(p).unwrap_or(path);
                        inputs.skipped_names.push(name.display().to_string());
                    }
                    continue;
                }
                let key = match (&root, path.strip_prefix(p)) {
                    (Some(root), Ok(rest)) => root.join(rest).display().to_string(),
                    _ => absolute(path),
                };
                inputs.files.push(Input {
                    path: path.to_path_buf(),
                    display: path.display().to_string(),
                    key,
                });
            }
        } else if p.exists() {
            inputs.files.push(Input {
                path: p.clone(),
                display: p.display().to_string(),
                key: absolute(p),
            });
        } else {
            inputs
                .missing
                .push(format!("{}: no such file or folder", p.display()));
        }
    }
    inputs
}

/// What analysis finds in a document, for the index.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// The language's ISO 639-3 code ("swe"), None when the text is too short to tell.
    pub lang: Option<&'static str>,
    /// Claims, only for Swedish text.
    pub claims: Vec<Claim>,
    /// Every municipality mention in the text, in order (the index files the document under
    /// each municipality).
    pub mentions: Vec<Mention>,
    /// The document's identity, [`Document::content_hash`]: hashed here, on the analysis
    /// threads, since the hash reads the whole text byte by byte.
    pub doc_id: String,
}

/// The language, municipality mentions and claims of a document: claims only for Swedish
/// text. Runs on the analysis threads, so that adding (which is serial) has little to do.
pub fn analyse(doc: &Document) -> Analysis {
    let lang = lang::detect(&doc.text);
    let mentions = geo::find_mentions(&doc.text);
    let doc_id = doc.content_hash();
    if !lang::is_swedish(lang) {
        return Analysis {
            lang,
            claims: Vec::new(),
            mentions,
            doc_id,
        };
    }
    let ctx = DocContext {
        doc: doc.path.clone(),
        published: doc.published,
        municipality: doc.municipality,
        title: doc.title.clone(),
    };
    let claims = claims::extract_given_mentions(&doc.text, &ctx, &mentions);
    Analysis {
        lang,
        claims,
        mentions,
        doc_id,
    }
}

/// What an ingest run did.
#[derive(Debug, Default)]
pub struct Summary {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub duplicates: usize,
    pub claims: usize,
    pub not_swedish: usize,
    /// Files in the folders given that are of no type avhopp reads.
    pub skipped: usize,
    /// The first few of them, as found under their folder.
    pub skipped_names: Vec<String>,
    pub failed: usize,
}

impl Summary {
    pub fn line(&self) -> String {
        format!(
            "{} documents added, {} updated, {} unchanged, {} duplicates; {} claims; {} not Swedish (no claims); {}; {} failed",
            self.added,
            self.replaced,
            self.unchanged,
            self.duplicates,
            self.claims,
            self.not_swedish,
            self.skipped_part(),
            self.failed
        )
    }

    /// "1 skipped (not a document type: sources.toml)": a newcomer who sees only a count
    /// wonders which file was lost.
    fn skipped_part(&self) -> String {
        if self.skipped == 0 || self.skipped_names.is_empty() {
            return format!("{} skipped", self.skipped);
        }
        let more = if self.skipped > self.skipped_names.len() {
            format!(" and {} more", self.skipped - self.skipped_names.len())
        } else {
            String::new()
        };
        format!(
            "{} skipped (not a document type: {}{more})",
            self.skipped,
            self.skipped_names.join(", ")
        )
    }
}

fn absolute(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// Ingests `paths` into `index`. Problems with single files are reported through `report`
/// (one line each) and counted; only an index failure stops the run.
pub fn run(
    index: &AvhoppIndex,
    paths: &[PathBuf],
    defaults: &Defaults,
    show_progress: bool,
    mut report: impl FnMut(&str),
) -> Result<Summary> {
    let mut inputs = collect(paths);
    let mut summary = Summary {
        skipped: inputs.skipped,
        skipped_names: std::mem::take(&mut inputs.skipped_names),
        ..Summary::default()
    };
    for m in &inputs.missing {
        report(m);
        summary.failed += 1;
    }
    let bar = if show_progress {
        ProgressBar::new(inputs.files.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} indexing [{bar:30}] {pos}/{len} documents {per_sec} {msg}",
        )
        .expect("progress template")
        .progress_chars("=> "),
    );
    let mut writer = index.writer()?;
    let mut last_commit = std::time::Instant::now();
    let chunks = inputs
        .files
        .chunks(CHUNK)
        .map(|c| c.iter().collect::<Vec<&Input>>());
    let read = |input: &&Input| read_and_analyse(input, defaults);
    pipelined(chunks, read, |input, result| {
        bar.inc(1);
        let (doc, analysis) = match result {
            Ok(r) => r,
            Err(e) => {
                bar.suspend(|| report(&e.to_string()));
                summary.failed += 1;
                return Ok(());
            }
        };
        for w in &doc.warnings {
            bar.suspend(|| report(w));
        }
        if !lang::is_swedish(analysis.lang) {
            summary.not_swedish += 1;
        }
        match writer.add(&doc, &input.key, &analysis)? {
            Added::New => {
                summary.added += 1;
                summary.claims += analysis.claims.len();
            }
            Added::Replaced => {
                summary.replaced += 1;
                summary.claims += analysis.claims.len();
            }
            Added::Unchanged => summary.unchanged += 1,
            Added::Duplicate(of) => {
                summary.duplicates += 1;
                bar.suspend(|| {
                    report(&format!(
                        "{}: same text as {of}, indexed once",
                        input.display
                    ))
                });
            }
        }
        if last_commit.elapsed() >= COMMIT_INTERVAL {
            writer.commit()?;
            last_commit = std::time::Instant::now();
        }
        Ok(())
    })?;
    writer.finish()?;
    bar.finish_and_clear();
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file's key is its canonical path, however the folder above it was named: relative,
    /// through "..", or through a symbolic link.
    #[cfg(unix)]
    #[test]
    fn keys_are_canonical_paths() {
        let tmp = tempfile::TempDir::new().unwrap();
        let real = tmp.path().join("real");
        std::fs::create_dir_all(real.join("a/b")).unwrap();
        std::fs::write(real.join("a/b/one.txt"), "Hej.").unwrap();
        std::fs::write(real.join("two.txt"), "Hej.").unwrap();
        let linked = tmp.path().join("linked");
        std::os::unix::fs::symlink(&real, &linked).unwrap();
        let roundabout = real.join("a/../a");
        for root in [real.clone(), linked, roundabout] {
            let inputs = collect(std::slice::from_ref(&root));
            assert_eq!(inputs.files.len(), if root.ends_with("a") { 1 } else { 2 });
            for input in &inputs.files {
                let canonical = std::fs::canonicalize(&input.path).unwrap();
                assert_eq!(input.key, canonical.display().to_string(), "{root:?}");
                assert!(input
                    .key
                    .starts_with(&*std::fs::canonicalize(tmp.path()).unwrap().to_string_lossy()));
            }
        }
        // A file named on its own, by a relative-looking path.
        let inputs = collect(&[real.join("a/b/../b/one.txt")]);
        assert_eq!(
            inputs.files[0].key,
            std::fs::canonicalize(real.join("a/b/one.txt"))
                .unwrap()
                .display()
                .to_string()
        );
    }

    /// The summary names the first few files it skipped, in the walk's order, and counts
    /// the rest.
    #[test]
    fn summary_names_skipped_files() {
        let tmp = tempfile::TempDir::new().unwrap();
        std::fs::create_dir_all(tmp.path().join("sub")).unwrap();
        std::fs::write(tmp.path().join("one.txt"), "Hej.").unwrap();
        for name in ["e.csv", "b.toml", "sub/a.xlsx", "d.json", "c.md"] {
            std::fs::write(tmp.path().join(name), "x").unwrap();
        }
        let inputs = collect(&[tmp.path().to_path_buf()]);
        assert_eq!(inputs.files.len(), 1);
        assert_eq!(inputs.skipped, 5);
        assert_eq!(inputs.skipped_names, ["b.toml", "c.md", "d.json"]);
        let summary = Summary {
            skipped: inputs.skipped,
            skipped_names: inputs.skipped_names,
            ..Summary::default()
        };
        assert!(
            summary
                .line()
                .contains("; 5 skipped (not a document type: b.toml, c.md, d.json and 2 more); "),
            "{}",
            summary.line()
        );
        let none = Summary::default().line();
        assert!(none.contains("; 0 skipped; 0 failed"), "{none}");
    }
}
