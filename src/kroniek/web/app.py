"""The app factory: `create_app(store_path, write_token=None)` builds the HTTP API and the browser UI.

Every request opens the store read-only for its own use; only a request that carries the write
token (when the server was started with one) opens it for writing.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Union
from urllib.parse import quote

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from .. import __version__
from ..store import Store, open_store
from .errors import install_error_handlers
from .guard import Guard

HERE = Path(__file__).parent
MAX_BODY_BYTES = 2 * 1024 * 1024
"""The largest request body the server reads."""

bearer = HTTPBearer(auto_error=False, description="The write token the server was started with.")


@dataclass(frozen=True)
class StoreAccess:
    """Where the store is, and the token that allows writing to it (None: nobody may write)."""

    path: Path
    write_token: Optional[str] = None

    def may_write(self, credentials: Optional[HTTPAuthorizationCredentials]) -> bool:
        given = credentials.credentials if credentials else ""
        return self.write_token is not None and secrets.compare_digest(given.encode(), self.write_token.encode())


def reading_store(request: Request) -> Iterator[Store]:
    """A read-only store for one request."""
    store = open_store(request.app.state.access.path, read_only=True)
    try:
        yield store
    finally:
        store.close()


def writing_store(request: Request, credentials=Depends(bearer)) -> Iterator[Store]:
    """A writable store for one request that carries the write token; 403 or 401 otherwise."""
    access: StoreAccess = request.app.state.access
    if access.write_token is None:
        raise HTTPException(403, "this server is read-only: start it with a write token to add articles")
    if not access.may_write(credentials):
        raise HTTPException(401, "a valid write token is needed: send 'Authorization: Bearer TOKEN'")
    store = open_store(access.path)
    try:
        yield store
    finally:
        store.close()


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals["version"] = __version__
    templates.env.filters["segment"] = lambda value: quote(str(value), safe="")
    return templates


def create_app(store_path: Union[str, Path], write_token: Optional[str] = None) -> FastAPI:
    """The Kroniek web app over the store at `store_path` (which must exist)."""
    from . import api, pages

    path = Path(store_path)
    open_store(path, read_only=True).close()
    app = FastAPI(
        title="Kroniek", version=__version__, docs_url=None, redoc_url=None,
        description="Who said what, who did what to whom, where and when, and how sure each source is.",
    )
    app.state.access = StoreAccess(path, write_token or None)
    app.state.templates = _templates()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    install_error_handlers(app)
    app.add_middleware(Guard, max_bytes=MAX_BODY_BYTES)
    return app
