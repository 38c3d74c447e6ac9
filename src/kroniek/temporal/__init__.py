"""Dutch temporal expressions: finding them in a sentence and normalising them to TIMEX3 values.

`grammar` finds the expressions and says what each means; `values` turns a meaning into a TIMEX3
value given the article's published date and the tense of the sentence, which `tense` reads.
"""
