"""A question's words and phrases as the writer matches them: prefixed compounds joined ("pre-trained" is
"pretrained"), hyphenated names, alternatives ("select or reweight"), neighbouring key words, and the -ize words
whose stem is their base's (what a paper writes is `paper_text`'s)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache

from ..text import (
    STOPWORDS,
    frames,
    stem,
    subject_terms,
    terms,
)
from ..types import Paper
from .roles import adverb, modifier, plural

# Prefixes written with a hyphen or without ("pre-train", "pretraining"): joined, so both read the same. Each
# hyphen's word is looked at alone: one regex over a whole abstract tried the prefixes at every word (12x slower).
_PREFIX = re.compile(r"(?<!\w)(?:pre|re|co|multi|non|self|cross|semi|sub|un|bi|de|post|inter|intra|over|under|few)\Z",
                     re.IGNORECASE)  # fmt: skip
_WORD_CHAR = re.compile(r"\w")
WORD = re.compile(r"[0-9A-Za-z]+(?:[.][0-9]+)?")  # a question's words, as `terms` reads them
_TOKEN = re.compile(r"[\w-]+")  # a question's words as written, hyphenated ones whole
# A coined name: a capital after a small letter, two capitals, or letters and a digit (`gaBERT`, `BERT`, `T5`),
# not a capitalised word ("Fine-Grained").
COINED = r"(?:[\w-]*(?:[a-z][A-Z]|[A-Z]{2})[\w-]*|[A-Za-z]+-?[0-9][\w.-]*)"
# A kind of neural network or language model ("graph neural networks", "masked language modeling"), whose framing
# words alone would leave only its first word. Before "language model" only a word shaped like an adjective
# (masked, causal, autoregressive, multilingual) or a noun of a process ("diffusion"): a verb there ("align
# language models") names no kind.
_KIND_OF = re.compile(
    r"(?<![\w-])(?:([\w-]+)\s+(neural)\s+(network)s?"
    r"|([\w-]*(?:ed|al|ive|ic|tion|sion))\s+(language)\s+(model)(?:s|ing|ling)?)\b",
    re.IGNORECASE,
)
# A verb before "neural networks" ("sparsify", "prune", "train"): what is done to them, not a kind ("graph").
_DONE_TO = re.compile(
    r"(?:ify|ize|ise)\Z|\A(?:prune|train|compress|distill|explain|interpret|verify|attack|use|apply|study|analy[sz]e"
    r"|build|design|scale|optimi[sz]e|probe|understand|improve|evaluate|test|finetune|accelerate|fool|make)\Z",
    re.IGNORECASE,
)
# A kind of learning or language a noun names ("in-context learning", "reinforcement learning", "sign language"):
# the noun alone is another thing (long context, a "significant" sign). An adjective names the kind by itself
# ("contrastive loss" is contrastive learning), as do several words ("class-incremental") and the field's own names;
# a language's own name is capitalised ("the Irish language": a paper on Irish need not say "language").
_KIND_OF_NOUN = re.compile(r"(?<![\w-])([\w-]+)\s+(?:(learning)|(language)(?![\w-]|\s+model))", re.IGNORECASE)
# Pronouns after which the next word is a verb ("how do you combine learning to rank"), not a kind of learning
_BEFORE_VERB = re.compile(r"\b(?:you|we|they|i)\s+\Z", re.IGNORECASE)
# (not "active": its stem is activation's, and an "active area" of research is no active learning)
_NO_KIND = re.compile(
    r"(?:ed|(?<!\Acontinu)al|(?<!\Aact)ive|ic|ous|ful|less|ing|ly|ar)\Z|\A(?:machine|deep)\Z"
    r"|\A(?:keeps?|kept|stops?|starts?|continues?|begins?|resumes?|avoids?)\Z",  # verbs: "keep learning new tasks"
    re.IGNORECASE,
)
# Each starts at a word's start: from inside a long word a match backtracks over the rest of it, at every letter.
_BRACKETED = re.compile(r"\[(\w+)\]")  # a special token as written ("[CLS]")
# (the words after "or" that repeat how the first was joined are skipped: "from neuroscience or from how the brain …")
_EITHER = re.compile(
    r"(?<![\w-])([\w-]+),?\s+or\s+(?:(?:from|in|on|by|with|through|via)\s+(?:how\s+)?(?:the\s+|a\s+|an\s+)?)?([\w-]+)",
    re.IGNORECASE,
)
# A list of alternatives, "pruning weights, neurons, attention heads or whole layers": the first item its last
# word, each later one up to three words; at most eight items (a long list of commas stays linear). No item opens
# with a word that introduces examples: "work with video, for example representing, compressing or retrieving it"
# lists three things done to video, not video as one of four; nor a preposition ("spans, from their input or …").
_ENUMERATION = re.compile(
    r"(?<![\w-])([\w-]+)((?:,\s+(?!(?:for|such|including|namely|like|from|with|without|in|on|by|via|through|into)\b)"
    r"[\w-]+(?:\s+[\w-]+){0,2}){1,8}),?\s+or\s+"
    r"([\w-]+(?:\s+[\w-]+){0,2})",
    re.IGNORECASE,
)


# Examples in parentheses, each of a few words ("(POS, syntax, morphology, semantic roles)"): alternatives, as an
# "or" list is.
_PARENTHESISED = re.compile(r"\(([^()]{3,200})\)")
_ITEM_SEPARATOR = re.compile(r",\s*|\s+(?:and|or)\s+")
# One coined name in parentheses after a word ("feed-forward (MLP) layers"), or one with a word or two of its own
# ("the unembedding (LM head)"): another name of that word, as "or" is (its second capital looked for ahead, then the
# word whole: a 100,000-letter word had taken 90 s to be no name)
_ALIAS = re.compile(r"(?<![\w-])([\w-]+)\s+\(\s*([A-Z](?=[\w-]*?[A-Z])[\w-]*+(?:\s[a-z][\w-]*+){0,2})\s*\)")


def joined(text: str) -> str:
    """Text with prefixed compounds joined (`pre-trained` → `pretrained`), for term matching: a hyphen goes when
    the whole word before it is a prefix and a word character follows (what one `re.sub` with the prefixes did)."""
    pieces, kept, taken = [], 0, 0  # taken: where the last joined compound ended (a prefix cannot start there)
    hyphen = text.find("-")
    while hyphen != -1:
        prefix = _PREFIX.search(text, max(taken, hyphen - 5), hyphen)
        if prefix and _WORD_CHAR.match(text, hyphen + 1):
            pieces.append(text[kept:hyphen])
            kept, taken = hyphen + 1, hyphen + 2
        hyphen = text.find("-", hyphen + 1)
    return "".join(pieces) + text[kept:] if pieces else text


@lru_cache(maxsize=1024)  # asked once per retrieved paper (`relevance.covers`)
def noun_kinds(question: str) -> tuple[tuple[str, tuple[str, str]], ...]:
    """The kinds of learning or language a noun names ("sign language"), as written and as stems."""
    found = []
    for m in _KIND_OF_NOUN.finditer(question):
        head = m.group(1)
        if _BEFORE_VERB.search(question[max(0, m.start() - 8) : m.start()]):  # "how do you combine learning …"
            continue
        if plural(head):  # "robots learning from demonstrations": robots that learn, no kind of learning
            continue
        first = subject_terms(joined(head))  # "few-shot": "fewshot" (not zero-shot's "shot")
        if len(first) == 1 and not _NO_KIND.search(head) and not (m[3] and head[0].isupper()):
            found.append((m.group(0), (first[0], "learn" if m[2] else "languag")))
    return tuple(found)


@lru_cache(maxsize=1024)
def kind_said(question: str) -> re.Pattern[str] | None:
    """A pattern finding where a sentence writes the kinds of learning or language the question names ("in-context
    learning", "In-Context Learner"), or None when it names none (kept: asked once per listed paper)."""
    said = _kinds_written(question)
    return re.compile("|".join(f"(?:{one})" for one in said), re.IGNORECASE) if said else None


@lru_cache(maxsize=1024)
def _kinds_written(question: str) -> tuple[str, ...]:
    """Each kind a question names, as a pattern of it written: its words, the last in any form."""
    found = [re.split(r"[\s-]+", written) for written in dict.fromkeys(w for w, _ in noun_kinds(question))]
    # (its noun may lead a modifier of its own: "self-supervised pretext learning" is written "pretext-based
    # self-supervised learning")
    return tuple(
        "[\\s-]+".join(map(re.escape, words[:-1])) + _LED + re.escape(stem(words[-1].casefold())) + r"\w*"
        for words in found
    )


_LED = r"(?:-\w+)?(?:\s+(?!(?:of|in|on|for|to|and|or|the|a|an|with|by|from|as)\b)\w+(?:-\w+)*){0,2}[\s-]+"


def writes_kinds(question: str, paper: Paper) -> bool:
    """Whether a paper writes each kind of learning or language the question names as written (`kind_said`), not
    only their stems, which may be another word's ("active learning": "activ" is also activation's stem)."""
    if not (kinds := _kinds_written(question)):  # most questions name none: no text to read
        return True
    text = f"{paper.title}\n{paper.abstract}"
    return all(re.search(one, text, re.IGNORECASE) for one in kinds)


def kinds_written(question: str) -> list[str]:
    """The kinds of learning, language, neural network or language model a question names, as written ("sign
    language", "diffusion language models")."""
    text = joined(question)
    found = [*(written for written, _ in _model_kinds(text)), *(written for written, _ in noun_kinds(text))]
    return list(dict.fromkeys(found))  # each once ("diffusion language models" typed 10,000 times)


def _model_kinds(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The kinds of neural network or language model a (joined) text names, as written and as stems."""
    found = []
    for m in _KIND_OF.finditer(text):
        head, *kind = [w for w in m.groups() if w]
        if _DONE_TO.search(head):  # "prune or sparsify neural networks": what is done to them, no kind of them
            continue
        first = subject_terms(head)  # "large language models": LLMs, asked apart
        if first:
            found.append((m.group(0), (*first, *(stem(w.casefold()) for w in kind))))
    return found


# The second word of a compound saying what the first is of ("document-level", "finance-specific"): no key word
_OF_WHAT = frozenset(("level", "specif"))


def compounds(question: str) -> tuple[tuple[str, ...], ...]:
    """The hyphenated words of a question ("locality-sensitive", "text-to-image"; not "document-level": the
    document is what it is of, `_OF_WHAT`) as their key stems, prefixed
    words left whole ("pre-trained" is one word: `joined`), and the kinds of neural network or language model it
    names ("graph neural networks": framing words alone would leave only "graph", which LexRank's graphs hold), and
    the kinds of learning or language a noun names ("in-context learning", "sign language")."""
    text = joined(question)
    found = [
        tuple(t for t in terms(token) if t not in _OF_WHAT) for token in _TOKEN.findall(text) if "-" in token.strip("-")
    ]
    found += [parts for _, parts in _model_kinds(text)]
    found += [parts for _, parts in noun_kinds(text)]
    return tuple(dict.fromkeys(parts for parts in found if len(parts) > 1))


# A hyphenated name with a linking word inside ("data-to-text", "sequence-to-sequence"): one thing, named whole.
LINKING = frozenset(("to", "of", "by", "for", "and", "in", "on"))


def linked(question: str) -> tuple[tuple[str, ...], ...]:
    """The hyphenated names of a question with a linking word inside ("data-to-text"), as their key stems."""
    tokens = [t for t in _TOKEN.findall(joined(question)) if LINKING & set(t.casefold().split("-")[1:-1])]
    # (a few: each is looked for in each paper found; a hostile question's thousands took minutes)
    return tuple(parts for t in tokens if len(parts := tuple(terms(t))) > 1)[:_MOST_LINKED]


_MOST_LINKED = 8


def either(question: str) -> tuple[tuple[frozenset[str], ...], ...]:
    """The alternatives a question offers ("select or reweight", "passages or documents"), each as its key terms:
    a paper holding one alternative holds them all. A hyphenated word stays whole ("use or fine-tune"), and an
    alternative of framing words only ("use") makes the other optional. Lists of three or more count too, and
    examples in parentheses ("linguistic information (POS, syntax, morphology)"), and a name in them ("feed-forward
    (MLP) layers")."""
    text = _BRACKETED.sub(r"\1", joined(question))  # "[CLS], [MASK] or padding tokens": three alternatives
    lists = [
        (m.group(1), *m.group(2).split(",")[1:], " ".join(_name_alone(m.group(3).split())))
        for m in _ENUMERATION.finditer(text)
    ]
    lists += [_phrase_sides(text, m) or (m.group(1), m.group(2)) for m in _EITHER.finditer(text)]
    for m in _PARENTHESISED.finditer(text):  # "linguistic information (POS, syntax, morphology, semantic roles)"
        items = [item for item in _ITEM_SEPARATOR.split(m.group(1)) if item.strip()]
        lists += [tuple(items)] if len(items) >= 2 and all(len(item.split()) <= 3 for item in items) else []
    lists += [(m.group(1), m.group(2)) for m in _ALIAS.finditer(text)]
    found = (tuple(frozenset(t for t in terms(item) if t not in _OF_WHAT) for item in items) for items in lists)
    return tuple(sides for sides in found if len(set(sides)) > 1)


def _name_alone(words: list[str]) -> list[str]:
    """The words of an alternative after "or", a name alone when they open with one: "CNNs, vision transformers or
    CLIP encode inside" lists CLIP, not "CLIP encode inside" (the words after a name are the clause's own)."""
    return words[:1] if len(words) > 1 and re.fullmatch(COINED, words[0]) else words


def _phrase_sides(text: str, found: re.Match[str]) -> tuple[str, str] | None:
    """Two phrases as the alternatives ("speculative decoding or faster LLM inference"), when the word before "or"
    ends a phrase of two key words: those two, and the words after it within its clause up to a stop word, three at
    most. One key word before it is none ("dense or sparse retrieval": one word each, the head they share after),
    nor is a verb before it, which each side takes ("quantize model weights or activations")."""
    # (a window of the text either side: "x or " repeated 20,000 times would read the whole text at each "or")
    words = _CLAUSE_WORDS.findall(text[max(0, found.end(1) - _NEAR) : found.end(1)])
    before = list(itertools.takewhile(_phrase_word, reversed(words)))[:2]
    after = list(
        itertools.takewhile(_phrase_word, _CLAUSE_WORDS.findall(text[found.start(2) : found.start(2) + _NEAR]))
    )[:3]
    after = _name_alone(after)
    ahead = words[-3].casefold() if len(words) > 2 else ""  # "papers store images or videos": "store" is a verb
    if sum(not frames(w.casefold()) for w in before) < 2 or not after or ahead in _VERB_NEXT:
        return None
    if _ADJECTIVE.search(last := before[0].casefold()) and modifier(last):  # "harmful or unwanted concepts": one head
        return None
    # a framing word inside ("faster LLM inference") is no word a paper on that side need write
    sides = ([w for w in reversed(before) if not frames(w.casefold())], [w for w in after if not frames(w.casefold())])
    return (" ".join(sides[0]), " ".join(sides[1])) if sides[1] else None


# Words a verb follows ("Which papers store …", "how do you prune …", "models that cache …")
_VERB_NEXT = frozenset(
    "papers paper methods models approaches techniques works you we i they that which who to".split()
)


def _phrase_word(token: str) -> bool:
    """Whether a token may be a word of a phrase: no mark ending a clause, no stop word."""
    return bool(_WORD_CHAR.match(token)) and token.casefold() not in STOPWORDS


# How an adjective ends that no phrase ends with ("harmful", "toxic", "unwanted"): the noun after the "or" is its head
_ADJECTIVE = re.compile(r"(?:ful|less|ous|ive|ic|able|ible|ed)\Z")
_NEAR = 200  # characters read either side of an "or" for its two phrases (three words each, at most)
_CLAUSE_WORDS = re.compile(r"[\w-]+|[^\w\s-]")  # words, and the marks that end a clause


def as_written(question: str, stems: Sequence[str]) -> list[str]:
    """Key terms (stems) as the question writes them, a hyphenated word whole and once (`emot` -> `emotion`,
    `mixtur` and `expert` -> `mixture-of-experts`)."""
    written = _written(question)
    return list(dict.fromkeys(written.get(t, t) for t in stems))


@lru_cache(maxsize=1024)  # asked term by term, paper by paper, of one question
def _written(question: str) -> dict[str, str]:
    """Each key stem of a question and the token it is written in."""
    return {stem(w.casefold()): token for token in _TOKEN.findall(question) for w in WORD.findall(joined(token))}


def phrase_nouns(question: str, found: Sequence[tuple[str, str]]) -> frozenset[str]:
    """The words of a question's phrases (`pairs`) shaped as nouns ("interaction" of "late interaction", "code" of
    "code search"; not "late", nor "cheaper" of "makes attention cheaper"): a paper lacking one has part of the
    phrase only."""
    return frozenset(
        w for pair in found for w in pair if not any(modifier(x.casefold()) for x in as_written(question, [w]))
    )


def pairs(words: list[str]) -> tuple[tuple[str, str], ...]:
    """Consecutive key words of the question, a phrase each (`dense retrieval`, `membership inference`)."""
    out = []
    for i, (a, b) in enumerate(itertools.pairwise(words)):
        if a in STOPWORDS or b in STOPWORDS or len(a) < 2 or len(b) < 2 or adverb(a) or adverb(b):
            continue
        if frames(b) and b in _BETWEEN and i + 2 < len(words):  # "implicit neural representations"
            b = words[i + 2]
            if b in STOPWORDS or len(b) < 2:
                continue
        sa, sb = stem(a), stem(b)
        if frames(a) or frames(b) or sa.isdigit() or sb.isdigit():
            continue
        out.append((sa, sb))
    return tuple(dict.fromkeys(out))


# A framing word inside a phrase of two key words, which still make one phrase ("implicit neural representations")
_BETWEEN = frozenset(("neural",))
