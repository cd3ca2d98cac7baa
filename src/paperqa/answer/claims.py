"""Claims checked against what they cite: beyond a valid `[n]`, does the cited abstract say it?

Each sentence of an answer that cites sources is a claim. Its numbers must appear in a cited abstract, and its
key terms mostly so: support is `full`, `partial` or `none`. A claim citing one source for a figure that source
does not hold, which another retrieved source holds (with the claim's words), is re-pointed to that source.
Each citation keeps the abstract sentences its claims rest on, which the source card highlights.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..text import sentences, subject_terms, terms
from ..tidy import tidy
from ..types import Citation, Claim, Paper, Source, Support
from .citations import GROUP, cited_numbers, expand
from .evidence import has
from .phrases import joined

# A figure and its unit, written apart or not ("9 %", "2.72x", "64ms", "32K", "1.3GB").
_NUMBER = re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)*)\s?(%|x|×|ms|gb|mb|tb|kb|k|m|b|s|h|fold)?(?![\w])", re.IGNORECASE)
# The offline writer's own lead-ins, citation and all: "From “…” [1]:", "No paper … the closest is “…” [1].", "The
# abstract of “…” [1] names no metric for this; what it says closest:" (its words are not the paper's claim).
_LEAD = re.compile(r"^(?:From “[^”]*” \[\d+\]:|No paper [^\[]*? \[\d+\]\.|The abstract of “[^”]*” \[\d+\] [^:]*:)\s*")
# A dated list's line gives its paper's date after the title ("- Title (2025-06-10): …", `draft.list_line`), or its
# upvotes ("(12 upvotes)"), from the record, not the abstract: no figure of the claim.
_DATED_LINE = re.compile(r"^(- .*?) \((?:\d{4}(?:-\d{2}){0,2}|\d+ upvotes?)\)(?=: )")
FULL, PARTIAL = 0.5, 0.25  # shares of a claim's key terms its cited abstracts must hold


@dataclass(frozen=True)
class Checked:
    """An answer after the check: text (citations re-pointed where needed), claims and citations."""

    text: str
    claims: tuple[Claim, ...]
    citations: tuple[Citation, ...]
    repointed: tuple[tuple[int, int], ...] = ()  # (cited, now cited) pairs


def numbers(text: str) -> frozenset[str]:
    """The figures of a text, normalised: `9\\%` and `9 %` are `9%`, `2.72X` is `2.72x`, `1,000` is `1000`."""
    out = set()
    for m in _NUMBER.finditer(tidy(text)):
        value = m.group(1).replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+", m.group(1)) else m.group(1)
        unit = (m.group(2) or "").lower().replace("×", "x")
        out.add(value + unit)
        out.add(value)  # "9%" is also the number 9: a unit written differently must not hide it
    return frozenset(out)


@lru_cache(maxsize=8192)
def _paper_numbers(paper: Paper) -> frozenset[str]:
    return numbers(f"{paper.title} {paper.abstract}")


@lru_cache(maxsize=8192)
def _paper_terms(paper: Paper) -> frozenset[str]:
    return frozenset(terms(joined(tidy(f"{paper.title} {paper.abstract}"))))


def _claim_terms(text: str) -> list[str]:
    return list(dict.fromkeys(subject_terms(joined(text))))


def _figures(text: str) -> frozenset[str]:
    """The figures a claim states (with their units where written; bare small counts such as `two` are words)."""
    return frozenset(n for n in numbers(text) if not n.isdigit() or len(n) > 1)


def support_of(claim: str, papers: Sequence[Paper]) -> tuple[Support, float]:
    """How well some papers together support a claim, and the share of its key terms they hold."""
    wanted = _claim_terms(claim)
    vocabulary = frozenset().union(*(_paper_terms(p) for p in papers))
    share = sum(1 for t in wanted if has(t, vocabulary)) / len(wanted) if wanted else 1.0
    figures = _figures(claim)
    if figures and not all(any(n in _paper_numbers(p) for p in papers) for n in figures):
        return "none", share
    if share >= FULL:
        return "full", share
    return ("partial" if share >= PARTIAL else "none"), share


def check(text: str, sources: Sequence[Source], quoted: Mapping[int, Sequence[str]] | None = None) -> Checked:
    """Check every cited sentence of an (already cleaned) answer against the abstracts it cites."""
    claims: list[Claim] = []
    repointed: list[tuple[int, int]] = []
    out_text = text
    # Line by line first: each line of a list ("- Title: quote [3].") is a claim of its own paper, and a heading
    # ("The corpus has 22 papers dated 2023:") cites nothing, so its figures are asked of no abstract.
    for sentence in (s for line in text.split("\n") for s in sentences(line)):
        cited = [n for m in GROUP.finditer(sentence) for n in expand(m.group(1)) if 1 <= n <= len(sources)]
        if not cited:
            continue
        claim = GROUP.sub("", _LEAD.sub("", _DATED_LINE.sub(r"\1", sentence))).strip()  # lead-in first: [n] ends it
        support, _ = support_of(claim, [sources[n - 1].paper for n in cited])
        # Re-point only a figure: words shared by several abstracts are too weak a sign of the right source.
        if support == "none" and len(set(cited)) == 1 and _figures(claim):
            better = _better_source(claim, sources, cited[0])
            if better is not None:
                fixed = sentence.replace(f"[{cited[0]}]", f"[{better}]")
                out_text = out_text.replace(sentence, fixed, 1)
                repointed.append((cited[0], better))
                sentence, cited = fixed, [better]
                support, _ = support_of(claim, [sources[better - 1].paper])
        claims.append(Claim(sentence, tuple(dict.fromkeys(cited)), support))
    citations = tuple(_citation(n, sources, claims, quoted) for n in cited_numbers(out_text) if 1 <= n <= len(sources))
    return Checked(out_text, tuple(claims), citations, tuple(repointed))


def _better_source(claim: str, sources: Sequence[Source], cited: int) -> int | None:
    """The retrieved source that fully supports a claim its cited source does not, if one clearly does."""
    options = []
    for n, source in enumerate(sources, start=1):
        if n == cited:
            continue
        support, share = support_of(claim, [source.paper])
        if support == "full":
            options.append((share, -n, n))
    return max(options)[2] if options else None


def _citation(
    n: int, sources: Sequence[Source], claims: Sequence[Claim], quoted: Mapping[int, Sequence[str]] | None
) -> Citation:
    paper = sources[n - 1].paper
    own = [c for c in claims if n in c.cited]
    levels = [c.support for c in own] or ["full"]
    support: Support = "none" if "none" in levels else "partial" if "partial" in levels else "full"
    if quoted and quoted.get(n):
        quotes = tuple(dict.fromkeys(quoted[n]))
    else:
        quotes = tuple(dict.fromkeys(q for c in own if (q := _resting_on(paper, c.sentence))))
    snippet = quotes[0] if quotes else (sentences(paper.abstract) or [paper.abstract])[0]
    return Citation(n=n, paper_id=paper.id, title=paper.title, date=paper.date, org=paper.byline, snippet=snippet,
                    quotes=quotes, support=support)  # fmt: skip


def _resting_on(paper: Paper, claim: str) -> str:
    """The abstract sentence a claim rests on: the one holding its figures and most of its key terms."""
    wanted = set(_claim_terms(GROUP.sub("", claim)))
    figures = _figures(GROUP.sub("", claim))
    candidates = sentences(paper.abstract)
    if not candidates:
        return ""

    def score(i: int) -> tuple[int, int, int]:
        s = candidates[i]
        return (len(figures & numbers(s)), len(wanted & set(terms(joined(s)))), -i)

    best = max(range(len(candidates)), key=score)
    return candidates[best] if score(best)[:2] != (0, 0) else ""
