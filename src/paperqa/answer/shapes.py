"""A question's shape, from how it is worded: a list of papers on a topic, a comparison of two named papers or
methods, an improvement over a baseline (the gain and its numbers), a number, one paper's gist, or one fact."""

from __future__ import annotations

import re
from typing import Literal

from ..text import FIELD_ASKED, PAPERS
from .asking import Asking
from .kinds import QUANTITY, WHICH_OF

Shape = Literal["list", "compare", "improvement", "number", "summary", "fact"]

_LIST = re.compile(
    r"(?:^|:)\s*(which|what)( [\w-]+){0,3} (papers|works|studies|work)\b(?!\s+(?:better|worse|faster)\b)"
    # "Which embedding models support long documents?": papers on such models; "which methods does SPLADE v2
    # compare against?" asks what one paper does.
    r"|(?:^|:)\s*(which|what)( (?!(?:paper|work|study|article)\b)[\w-]+){0,3} (approaches|methods|techniques|models|"
    r"systems|frameworks|architectures|"
    r"algorithms)\b(?!\s+(?:does|do|did|has|have|had)\b)"
    r"|\b(which|what) papers\b|\bpapers (on|about|that)\b|\bwhat does the (collection|corpus)\b"
    r"|\bwhat [\w-]+( [\w-]+)? work is\b|\bare covered\b|\bin the collection\b"
    # "Do any retrieval papers use BERT?", "are there any recent unlearning studies?", "code for unlearning papers"
    r"|\b(does|do|did) any( [\w-]+){0,3} (papers?|works?|stud(y|ies))\b"
    r"|\bare there (any )?([\w-]+ ){0,3}(papers|works|studies|surveys)\b|\bfor( [\w-]+){0,3} papers\b"
    # "Is there anything on speech?", "is there any work about X?", "anything on hashing?"
    r"|^\s*(is there )?(any|anything|something)( (work|research))? (on|about)\b"
    r"|\bwhat (was|were|has been|have been|got) published\b|\bwhat are (my|the|our) (options|choices|alternatives)\b"
    # "What's been done on sentence embeddings?", "What research is there on hashing?", "What do you have on X?"
    r"|\bwhat(['’]s| has| have) been (done|written|proposed|studied) (on|about|in)\b"
    r"|\bwhat( [\w-]+)? is there (on|about)\b|\bwhat do (we|you) have (on|about)\b"
    r"|^\s*is there (any )?(work|research|literature) (on|about)\b"  # "Is there research on machine unlearning?"
    # "how do papers make X faster?", "how do the unlearning methods differ in cost?"
    r"|\bhow (do|did|have) (the )?([\w-]+ ){0,2}(papers|works|studies|approaches|methods)\b"
    # "the literature on X", "What progress has been made on X?", "point me to work on X": a field's papers
    rf"|\b(?:{FIELD_ASKED})\b"
    # "What is happening in the field of retrieval?" (not "what's new in SPLADE v2 compared to SPLADE?": a gain)
    r"|\bwhat(['’]s| is) (happening|new) in\b(?![^?]{0,80}\b(?:compared\s+(?:to|with)|over|than|relative\s+to)\b)"
    # "Any good reads on X?", "Where can I learn about X?", "What should I read first on X?", "Summarize the work on X"
    # ("learn about" is an asking phrase, gone before the shape is read); "Papers I should cite for X?"
    r"|\b(reads|reading|readings) (on|about)\b|\bwhere (can|should|do) (i|we|you) (learn|read|start|about)\b"
    r"|\bwhat should (i|we) read\b|\b(summari[sz]e|review|describe) the (work|research) (on|about)\b"
    r"|^\s*papers\b",
    re.IGNORECASE,
)
# "Is Mistral-SPLADE better than SPLADE v2?": a yes-or-no of two things, answered from both sides.
_IS_BETTER = (r"^\s*(?:is|are|was|were|does|do|did)\b[^?]{1,80}?\b(?:better|worse|faster|slower|stronger|weaker|"
              r"smaller|larger|cheaper|higher|lower|more\s+[\w-]+|less\s+[\w-]+)\s+than\b"
              # "Is GigaTok similar to MingTok?", "Is MERU like CLIP?"
              r"|^\s*(?:is|are|was|were)\b[^?]{1,80}?\b(?:similar\s+to|like|alike|the\s+same\s+as)\b")  # fmt: skip
