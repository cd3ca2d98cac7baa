"""A list topic's gloss: what follows a comma to say the topic again ("…, from easy to hard examples") or to give
instances of it ("…, for example to search it")."""

from __future__ import annotations

import re

from ..text import EXAMPLE_LINKER, stem

# A gloss after a comma that ends a question's sentence, saying its topic again: "…, whose dimensions can be
# truncated?", "…, from easy to hard examples" (a range: "…, from their input" says where, not the topic again),
# "…, i.e. …" (a follow-up may be read after it: "…? which are …"),
# or giving instances of it: "a zoo of trained models, for example to search it" (a paper on either is on it).
# Kinds a noun covers, "privacy risks, such as leaking training data", narrow it instead.
_TO_THE_END = r"[^,;:?!]*(?=[?!]|\.(?:\s|$)|\s*$)"  # the rest of the question's sentence, to its end
_LIST_TO_THE_END = r"[^;:?!]*(?=[?!]|\.(?:\s|$)|\s*$)"  # ... commas and all
_GLOSS = re.compile(
    rf",\s*(?:(?:(?:whose|from(?=[^,;:?!]*\bto\b)|that is|namely|meaning)\b|i\.e\.){_TO_THE_END}"
    rf"|{EXAMPLE_LINKER}{_LIST_TO_THE_END})",  # instances may be a list: "a, b or c"
    re.I,
)
_EXAMPLES = re.compile(rf"^,\s*{EXAMPLE_LINKER}", re.I)
# ... or saying it again from its own last word: "about few-shot learning, learning from only a handful of
# labelled examples" (which word starts the gloss is checked by stem)
# (found from the comma: a pattern starting at any word had scanned a 100k-letter question once per letter)
_APPOSITIVE = re.compile(rf",\s*(\w+)\b{_TO_THE_END}")
_LAST_WORD = re.compile(r"(\w+)\Z")
# Instances that point back at the topic ("video, for example compressing or retrieving it") say what is done to
# it: a paper on compression alone is not on video
_POINTING_BACK = re.compile(r"\b(?:it|them|its|their)\b", re.I)


def _word_before(text: str, at: int) -> str:
    """The word just before a position ("" if none), read from a short window: searching the whole text would
    scan a 100k-letter word once per letter."""
    return last.group(1) if (last := _LAST_WORD.search(text[max(0, at - 40) : at])) else ""


def glossed(topic: str) -> tuple[str, str] | None:
    """A topic's words before its gloss and the gloss's own (instances pointing back at the topic with "it" take the
    topic's last word: compressing "it" is compressing video), or None when it has none."""
    if m := _GLOSS.search(topic):
        start, gloss = m.start(), _EXAMPLES.sub("", m.group())  # ("for example" names nothing asked)
        if gloss != m.group() and _POINTING_BACK.search(gloss):
            gloss += f" {_word_before(topic, start)}"
    elif (m := _APPOSITIVE.search(topic)) and (last := _word_before(topic, m.start())):
        if stem(last.casefold()) != stem(m.group(1).casefold()):
            return None
        start, gloss = m.start(), m.group()
    else:
        return None
    return topic[:start], gloss
