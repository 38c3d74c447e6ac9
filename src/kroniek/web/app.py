"""The app factory: `create_app(store_path, write_token=None)` builds the HTTP API and the browser UI."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from .. import __version__
from ..store import is_database_url, open_store
from . import api, pages
from .access import StoreAccess
from .errors import install_error_handlers
from .guard import Guard
from .views import headline

HERE = Path(__file__).parent
MAX_BODY_BYTES = 2 * 1024 * 1024
"""The largest request body the server reads."""


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals["version"] = __version__
    templates.env.filters["segment"] = lambda value: quote(str(value), safe="")
    templates.env.filters["headline"] = headline
    return templates


def create_app(store_path: str | Path, write_token: str | None = None,
               hosts: Iterable[str] | None = None) -> FastAPI:
    """The Kroniek web app over the store at `store_path`, a file or a postgresql:// URL (which must exist).

    `write_token` allows POST /api/articles to requests that bear it; `hosts` (None: any) are the
    only host names the app answers to.
    """
    target = store_path if is_database_url(store_path) else Path(store_path)
    open_store(target, read_only=True).close()
    app = FastAPI(
        title="Kroniek", version=__version__, docs_url=None, redoc_url=None,
        description="Who said what, who did what to whom, where and when, and how sure each source is.",
    )
    app.state.access = StoreAccess(target, write_token or None)
    app.state.templates = _templates()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    install_error_handlers(app)
    app.add_middleware(Guard, max_bytes=MAX_BODY_BYTES, hosts=hosts)
    return app
