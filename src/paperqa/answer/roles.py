"""The roles a question's words play around its key words: a framing noun naming a topic with one ("model
merging"), nouns qualifying the next after a preposition ("for code search"), where a topic applies ("for
retrieval"), and verbs saying what things do ("attacks that extract …", "how do systems shrink …")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from ..text import FRAME, STOPWORDS, frames, stem

# Framing nouns that, beside a key word, name a topic of their own: "model merging", "data augmentation", "model
# editing" (not "code edits", "retrieval augmentation" or "merging context").
_FRAMING_NOUNS = frozenset(("model", "models", "data", "task", "tasks", "network", "networks"))
# A noun naming what is done ("merging", "augmentation", "selection"), not a verb ("models forget", "network
# compressed")
ACTION_NOUN = re.compile(r"(?:ing|tion|sion|ment|ance|ence)\Z")


def framed(words: list[str], keys: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """Framing nouns qualifying the key term after them ("model merging", "data augmentation"): a phrase `pairs`
    leaves out, as stems. Not a framing noun after its key term, the head it names a kind of ("diffusion models",
    "pretraining data"), which the key term alone names."""
    out = [
        (stem(a), stem(b)) for a, b in itertools.pairwise(words)
        if a.casefold() in _FRAMING_NOUNS and ACTION_NOUN.search(b.casefold()) and stem(b) in keys
    ]  # fmt: skip
    # "generate (training) data": the data a key verb makes is what it is about (not RAG's "generator"), written
    # so or as "synthetic (training) data"
    acting = [
        stem(w)
        for i, w in enumerate(words)
        if stem(w) in keys and "data" in (x.casefold() for x in words[i + 1 : i + 3])
    ]
    if acting and len(keys) == 1:  # "extract training data" (all else framing): the data its one word is about
        out += [(acting[0], stem("data"))]
    if made := [t for t in acting if t in _MAKING]:
        out += [*((m, stem("data")) for m in sorted(made)), _SYNTHETIC]
    return tuple(dict.fromkeys(out))


_MAKING = frozenset(stem(w) for w in ("generate", "synthesize", "synthesise", "create", "collect", "curate", "produce"))
_SYNTHETIC = (stem("synthetic"), stem("data"))


# Words after which a noun phrase starts ("for code search", "in emotion recognition"); "to" is left out, as a verb
# may follow it ("to rerank passages").
PREPOSITIONS = frozenset(
    "about across against among between by for from in into of on over through under via with within".split()
)
# A word shaped like an adjective, participle or adverb (medical, masked, continual, pruning, continually), a
# comparative (cheaper) or a common adjective of no such shape (multiple, sparse): a modifier a paper may lack, unlike
# a noun naming what the head is of ("code" search).
_COMPARATIVES = (
    r"(?:bett|fast|cheap|long|larg|small|short|high|low|strong|weak|deep|wid|few|eas|simpl|hard|great|quick|slow"
    r"|light|heavi|tight|bigg|earli|lat|saf|clear|fair|rich|smart|clean|sharp|fin)er"
)
_MODIFIER = re.compile(
    rf"(?:ed|al|ive|ic|ous|able|ible|ful|less|ly|ary|ar|est|ent|ant|ish|ing|{_COMPARATIVES})\Z"
    r"|\A(?:multiple|several|various|single|many|much|diverse|simple|complex|large|small|long|short|new|old|high|low"
    r"|real|open|broad|wide|same|whole|entire|full|other|own|first|last|next|few|deep|dense|sparse|hard|soft|strong"
    r"|weak|fast|slow|big|rich|raw|clean|robust|hybrid|joint|main|major|minor|prior|recent|modern|early|late|free"
    r"|true|false|good|bad|worse|top|extreme|common|rare|fine|safe|fair|private|public|dynamic|static|past|future"
    r"|current|previous|present|given)\Z"
)


# Words saying how much of a thing, not what it is ("whole n-grams", "entire documents"), as stems
EXTENT = frozenset(("whole", "entir", "wholli"))


# Nouns shaped like modifiers ("music" generation, "signal" processing, "patent" classification).
_NOUNS = frozenset(
    "music topic logic traffic arithmetic rhetoric clinic fabric graphic metal animal hospital signal journal "
    "material capital patent agent student patient client event talent document segment element".split()
)


def comparative(word: str) -> bool:
    """Whether a word (lower case) is a comparative ("cheaper", "safer"): what a paper may say otherwise."""
    return bool(re.fullmatch(_COMPARATIVES, word))


def modifier(word: str) -> bool:
    """Whether a word (lower case) is shaped like a modifier a paper may lack, not a noun naming what a head is of."""
    return word not in _NOUNS and bool(_MODIFIER.search(word))


# Heads after which two nouns name a kind of model ("state space models"), written together by a paper on it
_KIND_HEADS = frozenset(("model", "models", "network", "networks"))
_DETERMINERS = frozenset(("the", "their", "its"))


def adverb(word: str) -> bool:
    """Whether a lower-case word is shaped as an adverb ("barely", "efficiently"; not "anomaly" nor "family")."""
    return len(word) > 5 and word.endswith("ly") and word not in _LY_NOUNS


_LY_NOUNS = frozenset("anomaly anomalies family assembly supply monopoly butterfly".split())


def plural(word: str) -> bool:
    """Whether a word in lower case is written as a plural noun ("inputs"; not "bias", "class" or "analysis")."""
    return word.islower() and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def qualified(words: list[str], kinds_only: bool = False) -> tuple[tuple[str, str], ...]:
    """Two nouns opening a phrase after a preposition or "the" ("for code search", "the privacy risks"), or naming a
    kind of model ("how do state space models …"; those alone when `kinds_only`), as stems (qualifier, head): a
    paper holding the head without the qualifier is about another kind of it (scientific search, speech
    recognition, a feature space)."""
    out = []
    for before, a, b, after in zip([".", *words], words, words[1:], [*words[2:], "."], strict=False):
        # ("the privacy risks of RAG": a paper on financial risks is on another kind of risk)
        opening = (before in PREPOSITIONS or before in _DETERMINERS) and not kinds_only
        # ("which papers apply state space models …": after a framing word too)
        opening = opening or (after in _KIND_HEADS and (before in STOPWORDS or before == "." or stem(before) in FRAME))
        if not opening or a in STOPWORDS or b in STOPWORDS or modifier(a) or plural(a):
            continue  # ("the order of inputs matter": a plural noun qualifies nothing; the verb after it says)
        if after not in STOPWORDS and not after.isdigit() and stem(after) not in FRAME and after != ".":
            continue  # "from brain MRI scans": "brain" qualifies the scans, not "MRI" on its own
        sa, sb = stem(a), stem(b)
        if not (sa in FRAME or sb in FRAME or sa.isdigit() or sb.isdigit()):
            out.append((sa, sb))
    return tuple(dict.fromkeys(out))


_RELATIVE = frozenset(("that", "which", "who"))
_AT_TO = frozenset(("at", "to"))  # "fetched at question time", "crafted to fool": after a participle, too


def clause_verbs(words: list[str]) -> tuple[str, ...]:
    """The verb opening a relative clause ("attacks that extract information", "models which handle …"), a
    participle after a plural noun, before a preposition ("documents fetched at question time"), or a gerund after
    "by", as a stem: it says what the thing does or undergoes, in words a paper on it may not use ("reconstruct",
    "infer", "retrieved")."""
    found = [stem(w) for before, w in itertools.pairwise(words) if before in _RELATIVE and w not in STOPWORDS]
    # ... or the means, a gerund after "by" ("by feeding it the input twice": a paper "repeats" it)
    found += [stem(w) for before, w in itertools.pairwise(words) if before == "by" and w.endswith("ing")]
    found += [
        stem(w)
        for before, w, after in zip(words, words[1:], words[2:], strict=False)
        if plural(before) and w.endswith("ed") and w not in STOPWORDS and (after in PREPOSITIONS or after in _AT_TO)
    ]
    return tuple(dict.fromkeys(t for t in found if t not in FRAME))


def done_to(words: list[str]) -> tuple[str, ...]:
    """What a question says is done to the things it asks about, after "be" ("whose layers can both be cut"; past
    an adverb: "be easily cut"), as stems."""
    after = [words[at + 2] if words[at + 1].endswith("ly") and at + 2 < len(words) else words[at + 1]
             for at, word in enumerate(words[:-1]) if word == "be"]  # fmt: skip
    return tuple(dict.fromkeys(stem(w) for w in after if w not in STOPWORDS and stem(w) not in FRAME))


def main_verb(words: list[str]) -> str:
    """The verb of a question asking what things do ("how do recommender systems shrink their tables?") or how
    one does against another ("does multi-task retrieval beat …?"), as a stem ("" for none): what they do, in
    words a paper on them may not use ("reduce", "outperform")."""
    found = _it_does(words) or _doing(words)[1] or next((w for w in words if w in _BEATING), None)
    verb = stem(found) if found else ""
    return "" if verb in FRAME else verb


def listed_verb(words: list[str]) -> str:
    """The verb saying what the papers asked for do ("Which papers stop …", "methods that curb …"), as a stem ("" for
    none)."""
    at = next((i + 1 for i, w in enumerate(words[:6]) if w in _LISTED), len(words))
    at += at < len(words) and words[at] in ("that", "which")
    return stem(words[at]) if at < len(words) and words[at] not in STOPWORDS and not frames(words[at]) else ""


_LISTED = frozenset(("papers", "paper", "methods", "approaches", "techniques", "works", "studies"))


def _it_does(words: list[str]) -> str | None:
    """The verb of a yes-or-no question on one thing ("does architecture change how models scale?", "does corpus
    quality matter for Basque?"): the first word after its subject that a clause, an article or a preposition
    follows (not an -ing word: "does cleaning the corpus help?" has a gerund for its subject)."""
    if len(words) < 4 or words[0] != "does":
        return None
    at = 2 if words[1] in _DETERMINER else 1
    following = itertools.pairwise(words[at + 1 :])
    return next((w for w, after in following if after in _CLAUSE_NEXT and not w.endswith("ing")), None)


# Words that follow a verb rather than a noun of its subject ("change how", "matter for", "help the")
_CLAUSE_NEXT = frozenset(
    "the a an how what whether when why which its their any more less to on for with from in about than".split()
)


def doer(words: list[str]) -> str:
    """The plural subject whose doing a question asks ("how do multilingual retrievers handle Irish?":
    "retrievers"), as a stem ("" for none): the things asked about, which a paper answering it must be on."""
    found = _doing(words)[0]
    return stem(found) if found else ""


def by_asker(words: list[str]) -> bool:
    """Whether a question's verb is what its asker does to the things asked about ("how do you prune MLP
    layers?"): the topic itself, not what those things do."""
    return _doing(words)[2]


_BEATING = frozenset(("beat", "beats", "outperform", "outperforms", "surpass", "surpasses", "exceed", "exceeds"))
COMPARING = frozenset(stem(w) for w in _BEATING)  # verbs of one thing against another: said many ways


_AUXILIARY = ("do", "can", "could", "would", "should")
_DETERMINER = ("the", "these", "those", "such", "most", "all", "some", "many")


def _doing(words: list[str]) -> tuple[str | None, str | None, bool]:
    """The plural subject's last word and the verb after it, of a question opening "(how/why) do …" or "can …"
    ("do diffusion models copy parts of …", "how do recommender systems shrink …"), or of a clause "how …" inside
    one ("papers that study how LLMs store facts"): a plural subject's verb has no "s"."""
    at = 1 if words[:1] in (["how"], ["why"]) else 0
    inside = next((i + 1 for i, w in enumerate(words[1:], start=1) if w == "how"), None)
    # ... or after a verb of showing: "which paper shows that language models think in English?"
    inside = inside or next((i + 1 for i, w in enumerate(words[1:-1], start=1) if w == "that" and words[i - 1] in
                             _SHOWING), None)  # fmt: skip
    if inside is not None and inside < len(words) and words[inside] not in _HOW_MUCH:
        at = inside + (1 if words[inside] in _AUXILIARY else 0)  # "… how (do) LLMs store facts"
    elif len(words) < at + 3 or words[at] not in _AUXILIARY:
        return None, None, False
    else:
        at += 1
    if at + 1 < len(words) and words[at] in _ASKER:  # "how do you pick …", "how can we tell …": what one does
        verb = words[at + 1]
        return (None, None, False) if verb in STOPWORDS or verb in _LIGHT_VERBS else (None, verb, True)
    at += 1 if at < len(words) and words[at] in _DETERMINER else 0
    owner = None  # "BERT's layers follow …": the layers are BERT's, and a paper on BERT is on them
    for i, (before, w) in enumerate(itertools.pairwise(words[at : at + 5]), start=at):
        if before == "s" and i > at:  # the "s" of a possessive
            owner = words[i - 1]
            continue
        if before in STOPWORDS:  # the subject ended without a verb after it ("do … models of …")
            return None, None, False
        if before.endswith("s") and not before.endswith("ss") and not w.endswith(("s", "ing", "ed")):
            return (None, None, False) if w in STOPWORDS or w in _LIGHT_VERBS else (owner or before, w, False)
    return None, None, False


_SHOWING = frozenset(
    "show shows showed shown find finds found prove proves proved argue argues argued claim claims claimed suggest "
    "suggests suggested demonstrate demonstrates demonstrated".split()
)
_ASKER = frozenset(("you", "we", "i", "one"))  # who asks how to do something, no subject of the question
_HOW_MUCH = frozenset(("many", "much", "long", "well", "often", "big", "large", "fast", "far", "to", "the", "it"))
# Verbs that say little alone ("end up with", "get evaluated", "make use of"): the words after them say it.
_LIGHT_VERBS = frozenset(("get", "end", "make", "take", "go", "come", "keep", "become", "stay", "turn", "put", "give"))


_APPLY = stem("apply")
WHERE = ("for", "in", "on", "against")  # "attacks against recommender systems": where they apply


def domains(words: list[str]) -> tuple[str, ...]:
    """The key words right after "for", "in", "on" or "against" ("synthetic data for retrieval", "unlearning in
    recommender systems", "attacks against retrievers"), or "to" after "apply" ("apply Matryoshka embeddings to
    images"), as stems: where a topic is applied, which a paper on it names."""
    applying = [i for i, w in enumerate(words) if stem(w.casefold()) == _APPLY]
    # a letter before a hyphen is part of the word after it ("for e-commerce search": commerce)
    after = [words[i + 1] if len(w) == 1 and i + 1 < len(words) else w for i, w in enumerate(words)]
    found = [
        stem(w)
        for i, (before, w) in enumerate(zip(words, after[1:], strict=False))
        if (before in WHERE or (before == "to" and applying and applying[0] < i))
        and w not in STOPWORDS
        and not (before == "in" and w.casefold() in _MANNER)
    ]
    # "use RAG to answer medical questions": what the verb after "use … to" acts on is where it applies
    using = next((i for i, w in enumerate(words) if w in _USING), None)
    purpose = (
        next((i for i in range(using + 2, len(words) - 2) if words[i] == "to"), None) if using is not None else None
    )
    if purpose is not None and words[purpose + 1] not in STOPWORDS:
        at = purpose + 2 + (words[purpose + 2] in _DETERMINERS)
        found += [stem(words[at])] if at < len(words) and words[at] not in STOPWORDS else []
    return tuple(dict.fromkeys(t for t in found if t not in FRAME and not t.isdigit()))


# "explained in words", "in practice", "in detail": how something is done, not where it applies
_MANNER = frozenset(("words", "detail", "practice", "parallel", "general", "particular", "short", "turn", "principle"))
_USING = frozenset(("use", "uses", "using", "apply", "applies", "applying", "employ", "employs", "leverage"))
