"""Scores places against gold, as gold-formats.md ("places") specifies.

A predicted place matches a gold one when their spans overlap (one-to-one, greedy by overlap).
Over the matched pairs: `country_accuracy` (equal ISO codes) and `accuracy_50km`: the predicted
point lies within 50 km of the gold point, or, when the gold place is a country or larger (a
continent, a sea: gold without a country), the prediction names the same country. A gold place
without a country matches only a resolved prediction without one, never an unresolved mention.
`per_scale` splits the matched pairs into countries-or-larger and smaller places.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..geo import distance_km, load_gazetteer
from ..lang import DEFAULT_LANGUAGE
from ..matching import any_overlap, match_spans
from ..records import Article, Place
from .gold import GoldDocument, GoldItem, read_gold, with_predictions
from .scoring import accuracy, match_layer

WITHIN_KM = 50.0
LARGE_KINDS = frozenset(("country", "continent"))


def same_country(gold: str | None, place: Place) -> bool:
    """Equal country codes; a gold place without a country matches only a resolved one without."""
    if gold is None:
        return place.resolved and place.country is None
    return (place.country or "").upper() == gold.upper()


def is_country_or_larger(item: GoldItem) -> bool:
    """True for a gold country, continent or other place without a country."""
    country = item.fields.get("country")
    if country is None:
        return True
    name = item.fields.get("name") or item.fields["text"]
    return any(c.kind in LARGE_KINDS and c.country == country for c in load_gazetteer(DEFAULT_LANGUAGE).lookup(name))


def within_reach(item: GoldItem, place: Place) -> bool:
    """The predicted place is where the gold one is: same country for large places, else ≤ 50 km."""
    if is_country_or_larger(item):
        return same_country(item.fields.get("country"), place)
    lat, lon = item.fields.get("lat"), item.fields.get("lon")
    if lat is None or lon is None or place.lat is None or place.lon is None:
        return lat is None and lon is None and not place.resolved
    return distance_km(float(lat), float(lon), place.lat, place.lon) <= WITHIN_KM


def matched_pairs(gold: list[GoldItem], places: list[Place]) -> list[tuple[GoldItem, Place]]:
    """Gold items and predicted places whose spans overlap, one-to-one."""
    pairs = match_spans([(g.start, g.end) for g in gold], [(p.start, p.end) for p in places], accept=any_overlap)
    return [(gold[gi], places[pi]) for gi, pi in pairs]


def _per_scale(pairs: list[tuple[GoldItem, Place]]) -> dict:
    scales: dict[str, list[bool]] = {"country_or_larger": [], "smaller": []}
    for item, place in pairs:
        scales["country_or_larger" if is_country_or_larger(item) else "smaller"].append(within_reach(item, place))
    return {scale: {"accuracy_50km": accuracy(hits), "n": len(hits)} for scale, hits in scales.items()}


def score(documents: Iterable[tuple[GoldDocument, Article]]) -> dict:
    """The place metrics over (gold document, predicted Article) pairs."""
    matches = match_layer(documents, "places", matched_pairs)
    pairs = matches.pairs
    metrics = matches.content()
    metrics["country_accuracy"] = accuracy([same_country(item.fields.get("country"), p) for item, p in pairs])
    metrics["accuracy_50km"] = accuracy([within_reach(item, p) for item, p in pairs])
    metrics["per_scale"] = _per_scale(pairs)
    metrics["n_matched"] = len(pairs)
    return metrics


def evaluate(gold_path: Path, nlp) -> dict:
    """Run the pipeline over a gold file's documents and score their places."""
    return score(with_predictions(read_gold(gold_path, "places", "text"), nlp))