_COMPARE = re.compile(r"\b(compare[sd]?|comparison|versus|vs\.?|differ(s|ent|ently|ence|ences)?|distinguish(es)?"
                      r"|contrast|in\s+common|similarit(y|ies))\b"
                      # "What separates HyperAttention from SALE?", "How does GASLITE relate to AR2?"
                      r"|\bwhat\s+separates\b[^?]{1,80}?\bfrom\b|\b(?:does|is)\s+(?-i:[A-Z])[\w-]*\s+(?:relate|related)\s+to\b"
                      r"|\b(or|and) [\w-]+[^?:]{0,150}:\s*(how|what|which)\b|" + WHICH_OF + "|" + _IS_BETTER,
                      re.IGNORECASE)  # fmt: skip
# "Compare the approaches to unlearning in LLMs": no two papers named, but the papers on a topic, each with how
# it does it.
_COMPARE_KINDS = re.compile(
    r"\b(?:compare|contrast)\s+(?:the\s+)?(?:different\s+|various\s+|main\s+|existing\s+)?(?:approaches|methods|"
    rf"techniques|strategies|models|systems|{PAPERS})\s+(?:to|for|on|of|in|that)\b",
    re.IGNORECASE,
)
_IMPROVE = re.compile(
    r"\b(improv\w*|gains?|better|outperform\w*|speed-?ups?|faster|saves?|reduc\w*|less|lower|higher|more accurate"
    r"|more [\w-]+\b[^?.]{0,60}?\bthan"  # "How much more efficient is 2D Matryoshka than MRL?"
    r"|what(?:'s|’s|s|\s+is)\s+new)\b",  # "What's new in SPLADE v2 compared to SPLADE?"
    re.IGNORECASE,
)
# "How does SPLADE v2 improve over SPLADE?": a gain over a baseline is asked for, even without "how much".
_BASELINE = re.compile(r"\b(improv\w* (over|on|upon)|better than|outperform\w*|compared (to|with)|relative to"
                       r"|new\s+in\b[^?]{1,80}?\bover)\b",  # "what's new in SPLADE v2 over SPLADE?"
                       re.IGNORECASE)  # fmt: skip
# A few words that are no question ("mixture of experts", "LLM unlearning methods"): a topic, listed. A question
# without its "?" ("what is gabert", "which paper introduced BEIR") is still a question.
_QUESTION_WORD = re.compile(
    # (after a preposition too: "on which benchmark?", "by how much?" ask a question, they name no topic)
    r"\s*(?:(?:on|in|by|for|with|from|at|to|of|against|over|under)\s+)?"
    r"(?:what|which|who|whose|how|why|when|where|is|are|does|do|did|can|could|should|would|has|have)\b"
    r"(?!\s+about\b)",  # ("what about hashing?" names a topic, as "hashing?" does)
    re.I,
)
# "the paper on late chunking", "the SPLADE paper": one paper, not a topic's papers.
_ONE_PAPER = re.compile(
    r"\bthe\s+(?:paper|study|article)\s+(?:on|about|that|which|introducing|proposing|called|named)\b"
    r"|\bthe\s+[\w-]+(?:\s+[\w-]+)?\s+(?:paper|study|article)\b",
    re.IGNORECASE,
)
# "Summarize the paper on late chunking", "Explain ColBERT-XM": one paper's gist, when one paper is pointed at
# or named (a word with two capitals or a digit); "tell me about machine unlearning" stays a topic.
SUMMARY = re.compile(
    r"^\s*(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|please\s+)?"  # "Can you summarize X?"
    r"(?:summari[sz]e|explain|describe|give\s+(?:me\s+)?(?:a\s+|an\s+)?(?:[\w-]+\s+)?(?:summary|overview)(?:\s+of)?|tl;?\s*dr\s+(?:of|for|on)"
    r"|tell\s+me\s+(?:more\s+)?about|what(?:'s|’s|\s+is|\s+are)\s+the\s+(?:gist|summary|(?:main|key)\s+(?:ideas?|contributions?))\s+of"
    # "What's the gist of X?", "Give me the TL;DR of X"
    r"|give\s+(?:me\s+)?(?:the\s+|a\s+)?(?:tl;?\s*dr|gist)\s+(?:of|for|on))\b"
    r"|^\s*what\s+(?:does|did)\s+.{1,200}?\s(?:propose|introduce|present|contribute)\s*\??\s*$"
    r"|^\s*what(?:'s|’s|s|\s+is)\s+new\s+(?:about|in)\s+(?-i:[A-Za-z]*[A-Z][\w.-]*)(?:\s+v?\d[\w.]*)?\s*\??\s*$",
    re.IGNORECASE,
)
# A title quoted in the question names one paper as surely as a coined name does.
_IT = re.compile(r"\s*(?:(?:it|this|that)(?:\s+(?:paper|one|work|study))?)?\s*[?.!]*\s*", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“”'‘’][^\"“”'‘’]{8,}[\"“”'‘’]")
_NAME = re.compile(r"\b(?:[A-Za-z]*[A-Z][a-z]*[A-Z0-9]|[A-Za-z]+[0-9])[\w-]*")
# "How many papers are there on hashing?" asks how many the corpus has (a list, whose head counts them); "how many
# papers does the survey review?" asks a figure of one paper.
_PAPERS_COUNTED = re.compile(
    rf"\bhow many\s+(?:[A-Za-z-]+\s+)?{PAPERS}\b(?!\s+(?:does|do|did|has|have|had|was|were|will|would|can|could|is)\b)"
    r"(?!\s+are\s+(?!there|on|about|in)\w)",
    re.IGNORECASE,
)


