//! Drives `avhopp serve` (the real binary) on temporary indexes built from the shipped corpus
//! plus a hostile document, over plain HTTP on 127.0.0.1, and a headless Chromium when one is
//! installed. No mocks, no internet.

use serde_json::Value;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn avhopp(index: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_avhopp"));
    c.current_dir(root())
        .env_remove("AVHOPP_INDEX")
        .env_remove("AVHOPP_CORPUS")
        .arg("--index")
        .arg(index);
    c
}

/// A title and text that would run script if they reached a page unescaped: it would
/// change the page's title to "pwned".
const PAYLOAD: &str =
    "<script>document.title='pwned'</script>\"><img src=x onerror=\"document.title='pwned'\">";

/// Writes the hostile document (a real Swedish article with a claim, and the payload in its
/// title, text, publisher and URL) into `dir`; returns its path.
fn write_xss_fixture(dir: &Path) -> PathBuf {
    let folder = dir.join("xss");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("xss.txt");
    std::fs::write(
        &path,
        format!(
            "Socialtjänsten i kris {PAYLOAD}\n\n\
             Socialtjänsten i Botkyrka har stora problem med personalen. {PAYLOAD} \
             Tio av 30 socialsekreterare i Botkyrka har sagt upp sig sedan årsskiftet, enligt facket. \
             Arbetsbelastningen är hög och många av de anställda vill byta jobb. Förvaltningen \
             säger att man arbetar med att rekrytera nya medarbetare under hösten.\n"
        ),
    )
    .unwrap();
    let toml_str = |s: &str| format!("{:?}", s); // a TOML basic string
    std::fs::write(
        folder.join("xss.txt.meta.toml"),
        format!(
            "title = {}\npublisher = {}\nurl = \"javascript:document.title='pwned'\"\npublished = \"2024-03-01\"\ntype = \"news\"\nmunicipality = \"Botkyrka\"\n",
            toml_str(&format!("Krisen {PAYLOAD}")),
            toml_str(&format!("Elak {PAYLOAD}")),
        ),
    )
    .unwrap();
    path
}

/// A running `avhopp serve` over a fresh index; stopped when dropped.
struct Server {
    child: Child,
    addr: String,
    index: PathBuf,
    xss_path: String,
    _dir: TempDir,
}

impl Server {
    fn start() -> Server {
        Server::start_with(|_| Vec::new())
    }

    /// A server over the shipped corpus, the hostile document and the folders `extra`
    /// writes into the temporary folder it is given.
    fn start_with(extra: impl FnOnce(&Path) -> Vec<PathBuf>) -> Server {
        let dir = TempDir::new().unwrap();
        let index = dir.path().join("index");
        let xss = write_xss_fixture(dir.path());
        let extra = extra(dir.path());
        let o = avhopp(&index)
            .arg("ingest")
            .arg("corpus")
            .arg(xss.parent().unwrap())
            .args(&extra)
            .output()
            .expect("run avhopp ingest");
        assert!(
            o.status.success(),
            "ingest failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let started = Instant::now();
        let mut child = avhopp(&index)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start avhopp serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .split_whitespace()
            .find_map(|w| w.strip_prefix("http://"))
            .unwrap_or_else(|| panic!("serve printed no address: {line:?}"))
            .trim_end_matches('/')
            .to_string();
        assert!(addr.starts_with("127.0.0.1:"), "{addr}");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "serve took {:?} to start",
            started.elapsed()
        );
        Server {
            child,
            addr,
            index,
            xss_path: xss.to_string_lossy().into_owned(),
            _dir: dir,
        }
    }

