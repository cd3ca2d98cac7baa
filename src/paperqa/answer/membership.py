"""A paper's membership of a list: the measures weighed (`Fit`), the fitted model weighing them, and the papers
listed beside those listed with confidence (`by_kin`)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..types import Paper
from .holding import title_vocabulary
from .question import Asked
from .relevance import STRAY, Idf, Match, match, near_said, share
from .vectors import Vectors

# Fitted by eval/fit_offline.py (see the module docstring); the weights match `member_rows`.
MEMBER_WEIGHTS = (-1.44, 0.31, 0.87, 0.2, 1.82, 1.71, 0.49, 1.09, 0.29, 0.68)
MEMBER_THRESHOLD = 0.3  # tuning half: recall 0.63 at precision 0.75 (0.4: 0.53 at 0.85)
VOUCHING = 0.5  # probability from which a listed paper vouches for its kin (`by_kin`)
KIN = 0.7  # cosine of two abstracts' mean sentence vectors from which they are on one topic
KIN_FLOOR = 0.1  # probability below which even a paper's kin does not list it
DOUBTFUL = 0.4  # probability under which a listed paper needs some kinship (`STRAY`) with the confident ones


@dataclass(frozen=True)
class Fit(Match):
    """One paper against a list's question: the measures `member_rows` weighs (embeddings of the paper's
    sentences among them, which only lists pay for)."""

    title: float  # the key terms' share in the title alone
    phrases: float  # share of the question's word pairs found side by side in the paper (1.0 when it has none)
    sentence_cosine: float  # cosine of the question and the paper's closest abstract sentence
    title_cosine: float  # cosine of the question and the title


def fit(asked: Asked, paper: Paper, idf: Idf, vector: np.ndarray, vectors: Vectors, base: Match | None = None) -> Fit:
    """The list measures of one paper for one question (`vector`: the question's embedding; `base`: its `match`,
    when already worked out)."""
    base = base or match(asked, paper, idf)
    in_title = share(asked, idf, title_vocabulary(paper))
    phrases = sum(1 for a, b in asked.pairs if near_said(asked, paper, a, b)) / len(asked.pairs) if asked.pairs else 1.0
    sentence_cosine = float((vectors.sentences(paper) @ vector).max())
    title_cosine = float(vectors.title(paper) @ vector)
    return Fit(base.coverage, base.name, in_title, phrases, sentence_cosine, title_cosine)


def member_rows(fits: Sequence[Fit]) -> list[list[float]]:
    """The list-membership features of each paper, some relative to the best of the retrieved papers."""
    best_cov = max((f.coverage for f in fits), default=0.0)
    best_sent = max((f.sentence_cosine for f in fits), default=0.0)
    best_title = max((f.title_cosine for f in fits), default=0.0)
    return [
        [1.0, f.coverage, f.title, f.phrases, f.coverage - best_cov, 1.0 / rank, f.sentence_cosine,
         f.sentence_cosine - best_sent, f.title_cosine, f.title_cosine - best_title]
        for rank, f in enumerate(fits, start=1)
    ]  # fmt: skip


def logistic(weights: Sequence[float], row: Sequence[float]) -> float:
    """The probability a fitted logistic model gives one row of features."""
    z = sum(w * x for w, x in zip(weights, row, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def by_kin(probabilities: Sequence[float], papers: Sequence[Paper], vectors: Vectors) -> list[int]:
    """The papers to list, judged beside those listed with confidence (`VOUCHING`), by how close their abstracts
    are: one under the threshold but close (`KIN`) is listed ("SPLADE v2" beside "SPLADE", though it shares fewer
    of a long question's words); one barely over it (`DOUBTFUL`) but far from all of them (`STRAY`) is not."""
    listed = [i for i, q in enumerate(probabilities) if q >= MEMBER_THRESHOLD]
    vouching = [vectors.whole(papers[i]) for i in listed if probabilities[i] >= VOUCHING]
    if not vouching:
        return listed
    anchors = np.stack(vouching)

    def closeness(i: int) -> float:
        return float((anchors @ vectors.whole(papers[i])).max())

    return [
        i
        for i, q in enumerate(probabilities)
        if q >= VOUCHING
        or (q >= MEMBER_THRESHOLD and (q >= DOUBTFUL or closeness(i) >= STRAY))
        or (KIN_FLOOR <= q < MEMBER_THRESHOLD and closeness(i) >= KIN)
    ]
