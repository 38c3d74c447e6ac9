"""The near-duplicate threshold, measured on hand-labelled pairs (issue 17, part 2).

    python benchmarks/near_duplicates.py

Reads benchmarks/data/near_duplicates.json: Dutch reports written for Kroniek, and pairs of them
labelled duplicate or not by hand (exact copies, wire copies with another headline and byline,
updates with a paragraph added or a figure changed: duplicates; another article on the same story
and unrelated articles: not). For each threshold it indexes the first text of every pair as
ingest does and asks whether the second matches; it prints precision, recall and F1, the
similarities by kind of pair, the best threshold (the middle of the thresholds that tie on the
best F1) and what a signature costs per article.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path

from kroniek.ingest.neardup import NearDuplicateIndex, signature, similarity

DATA = Path(__file__).resolve().parent / "data" / "near_duplicates.json"
THRESHOLDS = [round(0.05 * n, 2) for n in range(2, 20)]


def _scores(pairs: list[dict], signatures: dict, threshold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 of the index at `threshold` on the labelled pairs."""
    tp = fp = fn = 0
    for pair in pairs:
        index = NearDuplicateIndex(threshold)
        index.add(pair["a"], signatures[pair["a"]])
        found = index.match(signatures[pair["b"]]) is not None
        tp += found and pair["duplicate"]
        fp += found and not pair["duplicate"]
        fn += not found and pair["duplicate"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _by_kind(pairs: list[dict], signatures: dict) -> None:
    """The range of estimated similarities for each kind of pair."""
    kinds: dict[str, list[float]] = defaultdict(list)
    for pair in pairs:
        kinds[f"{pair['kind']} ({'dup' if pair['duplicate'] else 'not'})"].append(
            similarity(signatures[pair["a"]], signatures[pair["b"]]))
    print(f"\n{'kind of pair':52} {'n':>3} {'min':>6} {'max':>6}")
    for kind, values in sorted(kinds.items(), key=lambda item: -min(item[1])):
        print(f"{kind:52} {len(values):3d} {min(values):6.3f} {max(values):6.3f}")


def _cost(texts: list[str], rounds: int = 20) -> float:
    """Milliseconds a signature costs per article, and the article's mean length in words."""
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            signature(text)
    return 1000 * (time.perf_counter() - start) / (rounds * len(texts))


def main() -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    pairs, texts = data["pairs"], data["articles"]
    signatures = {key: signature(text) for key, text in texts.items()}
    print(f"{len(pairs)} pairs ({sum(p['duplicate'] for p in pairs)} duplicates)\n")
    print(f"{'threshold':>9} {'precision':>9} {'recall':>7} {'F1':>6}")
    results = {threshold: _scores(pairs, signatures, threshold) for threshold in THRESHOLDS}
    for threshold, (precision, recall, f1) in results.items():
        print(f"{threshold:9.2f} {precision:9.3f} {recall:7.3f} {f1:6.3f}")
    best_f1 = max(f1 for _, _, f1 in results.values())
    tied = [threshold for threshold, (_, _, f1) in results.items() if f1 == best_f1]
    chosen = tied[len(tied) // 2]
    precision, recall, _ = results[chosen]
    print(f"\nbest: threshold {chosen} (F1 {best_f1:.3f} from {tied[0]} to {tied[-1]}), "
          f"precision {precision:.3f}, recall {recall:.3f}")
    _by_kind(pairs, signatures)
    words = sum(len(text.split()) for text in texts.values()) / len(texts)
    print(f"\na signature costs {_cost(list(texts.values())):.2f} ms per article of {words:.0f} words")


if __name__ == "__main__":
    main()
