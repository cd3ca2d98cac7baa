"""What a list is asked to leave out ("Which retrieval papers do not use BERT?", "exclude surveys"), as written."""

from __future__ import annotations

import re

# "Which retrieval papers do not use BERT?", "papers on hashing that are not about images", "except", "other than":
# what a list leaves out, when the papers are what is negated ("what they don't know" is about language models).
# "Not only/just X" excludes nothing; "without retraining" is a property papers claim.
_EXCLUDED = re.compile(
    r"\b(?:(?:that|which|papers|ones|those|these|them)\s+(?:(?:do|does|did|are|is)\s+not|don't|doesn't|aren't|isn't)"
    r"|but\s+not|except(?:\s+for)?|excluding|other\s+than|apart\s+from|not(?=\s+(?:about|on|using|for)\b))"
    r"(?!\s+(?:only|just|necessarily|always|merely|simply|require|need)\b)\s+"
    r"(?:(?:use|using|about|on|for|involve|involving|mention|mentioning|study|studying|with|apply|applying)\s+)?"
    r"(?:(?:those|ones|papers?)\s+(?:on|about|with|using)\s+)?(?:the\s+|an?\s+)?"
    r"(?P<what>[\w-]+(?:\s+(?!and\b|or\b|but\b|in\b|for\b|to\b)[\w-]+)?)",
    re.IGNORECASE,
)
# "exclude surveys", "drop the ones that use BERT", "no surveys please": all a question says is what to leave out
# (of the list just given; "remove bias from word embeddings" says more)
_LEAVE_OUT = re.compile(
    r"^\s*(?:exclude|without|drop|remove|leave\s+out|skip|ignore|no)\s+(?:(?:the\s+)?(?:ones|papers|those)\s+"
    r"(?:(?:that|which)\s+(?:use|mention|study|are)|on|about|with|using)\s+|the\s+|any\s+)?"
    r"(?P<what>[\w-]+(?:\s+[\w-]+)?)(?:[\s,]+please)?\s*[?.!]*\s*$",
    re.IGNORECASE,
)


def excluded_in(text: str) -> re.Match[str] | None:
    """Where a question says what its list leaves out, the words in group `what` (at most two); None if it does not."""
    return _EXCLUDED.search(text) or _LEAVE_OUT.match(text)
