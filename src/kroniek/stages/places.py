"""Places: every mention of a geographic place, resolved to a country and a point on the map.

A place is mentioned by name ("Vladivostok", "Oekraïne", "Moskou ontkent"), by adjective or
inhabitant name ("de Russische president", "de Belg"), or after a noun that announces one ("het
grensstation Chasan"). The stage finds such mentions from the NER's LOC mentions, from the
gazetteer's lexicon of country names, exonyms and adjectives, from cue nouns, and from names of
large towns that the NER missed; names inside person and organisation names are left alone.

Each mention is resolved on its own, so one unknown name never drops the others. A name with
several candidate places is decided by the article: towns in the countries the article mentions
(more so in the same sentence) win, then towns in the countries Dutch news is written in, then the
larger and more widely known town; the confidence is the winner's share of the candidates' weight.
A name that fits no place is kept, flagged unresolved, without coordinates; nothing is guessed
from part of a name ("New Mexico" is not Mexico), so a building that merely contains a country's
name is never put on that country.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

from ..geo import Candidate, load_gazetteer
from ..geo.gazetteer import SETTLEMENTS
from ..geo.names import name_key
from ..lang import DEFAULT_LANGUAGE, read_mapping, word_list
from ..records import Place

PLACE_LABELS = frozenset(("LOC", "GPE"))
CUE_TAGS = frozenset(("NOUN", ""))
"""A cue word announces a place only as a noun ("de staat Texas", not "er staat Kim"); untagged
text takes it on trust."""
LONGEST_NAME = 4
NAME_SHAPE = re.compile(r"^(?:['’]s-)?([^\W\d_])[^\W\d_]*(?:[-'’][^\W\d_]+)*$")
FREE_TOWN_POPULATION = 100_000
"""Capitalised words the NER did not mark are taken for a town only when a town this large bears
them as its own name…"""
CONTEXT_TOWN_POPULATION = 20_000
"""…or a town this large in a country the article is about…"""
FAMOUS_TOWN_POPULATION = 1_000_000
"""…or a town this large under any of its names ("Parijs", "Peking"); in the article's countries,
FREE_TOWN_POPULATION suffices for those ("Den Haag")."""
NAMED_TOWN_POPULATION = 15_000
"""A mention the NER did not call a place is taken for a town by that town's own name only from
this size up ("Wimbledon"), and not by another of its names ("Veen" is a Hungarian name of Vienna)."""
IN_SENTENCE_COUNTRY, IN_ARTICLE_COUNTRY, IN_HOME_COUNTRY = 1.0, 1.0, 1.0
CAPITAL, OWN_NAME, EXACT_SPELLING, CUE_FITS = 1.5, 0.5, 1.0, 1.0
LEXICON_CONFIDENCE, VARIANT_CONFIDENCE = 0.95, 0.8
FAME = 1.5
"""Weight of the number of names a town has in the world's languages: Florence in Italy has a
hundred, Florence in Alabama ten."""
LEXICON_WEIGHT = 3.0
"""A name the lexicon knows means the lexicon's place well before any town of that name."""


@dataclass
class Found:
    """A stretch of tokens that may name a place, and the kind of place a cue noun announced, if any."""

    span: TokenSpan
    cue_kind: str | None = None

    @cached_property
    def sentence(self) -> int:
        """The index of the sentence's first token (0 where the text has no sentences)."""
        return self.span.sent.start if self.span.doc.has_annotation("SENT_START") else 0


@dataclass
class Context:
    """The countries the article names without doubt, in all and sentence by sentence."""

    countries: set[str]
    by_sentence: dict[int, set[str]]

    @classmethod
    def of(cls, found: list[Found], candidates: list[list[Candidate]]) -> Context:
        by_sentence: dict[int, set[str]] = {}
        for mention, options in zip(found, candidates, strict=True):
            by_sentence.setdefault(mention.sentence, set()).update(_certain_countries(options))
        return cls(set().union(*by_sentence.values()), by_sentence)


