//! What `Ingester::add` says of a document, on a real index in a temporary folder: a fresh
//! index skips the key look-ups for keys its run has not added, so these check that a text
//! or a path added earlier in the same run, before or after a commit, is still recognised.

use avhopp::document::{Document, Format};
use avhopp::index::{Added, AvhoppIndex};
use avhopp::ingest::analyse;

fn doc(path: &str, text: &str) -> Document {
    Document::new(path, text.to_string(), Format::Text)
}

/// Adds `text` at `path` (also its key) and says what became of it.
fn add(writer: &mut avhopp::index::Ingester<'_>, path: &str, text: &str) -> Added {
    let d = doc(path, text);
    writer.add(&d, path, &analyse(&d)).unwrap()
}

/// A temporary folder with `a.txt` holding [`A`], and that file's path. A document's key is
/// a path that exists: one found under a path that is gone is moved, not a duplicate.
fn folder_with_a() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let a_path = dir.path().join("a.txt");
    std::fs::write(&a_path, A).unwrap();
    let a = a_path.to_str().unwrap().to_string();
    (dir, a)
}

const A: &str = "Tio av 30 socialsekreterare i Botkyrka har sagt upp sig sedan årsskiftet.";
const B: &str = "I Malmö har 40 procent av socialsekreterarna slutat under året.";
const C: &str = "Nämnden i Lund räknar med 45 ärenden per socialsekreterare i höst.";

#[test]
fn a_fresh_index_still_knows_what_its_run_added() {
    let (dir, a) = folder_with_a();
    let a = a.as_str();
    let index = AvhoppIndex::open_or_create(&dir.path().join("index")).unwrap();
    let mut writer = index.writer().unwrap();
    assert_eq!(add(&mut writer, a, A), Added::New);
    // Before a commit, from the run's own memory.
    assert_eq!(
        add(&mut writer, "b.txt", A),
        Added::Duplicate(a.to_string())
    );
    writer.commit().unwrap();
    // After it, from the index: the run's memory of uncommitted documents is cleared.
    assert_eq!(
        add(&mut writer, "c.txt", A),
        Added::Duplicate(a.to_string())
    );
    assert_eq!(add(&mut writer, a, A), Added::Unchanged);
    assert_eq!(add(&mut writer, a, B), Added::Replaced);
    assert_eq!(add(&mut writer, "d.txt", C), Added::New);
    writer.finish().unwrap();
    assert_eq!(index.num_documents().unwrap(), 2);

    // A second run on the index, which is no longer empty: everything is looked up.
    let mut writer = index.writer().unwrap();
    assert_eq!(add(&mut writer, a, B), Added::Unchanged);
    assert_eq!(add(&mut writer, "d.txt", A), Added::Replaced);
    assert_eq!(
        add(&mut writer, "e.txt", B),
        Added::Duplicate(a.to_string())
    );
    writer.finish().unwrap();
    assert_eq!(index.num_documents().unwrap(), 2);
}

/// An index opened before another writer added to it: its writer sees what was committed.
#[test]
fn a_writer_sees_what_another_committed_before_it() {
    let (dir, a) = folder_with_a();
    let a = a.as_str();
    let first = AvhoppIndex::open_or_create(&dir.path().join("index")).unwrap();
    let second = AvhoppIndex::open(&dir.path().join("index")).unwrap();
    let mut writer = second.writer().unwrap();
    assert_eq!(add(&mut writer, a, A), Added::New);
    writer.finish().unwrap();
    // `first` was opened when the index was empty.
    let mut writer = first.writer().unwrap();
    assert_eq!(add(&mut writer, a, A), Added::Unchanged);
    assert_eq!(
        add(&mut writer, "b.txt", A),
        Added::Duplicate(a.to_string())
    );
    writer.finish().unwrap();
    assert_eq!(first.num_documents().unwrap(), 1);
}
