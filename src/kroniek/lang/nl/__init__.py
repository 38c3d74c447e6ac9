"""Dutch language data: quote marks, reporting verbs, hedges, negation cues, exonyms, number words."""
