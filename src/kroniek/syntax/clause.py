"""Clause anatomy on a Universal Dependencies parse: one reading of each clause that every stage shares.

For the verb that heads a clause it finds the subject (active or passive), the passive agent
(the "door" phrase), the objects, the verb group (auxiliaries, copula and separable particle), the
tense, the negation and the kind of clause (main, complement, relative, adverbial, whether-clause
or question). Quotes, claims, events and time expressions all ask here, so that one statement
gets one reading. The function words it needs come from `lang/<code>/clause_words.tsv` in the
language of the Doc; parsers' common mistakes are repaired where the repair is safe.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..lang import word_roles

VERBS = frozenset({"VERB", "AUX"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass"})
AUXILIARY_DEPS = frozenset({"aux", "aux:pass", "cop"})
OBJECT_DEPS = frozenset({"obj", "iobj"})
COMPLEMENT_DEPS = frozenset({"ccomp", "csubj", "xcomp"})
RELATIVE_DEPS = frozenset({"acl:relcl", "acl"})
NESTED_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "acl", "acl:relcl", "parataxis", "csubj", "conj"})
"""Dependents that open a clause of their own: their words are not the governing clause's."""


def words(token: Token, role: str) -> frozenset[str]:
    """The function words of `role` in the language of the token's Doc (`clause_words.tsv`)."""
    return word_roles(token.doc.lang_, "clause_words").get(role, frozenset())


def is_a(token: Token, role: str) -> bool:
    """True when the token's word (lower case) or lemma plays `role`."""
    known = words(token, role)
    return token.lower_ in known or token.lemma_.lower() in known


def children(token: Token, *deps: str) -> list[Token]:
    """The token's dependents with one of the relations `deps`, in text order."""
    return [child for child in token.children if child.dep_ in deps]


def case_of(token: Token) -> str | None:
    """The preposition of a prepositional phrase headed by `token`, lower-cased."""
    return next((c.lower_ for c in token.children if c.dep_ == "case"), None)


def span_of(tokens: list[Token]) -> Span:
    """The stretch of the Doc from the first to the last of `tokens`."""
    doc = tokens[0].doc
    return doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1]


def is_finite(token: Token) -> bool:
    """True for a finite verb form."""
    return "Fin" in token.morph.get("VerbForm", []) or bool(token.morph.get("Tense", []))


def is_past(token: Token) -> bool:
    """True for a past-tense verb form."""
    return "Past" in token.morph.get("Tense", [])


def is_participle(token: Token) -> bool:
    return "Part" in token.morph.get("VerbForm", [])


def clause_head(token: Token) -> Token:
    """The nearest verb at or above `token` in the parse (the token itself when there is none)."""
    current = token
    for _ in range(8):
        if current.pos_ in VERBS or current.head.i == current.i:
            return current
        current = current.head
    return current


def clause_of(token: Token) -> Token:
    """The head of the clause a word belongs to: the word itself, or the first word above it that
    opens a clause (or the root); for "aanslag" in "zegt dat er een aanslag was" that clause's head."""
    current = token
    while current.dep_ not in NESTED_CLAUSE_DEPS and current.head.i != current.i:
        current = current.head
    return current


def particle(verb: Token) -> Token | None:
    """The separable particle of a verb ("gaf … toe", "liet … weten"), if the parse attached one."""
    return next(iter(children(verb, "compound:prt")), None)


def verb_group(verb: Token) -> list[Token]:
    """The verb with its auxiliaries and copula, in text order (the particle is apart)."""
    return sorted([verb, *children(verb, *AUXILIARY_DEPS)], key=lambda t: t.i)


def cue_span(verb: Token) -> Span:
    """The verb with its separable particle, as one stretch of words."""
    found = particle(verb)
    return span_of([verb, found] if found is not None else [verb])


def _zijn_perfect(verb: Token) -> bool:
    """"is aangekomen": the perfect of a verb that takes "zijn", which a parser may label passive."""
    auxiliaries = {a.lemma_.lower() for a in children(verb, "aux", "aux:pass")}
    return "zijn" in auxiliaries and verb.lemma_.replace("_", "").lower() in words(verb, "zijn_perfect")


