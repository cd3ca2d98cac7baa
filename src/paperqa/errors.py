"""The one exception family of paperqa: every user-facing failure is a one-line message.

Each error says whether trying again may help (`retryable`); one caller (`paperqa.retry`) decides what to do
with that, as paper-qa's `core.py` does.
"""

from __future__ import annotations


class PaperQAError(Exception):
    """Base of every error paperqa raises on purpose; its message is one line for the user."""

    retryable: bool = False


class InputFileError(PaperQAError):
    """A file given to paperqa could not be used: names the file and, where known, the line."""

    def __init__(self, file: str, message: str, line: int | None = None) -> None:
        self.file, self.line, self.detail = file, line, message
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {message}")


class CorpusError(InputFileError):
    """A corpus file (papers to index) could not be read, or one of its records is bad."""


class ArgumentError(PaperQAError):
    """An argument (number of sources, a filter, a date) is out of range or malformed."""


class SettingsError(ArgumentError):
    """A setting has a value paperqa cannot use."""


class IndexMismatchError(PaperQAError):
    """The index on disk was built with another embedding model than the one configured."""


class IndexBusyError(PaperQAError):
    """Another process is writing the index and the caller asked not to wait."""


class IndexStateError(PaperQAError):
    """The index on disk is not in a state paperqa can use (for example, made by a newer version)."""


class BackendError(PaperQAError):
    """The LLM or embedding backend failed (unreachable, timed out, refused or garbled the reply)."""

    def __init__(self, message: str, retryable: bool = False, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retryable, self.retry_after = retryable, retry_after


class RateLimitedError(BackendError):
    """The server refused for rate or quota (HTTP 429): worth retrying after a pause."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message, retryable=True, retry_after=retry_after)


class PromptError(PaperQAError):
    """A prompt template is missing or was rendered with missing or unknown variables."""
