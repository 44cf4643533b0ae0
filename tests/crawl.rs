//! Drives `avhopp crawl` and `avhopp reindex` against a small HTTP server on 127.0.0.1 that
//! the test starts and that logs every request. Nothing here touches the internet.

use serde_json::Value;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};
use tempfile::TempDir;

#[derive(Debug, Clone)]
struct Req {
    path: String,
    at: Instant,
    /// When the answer began (after the handler's own delay).
    answered: Instant,
    headers: HashMap<String, String>,
    status: u16,
}

enum Reply {
    Full(u16, Vec<(&'static str, String)>, Vec<u8>),
    /// A body that never ends: a byte every 100 ms (for at most 10 s).
    Trickle,
    /// This many bytes without a Content-Length.
    Stream(usize),
}

type Handler = dyn Fn(&str, &HashMap<String, String>, u32) -> Reply + Send + Sync;

struct Server {
    ip: String,
    port: u16,
    log: Arc<Mutex<Vec<Req>>>,
}

impl Server {
    /// Serves `handler` (given the path, the request headers and how often this path was
    /// asked for before) on a free port.
    fn start(handler: Box<Handler>) -> Server {
        Server::start_on("127.0.0.1", handler)
    }

    fn start_on(ip: &str, handler: Box<Handler>) -> Server {
        let listener = TcpListener::bind((ip, 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let log: Arc<Mutex<Vec<Req>>> = Arc::default();
        let handler: Arc<Handler> = Arc::from(handler);
        let l = log.clone();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (log, handler) = (l.clone(), handler.clone());
                thread::spawn(move || serve(stream, &log, &*handler));
            }
        });
        Server {
            ip: ip.to_string(),
            port,
            log,
        }
    }

    fn base(&self) -> String {
        format!("http://{}:{}", self.ip, self.port)
    }

    fn log(&self) -> Vec<Req> {
        self.log.lock().unwrap().clone()
    }

    fn hits(&self, path: &str) -> Vec<Req> {
        self.log().into_iter().filter(|r| r.path == path).collect()
    }
}

fn serve(stream: TcpStream, log: &Mutex<Vec<Req>>, handler: &Handler) {
    let at = Instant::now();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let (before, slot) = {
        let mut log = log.lock().unwrap();
        let before = log.iter().filter(|r| r.path == path).count() as u32;
        log.push(Req {
            path: path.clone(),
            at,
            answered: at,
            headers: headers.clone(),
            status: 0,
        });
        (before, log.len() - 1)
    };
    let reply = handler(&path, &headers, before);
    {
        let mut log = log.lock().unwrap();
        log[slot].answered = Instant::now();
        log[slot].status = match &reply {
            Reply::Full(s, _, _) => *s,
            _ => 200,
        };
    }
    let mut out = stream;
    match reply {
        Reply::Full(status, headers, body) => {
            let mut head = format!(
                "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                body.len()
            );
            for (k, v) in headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str("\r\n");
            let _ = out.write_all(head.as_bytes());
            let _ = out.write_all(&body);
        }
        Reply::Trickle => {
            let _ = out.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
            for _ in 0..100 {
                if out.write_all(b"1\r\nx\r\n").is_err() || out.flush().is_err() {
                    break;
                }
                thread::sleep(Duration::from_millis(100));
            }
        }
        Reply::Stream(n) => {
            let _ = out.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n",
            );
            let chunk = vec![b'a'; 64 * 1024];
            let mut sent = 0;
            while sent < n {
                if out.write_all(&chunk).is_err() {
                    break;
                }
                sent += chunk.len();
            }
        }
    }
    let _ = out.flush();
}

fn html(body: &[u8]) -> Reply {
    Reply::Full(
        200,
        vec![("Content-Type", "text/html".into())],
        body.to_vec(),
    )
}

fn article(title: &str, paragraphs: &[&str]) -> String {
    let mut s = format!(
        "<!doctype html><html lang=\"sv\"><head><title>{title}</title></head><body>\
         <nav><a href=\"/\">Hem</a></nav><article><h1>{title}</h1>"
    );
    for p in paragraphs {
        s.push_str(&format!("<p>{p}</p>"));
    }
    s.push_str("</article><footer>Kontakt</footer></body></html>");
    s
}

