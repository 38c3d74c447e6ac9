"""An ASGI guard around the whole app: trusted Host headers, bounded request bodies, safe response headers.

A body is read up to `max_bytes` before the app sees it; a longer one (or a longer declared
Content-Length) is answered 413 with the API's error body, whatever the route. When `hosts` is
given, a request for any other host name is answered 400: a web page elsewhere cannot reach a
server on 127.0.0.1 by pointing its own name there (DNS rebinding).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
     b"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]
"""Sent with every response: the pages load nothing but their own files, and never inline script."""


def host_name(header: str) -> str:
    """The host name of a Host header, without port or IPv6 brackets."""
    if header.startswith("[") and "]" in header:
        return header[1:header.index("]")].lower()
    return (header.rsplit(":", 1)[0] if header.count(":") == 1 else header).lower()


class Guard:
    """Refuses untrusted hosts and bodies over `max_bytes`; adds SECURITY_HEADERS to every response."""

    def __init__(self, app: ASGIApp, max_bytes: int, hosts: Iterable[str] | None = None) -> None:
        self.app, self.max_bytes = app, max_bytes
        self.hosts = None if hosts is None else frozenset(host_name(host) for host in hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope["headers"])
        if self.hosts is not None and host_name(headers.get(b"host", b"").decode("latin-1")) not in self.hosts:
            return await _refuse(send, 400, "this server answers only to its own host names")
        declared = headers.get(b"content-length", b"0")
        body = await self._read_body(receive) if declared.isdigit() and int(declared) <= self.max_bytes else None
        if body is None:
            return await _refuse(send, 413, f"request body over {self.max_bytes} bytes")
        await self.app(scope, self._replay(body, receive), self._with_headers(send))

    async def _read_body(self, receive: Receive) -> bytes | None:
        chunks: list[bytes] = []
        size, more = 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_bytes:
                return None
            more = message.get("more_body", False)
        return b"".join(chunks)

    @staticmethod
    def _replay(body: bytes, receive: Receive) -> Receive:
        sent = False

        async def replayed() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        return replayed

    @staticmethod
    def _with_headers(send: Send) -> Send:
        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        return sending


async def _refuse(send: Send, status: int, message: str) -> None:
    body = json.dumps({"ok": False, "error": message, "status": status}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})
