//! The crawler: fetches news sites' and municipalities' pages politely, archives every
//! response, and feeds the pages into the same pipeline as `avhopp ingest`.
//!
//! Stages, one file each: [`sources`] (what to crawl, canonical URLs), [`robots`],
//! [`fetch`] (one request), [`feeds`], [`sitemaps`] and [`links`] (where new URLs come from),
//! [`charset`] (bytes to text), [`archive`] (WARC files), [`state`] (what was done, on disk),
//! [`dedup`] (exact and near duplicates) and [`pages`] (stored pages into the index).
//!
//! Politeness: robots.txt is obeyed (and its Crawl-delay), one request at a time per host by
//! default, requests to a host spaced by the source's rate, a global limit on requests in
//! flight. Every answer is written to the archive and the state *before* anything is indexed,
//! each step durable, so a crawler killed at any moment continues where it was on the next
//! run: no stored page is fetched again and no document is indexed twice.

pub mod archive;
pub mod charset;
pub mod dedup;
pub mod feeds;
pub mod fetch;
pub mod links;
pub mod pages;
pub mod robots;
pub mod sitemaps;
pub mod sources;
pub mod state;

use crate::index::AvhoppIndex;
use anyhow::{anyhow, Result};
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};
use robots::Robots;
use sources::{canonical, host_key, Kind, Settings, Source, Sources};
use state::{Changes, State, Status, UrlRecord};
use std::collections::{BTreeMap, HashSet, VecDeque};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Commit the index after this many stored pages (and at the end).
const COMMIT_EVERY: usize = 20;

/// What to crawl and where to keep it.
pub struct Options {
    pub sources: Sources,
    /// URLs named on the command line; when given, only these are crawled.
    pub urls: Vec<String>,
    pub max_pages: Option<u64>,
    /// Feed and sitemap entries dated before this are left out.
    pub since: Option<NaiveDate>,
    pub archive_dir: PathBuf,
    pub state_path: PathBuf,
    pub progress: bool,
}

/// What a crawl did.
#[derive(Debug, Default)]
pub struct Summary {
    pub requests: u64,
    pub fetched: u64,
    pub not_modified: u64,
    pub redirects: u64,
    pub robots_skipped: u64,
    pub outside_source: u64,
    pub retries: u64,
    pub failed: BTreeMap<String, u64>,
    pub left: usize,
    pub index: pages::Counts,
    pub resumed: u64,
}

impl Summary {
    pub fn lines(&self) -> Vec<String> {
        let failed: u64 = self.failed.values().sum();
        let mut out = vec![format!(
            "{} requests: {} fetched, {} not modified, {} redirects, {} retries; {} skipped by robots.txt; {} failed",
            self.requests,
            self.fetched,
            self.not_modified,
            self.redirects,
            self.retries,
            self.robots_skipped,
            failed
        )];
        if self.outside_source > 0 {
            out.push(format!(
                "{} links left out by the sources' include/exclude patterns",
                self.outside_source
            ));
        }
        for (reason, n) in &self.failed {
            out.push(format!("  failed: {n} {reason}"));
        }
        if self.resumed > 0 {
            out.push(format!(
                "{} pages stored by an earlier run indexed now",
                self.resumed
            ));
        }
        out.push(self.index.line());
        if self.left > 0 {
            out.push(format!(
                "{} URLs left for the next run (--max-pages reached)",
                self.left
            ));
        }
        out
    }
}

fn now_secs() -> i64 {
    chrono::Utc::now().timestamp()
}

struct Task {
    url: String,
    attempt: u32,
    not_before: Instant,
}

enum RobotsState {
    Unknown,
    Pending,
    Ready(Robots),
}

struct Host {
    queue: VecDeque<Task>,
    in_flight: usize,
    next_at: Instant,
    delay: Duration,
    robots: RobotsState,
    robots_attempt: u32,
}

