"""Events: who did what to whom, where and when, typed, with the factuality of their claim.

A verb or event noun whose lemma is in the trigger lexicon (`lang/nl/events_triggers.txt`, the
ontology of docs/events.md) is an event mention. Its agent, patient, place and time come from the
parse (`events.arguments`), resolved to the article's entities, places and timexes. Its factuality
is that of the innermost claim whose content contains the trigger, lowered where the trigger itself
is wanted, refused or negated; from it and the tense follows the `status` a reader sees, so that an
event that is not certain is never presented as something that happened.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..attribution.factuality import own_tokens
from ..errors import PipelineError, unknown_option_message
from ..events import arguments as args
from ..events import learned
from ..events.learned import TriggerModels
from ..lang import DEFAULT_LANGUAGE, language_module, read_lines
from ..records import Argument, Claim, Event, span_of
from ..syntax import clause
from ..syntax.clause import case_of, children

MIN_COMPOUND_PREFIX = 3
"""A noun triggers as the head of a compound only after a first part of at least this many letters."""
TRIGGER_POS = frozenset(("VERB", "NOUN"))
NOT_TRIGGER_DEPS = frozenset(("aux", "aux:pass", "cop", "amod"))
"""Auxiliaries and adjectival uses ("de aankomende held") are no events."""
TRIGGER_MODES = ("lexicon", "learned", "both")
DEFAULT_TRIGGERS = "lexicon"
"""Who decides what is a trigger (`EventFinder`); the default is the best on the tuning halves."""
NEGATED = {"CT+": "CT-", "PR+": "PR-", "PS+": "PS-", "Uu": "CT-"}
"""A negated trigger ("geen bevestiging") did not happen, also where its clause commits to nothing else."""


@dataclass(frozen=True)
class TriggerLexicon:
    """Trigger lemmas with their event type and conditions, and the words that make an event unreal.

    Conditions: `direction`, an event only with somewhere to go ("ging naar Vladivostok"); `verb`,
    an event only as a verb ("prijzen", "landen" are also plain nouns);
    `passive`, an event only in the passive, done by its passive subject ("wordt in Vladivostok
    verwacht": is expected to arrive there); `theme`, a change that befalls its subject, which is
    its patient and no agent ("de aandelen daalden").
    """

    types: dict[str, str]
    conditions: dict[str, frozenset[str]]
    modality: dict[str, str]
    unrealised: dict[str, str]
    """Verbs of failure, postponement, cancellation and prevention (`events_unrealised.txt`)."""
    particles: tuple[str, ...]
    irregular: dict[str, str]
    verbforms: ModuleType
    """The language's verb-form guesser (`lang/<lang>/verbforms.py`)."""

    @classmethod
    def load(cls, lang: str = DEFAULT_LANGUAGE) -> TriggerLexicon:
        rows = [line.split("\t") for line in read_lines(lang, "events_triggers")]
        modality = dict(line.split("\t") for line in read_lines(lang, "events_modality"))
        unrealised = dict(line.split("\t") for line in read_lines(lang, "events_unrealised"))
        conditions = {row[0]: frozenset(" ".join(row[2:]).split()) for row in rows if row[2:]}
        particles = tuple(sorted(args.event_words(lang)["particle"], key=len, reverse=True))
        irregular = dict(line.split("\t") for line in read_lines(lang, "events_irregular_verbs"))
        verbforms = language_module(lang, "verbforms")
        return cls({row[0]: row[1] for row in rows}, conditions, modality, unrealised, particles, irregular,
                   verbforms)

    def lookup(self, token: Token, particle: Token | None = None) -> str | None:
        """The event type of `token` (whose separable particle is `particle`), or None for no trigger."""
        if token.pos_ not in TRIGGER_POS or token.ent_type_ or token.dep_ in NOT_TRIGGER_DEPS:
            return None
        lemma = self.entry(token, particle)
        if lemma is None:
            return self._compound_head(with_particle(token, particle)) if token.pos_ == "NOUN" else None
        if token.pos_ == "VERB" and is_present_participle(token) or not self._conditions_met(token, lemma):
            return None
        return self.types[lemma]

    def _conditions_met(self, token: Token, lemma: str) -> bool:
        conditions = self.conditions.get(lemma, frozenset())
        return ("direction" not in conditions or has_direction(token)) and (
            "passive" not in conditions or clause.is_passive(token)) and (
            "verb" not in conditions or token.pos_ == "VERB")

    def entry(self, token: Token, particle: Token | None) -> str | None:
        """The lemma the lexicon lists the token under ("stegen" under "stijgen"), if any."""
        return next((c for c in self.candidates(token, particle) if c in self.types), None)

    def conditions_of(self, token: Token) -> frozenset[str]:
        """The conditions of the entry the token is listed under."""
        lemma = self.entry(token, clause.particle(token))
        return self.conditions.get(lemma, frozenset()) if lemma else frozenset()

    def candidates(self, token: Token, particle: Token | None) -> Iterator[str]:
        """Lemmas to look a token up by, best first and made as they are asked for: its lemma with its
        particle; that lemma with a doubled vowel undone (a lemmatizer's "verspeelen" → "verspelen");
        for an adverbial particle ("vloog terug") the plain verb; without a particle, its own form (a
        lemmatizer's "telefoontje" → "telefoon", or "uitbreiden" → "uitbrien": a Dutch verb's plural
        is its infinitive); an irregular form's infinitive, also behind a particle ("vloog" →
        "vliegen", "aangevallen" → "aanvallen"); for a verb, the infinitives its form may be of
        ("bekende" → "bekennen")."""
        lemma = with_particle(token, particle)
        yield lemma
        yield self.verbforms.single_vowel(lemma)
        if particle is not None and particle.pos_ in ("ADV", "ADP"):
            yield self.verbforms.single_vowel((token.lemma_ or token.text).lower().replace("_", ""))
        if particle is None:
            yield token.lower_
        yield from self._irregular(token.lower_, particle.lower_ if particle is not None else "")
        if token.lemma_.lower() in ("", token.lower_) or token.pos_ == "VERB":
            yield from self.verbforms.infinitive_guesses(token.lower_, self.particles, inflected_only=token.pos_ == "NOUN")

    def _irregular(self, form: str, particle: str = "") -> list[str]:
        """The infinitive of an irregular form with its separate particle ("trad … terug" →
        "terugtreden") and without ("vloog terug": "vliegen"), and of a form behind a joined
        particle ("aangevallen" → "aanvallen")."""
        found = [particle + self.irregular[form], self.irregular[form]] if form in self.irregular else []
        found += [p + self.irregular[form[len(p):]] for p in self.particles
                  if form.startswith(p) and form[len(p):] in self.irregular]
        return found

    def _compound_head(self, lemma: str) -> str | None:
        for cut in range(MIN_COMPOUND_PREFIX, len(lemma) - MIN_COMPOUND_PREFIX):
            head = lemma[cut:]
            if head in self.types and not head.endswith("en") and head not in self.conditions:
                return self.types[head]
        return None


def lemma_of(token: Token) -> str:
    """The lemma with a separable particle joined to it ("kwam … aan" → "aankomen")."""
    return with_particle(token, next((c for c in token.children if c.dep_ == "compound:prt"), None))


def with_particle(token: Token, particle: Token | None) -> str:
    lemma = (token.lemma_ or token.text).lower().replace("_", "")
    return lemma if particle is None or lemma.startswith(particle.lower_) else particle.lower_ + lemma


def is_present_participle(token: Token) -> bool:
    """ "aanvallend", "winnende": a verb used as an adjective (by its morphology, or without one by
    its ending where it modifies something; "bekende" may be a past tense)."""
    forms, present_form = token.morph.get("VerbForm"), token.lower_.endswith(("end", "ende"))
    if forms:
        return present_form and "Part" in forms
    return present_form and token.dep_ in ("amod", "advmod", "acl", "conj")


def has_direction(token: Token) -> bool:
    """True when a verb of motion has somewhere to go: a place phrase or a directional adverb."""
    return bool(args.place_phrases(token)) or any(
        c.dep_ == "advmod" and args.is_a(c, "direction") for c in token.children
    )


def innermost_claim(claims: list[Claim], start: int, end: int) -> Claim | None:
    """The shortest claim whose content contains the range, or None."""
    containing = [c for c in claims if c.content.start <= start and end <= c.content.end]
    return min(containing, key=lambda c: c.content.end - c.content.start, default=None)


def governors(token: Token, limit: int = 3) -> list[Token]:
    """The auxiliaries of `token` and the verbs or adjectives it is the complement of (for an event
    noun, the verb it is the object of: "wil in ruil …", "wil uitleg")."""
    found = children(token, "aux")
    verb = args.governing_verb(token) if token.pos_ == "NOUN" else None
    if verb is not None:
        token = verb
        found += [verb] + children(verb, "aux")
    while limit and token.dep_ in ("xcomp", "advcl", "ccomp") and token.head.i != token.i:
        token, limit = token.head, limit - 1
        found += [token] + children(token, "aux")
    return found


SUBJECT_OR_OBJECT = frozenset(("nsubj", "nsubj:pass", "obj"))
OPEN_CLAUSES = frozenset(("whether", "question"))
"""An event in an indirect or direct question is neither affirmed nor denied ("onderzoekt of …")."""
POSITIVE = {"CT-": "CT+", "PR-": "PR+", "PS-": "PS+"}


def is_negated(token: Token) -> bool:
    """True when the trigger's own clause negates it: a verb by the clause layer's negation
    ("kocht geen aandelen", not "raadde aan geen aandelen te kopen" for the advice); a noun by its
    own "geen"/"niet", or, as subject or object, by a "niet" of its verb ("de staking ging niet door")."""
    if token.pos_ == "VERB" and not is_nominal(token):
        return clause.negation(token) is not None
    if any(c.dep_ in ("advmod", "det") and args.is_a(c, "negation") for c in token.children):
        return True
    found = clause.negation(token.head) if token.dep_ in SUBJECT_OR_OBJECT and token.head.pos_ == "VERB" else None
    return found is not None and found.dep_ == "advmod"


def claim_polarity(doc: Doc, claim: Claim | None) -> str:
    """The claim's factuality (CT+ without one) with the negation of its own clause undone: the
    trigger's own clause decides whether the event is negated, the claim only how sure its source is."""
    if claim is None or claim.factuality not in POSITIVE:
        return claim.factuality if claim else "CT+"
    content = doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
    if content is None:
        return claim.factuality
    own = own_tokens([content.root], frozenset(range(content.start, content.end)))
    return POSITIVE[claim.factuality] if any(clause.is_a(t, "negation") for t in own) else claim.factuality


def is_open(trigger: Token) -> bool:
    """True when the trigger's clause asks or supposes rather than states: a whether-clause, a
    question, or a condition ("als de bond staakt")."""
    head = clause.clause_of(trigger)
    return clause.clause_kind(head) in OPEN_CLAUSES or clause.condition(head) is not None


def unrealised(lexicon: TriggerLexicon, trigger: Token) -> str | None:
    """The factuality a verb of failure, postponement or prevention gives the event it is about:
    the subject or object noun ("de aanslag mislukte", "verijdelde een aanslag") or a complement;
    the verb is looked up as triggers are, so that a form the lemmatizer kept ("afgeblazen") counts."""
    about = [trigger.head] if trigger.dep_ in SUBJECT_OR_OBJECT else []
    return next((lexicon.unrealised[m] for g in about + governors(trigger)
                 for m in lexicon.candidates(g, clause.particle(g)) if m in lexicon.unrealised), None)


def event_factuality(lexicon: TriggerLexicon, trigger: Token, claim: Claim | None) -> str:
    """The factuality of the claim the trigger stands in, with the trigger's own clause deciding its
    polarity; Uu in a question or under a condition; lowered where the event is wanted, refused,
    failed, postponed or prevented."""
    factuality = claim_polarity(trigger.doc, claim)
    if is_open(trigger):
        return "Uu"
    lowered = unrealised(lexicon, trigger) or next(
        (lexicon.modality[m] for g in governors(trigger) if (m := lemma_of(g)) in lexicon.modality), None)
    if factuality == "CT+" and lowered:
        return lowered
    return NEGATED.get(factuality, factuality) if is_negated(trigger) else factuality


def is_future(trigger: Token, claim: Claim | None) -> bool:
    """True when the event lies ahead: "zal/zou ontvangen", "gaat bezoeken", "er zullen
    onderhandelingen plaatsvinden", or a future claim."""
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    auxiliaries = children(verb, "aux") + ([verb] if verb.pos_ == "AUX" else [])
    return any(lemma_of(a) in ("zullen", "gaan") for a in auxiliaries) or bool(claim and claim.tense == "future")


def event_status(factuality: str, future: bool, source: str | None) -> str:
    """What a reader may take the event as (docs/events.md): only CT+ by the author 'happened'."""
    if factuality in ("CT-", "PR-", "PS-"):
        return "denied"
    if factuality in ("Uu", "PS+"):
        return "unconfirmed" if factuality == "Uu" else "possible"
    if future:
        return "expected"
    if factuality == "PR+" or source is None:
        return "alleged"
    return "happened" if source == "AUTHOR" else "reported"


def participants(index: args.ArticleIndex, trigger: Token, by_passive_subject: bool = False,
                 befalls_subject: bool = False):
    """Agent and patient arguments of a verb or an event noun; of a passive the "door" phrase is the
    agent and the passive subject the patient, and without a "door" phrase there is no agent. A
    change that befalls its subject (`befalls_subject`: "de koers daalde") has it as its patient."""
    if befalls_subject and trigger.pos_ == "VERB":
        return None, args.argument(index, args.subject(index, trigger))
    if by_passive_subject:
        agent, patient = next(iter(children(trigger, "nsubj:pass")), None), None
    elif trigger.pos_ == "VERB" and not is_nominal(trigger):
        agent = args.subject(index, trigger)
        patient = args.verb_object(index, trigger, agent)
    else:
        agent, patient = noun_participants(index, trigger)
    sides = agent is not None and case_of(agent) == "tussen"
    doer = args.argument(index, agent, coordinated=not sides)
    if doer is None and not (trigger.pos_ == "VERB" and clause.is_passive(trigger)):
        doer = args.named_before(index, trigger)  # a passive without "door" has no agent to stand in for
    done_to = args.argument(index, patient, not_entity=doer.entity if doer and not sides else None)
    if doer and done_to and doer.entity is not None and doer.entity == done_to.entity and agent is not None:
        doer = args.argument(index, agent, not_entity=done_to.entity)  # "Hij verving Jobs": not Jobs himself
    return doer, done_to


def is_nominal(verb: Token) -> bool:
    """An infinitive used as a noun: "het afhaken van Jan Tops", "na het vertrekken"."""
    return any(c.dep_ == "det" for c in verb.children) and not children(verb, "nsubj", "aux")


def noun_participants(index: args.ArticleIndex, noun: Token):
    """An event noun's own participants, completed from the verb it belongs to: the subject of the
    verb it is the object of ("gaf de opdracht", also for "hun communicatie voortzetten"), or the
    sides of "tussen" of the verb it is the subject of ("onderhandelingen vinden plaats tussen …")."""
    agent, patient = args.noun_participants(index, noun)
    verb = args.governing_verb(noun)
    if verb is not None and (agent is None or args.is_a(agent, "pronoun") and noun.dep_ == "obj"):
        agent = args.subject(index, verb) or agent
        patient = patient or next(iter(children(verb, "iobj")), None)
    if agent is None and noun.dep_ in ("nsubj", "nsubj:pass"):
        verbs = [noun.head] + children(noun.head, "xcomp")
        agent, patient = args.between(next((c for v in verbs for c in children(v, "obl")
                                               if case_of(c) == "tussen"), None))
    return agent, patient


class EventFinder:
    """Finds the events of one Doc with a lexicon (and the learned trigger models) loaded once.

    `triggers` picks who decides what is a trigger and of which type: the `lexicon`, the `learned`
    classifier (`events/learned.py`, which reads the lexicon as a feature), or `both`: the
    lexicon's triggers, and the classifier's where the lexicon has none."""

    def __init__(self, lexicon: TriggerLexicon, models: TriggerModels | None = None, triggers: str = "lexicon",
                 threshold: float | None = None):
        self.lexicon, self.models, self.mode = lexicon, models, triggers
        self.threshold = threshold if threshold is not None else models.trigger.threshold if models else 1.0

    def __call__(self, doc: Doc) -> list[Event]:
        index = args.ArticleIndex.of(doc)
        claims = doc._.claims or []
        return [self._event(index, token, kind, claims) for token, kind in self._triggers(doc)]

    def _triggers(self, doc: Doc) -> list[tuple[Token, str]]:
        listed = self._listed(doc) if self.mode != "learned" else {}
        kinds = dict(sorted({**self._learned(doc, listed), **listed}.items()))
        return [(doc[i], kind) for i, kind in kinds.items() if not _completes_verb(doc[i], kind, kinds)]

    def _listed(self, doc: Doc) -> dict[int, str]:
        """The lexicon's triggers: token index to type."""
        particles, words = {}, []
        for token in doc:
            if token.dep_ == "compound:prt":
                particles.setdefault(token.head.i, token)
            elif token.pos_ in TRIGGER_POS:
                words.append(token)
        return {token.i: kind for token in words if (kind := self.lexicon.lookup(token, particles.get(token.i)))}

    def _learned(self, doc: Doc, listed: dict[int, str]) -> dict[int, str]:
        """The classifier's triggers among the candidates the lexicon left: token index to type."""
        if self.models is None:
            return {}
        marks = learned.attribution_marks(doc)
        found = {}
        for token, particle in learned.candidates(doc):
            if token.i in listed:
                continue
            features = learned.trigger_features(self.lexicon, token, particle, marks.get(token.i, ()))
            if self.models.probability(features) >= self.threshold:
                found[token.i] = self.models.type_of(features)
        return found

    def _event(self, index: args.ArticleIndex, trigger: Token, kind: str, claims: list[Claim]) -> Event:
        conditions = self.lexicon.conditions_of(trigger)
        agent, patient = participants(index, trigger, "passive" in conditions, "theme" in conditions)
        claim = innermost_claim(claims, trigger.idx, trigger.idx + len(trigger.text))
        factuality = event_factuality(self.lexicon, trigger, claim)
        source = claim.source if claim else "AUTHOR"
        place = args.place_argument(index, args.place_of(index, trigger))
        if kind == "TRAVEL" and not _someone(index, patient):
            patient = None  # what a traveller leaves or visits is a place, not someone it happens to
        time = args.time_of(index, trigger)
        when, basis = args.when_of(index, trigger, time) or (None, None)
        return Event(
            trigger=span_of(index.text, trigger.idx, trigger.idx + len(trigger.text)), type=kind,
            agent=agent, patient=patient, place=place, time=time, when=when, when_basis=basis,
            claim=claim.id if claim else None, factuality=factuality, source=source,
            status=event_status(factuality, is_future(trigger, claim), source),
        )


def _someone(index: args.ArticleIndex, argument: Argument | None) -> bool:
    """True when the argument is a named person or organisation."""
    known = argument is not None and argument.entity is not None and argument.entity < len(index.entities)
    return known and index.entities[argument.entity].label in ("PER", "ORG")


def _completes_verb(token: Token, kind: str, kinds: dict[int, str]) -> bool:
    """True for a noun that only completes a verb trigger of the same type ("akkoord gaan")."""
    completes = token.dep_ in ("obj", "compound:prt", "xcomp")
    return token.pos_ == "NOUN" and completes and token.head.i != token.i and kinds.get(token.head.i) == kind


@Language.factory(
    "kroniek_events",
    requires=["doc.sents", "token.dep", "token.lemma", "doc._.entities", "doc._.places", "doc._.timexes",
              "doc._.claims"],
    assigns=["doc._.events"],
    default_config={"triggers": DEFAULT_TRIGGERS, "model": "", "threshold": None},
)
def make_event_finder(nlp: Language, name: str, triggers: str, model: str, threshold: float | None) -> EventStage:
    """The events stage: loads the language's trigger lexicon once, and for `triggers` "learned" or
    "both" the learned trigger models of `model` (default: the shipped models/events), which accept
    a trigger at `threshold` (default: the model's own)."""
    if triggers not in TRIGGER_MODES:
        raise PipelineError(unknown_option_message("triggers", triggers, TRIGGER_MODES))
    models = None if triggers == "lexicon" else learned.trigger_models(model)
    return EventStage(EventFinder(TriggerLexicon.load(nlp.lang), models, triggers, threshold))


class EventStage:
    """The spaCy component: assigns `doc._.events`."""

    def __init__(self, finder: EventFinder):
        self.finder = finder

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.finder(doc)
        return doc
