#!/usr/bin/env python3
"""Swedish news pages: text F1 and title/date/author accuracy against reviewed parses.

usage: python3 bench/swedish_html.py [--bench DIR] [--no-trafilatura] [--show]

Reads the six Aftonbladet/Expressen pages of ../shared/bench/swedish-html (see its README),
runs `target/release/avhopp parse --format jsonl` over them and compares with the fundus
parser's reviewed output: the body text (summary, then each section's headline and
paragraphs) with the article-extraction benchmark's metric (4-token shingles, P and R
averaged over pages, F1 of the averages); the title exactly (whitespace collapsed); the
publication date as a day in Swedish time (fundus gives UTC timestamps); the authors as a
set of names. trafilatura's text F1 on the same pages is printed alongside.
"""
import argparse, ast, gzip, importlib.util, json, os, re, shutil, subprocess, sys, tempfile
from datetime import datetime
from zoneinfo import ZoneInfo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("scorer", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def pages(bench):
    """(gz path, page name, reviewed parse) for each page."""
    out = []
    for folder, _, files in os.walk(os.path.join(bench, "fundus-se")):
        meta = json.load(open(os.path.join(folder, "meta.info"))) if "meta.info" in files else {}
        for f in sorted(files):
            if not f.endswith(".html.gz"):
                continue
            publisher = f.split("_")[0]
            versions = json.load(open(os.path.join(folder, publisher + ".json"), encoding="utf-8"))
            crawled = meta.get(f, {}).get("crawl_date", "")
            version = "V1_1" if publisher == "Aftonbladet" and crawled >= "2026-07-09" and "V1_1" in versions else "V1"
            out.append((os.path.join(folder, f), f[: -len(".gz")], versions[version]))
    return sorted(out, key=lambda x: x[1])


def field(v):
    if isinstance(v, str) and v[:1] in "[{":
        try:
            return ast.literal_eval(v)
        except (ValueError, SyntaxError):
            return v
    return v


def body_text(parse):
    body = field(parse["body"])
    parts = list(body.get("summary", []))
    for sec in body.get("sections", []):
        parts += sec.get("headline", []) + sec.get("paragraphs", [])
    return "\n\n".join(parts)


def norm(s):
    return " ".join((s or "").split())


def names(s):
    if not s:
        return set()
    if isinstance(s, list):
        return {norm(x).lower() for x in s}
    return {norm(x).lower() for x in re.split(r",| och | and |&", s) if norm(x)}


def text_f1(scorer, rows):
    counts = [scorer.page_counts(t, p) for t, p in rows]
    ps = [scorer.prec(*c) for c in counts if c[0] + c[1] > 0]
    rs = [scorer.rec(*c) for c in counts if c[0] + c[2] > 0]
    P = sum(ps) / len(ps) if ps else 0.0
    R = sum(rs) / len(rs) if rs else 0.0
    return (2 * P * R / (P + R) if P + R else 0.0), P, R


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", default=os.path.join(SHARED, "bench", "swedish-html"))
    ap.add_argument("--scorer", default=os.path.join(SHARED, "tools", "score_article_extraction.py"))
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "avhopp"))
    ap.add_argument("--no-trafilatura", action="store_true")
    ap.add_argument("--show", action="store_true", help="print each page's fields side by side")
    args = ap.parse_args()
    scorer = load_scorer(args.scorer)
    tmp = tempfile.mkdtemp(prefix="avhopp-sv-")
    try:
        items = pages(args.bench)
        files = []
        for gz, name, _ in items:
            path = os.path.join(tmp, name)
            with open(path, "wb") as f:
                f.write(gzip.open(gz).read())
            files.append(path)
        p = subprocess.run([args.binary, "parse", "--format", "jsonl"] + files, capture_output=True, text=True)
        ours = {os.path.basename(o["path"]): o for o in map(json.loads, p.stdout.splitlines())}
        rows, traf_rows = [], []
        hits = {"title": 0, "published": 0, "author": 0}
        for (gz, name, truth), path in zip(items, files):
            o = ours.get(name, {})
            rows.append((body_text(truth), o.get("text", "")))
            when = datetime.fromisoformat(truth["publishing_date"]).astimezone(ZoneInfo("Europe/Stockholm")).date().isoformat()
            got = {
                "title": norm(o.get("title")) == norm(truth["title"]),
                "published": o.get("published") == when,
                "author": names(o.get("author")) == names(field(truth["authors"])),
            }
            for k, v in got.items():
                hits[k] += v
            if args.show:
                print(name)
                print(f"  title     {'ok ' if got['title'] else 'BAD'} {o.get('title')!r} / {truth['title']!r}")
                print(f"  published {'ok ' if got['published'] else 'BAD'} {o.get('published')} / {when}")
                print(f"  author    {'ok ' if got['author'] else 'BAD'} {o.get('author')!r} / {field(truth['authors'])!r}")
                c = scorer.page_counts(*rows[-1])
                print(f"  text      P {scorer.prec(*c):.2f} R {scorer.rec(*c):.2f}")
            if not args.no_trafilatura:
                import trafilatura
                html = open(path, encoding="utf-8").read()
                traf_rows.append((body_text(truth), trafilatura.extract(html, include_comments=False) or ""))
        n = len(items)
        f, P, R = text_f1(scorer, rows)
        print(f"{n} pages")
        print(f"avhopp text F1 {f:.3f} (P {P:.3f}, R {R:.3f}); title {hits['title']}/{n}, published {hits['published']}/{n}, author {hits['author']}/{n}")
        if traf_rows:
            f, P, R = text_f1(scorer, traf_rows)
            print(f"trafilatura text F1 {f:.3f} (P {P:.3f}, R {R:.3f})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
