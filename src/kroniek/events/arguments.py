"""Who, to whom, where and when for one event trigger, read off the dependency parse (UD Dutch).

Helpers of the events stage (`events.py`). An argument is found as a token of the parse (the head of a noun
phrase) and then resolved against the article's own layers: to the entity a mention in the phrase
belongs to (named as the text names it), to the person a pronoun refers to (the most recent person
named before it, by their fullest name), to a place record, or, for the time, to the value of a
timex in the trigger's clause.
Every layer may be absent: an absent layer resolves nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Token

from ..lang import DEFAULT_LANGUAGE, word_roles
from ..records import Argument, Entity, Mention, Place, Timex, span_of
from ..syntax import clause
from ..syntax.clause import case_of, children

NOMINAL = frozenset(("NOUN", "PROPN", "PRON", "NUM"))
CONTROL_DEPS = frozenset(("xcomp", "advcl", "conj"))
"""An infinitive or a conjunct without a subject of its own takes its governor's subject."""


def event_words(lang: str = DEFAULT_LANGUAGE) -> dict[str, frozenset[str]]:
    """The function words the stage reads the parse with, by role (`lang/<lang>/events_words.tsv`)."""
    return word_roles(lang, "events_words")


def is_a(token: Token, role: str) -> bool:
    """True when the token's word plays `role` (pronoun, reflexive, relative, …) in events_words."""
    return token.lower_ in event_words(token.doc.lang_).get(role, ())


def phrase_tokens(head: Token, coordinated: bool = True) -> list[Token]:
    """The words of the phrase headed by `head`, without the clauses inside it; with the names
    coordinated to it ("Pyongyang en Moskou") unless `coordinated` is false."""
    words, stack = [], [head]
    while stack:
        token = stack.pop()
        words.append(token)
        stack.extend(c for c in token.children if _within(head, token, c, coordinated))
    return sorted(words, key=lambda t: t.i)


def _within(head: Token, token: Token, child: Token, coordinated: bool) -> bool:
    """True when `child` belongs to the phrase: not a clause, nor the preposition of the phrase."""
    if token.i == head.i and child.dep_ == "case" or is_a(child, "reflexive"):
        return False
    return child.dep_ not in clause.NESTED_CLAUSE_DEPS or _joins(head, token, child, coordinated)


def _joins(head: Token, token: Token, child: Token, coordinated: bool) -> bool:
    return coordinated and token.i == head.i and child.dep_ == "conj" and child.pos_ in NOMINAL


@dataclass
class ArticleIndex:
    """Which mention, place and timex each token belongs to, for resolving arguments in one Doc."""

    doc: Doc
    text: str
    mentions: list[Mention]
    entities: list[Entity]
    places: list[Place]
    timexes: list[Timex]
    mention_at: dict[int, int]
    place_at: dict[int, int]
    timex_at: dict[int, int]
    quote_at: dict[int, int]
    """Token index → the quote whose words hold it (the words, not the cue or the speaker)."""
    referent_at: dict[int, int]
    """Token index → the entity in-article coreference resolved a pronoun or description to."""

    @classmethod
    def of(cls, doc: Doc) -> ArticleIndex:
        every = doc._.mentions or []
        mentions = [m for m in every if m.kind == "name"]
        resolved = [m for m in every if m.kind != "name" and m.entity is not None]
        places, timexes = doc._.places or [], doc._.timexes or []
        contents = [q.content for q in doc._.quotes or []]
        referents = {i: resolved[k].entity for i, k in _token_map(doc, resolved).items()}
        return cls(doc, doc.text, mentions, doc._.entities or [], places, timexes,
                   _token_map(doc, mentions), _token_map(doc, places), _token_map(doc, timexes),
                   _token_map(doc, contents), referents)

    @cached_property
    def dates(self) -> list[tuple[int, int | None, str]]:
        """The article's dates and times in text order: first token, quote (None: the narrative), value."""
        firsts: dict[int, int] = {}
        for i, timex in sorted(self.timex_at.items()):
            firsts.setdefault(timex, i)
        dated = [(i, self.quote_at.get(i), _date_value(self.timexes[timex])) for timex, i in firsts.items()]
        return sorted((i, quote, value) for i, quote, value in dated if value)

    def entity_name(self, mention: Mention) -> str:
        known = mention.entity is not None and mention.entity < len(self.entities)
        return self.entities[mention.entity].name if known else mention.text


