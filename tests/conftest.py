"""Shared fixtures: where the repository and ../shared are, and Dutch articles written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = SHARED / "samples" / "000_bfe692d93af7d8e8.txt"


def needs_shared(path: Path) -> Path:
    """`path` under ../shared, or skip the test when it is absent."""
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared is absent)")
    return path


def assert_floors(metrics: dict, floors: dict, where: str = "") -> None:
    """Every metric named in `floors` stays at or above its floor (floors CI may raise, never lower)."""
    for key, floor in floors.items():
        assert metrics[key] >= floor, f"{where}{key} {metrics[key]:.3f} fell below its floor {floor}"


@pytest.fixture(scope="session")
def nlp():
    """The shared Dutch pipeline, loaded once."""
    from kroniek.pipeline import load_pipeline

    return load_pipeline("nl")


@pytest.fixture(scope="session")
def blank_nlp():
    """A blank Dutch pipeline with Kroniek's tokenizer and sentence splitter, no trained model."""
    from kroniek.pipeline import blank_pipeline

    return blank_pipeline("nl")


@pytest.fixture(scope="session")
def sample_path() -> Path:
    """The sample Dutch news report from ../shared."""
    return needs_shared(SAMPLE)


@pytest.fixture(scope="session")
def postgres_server():
    """One PostgreSQL server for the whole test session (see tests/postgres_server.py), stopped at
    the end; the tests that use it skip, saying why, where none can be started."""
    pytest.importorskip("psycopg", reason="psycopg is not installed: pip install 'kroniek[postgres]'")
    from .postgres_server import Unavailable, start

    try:
        server = start()
    except Unavailable as why:
        pytest.skip(str(why))
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """The postgresql:// URL of a new, empty database of the session's server."""
    return postgres_server.new_database()
