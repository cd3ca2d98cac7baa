"""The default corpus: five daily-papers listing pages (436 entries, 409 papers)."""