def is_passive(verb: Token) -> bool:
    """A passive: a passive subject, or a passive auxiliary ("worden", "zijn") with a participle;
    never the perfect of a verb that takes "zijn" ("is aangekomen"), nor a modal the parser labelled
    a passive auxiliary ("wilde aanblijven"), whatever the parser labelled."""
    if _zijn_perfect(verb):
        return False
    auxiliaries = [a for a in children(verb, "aux:pass") if is_a(a, "passive_auxiliary")]
    return bool(children(verb, "nsubj:pass")) or is_participle(verb) and bool(auxiliaries)


def subjects(verb: Token) -> list[Token]:
    """The subjects the parse gives a verb: its own, else those it hung on an auxiliary or copula,
    else (for a conjunct without one) those of the verb it is conjoined with."""
    for candidate in (verb, *children(verb, *AUXILIARY_DEPS)):
        found = [c for c in children(candidate, *SUBJECT_DEPS) if c.pos_ != "SCONJ"]
        if found:
            return found
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return [c for c in children(verb.head, *SUBJECT_DEPS) if c.pos_ != "SCONJ"]
    return []


def subject(verb: Token, avoid: frozenset[str] = frozenset()) -> Token | None:
    """The grammatical subject of a verb; of two the parse may give (a fronted "Maandag" beside
    "het Kremlin"), one that is not among the words to `avoid` and stands nearest after the verb."""
    found = subjects(verb)
    return min(found, key=lambda s: (s.lower_ in avoid, s.i < verb.i, abs(s.i - verb.i)), default=None)


def passive_agent(verb: Token) -> Token | None:
    """The head of the "door" phrase of a passive ("werd aangehouden door de politie")."""
    return next((c for c in children(verb, "obl:agent", "obl")
                 if c.dep_ == "obl:agent" or case_of(c) in words(c, "agent_preposition")), None)


def agent(verb: Token, avoid: frozenset[str] = frozenset()) -> Token | None:
    """Who does what the verb says: the passive agent of a passive, else the subject."""
    return passive_agent(verb) if is_passive(verb) else subject(verb, avoid)


def patient(verb: Token) -> Token | None:
    """Who or what undergoes it: the subject of a passive, else the direct object."""
    found = subjects(verb) if is_passive(verb) else children(verb, "obj")
    return found[0] if found else None


def objects(verb: Token) -> list[Token]:
    """The direct and indirect objects of a verb, in text order."""
    return children(verb, *OBJECT_DEPS)


def is_te_infinitive(verb: Token) -> bool:
    """"te verlagen" in "besloot de accijns te verlagen": an infinitive with "te"."""
    return "Inf" in verb.morph.get("VerbForm", []) and any(is_a(c, "infinitive_marker") for c in verb.children)


def tense(verb: Token) -> str | None:
    """"past", "present" or "future" of the clause headed by `verb`, read off its verb group;
    None when its morphology says nothing (a blank pipeline, a verbless clause).

    A form of "zullen" makes the future, unless a perfect follows it ("zal hebben gedaan"); its past
    "zou" only with a bare infinitive; a past finite form, or a participle with a perfect auxiliary,
    makes the past (the Dutch perfect); otherwise the finite verb's own tense."""
    group = verb_group(verb)
    auxiliaries = [t for t in group if t.i != verb.i]
    perfect = is_participle(verb) and any(is_a(t, "perfect") for t in auxiliaries)
    if any(is_a(t, "future") for t in auxiliaries) or verb.pos_ == "AUX" and is_a(verb, "future"):
        return "past" if perfect else "future"
    if not is_participle(verb) and any(is_a(t, "prospective") for t in auxiliaries):
        return "future"
    if any(is_past(t) for t in group) or perfect:
        return "past"
    if any("Pres" in t.morph.get("Tense", []) for t in group):
        return "present"
    return None


