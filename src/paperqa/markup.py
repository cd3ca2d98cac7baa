"""What a question pasted or typed with markup carries that is no word of it: HTML tags and scripts, Markdown
emphasis and links, web and mail addresses."""

from __future__ import annotations

import re

# An HTML tag pasted into a question ("<b>", "<img src=x onerror=…>"): markup, none of whose words are asked about.
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]{0,300})?/?>")
_SPACE_BEFORE_STOP = re.compile(r"\s+(?=[?.!,;:])")  # where a closing tag stood: "<b>hashing</b>?"
# A script or style element is code, not words of the question: its content goes with its tags ("alert(1)").
# `[^<]*` stops at the next tag, so a pasted run of opening tags is read once (linear).
_CODE_ELEMENT = re.compile(r"<(script|style)\b[^<>]{0,300}>[^<]*</\1\s*>", re.IGNORECASE)


# Markdown emphasis and code marks around a word ("**What** are the `latest` papers?"): no part of the word.
_MARKS = re.compile(r"[*`]+")


# A web or mail address pasted into a question ("see www.example.org", "https://arxiv.org/abs/…"): no words of
# what is asked ("www" and "example" were key words no paper has, and the question was refused).
# Bounded: an unbounded scheme or mail name scanned to the end of "x-x-x-…" from every word (a 100k-character
# question took 98 s).
_PASTED_ADDRESS = re.compile(
    r"(?:\b[a-z][a-z0-9+.-]{0,15}://|\bwww\.)\S+|\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}", re.IGNORECASE
)


# A Markdown link typed into a question ("[x](javascript:alert(2))"): its text is read, its target is not.
_MD_LINK = re.compile(r"\[([^\[\]]{0,200})\]\([^()\s]{0,500}(?:\([^()\s]{0,100}\))?[^()\s]{0,100}\)")


def markup_removed(text: str) -> str:
    """A question without the HTML tags, Markdown marks and links, and web or mail addresses typed into it (what it
    asks is read, and searched, without them)."""
    if (
        "<" not in text
        and "*" not in text
        and "`" not in text
        and "](" not in text
        and not _PASTED_ADDRESS.search(text)
    ):
        return text
    text = _PASTED_ADDRESS.sub(" ", _TAG.sub(" ", _CODE_ELEMENT.sub(" ", _MD_LINK.sub(r"\1", text))))
    return _SPACE_BEFORE_STOP.sub("", " ".join(_MARKS.sub("", text).split()))
