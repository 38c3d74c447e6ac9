"""One error shape everywhere: `{"ok": false, "error": "...", "status": N}` from the API, and the same
message on an HTML page for the browser. Kroniek's own errors (a bad search, say) are 400s; anything
unforeseen is a 500 whose details stay in the server's log.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from ..errors import KroniekError
from .models import ErrorBody

log = logging.getLogger("kroniek.web")

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 401, 403, 404, 413, 422, 500)
}
"""The error responses every API route declares in the OpenAPI schema."""


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/openapi")) or "text/html" not in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str) -> Response:
    """The error body as JSON for the API and for clients that do not ask for HTML, else an HTML page."""
    if _wants_json(request):
        return JSONResponse(ErrorBody(error=message, status=status).model_dump(), status_code=status)
    templates = request.app.state.templates
    page: Response = templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                                status_code=status)
    return page


def _validation_message(error: RequestValidationError) -> str:
    first = error.errors()[0] if error.errors() else {}
    where = ".".join(str(part) for part in first.get("loc", ()))
    return f"{where}: {first.get('msg', 'invalid request')}" if where else first.get("msg", "invalid request")


def install_error_handlers(app: FastAPI) -> None:
    """Make every error of `app` answer in the one error shape."""

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        return error_response(request, error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        return error_response(request, 422, _validation_message(error))

    @app.exception_handler(KroniekError)
    async def kroniek_error(request: Request, error: KroniekError) -> Response:
        return error_response(request, 400, str(error))

    @app.exception_handler(Exception)
    async def unforeseen(request: Request, error: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "internal error; the server's log has the details")
