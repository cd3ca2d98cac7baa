"""The index: a catalog (the truth), Chroma vectors, BM25 and an exact vector copy, kept in agreement."""

from .catalog import Overview
from .chroma import ChromaServerError
from .core import Index
from .landing import Progress
from .repair import CheckReport
from .server import ChromaServer
from .view import View
from .writer import IngestReport

__all__ = ["CheckReport", "ChromaServer", "ChromaServerError", "Index", "IngestReport", "Overview", "Progress", "View"]
