"""Helpers of the index tests: small corpora written as JSONL, and assistants on the tiny hash embedding."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from paperqa import Assistant, Settings

ABSTRACT = "We study {topic} in depth and report what we found about it with care and several numbers."
PAPERQA = str(Path(sys.executable).with_name("paperqa"))
WORDS = "graph protein galaxy volcano neuron language robot vision audio market".split()


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def paper(i: int, topic: str = "graphs", prefix: str = "p") -> dict:
    return {"id": f"{prefix}{i}", "title": f"Paper {i} on {topic}", "abstract": ABSTRACT.format(topic=topic)}


def distinct(i: int, prefix: str, version: str = "") -> dict:
    """A paper findable by its own words: `{prefix}{i}` studies a topic no other paper of its file has."""
    topic = f"{WORDS[i % 10]} {WORDS[i // 10 % 10]} {WORDS[i // 100 % 10]} {prefix}{i}marker {version}".strip()
    return {"id": f"{prefix}{i}", "title": f"Study {prefix}{i} of {topic}", "abstract": ABSTRACT.format(topic=topic)}


def hash_assistant(home: Path, **settings) -> Assistant:
    return Assistant(Settings(home=home, embedding="hash", llm="offline", **settings))


def papers_assistant(home: Path, rows: list[tuple[str, str, str]]) -> Assistant:
    """An assistant (hash embedding) over papers given as (id, title, abstract), for a few-paper corpus."""
    from paperqa import Paper

    assistant = hash_assistant(home)
    assistant.index.add([Paper(id=i, title=t, abstract=a) for i, t, a in rows])
    return assistant


def env_for(home: Path, embedding: str = "hash", **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PAPERQA_", "OPENAI_"))}
    env.update(PAPERQA_HOME=str(home), PAPERQA_EMBEDDING=embedding, **extra)
    return env