    fn request(&self, method: &str, target: &str, body: Option<(&str, &[u8])>) -> Reply {
        let mut s = TcpStream::connect(&self.addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let mut req = format!(
            "{method} {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.addr
        );
        if let Some((ctype, b)) = body {
            req.push_str(&format!(
                "Content-Type: {ctype}\r\nContent-Length: {}\r\n",
                b.len()
            ));
        }
        req.push_str("\r\n");
        s.write_all(req.as_bytes()).unwrap();
        if let Some((_, b)) = body {
            s.write_all(b).unwrap();
        }
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        Reply::parse(&raw)
    }

    fn get(&self, target: &str) -> Reply {
        self.request("GET", target, None)
    }

    /// GET that must answer 200 with JSON.
    fn json(&self, target: &str) -> Value {
        let r = self.get(target);
        assert_eq!(r.status, 200, "{target}: {}", r.body);
        assert!(r.header("content-type").contains("json"), "{target}");
        serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{target}: not JSON: {e}"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn parse(raw: &[u8]) -> Reply {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("end of headers");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut lines = head.lines();
        let status: u16 = lines
            .next()
            .unwrap()
            .split_whitespace()
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let mut body = raw[split + 4..].to_vec();
        if headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"))
        {
            body = dechunk(&body);
        }
        Reply {
            status,
            headers,
            body: String::from_utf8(body).expect("UTF-8 body"),
        }
    }

    fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let nl = b.windows(2).position(|w| w == b"\r\n").expect("chunk size");
        let size = usize::from_str_radix(
            std::str::from_utf8(&b[..nl])
                .unwrap()
                .split(';')
                .next()
                .unwrap()
                .trim(),
            16,
        )
        .unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&b[nl + 2..nl + 2 + size]);
        b = &b[nl + 2 + size + 2..];
    }
}

/// Percent-encodes a query value.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

const BOTKYRKA_SENTENCE: &str = "Tio av 30 socialsekreterare i Botkyrka har sagt upp sig";
const SEED_000: &str = "corpus/seeds/000_d5f2ced145012597.txt";

