"""Citation check: every `[n]` must name a retrieved source; others are removed, even mid-stream.

Only a writer's own markers are citations. Text quoted from the corpus passes through `inert()` first, which
keeps its bracketed numbers visible but out of reach of every citation parser (a word joiner after `[`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# (read here with the citation rules; written in `safe_text`, below every module that shows a title)
from ..safe_text import inert as inert
from ..safe_text import normalise as normalise

GROUP = re.compile(r"\s?\[(\s*\d+(?:\s*(?:,|;|-|–)\s*\d+)*\s*)\]")
# Bracketed numbers that look like citations but name no source: `[-1]`, `[1.5]`, `[0]` is caught by range.
_MALFORMED = re.compile(r"\s?\[\s*(-\s*\d+(?:\.\d+)?|\d*\.\d+|\d+\.)\s*\]")
_NUMBER = re.compile(r"\d+")
_MAX_OPEN = 24  # a bracket still open after this many characters is prose, not a citation


def expand(group: str) -> list[int]:
    numbers: list[int] = []
    for part in re.split(r"\s*[,;]\s*", group.strip()):
        bounds = [int(x) for x in _NUMBER.findall(part)]
        if len(bounds) == 2 and re.search(r"[-–]", part) and 0 < bounds[1] - bounds[0] < 20:
            numbers.extend(range(bounds[0], bounds[1] + 1))
        else:
            numbers.extend(bounds)
    return numbers


def clean(text: str, valid: int, removed: list[str] | None = None) -> str:
    """Keep only citations 1..valid; a group citing nothing valid, or a malformed one, goes with its space."""

    def drop(m: re.Match[str]) -> str:
        if removed is not None:
            removed.append(m.group(1).replace(" ", ""))
        return ""

    def fix(m: re.Match[str]) -> str:
        numbers = expand(m.group(1))
        kept = [n for n in dict.fromkeys(numbers) if 1 <= n <= valid]
        if removed is not None:
            removed.extend(str(n) for n in numbers if not 1 <= n <= valid)
        if not kept:
            return ""
        return m.group(0)[: len(m.group(0)) - len(m.group(0).lstrip())] + "".join(f"[{n}]" for n in kept)

    return GROUP.sub(fix, _MALFORMED.sub(drop, normalise(text)))


def cited_numbers(text: str) -> list[int]:
    """Source numbers cited in a text, in order of first appearance."""
    return list(dict.fromkeys(n for m in GROUP.finditer(text) for n in expand(m.group(1))))


class StreamFilter:
    """Removes invalid citations from streamed text, holding back only an unfinished `[...`."""

    def __init__(self, valid: int) -> None:
        self.valid, self.pending = valid, ""
        self.removed: list[str] = []

    def feed(self, delta: str) -> str:
        """Text safe to show now."""
        self.pending += normalise(delta)
        out = ""
        while True:
            start = self.pending.find("[")
            if start < 0:
                # Hold trailing spaces back: a citation may follow, and a removed one takes its space.
                keep = len(self.pending) - len(self.pending.rstrip(" "))
                cut = len(self.pending) - keep
                out, self.pending = out + self.pending[:cut], self.pending[cut:]
                return clean(out, self.valid, self.removed)
            end = self.pending.find("]", start)
            if end < 0:
                if len(self.pending) - start > _MAX_OPEN:
                    out, self.pending = out + self.pending[: start + 1], self.pending[start + 1 :]
                    continue
                # Keep a space before the bracket with it, so a removed citation takes its space along.
                cut = start - 1 if start > 0 and self.pending[start - 1] == " " else start
                out, self.pending = out + self.pending[:cut], self.pending[cut:]
                return clean(out, self.valid, self.removed)
            out, self.pending = out + clean(self.pending[: end + 1], self.valid, self.removed), self.pending[end + 1 :]

    def flush(self) -> str:
        """Whatever is still held back at the end of the stream."""
        rest, self.pending = self.pending, ""
        return clean(rest, self.valid, self.removed)


def filtered(stream: Iterable[str], guard: StreamFilter) -> Iterator[str]:
    """A stream of text deltas with invalid citations removed as they pass."""
    for delta in stream:
        if shown := guard.feed(delta):
            yield shown
    if rest := guard.flush():
        yield rest
