"""The tense of the clause a word belongs to: past, present or future, as a parse and morphology show it.

The clause's verb is found by walking up the dependency tree; its auxiliaries decide: a form of
"zullen" makes the future (its past "zou" stays past), a participle with "hebben" or "zijn" the
past (the Dutch perfect), otherwise the verb's own Tense feature. Without a parse or morphology
(a blank pipeline) only the future auxiliary words of the sentence are read.
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
        if current.pos_ in VERBS or current.head is current:
            return current
        current = current.head
    return current


def _verb_group(verb: Token) -> list[Token]:
    return [verb, *(child for child in verb.children if child.dep_ in CLAUSE_AUXILIARIES)]


def _tense_of_group(group: list[Token]) -> str | None:
    future = word_list("nl", "future_auxiliaries")
    perfect = word_list("nl", "perfect_auxiliaries")
    if any(word.lower_ in future for word in group):
        return "future"
    if any("Past" in word.morph.get("Tense") for word in group):
        return "past"
    if "Part" in group[0].morph.get("VerbForm") and any(word.lemma_ in perfect for word in group[1:]):
        return "past"
    if any("Pres" in word.morph.get("Tense") for word in group):
        return "present"
    return None


def _sentence_tense(token: Token) -> str:
    future = word_list("nl", "future_auxiliaries")
    sentence = token.sent if token.doc.has_annotation("SENT_START") else token.doc
    if any(word.lower_ in future for word in sentence):
        return "future"
    finite = [word for word in sentence if "Fin" in word.morph.get("VerbForm")]
    return (_tense_of_group(finite) if finite else None) or "present"


def tense_at(token: Token) -> str:
    """"past", "present" or "future": the tense of the clause `token` stands in."""
    verb = clause_verb(token)
    if verb.pos_ in VERBS:
        tense = _tense_of_group(_verb_group(verb))
        if tense:
            return tense
    return _sentence_tense(token)
