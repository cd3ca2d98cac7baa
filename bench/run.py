"""Benchmarks (not tests): ingest vs raw Chroma add, query latency, cold `paperqa ask`. Ratios from one run."""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from paperqa import Assistant, Filters, Settings, Paper
from paperqa.corpus import read_corpus, shipped_corpus
from paperqa.text import sentences
from paperqa.types import paper_id_for


def synthetic_papers(n: int, seed: int = 7) -> list[Paper]:
    """N abstracts made of the shipped corpus's sentences, with varied dates, orgs and upvotes."""
    rng = random.Random(seed)
    pool = [s for p in read_corpus(shipped_corpus()).papers for s in sentences(p.abstract)]
    words = [w for s in pool for w in s.split() if w.isalpha() and len(w) > 4]
    orgs = ["Amazon", "Google", "Cornell University", "Meta", None, None, None]
    out = []
    for i in range(n):
        title = " ".join(rng.choice(words).capitalize() for _ in range(6)) + f" {i}"
        abstract = " ".join(rng.choice(pool) for _ in range(rng.randint(5, 9)))
        import datetime as dt
        date = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 2400))
        out.append(Paper(id=paper_id_for(title), title=title, abstract=abstract, date=date,
                         org=rng.choice(orgs), authors=rng.randint(1, 12), upvotes=rng.randint(0, 50)))
    return out


def bench_ingest(papers: list[Paper], root: Path) -> dict:
    """Our full ingest (chunk, embed, Chroma, BM25, catalog) vs a raw Chroma add of the same embeddings."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from llama_index.core.schema import MetadataMode

    assistant = Assistant(Settings(home=root / "ours", llm="offline"))
    index = assistant.index
    t = time.perf_counter()
    index.add(papers)
    ours = time.perf_counter() - t

    # The raw path gets the very chunks and embeddings ours stored, computed beforehand (not timed).
    chunks = [c for p in papers for c in index.chunk(p)]
    nodes = index._nodes(papers, chunks)
    client = chromadb.PersistentClient(path=str(root / "raw"), settings=ChromaSettings(anonymized_telemetry=False))
    col = client.get_or_create_collection("raw", embedding_function=None, metadata={"hnsw:space": "cosine"})
    batch = client.get_max_batch_size()
    ids = [n.node_id for n in nodes]
    vecs = [n.embedding for n in nodes]
    docs = [n.get_content(metadata_mode=MetadataMode.NONE) for n in nodes]
    metas = [{k: v for k, v in n.metadata.items()} for n in nodes]
    t = time.perf_counter()
    for s in range(0, len(ids), batch):
        col.add(ids=ids[s:s + batch], embeddings=vecs[s:s + batch], documents=docs[s:s + batch], metadatas=metas[s:s + batch])
    raw = time.perf_counter() - t
    t = time.perf_counter()
    index.embed_model.get_text_embedding_batch([n.get_content(metadata_mode=MetadataMode.EMBED) for n in nodes])
    embed = time.perf_counter() - t
    return {"papers": len(papers), "chunks": len(nodes), "ours_s": ours, "raw_add_s": raw, "embed_s": embed,
            "ours_per_s": len(papers) / ours, "raw_per_s": len(papers) / raw,
            "ratio_vs_raw_add": raw / ours, "ratio_vs_embed_plus_raw_add": (raw + embed) / ours}


def bench_queries(home: Path, questions: list[str]) -> dict:
    """Retrieval latency p50/p95 over the ingested synthetic corpus, unfiltered and filtered."""
    import datetime as dt

    assistant = Assistant(Settings(home=home, llm="offline"))
    assistant.retrieve("warm up")
    out = {}
    for label, f in (("unfiltered", None), ("filtered", Filters(date_from=dt.date(2022, 1, 1), min_upvotes=10))):
        times = []
        for q in questions:
            t = time.perf_counter()
            assistant.retrieve(q, f)
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        out[label] = {"p50_ms": statistics.median(times), "p95_ms": times[int(0.95 * (len(times) - 1))]}
    t = time.perf_counter()
    for q in questions:
        assistant.ask(q)
    out["answers_per_s"] = len(questions) / (time.perf_counter() - t)
    return out


def bench_cold_ask(home: Path) -> float:
    """Wall time of a fresh `paperqa ask` process over an existing index."""
    exe = str(Path(sys.executable).with_name("paperqa"))
    t = time.perf_counter()
    subprocess.run([exe, "ask", "Which papers make LLMs forget a target entity?", "--home", str(home), "--llm", "offline"],
                   check=True, capture_output=True)
    return time.perf_counter() - t


def main() -> None:
    """Run the benchmarks and print one JSON report."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000, help="synthetic papers")
    args = ap.parse_args()
    questions = [json.loads(l)["question"] for l in (Path(__file__).parents[1] / "eval" / "dev.jsonl").open()]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ingest = bench_ingest(synthetic_papers(args.n), root)
        queries = bench_queries(root / "ours", questions)
        shipped = root / "shipped"
        Assistant(Settings(home=shipped, llm="offline")).ensure_index()
        cold = bench_cold_ask(shipped)
    report = {"ingest": ingest, "query_at_n": queries, "cold_ask_s": cold}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