def as_written(mention: Mention, entity_name: str) -> str:
    """A name as the text gives it, without the genitive -s that an entity's name lacks ("Kims" → "Kim")."""
    text = mention.text
    if text.endswith("s") and text[:-1].lower() in entity_name.lower().replace("-", " ").split():
        return text[:-1]
    return text


def _token_map(doc: Doc, spans: Iterable) -> dict[int, int]:
    """Token index → index of the span (record with start/end) that covers it."""
    by_token = {}
    for index, span in enumerate(spans):
        chars = doc.char_span(span.start, span.end, alignment_mode="expand")
        for token in chars or ():
            by_token.setdefault(token.i, index)
    return by_token


def _words_span(text: str, tokens: list[Token]):
    words = [t for t in tokens if not t.is_punct] or tokens
    return span_of(text, words[0].idx, words[-1].idx + len(words[-1].text))


def resolve_pronoun(index: ArticleIndex, pronoun: Token, not_entity: int | None = None) -> Argument | None:
    """Who a personal pronoun refers to, never `not_entity` (the subject of the pronoun's own clause:
    "Poetin zal hem ontvangen"): for "ik" inside a quote, its speaker; else the entity in-article
    coreference gave it (which respects gender, number and type); else, as the subject of what
    someone says ("Boeing zegt dat ze …"), that someone; else the most recent person named before
    it. Named as the text last named that entity before the pronoun."""
    if is_a(pronoun, "first_person"):
        speaker = _speaker(index, pronoun)
        return _last_named(index, pronoun, not_entity, lambda m: m.entity == speaker) if speaker is not None else None
    entity = index.referent_at.get(pronoun.i)
    if entity is None and (said_by := _reported_speaker(index, pronoun, not_entity)) is not None:
        return said_by
    resolved = _last_named(index, pronoun, not_entity, lambda m: m.entity == entity) if entity is not None else None
    return resolved or _last_named(index, pronoun, not_entity, lambda m: m.label == "PER")


def _last_named(index: ArticleIndex, pronoun: Token, not_entity: int | None,
                wanted: Callable[[Mention], bool]) -> Argument | None:
    """The last `wanted` name before the pronoun (never of `not_entity`), as the pronoun's argument."""
    named = [m for m in index.mentions if m.end <= pronoun.idx and (not_entity is None or m.entity != not_entity)
             and wanted(m)]
    if not named:
        return None
    mention = named[-1]
    return Argument(text=as_written(mention, index.entity_name(mention)), span=_words_span(index.text, [pronoun]),
                    entity=mention.entity)


def _reported_speaker(index: ArticleIndex, pronoun: Token, not_entity: int | None) -> Argument | None:
    """For the subject pronoun of what someone says, that someone (never `not_entity`)."""
    reporter = _reporter(pronoun)
    said_by = argument(index, reporter) if reporter is not None else None
    if said_by is None or not_entity is not None and said_by.entity == not_entity:
        return None
    return Argument(text=said_by.text, span=_words_span(index.text, [pronoun]), entity=said_by.entity)


def _reporter(pronoun: Token) -> Token | None:
    """For the subject pronoun of a clause that reports what someone says ("Boeing zegt dat ze …"),
    that someone, when it is no pronoun itself."""
    verb = pronoun.head
    if not pronoun.dep_.startswith("nsubj") or verb.dep_ != "ccomp":
        return None
    said_by = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return said_by if said_by is not None and not is_a(said_by, "pronoun") else None


def _speaker(index: ArticleIndex, pronoun: Token) -> int | None:
    """The entity that speaks the quote whose words hold `pronoun`, if the quote has one."""
    quote = index.quote_at.get(pronoun.i)
    return index.doc._.quotes[quote].speaker_entity if quote is not None else None


def name_parts(head: Token) -> list[Token]:
    """The head of a phrase and the names in apposition to it ("president Vladimir Poetin")."""
    parts = [head] + children(head, "flat", "flat:name", "appos", "compound")
    return parts + [g for p in parts[1:] for g in children(p, "flat", "flat:name")]


def _best_mention(index: ArticleIndex, head: Token) -> Mention | None:
    """The mention a phrase is named by: a person or organisation among its name parts first."""
    found = [index.mentions[index.mention_at[t.i]] for t in name_parts(head) if t.i in index.mention_at]
    return min(found, key=lambda m: (m.label not in ("PER", "ORG"), m.start), default=None)


