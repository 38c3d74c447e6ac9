"""The `--db` option of every command over the store: a SQLite file or a postgresql:// URL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

DB_HELP = "The store: a SQLite file, or a PostgreSQL database as postgresql://user@host/db."


class StoreTarget(click.ParamType):
    """A store's place: a postgresql:// (or postgres://) URL as given, else a file path that must
    exist when `exists` (a usage error, exit code 2, when it does not)."""

    name = "store"

    def __init__(self, exists: bool = True):
        self.path = click.Path(exists=exists, dir_okay=False)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from .store import is_database_url

        return str(value) if is_database_url(str(value)) else str(self.path.convert(value, param, ctx))


def db_option(exists: bool = True, help: str = DB_HELP) -> Callable[[F], F]:
    """The required `--db` option, passed to the command as `db_path`."""
    return click.option("--db", "db_path", required=True, type=StoreTarget(exists), help=help)
