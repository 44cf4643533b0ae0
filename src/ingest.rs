//! Ingest: files and folders into the index, one document at a time, with a progress bar.
//!
//! Every file is read, its language detected, its claims extracted, and both stored. A file
//! that cannot be read gets a one-line error and the run goes on; what was added is committed
//! every [`COMMIT_EVERY`] documents or [`COMMIT_INTERVAL`], whichever comes first, so a crash
//! loses at most that much (a rerun skips what was committed).

use crate::claims::{self, Claim, DocContext};
use crate::document::{self, Defaults, Document};
use crate::index::{Added, AvhoppIndex};
use crate::lang;
use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// A commit writes a segment, syncs and reopens the reader; every 1 000 documents that was
/// a quarter of the ingest time at scale (and a thousand small segments to merge at 1M).
const COMMIT_EVERY: usize = 10_000;
const COMMIT_INTERVAL: std::time::Duration = std::time::Duration::from_secs(10);
/// Documents read and analysed in parallel before they are added in order.
const CHUNK: usize = 256;

type Analysed = Result<(Document, Option<&'static str>, Vec<Claim>), document::ReadError>;

/// Reads and analyses `inputs` on `workers` threads; results come back in input order.
fn analyse_all(inputs: &[Input], defaults: &Defaults, workers: usize) -> Vec<Analysed> {
    let one = |input: &Input| -> Analysed {
        let doc = document::read(&input.path, &input.display, defaults)?;
        let (code, claims) = analyse(&doc);
        Ok((doc, code, claims))
    };
    if workers <= 1 || inputs.len() < 2 {
        return inputs.iter().map(one).collect();
    }
    let per_worker = inputs.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let handles: Vec<_> = inputs
            .chunks(per_worker)
            .map(|part| scope.spawn(move || part.iter().map(one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("analysis thread panicked"))
            .collect()
    })
}

/// A file to read, with the path to show for it.
#[derive(Debug, Clone)]
pub struct Input {
    pub path: PathBuf,
    pub display: String,
}

/// Files named on the command line, and those found under folders named there (sorted, so
/// runs are repeatable). Sidecars, hidden files and unsupported types inside folders are
/// skipped and counted; a path that does not exist is an error.
pub struct Inputs {
    pub files: Vec<Input>,
    pub skipped: usize,
    pub missing: Vec<String>,
}

pub fn collect(paths: &[PathBuf]) -> Inputs {
    let mut inputs = Inputs {
        files: Vec::new(),
        skipped: 0,
        missing: Vec::new(),
    };
    for p in paths {
        if p.is_dir() {
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
                    continue;
                }
                inputs.files.push(Input {
                    path: path.to_path_buf(),
                    display: path.display().to_string(),
                });
            }
        } else if p.exists() {
            inputs.files.push(Input {
                path: p.clone(),
                display: p.display().to_string(),
            });
        } else {
            inputs
                .missing
                .push(format!("{}: no such file or folder", p.display()));
        }
    }
    inputs
}

/// The language and claims of a document: claims only for Swedish text.
pub fn analyse(doc: &Document) -> (Option<&'static str>, Vec<Claim>) {
    let code = lang::detect(&doc.text);
    if !lang::is_swedish(code) {
        return (code, Vec::new());
    }
    let ctx = DocContext {
        doc: doc.path.clone(),
        published: doc.published,
        municipality: doc.municipality,
    };
    (code, claims::extract(&doc.text, &ctx))
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
    pub skipped: usize,
    pub failed: usize,
}

impl Summary {
    pub fn line(&self) -> String {
        format!(
            "{} documents added, {} updated, {} unchanged, {} duplicates; {} claims; {} not Swedish (no claims); {} skipped; {} failed",
            self.added, self.replaced, self.unchanged, self.duplicates, self.claims, self.not_swedish, self.skipped, self.failed
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
    let inputs = collect(paths);
    let mut summary = Summary {
        skipped: inputs.skipped,
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
    let mut since_commit = 0;
    let mut last_commit = std::time::Instant::now();
    // Reading, parsing and claim extraction run on all cores, a chunk at a time; documents
    // are then added in input order, so which copy of a duplicate wins never depends on
    // thread timing, and memory stays bounded by three chunks (being added, waiting in the
    // channel, being analysed). The next chunk is analysed while
    // this thread adds the last one: adding (index look-ups, municipality mentions, the
    // writer's queue) is serial, and without the overlap the other cores waited for it (an
    // ingest used 0.9 of the 2 cores).
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let files = &inputs.files;
    std::thread::scope(|scope| -> Result<()> {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Analysed>>(1);
        scope.spawn(move || {
            for chunk in files.chunks(CHUNK) {
                // A closed channel means adding failed and the run is over.
                if tx.send(analyse_all(chunk, defaults, workers)).is_err() {
                    break;
                }
            }
        });
        for (chunk, analysed) in files.chunks(CHUNK).zip(rx) {
            for (input, result) in chunk.iter().zip(analysed) {
                bar.inc(1);
                let (doc, code, claims) = match result {
                    Ok(r) => r,
                    Err(e) => {
                        bar.suspend(|| report(&e.to_string()));
                        summary.failed += 1;
                        continue;
                    }
                };
                if !lang::is_swedish(code) {
                    summary.not_swedish += 1;
                }
                match writer.add(&doc, &absolute(&input.path), code, &claims)? {
                    Added::New => {
                        summary.added += 1;
                        summary.claims += claims.len();
                    }
                    Added::Replaced => {
                        summary.replaced += 1;
                        summary.claims += claims.len();
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
                since_commit += 1;
                if since_commit >= COMMIT_EVERY || last_commit.elapsed() >= COMMIT_INTERVAL {
                    writer.commit()?;
                    since_commit = 0;
                    last_commit = std::time::Instant::now();
                }
            }
        }
        Ok(())
    })?;
    writer.finish()?;
    bar.finish_and_clear();
    Ok(summary)
}