def argument(index: ArticleIndex, head: Token | None, coordinated: bool = True,
             not_entity: int | None = None) -> Argument | None:
    """The argument a phrase head stands for: a resolved pronoun (never `not_entity`), a named
    entity, or its words."""
    if head is None or is_a(head, "reflexive") or is_a(head, "no_argument"):
        return None
    if is_a(head, "pronoun") or is_a(head, "first_person"):
        resolved = resolve_pronoun(index, head, not_entity)
        if resolved:
            return resolved
    words = phrase_tokens(head, coordinated)
    span = _words_span(index.text, words)
    several = coordinated and any(_joins(head, head, c, True) for c in head.children)
    mention = None if several else _best_mention(index, head) or _named_referent(index, head)
    if mention is None:
        return Argument(text=span.text, span=span)
    return Argument(text=as_written(mention, index.entity_name(mention)), span=span, entity=mention.entity)


def _named_referent(index: ArticleIndex, head: Token) -> Mention | None:
    """For a description coreference resolved ("het bedrijf", "de minister"), the last name of its
    entity before it."""
    entity = index.referent_at.get(head.i)
    return next((m for m in reversed(index.mentions) if m.entity == entity and m.end <= head.idx), None) \
        if entity is not None else None


def named_before(index: ArticleIndex, trigger: Token) -> Argument | None:
    """For an event the parse gives no agent, the person or organisation named last before it in
    its sentence ("…, olympisch kampioen Dubbeldam, met vormklachten afhaakte")."""
    start = trigger.sent.start_char
    before = [m for m in index.mentions if m.label in ("PER", "ORG") and start <= m.start and m.end <= trigger.idx]
    if not before:
        return None
    mention = before[-1]
    span = span_of(index.text, mention.start, mention.end)
    return Argument(text=as_written(mention, index.entity_name(mention)), span=span, entity=mention.entity)


def has_entity(index: ArticleIndex, head: Token) -> bool:
    return any(t.i in index.mention_at or t.i in index.place_at for t in phrase_tokens(head))


def names_someone(index: ArticleIndex, head: Token) -> bool:
    """True when a phrase head is a personal pronoun or a name (or is followed by one: "president Poetin")."""
    return is_a(head, "pronoun") or any(t.i in index.mention_at for t in name_parts(head))


def _antecedent(token: Token) -> Token | None:
    """For a relative pronoun, the noun its clause is about: the relative clause's head, or the
    noun before the comma that opens the clause when the parser missed the relative clause."""
    if not is_a(token, "relative") or token.pos_ != "PRON":
        return None
    return token.head.head if token.head.dep_ == "acl:relcl" else _noun_before_comma(token)


def _noun_before_comma(token: Token) -> Token | None:
    """The noun just before the comma that precedes `token` ("Vladivostok, waar …"), if any."""
    before = token.doc[token.sent.start : token.i]
    if len(before) >= 2 and before[-1].is_punct and before[-2].pos_ in ("NOUN", "PROPN"):
        return before[-2]
    return None


def _is_controlled(verb: Token) -> bool:
    """A verb without a subject of its own: a conjunct, an infinitive without auxiliaries, or a
    purpose clause ("om … te ontmoeten") wherever the parser hung it."""
    if verb.dep_ == "conj" or _is_purpose_clause(verb):
        return True
    return verb.dep_ in CONTROL_DEPS and not children(verb, "aux") and "Fin" not in verb.morph.get("VerbForm")


def _is_purpose_clause(verb: Token) -> bool:
    return any(is_a(mark, "purpose_marker") for mark in children(verb, "mark"))


def _governor(verb: Token) -> Token:
    """The verb whose subject a controlled verb shares: its head, or, for a purpose clause the
    parser attached to a noun ("verliet het stadhuis om … te ontmoeten"), the verb of that noun."""
    head = verb.head
    return head.head if verb.dep_ == "acl" and head.pos_ in NOMINAL else head


def _active_subject(index: ArticleIndex, verb: Token) -> Token | None:
    """The subject of an active verb; a time ("Maandag bevestigde …") is none, and where the parser
    took the subject for an object (a first of two objects, or the object beside a time) that object."""
    subjects = [c for c in clause.subjects(verb) if c.i not in index.timex_at]
    objects = children(verb, "obj")
    repairable = not _is_controlled(verb)
    if repairable and not subjects and (len(objects) >= 2 or objects and children(verb, "nsubj")):
        subjects = objects[:1]
    return min(subjects, key=lambda s: (not names_someone(index, s), abs(s.i - verb.i)), default=None)


