"""Benchmarks (not tests): ingest vs raw Chroma add vs plain llama-index, query latency, batch, memory.

`python bench/run.py [--sizes 1000,10000,100000]` runs each size in its own process (so peak memory is its own),
then writes bench/out/report.md (a table) and bench/out/bench.png (a chart). Every ratio is from one run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OUT = Path(__file__).parent / "out"
DEV = Path(__file__).parents[1] / "eval" / "dev.jsonl"


def synthetic_papers(n: int, seed: int = 7):
    """N abstracts made of the shipped corpus's sentences, with varied dates, orgs and upvotes."""
    from paperqa import Paper
    from paperqa.corpus import read_corpus, shipped_corpus
    from paperqa.text import sentences
    from paperqa.types import paper_id_for

    rng = random.Random(seed)
    pool = [s for p in read_corpus(shipped_corpus()).papers for s in sentences(p.abstract)]
    words = [w for s in pool for w in s.split() if w.isalpha() and len(w) > 4]
    orgs = ["Amazon", "Google", "Cornell University", "Meta", None, None, None]
    out = []
    for i in range(n):
        title = " ".join(rng.choice(words).capitalize() for _ in range(6)) + f" {i}"
        out.append(
            Paper(
                id=paper_id_for(title),
                title=title,
                abstract=" ".join(rng.choice(pool) for _ in range(rng.randint(5, 9))),
                date=dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 2400)),
                org=rng.choice(orgs),
                authors=rng.randint(1, 12),
                upvotes=rng.randint(0, 50),
            )
        )
    return out


def _percentiles(times: list[float]) -> dict:
    times = sorted(times)
    return {"p50_ms": statistics.median(times), "p95_ms": times[int(0.95 * (len(times) - 1))]}


