"""paperqa: cited answers over a corpus of research-paper abstracts."""

from __future__ import annotations

import os

# Chroma reports usage unless told not to; nothing here may reach the network on its own.
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from .answer.stream import AnswerStream
from .assistant import Assistant
from .errors import (
    ArgumentError,
    BackendError,
    CorpusError,
    IndexBusyError,
    IndexMismatchError,
    InputFileError,
    PaperQAError,
    SettingsError,
)
from .filters import Filters
from .index import CheckReport, IngestReport
from .settings import Settings, preset
from .turns import Turn
from .types import Answer, Chunk, Citation, Claim, Paper, Source

__all__ = [
    "Answer", "AnswerStream", "ArgumentError", "Assistant", "BackendError", "CheckReport", "Chunk", "Citation", "Claim",
    "CorpusError", "Filters", "IndexBusyError", "IndexMismatchError", "IngestReport", "InputFileError", "Paper",
    "PaperQAError", "Settings", "SettingsError", "Source", "Turn", "preset",
]  # fmt: skip
