"""The grammar layer every stage shares: clause anatomy read off the dependency parse.

`clause` answers, for the verb heading a clause, who its subject and agent are, what its objects,
verb group, tense and negation are, and what kind of clause it is; see that module.
"""
