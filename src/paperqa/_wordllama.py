"""wordllama, imported without changing the host's logging.

wordllama's `__init__` calls `logging.basicConfig(level=INFO)`, after which every library's INFO lines (each
HTTP request of the Chroma client, for one) went to stderr: the root logger is put back as it was.
"""

import logging

_root = logging.getLogger()
_handlers, _level = list(_root.handlers), _root.level

import wordllama  # noqa: E402 - the logging state must be read before this import
from wordllama import WordLlama  # noqa: E402

_root.handlers[:] = _handlers
_root.setLevel(_level)

__all__ = ["WordLlama", "wordllama"]
