"""Prompt templates as files in `paperqa.prompts`, each declaring its variables on its first line."""

from __future__ import annotations

import string
from functools import cache
from importlib import resources

from .errors import PromptError

_HEADER = "# variables:"


@cache
def load(name: str) -> tuple[frozenset[str], str]:
    """The declared variables and body of template `name` (file `name.txt`)."""
    try:
        raw = (resources.files("paperqa.prompts") / f"{name}.txt").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PromptError(f"prompt template {name!r} not found in paperqa.prompts") from None
    first, _, body = raw.partition("\n")
    if not first.startswith(_HEADER):
        raise PromptError(f"prompt {name}.txt: first line must be '{_HEADER} a, b'")
    declared = frozenset(v.strip() for v in first[len(_HEADER) :].split(",") if v.strip())
    used = {f for _, f, _, _ in string.Formatter().parse(body) if f}
    if used != declared:
        raise PromptError(f"prompt {name}.txt: declares {sorted(declared)} but uses {sorted(used)}")
    return declared, body


def render(name: str, **values: object) -> str:
    """Fill template `name`; a missing or unknown variable is an error, never a silent blank."""
    declared, body = load(name)
    if missing := declared - values.keys():
        raise PromptError(f"prompt {name}.txt: missing variable(s) {', '.join(sorted(missing))}")
    if unknown := values.keys() - declared:
        raise PromptError(f"prompt {name}.txt: unknown variable(s) {', '.join(sorted(unknown))}")
    return body.format(**values)


def names() -> list[str]:
    """Every template shipped in `paperqa.prompts`."""
    return sorted(p.name[:-4] for p in resources.files("paperqa.prompts").iterdir() if p.name.endswith(".txt"))
