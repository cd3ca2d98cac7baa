"""Run as a file, in its own process: can this Chroma folder be read? Prints nothing if so, else why not.

Reading a damaged HNSW index can crash the reading process with a segmentation fault, which no exception
handler catches, so `paperqa.index.chroma.probe` asks here. Run by path (not `-m`), it imports chromadb and
nothing of paperqa: a second, not two.
"""

import sys

import chromadb
import numpy as np
from chromadb.config import Settings


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


if __name__ == "__main__":
    print(main(sys.argv[1], sys.argv[2]), end="")
