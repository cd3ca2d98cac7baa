"""Abstract text as a reader should see it: the TeX, entity codes and braces a listing leaves, read as what they
stand for. Only for display: what is indexed keeps the text as read."""

from __future__ import annotations

import re

# LaTeX and markup left in abstracts: escaped symbols, accents, macros, braces, entity remnants.
_TEX_ESCAPED = re.compile(r"\\([%&_#$])")
_TEX_ACCENT = re.compile(r"\\[\"'`^~]\{?\\?([a-zA-Z])\}?")
_TEX_URL = re.compile(r"\\(?:url|href)\{([^}]*)\}")
_TEX_GREEK = {"epsilon": "ε", "delta": "δ", "alpha": "α", "beta": "β", "gamma": "γ", "lambda": "λ", "mu": "μ",
              "sigma": "σ", "tau": "τ", "theta": "θ", "pi": "π", "rho": "ρ", "eta": "η", "ell": "ℓ",
              "geq": "≥", "leq": "≤", "times": "×", "approx": "≈", "sim": "~", "pm": "±", "rightarrow": "→",
              "leftarrow": "←", "mathcal": "", "space ": "", "!in!": " ∈ ",
              "it": "", "bf": "", "em": "", "emph": "", "textit": "", "textbf": "", "rm": ""}  # fmt: skip
# A relation whose backslash the listing lost ("outperformed baselines by geq140%", "5.7% rightarrow 25.4%"): no
# English word is "geq"; "times" glued to a figure ("a 40times acceleration") is a product sign; a "space" between a
# figure and its word ("3 space billion parameters") is TeX's spacing; "x!in!{4,8}" is TeX's x-in-{4,8}.
_BARE_RELATION = re.compile(
    r"(?<![A-Za-z])(geq|leq|rightarrow|leftarrow|mathcal)(?![A-Za-z])|(?<=\d)(times)(?![A-Za-z])"
    r"|(?<=\d )(space )(?=[a-z])|(?<=\w)(!in!)(?=[\w{])"
)
_TEX_MACRO = re.compile(r"\\([a-zA-Z]+)\s*(?:\{\})?")
# "x2013" apart, or a dash or quote's code glued between two words ("retrievalx2013retrieval of passages")
_ENTITY = re.compile(r"(?<![0-9a-zA-Z])(?:&#)?x(20[0-9a-fA-F]{2});?|(?<=[a-z])x(201[0-9a-fA-F]|2026)(?=[A-Za-z])")
_ACCENTS = {('"', "a"): "ä", ('"', "o"): "ö", ('"', "u"): "ü", ('"', "i"): "ï", ("'", "e"): "é", ("`", "e"): "è"}


def _macro(m: re.Match[str]) -> str:
    """A TeX macro as a reader reads it: a symbol keeps the space after it; a font switch (`\\it`) goes."""
    name = m.group(1)
    shown = _TEX_GREEK.get(name, name)
    return shown + " " if shown and not shown[0].isalpha() and m.group(0)[-1].isspace() else shown


def tidy(text: str) -> str:
    """Abstract text as a reader should see it: `5\\%` as 5%, `{\\epsilon}` as ε, `\\geq` (or a bare `geq`) as ≥,
    `40times` as 40×,
    `{\\it x}` as x, `\\url{x}` as x, `x2013` as –, stray braces gone. Only for display: what is indexed keeps
    the text as read."""
    if "\\" in text:  # (most sentences have no TeX: each is read for every answer quoting or checking it)
        text = _TEX_URL.sub(r"\1", text)
        text = _TEX_ACCENT.sub(lambda m: _ACCENTS.get((m.group(0)[1], m.group(1)), m.group(1)), text)
        text = _TEX_ESCAPED.sub(r"\1", text)
        text = _TEX_MACRO.sub(_macro, text)
    text = _BARE_RELATION.sub(lambda m: _TEX_GREEK[m.group(0)], text)
    if "x20" in text:  # every entity code starts so
        text = _ENTITY.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)
    text = text.replace("``", "“").replace("''", "”")  # TeX quotes
    return text.replace("{", "").replace("}", "").replace("--", "–")
