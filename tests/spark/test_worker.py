"""What an executor runs, without Spark: files to typed items, and an article to rows that fit their datasets."""

from __future__ import annotations

import io
import json
import zipfile

from kroniek.analysis import analyze
from kroniek.records import LAYERS
from kroniek.source import RawDocument, Skipped
from kroniek.spark.tables import COLUMNS, article_tuple, layer_tuples
from kroniek.spark.worker import file_items, read_file

from .texts import BINARY, HAVEN, STAKING


def test_a_file_is_read_by_the_reader_of_its_suffix_and_vetted():
    line = json.dumps({"text": STAKING, "published": "2024-02-08"})
    (document,) = read_file("hdfs://nn/nieuws/a.jsonl", line.encode("utf-8"))
    assert isinstance(document, RawDocument) and document.language == "nl" and document.source == "hdfs://nn/nieuws/a.jsonl:1"


def test_an_archive_is_read_member_by_member_with_the_uri_in_each_source():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("regio/haven.txt", HAVEN)
        archive.writestr("bus.txt", STAKING)
    haven, bus = read_file("hdfs://nn/nieuws/week%201.zip", buffer.getvalue())
    assert haven.source == "hdfs://nn/nieuws/week%201.zip!regio/haven.txt" and isinstance(bus, RawDocument)


def test_what_cannot_be_read_is_a_typed_skip():
    (binary,) = read_file("file:/nieuws/kapot.txt", BINARY)
    (unknown,) = read_file("s3a://bak/nieuws/foto.jpg", b"\xff\xd8")
    assert isinstance(binary, Skipped) and binary.reason == "binary file"
    assert isinstance(unknown, Skipped) and (unknown.reason, unknown.detail) == ("unsupported format", "suffix '.jpg'")
    assert list(read_file("file:/nieuws/kroniek.db", b"SQLite format 3\x00")) == []


def test_item_rows_carry_a_hash_for_documents_and_a_reason_for_skips():
    rows = file_items(("file:/a.txt", bytearray(HAVEN.encode("utf-8")))) + file_items(("file:/b.txt", BINARY))
    (digest, source, payload, reason, _, origin), (no_digest, _, _, skip_reason, _, skip_origin) = rows
    assert len(digest) == 64 and source == "file:/a.txt" and RawDocument.model_validate_json(payload).text == HAVEN
    assert reason is None and no_digest is None and skip_reason == "binary file"
    assert (origin, skip_origin) == ("file:/a.txt\t000000000", "file:/b.txt\t000000000")


def test_every_row_fits_the_columns_of_its_dataset(nlp):
    article = analyze(HAVEN, nlp=nlp, id="haven")
    rows = [*layer_tuples(article), ("articles", article_tuple(article, "0" * 64))]
    assert {table for table, _ in rows} >= {"articles", "quotes", "claims", "entities"}
    assert all(len(row) == len(COLUMNS[table]) for table, row in rows)
    assert {row[0] for table, row in rows} == {"haven"} and set(LAYERS) < set(COLUMNS)
