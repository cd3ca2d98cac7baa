"""What an abstract sentence states: a gain (against something else or not), a result reached, a limit, a finding,
a remedy; and what a question sets a paper against ("compared to other methods")."""

from __future__ import annotations

import re

from .draft import POINTING_BACK

NUMBER = re.compile(r"\d")
GAIN = re.compile(
    r"\b(improv\w*|gains?|outperform\w*|surpass\w*|superior|faster|speed-?ups?|sav(e|es|ing)|reduc\w*|better|"
    r"boost\w*|increas\w*|lower|higher|less|fewer|greater|[0-9.]+[ -]?(x|×|%|times|fold))\b|\d[0-9.]*\s?(x|×|%)",
    re.IGNORECASE,
)
# One thing doing better than another, however said; the core of both patterns below
_WINS = r"outperform\w*|surpass\w*|better\s+than"
# A gain stated against something else ("outperforms others", "better than BM25"): what "how much better" asks.
BEATS = re.compile(
    rf"\b(?:{_WINS}|improv\w* (?:over|on|upon)|compared (?:to|with)|competes? with|beats?)\b",
    re.IGNORECASE,
)
# A sentence saying which of two wins ("prompting outperforms all existing methods" answers "do SAEs beat
# prompting?"; "SAEs are not competitive"), not one naming what it is compared with
COMPARED_SAID = re.compile(
    rf"\b(?:{_WINS}|beat(?:s|ing)?|exceed\w*|superior\s+to|not\s+competitive)\b",
    re.IGNORECASE,
)
# A sentence stating a limit ("However, ... struggle", "at the cost of", "remains challenging"): what a question
# about a method's downsides wants first.
LIMITS = re.compile(
    r"\b(however|but|limit(ed|ation|ations)|limits?(?=\s+(?:the|their|its|our|this|these|how|what)\b)|drawbacks?|downsides?|shortcomings?|struggl\w*|fail\w*|lacks?|"
    r"costly|expensive|suffer\w*|bottlenecks?|worse|weak(?:er|ness\w*)|trade-?offs?|inefficien\w*|poor(ly)?|"
    r"degrad\w*|at the cost of|not competitive|uncompetitive|underperform\w*|falls? short|outperformed by|"
    r"challenges|hinder\w*|suboptimal|los(?:e|es|ing)|limiting|deficien\w*|flaws?|flawed|pitfalls?|vulnerab\w*)\b",
    re.IGNORECASE,
)
# ("a distance limit" is a setting, not a limitation; "which limits their use" is one.)
# A contrast alone ("…, but researchers have proposed X") says less of a limit than a limit word does.
_CONTRAST_ONLY = re.compile(r"\b(?:however|but)\b", re.IGNORECASE)


def limit_stated(sentence: str, contrast: bool = True) -> bool:
    """Whether a sentence states a limit (not "this limitation", pointing back), by a contrast too ("…, but")."""
    plain = POINTING_BACK.sub(" ", sentence)
    return bool(LIMITS.search(plain if contrast else _CONTRAST_ONLY.sub(" ", plain)))


# "How does RECE compare to other concept erasure methods?": a paper set against others, asked of one paper
AGAINST_OTHERS = re.compile(
    r"\b(?:compar\w*|stacks?\s+up|fares?)\s+(?:to|with|against)\s+(?:the\s+)?(?:other|existing|previous|prior|earlier|alternative)"
    r"|\b(?:competitive|on\s+par)\s+with\b|\bas\s+good\s+as\b",  # "Is Revela competitive with supervised models?"
    re.IGNORECASE,
)
# ... and where its abstract does: beating them, or set against them ("Benchmarking against previous approaches")
SET_AGAINST = re.compile(
    rf"{BEATS.pattern}|\bcompetitive\b|\bagainst\s+(?:the\s+)?(?:previous|existing|prior|other|current|state-of-the-art|baseline)",
    re.IGNORECASE,
)
# A sentence stating a result reached ("remarkable improvements are achieved on MS MARCO"), not one aiming at it
# ("which targets on improving …").
RESULT = re.compile(
    r"\b(?:achiev\w*|yield\w*|obtain\w*|attain\w*|outperform\w*|surpass\w*|improvements?\s+(?:of|on|over|are|were)|"
    r"gains?\s+(?:of|on|over))\b",
    re.IGNORECASE,
)
# A sentence stating what a paper found ("we find that …", "Our results show …", "SAEs are not competitive" is
# not caught): what a question about its findings wants first.
FOUND = re.compile(
    r"\b(?:we|our\s+(?:results?|experiments?|findings?|analys[ie]s|study)|results?|experiments?|analys[ie]s)\b"
    r"[^.;]{0,60}?\b(?:find|found|finds|show|shows|showed|demonstrate[sd]?|reveal(?:s|ed)?|observe[sd]?|"
    r"suggest(?:s|ed)?|indicate[sd]?|conclude[sd]?|confirm(?:s|ed)?|prove[sd]?)\b"
    r"|^(?:in (?:summary|conclusion|sum)|overall|taken together)\b"  # "In summary, this work offers …"
    r"|\b(?:observation|finding)\s+that\b",  # "we make the striking observation that …"
    re.IGNORECASE,
)


def states_finding(sentence: str) -> bool:
    """Whether a sentence states what its paper found (`FOUND`), not asks it ("… and how do we find them?")."""
    return bool(FOUND.search(sentence)) and not sentence.rstrip().endswith("?")


# A sentence saying how a paper counters a problem ("We then introduce an approach to solve this issue …"): what a
# question asking how a problem is fixed wants beside the problem.
SOLVES = re.compile(
    r"\b(?:solv\w*|address\w*|mitigat\w*|prevent\w*|overcom\w*|tackl\w*|alleviat\w*|remed\w*|fix\w*|avoid\w*|"
    r"counter\w*|resolv\w*|eliminat\w*)\b",
    re.IGNORECASE,
)