class PlaceResolver:
    """The `kroniek_places` stage: gazetteer, cue nouns and home countries, loaded once."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE) -> None:
        self.gazetteer = load_gazetteer(lang)
        self.cues = read_mapping(lang, "place_cues")
        self.home_countries = word_list(lang, "home_countries")
        self.connectors = word_list(lang, "place_connectors")
        self.prepositions = word_list(lang, "place_prepositions")

    def __call__(self, doc: Doc) -> Doc:
        mentions = _mention_spans(doc)
        blocked = {i for span, _ in mentions for i in range(span.start, span.end)}
        people = {i for span, label in mentions if label == "PER" and len(span) > 1 for i in range(span.start, span.end)}
        found = self._from_lexicon(doc, blocked) + self._after_cues(doc, people)
        candidates = [self.gazetteer.lookup(f.span.text) for f in found]
        countries = Context.of(found, candidates).countries | self.home_countries
        for mention, options in self._from_mentions(mentions, countries):
            found.append(mention)
            candidates.append(options)
        countries |= Context.of(found, candidates).countries
        for town, options in self._large_towns(doc, blocked | _covered(found), countries):
            found.append(town)
            candidates.append(options)
        context = Context.of(found, candidates)
        places = [self.resolve(f, options, context) for f, options in zip(found, candidates, strict=True)]
        doc._.places = _without_overlaps(places)
        return doc

    # -- finding mentions ----------------------------------------------------------------------

    def _from_mentions(self, mentions: list[tuple[TokenSpan, str]], countries: set[str]):
        """The NER mentions that name a place, each with its candidates; the countries the
        lexicon recognises among them count as the article's for the others."""
        people = _words_of_full_names(mentions)
        spans = [(self._with_prefix(self._completed(span) if label in PLACE_LABELS else span), label)
                 for span, label in mentions]
        looked_up = [(span, label, self.gazetteer.lookup(span.text)) for span, label in spans]
        countries = countries | {country for _, _, options in looked_up if any(c.from_lexicon for c in options)
                                 for country in _certain_countries(options)}
        for span, label, options in looked_up:
            if self._names_a_place(span, label, options, countries, people):
                yield Found(span), options
            elif label != "LOC" and len(span) > 1 and self._stands_before_a_name(span):
                yield Found(span[:1]), self.gazetteer.lookup(span[0].text)

    def _names_a_place(self, span: TokenSpan, label: str, options: list[Candidate], countries: set[str],
                       people: set[str]) -> bool:
        """Whether a mention, as a whole, is a place, whatever label the NER gave it.

        A country, exonym or adjective always is (the NER may call "Pakistan" a person). A place
        mention is when it names a notable town or a town by its own name, or when a locative
        preposition or cue noun announces it ("in Rosmalen"). A one-word person mention that is
        no part of a full name in the article is when it names, by its own name, a town notable
        wherever the article is set (a "Vladivostok" the NER took for a person, but not a
        "Clinton" beside Americans), or, announced, a town in the article's countries ("bij
        Bachmoet"). Any other mention is when it names a town by its own name ("Wimbledon"), or,
        announced, a town in the article's countries ("te Ukkel").
        """
        if any(c.from_lexicon for c in options):
            return label != "PER" or span.text.lower() not in people
        notable = any(_is_notable_town(c, countries) for c in options)
        known_town = any(c.main_name and c.exact and c.population >= NAMED_TOWN_POPULATION for c in options)
        if label in PLACE_LABELS:
            return notable or known_town or self._announced(span)
        in_context = any(c.country in countries for c in options)
        if label == "PER":
            if len(span) > 1 or span.text.lower() in people:
                return False
            famous = any(_is_notable_town(c, self.home_countries) for c in options)
            return famous and known_town or self._announced(span) and (notable or in_context)
        if label == "MISC" and known_town:
            return True
        return self._announced(span) and in_context

    def _with_prefix(self, span: TokenSpan) -> TokenSpan:
        """A mention with the word before it when the two make a name the lexicon knows ("Zuid" before
        "Amerikaanse" written apart)."""
        if span.start == 0:
            return span
        longer = span.doc[span.start - 1 : span.end]
        return longer if name_key(longer.text) in self.gazetteer.lexicon else span

    def _completed(self, span: TokenSpan) -> TokenSpan:
        """A place mention the NER cut short before a connector ("Berg" of "Berg en Dal"), made whole
        when the gazetteer knows the whole."""
        run = self._name_run_from(span.doc, span.start, set())
        if run is None or run.end <= span.end or span.doc[span.end].lower_ not in self.connectors:
            return span
        longest = self._longest_known_start(run)
        return longest if longest.end > span.end else span

    def _announced(self, span: TokenSpan) -> bool:
        """True after a locative preposition or a cue noun: "in Rosmalen", "de stad Kobani"."""
        previous = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        return previous in self.prepositions or previous in self.cues

    def _stands_before_a_name(self, span: TokenSpan) -> bool:
        """"de Duitser Beerbaum", "de Thaise Tanasugarn": a nationality the NER put into a name."""
        first = span[0]
        return name_key(first.text) in self.gazetteer.before_names and (
            first.text.endswith("e") or first.i > 0 and _is_determiner(span.doc[first.i - 1]))

    def _from_lexicon(self, doc: Doc, blocked: set[int]) -> list[Found]:
        """Names and adjectives of the lexicon, longest first, outside other names."""
        keys = [name_key(token.text) for token in doc]
        found, i, n = [], 0, len(keys)
        while i < n:
            size = self._lexicon_name_at(doc, keys, i, blocked) if keys[i] in self.gazetteer.prefixes else 0
            if size:
                found.append(Found(doc[i : i + size]))
            i += size or 1
        return found

    def _lexicon_name_at(self, doc: Doc, keys: list[str], i: int, blocked: set[int]) -> int:
        if i in blocked or not doc[i].text[:1].isupper():
            return 0
        free = 1
        while free < LONGEST_NAME and i + free < len(keys) and i + free not in blocked:
            free += 1
        return self.gazetteer.longest_name(keys[i : i + free])

    def _after_cues(self, doc: Doc, blocked: set[int]) -> list[Found]:
        """The name right after a cue noun, whatever the NER made of it unless a person's full name:
        "het grensstation Chasan", "het dorp Berg en Dal", "de stad Stralsund"."""
        found = []
        for token in doc[:-1]:
            kind = self.cues.get(token.lower_)
            if kind is not None and token.pos_ in CUE_TAGS:
                run = self._name_run_from(doc, token.i + 1, blocked)
                if run is not None:
                    found.append(Found(self._longest_known_start(run), kind))
        return found

    def _name_run_from(self, doc: Doc, start: int, blocked: set[int]) -> TokenSpan | None:
        """The run of names (with connectors) that starts at `start`, if a name starts there."""
        if start in blocked or not _is_name(doc[start]):
            return None
        end = start
        while end < len(doc) and end - start < LONGEST_NAME and end not in blocked and (
                _is_name(doc[end]) or doc[end].lower_ in self.connectors):
            end += 1
        while end > start and not _is_name(doc[end - 1]):
            end -= 1
        return doc[start:end] if end > start else None

    def _longest_known_start(self, run: TokenSpan) -> TokenSpan:
        """The longest start of a run of names that the gazetteer knows ("Utrecht" of "Utrecht en
        Gelderland"), else its first word."""
        for end in range(run.end, run.start, -1):
            if _is_name(run.doc[end - 1]) and self.gazetteer.lookup(run.doc[run.start : end].text):
                return run.doc[run.start : end]
        return run.doc[run.start : run.start + 1]

    def _large_towns(self, doc: Doc, blocked: set[int], countries: set[str]) -> list[tuple[Found, list[Candidate]]]:
        """Runs of capitalised words the NER missed that, as a whole, name a notable town ("Buenos
        Aires"); a town's name at the end of a longer run is a person's ("Angelique Hoorn")."""
        runs = [run for run in _name_runs(doc, blocked, self.connectors)
                if len(run) <= LONGEST_NAME and any(not t.is_stop and t.lower_ not in self.connectors for t in run)]
        readings = [[run, *_without_opening_stop_words(run)] for run in runs]
        towns = self.gazetteer.cities([name_key(span.text) for spans in readings for span in spans])
        found = []
        for spans in readings:
            for span in spans:
                options = towns.get(name_key(span.text), [])
                if any(_is_notable_town(c, countries) for c in options):
                    found.append((Found(span), options))
                    break
        return found

    # -- resolving ------------------------------------------------------------------------------

    def resolve(self, found: Found, candidates: list[Candidate], context: Context) -> Place:
        """The Place a mention names, or the mention flagged unresolved when no place fits."""
        span = found.span
        if not candidates:
            return Place(start=span.start_char, end=span.end_char, text=span.text, name=span.text,
                         kind=found.cue_kind, resolved=False, confidence=0.0)
        weights = [10 ** self._score(c, found, context) for c in candidates]
        best = max(range(len(candidates)), key=weights.__getitem__)
        return _place(span, candidates[best], _confidence(candidates[best], weights[best], sum(weights)))

    def _score(self, candidate: Candidate, found: Found, context: Context) -> float:
        """How likely the candidate is meant, in orders of magnitude: population, fame and bonuses."""
        bonuses = [
            (candidate.country in context.by_sentence.get(found.sentence, ()), IN_SENTENCE_COUNTRY),
            (candidate.country in context.countries, IN_ARTICLE_COUNTRY),
            (candidate.country in self.home_countries, IN_HOME_COUNTRY),
            (candidate.capital, CAPITAL),
            (candidate.main_name, OWN_NAME),
            (candidate.exact, EXACT_SPELLING),
            (_fits(found.cue_kind, candidate.kind), CUE_FITS),
            (candidate.from_lexicon, LEXICON_WEIGHT),
        ]
        renown = math.log10(candidate.population + 10) + FAME * math.log10(candidate.names + 1)
        return renown + sum(value for holds, value in bonuses if holds)