#[test]
fn api_answers_as_the_cli_does() {
    let s = Server::start();

    // Timeline: Botkyrka 2021 with 10 and 12 of 30 resigned, from two sources.
    let t = s.json("/api/timeline");
    let rows = t["rows"].as_array().unwrap();
    let botkyrka = rows
        .iter()
        .find(|r| r["municipality"] == "Botkyrka" && r["period"] == "2021")
        .unwrap_or_else(|| panic!("no Botkyrka 2021: {t}"));
    let resigned: Vec<(f64, f64)> = botkyrka["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "resigned")
        .map(|c| (c["value"].as_f64().unwrap(), c["of"].as_f64().unwrap()))
        .collect();
    assert_eq!(resigned, vec![(10.0, 30.0), (12.0, 30.0)]);
    assert_eq!(botkyrka["sources"], 2);
    assert_eq!(rows[0]["municipality"], "Botkyrka", "most claims first");
    let q = s.json("/api/timeline?municipality=botkyrka&by=quarter&kind=resigned");
    assert!(q["rows"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["municipality"] == "Botkyrka" && r["period"].as_str().unwrap().contains("-Q")));

    // Check: supported by the Mitt i article.
    let c = s.json(&format!(
        "/api/check?sentence={}&today=2025-01-01",
        enc(BOTKYRKA_SENTENCE)
    ));
    let first = &c["checks"][0];
    assert_eq!(first["verdict"], "supported", "{c}");
    assert_eq!(first["claim"]["municipality"], "Botkyrka");
    let same = first["same"].as_array().unwrap();
    assert!(
        same.iter()
            .any(|e| e["publisher"] == "Mitt i" && e["doc"] == SEED_000),
        "{c}"
    );
    // The same check as a form POST.
    let form = format!("sentence={}", enc(BOTKYRKA_SENTENCE));
    let r = s.request(
        "POST",
        "/api/check",
        Some(("application/x-www-form-urlencoded", form.as_bytes())),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("\"supported\""));

    // Search: ranked hits with snippets; paging by offset.
    let hits = s.json("/api/search?q=upps%C3%A4gning&limit=2");
    assert_eq!(hits["hits"].as_array().unwrap().len(), 2);
    let total = hits["total"].as_u64().unwrap();
    assert!(total >= 3, "{hits}");
    let next = s.json("/api/search?q=upps%C3%A4gning&limit=2&offset=2");
    assert_ne!(hits["hits"][0]["path"], next["hits"][0]["path"]);
    assert!(hits["hits"][0]["snippet_marked"]
        .as_str()
        .unwrap()
        .contains("**"));
    let vallentuna = s.json("/api/search?q=socialsekreterare&municipality=Vallentuna");
    assert!(vallentuna["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["municipalities"]
            .as_array()
            .unwrap()
            .contains(&"Vallentuna".into())));
    let municipal = s.json("/api/search?q=socialsekreterare&type=municipal");
    assert!(municipal["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["type"] == "municipal"));

    // Claims with a filter, and the municipalities with their claim counts.
    let claims = s.json("/api/claims?kind=caseload&municipality=Botkyrka");
    assert_eq!(claims["total"], 2, "{claims}");
    assert!(claims["claims"][0]["figure"]
        .as_str()
        .unwrap()
        .contains("cases/worker"));
    let ranged = s.json("/api/claims?min_value=40&max_value=50");
    assert!(ranged["claims"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| (40.0..=50.0).contains(&c["value"].as_f64().unwrap())));
    let m = s.json("/api/municipalities");
    let list = m["municipalities"].as_array().unwrap();
    assert_eq!(list.len(), 290);
    let b = list.iter().find(|m| m["name"] == "Botkyrka").unwrap();
    assert_eq!(b["code"], "0127");
    assert!(b["claims"].as_u64().unwrap() >= 7);
    let typed = s.json("/api/municipalities?q=bot");
    assert!(typed["municipalities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["name"] == "Botkyrka"));
    assert_eq!(s.json("/api/kinds")["kinds"].as_array().unwrap().len(), 10);
}

#[test]
fn downloads_are_whole_and_match_the_cli() {
    let s = Server::start();
    // The claim CSV is exactly what `avhopp claims --format csv` prints.
    for (query, args) in [
        ("", vec![]),
        (
            "?municipality=Botkyrka&kind=resigned",
            vec!["--municipality", "Botkyrka", "--kind", "resigned"],
        ),
    ] {
        let r = s.get(&format!("/api/claims.csv{query}"));
        assert_eq!(r.status, 200);
        assert!(r.header("content-type").starts_with("text/csv"));
        assert!(r.header("content-disposition").contains("claims.csv"));
        let cli = avhopp(&s.index)
            .args(["claims", "--format", "csv"])
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(r.body, String::from_utf8(cli.stdout).unwrap(), "{query}");
    }
    let jsonl = s.get("/api/claims.jsonl?municipality=Botkyrka");
    let cli = avhopp(&s.index)
        .args(["claims", "--format", "jsonl", "--municipality", "Botkyrka"])
        .output()
        .unwrap();
    assert_eq!(jsonl.body, String::from_utf8(cli.stdout).unwrap());
    let all = s.json("/api/claims?limit=1");
    let lines = s.get("/api/claims.jsonl").body.lines().count();
    assert_eq!(lines as u64, all["total"].as_u64().unwrap(), "uncapped");

    // Search downloads hold every hit, not one page.
    let total = s.json("/api/search?q=socialsekreterare&limit=1")["total"]
        .as_u64()
        .unwrap();
    let csv = s.get("/api/search.csv?q=socialsekreterare").body;
    assert!(csv.starts_with("rank,score,title,"));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.records().count() as u64, total);
    let jl = s.get("/api/search.jsonl?q=socialsekreterare").body;
    assert_eq!(jl.lines().count() as u64, total);

    // Batch search: a CSV of queries in, a CSV of hits per query out.
    let body = "query\nuppsägning\n\"\"\"Utredning vuxen\"\"\"\nzzzinget\n(broken\n";
    let r = s.request(
        "POST",
        "/api/batch-search?limit=2",
        Some(("text/csv", body.as_bytes())),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let mut reader = csv::Reader::from_reader(r.body.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "query_row");
    assert_eq!(&header[header.len() - 1], "error");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let of = |q: &str| rows.iter().filter(|r| &r[1] == q).collect::<Vec<_>>();
    assert_eq!(of("uppsägning").len(), 2);
    assert!(!of("\"Utredning vuxen\"").is_empty());
    assert!(of("\"Utredning vuxen\"")[0][11].contains("000_d5f2ced145012597"));
    assert_eq!(&of("zzzinget")[0][2], "0");
    assert!(of("(broken")[0][13].contains("unclosed '('"));
    let empty = s.request("POST", "/api/batch-search", Some(("text/csv", b"query\n")));
    assert_eq!(empty.status, 400);
}

#[test]
fn bad_input_is_a_json_400() {
    let s = Server::start();
    for (target, needle) in [
        ("/api/search?q=(socialsekreterare", "unclosed '('"),
        ("/api/search?q=%22uppsägning", "unclosed quote"),
        ("/api/search?q=x&kind=quitters", "unknown claim kind"),
        ("/api/claims?kind=quitters", "unknown claim kind"),
        (
            "/api/search?q=x&municipality=Botkyrkka",
            "did you mean Botkyrka",
        ),
        (
            "/api/timeline?municipality=Atlantis",
            "unknown municipality",
        ),
        ("/api/search?q=x&from=2021-13-01", "bad date"),
        ("/api/claims?to=yesterday", "bad date"),
        ("/api/claims?from=2022&to=2021", "after"),
        ("/api/search?q=x&limit=0", "between 1 and 100"),
        ("/api/search?q=x&limit=100000", "between 1 and 100"),
        ("/api/search?q=x&limit=ten", "whole number"),
        ("/api/claims?limit=5000", "between 1 and 1000"),
        ("/api/claims?min_value=lots", "must be a number"),
        ("/api/timeline?by=decade", "year, quarter or month"),
        ("/api/search?q=x&type=spreadsheet", "unknown document type"),
        ("/api/search?q=x&muncipality=Botkyrka", "unknown parameter"),
        ("/api/check", "'sentence' is required"),
        ("/api/check?sentence=hej", "no checkable figure"),
        ("/api/check?sentence=Tio+av+30&today=igår", "bad date"),
        ("/api/claims.csv?q=(x", "unclosed '('"),
        ("/api/claims.csv?limit=3", "leave out limit"),
        ("/api/search.jsonl?q=x&kind=nope", "unknown claim kind"),
    ] {
        let r = s.get(target);
        assert_eq!(r.status, 400, "{target}: {}", r.body);
        assert!(
            r.header("content-type").contains("application/json"),
            "{target}"
        );
        let v: Value = serde_json::from_str(&r.body).unwrap();
        let msg = v["error"]
            .as_str()
            .unwrap_or_else(|| panic!("{target}: {v}"));
        assert!(msg.contains(needle), "{target}: {msg}");
    }
    let r = s.get("/api/nothing-here");
    assert_eq!(r.status, 404);
    assert!(r.body.contains("\"error\""));
    // Pages answer bad input with the form and a message, not a 500.
    for target in [
        "/?q=(broken",
        "/?q=x&municipality=Atlantis",
        "/timeline?from=soon",
        "/check?sentence=hej",
    ] {
        let r = s.get(target);
        assert_eq!(r.status, 400, "{target}");
        assert!(r.body.contains("class=\"error\""), "{target}");
    }
    assert_eq!(s.get("/doc?path=nowhere.txt").status, 404);
}

#[test]
fn openapi_lists_every_api_route() {
    let s = Server::start();
    let doc = s.json("/api/openapi.json");
    let documented: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let served = avhopp::web::api_paths();
    for p in &served {
        assert!(
            documented.contains(p),
            "{p} is served but not in openapi.json"
        );
        // And the server really answers there (a 400 for missing input is an answer).
        let r = s.get(p);
        assert_ne!(r.status, 404, "{p}");
        assert!(r.status < 500, "{p}: {}", r.body);
    }
    for p in &documented {
        assert!(served.contains(p), "{p} is in openapi.json but not served");
    }
}

#[test]
fn document_text_is_escaped_everywhere() {
    let s = Server::start();
    let xss = enc(&s.xss_path);
    let pages = [
        "/?q=pwned".to_string(),
        "/?q=socialsekreterare&municipality=Botkyrka".to_string(),
        format!("/doc?path={xss}"),
        "/timeline".to_string(),
        "/timeline?municipality=Botkyrka&by=month".to_string(),
        format!("/check?sentence={}", enc(BOTKYRKA_SENTENCE)),
        format!(
            "/check?sentence={}",
            enc(&format!("{BOTKYRKA_SENTENCE} {PAYLOAD}"))
        ),
        format!("/?q={}", enc(PAYLOAD)),
        format!("/nowhere{}", enc(PAYLOAD)),
    ];
    let mut seen_escaped = 0;
    for target in &pages {
        let r = s.get(target);
        assert!(r.status < 500, "{target}");
        let lower = r.body.to_lowercase();
        assert!(!lower.contains("<script"), "{target} has a script tag");
        assert!(!lower.contains("<img"), "{target} has an img tag");
        assert!(!lower.contains("onerror=\""), "{target}");
        assert!(
            !lower.contains("href=\"javascript"),
            "{target} links javascript:"
        );
        if r.body
            .contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;")
        {
            seen_escaped += 1;
        }
        assert!(r
            .header("content-security-policy")
            .contains("default-src 'none'"));
    }
    assert!(seen_escaped >= 5, "the payload shows as text on the pages");
    // The document view shows the hostile document's claim, marked, and its URL as text.
    let doc = s.get(&format!("/doc?path={xss}"));
    assert_eq!(doc.status, 200);
    assert!(doc.body.contains("<mark id=\"s"), "{}", doc.body);
    assert!(doc
        .body
        .contains("Original: javascript:document.title=&#39;pwned&#39;"));
    // The API returns the text as data (JSON-escaped), not as markup.
    let api = s.json("/api/search?q=pwned");
    assert!(api["hits"][0]["title"]
        .as_str()
        .unwrap()
        .contains("<script>"));
}

#[test]
fn static_files_stay_in_their_folder() {
    let s = Server::start();
    let css = s.get("/static/style.css");
    assert_eq!(css.status, 200);
    assert!(css.header("content-type").starts_with("text/css"));
    assert!(css.body.contains("mark.k-resigned"));
    for target in [
        "/static/../Cargo.toml",
        "/static/..%2f..%2fCargo.toml",
        "/static/%2e%2e/%2e%2e/Cargo.toml",
        "/static//etc/passwd",
        "/static/..\\..\\Cargo.toml",
        "/static/style.css/../../Cargo.toml",
        "/../../../../etc/passwd",
    ] {
        let r = s.get(target);
        assert!(r.status == 404 || r.status == 400, "{target}: {}", r.status);
        assert!(
            !r.body.contains("[package]") && !r.body.contains("root:"),
            "{target}"
        );
    }
}

#[test]
fn pages_answer_with_the_data() {
    let s = Server::start();
    let search = s.get("/?q=upps%C3%A4gning");
    assert_eq!(search.status, 200);
    assert!(
        search.body.contains("Krisen på socialen"),
        "{}",
        search.body
    );
    assert!(search.body.contains("<b>"), "highlighted snippet");
    assert!(search.body.contains("<datalist id=\"municipalities\">"));
    assert!(search.body.matches("<option value=\"").count() >= 290);
    // Paging: one hit per page, a link to the next.
    let paged = s.get("/?q=socialsekreterare&limit=1&page=2");
    assert!(paged.body.contains("rel=\"prev\""), "{}", paged.body);
    let timeline = s.get("/timeline");
    assert_eq!(timeline.status, 200);
    for needle in [
        "<svg",
        "Botkyrka",
        "10 of 30 resigned",
        "12 of 30 resigned",
        "Mitt i",
    ] {
        assert!(timeline.body.contains(needle), "timeline lacks {needle}");
    }
    let check = s.get(&format!("/check?sentence={}", enc(BOTKYRKA_SENTENCE)));
    assert!(check.body.contains("badge supported"), "{}", check.body);
    let doc = s.get(&format!("/doc?path={}", enc(SEED_000)));
    assert!(doc.body.contains("class=\"k-resigned\""));
    assert!(doc.body.contains("Kommunen om personalflykten"));
}

// --- in a real browser -------------------------------------------------------------------

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("AVHOPP_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for name in [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ] {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// Runs headless Chromium with `args` on `url`; its stdout.
fn run_chromium(bin: &Path, profile: &Path, args: &[&str], url: &str) -> String {
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--window-size=1400,1000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let mut out = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        out.read_to_string(&mut s).ok();
        s
    });
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish on {url}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap()
}

#[test]
fn in_a_headless_browser() {
    let Some(bin) = chromium() else {
        println!("SKIPPED in_a_headless_browser: no chromium on PATH (apt-get install chromium)");
        eprintln!("SKIPPED in_a_headless_browser: no chromium on PATH (apt-get install chromium)");
        return;
    };
    let s = Server::start();
    let profile = TempDir::new().unwrap();
    let base = format!("http://{}", s.addr);
    let dom = |target: &str| {
        run_chromium(
            &bin,
            profile.path(),
            &["--dump-dom"],
            &format!("{base}{target}"),
        )
    };

    let search = dom("/?q=upps%C3%A4gning&municipality=Vallentuna");
    assert!(search.contains("Krisen på socialen"), "{search}");
    assert!(
        search.contains("1</b> document"),
        "one Vallentuna hit: {search}"
    );

    let timeline = dom("/timeline");
    assert!(
        timeline.contains("Botkyrka") && timeline.contains("<svg"),
        "{timeline}"
    );
    assert!(timeline.contains("10 of 30 resigned"));

    let check = dom(&format!("/check?sentence={}", enc(BOTKYRKA_SENTENCE)));
    assert!(check.contains("Supported"), "{check}");
    assert!(check.contains("Mitt i"));

    // The hostile document shows its payload as text, and no script ran.
    let xss = dom(&format!("/doc?path={}", enc(&s.xss_path)));
    assert!(!xss.contains("pwned</title>"), "script ran: {xss}");
    assert!(xss.contains("<title>Krisen &lt;script&gt;"), "{xss}");
    assert!(
        xss.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"),
        "{xss}"
    );
    assert!(!xss.to_lowercase().contains("<img"), "{xss}");

    // A picture of the timeline, to look at: target/web-screenshots/timeline.png.
    let shots = root().join("target").join("web-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let png = shots.join("timeline.png");
    let _ = std::fs::remove_file(&png);
    run_chromium(
        &bin,
        profile.path(),
        &[&format!("--screenshot={}", png.display())],
        &format!("{base}/timeline"),
    );
    let bytes = std::fs::read(&png).expect("screenshot written");
    assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000);
}

/// Writes `n` plain-text articles (synthetic, for this test) with two claim sentences each
/// over a few municipalities and years; returns their folder.
fn write_many_claims(dir: &Path, n: usize) -> PathBuf {
    let corpus = dir.join("many");
    std::fs::create_dir_all(&corpus).unwrap();
    let places = ["Kiruna", "Malmö", "Umeå", "Gotland"];
    for i in 0..n {
        let place = places[i % places.len()];
        let year = 2012 + (i * 7) % 13;
        let m = 2 + i % 9;
        let text = format!(
            "SYNTETISK testartikel {i} om {place}\n\nPublicerad {year}-{:02}-{:02}\n\n\
             Kommunstyrelsen sammanträdde på tisdagen och diskuterade bland annat den nya översiktsplanen.\n\n\
             I {place} har {m} av 40 socialsekreterare sagt upp sig under {year}. \
             {place} kommun har hyrt in {} socionomkonsulter under {year}.\n",
            1 + i % 12,
            1 + i % 28,
            m + 1
        );
        std::fs::write(corpus.join(format!("artikel-{i:04}.txt")), text).unwrap();
    }
    corpus
}

/// Per (municipality, period): (claims, sources).
fn cells(rows: &Value, claims: impl Fn(&Value) -> u64) -> BTreeMap<(String, String), (u64, u64)> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                (
                    r["municipality"].as_str().unwrap_or("").to_string(),
                    r["period"].as_str().unwrap().to_string(),
                ),
                (claims(r), r["sources"].as_u64().unwrap()),
            )
        })
        .collect()
}

