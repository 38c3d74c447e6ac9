"""Contradictions: two claims about the same proposition, from different sources, that disagree.

"The same proposition" is decided on the claims' own records, so the same test serves within one
article (this stage) and across the articles of a store (`kroniek.corpus.contradictions`):

- the predicates agree: the same lemma, or lemmas of one family of synonyms and converses
  ("kopen" / "leveren", `lang/nl/predicate_families.txt`);
- the arguments overlap: resolved entity names and noun lemmas, matched as speakers are;
- similarity = (predicate agreement + share of the smaller argument set that is shared) / 2, the
  share halved when one predicate has a participant changed; a pairing needs at least `THRESHOLD`
  (measured on labelled pairs: `tests/stages/test_contradictions.py`).

Factuality disagrees when one source holds the proposition (CT+, PR+) and the other its negation
(CT-, PR-); a mere possibility (PS±) or no commitment (Uu) contradicts nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import combinations, islice

from spacy.language import Language
from spacy.tokens import Doc

from ..lang import DEFAULT_LANGUAGE, read_lines
from ..matching import content_words, names_match
from ..records import Claim, Contradiction

THRESHOLD = 0.75
"""The least similarity of two claims about the same proposition (see the module docstring)."""

POLARITY = {"CT+": 1, "PR+": 1, "CT-": -1, "PR-": -1}


@cache
def predicate_families(lang: str = DEFAULT_LANGUAGE) -> dict[str, frozenset[int]]:
    """For each lemma, the families of synonyms and converses it belongs to."""
    families: dict[str, set[int]] = {}
    for number, line in enumerate(read_lines(lang, "predicate_families")):
        for lemma in line.split():
            families.setdefault(lemma, set()).add(number)
    return {lemma: frozenset(numbers) for lemma, numbers in families.items()}


def predicates_agree(a: str | None, b: str | None) -> bool:
    """True when two predicate lemmas are equal or share a family."""
    if not a or not b:
        return False
    families = predicate_families(DEFAULT_LANGUAGE)
    return a == b or bool(families.get(a, frozenset()) & families.get(b, frozenset()))


def predicate_keys(lemma: str | None) -> tuple[str, ...]:
    """Keys under which claims with this predicate are compared: the lemma and its families."""
    if not lemma:
        return ()
    return (lemma, *(f"family:{n}" for n in sorted(predicate_families(DEFAULT_LANGUAGE).get(lemma, ()))))



def shared_arguments(a: Claim, b: Claim) -> list[str]:
    """The arguments of `a` that `b` shares (names matched as speakers are: "Poetin" ~ "Vladimir Poetin")."""
    return [arg for arg in a.arguments if any(names_match(arg, other) for other in b.arguments)]


def similarity(a: Claim, b: Claim) -> tuple[float, list[str]]:
    """How likely two claims state the same proposition (0 to 1), and the arguments they share.

    The mean of predicate agreement (0 or 1) and argument overlap: the shared share of the smaller
    argument set, halved when the predicate is the very same and each claim names a participant the
    other lacks ("de trein haalt …" / "de bus haalt …": one role, filled differently).
    """
    shared = shared_arguments(a, b)
    smaller = min(len(a.arguments), len(b.arguments))
    overlap = min(1.0, len(shared) / smaller) if smaller else 0.0
    if a.predicate == b.predicate and _each_names_another(a, b, shared):
        overlap /= 2
    return (float(predicates_agree(a.predicate, b.predicate)) + overlap) / 2, shared


def _each_names_another(a: Claim, b: Claim, shared: list[str]) -> bool:
    only_b = [arg for arg in b.arguments if not any(names_match(arg, other) for other in a.arguments)]
    return len(shared) < len(a.arguments) and bool(only_b)


def incompatible(a: Claim, b: Claim) -> bool:
    """True when one claim holds what the other denies."""
    return POLARITY.get(a.factuality, 0) * POLARITY.get(b.factuality, 0) == -1


def same_source(a: Claim, b: Claim) -> bool:
    """True when two claims of one article come from the same source (the author, or a named one)."""
    if a.source is None or b.source is None:
        return a.source is None and b.source is None
    return names_match(a.source, b.source)


@dataclass(frozen=True)
class Pairing:
    """Two claims found to contradict each other, with the evidence of the pairing."""

    claim_a: Claim
    claim_b: Claim
    score: float
    shared: tuple[str, ...]

    @property
    def reason(self) -> str:
        """A one-line account: the predicates, who holds what, and the shared arguments."""
        a, b = self.claim_a, self.claim_b
        predicates = a.predicate if a.predicate == b.predicate else f"{a.predicate} ~ {b.predicate}"
        return (f"{predicates}: {a.source or 'unnamed source'} {a.factuality} vs "
                f"{b.source or 'unnamed source'} {b.factuality}; shared: {', '.join(self.shared) or 'nothing'}")

    def record(self) -> Contradiction:
        """The Contradiction record of this pairing, within one article."""
        return Contradiction(claim_a=self.claim_a.id, claim_b=self.claim_b.id, reason=self.reason,
                             score=round(self.score, 3))


def _bucket_keys(claim: Claim) -> tuple[tuple[str, str], ...]:
    """The (predicate key, argument word) buckets a claim with a polarity falls in; none for one without."""
    if claim.factuality not in POLARITY:
        return ()
    return _buckets_of(claim.predicate, tuple(claim.arguments))


@lru_cache(maxsize=65536)
def _buckets_of(predicate: str | None, arguments: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The buckets of a predicate and its arguments (claims across a story repeat them: kept)."""
    words = sorted({word for argument in arguments for word in content_words(argument)})
    return tuple((key, word) for key in predicate_keys(predicate) for word in words)