def subject(index: ArticleIndex, trigger: Token, depth: int = 0) -> Token | None:
    """The token that does what a verb says: its subject, the `door` phrase of a passive, or the
    subject of the verb that governs a subject-less infinitive or conjunct."""
    if clause.is_passive(trigger):
        return clause.passive_agent(trigger)
    found = _active_subject(index, trigger)
    if found is not None:
        return _antecedent(found) or found
    if depth >= 3 or trigger.head.i == trigger.i or not _is_controlled(trigger):
        return None
    return subject(index, _governor(trigger), depth + 1)


def verb_object(index: ArticleIndex, verb: Token, agent: Token | None) -> Token | None:
    """To whom: the patient of the clause (the object, or the subject of a passive; for a relative
    pronoun the noun its clause is about: "de agent die werd neergeschoten"), unless only an
    indirect object or a prepositional phrase names someone."""
    objects = clause.subjects(verb) if clause.is_passive(verb) else children(verb, "obj")
    objects = [_antecedent(o) or o for o in objects if not is_a(o, "reflexive") and (agent is None or o.i != agent.i)]
    if objects and has_entity(index, objects[0]):
        return objects[0]
    others = children(verb, "iobj") + [
        c for c in children(verb, "obl:arg", "obl") if case_of(c) in event_words(verb.doc.lang_)["patient_preposition"]
    ]
    named = next((o for o in others if has_entity(index, o)), None)
    return named or (objects[0] if objects else None)


def between(phrase: Token | None) -> tuple[Token | None, Token | None]:
    """The two sides of "tussen X en Y" (or the whole of "tussen twee delegaties")."""
    if phrase is None or case_of(phrase) != "tussen":
        return None, None
    return phrase, next(iter(children(phrase, "conj")), None)


def _relative_doer(noun: Token) -> Token | None:
    """The subject of a relative clause about the noun: "de nederlaag die zijn ploeg had geleden"."""
    for relative in children(noun, "acl:relcl"):
        if any(is_a(o, "relative") for o in children(relative, "obj")):
            return next(iter(children(relative, "nsubj")), None)
    return None


def noun_participants(index: ArticleIndex, noun: Token) -> tuple[Token | None, Token | None]:
    """Agent and patient of an event noun: "zijn bezoek", "het bezoek van Kim", "de aanval door X",
    "tussen X en Y", "een gesprek met Y", "de nederlaag die X leed"; beside a "door" phrase, the
    "van" phrase is what it is done to ("de overname van KLM door Heineken")."""
    agent = next(iter(children(noun, "nmod:poss", "nsubj")), None)
    patient, of = None, None
    for nmod in children(noun, "nmod"):
        case = case_of(nmod)
        by = case in clause.words(nmod, "agent_preposition")
        if case in event_words(noun.doc.lang_)["agent_preposition"] and names_someone(index, nmod) and (
                agent is None or by):
            of = agent if by and agent is not None and case_of(agent) is not None else None
            agent = nmod
        elif case == "tussen":
            agent, patient = between(nmod)
        elif case == "met" and patient is None:
            patient = nmod
    return agent or _relative_doer(noun), patient or of


def governing_verb(noun: Token) -> Token | None:
    """The verb whose object or adjunct an event noun is ("gaf de opdracht", "ging voor een gesprek")."""
    head = noun.head
    if head.i == noun.i or noun.dep_ not in ("obj", "obl", "obl:arg", "xcomp") or head.pos_ != "VERB":
        return None
    return head


def _place_in(index: ArticleIndex, head: Token) -> Token | None:
    """The place a phrase names: its head if that is a place, else the last place word next to the
    head ("de stad Vladivostok"), a name before an adjective ("het Russische grensstation Chasan")."""
    near = [head] + [c for c in head.children if c.dep_ != "case"]
    near += [g for c in near[1:] for g in children(c, "flat", "flat:name", "appos")]
    located = sorted((t for t in near if _is_place_word(index, t)), key=lambda t: (t.dep_ != "amod", t.i))
    if not located:
        return None
    return head if head in located else located[-1]


