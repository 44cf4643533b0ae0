//! The archive: every HTTP response avhopp receives, stored raw as a WARC 1.1 `response`
//! record, each record its own gzip member, so that a record can be read from its offset
//! alone and a file cut short by a crash loses only its last record.
//!
//! Each crawl run appends to a new file `corpus/warc/YYYYMMDDTHHMMSS-PID.warc.gz`; files sort
//! in the order they were written. Besides the standard fields a record carries what avhopp
//! needs to index it again without the sources file: `WARC-Avhopp-Source`,
//! `WARC-Avhopp-Kind` (page, feed, sitemap, listing, robots), `WARC-Avhopp-Type` and
//! `WARC-Avhopp-Municipality`. The body is stored as received after content decoding
//! (gzip, brotli): the HTTP client drops `Content-Encoding` and `Content-Length` when it
//! decodes, so the stored headers describe the stored body. robots.txt answers, redirects
//! and error pages are stored too; a 304 has no body and an answer cut off (time-out, over
//! the size limit) is not stored.

use anyhow::{anyhow, bail, Context, Result};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// One response as stored.
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub url: String,
    pub date: String,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub source: String,
    pub kind: String,
    pub doc_type: String,
    pub municipality: Option<String>,
}

impl Record {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Where a record is: the file's name (inside the archive folder) and its byte offset.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Pointer {
    pub file: String,
    pub offset: u64,
}

impl std::fmt::Display for Pointer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}#{}", self.file, self.offset)
    }
}

/// Appends records to this run's WARC file.
pub struct Writer {
    dir: PathBuf,
    name: String,
    file: Option<File>,
}

fn clean(v: &str) -> String {
    v.replace(['\r', '\n'], " ")
}

impl Writer {
    pub fn new(dir: &Path) -> Result<Writer> {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the archive folder {}", dir.display()))?;
        let name = format!(
            "{}-{}.warc.gz",
            chrono::Utc::now().format("%Y%m%dT%H%M%S%.3f"),
            std::process::id()
        );
        Ok(Writer {
            dir: dir.to_path_buf(),
            name,
            file: None,
        })
    }

    /// Writes one record and syncs it to disk; returns where it is.
    pub fn append(&mut self, rec: &Record) -> Result<Pointer> {
        if self.file.is_none() {
            let path = self.dir.join(&self.name);
            self.file = Some(
                OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&path)
                    .with_context(|| format!("cannot open {}", path.display()))?,
            );
        }
        let file = self.file.as_mut().expect("opened");
        let offset = file.seek(SeekFrom::End(0))?;

        let mut http = format!("HTTP/1.1 {} {}\r\n", rec.status, reason(rec.status));
        for (k, v) in &rec.headers {
            http.push_str(&format!("{}: {}\r\n", clean(k), clean(v)));
        }
        http.push_str("\r\n");
        let block_len = http.len() + rec.body.len();
        let id = format!(
            "<urn:uuid:{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}>",
            fastrand::u32(..),
            fastrand::u16(..),
            fastrand::u16(..0x1000),
            0x8000 | fastrand::u16(..0x4000),
            fastrand::u64(..1 << 48)
        );
        let mut head = format!(
            "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: {id}\r\nWARC-Date: {}\r\nWARC-Target-URI: {}\r\nContent-Type: application/http;msgtype=response\r\nWARC-Avhopp-Source: {}\r\nWARC-Avhopp-Kind: {}\r\nWARC-Avhopp-Type: {}\r\n",
            clean(&rec.date), clean(&rec.url), clean(&rec.source), clean(&rec.kind), clean(&rec.doc_type)
        );
        if let Some(m) = &rec.municipality {
            head.push_str(&format!("WARC-Avhopp-Municipality: {}\r\n", clean(m)));
        }
        head.push_str(&format!("Content-Length: {block_len}\r\n\r\n"));

