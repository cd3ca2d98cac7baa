"""A follow-up's pointers at the last answer's papers: "the second one", "the first two", "[2]"."""

from __future__ import annotations

import re

from .anaphora import THAT_SUBJECT
from .text import NUMBER_WORDS, count_of

REF = re.compile(r"\[(\d+)\]")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
# "in one sentence", "in short", "in simple terms" after a pointer: how to tell of it, not which
# paper it is ("the first one in the list" is)
_MANNER = (
    r"(?!\s+(?:one|two|three|a\s+few)\s+(?:sentences?|words|lines)\b"
    r"|\s+(?:short|brief|detail|simple|plain|a\s+nutshell|lay)\b)"
)
# "the second one", "the third paper" of a follow-up: a paper of the last answer, in the order it cited them
# (not "the first paper to propose X", which asks something of the corpus).
# "and the third?", "what about the second?": the ordinal alone, ending the question ("which came first?" has no
# "the"; "the last?" may ask for the newest).
_ORDINAL = re.compile(
    r"\b(?:the\s+)?(" + "|".join(_ORDINALS) + r"|last)\s+(?:one|paper|work|study)\b"
    r"(?!\s+(?:to|that|which|who|on|about)\b|\s+in\b" + _MANNER + ")"
    r"|\bthe\s+(" + "|".join(_ORDINALS[1:]) + r")\s*[?.!]*\s*$"
    r"|(?:(?<=^and )|(?<=^what about )|(?<=^how about ))the\s+(first|last)\s*[?.!]*\s*$"  # "and the first?"
    # "who wrote the first?", "summarize the last" (not "which came first?")
    r"|(?:(?<=wrote )|(?<=about )|(?<=summarize )|(?<=summarise )|(?<=explain )|(?<=describe )|(?<=cite )|"
    r"(?<=cites ))the\s+(first|last)\s*[?.!]*\s*$"
    # "how many authors does the first have?", "what does the second use?" (not "does the first layer …")
    r"|(?:(?<=does )|(?<=did ))the\s+(" + "|".join(_ORDINALS) + r"|last)(?=\s+(?:have|use|propose|do|evaluate|report"
    r"|need|say|introduce|study|achieve|claim|beat|outperform|train|measure|find|show|target|address)\b)",
    re.IGNORECASE,
)
# "and [1]?", "what about the first?" (its ordinal read as "[1]"): the question before, asked of that paper.
ELLIPSIS = re.compile(r"^\s*(?:and|what\s+about|how\s+about)\s+(\[\d+\])\s*[?.!]*\s*$", re.IGNORECASE)
# "compare the first two", "the last three papers", "the first and second ones": several of the last answer's papers.
_PAPERS_WORD = r"(?:ones|papers|works|studies)"  # what "the first two …" may call the papers it points at
_FIRST_N = re.compile(
    r"\b(?:the\s+)?(first|top|last)\s+(" + "|".join(NUMBER_WORDS[1:]) + r"|[2-9]|10)\b"
    rf"(?!(?:\s+{_PAPERS_WORD})?\s+(?:to|that|which|who|on|about|in|of|from|for)\b)"
    # "the top 10 predictions", "the first two layers": a count of something of a paper's, not of the last answer
    rf"(?!\s+(?!(?:{_PAPERS_WORD}|results|answers|sources|citations|references|hits|items)\b)[a-z]{{2,}}[^s\W]s\b)"
    rf"(?:\s+{_PAPERS_WORD})?\b",
    re.IGNORECASE,
)
_TWO_ORDINALS = re.compile(
    r"\b(?:the\s+)?(" + "|".join(_ORDINALS) + r"|last)\s+(and|or)\s+(?:the\s+)?(" + "|".join(_ORDINALS) + r"|last)"
    r"(?:\s+(?:ones?|papers?|works?|stud(?:y|ies)))?\b",
    re.IGNORECASE,
)


# "compare the two", "how do these two papers differ?", "both of them": the two the last answer cited (not "the two
# Matryoshka papers", which names them)
THE_TWO = re.compile(
    r"\b(?:the|these|those)\s+two(?:\s+(?:papers|ones|works|studies))?"
    r"(?=\s*(?:[?.!,]|$|\s+(?:differ|do|does|did|are|in|on)\b))"
    r"|\bboth\s+(?:of\s+them|papers)\b",
    re.IGNORECASE,
)


