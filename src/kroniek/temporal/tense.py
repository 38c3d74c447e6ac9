"""The tense of the clause a time expression stands in: past, present or future, to resolve it by.

The clause layer reads the tense of the clause's verb group (for a participle the parse left
without any auxiliary, with the auxiliaries of the words around it); an infinitive with "te"
("besloot de accijns volgende week te verlagen") is an intention, still to come. Without a parse
or morphology (a blank pipeline) the words of the clause around the expression are read, up to
punctuation or a subordinating word.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lang import word_list
from ..syntax.clause import VERBS, clause_head, is_a, is_participle, is_te_infinitive, verb_group
from ..syntax.clause import tense as clause_tense


def _clause_around(token: Token) -> list[Token]:
    """The words around `token` up to the nearest punctuation or subordinating word on either side."""
    bounds = word_list(token.doc.lang_, "clause_boundaries")
    sentence = token.sent if token.doc.has_annotation("SENT_START") else token.doc[:]
    start, end = token.i, token.i + 1
    while start > sentence.start and not (token.doc[start - 1].is_punct or token.doc[start - 1].lower_ in bounds):
        start -= 1
    while end < sentence.end and not (token.doc[end].is_punct or token.doc[end].lower_ in bounds):
        end += 1
    return list(token.doc[start:end])


def _tense_of_words(words: list[Token]) -> str | None:
    """The tense the finite verbs and auxiliaries among `words` show, read as one verb group."""
    if any(is_a(word, "future") for word in words):
        return "future"
    if any("Past" in word.morph.get("Tense", []) for word in words):
        return "past"
    if any("Pres" in word.morph.get("Tense", []) for word in words):
        return "present"
    return None


def _bare_participle_tense(verb: Token) -> str | None:
    """A participle without auxiliaries in the parse: the auxiliaries of the clause around it decide."""
    auxiliaries = [word for word in _clause_around(verb) if word.pos_ == "AUX"]
    if any(is_a(word, "perfect") for word in auxiliaries):
        return "past"
    return _tense_of_words(auxiliaries)


def _parsed_tense(verb: Token) -> str | None:
    if is_te_infinitive(verb):
        return "future"
    alone = verb.pos_ in VERBS and len(verb_group(verb)) == 1
    if alone and is_participle(verb):
        return _bare_participle_tense(verb) or clause_tense(verb)
    return clause_tense(verb) if verb.pos_ in VERBS else None


def tense_at(token: Token) -> str:
    """"past", "present" or "future": the tense of the clause `token` stands in."""
    found = _parsed_tense(clause_head(token))
    if found:
        return found
    finite = [word for word in _clause_around(token) if "Fin" in word.morph.get("VerbForm", []) or is_a(word, "future")]
    return _tense_of_words(finite) or "present"