def own_words(verb: Token) -> list[Token]:
    """The words of the clause headed by `verb`, without the clauses nested in it, in text order."""
    found, stack = [], [verb]
    while stack:
        token = stack.pop()
        found.append(token)
        stack.extend(c for c in token.children if c.dep_ not in NESTED_CLAUSE_DEPS)
    return sorted(found, key=lambda t: t.i)


def negation(verb: Token) -> Token | None:
    """The word that negates the clause itself ("verkocht het niet", "heeft geen bod gedaan"), not
    one inside a nested clause, nor one inside a modifier of a noun ("een niet eerder gevonden
    fout"), nor a litotes ("niet slecht", "geen gewone zaak"); its scope is the clause the verb heads."""
    group = {t.i for t in verb_group(verb)}
    return next((t for t in own_words(verb) if is_a(t, "negation") and _negates(t, group)), None)


def _negates(word: Token, group: set[int]) -> bool:
    """True when a negation word bears on its clause: it modifies the verb group, or it is (or
    determines) an argument of it, and what it modifies is no understatement."""
    head = word.head
    if word.dep_ == "det":
        return head.head.i in group | {head.i} and not any(is_a(a, "litotes") for a in children(head, "amod"))
    if word.dep_ == "advmod":
        return head.i in group and not is_a(head, "litotes")
    return word.head.i in group


def condition(verb: Token) -> Token | None:
    """The word that puts the clause under a condition: the complementiser of a conditional
    adverbial clause ("als de bond staakt", "tenzij …"); a past "als" is temporal ("als hij kwam")."""
    if verb.dep_ != "advcl" or tense(verb) == "past":
        return None
    return next((m for m in children(verb, "mark") if is_a(m, "conditional")), None)


def _opening_word(verb: Token) -> Token | None:
    """The complementiser or interrogative that opens a subordinate clause, if any; a parser may
    take "of" for a conjunction ("zeggen of de fabriek sluit"), but not in a coordination."""
    for child in children(verb, "mark"):
        return child
    first = verb.left_edge
    opens = is_a(first, "interrogative") or is_a(first, "whether") and verb.dep_ != "conj"
    return first if first.i < verb.i and opens else None


def clause_kind(verb: Token) -> str:
    """"main", "complement", "relative", "adverbial", "whether" (an indirect yes-no or wh-question:
    "onderzoekt of …", "weet niet waardoor …") or "question" (a sentence ending in a question mark).

    A subordinate clause opened by "of" is a whether-clause whatever relation the parser gave it."""
    relation = verb.dep_
    opening = _opening_word(verb)
    embedded = verb.head.i != verb.i and relation not in RELATIVE_DEPS
    if embedded and opening is not None and (is_a(opening, "whether") or is_a(opening, "interrogative")):
        return "whether"
    if relation in RELATIVE_DEPS:
        return "relative"
    if relation == "advcl":
        return "adverbial"
    if relation in COMPLEMENT_DEPS:
        return "complement"
    return "question" if _ends_in_question(verb) else "main"


def _ends_in_question(verb: Token) -> bool:
    sentence = verb.sent if verb.doc.has_annotation("SENT_START") else verb.doc[:]
    return any(is_a(t, "question_mark") for t in sentence[-2:])


@dataclass(frozen=True)
class Clause:
    """The anatomy of one clause, read once: every field is a token of the parse or None."""

    head: Token
    kind: str
    subject: Token | None
    passive: bool
    agent: Token | None
    patient: Token | None
    objects: tuple[Token, ...]
    verb_group: tuple[Token, ...]
    particle: Token | None
    tense: str | None
    negation: Token | None
    condition: Token | None


def read_clause(verb: Token) -> Clause:
    """Everything this module knows about the clause headed by `verb`."""
    return Clause(
        head=verb, kind=clause_kind(verb), subject=subject(verb), passive=is_passive(verb),
        agent=agent(verb), patient=patient(verb), objects=tuple(objects(verb)),
        verb_group=tuple(verb_group(verb)), particle=particle(verb), tense=tense(verb), negation=negation(verb),
        condition=condition(verb),
    )
