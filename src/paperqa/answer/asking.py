"""How a question asks, apart from what it asks about: for papers ("can you recommend"), by date ("the latest"),
how many ("3 papers"), the best of them, their limits, findings or remedies, or sorted ("the main approaches to").
Each such phrase is taken out, so that what is left names the topic."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..text import NUMBER_WORDS, PAPERS, count_of, without
from .phrases import COINED

Order = Literal["newest", "oldest"]
# What a paper's findings are asked as: what it found ("the main finding of X"), or its results, measured ("the
# results of X"); "" for neither
Finding = Literal["", "found", "results"]
Ordering = Literal["newest", "oldest", "most upvoted"]  # how a list of papers is ordered: by date, or by upvotes

# "Can you recommend papers on model compression?", "suggest a few studies of X": asking for papers, whose verb
# is no word of the topic ("recommender systems" is one).
_RECOMMEND = re.compile(
    rf"\b(?:recommend|suggest)(?:\s+me)?(?=\s+(?:(?:some|a|few|any|good|the|\d+|[a-z]+)\s+){{0,3}}"
    rf"(?:{PAPERS}|reading|readings|reads)\b)",  # "Recommend some reading on X"
    re.IGNORECASE,
)
# "the latest paper on X", "the earliest work on X": papers on a topic, by date; the word says the order only.
_WORKS = rf"(?:\s+[\w-]+){{0,2}}?\s+{PAPERS}\b"  # "the latest LLM papers", "the newest retrieval work"
_NEWEST = re.compile(r"\b(latest|newest|most\s+recent|recent|last)" + _WORKS, re.IGNORECASE)
_OLDEST = re.compile(r"\b(oldest|earliest|first)" + _WORKS, re.IGNORECASE)
# "Which paper is the oldest in the corpus?": the same, said after the noun (one paper).
_DATED_AFTER = re.compile(
    r"\b(?:which|what)\s+(?P<noun>papers?|works?|stud(?:y|ies)|articles?|publications?)\s+"
    r"(?:(?:on|about|in)\s+[\w-]+(?:\s+[\w-]+){0,4}?\s+)?"
    r"(?:(?:is|was|are|were)\s+(?:the\s+)?"  # ("which papers are the newest?": of them, newest first)
    r"(?P<word>latest|newest|most\s+recent|oldest|earliest)\b|(?P<verb>(?:came\s+out|appeared|was\s+(?:published|"
    r"released|posted))\s+(?P<when>most\s+recently|last|latest|first|earliest))\b)",  # "… came out most recently?"
    re.IGNORECASE,
)
# "sort them by date", "order by year", "newest first", "oldest first": an order, no word of a topic
_SORTED_BY = r"\b(?:sort|order|rank|list)(?:ed)?\s+(?:(?:them|these|those|the\s+papers|it)\s+)?by\s+"
_BY_DATE = re.compile(
    rf"{_SORTED_BY}(?:publication\s+)?(?:date|year|recency)\b|\b(newest|latest|most\s+recent|oldest|earliest)\s+first\b",
    re.IGNORECASE,
)
# "What's new in dense retrieval?": the newest papers on it ("new" is a stop word: without this, only the topic).
# Of a name ("What is new about SPLADE v2?") it asks what that paper brings: no list.
_WHATS_NEW = re.compile(
    rf"\bwhat(?:'s|’s|s|\s+is)\s+(new)\s+(?:in|on|about|with|for)\s+(?!(?:the\s+)?(?!M?LLMs?\b)(?-i:{COINED})(?![\w-]))",
    re.IGNORECASE,
)
# "the newest paper": one; "recent work on X" is many ("work" and "research" are uncounted).
_ONE_DATED = re.compile(r"\b(?:paper|study|article|publication)$", re.IGNORECASE)
# "Which is the best paper on hashing?", "the top methods for dense retrieval": a judgement no abstract makes of
# the others; the papers on the topic are listed with what each reports.
_BEST = re.compile(
    r"\b(?:best|top|leading|strongest|most\s+(?:important|influential|promising))\s+"
    rf"(?=(?:[\w-]+\s+)?(?:{PAPERS}|methods?|approach(?:es)?|models?|techniques?|systems?|ways?|options?"
    r"|results?|performance|scores?)\b)",
    re.IGNORECASE,
)
# "What is the state of the art in X?", "What are the state-of-the-art methods for X?": the same judgement, asked
# (not a prior "state-of-the-art approach" a question describes, nor where a paper "reached state of the art").
_ART = r"(?:state[\s-]+of[\s-]+the[\s-]+art|sota)"
_STATE_OF_ART = re.compile(
    rf"^\s*(?:what|which)(?:\s+is|\s+are|['’]s)\s+(?:the\s+)?(?:current\s+)?{_ART}"
    rf"(?:\s+(?:in|for|on|of)\b|\s+(?=(?:[\w-]+\s+)?(?:{PAPERS}|methods?|approach(?:es)?|models?|techniques?|systems?)\b))",
    re.IGNORECASE,
)
# "Which approach is most efficient for unlearning?", "which model performs best on BEIR?": the same judgement,
# said after the noun; "best" or "most" is taken out, what it is judged by ("efficient") stays.
_BEST_AFTER = re.compile(
    rf"^\s*(?:which|what)\s+(?:[\w-]+\s+)?(?:{PAPERS}|methods?|approach(?:es)?|models?|techniques?|systems?)\s+"
    r"(?:(?:is|are|was|were|works?|performs?)\s+(?:the\s+)?(best|most)"
    # "Which paper reports the largest speedup?": a ranking of what each reports, which no abstract makes
    r"|(?P<verb>reports?|has|have|achieves?|shows?|gets?|gives?)\s+(?:the\s+)?(largest|biggest|highest|greatest|best"
    r"|strongest|fastest|lowest|smallest))\b",
    re.IGNORECASE,
)
# "the main approaches to X", "key methods for X", "different ways of X": how a reader sorts the papers on X, no
# word of X (no ranking either: that is `_BEST`).
_SORTING = re.compile(
    r"\b(?:main|key|major|principal|notable|popular|prominent|common|typical|existing|different|various)\s+"
    r"(?=(?:approach(?:es)?|methods?|techniques?|ideas?|ways?|strateg(?:y|ies)|directions?|families|categories|"
    rf"{PAPERS})\b)",
    re.IGNORECASE,
)
# "the pros and cons of SPLADE and ColBERT", "trade-offs between pruning and quantization": two things weighed,
# each side answered (a comparison), not one method's limits.
_TWO_WEIGHED = re.compile(
    r"\b(?P<weighing>(?:the\s+)?(?:pros\s+and\s+cons|(?:advantages|strengths)\s+and\s+(?:disadvantages|weaknesses|"
    r"limitations)|trade-?offs?)\s+(?:of|between))\s+[^?]{1,80}?\s+(?:and|vs\.?|versus|or)\s+\S",
    re.IGNORECASE,
)
# "What are the common benchmarks for X?" asks which benchmarks are used for X: of the papers on X, those naming
# one ("common" is no word of the topic)
_USUAL_KIND = re.compile(
    r"\bwhat\s+(?:are|were)\s+(?:the\s+)?(?:most\s+)?(?:common(?:ly\s+used)?|typical|standard|usual|popular|main|"
    r"widely[\s-]used)\s+(?:evaluation\s+|test\s+)?"  # "the common evaluation benchmarks"
    r"(?P<kind>datasets|benchmarks|corpora|metrics|models|methods|approaches|techniques|baselines|"
    r"architectures|tasks|evaluations)\b",
    re.IGNORECASE,
)
# "What are the downsides of learned sparse retrieval?" asks for what a paper on it finds wanting, not for
# papers about "downsides": the asking goes, and the answer quotes the paper's own limits first.
_WEAKNESS = re.compile(
    r"(?:\b(?:(?:main|key|biggest|common|typical)\s+)?(?:downsides?|drawbacks?|limitations?|weakness(?:es)?|"
    r"disadvantages?|shortcomings?|challenges|trade-?offs?|caveats?|pros\s+and\s+cons|pitfalls?"
    r"|failure\s+(?:modes?|cases?)|(?<=common\s)failures"  # "common failure modes of dense retrievers"
    # "what are the risks?", "what are the main risks of X?" (not "privacy risks", "the risks of static hard
    # negatives" as what a question asks about)
    r"|(?:(?<=what are the )|(?<=what're the ))(?:main\s+|key\s+|biggest\s+)?risks)"
    r"|\bwhat(?:'s|’s|\s+is|\s+goes|\s+went|\s+can\s+go)\s+wrong(?:\s+with)?"  # "What's wrong with [MASK] tokens?"
    r"|\bwhat\s+limits"  # "What limits sparse autoencoders?"
    r"|\b(?:open|remaining|unsolved|unresolved)\s+"
    r"(?:problems|questions|issues)|\b(?:problems|questions|issues)\s+(?:remain\s+)?(?:open|unsolved|unresolved))"
    r"\b(?:\s+(?:of|in|for)\b)?",
    re.IGNORECASE,
)  # fmt: skip  ("which problems remain open in X")
# "What is the main finding of AxBench?", "What did the authors of X find?", "What does X conclude about Y?", "the
# strengths of X" ask what a paper found, not for papers about "findings": the asking goes, and the paper's
# findings are quoted first.
_RESULTS = re.compile(r"\bresults?\b", re.IGNORECASE)  # (of `_FINDING`: what a paper measured, not what it found)
_FINDING = re.compile(
    r"\b(?:(?:main|key|central|major|principal|headline)\s+(?:findings?|results?|conclusions?|takeaways?|lessons?)"
    r"|(?:findings?|conclusions?|takeaways?|lessons\s+learned)|results?(?=\s+of\b)"
    r"|(?:main\s+|key\s+)?(?:strengths|advantages|benefits|merits)(?=\s+of\b))\b(?:\s+(?:of|from|in)\b)?"
    r"|\b(?:find|found|show|conclude|discover|reveal|observe|learn)\b(?=\s+about\b|\s*[?.!]?\s*$)",
    re.IGNORECASE,
)
# "Why is predicting downstream capabilities with scale hard?": its difficulty asked, which a paper says otherwise
# ("remained elusive"); no word of its topic ("hard negatives" are). Bounded: one scan of the question.
_HARD = re.compile(
    r"^\s*why\b[^?]{1,300}?\s(?P<hard>(?:so\s+|still\s+)?(?:hard|difficult|challenging|tricky))\s*\?*\s*$",
    re.IGNORECASE,
)
# "… and how is it fixed?", "How can one prevent X?", "solutions to X": asks how a paper counters a problem, not for
# papers about "fixing": the asking goes, and the answer quotes what the paper does against it.
_REMEDY = re.compile(
    r"\bhow\s+(?:is|are|was|were|can|could|do|does|did|to|should|would|might)\s+(?:(?:it|this|that|they|them|one|"
    r"we|you|these|those)\s+)?(?:be\s+)?(?:fix|solv|mitigat|prevent|avoid|overcom|remed|tackl|counter|alleviat|stop|"
    r"resolv|cure)\w*|\b(?:solutions?|remed(?:y|ies)|fix(?:es)?|mitigations?|countermeasures?)\s+(?:to|for)\b",
    re.IGNORECASE,
)
# "like I'm five", "in simple terms", "in one sentence", "explain it simply", "a one-sentence summary": how the
# answer should read, no word of what is asked.
_STYLE = re.compile(
    r"\b(?:like\s+(?:I['’]?m|I\s+am)\s+(?:five|5|a\s+(?:child|kid|beginner|newcomer))|eli5|in\s+a\s+nutshell|briefly"
    r"|in\s+(?:simple|plain|layman['’]?s?|non-technical|everyday)\s+(?:terms|words|english|language)"
    r"|in\s+(?:one|a\s+few|two|three)\s+(?:sentences?|words|lines?|paragraphs?)|simply\s+put|simply(?=\s*[?.!]*\s*$)"
    r"|(?:one|two|three|single)[\s-](?:sentence|line|paragraph)(?=\s+(?:summary|overview|explanation|description))"
    r"|(?:short|brief|quick)(?=\s+(?:summary|overview|explanation|description))"
    r"|for\s+a\s+(?:beginner|layman|non-expert|newcomer|child))\b",
    re.IGNORECASE,
)
# "Hi, please list …. Thanks!": courtesy, no word of what is asked (nor of the question's embedding).
_COURTESY = re.compile(
    r"^\s*(?:(?:hi|hello|hey|dear\s+\w+)\b[\s,!.]*|(?:ok(?:ay)?|thank\s+you|thanks?)\b[\s,!.]*(?=\w)"
    r"|(?:alright|right|great|cool|nice)\s*[,!.]\s*){1,4}|\b(?:please|kindly)\b[\s,]*"
    r"|[\s,.!]*\b(?:thanks(?:\s+a\s+lot|\s+in\s+advance)?|thank\s+you(?:\s+very\s+much)?|cheers|ty)\b[\s.!]*$",
    re.IGNORECASE,
)
# "What metric judges how good hard negatives are?", "Which papers mention ChatGPT?": a verb of judging before
# "how"/"whether", or of saying after "papers", asks and names nothing ("LLMs as judges", "entity mentions" and
# "quality assessment" are topics). The word before the verb stays.
_JUDGING = re.compile(
    r"\b(?:judges?|judging|judged|measures?|measuring|tells?|assess(?:es)?)\s+(?=(?:how|whether|if)\b)"
    rf"|\b({PAPERS}|ones|that|which)\s+(?:(?:also|ever|even)\s+)?(?:mention(?:s|ed)?|discuss(?:es|ed)?"
    r"|talks?\s+about|refers?\s+to|assess(?:es|ed)?)\b",
    re.IGNORECASE,
)
# "Which papers make LLMs forget a target entity, and how?": each paper's way of doing it is asked for.
# "…, and how?", "… exist and how do they differ?": each paper listed says what it does
_AND_HOW = re.compile(r"\band\s+how(?:\s+do\s+they\s+(?:differ|compare))?\s*\??\s*$", re.IGNORECASE)
# "the most upvoted papers on X", "Which paper has the most upvotes?": by the record's upvotes, no topic word.
_POPULAR = re.compile(
    r"\b(?:(?:the\s+)?(?:most|more)[\s-]+(?:upvoted|popular|liked|upvotes)|(?:the\s+)?highest[\s-]+upvoted"
    # ("which has more upvotes?" of two papers compared; "the highest upvotes", "the largest number of upvotes")
    r"|(?:the\s+)?(?:highest|largest|greatest|biggest|most)\s+(?:number\s+of\s+|count\s+of\s+)?upvotes"
    r"|top[\s-]+upvoted)\b",
    re.IGNORECASE,
)
_BY_VOTES = re.compile(rf"{_SORTED_BY}(?:the\s+)?(?:number\s+of\s+)?(?:upvotes|votes|popularity)\b", re.IGNORECASE)
_ONE_PAPER_ASKED = re.compile(
    r"\b(?:(?:which|what)|most\s+(?:upvoted|popular))\s+(?:paper|work|study|article)\b(?!s)", re.IGNORECASE
)  # ("what is the most upvoted paper?": one)
# "Give me 3 papers on hashing", "two recent works on unlearning": the number is how many to list.
_HOW_MANY_PAPERS = re.compile(
    r"\b(\d{1,2}|" + "|".join(NUMBER_WORDS) + rf")\s+(?:[A-Za-z-]+\s+)?{PAPERS}\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Asking:
    """A question's asking words, read and taken out."""

    rest: str  # the question without them
    order: Order | None = None  # a list by date ("the latest papers on X"), newest or oldest first
    count: int | None = None  # how many papers a list asks for ("3 papers on hashing"; "the newest paper": 1)
    counted: bool = False  # it says how many ("3 papers"), even "0 papers", which sets no count
    best: bool = False  # the best papers or methods ("the best method for X")
    weakness: bool = False  # a method's limits ("the downsides of X")
    finding: Finding = ""  # what a paper found ("the main finding of X"), or its results ("the results of X")
    remedy: bool = False  # how a problem is countered ("… and how is it fixed?")
    how: bool = False  # how each paper does it ("which papers make LLMs forget X, and how?")
    popular: bool = False  # by upvotes, most first ("the most upvoted papers on X")


