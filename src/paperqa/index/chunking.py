"""What an index stores per paper: token-bounded chunks (llama-index SentenceSplitter), and the text each
store sees of a chunk."""

from __future__ import annotations

from llama_index.core.node_parser import SentenceSplitter

from ..text import sentence_pieces, tokenizer
from ..types import Chunk, Paper, chunk_id


class Chunker:
    """Splits abstracts into chunks of at most `size` cl100k tokens, `overlap` tokens shared."""

    def __init__(self, size: int = 256, overlap: int = 32) -> None:
        self._encode = tokenizer()
        # A regex sentence splitter instead of nltk's punkt: the same chunks here, many times faster.
        self.splitter = SentenceSplitter(
            chunk_size=size, chunk_overlap=overlap, tokenizer=self._encode, chunking_tokenizer_fn=sentence_pieces
        )

    def chunk(self, paper: Paper) -> list[Chunk]:
        """Token-bounded chunks of a paper's abstract, with ids that carry its content hash."""
        # Most abstracts fit in one chunk: one token count settles it without the splitter's many.
        if len(self._encode(paper.abstract)) <= self.splitter.chunk_size:
            pieces = [paper.abstract]
        else:
            pieces = self.splitter.split_text(paper.abstract) or [paper.abstract]
        return [Chunk(chunk_id(paper.id, paper.content_hash, i), paper.id, i, t) for i, t in enumerate(pieces)]


def lexical_text(title: str, text: str) -> str:
    """What BM25 indexes for a chunk: its paper's title and its text."""
    return f"{title}\n{text}"


def embedding_text(title: str, text: str) -> str:
    """What is embedded for a chunk: llama-index's EMBED rendering of a node with a `title` metadata key."""
    return f"title: {title}\n\n{text}"