def _mention_spans(doc: Doc) -> list[tuple[TokenSpan, str]]:
    """The NER's name mentions as token spans, with their labels (not the descriptions and
    pronouns coreference resolved: "de stad" names no place of its own)."""
    spans = []
    for mention in (m for m in doc._.mentions or [] if m.kind == "name"):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        while span is not None and len(span) and span[-1].is_space:
            span = span[:-1]
        if span is not None and len(span):
            spans.append((span, mention.label))
    return spans


def _words_of_full_names(mentions: list[tuple[TokenSpan, str]]) -> set[str]:
    """The words of the person names of more than one word ("Lindsay Davenport")."""
    return {token.lower_ for span, label in mentions if label == "PER" and len(span) > 1 for token in span}


def _is_determiner(token) -> bool:
    """A determiner by the tagger, or, in untagged text, a stop word ("de", "het", "een")."""
    return token.pos_ == "DET" or not token.pos_ and token.is_stop


def _fits(cue_kind: str | None, kind: str) -> bool:
    """True when a cue noun announces this kind of place ("stad" a city or a town)."""
    return cue_kind == kind or (cue_kind in SETTLEMENTS and kind in SETTLEMENTS)


def _is_name(token) -> bool:
    """A capitalised word, hyphenated or not: "Vladivostok", "Sint-Petersburg", "'s-Hertogenbosch"."""
    match = NAME_SHAPE.match(token.text)
    return match is not None and match.group(1).isupper()


