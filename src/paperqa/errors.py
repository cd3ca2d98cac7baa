"""The one exception family of paperqa: every user-facing failure is a one-line message."""

from __future__ import annotations


class PaperQAError(Exception):
    """Base of every error paperqa raises on purpose; its message is one line for the user."""


class CorpusError(PaperQAError):
    """A corpus file could not be read: names the file and, where known, the line."""

    def __init__(self, file: str, message: str, line: int | None = None) -> None:
        self.file, self.line, self.detail = file, line, message
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {message}")


class IndexMismatchError(PaperQAError):
    """The index on disk was built with another embedding model than the one configured."""


class BackendError(PaperQAError):
    """The LLM or embedding backend failed (unreachable, timed out, refused the request)."""


class RateLimitedError(BackendError):
    """The server refused for rate or quota (HTTP 429): worth retrying after a pause."""


class SettingsError(PaperQAError):
    """A setting has a value paperqa cannot use."""


class PromptError(PaperQAError):
    """A prompt template is missing or was rendered with missing or unknown variables."""