# "how does it compare to the other one?", "and the other paper?": the paper of the list or comparison before that
# is not the one just discussed; "it", "that" or "this one" before it is the one just discussed
_OTHER = re.compile(r"\bthe\s+other\s+(?:one|paper|work|study)\b|\bthe\s+other\s*[?.!]*\s*$", re.IGNORECASE)
_THIS = re.compile(  # (not "that" of a clause: "what does the first say that is new?")
    rf"\b(?:it|(?:this|that)\s+(?:one|paper|work|study)|(?<=\bcompare )(?:this|that)|{THAT_SUBJECT})\b", re.IGNORECASE
)
_COMPARE = re.compile(r"\b(?:compar\w*|differ\w*|versus|vs)\b", re.IGNORECASE)
# "retrieve one with the other", "tell one from the other": each of two things the question names, not a paper of
# an answer before ("compare one to the other" is still of the two just discussed)
_RECIPROCAL = re.compile(
    r"(?<!\bthe )(?<!\bthis )(?<!\bthat )(?<!\bfirst )(?<!\bsecond )(?<!\blast )(?<!\bwhich )(?<!\beach )"
    r"\bone\s+(?:\w+\s+){0,2}the\s+other\b",
    re.IGNORECASE,
)


def other_pointed(question: str, current: int | None, others: list[int]) -> tuple[str, str | None] | None:
    """The question with "the other one" written as the citation of the one paper besides the one just discussed
    (`current`, of the list that cited `others` besides it) and "it"/"that" as the current's; None when it says no
    "the other"; what to say when there is no single other."""
    if not (m := _OTHER.search(question)) or (_RECIPROCAL.search(question) and not _COMPARE.search(question)):
        return None
    if current is None or len(others) != 1:
        before = f"Besides the paper just discussed, the answer before cited {len(others)}: say" if current else "Say"
        # (no "[n]" in the reply: the chat would show it as a citation)
        return question, f"Which other one? {before} which (“compare it with the first one”)."
    head, tail = question[: m.start()], question[m.end() :]
    this = _THIS.search(head)
    head = this_written(head, current)
    other = f"[{other_n}]" if (other_n := others[0]) and (this or not _COMPARE.search(question)) else ""
    return f"{head}{other or f'[{current}] and [{other_n}]'}{tail}", None


def this_written(question: str, current: int) -> str:
    """The question with its first "it", "that" or "this one" written as the citation of the paper just discussed."""
    return _THIS.sub(f"[{current}]", question, count=1)


def pointed_at(question: str, order: list[int]) -> tuple[str, str | None] | None:
    """The question with its ordinals ("the second one", "the first two", "the first and third") written as the
    last answer's citations ("[2]", "[1] and [2]"), in the order it cited them; or what to say when it lacks one."""
    joined = " and "  # ("which is newer, the first or the second?": "[1] or [2]")
    if m := _FIRST_N.search(question):
        word, count = m.group(1).lower(), m.group(2).lower()
        n = count_of(count)
        wanted = list(range(len(order) - n, len(order))) if word == "last" else list(range(n))
        said = f"{word} {count}"
    elif m := _TWO_ORDINALS.search(question):
        wanted = [-1 if w.lower() == "last" else _ORDINALS.index(w.lower()) for w in (m.group(1), m.group(3))]
        said, joined = f"{m.group(1).lower()} and {m.group(3).lower()}", f" {m.group(2).lower()} "
    elif m := THE_TWO.search(question):  # "compare the two": the two it cited; of more, which two is not said
        if len(order) > 2:
            return (
                question,
                # (no "[n]" in the reply: the chat would show it as a citation)
                f"The last answer cited {len(order)} papers: say which two (“the first two”, “the first and third”).",
            )
        wanted, said = [0, 1], "two papers"
    elif m := _ORDINAL.search(question):  # "the second one": the last answer's second citation
        word = next(g for g in m.groups() if g).lower()
        wanted, said = [-1 if word == "last" else _ORDINALS.index(word)], f"{word} paper"
    else:
        return None
    if not order or any(i >= len(order) or i < -len(order) for i in wanted) or len(order) < len(wanted):
        return question, f"The last answer has no {said}: it cited {len(order) or 'none'}."
    refs = joined.join(f"[{order[i]}]" for i in wanted)
    return f"{question[: m.start()]}{refs}{question[m.end() :]}", None


def picked_alone(question: str) -> bool:
    """Whether a question only points at a paper ("and the third?", "what about [2]?"), asking nothing itself."""
    found = pointed_at(question, list(range(1, 11)))
    return ELLIPSIS.match(found[0] if found else question) is not None


def ordinal_as_it(question: str) -> str:
    """A question with its pointer at one paper by ordinal written "it" ("and the third?": "and it?")."""
    return _ORDINAL.sub("it", question, count=1)


def pointer(question: str) -> re.Match[str] | None:
    """Where a question points at a paper of the last answer by ordinal or number ("the second one", "[2]")."""
    return next((m for p in (_TWO_ORDINALS, _FIRST_N, THE_TWO, _ORDINAL, REF) if (m := p.search(question))), None)
