"""A throwaway PostgreSQL server for the tests, started from Debian's binaries in a temporary folder.

It listens only on a unix socket in that folder (no port to collide with), trusts local
connections, and skips fsync: it holds test data only. PostgreSQL refuses to run as root, so as
root the server runs as the `postgres` user that Debian's package creates, in a folder it owns.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

BINARIES = "/usr/lib/postgresql/*/bin"
SERVER_USER = "postgres"


class Unavailable(Exception):
    """No server can be started here; the message says why (a test skips with it)."""


def _binaries() -> Path:
    """The folder of the newest installed PostgreSQL's initdb and pg_ctl."""
    found = sorted(glob.glob(f"{BINARIES}/initdb"), key=lambda path: int(Path(path).parts[-3]))
    if not found:
        raise Unavailable(f"no PostgreSQL server binaries ({BINARIES}/initdb): install Debian's postgresql package "
                          "(scripts/install.sh does, as root)")
    return Path(found[-1]).parent


def _as_server_user() -> list[str]:
    """The prefix that runs a command as a user PostgreSQL accepts: root hands over to `postgres`."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError as error:
        raise Unavailable(f"running as root, and there is no '{SERVER_USER}' user to run PostgreSQL as") from error
    return ["runuser", "-u", SERVER_USER, "--"]


@dataclass
class Server:
    """A running server: its folder (data, socket, log) and how to reach it."""

    folder: Path
    binaries: Path
    prefix: list[str]

    def url(self, database: str = "postgres") -> str:
        """The postgresql:// URL of one of the server's databases, through the unix socket."""
        return f"postgresql://{SERVER_USER}@/{database}?host={self.folder}"

    def new_database(self) -> str:
        """A new, empty database; its URL."""
        import psycopg

        name = f"k_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def _pg_ctl(self, *args: str) -> None:
        subprocess.run([*self.prefix, str(self.binaries / "pg_ctl"), "-D", str(self.folder / "data"), *args],
                       check=True, capture_output=True, timeout=60)

    def stop(self) -> None:
        """Stop the server at once and remove its folder."""
        try:
            self._pg_ctl("stop", "-m", "immediate")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def start() -> Server:
    """Initialise a cluster in a new temporary folder and start a server on a socket inside it."""
    binaries, prefix = _binaries(), _as_server_user()
    folder = Path(tempfile.mkdtemp(prefix="kroniek-pg-"))
    if prefix:
        shutil.chown(folder, SERVER_USER, SERVER_USER)
    server = Server(folder, binaries, prefix)
    init = [*prefix, str(binaries / "initdb"), "-D", str(folder / "data"), "-U", SERVER_USER, "--auth=trust",
            "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]
    try:
        subprocess.run(init, check=True, capture_output=True, timeout=120)
        options = f"-c listen_addresses='' -k {folder} -F -c full_page_writes=off -c max_connections=50"
        server._pg_ctl("start", "-w", "-l", str(folder / "server.log"), "-o", options)
    except subprocess.CalledProcessError as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise Unavailable(f"PostgreSQL did not start: {error.stderr.decode(errors='replace').strip()}") from error
    return server
