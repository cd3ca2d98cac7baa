"""Where a Chroma server is (`PAPERQA_CHROMA_URL`): checked once, so a bad URL is one line before any work."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..errors import SettingsError

DEFAULT_COLLECTION = "paperqa_chunks"


@dataclass(frozen=True)
class ChromaServer:
    """A Chroma server's address, the token an auth proxy in front of it wants, and the collection to use."""

    url: str
    token: str | None = field(default=None, repr=False)
    collection: str = DEFAULT_COLLECTION

    def __post_init__(self) -> None:
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SettingsError(f"chroma_url: expected http(s)://host[:port], got {self.url!r}")
        try:
            parts.port  # noqa: B018 - reading it validates it
        except ValueError:
            raise SettingsError(f"chroma_url: bad port in {self.url!r}") from None
        if not 3 <= len(self.collection) <= 512 or not self.collection.replace("-", "").replace("_", "").isalnum():
            raise SettingsError(f"chroma_collection: 3-512 letters, digits, '-' or '_', got {self.collection!r}")

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def port(self) -> int:
        parts = urlsplit(self.url)
        return parts.port or (443 if parts.scheme == "https" else 8000)

    @property
    def ssl(self) -> bool:
        return urlsplit(self.url).scheme == "https"

    @property
    def headers(self) -> dict[str, str]:
        """Sent with every request: the token as a bearer credential, for Chroma's token auth or a proxy."""
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    @property
    def label(self) -> str:
        return f"Chroma server {self.url} (collection {self.collection})"
