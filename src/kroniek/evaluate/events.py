"""Scores events against gold, as gold-formats.md ("events") specifies.

A predicted event matches a gold one when their triggers overlap (one-to-one, greedy by overlap).
Over the matched pairs: type, agent, place, time and factuality accuracy; agents and places match
as speakers do (`names_match`), times by equal TIMEX3 value, null matching only null. Beside them,
what a reader is shown: `happened_precision`, the share of the matched events the system says
happened whose gold factuality is CT+, and the counts of system status by gold factuality.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from ..matching import any_overlap, match_spans, names_match
from ..records import Argument, Article, Event
from .gold import GoldDocument, GoldItem, read_gold, with_predictions
from .scoring import accuracy, match_layer

FIELDS = ("type", "agent", "place", "time", "factuality")


def _argument_text(argument: Argument | None) -> str | None:
    return argument.text if argument else None


def field_hits(gold: dict, event: Event) -> dict[str, bool]:
    """For one matched pair, whether each scored field agrees."""
    return {
        "type": gold.get("type") == event.type,
        "agent": names_match(gold.get("agent"), _argument_text(event.agent)),
        "place": names_match(gold.get("place"), _argument_text(event.place)),
        "time": gold.get("time") == event.time,
        "factuality": gold.get("factuality") == event.factuality,
    }


def matched_pairs(gold: list[GoldItem], events: list[Event]) -> list[tuple[GoldItem, Event]]:
    """Gold items and predicted events whose triggers overlap, one-to-one."""
    pairs = match_spans(
        [(g.start, g.end) for g in gold], [(e.trigger.start, e.trigger.end) for e in events], accept=any_overlap
    )
    return [(gold[gi], events[pi]) for gi, pi in pairs]


def _per_type(gold_types: list[str], pairs: list[tuple[GoldItem, Event]]) -> dict:
    """For each gold type: how many there are, the share found, and the share found with this type."""
    found, typed = defaultdict(int), defaultdict(int)
    for item, event in pairs:
        found[item.fields.get("type")] += 1
        typed[item.fields.get("type")] += item.fields.get("type") == event.type
    counts = defaultdict(int)
    for name in gold_types:
        counts[name] += 1
    return {
        name: {"n_gold": n, "recall": found[name] / n, "type_accuracy": typed[name] / max(found[name], 1)}
        for name, n in sorted(counts.items(), key=lambda kv: str(kv[0]))
    }


def status_by_gold_factuality(pairs: list[tuple[GoldItem, Event]]) -> dict[str, dict[str, int]]:
    """How many matched events have each system status, by gold factuality: {status: {factuality: n}}."""
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for item, event in pairs:
        table[str(event.status)][str(item.fields.get("factuality"))] += 1
    return {status: dict(sorted(row.items())) for status, row in sorted(table.items())}


def happened_precision(pairs: list[tuple[GoldItem, Event]]) -> float:
    """Of the matched events the system says happened, the share whose gold factuality is CT+."""
    return accuracy([item.fields.get("factuality") == "CT+" for item, event in pairs if event.status == "happened"])


def score(documents: Iterable[tuple[GoldDocument, Article]]) -> dict:
    """The event metrics over (gold document, predicted Article) pairs."""
    matches = match_layer(documents, "events", matched_pairs)
    pairs = matches.pairs
    gold_types = [item.fields.get("type") for item in matches.gold]
    hits = [field_hits(item.fields, event) for item, event in pairs]
    metrics = matches.content()
    for name in FIELDS:
        metrics[f"{name}_accuracy"] = accuracy([h[name] for h in hits])
    metrics["n_matched"] = len(pairs)
    metrics["happened_precision"] = happened_precision(pairs)
    metrics["status_by_gold_factuality"] = status_by_gold_factuality(pairs)
    metrics["per_type"] = _per_type(gold_types, pairs)
    return metrics


def evaluate(gold_path: Path, nlp) -> dict:
    """Run the pipeline over a gold file's documents and score their events."""
    return score(with_predictions(read_gold(gold_path, "events", "trigger"), nlp))
