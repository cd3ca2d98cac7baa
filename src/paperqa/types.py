"""Typed values that cross module boundaries: papers, chunks, sources, citations, answers."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Literal


def normalise_title(title: str) -> str:
    """Fold a title to the form used for identity: lower case, alphanumerics, single spaces."""
    return " ".join(re.findall(r"[0-9a-z]+", title.casefold()))


def paper_id_for(title: str) -> str:
    """Stable id of a paper from its normalised title, the same across files and runs."""
    return hashlib.sha1(normalise_title(title).encode()).hexdigest()[:16]


def chunk_id(paper_id: str, position: int) -> str:
    """The id of a paper's chunk: `paper:position`."""
    return f"{paper_id}:{position}"


def paper_of(chunk: str) -> str:
    """The paper id inside a chunk id."""
    return chunk.rsplit(":", 1)[0]


def date_key(date: dt.date | None) -> int:
    """Sortable number for a date (YYYYMMDD); 0 when the date is unknown."""
    return date.year * 10000 + date.month * 100 + date.day if date else 0


@dataclass(frozen=True)
class Paper:
    """One paper of the corpus: its abstract and what the listing said about it."""

    id: str
    title: str
    abstract: str
    date: dt.date | None = None
    authors: int | None = None
    org: str | None = None
    upvotes: int | None = None
    url: str | None = None
    sources: tuple[str, ...] = ()

    @property
    def content_hash(self) -> str:
        """Hash of what is indexed, so a changed abstract or title is re-indexed."""
        return hashlib.sha1(f"{self.title}\n{self.abstract}".encode()).hexdigest()[:16]

    @property
    def byline(self) -> str:
        """Organisation or author count, as a reader would want it in a reference."""
        if self.org:
            return self.org
        if self.authors:
            return f"{self.authors} author{'s' if self.authors != 1 else ''}"
        return ""


@dataclass(frozen=True)
class Chunk:
    """A token-bounded piece of one paper's abstract, as stored in the index."""

    id: str
    paper_id: str
    position: int
    text: str


@dataclass(frozen=True)
class Filters:
    """Optional restrictions on which papers may be retrieved."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    org: str | None = None
    min_upvotes: int | None = None
    paper_ids: frozenset[str] | None = None

    def admits(self, paper: Paper) -> bool:
        """Whether a paper passes every filter that is set."""
        if self.paper_ids is not None and paper.id not in self.paper_ids:
            return False
        if self.date_from and (paper.date is None or paper.date < self.date_from):
            return False
        if self.date_to and (paper.date is None or paper.date > self.date_to):
            return False
        if self.org and (paper.org or "").casefold() != self.org.casefold():
            return False
        return not (self.min_upvotes and (paper.upvotes or 0) < self.min_upvotes)

    @property
    def active(self) -> bool:
        """Whether any filter is set."""
        return any(v is not None for v in (self.date_from, self.date_to, self.org, self.min_upvotes, self.paper_ids))


@dataclass(frozen=True)
class Source:
    """A retrieved paper with its fused score and the chunks that matched."""

    paper: Paper
    score: float
    rank: int
    passages: tuple[str, ...] = ()


BackendName = Literal["offline", "openai"]


@dataclass(frozen=True)
class Citation:
    """A numbered reference `[n]` in an answer, mapped to a retrieved paper."""

    n: int
    paper_id: str
    title: str
    date: dt.date | None
    org: str
    snippet: str


@dataclass(frozen=True)
class Answer:
    """What the assistant says to a question: text with `[n]` citations and the evidence behind it."""

    question: str
    text: str
    citations: tuple[Citation, ...]
    sources: tuple[Source, ...]
    answerable: bool
    backend: str
    model: str = ""
    prompt_tokens: int = 0
    completion_tokens: int = 0
    removed_citations: tuple[str, ...] = field(default=())

    def to_record(self, id: str | None = None) -> dict:
        """The JSON object of one batch line (also `paperqa ask --json`)."""
        return {
            "id": id,
            "question": self.question,
            "answer": self.text,
            "answerable": self.answerable,
            "backend": self.backend,
            "model": self.model,
            "citations": [
                {
                    "n": c.n,
                    "paper_id": c.paper_id,
                    "title": c.title,
                    "date": c.date.isoformat() if c.date else None,
                    "org": c.org,
                    "snippet": c.snippet,
                }
                for c in self.citations
            ],
            "sources": [
                {"paper_id": s.paper.id, "title": s.paper.title, "score": round(s.score, 6)} for s in self.sources
            ],
            "tokens": {"prompt": self.prompt_tokens, "completion": self.completion_tokens},
        }