def asking(question: str) -> Asking:
    """Read and take out how a question asks, one phrase of each kind."""
    if found := _RECOMMEND.search(question):
        question = without(question, found.start(), found.end())
    if found := _STYLE.search(question):
        question = without(question, found.start(), found.end())
    question = _COURTESY.sub(" ", question).strip() or question
    question = _JUDGING.sub(lambda m: m.group(1) or "", question)
    dated = _NEWEST.search(question) or _OLDEST.search(question)
    order: Order | None = None if not dated else "newest" if dated.re is _NEWEST else "oldest"
    after = None if dated else _DATED_AFTER.search(question)
    if not (dated or after) and (new := _WHATS_NEW.search(question)):
        order, question = "newest", without(question, new.start(1), new.end(1))
    if not (dated or after or order) and (by_date := _BY_DATE.search(question)):  # "sort them by date"
        order = "oldest" if (by_date.group(1) or "").casefold() in ("oldest", "earliest") else "newest"
        question = without(question, by_date.start(), by_date.end())
    if after:
        said = (after.group("word") or after.group("when")).lower()
        order = "oldest" if said in ("oldest", "earliest", "first") else "newest"
    if dated:  # "latest" says the order, not the topic: the question is read without it
        question = without(question, dated.start(1), dated.end(1))
    elif after:  # so is its verb ("came out"): no word of a topic
        part = "word" if after.group("word") else "verb"
        question = without(question, after.start(part), after.end(part))
    # ("sort them by upvotes": most upvoted first, as "the most upvoted" asks)
    upvoted = _POPULAR.search(question) or _BY_VOTES.search(question)
    popular = bool(upvoted)  # before "popular" is read as sorting ("popular papers")
    one_upvoted = bool(_ONE_PAPER_ASKED.search(question))  # ("the most upvoted paper": one; read before it goes)
    if upvoted:
        question = without(question, upvoted.start(), upvoted.end())
    flags = []
    if usual := _USUAL_KIND.search(question):  # "what are the common benchmarks for X": which are used for X
        question = f"{question[: usual.start()]}which {usual.group('kind')} are used{question[usual.end() :]}"
    if weighed := _TWO_WEIGHED.search(question):  # "the pros and cons of X and Y": "compare X and Y", no limits
        question = f"{question[: weighed.start()]}compare {question[weighed.end('weighing') :].lstrip()}"
    finding: Finding = ""
    for pattern in (_BEST, _SORTING, _WEAKNESS, _FINDING, _REMEDY):
        found = pattern.search(question) if pattern is not _WEAKNESS or not weighed else None
        flags.append(found is not None)
        if found:
            question = without(question, found.start(), found.end())
        if found and pattern is _FINDING:
            finding = "results" if _RESULTS.search(found.group(0)) else "found"
    if hard := _HARD.search(question):
        question, flags[2] = without(question, hard.start("hard"), hard.end("hard")), True
    flags.append(bool(_AND_HOW.search(question)))  # kept: "and how" is no topic word, nor a figure asked
    counted = _HOW_MANY_PAPERS.search(question)
    count = count_of(counted.group(1)) or None if counted else None  # "0 papers": no count
    one = after and not after.group("noun").casefold().endswith("s")  # "which papers came out last?": several
    if one or (dated and count is None and _ONE_DATED.search(dated.group(0))):  # "the newest paper on X": one
        count = 1
    if counted:  # "3 papers on hashing": how many to list, not a word of the topic
        question = without(question, counted.start(1), counted.end(1))
    best, _, weakness, _, remedy, how = flags
    if popular and count is None and one_upvoted:  # "Which paper has the most upvotes?"
        count = 1
    if not best and (judged := _BEST_AFTER.search(question)):
        # "best" or "most" goes; "reports the largest" goes whole (what it reports stays)
        start, end = (judged.start(1), judged.end(1)) if judged.group(1) else (judged.start("verb"), judged.end(3))
        question, best = without(question, start, end), True
    if art := _STATE_OF_ART.search(question):
        question, best = without(question, art.start(), art.end()), True
    return Asking(question, order, count, counted is not None, best, weakness, finding, remedy, how, popular)
