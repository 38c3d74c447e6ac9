"""Analysis across the stored articles: what no single article shows (contradictions between sources, …)."""
