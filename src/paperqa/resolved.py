"""What a follow-up is read as: the query to search and the restrictions the conversation implies."""

from __future__ import annotations

from dataclasses import dataclass

from .dates import YearsAsked
from .filters import Filters
from .upvotes import UpvotesAsked

NOTHING_BEFORE = (
    "There is no earlier answer in this conversation for that to refer to; ask about a topic or name the paper."
)


@dataclass(frozen=True)
class Resolved:
    """What to search for a follow-up: the query text and the restrictions the conversation implies."""

    query: str
    filters: Filters | None
    problem: str | None = None  # the follow-up cannot be answered as asked: say this instead
    one_paper: bool = False  # it asks about one paper ("it", "[2]"): not for a list, whatever the first question
    dates: YearsAsked | None = None  # the date range the question's own words ask for ("from 2024")
    upvotes: UpvotesAsked | None = None  # the least upvotes they ask for ("with more than 100 upvotes")
    similar_to: str | None = None  # the paper whose closest papers are asked for ("any similar papers?")
    org: str | None = None  # the organisation they ask for ("papers from Amazon"), once the index knows it
    unknown_org: str | None = None  # an organisation they ask for that no paper has ("papers by Meta")
    note: str | None = None  # what the answer should say of how it was read ("3 of them have no known date")
    more_of: tuple[str, str] | None = None  # "tell me more" of one paper: its id, and the answer that quoted it
    shown: bool = False  # it points at papers and asks only to see them ("tell me about the first two"): each shown

    @property
    def restriction(self) -> str:
        """What the question's own words restrict its papers to, in words ("from Google dated 2024"), or ""."""
        said = [f"from {self.org}"] if self.org else []
        said += [self.dates.said] if self.dates else []
        return " ".join(said + ([self.upvotes.said] if self.upvotes else []))
