"""Answer writers (offline and LLM) and the citation check they share."""