def one_size(n: int) -> dict:
    """Every measure at one corpus size (run inside its own process)."""
    import chromadb
    import numpy as np
    from chromadb.config import Settings as ChromaSettings
    from llama_index.core import Document, StorageContext, VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from paperqa import Assistant, Filters, Settings
    from paperqa.dates import date_key
    from paperqa.embeddings import LocalEmbedding
    from paperqa.index import Index
    from paperqa.index.chroma import GRAPH
    from paperqa.index.chunking import embedding_text
    from paperqa.text import sentence_pieces, tokenizer

    papers = synthetic_papers(n)
    questions = [json.loads(line)["question"] for line in DEV.open()]
    report: dict = {"papers": n}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        assistant = Assistant(Settings(home=root / "ours", llm="offline"))
        index = assistant.index
        t = time.perf_counter()
        index.add(papers)
        report["ours_s"] = time.perf_counter() - t

        # Raw Chroma adds of the very chunks and embeddings ours stored, computed beforehand (untimed): the stock
        # record (text as the document, the paper's metadata), and exactly the record ours writes (id and vector).
        by_id = {p.id: p for p in papers}
        chunks = [c for p in papers for c in index.chunker.chunk(p)]
        texts = [embedding_text(by_id[c.paper_id].title, c.text) for c in chunks]
        vectors = np.asarray(index.embed_model.get_text_embedding_batch(texts), dtype=np.float32)
        client = chromadb.PersistentClient(path=str(root / "raw"), settings=ChromaSettings(anonymized_telemetry=False))
        step = client.get_max_batch_size()
        ids, vecs, docs = [c.id for c in chunks], vectors.tolist(), [c.text for c in chunks]
        stock = [
            {
                "title": p.title,
                "paper_id": p.id,
                "date": date_key(p.date),
                "upvotes": p.upvotes or 0,
                "authors": p.authors or 0,
                "org": p.org or "",
            }
            for p in (by_id[c.paper_id] for c in chunks)
        ]
        # The stock add with Chroma's default graph, as others write it; the add of paperqa's own records with
        # paperqa's graph settings (`chroma.GRAPH`), so that ratio compares the same work.
        for key, extra, graph in (
            ("raw_add_s", {"documents": docs, "metadatas": stock}, None),
            ("raw_same_records_s", {}, GRAPH),  # ids and vectors, as ours stores them
        ):
            shape = {"configuration": graph} if graph else {"metadata": {"hnsw:space": "cosine"}}
            col = client.get_or_create_collection(key.replace("_", "-"), embedding_function=None, **shape)
            t = time.perf_counter()
            for s in range(0, len(ids), step):
                col.add(
                    ids=ids[s : s + step],
                    embeddings=vecs[s : s + step],
                    **{k: v[s : s + step] for k, v in extra.items()},
                )
            report[key] = time.perf_counter() - t
        report["chunks"] = len(ids)

        # Ours again, into a fresh home, with the same embeddings served from memory: the storage path alone.
        cache = dict(zip(texts, vectors, strict=True))

        class Precomputed(LocalEmbedding):
            identity: str = index.identity

            def embed_batch(self, texts: list[str]) -> np.ndarray:
                return np.asarray([cache[t] for t in texts], dtype=np.float32)

        stored = Index(root / "same-embeddings", Precomputed())
        t = time.perf_counter()
        stored.add(papers)
        report["ours_same_embeddings_s"] = time.perf_counter() - t

        # Plain llama-index: documents in, its own chunking and embedding calls, into the same kind of Chroma.
        li_col = client.get_or_create_collection(
            "llamaindex", embedding_function=None, metadata={"hnsw:space": "cosine"}
        )
        documents = [Document(text=p.abstract, metadata={"title": p.title}, id_=p.id) for p in papers]
        splitter = SentenceSplitter(
            chunk_size=256, chunk_overlap=32, tokenizer=tokenizer(), chunking_tokenizer_fn=sentence_pieces
        )
        t = time.perf_counter()
        VectorStoreIndex.from_documents(
            documents,
            storage_context=StorageContext.from_defaults(vector_store=ChromaVectorStore(chroma_collection=li_col)),
            embed_model=index.embed_model,
            transformations=[splitter],
        )
        report["llamaindex_s"] = time.perf_counter() - t

        assistant.retrieve("warm up")
        for label, f in (
            ("unfiltered", None),
            ("filtered", Filters(date_from=dt.date(2023, 1, 1), org="Amazon", min_upvotes=10)),
        ):
            times = []
            for q in questions:
                t = time.perf_counter()
                assistant.retrieve(q, f)
                times.append((time.perf_counter() - t) * 1000)
            report[f"query_{label}"] = _percentiles(times)
        batch = questions * 3
        t = time.perf_counter()
        items = list(assistant.iter_batch(batch))
        report["batch_q_per_s"] = len(items) / (time.perf_counter() - t)
        # The same batch as `paperqa batch` runs it: its own process over the index built above, without this
        # process's comparison stores and arrays beside it
        report["batch_own_process_q_per_s"] = own_process_batch(root / "ours", batch)
    report["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report["ratio_vs_raw_add"] = report["raw_add_s"] / report["ours_s"]
    report["ratio_same_embeddings_vs_raw_add"] = report["raw_add_s"] / report["ours_same_embeddings_s"]
    report["ratio_vs_raw_same_records"] = report["raw_same_records_s"] / report["ours_s"]
    report["ratio_vs_llamaindex"] = report["llamaindex_s"] / report["ours_s"]
    return report


_OWN_BATCH = """
import json, sys, time
from pathlib import Path
from paperqa import Assistant, Settings
assistant = Assistant(Settings(home=Path(sys.argv[1]), llm="offline"))
batch = json.loads(sys.stdin.read())
assistant.retrieve("warm up")
t = time.perf_counter()
n = len(list(assistant.iter_batch(batch)))
print(n / (time.perf_counter() - t))
"""


def own_process_batch(home: Path, batch: list[str]) -> float:
    """Questions per second of a batch answered in a process of its own over an existing index (warmed by one
    search, as the in-process batch is)."""
    done = subprocess.run(
        [sys.executable, "-c", _OWN_BATCH, str(home)], input=json.dumps(batch), capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    return float(done.stdout.strip().splitlines()[-1])


def cold_ask() -> float:
    """Wall time of a fresh `paperqa ask` process over an existing index of the shipped corpus."""
    from paperqa import Assistant, Settings

    with tempfile.TemporaryDirectory() as tmp:
        Assistant(Settings(home=Path(tmp), llm="offline")).ensure_index()
        exe = str(Path(sys.executable).with_name("paperqa"))
        t = time.perf_counter()
        subprocess.run(
            [exe, "ask", "Which papers make LLMs forget a target entity?", "--home", tmp, "--llm", "offline"],
            check=True,
            capture_output=True,
        )
        return time.perf_counter() - t


def write_outputs(reports: list[dict], cold: float) -> None:
    """The table (Markdown) and the chart (PNG)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    OUT.mkdir(exist_ok=True)
    head = (
        "| papers | chunks | ours papers/s | ours, same embeddings papers/s | raw add papers/s "
        "| raw add, same records papers/s | llama-index papers/s | ours / raw add | ours (same embeddings) / raw add "
        "| ours / raw add of same records | ours / llama-index speed "
        "| query p50 / p95 ms | filtered p50 / p95 ms | batch q/s | batch q/s, own process | peak RSS MB |"
    )
    rows = [head, "|" + "---|" * 16]
    for r in reports:
        n = r["papers"]
        rows.append(
            f"| {n} | {r['chunks']} | {n / r['ours_s']:.0f} | {n / r['ours_same_embeddings_s']:.0f} "
            f"| {n / r['raw_add_s']:.0f} "
            f"| {n / r['raw_same_records_s']:.0f} | {n / r['llamaindex_s']:.0f} | {r['ratio_vs_raw_add']:.2f} "
            f"| {r['ratio_same_embeddings_vs_raw_add']:.2f} | {r['ratio_vs_raw_same_records']:.2f} "
            f"| {r['ratio_vs_llamaindex']:.2f} "
            f"| {r['query_unfiltered']['p50_ms']:.1f} / {r['query_unfiltered']['p95_ms']:.1f} "
            f"| {r['query_filtered']['p50_ms']:.1f} / {r['query_filtered']['p95_ms']:.1f} "
            f"| {r['batch_q_per_s']:.0f} | {r['batch_own_process_q_per_s']:.0f} | {r['peak_rss_mb']:.0f} |"
        )
    rows.append(f"\nCold `paperqa ask` over an existing index: {cold:.2f} s.")
    (OUT / "report.md").write_text("\n".join(rows) + "\n")
    (OUT / "report.json").write_text(json.dumps({"sizes": reports, "cold_ask_s": cold}, indent=2))
    sizes = [r["papers"] for r in reports]
    fig, (a, c, b) = plt.subplots(1, 3, figsize=(15, 4.8))
    for key, label in (
        ("ours_s", "paperqa ingest"),
        ("ours_same_embeddings_s", "paperqa, same embeddings"),
        ("raw_add_s", "raw Chroma add (text + metadata)"),
        ("raw_same_records_s", "raw Chroma add (paperqa's records)"),
        ("llamaindex_s", "llama-index from_documents"),
    ):
        a.plot(sizes, [r["papers"] / r[key] for r in reports], marker="o", label=label)
    a.set(xscale="log", xlabel="papers", ylabel="papers / s", title="Ingest throughput")
    a.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2)
    for key, label in (
        ("ratio_vs_raw_add", "ours / raw add (text + metadata)"),
        ("ratio_vs_raw_same_records", "ours / raw add (paperqa's records)"),
    ):
        c.plot(sizes, [r[key] for r in reports], marker="o", label=label)
    c.axhline(0.8, color="grey", linestyle="--", label="goal 0.8")
    c.set(
        xscale="log", xlabel="papers", ylabel="ratio of throughputs", title="Ingest vs raw Chroma add", ylim=(0, None)
    )
    c.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.16))
    for key, label in (("query_unfiltered", "unfiltered"), ("query_filtered", "filtered")):
        b.plot(sizes, [r[key]["p95_ms"] for r in reports], marker="o", label=f"p95 {label}")
    b.axhline(50, color="grey", linestyle="--", label="goal 50 ms")
    b.set(xscale="log", xlabel="papers", ylabel="ms", title="Query latency (offline)")
    b.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(OUT / "bench.png", dpi=110)


def main() -> None:
    """Run every size in its own process, then write the report."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one_size(args.one)))
        return
    reports = []
    for n in (int(x) for x in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], check=True, capture_output=True, text=True)
        reports.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(reports[-1]), file=sys.stderr)
    write_outputs(reports, cold_ask())
    print((OUT / "report.md").read_text())


if __name__ == "__main__":
    main()
