#!/usr/bin/env python3
"""Main-text extraction benchmark: avhopp against trafilatura on the same pages.

usage: python3 bench/article_extraction.py [--runs N] [--bench DIR] [--scorer FILE] [--no-trafilatura]

Decompresses the 181 pages of ../shared/bench/article-extraction to a temporary folder,
runs `target/release/avhopp parse --format jsonl` over them and trafilatura (Python,
`extract(html, include_comments=False)`) over the same pages, each pinned to one core
(taskset -c 0 when available), scores both with ../shared/tools/score_article_extraction.py
and prints F1, precision, recall and pages per second side by side (each timed --runs
times, 3 by default; the fastest run counts).

avhopp's time is the whole process (start, reading files, parsing, extraction, language
detection, JSON output); trafilatura's is extraction only, pages already in memory (as the
benchmark's README measured it), which favours trafilatura. Both wall and CPU time (user +
system) are printed: on a busy machine the CPU time is the steadier figure.
Build first: cargo build --release. Needs `pip install trafilatura lxml_html_clean`.
"""
import argparse, gzip, json, os, resource, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")

TRAFILATURA = r"""
import json, os, sys, time
import trafilatura
folder, out = sys.argv[1], sys.argv[2]
pages = []
for name in sorted(os.listdir(folder)):
    with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
        pages.append((name, f.read()))
start, cpu = time.perf_counter(), time.process_time()
results = [(name, trafilatura.extract(html, include_comments=False) or "") for name, html in pages]
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
with open(out, "w", encoding="utf-8") as f:
    for name, text in results:
        f.write(json.dumps({"path": name, "text": text}, ensure_ascii=False) + "\n")
print(elapsed, cpu)
"""


def one_core(cmd):
    return (["taskset", "-c", "0"] + cmd) if shutil.which("taskset") else cmd


def score(scorer, truth, jsonl):
    out = subprocess.run([sys.executable, scorer, truth, jsonl], capture_output=True, text=True, check=True)
    line = out.stdout.strip().splitlines()[-1]
    return dict(kv.split("=") for kv in line.split())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", default=os.path.join(SHARED, "bench", "article-extraction"))
    ap.add_argument("--scorer", default=os.path.join(SHARED, "tools", "score_article_extraction.py"))
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "avhopp"))
    ap.add_argument("--no-trafilatura", action="store_true")
    ap.add_argument("--runs", type=int, default=3, help="timed runs of each; the fastest counts")
    ap.add_argument("--keep", help="also write the JSONL outputs to this folder")
    ap.add_argument("--in-memory", action="store_true", help="also run `cargo bench --bench html` (avhopp in memory, one thread, and scraper's bare parse) in the same run")
    args = ap.parse_args()
    truth = os.path.join(args.bench, "ground-truth.json")
    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary} missing: run cargo build --release first")

    tmp = tempfile.mkdtemp(prefix="avhopp-bench-")
    try:
        pages = os.path.join(tmp, "pages")
        os.mkdir(pages)
        src = os.path.join(args.bench, "html")
        names = sorted(n for n in os.listdir(src) if n.endswith(".html.gz"))
        total_bytes = 0
        for n in names:
            data = gzip.open(os.path.join(src, n)).read()
            total_bytes += len(data)
            with open(os.path.join(pages, n[: -len(".gz")]), "wb") as f:
                f.write(data)
        files = [os.path.join(pages, n[: -len(".gz")]) for n in names]
        rows = []

        out = os.path.join(tmp, "avhopp.jsonl")
        runs = []
        for _ in range(args.runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            with open(out, "w") as f:
                p = subprocess.run(one_core([args.binary, "parse", "--format", "jsonl"] + files), stdout=f, stderr=subprocess.PIPE, text=True)
            elapsed = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            runs.append((elapsed, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)))
        elapsed, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
        if p.returncode != 0:
            print(p.stderr.strip(), file=sys.stderr)
        rows.append(("avhopp parse", score(args.scorer, truth, out), elapsed, cpu))

        if not args.no_trafilatura:
            tout = os.path.join(tmp, "trafilatura.jsonl")
            runs = []
            for _ in range(args.runs):
                p = subprocess.run(one_core([sys.executable, "-c", TRAFILATURA, pages, tout]), capture_output=True, text=True)
                if p.returncode != 0:
                    sys.exit("trafilatura failed:\n" + p.stderr)
                runs.append(tuple(map(float, p.stdout.strip().splitlines()[-1].split())))
            wall, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
            rows.append(("trafilatura " + trafilatura_version(), score(args.scorer, truth, tout), wall, cpu))
        if args.keep:
            os.makedirs(args.keep, exist_ok=True)
            for n in ("avhopp.jsonl", "trafilatura.jsonl"):
                if os.path.exists(os.path.join(tmp, n)):
                    shutil.copy(os.path.join(tmp, n), args.keep)

        print(f"{len(names)} pages, {total_bytes / 1e6:.1f} MB of HTML, one core each")
        print(f"{'extractor':<22} {'F1':>6} {'P':>6} {'R':>6} {'wall s':>7} {'pages/s':>8} {'CPU s':>7} {'pages/CPU s':>12}")
        for name, s, t, c in rows:
            print(f"{name:<22} {float(s['f1']):>6.3f} {float(s['precision']):>6.3f} {float(s['recall']):>6.3f} {t:>7.2f} {len(names) / t:>8.1f} {c:>7.2f} {len(names) / c:>12.1f}")
        if len(rows) == 2:
            print(f"speed: avhopp {rows[1][2] / rows[0][2]:.1f}x trafilatura by wall time, {rows[1][3] / rows[0][3]:.1f}x by CPU time")
        if args.in_memory:
            # Both sides in memory: avhopp's extraction (benches/html.rs) against trafilatura's.
            p = subprocess.run(one_core(["cargo", "bench", "--quiet", "--bench", "html"]), cwd=ROOT, capture_output=True, text=True)
            print(p.stdout.strip() or p.stderr.strip())
            line = [l for l in p.stdout.splitlines() if l.startswith("avhopp_pages_per_s=")]
            if line and len(rows) == 2:
                fig = dict(kv.split("=") for kv in line[0].split())
                print(f"in memory, one core: avhopp {float(fig['avhopp_pages_per_s']) / (len(names) / rows[1][3]):.1f}x trafilatura (CPU time), "
                      f"scraper's bare parse {float(fig['scraper_parse_pages_per_s']) / (len(names) / rows[1][3]):.1f}x")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def trafilatura_version():
    p = subprocess.run([sys.executable, "-c", "import trafilatura; print(trafilatura.__version__)"], capture_output=True, text=True)
    return p.stdout.strip()


if __name__ == "__main__":
    main()
