"""The HTTP API and the browser UI over a Kroniek store (`kroniek serve`; needs the `web` extra).

    >>> from kroniek.web import create_app
    >>> app = create_app("kroniek.db")   # an ASGI app: uvicorn, or FastAPI's TestClient
"""

from .app import create_app

__all__ = ["create_app"]
