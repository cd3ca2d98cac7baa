"""Typed values that cross module boundaries: papers, chunks, sources, citations, answers."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from .safe_text import inert


def normalise_title(title: str) -> str:
    """Fold a title to the form used for identity: lower case, alphanumerics, single spaces."""
    return " ".join(re.findall(r"[0-9a-z]+", title.casefold()))


def paper_id_for(title: str) -> str:
    """Stable id of a paper from its normalised title, the same across files and runs."""
    return hashlib.sha1(normalise_title(title).encode()).hexdigest()[:16]


def chunk_id(paper_id: str, content_hash: str, position: int) -> str:
    """The id of a paper's chunk, `paper:hash8:position`: a changed abstract gets new chunk ids."""
    return f"{paper_id}:{content_hash[:8]}:{position}"


def paper_of(chunk: str) -> str:
    """The paper id inside a chunk id (paper ids may themselves contain colons)."""
    return chunk.rsplit(":", 2)[0]


Support = Literal["full", "partial", "none"]

# Asked of an index's IDF (`View.idf`) in place of a term: the IDF of a term only one chunk holds.
ONE_CHUNK = "\x00one-chunk"


def when_and_who(date: dt.date | None, byline: str) -> str:
    """`2025-01-02, Lab` (either part may be missing): how a reference or a prompt names a paper's origin."""
    return ", ".join(x for x in (date.isoformat() if date else "", byline) if x)


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
    categories: tuple[str, ...] = ()  # arXiv categories (`cs.CL`), as the record lists them

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
class Source:
    """A retrieved paper with its fused score and the chunks that matched."""

    paper: Paper
    score: float  # 0 for a paper listed by date, not searched for ("the latest papers")
    rank: int
    passages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Citation:
    """A numbered reference `[n]` in an answer, mapped to a retrieved paper."""

    n: int
    paper_id: str
    title: str
    date: dt.date | None
    org: str
    snippet: str
    quotes: tuple[str, ...] = ()  # the abstract sentences the answer quoted or rests on (highlighted in cards)
    support: Support = "full"  # how well the cited abstract supports the sentences that cite it

    def reference(self) -> str:
        """The reference line a reader sees under an answer: `[n] Title (date, org)`."""
        meta = when_and_who(self.date, self.org)
        return f"[{self.n}] {inert(self.title)}{f' ({meta})' if meta else ''}"  # (a title's "[3]" is no citation)

    def to_record(self) -> dict[str, object]:
        """This citation as a JSON object (one element of an answer record's `citations`)."""
        date = self.date.isoformat() if self.date else None
        return {"n": self.n, "paper_id": self.paper_id, "title": self.title, "date": date, "org": self.org,
                "snippet": self.snippet, "quotes": list(self.quotes), "support": self.support}  # fmt: skip

    @classmethod
    def from_record(cls, d: dict[str, Any]) -> Citation:
        """A citation read back from an answer record (a batch journal line)."""
        date = dt.date.fromisoformat(d["date"]) if d.get("date") else None
        support: Support = d["support"] if d.get("support") in ("partial", "none") else "full"
        return cls(int(d["n"]), str(d.get("paper_id") or ""), str(d["title"]), date, str(d.get("org") or ""),
                   str(d.get("snippet") or ""), tuple(d.get("quotes") or ()), support)  # fmt: skip


@dataclass(frozen=True)
class Claim:
    """One cited sentence of an answer and how well the abstracts it cites support it."""

    sentence: str
    cited: tuple[int, ...]
    support: Support


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
    complete: bool = True  # False when the LLM's reply was cut short (no finish, or stopped at the token limit)
    notes: tuple[str, ...] = ()  # what the reader should know about how it was found (e.g. papers left out)
    claims: tuple[Claim, ...] = ()  # each cited sentence, and how well its sources support it

    def to_record(self, id: str | None = None) -> dict[str, Any]:
        """The JSON object of one batch line (also `paperqa ask --json`)."""
        return {
            "id": id,
            "question": self.question,
            "answer": self.text,
            "answerable": self.answerable,
            "backend": self.backend,
            "model": self.model,
            "complete": self.complete,
            "notes": list(self.notes),
            "citations": [c.to_record() for c in self.citations],
            "claims": [{"sentence": c.sentence, "cited": list(c.cited), "support": c.support} for c in self.claims],
            "sources": [
                {"paper_id": s.paper.id, "title": s.paper.title, "score": round(s.score, 6)} for s in self.sources
            ],
            "tokens": {"prompt": self.prompt_tokens, "completion": self.completion_tokens},
        }
