"""One local Spark session for all the Spark tests, or a skip that says what is missing."""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session")
def spark():
    """A local[1] Spark session, stopped after the last test; the tests are skipped without pyspark or Java."""
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'kroniek[spark]')")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime on PATH: Spark needs Java 17 or 21 (Debian: apt-get install default-jre-headless)")
    from kroniek.spark.job import session

    spark = session("local[1]")
    yield spark
    spark.stop()
