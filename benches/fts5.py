#!/usr/bin/env python3
"""SQLite FTS5 side of `cargo bench --bench scale`: builds an FTS5 index over the same
extracted texts and times the same queries.

usage: fts5.py TEXTS.jsonl DB_PATH
prints: build_seconds=... ("reused" when DB_PATH already holds the table), then one line per query: name p50_ms p99_ms hits
"""
import json
import sqlite3
import sys
import time

texts, db_path = sys.argv[1], sys.argv[2]
db = sqlite3.connect(db_path)
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
