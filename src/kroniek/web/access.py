"""Who may read and write the store, and the store each request gets: read-only unless the request
carries the write token the server was started with."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..store import Store, open_store

bearer = HTTPBearer(auto_error=False, description="The write token the server was started with.")


@dataclass(frozen=True)
class StoreAccess:
    """Where the store is (a SQLite file or a postgresql:// URL), and the token that allows writing
    to it (None: nobody may write)."""

    target: str | Path
    write_token: str | None = None

    def may_write(self, credentials: HTTPAuthorizationCredentials | None) -> bool:
        given = credentials.credentials if credentials else ""
        return self.write_token is not None and secrets.compare_digest(given.encode(), self.write_token.encode())


def reading_store(request: Request) -> Iterator[Store]:
    """A read-only store for one request."""
    store = open_store(request.app.state.access.target, read_only=True)
    try:
        yield store
    finally:
        store.close()


def writing_store(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> Iterator[Store]:
    """A writable store for one request that carries the write token; 403 or 401 otherwise."""
    access: StoreAccess = request.app.state.access
    if access.write_token is None:
        raise HTTPException(403, "this server is read-only: start it with a write token to add articles")
    if not access.may_write(credentials):
        raise HTTPException(401, "a valid write token is needed: send 'Authorization: Bearer TOKEN'")
    store = open_store(access.target)
    try:
        yield store
    finally:
        store.close()
