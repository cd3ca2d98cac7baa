"""The ingestion edge: the shipped corpus files and the command that turns files into the index."""
