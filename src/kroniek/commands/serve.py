"""`kroniek serve`: the browser UI and the JSON API over a store, on 127.0.0.1 unless told otherwise.

Port 0 picks a free port; the URL the server bound is printed on stdout either way.
"""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import click

from ..errors import KroniekError
from ..store_option import DB_HELP, db_option


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on `host:port` (port 0: a free one), ready for uvicorn."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise KroniekError(f"cannot listen on {host}:{port}: {error.strerror}; try another --port, or 0") from error
    sock.listen(128)
    return sock


def url_of(sock: socket.socket) -> str:
    """The http URL a bound socket answers on."""
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
"""The names a server on a loopback address answers to."""


MAX_CONNECTIONS_AND_TASKS = 256
"""Past this many open connections plus running requests uvicorn answers 503: room for a newsroom of
readers (each open connection and its request count twice), a bound against a flood.
benchmarks/serve_load.py measured 64 to refuse 7 % of the requests of 50 clients."""


def server(db: str | Path, write_token: str | None = None, host: str = "127.0.0.1", log_level: str = "warning"):
    """A uvicorn Server for the store at `db` (a file or a postgresql:// URL) that will listen on `host`; run it with
    `server.run(sockets=[bind(host, port)])`. On a loopback address it answers only to loopback names."""
    try:
        import uvicorn

        from ..web import create_app
    except ImportError as error:
        raise KroniekError(f"kroniek serve needs the web extra: pip install 'kroniek[web]' ({error.name} is missing)") from error
    hosts = (*LOOPBACK_NAMES, host) if _is_loopback(host) else None
    config = uvicorn.Config(create_app(db, write_token, hosts), log_level=log_level, server_header=False,
                            limit_concurrency=MAX_CONNECTIONS_AND_TASKS, timeout_keep_alive=5)
    return uvicorn.Server(config)


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


@click.command("serve")
@db_option(help=f"{DB_HELP} Served read-only unless a write token is set.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="0 picks a free port.")
@click.option("--write-token", envvar="KRONIEK_WRITE_TOKEN", default=None,
              help="Allow POST /api/articles with 'Authorization: Bearer TOKEN' (or set KRONIEK_WRITE_TOKEN).")
def command(db_path: str, host: str, port: int, write_token: str | None) -> None:
    """Serve the browser UI and the JSON API over a store, until Ctrl-C."""
    app_server = server(db_path, write_token, host)
    sock = bind(host, port)
    if not _is_loopback(host):
        click.echo(f"warning: listening on {host}, reachable from other machines", err=True)
    click.echo(url_of(sock))
    app_server.run(sockets=[sock])
