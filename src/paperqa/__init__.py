"""paperqa: cited answers over a corpus of research-paper abstracts."""

from __future__ import annotations

import os

# Chroma reports usage unless told not to; nothing here may reach the network on its own.
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from .assistant import AnswerStream, Assistant
from .conversation import Turn
from .errors import BackendError, CorpusError, IndexMismatchError, PaperQAError, SettingsError
from .settings import Settings, preset
from .types import Answer, Chunk, Citation, Filters, Paper, Source

__all__ = [
    "Answer",
    "AnswerStream",
    "Assistant",
    "BackendError",
    "Chunk",
    "Citation",
    "CorpusError",
    "Filters",
    "IndexMismatchError",
    "Paper",
    "PaperQAError",
    "Settings",
    "SettingsError",
    "Source",
    "Turn",
    "preset",
]