impl Host {
    fn effective_delay(&self) -> Duration {
        match &self.robots {
            RobotsState::Ready(r) => r.delay().map_or(self.delay, |d| d.max(self.delay)),
            _ => self.delay,
        }
    }
}

struct Done {
    host: String,
    url: String,
    attempt: u32,
    robots: bool,
    result: Result<fetch::Response, fetch::Error>,
}

struct Crawler<'a> {
    settings: Settings,
    sources: Vec<Source>,
    state: State,
    hosts: BTreeMap<String, Host>,
    archive: archive::Writer,
    archive_dir: PathBuf,
    indexer: pages::Indexer<'a>,
    /// Pages indexed since the last commit, to be marked done after it.
    pending: Vec<(String, Option<pages::Fingerprint>)>,
    touched: HashSet<String>,
    run_start: i64,
    since: Option<NaiveDate>,
    summary: Summary,
    agent: String,
    report: Box<dyn FnMut(&str) + 'a>,
    bar: ProgressBar,
}

fn backoff(settings: &Settings, attempt: u32) -> Duration {
    let base = settings.retry_base_ms as f64 * 2f64.powi(attempt as i32);
    Duration::from_millis((base * (0.5 + fastrand::f64())) as u64)
}

impl<'a> Crawler<'a> {
    fn source(&self, name: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.name == name)
    }

    fn rate_delay(&self, source: &str) -> Duration {
        let rate = self
            .source(source)
            .and_then(|s| s.rate)
            .unwrap_or(self.settings.rate);
        Duration::from_secs_f64(1.0 / rate)
    }

    /// Puts a URL in its host's queue (in memory).
    fn schedule(&mut self, url: &str, attempt: u32, not_before: Instant) {
        let source = self
            .state
            .urls
            .get(url)
            .map(|r| r.source.clone())
            .unwrap_or_default();
        let delay = self.rate_delay(&source);
        let key = host_key(url);
        let host = self.hosts.entry(key.clone()).or_insert_with(|| Host {
            queue: VecDeque::new(),
            in_flight: 0,
            next_at: Instant::now(),
            delay,
            robots: RobotsState::Unknown,
            robots_attempt: 0,
        });
        host.delay = host.delay.max(delay);
        host.queue.push_back(Task {
            url: url.to_string(),
            attempt,
            not_before,
        });
        if matches!(host.robots, RobotsState::Unknown) {
            if let Some(e) = self.state.robots.get(&key) {
                if now_secs() - e.fetched_at < robots::MAX_AGE_SECS {
                    host.robots =
                        RobotsState::Ready(Robots::from_answer(&self.agent, e.status, &e.body));
                }
            }
        }
    }

    /// Whether a known URL is due to be fetched again in this run.
    fn due(&self, url: &str, rec: &UrlRecord) -> bool {
        if self.touched.contains(url) {
            return false;
        }
        let age = |after: u64| {
            rec.fetched_at
                .is_none_or(|t| t < self.run_start && self.run_start - t >= after as i64)
        };
        match &rec.status {
            Status::Queued => false,
            Status::Stored => false,
            Status::Done => {
                if rec.kind.is_start() {
                    age(self.settings.revisit_start_after_s)
                } else {
                    age(self.settings.revisit_after_s)
                }
            }
            Status::Failed(_) => rec.failures < self.settings.max_failures,
            // A start point that redirects (to https, say) is read through its redirect.
            Status::Redirected(_) => {
                rec.kind.is_start() && age(self.settings.revisit_start_after_s)
            }
            // robots.txt may allow it now; asking it costs no request.
            Status::Skipped(_) => true,
            Status::Gone(_) => false,
        }
    }

    /// Adds a URL to `changes` as queued when it is new or due; returns whether it was.
    fn enqueue(&self, changes: &mut Changes, url: &str, fresh: UrlRecord) -> bool {
        if changes.enqueue.iter().any(|u| u == url) {
            return false;
        }
        let rec = match self.state.urls.get(url) {
            None => fresh,
            Some(old) if self.due(url, old) => {
                let mut r = old.clone();
                r.status = Status::Queued;
                r
            }
            Some(_) => return false,
        };
        changes.records.push((url.to_string(), rec));
        changes.enqueue.push(url.to_string());
        true
    }

    fn commit(&mut self, changes: Changes) -> Result<()> {
        let queued: Vec<String> = changes.enqueue.clone();
        self.state.commit(changes)?;
        for u in queued {
            self.schedule(&u, 0, Instant::now());
        }
        Ok(())
    }

    /// Marks the pages indexed since the last commit as done, with their fingerprints.
    fn flush(&mut self) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        self.indexer.commit()?;
        let mut changes = Changes::default();
        for (url, fp) in self.pending.drain(..) {
            if let Some(mut rec) = self.state.urls.get(&url).cloned() {
                if rec.status == Status::Stored {
                    rec.status = Status::Done;
                    changes.records.push((url.clone(), rec));
                }
            }
            if let Some(fp) = fp {
                changes.hashes.push((fp.hash, url.clone()));
                if let Some(s) = fp.sim {
                    changes.simhashes.push((url, s));
                }
            }
        }
        self.state.commit(changes)
    }

    fn index_page(
        &mut self,
        url: &str,
        ptr: &archive::Pointer,
        rec: &archive::Record,
    ) -> Result<()> {
        let (fp, line) = self.indexer.add(ptr, rec)?;
        if let Some(line) = line {
            self.bar.suspend(|| (self.report)(&line));
        }
        self.pending.push((url.to_string(), fp));
        if self.pending.len() >= COMMIT_EVERY {
            self.flush()?;
        }
        Ok(())
    }

    fn fail(&mut self, url: &str, reason: String, transient: bool) -> Result<()> {
        let Some(mut rec) = self.state.urls.get(url).cloned() else {
            return Ok(());
        };
        rec.failures += 1;
        rec.status = if transient && rec.failures < self.settings.max_failures {
            Status::Failed(reason.clone())
        } else {
            Status::Gone(reason.clone())
        };
        *self.summary.failed.entry(reason.clone()).or_default() += 1;
        self.bar
            .suspend(|| (self.report)(&format!("{url}: {reason}")));
        self.state.commit(Changes {
            records: vec![(url.to_string(), rec)],
            ..Changes::default()
        })
    }

    fn store(
        &mut self,
        url: &str,
        resp: &fetch::Response,
        source_name: &str,
        kind: &str,
    ) -> Result<(archive::Pointer, archive::Record)> {
        let source = self.source(source_name);
        let record = archive::Record {
            url: url.to_string(),
            date: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            status: resp.status,
            headers: resp.headers.clone(),
            body: resp.body.clone(),
            source: source_name.to_string(),
            kind: kind.to_string(),
            doc_type: source.map_or("other", |s| s.doc_type.as_str()).to_string(),
            municipality: source
                .and_then(|s| s.municipality)
                .map(|m| m.name.to_string()),
        };
        let ptr = self.archive.append(&record)?;
        Ok((ptr, record))
    }

    fn handle_robots(&mut self, done: Done) -> Result<()> {
        let (status, body) = match &done.result {
            Ok(r) => (r.status, r.body.clone()),
            Err(e) => {
                let attempt = self.hosts.get(&done.host).map_or(0, |h| h.robots_attempt);
                if e.transient() && attempt < self.settings.retries {
                    let wait = backoff(&self.settings, attempt);
                    if let Some(h) = self.hosts.get_mut(&done.host) {
                        h.robots_attempt += 1;
                        h.robots = RobotsState::Unknown;
                        h.next_at = h.next_at.max(Instant::now() + wait);
                    }
                    self.summary.retries += 1;
                    return Ok(());
                }
                (0, Vec::new())
            }
        };
        if (500..600).contains(&status) || status == 429 {
            let attempt = self.hosts.get(&done.host).map_or(0, |h| h.robots_attempt);
            if attempt < self.settings.retries {
                let wait = done
                    .result
                    .as_ref()
                    .ok()
                    .and_then(|r| r.retry_after())
                    .unwrap_or_else(|| backoff(&self.settings, attempt));
                if let Some(h) = self.hosts.get_mut(&done.host) {
                    h.robots_attempt += 1;
                    h.robots = RobotsState::Unknown;
                    h.next_at = h.next_at.max(Instant::now() + wait);
                }
                self.summary.retries += 1;
                return Ok(());
            }
        }
        if let Ok(resp) = &done.result {
            self.store(&done.url, resp, "", "robots")?;
        }
        let robots = Robots::from_answer(&self.agent, status, &body);
        if let Robots::DisallowAll(why) = &robots {
            let why = why.clone();
            self.bar.suspend(|| {
                (self.report)(&format!("{}: {why}; host skipped in this run", done.host))
            });
        } else {
            // Kept for a day; an unreachable robots.txt is asked again next run.
            let mut changes = Changes::default();
            changes.robots.push((
                done.host.clone(),
                state::RobotsEntry {
                    fetched_at: now_secs(),
                    status,
                    body,
                },
            ));
            self.state.commit(changes)?;
        }
        if let Some(h) = self.hosts.get_mut(&done.host) {
            // The Crawl-delay counts from the robots.txt request too.
            if let Some(d) = robots.delay() {
                h.next_at = h.next_at.max(Instant::now() + d);
            }
            h.robots = RobotsState::Ready(robots);
        }
        Ok(())
    }

    fn handle(&mut self, done: Done) -> Result<()> {
        if let Some(h) = self.hosts.get_mut(&done.host) {
            h.in_flight -= 1;
        }
        if done.robots {
            return self.handle_robots(done);
        }
        let url = done.url.clone();
        let Some(rec) = self.state.urls.get(&url).cloned() else {
            return Ok(());
        };
        let resp = match done.result {
            Err(e) => {
                if e.transient() && done.attempt < self.settings.retries {
                    self.summary.retries += 1;
                    let wait = backoff(&self.settings, done.attempt);
                    self.schedule(&url, done.attempt + 1, Instant::now() + wait);
                    return Ok(());
                }
                return self.fail(&url, e.reason(), e.transient());
            }
            Ok(r) => r,
        };
        let status = resp.status;
        if status == 408 || status == 429 || (500..600).contains(&status) {
            let retry_after = resp.retry_after();
            let too_long = retry_after
                .is_some_and(|d| d > Duration::from_secs(self.settings.max_retry_after_s));
            if done.attempt < self.settings.retries && !too_long {
                self.summary.retries += 1;
                let wait = retry_after.unwrap_or_else(|| backoff(&self.settings, done.attempt));
                if retry_after.is_some() {
                    // The host asked to be left alone that long: nothing else goes to it.
                    if let Some(h) = self.hosts.get_mut(&done.host) {
                        h.next_at = h.next_at.max(Instant::now() + wait);
                    }
                }
                self.schedule(&url, done.attempt + 1, Instant::now() + wait);
                return Ok(());
            }
            self.store(&url, &resp, &rec.source, rec.kind.label())?;
            return self.fail(&url, format!("HTTP {status}"), true);
        }
        if status == 304 {
            self.summary.not_modified += 1;
            let mut r = rec;
            r.status = if r.warc.is_some() || r.kind.is_start() {
                Status::Done
            } else {
                Status::Gone("304 without a stored copy".into())
            };
            r.fetched_at = Some(now_secs());
            r.failures = 0;
            return self.state.commit(Changes {
                records: vec![(url, r)],
                ..Changes::default()
            });
        }
        if (300..400).contains(&status) {
            self.summary.redirects += 1;
            self.store(&url, &resp, &rec.source, rec.kind.label())?;
            let base = url::Url::parse(&url).ok();
            let Some(target) = resp
                .header("location")
                .and_then(|l| canonical(l, base.as_ref()))
            else {
                return self.fail(&url, "redirect without a usable target".into(), false);
            };
            if target == url || rec.chain.contains(&target) {
                return self.fail(&url, "redirect loop".into(), false);
            }
            if rec.chain.len() + 1 > self.settings.max_redirects {
                return self.fail(&url, "too many redirects".into(), false);
            }
            let mut changes = Changes::default();
            let mut r = rec.clone();
            r.status = Status::Redirected(target.clone());
            r.fetched_at = Some(now_secs());
            changes.records.push((url.clone(), r));
            let wanted =
                rec.kind != Kind::Page || self.source(&rec.source).is_none_or(|s| s.wants(&target));
            if wanted {
                let mut chain = rec.chain.clone();
                chain.push(url.clone());
                let fresh = UrlRecord::new(rec.kind.clone(), &rec.source, rec.depth, chain);
                self.enqueue(&mut changes, &target, fresh);
            } else {
                self.summary.outside_source += 1;
            }
            return self.commit(changes);
        }
        if !(200..300).contains(&status) {
            self.store(&url, &resp, &rec.source, rec.kind.label())?;
            return self.fail(&url, format!("HTTP {status}"), false);
        }

        self.summary.fetched += 1;
        // What the body is, when the URL was named without saying.
        let kind = match &rec.kind {
            Kind::Auto => {
                let head =
                    String::from_utf8_lossy(&resp.body[..resp.body.len().min(2048)]).into_owned();
                if resp.body.starts_with(&[0x1f, 0x8b]) || sitemaps::looks_like_sitemap(&head) {
                    Kind::Sitemap
                } else if feeds::looks_like_feed(&head) {
                    Kind::Feed
                } else {
                    Kind::Page
                }
            }
            k => k.clone(),
        };
        let (ptr, record) = self.store(&url, &resp, &rec.source, kind.label())?;
        let mut r = rec.clone();
        r.kind = kind.clone();
        r.fetched_at = Some(now_secs());
        r.etag = resp.header("etag").map(str::to_string);
        r.last_modified = resp.header("last-modified").map(str::to_string);
        r.failures = 0;

        let source = self.source(&rec.source).cloned();
        let wants = |u: &str| source.as_ref().is_none_or(|s| s.wants(u));
        let since = self.since;
        let fresh_enough = |d: Option<NaiveDate>| since.is_none_or(|s| d.is_none_or(|d| d >= s));
        let mut children: Vec<(String, Kind, u32)> = Vec::new();
        let parsed: Result<(), String> = match &kind {
            Kind::Feed => feeds::parse(&resp.body).map(|entries| {
                for e in entries {
                    if fresh_enough(e.date) {
                        children.push((e.url, Kind::Page, rec.depth + 1));
                    }
                }
            }),
            Kind::Sitemap => sitemaps::parse(&resp.body, self.settings.max_body_bytes).map(|s| {
                for e in s.entries {
                    if !fresh_enough(e.date) {
                        continue;
                    }
                    if s.index {
                        children.push((e.url, Kind::Sitemap, rec.depth));
                    } else {
                        children.push((e.url, Kind::Page, rec.depth + 1));
                    }
                }
            }),
            Kind::Listing(sel) => {
                let html = charset::decode(&resp.body, resp.header("content-type"));
                links::select(&html, &url, sel).map(|ls| {
                    for l in ls {
                        children.push((l, Kind::Page, rec.depth + 1));
                    }
                })
            }
            _ => {
                let max_depth = source.as_ref().map_or(0, |s| s.max_depth);
                if rec.depth < max_depth && source.is_some() {
                    let html = charset::decode(&resp.body, resp.header("content-type"));
                    let own_host = host_key(&url);
                    for l in links::all(&html, &url) {
                        let patterns = source.as_ref().is_some_and(|s| s.has_include());
                        if patterns || host_key(&l) == own_host {
                            children.push((l, Kind::Page, rec.depth + 1));
                        }
                    }
                }
                Ok(())
            }
        };
        let is_page = kind == Kind::Page;
        r.warc = if is_page { Some(ptr.clone()) } else { r.warc };
        r.status = if is_page {
            Status::Stored
        } else {
            Status::Done
        };
        if let Err(why) = parsed {
            r.status = Status::Gone(why.clone());
            *self.summary.failed.entry(why.clone()).or_default() += 1;
            self.bar.suspend(|| (self.report)(&format!("{url}: {why}")));
        }
        let mut changes = Changes::default();
        changes.records.push((url.clone(), r));
        for (child, kind, depth) in children {
            let Some(c) = canonical(&child, url::Url::parse(&url).ok().as_ref()) else {
                continue;
            };
            // Entries of a feed or sitemap the source's patterns leave out are not wanted;
            // a sitemap of a sitemap index always is.
            if kind == Kind::Page && !wants(&c) {
                self.summary.outside_source += 1;
                continue;
            }
            let fresh = UrlRecord::new(kind, &rec.source, depth, Vec::new());
            self.enqueue(&mut changes, &c, fresh);
        }
        self.commit(changes)?;
        if is_page {
            self.index_page(&url, &ptr, &record)?;
        }
        Ok(())
    }

    /// Starts every request that may start now; returns when the next one may.
    fn dispatch(
        &mut self,
        client: &reqwest::Client,
        limits: &Arc<fetch::Limits>,
        tx: &tokio::sync::mpsc::UnboundedSender<Done>,
        in_flight: &mut usize,
        budget: &mut Option<u64>,
    ) -> Result<Option<Instant>> {
        let now = Instant::now();
        let mut wake: Option<Instant> = None;
        let mut skipped: Vec<String> = Vec::new();
        let keys: Vec<String> = self.hosts.keys().cloned().collect();
        for key in keys {
            let host = self.hosts.get_mut(&key).expect("host");
            loop {
                if host.queue.is_empty()
                    || *in_flight >= self.settings.concurrency
                    || host.in_flight >= self.settings.per_host
                    || matches!(host.robots, RobotsState::Pending)
                {
                    break;
                }
                if host.next_at > now {
                    wake = Some(wake.map_or(host.next_at, |w| w.min(host.next_at)));
                    break;
                }
                if matches!(host.robots, RobotsState::Unknown) {
                    host.robots = RobotsState::Pending;
                    host.in_flight += 1;
                    *in_flight += 1;
                    host.next_at = now + host.delay;
                    self.summary.requests += 1;
                    spawn(
                        client,
                        limits,
                        tx,
                        key.clone(),
                        robots::url_of(&key),
                        0,
                        true,
                        None,
                        None,
                    );
                    break;
                }
                // The first task that may run now.
                let Some(pos) = host.queue.iter().position(|t| t.not_before <= now) else {
                    let next = host
                        .queue
                        .iter()
                        .map(|t| t.not_before)
                        .min()
                        .expect("queue");
                    wake = Some(wake.map_or(next, |w| w.min(next)));
                    break;
                };
                let RobotsState::Ready(robots) = &host.robots else {
                    break;
                };
                let url = host.queue[pos].url.clone();
                if !robots.allowed(&url) {
                    host.queue.remove(pos);
                    self.touched.insert(url.clone());
                    if !matches!(robots, Robots::DisallowAll(_)) {
                        skipped.push(url);
                    }
                    continue;
                }
                if budget.is_some_and(|b| b == 0) {
                    break;
                }
                let task = host.queue.remove(pos).expect("task");
                if let Some(b) = budget.as_mut() {
                    if task.attempt == 0 {
                        *b -= 1;
                    }
                }
                let delay = host.effective_delay();
                host.in_flight += 1;
                *in_flight += 1;
                host.next_at = now + delay;
                self.touched.insert(task.url.clone());
                self.summary.requests += 1;
                self.bar.inc(1);
                let (etag, lm) = self
                    .state
                    .urls
                    .get(&task.url)
                    .map_or((None, None), |r| (r.etag.clone(), r.last_modified.clone()));
                spawn(
                    client,
                    limits,
                    tx,
                    key.clone(),
                    task.url,
                    task.attempt,
                    false,
                    etag,
                    lm,
                );
            }
        }
        if !skipped.is_empty() {
            let mut changes = Changes::default();
            for url in skipped {
                self.summary.robots_skipped += 1;
                if let Some(mut r) = self.state.urls.get(&url).cloned() {
                    r.status = Status::Skipped("disallowed by robots.txt".into());
                    changes.records.push((url, r));
                }
            }
            self.state.commit(changes)?;
        }
        Ok(wake)
    }

    fn queued(&self) -> usize {
        self.hosts.values().map(|h| h.queue.len()).sum()
    }
}