# "Which work feeds … ?": a verb of one thing after "which work" asks for one paper ("what work is there on X?"
# asks for the work on it)
_ONE_WORK = re.compile(r"\s*which\s+work\s+(?!is\b|has\b|was\b)[a-z]+[^s\W]s\b", re.IGNORECASE)


# "Which paper finds that similarity between X and Y does not explain accuracy?", "Is there a paper that compares
# X and Y?": the comparison is what the one paper asked for says, not two things to compare
_SAYS_THAT = re.compile(
    r"^\s*(?:which|what)\s+(?:paper|work|study|article)\s+[a-z]+s\s+(?:that|how|whether)\b"
    r"|^\s*(?:is|are)\s+there\s+(?:a|an|any)\s+(?:paper|work|study|article)s?\s+(?:that|which|where)\b",
    re.IGNORECASE,
)


# "What baselines does TAS-Balanced compare against?": the kind one paper is compared with, asked of it
_COMPARED_WITH = re.compile(
    r"^\s*(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:baselines?|methods|models|systems|approaches)\s+(?:does|do|did)\s+"
    r"[^?]{1,80}?\s+compar\w*(?:\s+(?:itself|themselves))?(?:\s+(?:against|to|with))?\s*\??\s*$",
    re.IGNORECASE,
)


def _compares(question: str) -> bool:
    """Whether a question asks to compare (not only a paper that a comparison describes)."""
    if not (found := _COMPARE.search(question)) or _COMPARED_WITH.match(question):
        return False
    said = _SAYS_THAT.match(question)
    return not (said and found.start() >= said.end())


def shape_of(question: str, how: Asking, gist: bool, listed: bool) -> tuple[Shape, bool, bool]:
    """The shape of a question read without its asking words (`how`; `gist`: it asked for a gist; `listed`:
    something else makes it a list, "which papers cite X?"), whether it asks for a figure, and whether it
    compares the papers of a kind ("Compare the approaches to X": a list, each with how it does it)."""
    papers_counted = _PAPERS_COUNTED.search(question)
    numeric = bool(QUANTITY.search(question)) and not papers_counted
    improvement = _IMPROVE.search(question) and (numeric or _BASELINE.search(question))
    # "Summarize the paper on late chunking", "Explain ColBERT-XM": one paper pointed at or named
    # ("summarize it", "give me a summary": of the paper a conversation points at)
    pointed = _IT.fullmatch(SUMMARY.sub(" ", question))
    summary = gist and (_ONE_PAPER.search(question) or _NAME.search(question) or _QUOTED.search(question) or pointed)
    kinds = bool(_COMPARE_KINDS.search(question))
    if _compares(question) and not _LIST.search(question) and not numeric and not kinds:
        return "compare", numeric, kinds
    if (
        (_LIST.search(question) and not _ONE_WORK.match(question))
        or how.order is not None
        or how.counted
        or papers_counted
        or how.best
        or how.popular
        or listed
        or kinds
        or (_names_a_topic(question) and not summary)
    ):
        return "list", numeric, kinds
    if improvement:
        return "improvement", numeric, kinds
    if numeric:
        return "number", numeric, kinds
    return ("summary" if summary else "fact"), numeric, kinds


def _names_a_topic(question: str) -> bool:
    """A few words that are no question: no question word first, at most ten words (four with a "?": "unlearning?"
    names a topic, as "unlearning" does), and no one paper pointed at ("Summarize the paper on late chunking")."""
    asked = question.rstrip().endswith("?")
    words = len(WHAT_ABOUT.sub("", question).split())  # "what about learned sparse retrieval?": three words
    return (not _QUESTION_WORD.match(question) and words <= (_ASKED_TOPIC if asked else 10)
            and not _ONE_PAPER.search(question))  # fmt: skip


# "what about hashing?", "and now what about …": how a follow-up opens that names a topic of its own
WHAT_ABOUT = re.compile(r"^\s*(?:(?:and|now|so|ok(?:ay)?,?)\s+)*(?:what|how)\s+about\s+", re.IGNORECASE)


_ASKED_TOPIC = 4  # words up to which a phrase with a "?" and no question word names a topic ("dense retrieval?")
