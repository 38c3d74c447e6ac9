"""A feed and a web archive give the same records through `kroniek ingest` and through `kroniek spark`,
near-duplicates included."""

from __future__ import annotations

import pyarrow.parquet as pq
from click.testing import CliRunner

from kroniek.cli import cli
from kroniek.store import open_store
from tests.webfixtures import VEER, WIRE, feed_and_warc


def test_ingest_and_spark_store_the_same_articles_and_quotes(spark, tmp_path):
    inputs, db, output = feed_and_warc(tmp_path), tmp_path / "nieuws.db", tmp_path / "parquet"
    runner = CliRunner()
    runner.invoke(cli, ["ingest", *inputs, "--db", str(db)])
    result = runner.invoke(cli, ["spark", *inputs, "--output", str(output), "--master", "local[1]"])
    assert "near-duplicates 1" in result.output, result.output
    with open_store(db) as store:
        stored = {(a.source, a.title, a.text): len(a.quotes) for a in store.articles()}
    articles = pq.read_table(output / "articles").to_pylist()
    quotes = pq.read_table(output / "quotes").to_pylist() if (output / "quotes").exists() else []
    written = {(a["source"], a["title"], a["text"]): sum(q["article_id"] == a["article_id"] for q in quotes)
               for a in articles}
    assert len(stored) == 3 and written == stored
    (link,) = pq.read_table(output / "duplicates").to_pylist()
    assert link["source"] == WIRE and link["duplicate_of"] in {a["content_hash"] for a in articles if a["source"] == VEER}
