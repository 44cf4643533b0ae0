#!/usr/bin/env python3
"""SQLite FTS5 side of `cargo bench --bench scale`: builds an FTS5 index over the same
extracted texts and times the same queries.

usage: fts5.py [--no-sync] [--build-only] TEXTS.jsonl DB_PATH
prints: build_seconds=... ("reused" when DB_PATH already holds the table), then, unless
--build-only, one line per query: name p50_ms p99_ms hits

By default the database is built as python3's sqlite3 leaves it: a rollback journal and
synchronous=FULL, so the commit is on disk when it returns, as avhopp's commits are
(tantivy syncs every file it writes, and the directory). --no-sync turns both off
(journal_mode=OFF, synchronous=OFF): faster, but a crash can leave a corrupt database;
the bench reports that build too, beside the durable one.
"""
import json
import sqlite3
import sys
import time

flags = {a for a in sys.argv[1:] if a.startswith("--")}
args = [a for a in sys.argv[1:] if not a.startswith("--")]
if flags - {"--no-sync", "--build-only"} or len(args) != 2:
    sys.exit("usage: fts5.py [--no-sync] [--build-only] TEXTS.jsonl DB_PATH")
no_sync, build_only = "--no-sync" in flags, "--build-only" in flags
texts, db_path = args
db = sqlite3.connect(db_path)
if no_sync:
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
built = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'docs'").fetchone()
if built:
    # kept by AVHOPP_BENCH_DIR from an earlier run: time the queries only
    print("build_seconds=reused")
else:
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, text, tokenize='unicode61')")
    start, cpu = time.perf_counter(), time.process_time()
    with open(texts, encoding="utf-8") as f:
        rows = (((d := json.loads(line))["path"], d["text"]) for line in f)
        db.executemany("INSERT INTO docs(path, text) VALUES (?, ?)", rows)
    db.commit()
    print(f"build_seconds={time.perf_counter() - start:.3f} cpu_seconds={time.process_time() - cpu:.3f}")
if build_only:
    sys.exit(0)

queries = {
    "term": "socialsekreterare",
    "phrase": '"sagt upp sig"',
    "boolean": "socialsekreterare AND (ärenden OR underskott) NOT motion",
}
for name, q in queries.items():
    times = []
    hits = 0
    for _ in range(200):
        t = time.perf_counter()
        hits = len(db.execute("SELECT path FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10", (q,)).fetchall())
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(f"{name} {times[len(times) // 2]:.3f} {times[int(len(times) * 0.99) - 1]:.3f} {hits}")
