"""Who said what: the helpers of the quotes and claims stages.

`quote_spans` finds quoted stretches, `speakers` follows the people and organisations an article
names and resolves who is speaking, `reported` finds reported speech and its cue, `propositions`
splits sentences into clauses with the attribution frame of each, and `factuality` decides how sure
a source is of a clause. They read the clause layer (`kroniek.syntax`) and the speech lexicon.
"""
