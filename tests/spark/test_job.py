"""`kroniek spark` in local mode: a folder of Dutch texts becomes Parquet datasets; a second run adds nothing."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from kroniek.cli import cli

from .texts import write_collection


def _run(inputs: Path, output: Path):
    return CliRunner().invoke(cli, ["spark", str(inputs), "--output", str(output), "--master", "local[1]"])


def _files(output: Path) -> set[Path]:
    return {path for path in output.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def first_run(spark, tmp_path_factory):
    """The collection, the output folder and the result of the first run over it."""
    folder = write_collection(tmp_path_factory.mktemp("nieuws"))
    output = tmp_path_factory.mktemp("uit")
    return folder, output, _run(folder, output)


def test_a_run_writes_articles_layers_and_typed_skips(first_run):
    _, output, result = first_run
    assert result.exit_code == 1, result.output
    assert "read 5, stored 3, already present 1, near-duplicates 0, skipped 1 (binary file: 1)" in result.output
    articles = pq.read_table(output / "articles").to_pylist()
    assert sorted((a["month"], a["title"] or a["name"][:9]) for a in articles) == [
        ("2024-02", "Staking bij de bus"), ("unknown", "De havenb"), ("unknown", "Dijkversterking")]
    quotes = pq.read_table(output / "quotes").to_pylist()
    haven = next(a["article_id"] for a in articles if a["name"].startswith("De havenbaas"))
    assert any(q["article_id"] == haven and q["speaker"] == "Karin de Groot" and q["kind"] == "direct" for q in quotes)
    (skip,) = pq.read_table(output / "skipped").to_pylist()
    assert skip["source"].endswith("kapot.txt") and skip["reason"] == "binary file"


def test_a_second_run_over_the_same_input_adds_nothing(first_run):
    folder, output, _ = first_run
    before = _files(output)
    result = _run(folder, output)
    assert "read 5, stored 0, already present 4, near-duplicates 0, skipped 1" in result.output, result.output
    assert _files(output) == before