def _is_notable_town(candidate: Candidate, countries: set[str]) -> bool:
    """Large enough to be meant: by its own name, or by another name ("Den Haag") when larger still."""
    in_context = candidate.country in countries
    if candidate.main_name:
        return candidate.population >= (CONTEXT_TOWN_POPULATION if in_context else FREE_TOWN_POPULATION)
    return candidate.population >= (FREE_TOWN_POPULATION if in_context else FAMOUS_TOWN_POPULATION)


def _name_runs(doc: Doc, blocked: set[int], connectors: frozenset[str]) -> list[TokenSpan]:
    """Maximal runs of capitalised words (and the connectors in them: "Den Haag", "Berg en Dal")
    outside other names, but not the rest of a name the NER cut short ("Hoorn" after a mention
    "Angelique")."""
    runs, start = [], None
    for token in [*doc, None]:
        in_run = token is not None and token.i not in blocked and (
            _is_name(token) and (not token.is_stop or token.lower_ in connectors)
            or start is not None and token.lower_ in connectors)
        if in_run and start is None:
            start = token.i
        elif not in_run and start is not None:
            end = token.i if token is not None else len(doc)
            while not _is_name(doc[end - 1]):
                end -= 1
            if not (start > 0 and start - 1 in blocked and _is_name(doc[start - 1])):
                runs.append(doc[start:end])
            start = None
    return runs


