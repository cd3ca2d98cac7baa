"""Text from outside (corpus records, questions, LLM replies) made safe to show: no terminal escapes or control
characters, and in Markdown no markup or links that act."""

from __future__ import annotations

import html
import re

# Terminal escape sequences (CSI such as clear-screen, OSC such as window titles and hyperlinks), then any
# other control or bidirectional-override character: corpus text and answers are shown, never obeyed.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours, clear screen
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks (ended by BEL or ST)
    r"|\x1b[P^_][^\x1b]*(?:\x1b\\)?"  # DCS, PM, APC strings
    r"|\x1b[@-_]"  # any other two-character escape
    r"|\x9b[0-?]*[ -/]*[@-~]|\x9d[^\x07\x9c]*"  # their 8-bit forms
)
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
# White space other than a space (newlines apart), then the rest of Unicode's Cc (control) and Cs (surrogate)
# characters and the bidi overrides: one regex each, since a loop over characters cost most of an ingest.
_SPACES = re.compile(r"[\t\r\v\f]")
_SPACES_AND_NEWLINES = re.compile(r"[\t\r\n\v\f]")
_UNPRINTABLE = re.compile(f"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff{_BIDI}]")


def printable(text: str, keep_newlines: bool = True) -> str:
    """Text without terminal escape sequences, control characters or bidi overrides; other white space
    (tabs, carriage returns, and newlines unless kept) becomes a plain space."""
    text = (_SPACES if keep_newlines else _SPACES_AND_NEWLINES).sub(" ", _ESCAPES.sub("", text))
    return _UNPRINTABLE.sub("", text)


_MD_INLINE = re.compile(r"([\\`*_{}\[\]|~!])")  # emphasis, code, links and images, tables, strikethrough
_MD_LINE_START = re.compile(r"^(\s*\d*)([#>+=-]|(?<=\d)[.)])", re.MULTILINE)  # headings, quotes, lists, rules
# GFM makes a bare address a link ("https://", "www.", an e-mail): its ":", "." or "@" escaped, it stays text.
_MD_AUTOLINK = re.compile(r"(?<=[a-z]):(?=//)|(?<=\bwww)\.|@", re.IGNORECASE)


def escape_markdown(text: str) -> str:
    """Text that Markdown renders as written: HTML escaped, Markdown punctuation backslashed."""
    text = _MD_INLINE.sub(r"\\\1", html.escape(text, quote=False))
    text = _MD_AUTOLINK.sub(lambda m: "\\" + m.group(0), text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def markdown_text(text: str) -> str:
    """User or corpus text for a Markdown document: printable, and shown as written (no markup or links)."""
    return escape_markdown(printable(text))


# Citation markers written in other brackets (`【3】`, `［3］`) read as `[3]`; a WORD JOINER after `[` (invisible, and
# not a digit or space) keeps a bracketed number of the corpus's out of reach of every citation parser.
_WIDE = str.maketrans({"【": "[", "】": "]", "［": "[", "］": "]", "〔": "[", "〕": "]"})
_JOINER = "\u2060"


def inert(text: str) -> str:
    """Corpus text made safe to quote in an answer or a reference line: `[3]` stays visible but never becomes a
    citation."""
    return normalise(text).replace("[", "[" + _JOINER)


def normalise(text: str) -> str:
    """Citation markers written in other brackets (`【3】`, `［3］`) as `[3]`."""
    return text.translate(_WIDE)
