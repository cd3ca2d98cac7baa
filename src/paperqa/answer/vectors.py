"""Embeddings of papers' titles and abstract sentences, kept per paper: what a list's membership weighs."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from ..text import sentences
from ..types import Paper

Embed = Callable[[list[str]], np.ndarray]


class Vectors:
    """Embeddings of titles and abstract sentences, kept per paper (they never change for one paper)."""

    def __init__(self, embed: Embed) -> None:
        self.embed = embed
        self._titles: dict[str, np.ndarray] = {}
        self._sentences: dict[str, np.ndarray] = {}
        self._wholes: dict[str, np.ndarray] = {}

    def prepare(self, papers: Sequence[Paper]) -> None:
        """Embed the titles and sentences of papers not seen yet, all in one call."""
        new = list({p.content_hash: p for p in papers if p.content_hash not in self._sentences}.values())
        if not new:
            return
        parts = [[p.title, *(sentences(p.abstract) or [p.abstract])] for p in new]
        vectors = self.embed([text for part in parts for text in part])
        start = 0
        for paper, part in zip(new, parts, strict=True):
            self._titles[paper.content_hash] = vectors[start]
            self._sentences[paper.content_hash] = vectors[start + 1 : start + len(part)]
            start += len(part)

    def title(self, paper: Paper) -> np.ndarray:
        """The unit vector of a paper's title."""
        key = paper.content_hash
        if key not in self._titles:
            self._titles[key] = self.embed([paper.title])[0]
        return self._titles[key]

    def whole(self, paper: Paper) -> np.ndarray:
        """The unit vector of a paper's abstract: the mean of its sentences' vectors."""
        key = paper.content_hash
        if key not in self._wholes:  # asked of each candidate of every list: kept, like the sentences
            mean = self.sentences(paper).mean(axis=0)
            self._wholes[key] = mean / (float(np.linalg.norm(mean)) or 1.0)
        return self._wholes[key]

    def sentences(self, paper: Paper) -> np.ndarray:
        """One unit vector per abstract sentence."""
        key = paper.content_hash
        if key not in self._sentences:
            self._sentences[key] = self.embed(sentences(paper.abstract) or [paper.abstract])
        return self._sentences[key]
