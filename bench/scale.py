"""Growth benchmark (not a test): one index grown to 100k, 300k and 1M synthetic arXiv-format papers by
streaming `paperqa ingest` runs, measuring at each size the ingest rate of the step, the writer's and a
reader's peak RSS, and a reader's unfiltered and filtered retrieval p50/p95.

`python bench/scale.py [--sizes 100000,300000,1000000] [--server]` writes bench/out/scale-<mode>.md, .json and .png;
`--server` keeps the vectors on a `chroma run` on loopback (stopped by PID at the end).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parents[1]
OUT = Path(__file__).parent / "out"
PAPERQA = str(Path(sys.executable).with_name("paperqa"))
CATEGORIES = ["cs.CL", "cs.IR", "cs.LG", "cs.AI", "stat.ML", "math.OC", "hep-th", "q-bio.NC", "cs.CV", "eess.AS"]
READER = """
import json, random, resource, statistics, sys, time
import numpy as np
from paperqa import Assistant, Filters, Settings
a = Assistant(Settings.load())
questions, warm = json.loads(sys.argv[1]), json.loads(sys.argv[2])
t = time.perf_counter(); a.retrieve(warm[0]); load = time.perf_counter() - t  # the index and the model
out = {"load_s": round(load, 1)}
# A serving reader has run for a while: other questions first, so the timed ones do not pay the first touch of
# each memory-mapped page (at 1M, 1.2 GB of vectors).
for q in warm:
    a.retrieve(q)
for name, f in (("unfiltered", None), ("filtered", Filters(date_from="2023", categories="cs.IR"))):
    times = []
    for q in questions:
        t = time.perf_counter(); a.retrieve(q, f, k=10); times.append((time.perf_counter() - t) * 1000)
    times.sort()
    out[name] = [round(statistics.median(times), 1), round(times[int(len(times) * 0.95) - 1], 1)]
# Dense recall of the planned search (inverted lists) against scoring every row, at depths 10 and 60.
recall = {10: [], 60: []}
with a.index.reading() as view:
    dense = view.derived.exact
    for q in questions[:100]:
        v = np.asarray(a.index.embed_model.get_query_embedding(q), dtype=np.float32)
        every = np.concatenate([p.exact.matrix @ v for p in dense.parts])
        for k in recall:
            truth = {dense.ids[i] for i in np.argsort(-every)[:k]}
            recall[k].append(len(truth & {c for c, _ in dense.top(v, k)}) / k)
out["recall"] = [round(float(np.mean(recall[10])), 3), round(float(np.mean(recall[60])), 3)]
out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # file pages mapped in count too
status = open("/proc/self/status").read()
out["anon_mb"] = int(status.split("RssAnon:")[1].split()[0]) // 1024  # the process's own memory, at the end
print(json.dumps(out))
"""


def write_papers(path: Path, start: int, stop: int, pool: list[str], words: list[str]) -> None:
    """Papers `start`..`stop` in the arXiv snapshot's format, written as they are made (no list in memory)."""
    rng = random.Random(start)
    with open(path, "w") as fh:
        for i in range(start, stop):
            title = " ".join(rng.choice(words).capitalize() for _ in range(6)) + f" {i}"
            record = {
                "id": f"{2001 + i // 10**6 % 20}.{i % 10**6:06d}", "title": title,
                "abstract": " ".join(rng.choice(pool) for _ in range(rng.randint(5, 9))),
                "categories": " ".join(rng.sample(CATEGORIES, rng.randint(1, 3))),
                "update_date": f"{2015 + i % 11}-{1 + i % 12:02d}-{1 + i % 28:02d}", "authors": "A. One, B. Two",
            }  # fmt: skip
            fh.write(json.dumps(record) + "\n")


