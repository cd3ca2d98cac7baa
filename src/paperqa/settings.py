"""One typed settings object, read once at the edge (env `PAPERQA_*`, `.env`) and passed down."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from .errors import ArgumentError, SettingsError

LLMChoice = Literal["auto", "offline", "openai"]
EmbeddingChoice = Literal["wordllama", "openai", "hash"]
TOP_K_RANGE = (1, 100)


def default_home() -> Path:
    """Per-user data folder for the index (XDG on Linux, ~/.paperqa elsewhere)."""
    base = os.environ.get("XDG_DATA_HOME")
    return Path(base) / "paperqa" if base else Path.home() / ".local" / "share" / "paperqa"


class Settings(BaseSettings):
    """Everything a user can configure; env vars are prefixed `PAPERQA_`."""

    model_config = SettingsConfigDict(env_prefix="PAPERQA_", env_file=".env", extra="ignore", populate_by_name=True)

    home: Path = Field(default_factory=default_home, description="Folder holding the index (Chroma, BM25, catalog).")
    corpus: list[Path] = Field(
        default_factory=list,
        description="Corpus files to index when the index is empty; empty means the shipped corpus.",
    )
    listing_year: int | None = Field(
        None, description="Year for listing dates shown without one; inferred per file when unset."
    )

    llm: LLMChoice = Field(
        "auto",
        description="Answer writer: offline (model-free), openai (any OpenAI-compatible server), "
        "or auto (openai when a key or base URL is set).",
    )
    llm_model: str = Field("gpt-4o-mini", description="Chat model name sent to the OpenAI-compatible server.")
    openai_api_key: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("PAPERQA_OPENAI_API_KEY", "OPENAI_API_KEY"),
        description="API key; optional for local servers.",
    )
    openai_base_url: str | None = Field(
        None,
        validation_alias=AliasChoices("PAPERQA_OPENAI_BASE_URL", "OPENAI_BASE_URL"),
        description="Base URL of an OpenAI-compatible server (vLLM, Ollama, llama.cpp).",
    )
    chroma_url: str | None = Field(
        None, description="A Chroma server (`http://host:8000`) to keep the vectors on, instead of PAPERQA_HOME."
    )
    chroma_token: SecretStr | None = Field(
        None, description="Sent to the Chroma server as `Authorization: Bearer <token>` (Chroma auth or a proxy)."
    )
    chroma_collection: str = Field("paperqa_chunks", description="The collection on the Chroma server.")
    snapshot: str | None = Field(
        None, description="A folder or fsspec URL where the writer publishes each generation and readers load it."
    )
    snapshot_poll: float = Field(2.0, gt=0, le=3600, description="Seconds between a reader's looks for a newer one.")
    request_timeout: float = Field(60.0, gt=0, description="Seconds before one LLM or embedding request is abandoned.")
    max_retries: int = Field(2, ge=0, le=10, description="Retries of a failed request (with backoff) before giving up.")
    answer_timeout: float = Field(
        180.0, gt=0, description="Seconds one LLM answer may take in all, retries included (a trickling server stops)."
    )
    temperature: float = Field(0.0, ge=0, le=2, description="Sampling temperature of the LLM writer.")

    embedding: EmbeddingChoice = Field(
        "wordllama",
        description="Embedding backend: wordllama (local, ships in its wheel), openai, "
        "or hash (tiny deterministic test backend).",
    )
    embedding_model: str = Field("text-embedding-3-small", description="Embedding model name when embedding=openai.")

    chunk_tokens: int = Field(256, ge=32, le=8192, description="Chunk size in tiktoken cl100k tokens.")
    chunk_overlap: int = Field(32, ge=0, description="Tokens shared by consecutive chunks of one abstract.")
    ingest_batch: int = Field(
        2048, ge=1, le=100_000, description="Papers embedded and written per batch while ingesting."
    )
    ingest_segment: int = Field(
        20_000, ge=1, le=10_000_000,
        description="Papers read, indexed and published at a time by an ingest (memory follows it; resumes start "
        "after the last published segment).",
    )  # fmt: skip
    list_top_k: int = Field(
        20, ge=TOP_K_RANGE[0], le=TOP_K_RANGE[1],
        description="Papers searched for a 'which papers…' question when no number is given: a list should "
        "have every paper on its topic to choose from.",
    )  # fmt: skip
    top_k: int = Field(
        10, ge=TOP_K_RANGE[0], le=TOP_K_RANGE[1], description="Number of papers retrieved for an answer."
    )
    context_tokens: int = Field(3000, ge=200, description="Token budget of the sources sent to an LLM.")
    max_answer_tokens: int = Field(600, ge=16, description="Upper bound on the LLM answer length in tokens.")
    list_threshold: float = Field(
        0.45,
        ge=0,
        le=1,
        description="For 'which papers…' questions, the key-term coverage (IDF-weighted) at least one paper "
        "must reach before a list is given.",
    )
    refusal_threshold: float = Field(
        0.33,
        ge=0,
        le=1,
        description="Minimum evidence coverage of a question's key terms before the offline writer answers.",
    )

    batch_concurrency: int = Field(4, ge=1, le=64, description="LLM requests in flight at once during a batch.")
    dense_weight: float = Field(
        0.3, ge=0, description="Weight of the dense (embedding) ranking in the fusion; BM25 weighs 1."
    )
    rrf_k: int = Field(10, ge=1, description="Reciprocal-rank-fusion constant: larger flattens the rankings.")
    ui_auth: SecretStr | None = Field(
        None, description="Chat UI login as user:password[,user2:password2]; unset means no login."
    )
    ui_queue_size: int = Field(64, ge=1, description="Requests the chat UI queues before refusing more.")
    ui_concurrency: int = Field(4, ge=1, description="Answers the chat UI writes at the same time.")

    @field_validator("chunk_overlap")
    @classmethod
    def _overlap_below_size(cls, v: int, info: ValidationInfo) -> int:
        size = info.data.get("chunk_tokens", 256)
        if v >= size:
            raise ValueError(f"chunk_overlap ({v}) must be smaller than chunk_tokens ({size})")
        return v

    def sources_count(self, k: object = None) -> int:
        """Papers to retrieve for one question: `k` when given, else `top_k`; the one rule for CLI, UI and API."""
        if k is None:
            return self.top_k
        lo, hi = TOP_K_RANGE
        if isinstance(k, bool) or not isinstance(k, (int, float)) or k != int(k):
            raise ArgumentError(f"number of sources: expected a whole number, got {k!r}")
        if not lo <= k <= hi:
            raise ArgumentError(f"number of sources must be between {lo} and {hi}, got {int(k)}")
        return int(k)

    @property
    def writer(self) -> Literal["offline", "openai"]:
        """The answer writer this configuration resolves to."""
        if self.llm == "auto":
            return "openai" if (self.openai_api_key or self.openai_base_url) else "offline"
        return self.llm

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Read env and `.env` once, apply overrides, and turn validation errors into one line."""
        try:
            return cls(**{k: v for k, v in overrides.items() if v is not None})
        except ValidationError as exc:
            err = exc.errors()[0]
            field = ".".join(str(p) for p in err["loc"]) or "settings"
            raise SettingsError(f"setting {field}: {err['msg']}") from None


PRESETS: dict[str, dict[str, str]] = {
    "offline": {"llm": "offline", "embedding": "wordllama"},
    "openai": {"llm": "openai", "embedding": "wordllama"},
    "openai-full": {"llm": "openai", "embedding": "openai"},
}


def preset(name: str, **overrides: Any) -> Settings:
    """Settings from a named preset (offline, openai, openai-full) plus overrides."""
    if name not in PRESETS:
        raise SettingsError(f"unknown preset {name!r}; choose one of {', '.join(PRESETS)}")
    return Settings.load(**{**PRESETS[name], **overrides})
