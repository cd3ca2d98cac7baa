"""Where backends live: credentials, base URLs and clients, apart from the protocols they speak."""
