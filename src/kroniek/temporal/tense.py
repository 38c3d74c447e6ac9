"""The tense of the clause a word belongs to: past, present or future, as a parse and morphology show it.

The clause's verb is found by walking up the dependency tree; its auxiliaries decide (for a
participle the parse left without any, the auxiliaries of the clause around it): a form of
"zullen" makes the future (its past "zou" only with a bare infinitive), a participle with "hebben" or "zijn" the
past (the Dutch perfect), otherwise the verb's own Tense feature. Without a parse or morphology
(a blank pipeline) the words of the clause around the expression are read, up to punctuation or
a subordinating word.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lang import word_list

VERBS = ("VERB", "AUX")
CLAUSE_AUXILIARIES = ("aux", "aux:pass", "cop")


def clause_verb(token: Token) -> Token:
    """The nearest verb at or above `token` in the parse (the token itself when there is none)."""
    current = token
    for _ in range(8):
        if current.pos_ in VERBS or current.head.i == current.i:
            return current
        current = current.head
    return current


def _verb_group(verb: Token) -> list[Token]:
    return [verb, *(child for child in verb.children if child.dep_ in CLAUSE_AUXILIARIES)]


def _is_te_infinitive(verb: Token) -> bool:
    """"te verlagen" in "besloot de accijns te verlagen": an intention, still to come."""
    return "Inf" in verb.morph.get("VerbForm") and any(child.lower_ == "te" for child in verb.children)


def _is_prospective(group: list[Token]) -> bool:
    """"zou praten": a past of "zullen" with a bare infinitive (not a participle: "zou hebben
    gepraat" is past), a plan or report of what is to come."""
    prospective = word_list("nl", "prospective_auxiliaries")
    return "Part" not in group[0].morph.get("VerbForm") and any(word.lower_ in prospective for word in group[1:])


def _tense_of_group(group: list[Token]) -> str | None:
    future = word_list("nl", "future_auxiliaries")
    perfect = word_list("nl", "perfect_auxiliaries")
    if any(word.lower_ in future for word in group) or _is_te_infinitive(group[0]) or _is_prospective(group):
        return "future"
    if any("Past" in word.morph.get("Tense") for word in group):
        return "past"
    auxiliaries = group[1:]
    if "Part" in group[0].morph.get("VerbForm") and any(w.lemma_ in perfect or w.lower_ in perfect for w in auxiliaries):
        return "past"
    if any("Pres" in word.morph.get("Tense") for word in group):
        return "present"
    return None


def _clause_around(token: Token) -> list[Token]:
    """The words around `token` up to the nearest punctuation or subordinating word on either side."""
    bounds = word_list("nl", "clause_boundaries")
    sentence = token.sent if token.doc.has_annotation("SENT_START") else token.doc[:]
    start, end = token.i, token.i + 1
    while start > sentence.start and not (token.doc[start - 1].is_punct or token.doc[start - 1].lower_ in bounds):
        start -= 1
    while end < sentence.end and not (token.doc[end].is_punct or token.doc[end].lower_ in bounds):
        end += 1
    return list(token.doc[start:end])


def _clause_tense(token: Token) -> str:
    """The tense of the words around `token`, for a Doc without a parse."""
    clause = _clause_around(token)
    if any(word.lower_ in word_list("nl", "future_auxiliaries") for word in clause):
        return "future"
    finite = [word for word in clause if "Fin" in word.morph.get("VerbForm")]
    return (_tense_of_group(finite) if finite else None) or "present"


def tense_at(token: Token) -> str:
    """"past", "present" or "future": the tense of the clause `token` stands in."""
    verb = clause_verb(token)
    if verb.pos_ in VERBS:
        group = _verb_group(verb)
        if len(group) == 1 and "Part" in verb.morph.get("VerbForm"):
            group += [word for word in _clause_around(verb) if word.pos_ == "AUX"]
        tense = _tense_of_group(group)
        if tense:
            return tense
    return _clause_tense(token)