#[allow(clippy::too_many_arguments)]
fn spawn(
    client: &reqwest::Client,
    limits: &Arc<fetch::Limits>,
    tx: &tokio::sync::mpsc::UnboundedSender<Done>,
    host: String,
    url: String,
    attempt: u32,
    robots: bool,
    etag: Option<String>,
    last_modified: Option<String>,
) {
    let client = client.clone();
    let limits = limits.clone();
    let tx = tx.clone();
    tokio::spawn(async move {
        let result = fetch::get(
            &client,
            &url,
            etag.as_deref(),
            last_modified.as_deref(),
            &limits,
        )
        .await;
        let _ = tx.send(Done {
            host,
            url,
            attempt,
            robots,
            result,
        });
    });
}

impl Crawler<'_> {
    async fn crawl(
        &mut self,
        client: reqwest::Client,
        limits: Arc<fetch::Limits>,
        max_pages: Option<u64>,
    ) -> Result<()> {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Done>();
        let mut in_flight = 0usize;
        let mut budget = max_pages;
        loop {
            let wake = self.dispatch(&client, &limits, &tx, &mut in_flight, &mut budget)?;
            if in_flight == 0 && (self.queued() == 0 || budget == Some(0) || wake.is_none()) {
                break;
            }
            tokio::select! {
                Some(done) = rx.recv(), if in_flight > 0 => {
                    in_flight -= 1;
                    self.handle(done)?;
                }
                _ = async {
                    match wake {
                        Some(w) => tokio::time::sleep_until(w.into()).await,
                        None => std::future::pending::<()>().await,
                    }
                } => {}
            }
            let failed: u64 = self.summary.failed.values().sum();
            self.bar.set_message(format!(
                "{} fetched, {} not modified, {failed} failed, {} queued",
                self.summary.fetched,
                self.summary.not_modified,
                self.queued()
            ));
        }
        Ok(())
    }
}