def peak_mb(pid: int) -> int:
    """A running process's peak resident memory so far, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(status.split("VmHWM:")[1].split()[0]) // 1024


def timed(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds and peak RSS in MB of one command (its own rusage, from wait4)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    err = proc.stderr.read()  # drained as it comes, so a chatty child never blocks
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{args[:2]} failed: {err[-500:]}")
    return time.perf_counter() - start, usage.ru_maxrss // 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100000,300000,1000000")
    ap.add_argument("--server", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from paperqa.corpus import read_corpus, shipped_corpus
    from paperqa.text import sentences

    pool = [s for p in read_corpus(shipped_corpus()).papers for s in sentences(p.abstract)]
    words = [w for s in pool for w in s.split() if w.isalpha() and len(w) > 4]
    questions = [json.loads(line)["question"] for line in (ROOT / "eval" / "dev.jsonl").open()][:200]
    warm = [json.loads(line)["question"] for line in (ROOT / "eval" / "realistic.jsonl").open()]
    work = Path(tempfile.mkdtemp(prefix="paperqa-scale-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PAPERQA_", "OPENAI_"))}
    env.update(PAPERQA_HOME=str(work / "home"), PAPERQA_LLM="offline")
    server = None
    if args.server:
        sys.path.insert(0, str(ROOT / "tests"))
        from chroma_server import ChromaRun  # type: ignore[import-not-found]

        server = ChromaRun(work / "chroma")
        env["PAPERQA_CHROMA_URL"] = server.start().url
    print(f"working in {work}", flush=True)
    rows, done = [], 0
    try:
        for size in map(int, args.sizes.split(",")):
            corpus = work / f"papers-{done}-{size}.json"
            write_papers(corpus, done, size, pool, words)
            seconds, writer_mb = timed([PAPERQA, "ingest", str(corpus)], env)
            corpus.unlink()
            reader_args = [sys.executable, "-c", READER, json.dumps(questions), json.dumps(warm)]
            r = subprocess.run(reader_args, env=env, capture_output=True, text=True, check=True)
            reader = json.loads(r.stdout.strip().splitlines()[-1])
            disk = sum(f.stat().st_size for f in work.rglob("*") if f.is_file()) // 2**20  # home and server
            rows.append({"papers": size, "step_rate": round((size - done) / seconds), "writer_mb": writer_mb,
                         "reader_mb": reader["rss_mb"], "reader_anon_mb": reader["anon_mb"], "load_s": reader["load_s"],
                         "unfiltered": reader["unfiltered"], "filtered": reader["filtered"], "recall": reader["recall"],
                         "disk_mb": disk,
                         "server_mb": peak_mb(server.process.pid) if server else None})  # fmt: skip
            print(json.dumps(rows[-1]), flush=True)
            done = size
    finally:
        if server is not None:
            server.stop()
    write(rows, "server" if args.server else "embedded")


def write(rows: list[dict], mode: str) -> None:
    """The table (markdown) and the growth chart."""
    OUT.mkdir(exist_ok=True)
    server = mode == "server"
    lines = [f"Growth, {mode} mode (one run, 2-core machine)", "",
             "| papers | ingest papers/s (this step) | writer peak RSS MB | "
             + ("Chroma server peak RSS MB | " if server else "") + "reader peak RSS (own) MB | reader load s | "
             "query p50 / p95 ms | filtered p50 / p95 ms | dense recall@10 / @60 | index on disk MB |",
             "|---|---|---|" + ("---|" if server else "") + "---|---|---|---|---|---|"]  # fmt: skip
    for r in rows:
        lines.append(f"| {r['papers']:,} | {r['step_rate']:,} | {r['writer_mb']:,} | "
                     + (f"{r['server_mb']:,} | " if server else "") + f"{r['reader_mb']:,} ({r['reader_anon_mb']:,}) | "
                     f"{r['load_s']} | "
                     f"{r['unfiltered'][0]} / {r['unfiltered'][1]} | {r['filtered'][0]} / {r['filtered'][1]} | "
                     f"{r['recall'][0]} / {r['recall'][1]} | {r['disk_mb']:,} |")  # fmt: skip
    (OUT / f"scale-{mode}.md").write_text("\n".join(lines) + "\n")
    (OUT / f"scale-{mode}.json").write_text(json.dumps(rows, indent=1))
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(13, 3.6))
    x = [r["papers"] for r in rows]
    axes[0].plot(x, [r["step_rate"] for r in rows], "o-")
    axes[0].set_title("ingest papers/s")
    axes[1].plot(x, [r["writer_mb"] for r in rows], "o-", label="writer")
    axes[1].plot(x, [r["reader_mb"] for r in rows], "o-", label="reader")
    axes[1].set_title("peak RSS MB")
    axes[1].legend()
    axes[2].plot(x, [r["unfiltered"][1] for r in rows], "o-", label="p95")
    axes[2].plot(x, [r["filtered"][1] for r in rows], "o-", label="filtered p95")
    axes[2].set_title("retrieval ms")
    axes[2].legend()
    for ax in axes:
        ax.set_xscale("log")
        ax.set_xlabel("papers")
    fig.tight_layout()
    fig.savefig(OUT / f"scale-{mode}.png", dpi=110)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
