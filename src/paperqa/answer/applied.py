"""Where a list's topic is asked to apply ("feature attribution for recommender systems"): a phrase of the topic (or
its one word), said right before it, that the papers found write and none of those listed does, the two subjects
apart in the corpus."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text import terms
from ..types import Source
from .evidence import has
from .phrases import as_written
from .question import Asked
from .relevance import APPLIED_WORDS, Idf, lacking, near_said
from .roles import WHERE, comparative

# where it applies, unless what follows points back ("or report on such a challenge": the one already named)
_WHERE = "(?:" + "|".join(WHERE) + r")\b(?!\s+(?:(?:an?|the)\s+)?(?:such|this|that|these|those|it|them|its|their)\b)"


def written_elsewhere(asked: Asked, sources: Sequence[Source], chosen: Sequence[int], idf: Idf) -> list[str]:
    """Of a short question applying a topic somewhere ("feature attribution for recommender systems"), a phrase
    of the topic that papers found write, none of those listed, as written: the papers on recommenders that
    "attribute" a gain and vectorize "features" are not on it, and the one on feature attribution is not on
    recommenders (the two subjects are apart in the corpus); a listed paper whose title names the phrase's rarer
    word is on it, otherwise written ("hash codes" of "… Hashing for Image Retrieval", which writes "binary code")."""
    if not chosen or len(asked.terms) > APPLIED_WORDS or not asked.domains:
        return []
    # the phrase said right before where it applies ("feature attribution for"; not "embeddings, vectors for")
    topic = [
        (a, b, " ".join(written))
        for a, b in asked.pairs
        if len(written := as_written(asked.text, [a, b])) == 2
        and re.search(rf"\b{re.escape(written[0])}[\s-]+{re.escape(written[1])}\s+{_WHERE}", asked.text, re.I)
    ]
    others = [s for i, s in enumerate(sources) if i not in chosen]
    titles = [frozenset(terms(sources[i].paper.title)) for i in chosen]
    phrases = [
        phrase
        for a, b, phrase in topic
        if not any(near_said(asked, sources[i].paper, a, b) for i in chosen)
        and not any(has(max((a, b), key=idf), title) for title in titles)
        and any(near_said(asked, s.paper, a, b) for s in others)
    ]
    # ... or its one word there ("model merging for", "model" framing; not the last of a phrase, "late
    # interaction for", which no paper writes; nor a comparative, "cheaper for")
    words = [
        said
        for t in asked.terms
        if t not in asked.domains
        and not any(t == b for _, b, _ in topic)
        and (said := as_written(asked.text, [t])[0])
        and not comparative(said.casefold())
        and re.search(rf"\b{re.escape(said)}\s+{_WHERE}", asked.text, re.I)
        and all(t in lacking(asked, sources[i].paper) for i in chosen)  # (an acronym as the papers spell it)
        and any(t not in lacking(asked, s.paper) for s in others)
    ]
    return (phrases + words)[:1]