def candidate_pairs(claims: Iterable[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Pairs of claims that share a predicate key and an argument word: the only ones worth scoring."""
    buckets: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        for key in _bucket_keys(claim):
            buckets.setdefault(key, []).append(claim)
    seen: set[tuple[int, int]] = set()
    for bucket in buckets.values():
        for a, b in combinations(bucket, 2):
            key = (id(a), id(b)) if id(a) < id(b) else (id(b), id(a))
            if key not in seen:
                seen.add(key)
                yield a, b


def candidate_pairs_between(new: Iterable[Claim], earlier: Iterable[Claim],
                            per_claim: int | None = None) -> Iterator[tuple[Claim, Claim]]:
    """The candidate pairs of one claim of `earlier` and one of `new` (earlier first), each once, and
    for each new claim only the first `per_claim` of `earlier` when given: the work grows with the
    claims, not with their pairs."""
    buckets: dict[tuple[str, str], list[Claim]] = {}
    for claim in earlier:
        for key in _bucket_keys(claim):
            buckets.setdefault(key, []).append(claim)
    for claim in new:
        seen: set[int] = set()
        for other in islice(_bucket_mates(claim, buckets, seen), per_claim):
            yield other, claim


def _bucket_mates(claim: Claim, buckets: dict[tuple[str, str], list[Claim]], seen: set[int]) -> Iterator[Claim]:
    """The claims that share a bucket with `claim`, each once."""
    for key in _bucket_keys(claim):
        for other in buckets.get(key, ()):
            if id(other) not in seen:
                seen.add(id(other))
                yield other


def pair(a: Claim, b: Claim, threshold: float = THRESHOLD) -> Pairing | None:
    """The Pairing of two claims when they are about the same proposition and disagree."""
    if not incompatible(a, b):
        return None
    score, shared = similarity(a, b)
    return Pairing(a, b, score, tuple(shared)) if score >= threshold else None


def contradictions_within(claims: list[Claim], threshold: float = THRESHOLD) -> list[Pairing]:
    """The contradictions among the claims of one article, between different sources."""
    found = [
        pairing for a, b in candidate_pairs(claims)
        if not same_source(a, b) and (pairing := pair(a, b, threshold)) is not None
    ]
    return sorted(found, key=lambda p: (p.claim_a.id, p.claim_b.id))


@Language.component("kroniek_contradictions", requires=["doc._.claims"], assigns=["doc._.contradictions"])
def find_contradictions(doc: Doc) -> Doc:
    """Pair the claims of the article that state the same proposition with incompatible factuality."""
    pairings = contradictions_within(doc._.claims or [])
    doc._.contradictions = [p.record() for p in pairings]
    return doc