/// Crawls, archiving every answer in `opts.archive_dir` and indexing pages into `index`.
/// Problems with single URLs are reported through `report`, one line each.
pub fn run<'a>(
    index: &'a AvhoppIndex,
    opts: Options,
    report: impl FnMut(&str) + 'a,
) -> Result<Summary> {
    let settings = opts.sources.settings.clone();
    let sources: Vec<Source> = if opts.urls.is_empty() {
        opts.sources.sources.clone()
    } else {
        vec![Source::command_line(&opts.urls)]
    };
    if sources.iter().all(|s| s.starts.is_empty()) {
        return Err(anyhow!(
            "nothing to crawl: the sources file names no start points and no URL was given"
        ));
    }
    let limits = Arc::new(fetch::Limits {
        connect_timeout: Settings::ms(settings.connect_timeout_ms),
        read_timeout: Settings::ms(settings.read_timeout_ms),
        total_timeout: Settings::ms(settings.total_timeout_ms),
        max_body: settings.max_body_bytes,
    });
    let agent = fetch::user_agent(&settings.contact);
    let client = fetch::client(&limits, &agent)?;
    let state = State::open(&opts.state_path)?;
    let dedup = dedup::Dedup::load(&state.hashes, &state.simhashes);
    let indexer = pages::Indexer::new(index, dedup)?;
    let bar = if opts.progress {
        ProgressBar::new_spinner()
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{spinner} crawling: {pos} requests, {per_sec}, {msg}")
            .expect("progress template"),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    let mut c = Crawler {
        settings,
        sources: sources.clone(),
        state,
        hosts: BTreeMap::new(),
        archive: archive::Writer::new(&opts.archive_dir)?,
        archive_dir: opts.archive_dir.clone(),
        indexer,
        pending: Vec::new(),
        touched: HashSet::new(),
        run_start: now_secs(),
        since: opts.since,
        summary: Summary::default(),
        agent,
        report: Box::new(report),
        bar,
    };

    // Pages an earlier run stored but did not get to index.
    let mut stored: Vec<(archive::Pointer, String)> = c
        .state
        .urls
        .iter()
        .filter(|(_, r)| r.status == Status::Stored)
        .filter_map(|(u, r)| r.warc.clone().map(|p| (p, u.clone())))
        .collect();
    stored.sort();
    for (ptr, url) in stored {
        match archive::read_at(&c.archive_dir, &ptr) {
            Ok(rec) => {
                c.index_page(&url, &ptr, &rec)?;
                c.summary.resumed += 1;
            }
            Err(e) => {
                (c.report)(&format!("{url}: {e:#}; fetched again"));
                let mut r = c.state.urls[&url].clone();
                r.status = Status::Queued;
                r.warc = None;
                c.state.commit(Changes {
                    records: vec![(url.clone(), r)],
                    enqueue: vec![url],
                    ..Changes::default()
                })?;
            }
        }
    }
    c.flush()?;

    // The frontier an earlier run left, then the start points and the pages due again.
    let now = Instant::now();
    if opts.urls.is_empty() {
        for url in c.state.frontier.values().cloned().collect::<Vec<_>>() {
            c.schedule(&url, 0, now);
        }
    }
    let mut changes = Changes::default();
    for s in &sources {
        for (u, kind) in &s.starts {
            match canonical(u, None) {
                // URLs named on the command line are fetched (conditionally) even when
                // they are not due.
                Some(cu) if !opts.urls.is_empty() && c.state.urls.contains_key(&cu) => {
                    let mut r = c.state.urls[&cu].clone();
                    if r.status == Status::Queued {
                        c.schedule(&cu, 0, now);
                    } else if !matches!(r.status, Status::Stored) {
                        r.status = Status::Queued;
                        changes.records.push((cu.clone(), r));
                        changes.enqueue.push(cu);
                    }
                }
                Some(cu) => {
                    c.enqueue(
                        &mut changes,
                        &cu,
                        UrlRecord::new(kind.clone(), &s.name, 0, Vec::new()),
                    );
                }
                None => (c.report)(&format!("{u}: not an http or https URL; skipped")),
            }
        }
    }
    if opts.urls.is_empty() {
        let due: Vec<(String, UrlRecord)> = c
            .state
            .urls
            .iter()
            .filter(|(u, r)| {
                r.kind == Kind::Page && sources.iter().any(|s| s.name == r.source) && c.due(u, r)
            })
            .map(|(u, r)| (u.clone(), r.clone()))
            .collect();
        for (u, r) in due {
            c.enqueue(&mut changes, &u, r);
        }
    }
    c.commit(changes)?;

    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    rt.block_on(c.crawl(client, limits, opts.max_pages))?;
    c.flush()?;
    c.bar.finish_and_clear();
    let mut summary = std::mem::take(&mut c.summary);
    summary.left = c.state.frontier.len();
    summary.index = c.indexer.finish()?;
    Ok(summary)
}
