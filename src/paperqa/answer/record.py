"""Questions about a paper's record rather than its content ("Who wrote SPLADE?", "When was gaBERT published?"):
what the corpus lists beside the abstract (a date, an organisation, how many authors), or that it lists nothing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from ..text import PAPERS
from ..types import Paper
from .citations import inert

Record = Literal["authors", "author count", "date", "organisation", "citations", "citing", "upvotes", "link"]

# Each phrase asks for one field of the record; what is left of the question names the paper. Look-aheads are
# bounded: "when was " repeated 5,000 times took 4.7 s with an unbounded one (each match scanned to the end).
_ASKED: tuple[tuple[Record, re.Pattern[str]], ...] = (
    ("authors", re.compile(  # not "what do the authors of SPLADE propose?", which asks what the paper says
        r"\bwho\s+(?:wrote|authored|are\s+the\s+authors\s+of|is\s+the\s+author\s+of|made|developed|created|built"
        # "who proposed it?" of late chunking: its authors ("who proposed BERT?" asks which paper introduced it)
        r"|(?:proposed|introduced|invented)(?=\s+(?:it|this|that|them|these|those)\b)"
        r"|(?:is|was)\s+behind)\b"
        r"|^\s*(?:(?:list|name|give)(?:\s+me)?\s+)?(?:the\s+)?(?:authors?|author\s+list)\s+of\b"
        r"|^\s*(?:what|which)\s+(?:are|were)\s+the\s+authors\s+of\b|\bwho\s+(?:are|were)\s+(?:its|their|the)\s+authors\b",
        re.IGNORECASE)),
    ("author count", re.compile(  # "how many authors does WAGLE have?", "which paper has the most authors?"
        r"\bhow\s+many\s+authors\b|\b(?:most|fewest|single|sole)\s+authors?\b(?!['’]s)|\bnumber\s+of\s+authors\b",
        re.IGNORECASE)),
    ("date", re.compile(
        r"\bwhen\s+(?:was|were|did)\b(?=.{0,200}?\b(?:publish|releas|post|appear|writ|come\s+out|came\s+out)\w*)"
        r"|^\s*(?:what|which|in\s+what|in\s+which)\s+(?:year|date)\s+(?:was|were|is|did)\b"
        r"|\b(?:publication|release)\s+(?:date|year)\b",
        re.IGNORECASE)),
    ("organisation", re.compile(
        r"\b(?:which|what)\s+(?:organi[sz]ation|company|lab|institution|university|affiliation|group|team)\s+"
        r"(?:wrote|published|released|developed|made|proposed|introduced|is\s+behind|was\s+behind|is|are|did)\b"
        # "Which labs work on mixture of experts?", "who works on X?": the organisations of the papers on it
        r"|\b(?:which|what)\s+(?:organi[sz]ations|companies|labs|institutions|universities|groups|teams)\s+"
        r"(?:work|works|publish|published|study|studied|research)\s+(?:on|about|in)\b"
        r"|\bwho\s+(?:works|is\s+working|publishes|studies|researches)\s+(?:on|about|in)\b",
        re.IGNORECASE)),
    ("citations", re.compile(
        r"\bhow\s+(?:many\s+citations|many\s+times\s+(?:was|is|has)\b.{0,200}?\bcited"
        r"|often\s+(?:was|is|has)\b.{0,200}?\bcited)"
        r"|\bmost[\s-]+cited\b|\bmost\s+citations\b|\bcitation\s+counts?\b",
        re.IGNORECASE)),
    ("upvotes", re.compile(  # "how many upvotes does SPLADE v2 have?" (a list by them is `asking.popular`'s)
        r"\bhow\s+many\s+upvotes\b|\b(?:upvote\s+count|number\s+of\s+upvotes)\b", re.IGNORECASE)),
    ("link", re.compile(  # "is there a link?", "where can I read it?", "the arXiv id of X" (not "link prediction")
        r"\b(?:is\s+there\s+an?|any|the|a|its|their)\s+(?:link|url|pdf|doi|arxiv\s+(?:id|link|page|url|number))"
        r"(?=\s+(?:to|for|of)\b|\s*[?.!]*\s*$)|^\s*(?:link|url|pdf|doi)\s*[?.!]*\s*$"
        r"|\bwhere\s+can\s+(?:i|we|one|you)\s+(?:read|find|get|download|access|see)\s+"
        r"(?:(?:it|this|that|them|the\s+(?:paper|full\s+(?:paper|text)|pdf))\b|(?=[“\"]|(?-i:[A-Z])))",  # or a name
        re.IGNORECASE)),
    ("citing", re.compile(  # "which papers cite SPLADE?", "who cited it?", "papers citing X", "is X cited by any?"
        rf"\b(?:(?:which|what|any)\s+(?:other\s+)?{PAPERS}|who)\s+(?:(?:have|has)\s+)?(?:cite[sd]?|referenced?|references)\b"
        rf"|\bwhat\s+(?:cites|cited)\b|\b{PAPERS}\s+(?:(?:that|which)\s+(?:cite|reference)|citing|referencing)\b"
        r"|\b(?:cited|referenced)\s+by\s+(?:any|other|which|what|whom|later|many|more)\b"
        # "is there follow-up work?", "papers that build on it?": the papers citing it, as the corpus cannot say
        r"|\bfollow[\s-]?ups?(?:\s+(?:work|works|papers?|studies))?\b"
        rf"|\b(?:{PAPERS}|work)\s+(?:that|which)\s+(?:build|built|extend|extended)\s+(?:on|upon)\b"
        r"|\bbuil(?:d|ds|ding|t)\s+(?:on|upon)\s+(?:it|this|that|them|these)\b",
        re.IGNORECASE)),
)  # fmt: skip
NO_CITATIONS = "The corpus records no citation counts."
AUTHORS_UNRANKED = (
    "The corpus records how many authors each paper has, not who they are, and gives the count of one paper at a "
    "time (“how many authors does it have?” after an answer about it); it does not rank papers by it."
)
AUTHORS_UNNAMED = (
    "The corpus does not record who wrote its papers, only how many authors each has; name the paper (or ask "
    "“how many authors does it have?” after an answer about it) for its count."
)
_WHEN = re.compile(r"\bwhen\s+(?:was|were|did)\b", re.IGNORECASE)
_ADDRESS = re.compile(r"[\w.~:/?#@!$&'*+,;=%-]+")  # a web address's characters: no space, bracket or parenthesis
# The verb of a "when was X published?" question, taken out with the "when was".
_DATE_VERB = re.compile(
    r"\b(?:published|released|posted|appeared|written|come\s+out|came\s+out|publish|release|appear|write)\b",
    re.IGNORECASE,
)


def record_asked(question: str) -> tuple[Record, str] | None:
    """The field of a paper's record a question asks for, and the question without the words asking it; of a
    follow-up read after the question before it ("Who wrote it? When was it published?"), the last one asked."""
    found = [(m, record) for record, pattern in _ASKED for m in pattern.finditer(question)]
    if not found:
        return None
    m, record = max(found, key=lambda f: f[0].start())
    rest = question[: m.start()] + " " + question[m.end() :]
    if record == "date" and _WHEN.match(question, m.start()):
        rest = rest[: m.start()] + _DATE_VERB.sub(" ", rest[m.start() :], count=1)
    return record, " ".join(rest.split())


def record_said(record: Record, paper: Paper) -> str:
    """What the corpus lists of one paper for the field asked, said without a citation (it is no abstract's
    claim): the answer's next sentence quotes the abstract, cited."""
    title = f"“{inert(paper.title)}”"
    if record == "author count" and paper.authors:
        return f"The corpus lists {paper.authors} author{'s' if paper.authors != 1 else ''} for {title}."
    if record in ("authors", "author count"):
        # the names are not recorded, their number is: "(it lists 5 authors)" read as a list withheld
        count = f", only that it has {paper.authors} author{'s' if paper.authors != 1 else ''}" if paper.authors else ""
        org = f"; its organisation is {inert(paper.org)}" if paper.org else ""
        return f"The corpus does not record who wrote {title}{count}{org}."
    if record == "date":
        if paper.date:
            return f"The corpus dates {title} {paper.date.isoformat()}."
        return f"The corpus has no date for {title}."
    if record == "organisation":
        if paper.org:
            return f"The corpus lists {inert(paper.org)} as the organisation of {title}."
        return f"The corpus lists no organisation for {title}."
    if record == "upvotes":
        if paper.upvotes is not None:
            return f"The corpus lists {paper.upvotes} upvote{'s' if paper.upvotes != 1 else ''} for {title}."
        return f"The corpus lists no upvotes for {title}."
    if record == "link":  # (only a web address: a record's "javascript:", or text with spaces, is no link to give)
        if paper.url and paper.url.startswith(("https://", "http://")) and _ADDRESS.fullmatch(paper.url):
            return f"The corpus lists {inert(paper.url)} for {title}."
        return f"The corpus lists no link for {title}."
    upvotes = f"; it lists {paper.upvotes} upvotes for {title}" if paper.upvotes is not None else ""
    return f"{NO_CITATIONS[:-1]}{upvotes}."


def orgs_said(papers: Sequence[Paper]) -> str:
    """What the corpus lists of the organisations of a list's papers ("which labs work on X?"), said first."""
    known = [f"{inert(p.org)} (“{inert(p.title)}”)" for p in papers if p.org]
    if not known:
        papers_on = "the paper" if len(papers) == 1 else f"the {len(papers)} papers"
        return f"The corpus lists no organisation for {papers_on} on this (it records few)."
    return f"The corpus lists an organisation for {len(known)} of the {len(papers)} papers on this: {'; '.join(known)}."
