"""Can a Chroma folder be read? `probe` asks this file, run in a process of its own, which prints nothing if so,
else why not.

Reading a damaged HNSW index can crash the reading process with a segmentation fault, which no exception
handler catches. Run by path (not `-m`), this file imports chromadb and nothing of paperqa: a second, not two.
"""

import subprocess
import sys
from pathlib import Path

import chromadb
import numpy as np
from chromadb.config import Settings

_PROBE_SECONDS = 120


def main(folder: str, collection: str) -> str:
    """Open, count, read one vector and answer one query."""
    try:
        client = chromadb.PersistentClient(path=folder, settings=Settings(anonymized_telemetry=False))
        names = [c.name for c in client.list_collections()]
        if collection not in names:
            return ""
        c = client.get_collection(collection)
        if c.count():
            first = np.asarray(c.get(limit=1, include=["embeddings"])["embeddings"], dtype=np.float32)
            c.query(query_embeddings=first, n_results=1, include=["distances"])
        return ""
    except Exception as exc:  # any failure is the answer
        return f"{type(exc).__name__}: {str(exc)[:300]}"


def probe(folder: Path, collection: str) -> str | None:
    """Why Chroma at `folder` cannot be used, or None, asked of a separate process: reading a damaged HNSW
    index can end the reading process with a segmentation fault, which no exception handler catches."""
    if not folder.exists():
        return None
    args = [sys.executable, str(__file__), str(folder), collection]
    try:
        done = subprocess.run(args, check=False, capture_output=True, text=True, timeout=_PROBE_SECONDS)
    except subprocess.TimeoutExpired:
        return f"reading it took over {_PROBE_SECONDS} s"
    if done.returncode < 0:
        return f"reading it crashed the process (signal {-done.returncode})"
    if done.returncode != 0:
        return (done.stderr.strip().splitlines() or ["the probe failed"])[-1][:300]
    return done.stdout.strip() or None


if __name__ == "__main__":
    print(main(sys.argv[1], sys.argv[2]), end="")