#[test]
fn many_claims_are_counted_not_listed() {
    let s = Server::start_with(|dir| vec![write_many_claims(dir, 160)]);
    let summary = s.json("/api/timeline");
    assert_eq!(summary["view"], "summary", "{summary}");
    let listed = s.json("/api/timeline?view=claims");
    assert_eq!(listed["view"], "claims");
    assert!(
        listed["claims"].as_u64().unwrap() > 200,
        "{}",
        listed["claims"]
    );
    assert_eq!(summary["claims"], listed["claims"]);
    assert_eq!(summary["municipalities"], listed["municipalities"]);
    // The counts are those of the claims listed, cell by cell, sources included.
    let counted = cells(&summary["rows"], |r| r["claims"].as_u64().unwrap());
    let from_list = cells(&listed["rows"], |r| {
        r["claims"].as_array().unwrap().len() as u64
    });
    assert_eq!(counted, from_list);
    let kiruna_2012 = summary["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["municipality"] == "Kiruna" && r["period"] == "2012")
        .unwrap_or_else(|| panic!("no Kiruna 2012: {summary}"));
    let kinds: Vec<&str> = kiruna_2012["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"resigned") && kinds.contains(&"consultants"),
        "{kiruna_2012}"
    );
    // One municipality, or a document type (which the counts do not know), lists claims.
    let kiruna = s.json("/api/timeline?municipality=Kiruna");
    assert_eq!(kiruna["view"], "claims");
    assert!(
        kiruna["rows"][0]["claims"][0]["quote"].is_string(),
        "{kiruna}"
    );
    assert_eq!(s.json("/api/timeline?type=news")["view"], "claims");
    let refused = s.get("/api/timeline?view=summary&type=news");
    assert_eq!(refused.status, 400);
    assert_eq!(s.get("/api/timeline?view=all").status, 400);
    // The page shows the table of counts, each municipality linking to its claims.
    let page = s.get("/timeline?by=quarter");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("summary-table"), "{}", page.body);
    assert!(page.body.contains("<b>counted</b>"));
    assert!(
        page.body
            .contains("href=\"/timeline?municipality=Kiruna&amp;by=quarter\""),
        "{}",
        page.body
    );
    assert!(page.body.contains("-Q"));
    let listing = s.get("/timeline?municipality=Kiruna");
    assert!(!listing.body.contains("summary-table"));
    assert!(listing.body.contains("Every claim, with its source"));
}