        let mut gz = GzEncoder::new(Vec::new(), Compression::default());
        gz.write_all(head.as_bytes())?;
        gz.write_all(http.as_bytes())?;
        gz.write_all(&rec.body)?;
        gz.write_all(b"\r\n\r\n")?;
        let bytes = gz.finish()?;
        file.write_all(&bytes)?;
        file.sync_data()?;
        Ok(Pointer {
            file: self.name.clone(),
            offset,
        })
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

fn read_line<R: BufRead>(r: &mut R) -> Result<String> {
    let mut line = Vec::new();
    r.read_until(b'\n', &mut line)?;
    Ok(String::from_utf8_lossy(&line)
        .trim_end_matches(['\r', '\n'])
        .to_string())
}

/// Parses one decompressed record.
fn parse(data: &[u8]) -> Result<Record> {
    let mut r = data;
    let first = read_line(&mut r)?;
    if !first.starts_with("WARC/") {
        bail!("not a WARC record");
    }
    let mut rec = Record::default();
    let mut len = None;
    let mut warc_type = String::new();
    loop {
        let line = read_line(&mut r)?;
        if line.is_empty() {
            break;
        }
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let v = v.trim().to_string();
        match k.trim().to_ascii_lowercase().as_str() {
            "warc-type" => warc_type = v,
            "warc-target-uri" => rec.url = v,
            "warc-date" => rec.date = v,
            "warc-avhopp-source" => rec.source = v,
            "warc-avhopp-kind" => rec.kind = v,
            "warc-avhopp-type" => rec.doc_type = v,
            "warc-avhopp-municipality" => rec.municipality = Some(v),
            "content-length" => len = v.parse::<usize>().ok(),
            _ => {}
        }
    }
    if warc_type != "response" {
        bail!("a {warc_type} record");
    }
    let len = len.ok_or_else(|| anyhow!("record without Content-Length"))?;
    if r.len() < len {
        bail!("record cut short");
    }
    let mut block = &r[..len];
    let status_line = read_line(&mut block)?;
    rec.status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| anyhow!("bad HTTP status line"))?;
    loop {
        let line = read_line(&mut block)?;
        if line.is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            rec.headers
                .push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    rec.body = block.to_vec();
    Ok(rec)
}

/// Reads the record at `ptr` in the archive folder `dir`.
pub fn read_at(dir: &Path, ptr: &Pointer) -> Result<Record> {
    let path = dir.join(&ptr.file);
    let mut f = File::open(&path).with_context(|| format!("cannot open {}", path.display()))?;
    f.seek(SeekFrom::Start(ptr.offset))?;
    let mut data = Vec::new();
    flate2::bufread::GzDecoder::new(BufReader::new(f))
        .read_to_end(&mut data)
        .with_context(|| format!("{ptr}: unreadable record"))?;
    parse(&data).with_context(|| format!("{ptr}"))
}

/// The archive's WARC files in the order they were written.
pub fn files(dir: &Path) -> Result<Vec<String>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".warc.gz"))
        .collect();
    names.sort();
    Ok(names)
}

/// Every record of one file in order, with its pointer. A record cut short (the crawler was
/// killed while writing it) ends the file: `Err` is given once for it.
pub fn read_file(
    dir: &Path,
    name: &str,
    mut each: impl FnMut(Result<(Pointer, Record)>),
) -> Result<()> {
    let path = dir.join(name);
    let f = File::open(&path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut reader = BufReader::new(f);
    loop {
        if reader.fill_buf()?.is_empty() {
            return Ok(());
        }
        let offset = reader.stream_position()?;
        let ptr = Pointer {
            file: name.to_string(),
            offset,
        };
        let mut data = Vec::new();
        let mut gz = flate2::bufread::GzDecoder::new(reader);
        let res = gz.read_to_end(&mut data);
        reader = gz.into_inner();
        if let Err(e) = res {
            each(Err(anyhow!(
                "{ptr}: unreadable record ({e}); the rest of the file is skipped"
            )));
            return Ok(());
        }
        match parse(&data) {
            Ok(rec) => each(Ok((ptr, rec))),
            Err(e) => each(Err(anyhow!("{ptr}: {e}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_by_pointer_and_in_order() {
        let dir = tempfile::TempDir::new().unwrap();
        let mut w = Writer::new(dir.path()).unwrap();
        let mut ptrs = Vec::new();
        for i in 0..3 {
            let rec = Record {
                url: format!("https://e.se/{i}"),
                date: "2026-01-01T00:00:00Z".into(),
                status: 200,
                headers: vec![("Content-Type".into(), "text/html".into())],
                body: format!("<p>sida {i} å</p>").into_bytes(),
                source: "S".into(),
                kind: "page".into(),
                doc_type: "news".into(),
                municipality: Some("Botkyrka".into()),
            };
            ptrs.push(w.append(&rec).unwrap());
        }
        let r = read_at(dir.path(), &ptrs[1]).unwrap();
        assert_eq!(r.url, "https://e.se/1");
        assert_eq!(r.body, "<p>sida 1 å</p>".as_bytes());
        assert_eq!(r.header("content-type"), Some("text/html"));
        assert_eq!(r.municipality.as_deref(), Some("Botkyrka"));
        // A record cut short at the end is reported and the others are read.
        let name = files(dir.path()).unwrap().remove(0);
        let path = dir.path().join(&name);
        let mut bytes = std::fs::read(&path).unwrap();
        let keep = bytes.len() - 10;
        bytes.truncate(keep);
        std::fs::write(&path, bytes).unwrap();
        let mut seen = Vec::new();
        let mut errors = 0;
        read_file(dir.path(), &name, |r| match r {
            Ok((p, rec)) => seen.push((p, rec.url)),
            Err(_) => errors += 1,
        })
        .unwrap();
        assert_eq!(seen.len(), 2);
        assert_eq!(seen[1].0, ptrs[1]);
        assert_eq!(errors, 1);
    }
}