def _is_place_word(index: ArticleIndex, token: Token) -> bool:
    mention = index.mention_at.get(token.i)
    return token.i in index.place_at or mention is not None and index.mentions[mention].label == "LOC"


def place_argument(index: ArticleIndex, token: Token | None) -> Argument | None:
    """The place argument for a place word: the words of its place (or LOC mention) record."""
    if token is None:
        return None
    if token.i in index.place_at:
        place = index.places[index.place_at[token.i]]
        mention = index.mention_at.get(token.i)
        entity = index.mentions[mention].entity if mention is not None else None
        return Argument(text=place.text, span=span_of(index.text, place.start, place.end), entity=entity)
    mention = index.mentions[index.mention_at[token.i]]
    span = span_of(index.text, mention.start, mention.end)
    return Argument(text=mention.text, span=span, entity=mention.entity)


def place_phrases(trigger: Token) -> list[Token]:
    """Phrases that may say where: prepositional phrases of the trigger and of its object."""
    prepositions = event_words(trigger.doc.lang_)["place_preposition"]
    own = [c for c in trigger.children if c.dep_ in ("obl", "obl:arg", "nmod") and case_of(c) in prepositions]
    of_object = [c for o in children(trigger, "obj") for c in children(o, "nmod") if case_of(c) in prepositions]
    return own + of_object


def place_of(index: ArticleIndex, trigger: Token) -> Token | None:
    """Where: a place in a phrase of the trigger, the noun a "waar" clause is about, the place
    that "er"/"daar" points back to, or a place that is the object ("bezocht Parijs")."""
    for phrase in place_phrases(trigger):
        found = _place_in(index, phrase)
        if found is not None:
            return found
    for adverb in children(trigger, "advmod"):
        if adverb.lower_ == "waar":
            antecedent = trigger.head if trigger.dep_ == "acl:relcl" else _noun_before_comma(adverb)
            return _place_in(index, antecedent) if antecedent is not None else None
        if is_a(adverb, "place_anaphor"):
            return _recent_place(index, adverb)
    return next((o for o in children(trigger, "obj") if getattr(_place_in(index, o), "i", None) == o.i), None)


def _recent_place(index: ArticleIndex, token: Token) -> Token | None:
    """The last place named before `token` in its sentence or the one before."""
    sentence = token.sent
    since = token.doc[sentence.start - 1].sent.start if sentence.start > 0 else 0
    before = [i for i in index.place_at if since <= i < token.i]
    return index.doc[max(before)] if before else None


def _date_value(timex: Timex) -> str | None:
    """The TIMEX3 value of a date or time (not a mere PAST_REF, PRESENT_REF or FUTURE_REF such as
    "nu" or "vroeger", nor a duration), else None."""
    dated = timex.type in ("DATE", "TIME") and timex.value and not timex.value.endswith("_REF")
    return timex.value if dated else None


def _date_values(index: ArticleIndex, words: Iterable[Token]) -> list[str]:
    """The values of the dates and times among `words`, in text order (`_date_value`)."""
    found = sorted({index.timex_at[t.i] for t in words if t.i in index.timex_at})
    return [value for i in found if (value := _date_value(index.timexes[i]))]


def time_of(index: ArticleIndex, trigger: Token) -> str | None:
    """When, as the text says it: the first date or time in the trigger's own clause."""
    values = _date_values(index, clause.own_words(trigger) + list(trigger.children))  # a time is no clause
    return values[0] if values else None


def when_of(index: ArticleIndex, trigger: Token, time: str | None) -> tuple[str, str] | None:
    """The best estimate of when, with its basis: the clause's own time, else the first date of the
    sentence, else the last date the narrative gave before the trigger, else the published date.
    The sentence and the narrative are read in the trigger's own voice: a time inside a quote does
    not date the words around it, nor the narrative's time the words of a quote."""
    if time is not None:
        return time, "clause"
    voice, sentence = index.quote_at.get(trigger.i), trigger.sent
    in_voice = [(i, value) for i, quote, value in index.dates if quote == voice and i < sentence.end]
    in_sentence = [value for i, value in in_voice if i >= sentence.start]
    if in_sentence:
        return in_sentence[0], "sentence"
    if in_voice:
        return in_voice[-1][1], "narrative"
    published = index.doc._.published
    return (published.isoformat(), "published") if published is not None else None
