//! Crawl state on disk (redb): every URL seen with its status and validators, the frontier,
//! cached robots.txt files and the content fingerprints of indexed pages. Each change is one
//! ACID transaction, so a crawler killed at any moment leaves a state the next run continues
//! from: a page stored in the archive is never fetched again, only indexed if it was not yet.

use super::archive::Pointer;
use super::sources::Kind;
use anyhow::{Context, Result};
use redb::{Database, ReadableDatabase, ReadableTable, TableDefinition};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

const URLS: TableDefinition<&str, &[u8]> = TableDefinition::new("urls");
const FRONTIER: TableDefinition<u64, &str> = TableDefinition::new("frontier");
const ROBOTS: TableDefinition<&str, &[u8]> = TableDefinition::new("robots");
// Named for the hash: a state written before schema 6 kept FNV-1a hashes in
// "content_hashes", which no text hashes to any more. That table is dropped when such a state
// is opened, and its pages count as new once.
const HASHES: TableDefinition<&str, &str> = TableDefinition::new("content_hashes_xxh3");
const FNV_HASHES: TableDefinition<&str, &str> = TableDefinition::new("content_hashes");
const SIMHASHES: TableDefinition<&str, u64> = TableDefinition::new("simhashes");

/// Where a URL stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// In the frontier, to be fetched.
    Queued,
    /// Fetched and in the archive; not yet indexed.
    Stored,
    /// Fetched and processed (indexed, or its links taken).
    Done,
    /// Answered with a redirect to the given URL.
    Redirected(String),
    /// Not fetched: robots.txt disallows it, or it is no document.
    Skipped(String),
    /// Failed in this many runs; tried again next run until `max_failures`.
    Failed(String),
    /// Failed for good (a 4xx, too large, a redirect loop, or too many failures).
    Gone(String),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UrlRecord {
    pub status: Status,
    pub kind: Kind,
    pub source: String,
    pub depth: u32,
    /// The redirects that led here, oldest first.
    #[serde(default)]
    pub chain: Vec<String>,
    #[serde(default)]
    pub etag: Option<String>,
    #[serde(default)]
    pub last_modified: Option<String>,
    /// Unix seconds of the last complete answer (200 or 304).
    #[serde(default)]
    pub fetched_at: Option<i64>,
    /// The last stored 200 response.
    #[serde(default)]
    pub warc: Option<Pointer>,
    #[serde(default)]
    pub failures: u32,
    /// Its key in the frontier while queued.
    #[serde(default)]
    pub seq: Option<u64>,
}

impl UrlRecord {
    pub fn new(kind: Kind, source: &str, depth: u32, chain: Vec<String>) -> UrlRecord {
        UrlRecord {
            status: Status::Queued,
            kind,
            source: source.to_string(),
            depth,
            chain,
            etag: None,
            last_modified: None,
            fetched_at: None,
            warc: None,
            failures: 0,
            seq: None,
        }
    }
}

/// A cached robots.txt: the status and body of its answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RobotsEntry {
    pub fetched_at: i64,
    pub status: u16,
    pub body: Vec<u8>,
}

/// Changes written together in one transaction.
#[derive(Debug, Default)]
pub struct Changes {
    pub records: Vec<(String, UrlRecord)>,
    /// URLs to put in the frontier (their records are in `records`, status Queued).
    pub enqueue: Vec<String>,
    pub robots: Vec<(String, RobotsEntry)>,
    pub hashes: Vec<(String, String)>,
    pub simhashes: Vec<(String, u64)>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
            && self.enqueue.is_empty()
            && self.robots.is_empty()
            && self.hashes.is_empty()
            && self.simhashes.is_empty()
    }
}

/// The state, held in memory and written through to disk.
pub struct State {
    db: Database,
    pub urls: HashMap<String, UrlRecord>,
    pub frontier: BTreeMap<u64, String>,
    pub robots: HashMap<String, RobotsEntry>,
    pub hashes: Vec<(String, String)>,
    pub simhashes: Vec<(String, u64)>,
    next_seq: u64,
}

