"""Estimated cost of LLM tokens for known OpenAI models (USD per million tokens, list prices)."""

from __future__ import annotations

# (input, output) USD per 1M tokens; an unknown model (a local server) has no cost estimate.
PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-3.5-turbo": (0.50, 1.50),
}


def estimate(model: str, prompt_tokens: int, completion_tokens: int) -> float | None:
    """USD for these tokens, or None when the model's price is not known."""
    price = PRICES.get(model) or next((p for name, p in PRICES.items() if model.startswith(name + "-20")), None)
    if price is None:
        return None
    return (prompt_tokens * price[0] + completion_tokens * price[1]) / 1_000_000