fn cp1252(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            'å' => 0xe5,
            'ä' => 0xe4,
            'ö' => 0xf6,
            'Å' => 0xc5,
            'Ä' => 0xc4,
            'Ö' => 0xd6,
            'é' => 0xe9,
            c if c.is_ascii() => c as u8,
            c => panic!("not in the test's windows-1252 table: {c}"),
        })
        .collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

const NEWS1: &str =
    "Tolv av 30 socialsekreterare i Botkyrka har sagt upp sig under våren 2024, enligt facket.";
const NEWS2: &str =
    "Femton av 40 socialsekreterare i Växjö har sagt upp sig under 2023, säger förvaltningschefen.";
const NEWS3: &str = "Varje handläggare i Örebro har i dag 45 ärenden, uppger förvaltningen.";
const MUNI: &str = "Nämnden konstaterar att 8 av 20 socialsekreterare har sagt upp sig under 2023.";
const FLAKY: &str = "Sju av 25 socialsekreterare i Nacka har sagt upp sig under hösten 2023.";
const LIMITED: &str = "Tio av 30 socialsekreterare i Huddinge har sagt upp sig under 2022.";

/// The site of the main test: feed, sitemap index with a gzipped sitemap, a listing page,
/// UTF-8 and windows-1252 pages, robots.txt, and pages that fail in every way.
fn site() -> Box<Handler> {
    let bomb = Arc::new(gzip(&vec![b' '; 10 << 20]));
    Box::new(move |path, headers, before| {
        let p = path;
        match p {
            "/robots.txt" => Reply::Full(
                200,
                vec![("Content-Type", "text/plain".into())],
                b"User-agent: *\nDisallow: /private/\nCrawl-delay: 0.1\n".to_vec(),
            ),
            "/feed.xml" => Reply::Full(
                200,
                vec![("Content-Type", "application/rss+xml".into())],
                br#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Lokalbladet</title><link>/</link><description>x</description>
                <item><title>1</title><link>/news/1?utm_source=rss&amp;utm_medium=feed#top</link><pubDate>Tue, 07 May 2024 08:00:00 +0200</pubDate></item>
                <item><title>2</title><link>/news/2</link></item>
                <item><title>dup</title><link>/news/dup</link></item>
                <item><title>secret</title><link>/private/secret</link></item>
                <item><title>1 again</title><link>/news/1</link></item>
                </channel></rss>"#
                    .to_vec(),
            ),
            "/sitemap_index.xml" => Reply::Full(
                200,
                vec![("Content-Type", "application/xml".into())],
                br#"<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/sitemap-a.xml.gz</loc></sitemap></sitemapindex>"#.to_vec(),
            ),
            "/sitemap-a.xml.gz" => Reply::Full(
                200,
                vec![("Content-Type", "application/gzip".into())],
                gzip(br#"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                    <url><loc>/muni/protokoll</loc><lastmod>2024-01-10</lastmod></url>
                    <url><loc>/flaky</loc></url><url><loc>/limited</loc></url></urlset>"#),
            ),
            "/listing" => html(
                br#"<html><body><nav><a href="/about">Om oss</a></nav><ul>
                <li><a class="teaser" href="/news/3">3</a></li>
                <li><a class="teaser" href="/news/3-uppdaterad">3 igen</a></li>
                <li><a class="teaser" href="/moved/1">flyttad</a></li>
                <li><a class="teaser" href="/moved/2">flyttad</a></li>
                <li><a class="teaser" href="/excluded/a">utesluten</a></li>
                <li><a class="teaser" href="/loop/a">loop</a></li>
                <li><a class="teaser" href="/hop/1">hops</a></li>
                <li><a class="teaser" href="/endless">endless</a></li>
                <li><a class="teaser" href="/big">big</a></li>
                <li><a class="teaser" href="/bomb">bomb</a></li></ul></body></html>"#,
            ),
            "/news/1" | "/news/dup" => {
                if p == "/news/1" && headers.get("if-none-match").map(String::as_str) == Some("\"n1\"") {
                    return Reply::Full(304, vec![("ETag", "\"n1\"".into())], Vec::new());
                }
                let body = article(
                    "Personalflykt i Botkyrka",
                    &[NEWS1, "Facket kräver åtgärder och fler tjänster inom socialtjänsten."],
                );
                Reply::Full(
                    200,
                    vec![("Content-Type", "text/html; charset=utf-8".into()), ("ETag", "\"n1\"".into())],
                    body.into_bytes(),
                )
            }
            "/news/2" => {
                let lm = "Wed, 01 May 2024 10:00:00 GMT";
                if headers.get("if-modified-since").map(String::as_str) == Some(lm) {
                    return Reply::Full(304, vec![], Vec::new());
                }
                // windows-1252, declared only in the page.
                let body = article("Växjö tappar personal", &[NEWS2, "Många år av hög arbetsbörda ligger bakom."])
                    .replace("<head>", "<head><meta charset=\"windows-1252\">");
                Reply::Full(
                    200,
                    vec![("Content-Type", "text/html".into()), ("Last-Modified", lm.into())],
                    cp1252(&body),
                )
            }
            // windows-1252, declared nowhere; and a copy under another URL with a word more.
            "/news/3" | "/news/3-uppdaterad" => {
                let more = "Socialsekreterarna på förvaltningen säger att arbetsbördan är för hög och att många överväger att sluta. \
                    De berättar om långa dagar, många nya orosanmälningar och chefer som byts ut ofta. \
                    Facket har begärt ett möte med nämndens ordförande för att diskutera hur arbetsmiljön kan bli bättre.";
                let extra = if p == "/news/3" { "" } else { " Uppdaterad." };
                html(&cp1252(&article("Hög arbetsbörda i Örebro", &[NEWS3, &format!("{more}{extra}")])))
            }
            "/muni/protokoll" => Reply::Full(
                200,
                vec![("Content-Type", "text/html; charset=utf-8".into()), ("Content-Encoding", "gzip".into())],
                gzip(article("Protokoll socialnämnden", &[MUNI, "Förvaltningen får i uppdrag att ta fram en handlingsplan för att behålla personalen."]).as_bytes()),
            ),
            "/flaky" if before < 2 => Reply::Full(500, vec![], b"oops".to_vec()),
            "/flaky" => html(article("Nacka", &[FLAKY, "Kommunen har anställt konsulter för att klara arbetet med utredningarna."]).as_bytes()),
            "/limited" if before == 0 => Reply::Full(429, vec![("Retry-After", "1".into())], Vec::new()),
            "/limited" => html(article("Huddinge", &[LIMITED, "Enheten för barn och unga har haft svårt att behålla sin personal under flera år."]).as_bytes()),
            // Redirects to a path robots.txt disallows and to one the source excludes.
            "/moved/1" => Reply::Full(301, vec![("Location", "/private/moved".into())], Vec::new()),
            "/moved/2" => Reply::Full(301, vec![("Location", "/excluded/b".into())], Vec::new()),
            "/loop/a" => Reply::Full(302, vec![("Location", "/loop/b".into())], Vec::new()),
            "/loop/b" => Reply::Full(302, vec![("Location", "/loop/a".into())], Vec::new()),
            "/endless" => Reply::Trickle,
            "/big" => Reply::Stream(2 << 20),
            "/bomb" => Reply::Full(
                200,
                vec![("Content-Type", "text/html".into()), ("Content-Encoding", "gzip".into())],
                bomb.to_vec(),
            ),
            _ if p.starts_with("/hop/") => {
                let n: u32 = p[5..].parse().unwrap_or(0);
                Reply::Full(302, vec![("Location", format!("/hop/{}", n + 1))], Vec::new())
            }
            _ => Reply::Full(404, vec![], b"not found".to_vec()),
        }
    })
}

fn sources(server: &Server, revisit: bool) -> String {
    let b = server.base();
    let revisit = if revisit {
        "revisit_after_s = 0\nrevisit_start_after_s = 0\n"
    } else {
        ""
    };
    format!(
        r#"[crawl]
concurrency = 4
per_host = 1
rate = 50.0
connect_timeout_ms = 1000
read_timeout_ms = 800
total_timeout_ms = 1000
max_body_bytes = 1000000
retries = 2
retry_base_ms = 50
max_retry_after_s = 5
max_failures = 1
{revisit}
[[source]]
name = "Lokalbladet"
type = "news"
feeds = ["{b}/feed.xml"]
exclude = ["/excluded/"]
listings = [{{ url = "{b}/listing", links = "a.teaser" }}]

[[source]]
name = "Botkyrka kommun"
type = "municipal"
municipality = "Botkyrka"
sitemaps = ["{b}/sitemap_index.xml"]
"#
    )
}

fn avhopp(dir: &Path, index: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_avhopp"))
        .current_dir(dir)
        .env_remove("AVHOPP_INDEX")
        .env_remove("AVHOPP_CORPUS")
        .args(["--index", index, "--corpus", "corpus"])
        .args(args)
        .output()
        .expect("run avhopp")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn claims(dir: &Path, index: &str) -> Vec<Value> {
    let o = avhopp(dir, index, &["claims", "--format", "jsonl"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    text(&o.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn quotes(claims: &[Value]) -> Vec<String> {
    claims
        .iter()
        .map(|c| c["quote"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn crawl_is_polite_robust_archived_and_reindexable() {
    let server = Server::start(site());
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("sources.toml"), sources(&server, false)).unwrap();
    std::fs::write(dir.join("recrawl.toml"), sources(&server, true)).unwrap();

    let started = Instant::now();
    let o = avhopp(dir, "index", &["crawl", "--sources", "sources.toml"]);
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    assert!(o.status.success(), "{out}\n{err}");
    assert!(
        started.elapsed() < Duration::from_secs(40),
        "{:?}",
        started.elapsed()
    );
    let log = server.log();
    let report = format!(
        "{out}\n{err}\n{:#?}",
        log.iter().map(|r| (&r.path, r.status)).collect::<Vec<_>>()
    );

    // robots.txt: asked for first, once; the disallowed path never.
    assert_eq!(log[0].path, "/robots.txt", "{report}");
    assert_eq!(server.hits("/robots.txt").len(), 1, "{report}");
    assert!(server.hits("/private/secret").is_empty(), "{report}");
    assert!(server.hits("/private/moved").is_empty(), "{report}");
    assert_eq!(server.hits("/moved/1").len(), 1, "{report}");
    assert!(out.contains("2 skipped by robots.txt"), "{report}");
    // Links and redirect targets the source excludes are not fetched.
    assert_eq!(server.hits("/moved/2").len(), 1, "{report}");
    assert!(
        !log.iter().any(|r| r.path.starts_with("/excluded/")),
        "{report}"
    );
    assert!(
        out.contains("2 links left out by the sources' include/exclude patterns"),
        "{report}"
    );
    // Only what the listing's selector picks; the utm_ and #fragment variant is the same URL.
    assert!(server.hits("/about").is_empty(), "{report}");
    assert_eq!(server.hits("/news/1").len(), 1, "{report}");
    // The Crawl-delay (0.1 s, slower than the source's rate) held between all requests.
    for w in log.windows(2) {
        let gap = w[1].at.duration_since(w[0].at);
        assert!(
            gap >= Duration::from_millis(85),
            "{} then {} after {gap:?}\n{report}",
            w[0].path,
            w[1].path
        );
    }
    for r in &log {
        let ua = r.headers.get("user-agent").cloned().unwrap_or_default();
        assert!(ua.starts_with("avhopp/"), "{ua}");
    }
    // The flaky page: 500, 500, then fetched.
    let flaky: Vec<u16> = server.hits("/flaky").iter().map(|r| r.status).collect();
    assert_eq!(flaky, vec![500, 500, 200], "{report}");
    // 429 with Retry-After: 1 was waited for.
    let limited = server.hits("/limited");
    assert_eq!(limited.len(), 2, "{report}");
    assert!(limited[1].at.duration_since(limited[0].at) >= Duration::from_millis(950));
    // A redirect loop and a long redirect chain end as recorded errors.
    assert_eq!(server.hits("/loop/a").len(), 1, "{report}");
    assert_eq!(server.hits("/loop/b").len(), 1, "{report}");
    assert!(err.contains("/loop/b: redirect loop"), "{report}");
    assert_eq!(server.hits("/hop/6").len(), 1, "{report}");
    assert!(server.hits("/hop/7").is_empty(), "{report}");
    assert!(err.contains("/hop/6: too many redirects"), "{report}");
    // The endless body timed out (three tries), the oversized body and the bomb stopped at
    // the limit; each is a recorded failure and the crawl went on.
    assert_eq!(server.hits("/endless").len(), 3, "{report}");
    assert!(out.contains("failed: 1 time-out"), "{report}");
    assert!(
        out.contains("failed: 2 body over 1000000 bytes"),
        "{report}"
    );
    assert!(
        err.contains("/big: body over") && err.contains("/bomb: body over"),
        "{report}"
    );
    assert_eq!(server.hits("/big").len(), 1);
    assert_eq!(server.hits("/bomb").len(), 1);

    // What was indexed: every article once, the duplicate recorded once, å ä ö intact.
    assert!(err.contains("/news/dup: same text as"), "{report}");
    assert!(
        err.contains("/news/3-uppdaterad: nearly the same text as"),
        "{report}"
    );
    assert!(out.contains("2 duplicates (1 near)"), "{report}");
    assert!(out.contains("6 documents added"), "{report}");
    let crawled = claims(dir, "index");
    let qs = quotes(&crawled);
    for q in [NEWS1, NEWS2, NEWS3, MUNI, FLAKY, LIMITED] {
        assert_eq!(qs.iter().filter(|x| *x == q).count(), 1, "{q}\n{qs:#?}");
    }
    assert!(!qs.iter().any(|q| q.contains('\u{fffd}')));
    let muni = crawled.iter().find(|c| c["quote"] == MUNI).unwrap();
    assert_eq!(muni["municipality"], "Botkyrka", "{muni}");
    assert_eq!(muni["type"], "municipal");
    let n1 = crawled.iter().find(|c| c["quote"] == NEWS1).unwrap();
    assert!(n1["url"].as_str().unwrap().ends_with("/news/1"), "{n1}");
    assert_eq!(n1["publisher"], "Lokalbladet");
    // The document points back to its WARC record.
    let doc = n1["doc"].as_str().unwrap();
    let (file, offset) = doc.strip_prefix("warc/").unwrap().split_once('#').unwrap();
    let bytes = std::fs::read(dir.join("corpus/warc").join(file)).unwrap();
    let mut record = String::new();
    flate2::read::GzDecoder::new(&bytes[offset.parse::<usize>().unwrap()..])
        .read_to_string(&mut record)
        .unwrap();
    assert!(
        record.starts_with("WARC/1.1\r\nWARC-Type: response"),
        "{record}"
    );
    assert!(
        record.contains("/news/1\r\n") && record.contains(NEWS1),
        "{record}"
    );

    // A re-crawl asks conditionally and gets 304s; nothing new is indexed.
    let before = log.len();
    let o = avhopp(dir, "index", &["crawl", "--sources", "recrawl.toml"]);
    let (out2, err2) = (text(&o.stdout), text(&o.stderr));
    assert!(o.status.success(), "{out2}\n{err2}");
    let again: Vec<Req> = server.log()[before..].to_vec();
    let n1 = again
        .iter()
        .find(|r| r.path == "/news/1")
        .expect("news/1 re-checked");
    assert_eq!(
        n1.headers.get("if-none-match").map(String::as_str),
        Some("\"n1\"")
    );
    assert_eq!(n1.status, 304);
    let n2 = again
        .iter()
        .find(|r| r.path == "/news/2")
        .expect("news/2 re-checked");
    assert_eq!(n2.status, 304);
    assert!(again
        .iter()
        .all(|r| r.path != "/robots.txt" && r.path != "/endless"));
    assert!(out2.contains("2 not modified"), "{out2}");
    assert!(out2.contains("0 documents added, 0 updated"), "{out2}");
    assert_eq!(claims(dir, "index"), crawled);

    // The archive alone gives the same claims, with no server.
    let o = avhopp(dir, "index2", &["reindex"]);
    assert!(
        o.status.success(),
        "{}\n{}",
        text(&o.stdout),
        text(&o.stderr)
    );
    let mut a = claims(dir, "index2");
    let mut b = crawled.clone();
    let key = |v: &Value| v.to_string();
    a.sort_by_key(key);
    b.sort_by_key(key);
    assert_eq!(a, b);
}

/// A feed of `n` articles behind a host that wants 0.3 s between requests.
fn slow_site(n: usize) -> Box<Handler> {
    Box::new(move |path, _, _| {
        if path == "/feed.xml" {
            let items: String = (0..n)
                .map(|i| {
                    format!(
                        "<item><title>{i}</title><link>/p/{i}</link><pubDate>Mon, 01 {} 2024 08:00:00 +0100</pubDate></item>",
                        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][i % 12]
                    )
                })
                .collect();
            return Reply::Full(
                200,
                vec![("Content-Type", "application/rss+xml".into())],
                format!("<rss version=\"2.0\"><channel><title>T</title><link>/</link><description>d</description>{items}</channel></rss>").into_bytes(),
            );
        }
        if let Some(i) = path.strip_prefix("/p/") {
            let i: usize = i.parse().unwrap();
            let names = [
                "Botkyrka",
                "Nacka",
                "Huddinge",
                "Solna",
                "Sigtuna",
                "Tyresö",
                "Järfälla",
                "Lidingö",
            ];
            let q = format!(
                "{} av 40 socialsekreterare i {} har sagt upp sig under 2023.",
                i + 3,
                names[i % names.len()]
            );
            let more = "Förvaltningen säger att det är svårt att rekrytera nya medarbetare och att arbetsbördan har ökat.";
            return html(article(&format!("Artikel {i}"), &[&q, more]).as_bytes());
        }
        Reply::Full(404, vec![], Vec::new())
    })
}

#[test]
fn a_killed_crawl_continues_without_fetching_or_indexing_twice() {
    let n = 8;
    // The fifth page's first request is held unanswered: the crawler is killed while it
    // waits. By then, with one request at a time to the host, the four pages before it were
    // answered and handled.
    let arrived = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let inner = slow_site(n);
    let flag = arrived.clone();
    let server = Server::start(Box::new(move |path, headers, before| {
        if path == "/p/4" && before == 0 {
            flag.store(true, std::sync::atomic::Ordering::SeqCst);
            thread::sleep(Duration::from_secs(2));
        }
        inner(path, headers, before)
    }));
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    std::fs::write(
        dir.join("sources.toml"),
        format!(
            "[crawl]\nrate = 3.3\n[[source]]\nname = \"Bladet\"\ntype = \"news\"\nfeeds = [\"{}/feed.xml\"]\n",
            server.base()
        ),
    )
    .unwrap();

    let mut child = Command::new(env!("CARGO_BIN_EXE_avhopp"))
        .current_dir(dir)
        .args([
            "--index",
            "index",
            "--corpus",
            "corpus",
            "crawl",
            "--sources",
            "sources.toml",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let t = Instant::now();
    while !arrived.load(std::sync::atomic::Ordering::SeqCst) {
        assert!(t.elapsed() < Duration::from_secs(20), "crawl too slow");
        thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let first: Vec<Req> = server.log();
    let killed_at = Instant::now();
    assert!(!first.iter().any(|r| r.path == "/p/5"));
    // The source's rate (3.3 requests a second) held.
    for w in first.windows(2) {
        assert!(w[1].at.duration_since(w[0].at) >= Duration::from_millis(280));
    }

    let o = avhopp(dir, "index", &["crawl", "--sources", "sources.toml"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let log = server.log();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for r in &log {
        *counts.entry(&r.path).or_default() += 1;
    }
    // Every page answered once: the fifth was asked for again only because its first
    // request never got an answer before the kill.
    for i in 0..n {
        let want = if i == 4 { 2 } else { 1 };
        assert_eq!(
            counts.get(format!("/p/{i}").as_str()),
            Some(&want),
            "/p/{i}: {counts:?}"
        );
    }
    let p4: Vec<&Req> = log.iter().filter(|r| r.path == "/p/4").collect();
    assert!(p4[0].at < killed_at && p4[1].at > killed_at);
    assert_eq!(counts.get("/feed.xml"), Some(&1), "{counts:?}");
    assert_eq!(counts.get("/robots.txt"), Some(&1), "{counts:?}");

    let cl = claims(dir, "index");
    assert_eq!(cl.len(), n, "{cl:#?}");
    let mut urls: Vec<&str> = cl.iter().map(|c| c["url"].as_str().unwrap()).collect();
    urls.sort();
    urls.dedup();
    assert_eq!(urls.len(), n);
    // The archive of both runs gives the same claims.
    let o = avhopp(dir, "index2", &["reindex"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let key = |v: &Value| v.to_string();
    let mut a = claims(dir, "index2");
    let mut b = cl.clone();
    a.sort_by_key(key);
    b.sort_by_key(key);
    assert_eq!(a, b);
    // A third run finds nothing to do.
    let o = avhopp(dir, "index", &["crawl", "--sources", "sources.toml"]);
    assert!(o.status.success());
    assert_eq!(server.log().len(), log.len());
    assert_eq!(claims(dir, "index").len(), n);
}

#[test]
fn urls_on_the_command_line_since_and_bad_sources() {
    let server = Server::start(slow_site(3));
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let feed = format!("{}/feed.xml", server.base());
    let o = avhopp(
        dir,
        "index",
        &["crawl", "--since", "2024-02", &feed, "ftp://example.se/x"],
    );
    let err = text(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("ftp://example.se/x: not an http or https URL"),
        "{err}"
    );
    // The January entry is older than --since.
    assert!(server.hits("/p/0").is_empty());
    assert_eq!(server.hits("/p/1").len(), 1);
    assert_eq!(claims(dir, "index").len(), 2);
    std::fs::write(
        dir.join("bad.toml"),
        "[[source]]\nname = \"x\"\nfeeds = 3\n",
    )
    .unwrap();
    let o = avhopp(dir, "index", &["crawl", "--sources", "bad.toml"]);
    assert!(!o.status.success());
    assert!(text(&o.stderr).contains("bad.toml"), "{}", text(&o.stderr));
    let o = avhopp(dir, "index", &["crawl"]);
    assert!(!o.status.success());
    assert!(
        text(&o.stderr).contains("sources.toml"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn max_pages_leaves_the_rest_for_the_next_run() {
    let server = Server::start(slow_site(5));
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    std::fs::write(
        dir.join("sources.toml"),
        format!(
            "[crawl]\nrate = 50.0\n[[source]]\nname = \"Bladet\"\nfeeds = [\"{}/feed.xml\"]\n",
            server.base()
        ),
    )
    .unwrap();
    let o = avhopp(
        dir,
        "index",
        &["crawl", "--sources", "sources.toml", "--max-pages", "3"],
    );
    let out = text(&o.stdout);
    assert!(o.status.success(), "{}", text(&o.stderr));
    // robots.txt, then the feed and two pages.
    assert_eq!(server.log().len(), 4, "{out}");
    assert!(out.contains("3 URLs left for the next run"), "{out}");
    assert_eq!(claims(dir, "index").len(), 2);
    let o = avhopp(dir, "index", &["crawl", "--sources", "sources.toml"]);
    assert!(o.status.success());
    assert_eq!(server.log().len(), 7);
    assert_eq!(claims(dir, "index").len(), 5);
}

/// Two hosts whose pages take 150 ms to answer.
fn two_hosts() -> (Server, Server) {
    let h = || -> Box<Handler> {
        let inner = slow_site(3);
        Box::new(move |path, headers, before| {
            if path.starts_with("/p/") {
                thread::sleep(Duration::from_millis(150));
            }
            inner(path, headers, before)
        })
    };
    (
        Server::start_on("127.0.0.1", h()),
        Server::start_on("127.0.0.2", h()),
    )
}

fn overlapping(a: &Req, b: &Req) -> bool {
    a.at < b.answered && b.at < a.answered
}

#[test]
fn global_and_per_host_limits() {
    for concurrency in [1, 2] {
        let (one, two) = two_hosts();
        let tmp = TempDir::new().unwrap();
        let dir = tmp.path();
        std::fs::write(
            dir.join("sources.toml"),
            format!(
                "[crawl]\nconcurrency = {concurrency}\nrate = 100.0\n\
                 [[source]]\nname = \"Ett\"\nfeeds = [\"{}/feed.xml\"]\n\
                 [[source]]\nname = \"Två\"\nfeeds = [\"{}/feed.xml\"]\n",
                one.base(),
                two.base()
            ),
        )
        .unwrap();
        let o = avhopp(dir, "index", &["crawl", "--sources", "sources.toml"]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        // The two hosts serve the same articles: each is recorded once.
        assert!(
            text(&o.stdout).contains("3 duplicates"),
            "{}",
            text(&o.stdout)
        );
        assert_eq!(claims(dir, "index").len(), 3);
        let (a, b) = (one.log(), two.log());
        // Never two requests at once to one host.
        for log in [&a, &b] {
            for (i, x) in log.iter().enumerate() {
                assert!(log[i + 1..].iter().all(|y| !overlapping(x, y)));
            }
        }
        let across = a.iter().any(|x| b.iter().any(|y| overlapping(x, y)));
        // With one request in flight overall the hosts take turns; with two they overlap.
        assert_eq!(across, concurrency == 2, "concurrency {concurrency}");
    }
}