def _without_opening_stop_words(run: TokenSpan) -> list[TokenSpan]:
    """The run without the stop words it opens with ("De Rotterdammer" -> "Rotterdammer"), if any."""
    start = run.start
    while start < run.end - 1 and run.doc[start].is_stop:
        start += 1
    return [run.doc[start : run.end]] if start > run.start else []


def _certain_countries(options: list[Candidate]) -> set[str]:
    """The country a mention names without doubt (a lexicon place, or towns of one country), if any."""
    named = {c.country for c in options} - {None}
    if len(named) == 1 and (options[0].from_lexicon or options[0].exact):
        return named
    return set()


def _confidence(candidate: Candidate, weight: float, total: float) -> float:
    share = weight / total if total else 0.0
    ceiling = LEXICON_CONFIDENCE if candidate.exact else VARIANT_CONFIDENCE
    return round(min(ceiling, share if not candidate.from_lexicon else ceiling * share), 3)


def _place(span: TokenSpan, candidate: Candidate, confidence: float) -> Place:
    return Place(start=span.start_char, end=span.end_char, text=span.text, name=candidate.name,
                 country=candidate.country, lat=round(candidate.lat, 5), lon=round(candidate.lon, 5),
                 geonames_id=candidate.geonames_id, kind=candidate.kind, resolved=True, confidence=confidence)


def _covered(found: list[Found]) -> set[int]:
    return {i for f in found for i in range(f.span.start, f.span.end)}


def _without_overlaps(places: list[Place]) -> list[Place]:
    """One place per stretch of text, in text order: resolved before unresolved, then the longer.

    A place word inside a name that is no known place counts only when it begins the name ("de
    Amerikaanse ambassade"); one further in is part of the name ("New Mexico", "Hoek van Holland"),
    and the name stays, flagged unresolved.
    """
    unknown = [p for p in places if not p.resolved]
    places = [p for p in places if not any(u.start < p.start and p.end <= u.end for u in unknown)]
    kept: list[Place] = []
    taken: set[int] = set()
    for place in sorted(places, key=lambda p: (not p.resolved, p.start - p.end, p.start)):
        if taken.isdisjoint(range(place.start, place.end)):
            kept.append(place)
            taken.update(range(place.start, place.end))
    return sorted(kept, key=lambda p: p.start)


@Language.factory("kroniek_places", requires=["doc._.mentions"], assigns=["doc._.places"])
def make_place_resolver(nlp: Language, name: str) -> PlaceResolver:
    """The places stage for the pipeline's language."""
    return PlaceResolver(nlp.lang)
