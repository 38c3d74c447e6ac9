"""What linking the corpus at ingest costs (issue 15): articles per second with and without it, and
whether its cost per article stays flat as the store grows.

    python benchmarks/corpus_linking.py [--articles 400]

Generated Dutch news (benchmarks/newsgen.py, one article a day) is analysed once; the analysed
articles are then stored in batches of 64 into a new SQLite store as `kroniek ingest` stores them,
once with `Store.add_batch` alone and once with `store_and_link` (entities linked, stories
assigned, contradictions between articles looked for). The generated articles share their few
names, so every article is a candidate for every other: the worst case for the bounded comparison.
Prints a table: seconds per stage, ingest rate with and without linking (analysis included) and
linking milliseconds per article over the first and the second half of the articles (whole batches).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from newsgen import articles as generate  # noqa: E402

from kroniek.analysis import analyze_documents  # noqa: E402
from kroniek.corpus.update import store_and_link  # noqa: E402
from kroniek.pipeline import load_pipeline  # noqa: E402
from kroniek.source import RawDocument  # noqa: E402
from kroniek.store import open_store  # noqa: E402

BATCH = 64
FIRST_DAY = dt.date(2025, 1, 1)


def _analysed(n_articles: int) -> tuple[list, float]:
    texts = generate(n_articles * 400, article_words=400)[:n_articles]
    documents = [RawDocument(text=text, id=f"bericht-{i}", published=FIRST_DAY + dt.timedelta(days=i))
                 for i, text in enumerate(texts)]
    nlp = load_pipeline()
    started = time.process_time()
    articles = [article for _, article in analyze_documents(documents, nlp)]
    return articles, time.process_time() - started


def _store(articles: list, path: Path, link: bool) -> tuple[float, list[tuple[float, int]]]:
    """CPU seconds to store `articles` in batches, and each batch's seconds and size."""
    per_batch = []
    with open_store(path) as store:
        for first in range(0, len(articles), BATCH):
            batch = articles[first:first + BATCH]
            started = time.process_time()
            store_and_link(store, batch) if link else store.add_batch(batch)
            per_batch.append((time.process_time() - started, len(batch)))
    return sum(seconds for seconds, _ in per_batch), per_batch


def _ms_per_article(batches: list[tuple[float, int]]) -> float:
    return 1000 * sum(seconds for seconds, _ in batches) / max(1, sum(size for _, size in batches))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=400)
    n = parser.parse_args().articles
    articles, analysis_s = _analysed(n)
    with tempfile.TemporaryDirectory() as folder:
        plain_s, _ = _store(articles, Path(folder) / "plain.db", link=False)
        linked_s, per_batch = _store(articles, Path(folder) / "linked.db", link=True)
        with open_store(Path(folder) / "linked.db") as store:
            counts = (store.corpus_entity_page().total, store.story_page().total, len(store.cross_contradictions()))
    half = max(1, len(per_batch) // 2)
    rows = [
        ("articles", f"{n}"),
        ("analysis, CPU s", f"{analysis_s:.1f}"),
        ("store, CPU s", f"{plain_s:.2f}"),
        ("store and link, CPU s", f"{linked_s:.2f}"),
        ("ingest without linking, articles/s", f"{n / (analysis_s + plain_s):.2f}"),
        ("ingest with linking, articles/s", f"{n / (analysis_s + linked_s):.2f}"),
        ("with / without (goal ≥ 0.80)", f"{(analysis_s + plain_s) / (analysis_s + linked_s):.3f}"),
        ("store and link, ms/article, first half", f"{_ms_per_article(per_batch[:half]):.1f}"),
        ("store and link, ms/article, second half", f"{_ms_per_article(per_batch[half:]):.1f}"),
        ("corpus entities, stories, contradictions", "{}, {}, {}".format(*counts)),
    ]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value:>12}")


if __name__ == "__main__":
    main()