impl State {
    pub fn open(path: &Path) -> Result<State> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).ok();
        }
        let db = Database::create(path)
            .with_context(|| format!("cannot open the crawl state {}", path.display()))?;
        let w = db.begin_write()?;
        {
            w.open_table(URLS)?;
            w.open_table(FRONTIER)?;
            w.open_table(ROBOTS)?;
            w.open_table(HASHES)?;
            w.open_table(SIMHASHES)?;
            w.delete_table(FNV_HASHES)?;
        }
        w.commit()?;
        let r = db.begin_read()?;
        let mut urls = HashMap::new();
        for item in r.open_table(URLS)?.iter()? {
            let (k, v) = item?;
            let rec: UrlRecord = serde_json::from_slice(v.value())
                .with_context(|| format!("crawl state: bad record for {}", k.value()))?;
            urls.insert(k.value().to_string(), rec);
        }
        let mut frontier = BTreeMap::new();
        for item in r.open_table(FRONTIER)?.iter()? {
            let (k, v) = item?;
            frontier.insert(k.value(), v.value().to_string());
        }
        let mut robots = HashMap::new();
        for item in r.open_table(ROBOTS)?.iter()? {
            let (k, v) = item?;
            if let Ok(e) = serde_json::from_slice::<RobotsEntry>(v.value()) {
                robots.insert(k.value().to_string(), e);
            }
        }
        let mut hashes = Vec::new();
        for item in r.open_table(HASHES)?.iter()? {
            let (k, v) = item?;
            hashes.push((k.value().to_string(), v.value().to_string()));
        }
        let mut simhashes = Vec::new();
        for item in r.open_table(SIMHASHES)?.iter()? {
            let (k, v) = item?;
            simhashes.push((k.value().to_string(), v.value()));
        }
        let next_seq = frontier.keys().next_back().map_or(0, |k| k + 1);
        drop(r);
        Ok(State {
            db,
            urls,
            frontier,
            robots,
            hashes,
            simhashes,
            next_seq,
        })
    }

    /// Applies `changes` in one durable transaction, then in memory.
    pub fn commit(&mut self, mut changes: Changes) -> Result<()> {
        if changes.is_empty() {
            return Ok(());
        }
        let mut seqs = HashMap::new();
        for url in &changes.enqueue {
            seqs.insert(url.clone(), self.next_seq);
            self.next_seq += 1;
        }
        for (url, rec) in changes.records.iter_mut() {
            if let Some(s) = seqs.get(url) {
                rec.seq = Some(*s);
            } else if rec.status != Status::Queued {
                rec.seq = None;
            }
        }
        let w = self.db.begin_write()?;
        {
            let mut urls = w.open_table(URLS)?;
            let mut frontier = w.open_table(FRONTIER)?;
            for (url, rec) in &changes.records {
                if rec.seq.is_none() {
                    if let Some(old) = self.urls.get(url).and_then(|o| o.seq) {
                        frontier.remove(old)?;
                    }
                }
                urls.insert(url.as_str(), serde_json::to_vec(rec)?.as_slice())?;
            }
            for (url, seq) in &seqs {
                frontier.insert(*seq, url.as_str())?;
            }
            let mut robots = w.open_table(ROBOTS)?;
            for (host, e) in &changes.robots {
                robots.insert(host.as_str(), serde_json::to_vec(e)?.as_slice())?;
            }
            let mut hashes = w.open_table(HASHES)?;
            for (h, url) in &changes.hashes {
                hashes.insert(h.as_str(), url.as_str())?;
            }
            let mut sims = w.open_table(SIMHASHES)?;
            for (url, s) in &changes.simhashes {
                sims.insert(url.as_str(), *s)?;
            }
        }
        w.commit().context("cannot write the crawl state")?;
        for (url, rec) in changes.records {
            if rec.seq.is_none() {
                if let Some(old) = self.urls.get(&url).and_then(|o| o.seq) {
                    self.frontier.remove(&old);
                }
            }
            self.urls.insert(url, rec);
        }
        for (url, seq) in seqs {
            self.frontier.insert(seq, url);
        }
        self.robots.extend(changes.robots);
        self.hashes.extend(changes.hashes);
        self.simhashes.extend(changes.simhashes);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_survives_reopening() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("state.redb");
        {
            let mut s = State::open(&path).unwrap();
            let mut c = Changes::default();
            c.records.push((
                "https://e.se/a".into(),
                UrlRecord::new(Kind::Page, "S", 1, vec![]),
            ));
            c.enqueue.push("https://e.se/a".into());
            c.records.push((
                "https://e.se/b".into(),
                UrlRecord::new(Kind::Page, "S", 1, vec![]),
            ));
            c.enqueue.push("https://e.se/b".into());
            s.commit(c).unwrap();
            let mut done = s.urls["https://e.se/a"].clone();
            done.status = Status::Done;
            s.commit(Changes {
                records: vec![("https://e.se/a".into(), done)],
                ..Changes::default()
            })
            .unwrap();
        }
        let s = State::open(&path).unwrap();
        assert_eq!(s.urls.len(), 2);
        assert_eq!(s.urls["https://e.se/a"].status, Status::Done);
        assert_eq!(
            s.frontier.values().collect::<Vec<_>>(),
            vec!["https://e.se/b"]
        );
    }

    /// A state from before schema 6 loses its FNV-1a hashes, which nothing can match any
    /// more, and keeps the rest.
    #[test]
    fn fnv_hashes_of_an_older_state_are_dropped() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("state.redb");
        {
            let db = Database::create(&path).unwrap();
            let w = db.begin_write().unwrap();
            {
                let mut old = w.open_table(FNV_HASHES).unwrap();
                old.insert("334a32192fe38c94", "https://e.se/a").unwrap();
                let mut robots = w.open_table(ROBOTS).unwrap();
                robots.insert("e.se", b"x".as_slice()).unwrap();
            }
            w.commit().unwrap();
        }
        let s = State::open(&path).unwrap();
        assert!(s.hashes.is_empty());
        drop(s);
        let db = Database::create(&path).unwrap();
        let r = db.begin_read().unwrap();
        assert!(
            r.open_table(FNV_HASHES).is_err(),
            "the old table is still there"
        );
        assert!(r.open_table(ROBOTS).unwrap().get("e.se").unwrap().is_some());
    }
}
