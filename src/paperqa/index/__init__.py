"""The index: a catalog (the truth), Chroma vectors, BM25 and an exact vector copy, kept in agreement."""

from .core import Index
from .repair import CheckReport
from .view import View
from .writer import IngestReport, Progress

__all__ = ["CheckReport", "Index", "IngestReport", "Progress", "View"]
