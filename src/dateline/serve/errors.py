"""One error shape for every error the API gives: ``{"error": {"code", "message", "details"}}``.

Handlers turn FastAPI's validation errors, Starlette's HTTP errors (404 for an unknown route, 405 ...) and
any unexpected exception into that shape; no traceback ever reaches a client."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..store import StoreBusy, StoreError

log = logging.getLogger("dateline.serve")


class ApiError(Exception):
    """An error a client caused (or may retry): status, a code in a word, a message for people."""

    def __init__(self, status: int, code: str, message: str, details: dict[str, Any] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or {}


class ErrorDetail(BaseModel):
    code: str
    message: str
    details: dict[str, Any] = {}


class ErrorResponse(BaseModel):
    """What every 4xx and 5xx answer carries."""

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "Malformed or invalid parameters or body"},
    404: {"model": ErrorResponse, "description": "No such id"},
    500: {"model": ErrorResponse, "description": "Internal error (no traceback is sent)"},
    503: {"model": ErrorResponse, "description": "The store is busy or unreachable; try again"},
}
WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERROR_RESPONSES,
    401: {"model": ErrorResponse, "description": "Missing or wrong write token, or a read-only server"},
    413: {"model": ErrorResponse, "description": "Body over the size limit"},
    415: {"model": ErrorResponse, "description": "Body is not JSON"},
}

_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type"}


def error_response(status: int, code: str, message: str, details: dict[str, Any] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, "details": details or {}}},
                        status_code=status, headers=headers)


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    """FastAPI's error list without its context objects (exceptions are not JSON)."""
    out = []
    for e in exc.errors():
        loc = [str(x) for x in e.get("loc", ())]
        where = loc[0] if loc else ""
        out.append({"in": where, "name": ".".join(loc[1:]), "message": str(e.get("msg", "")),
                    "type": str(e.get("type", ""))})
    return out


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error_response(exc.status, exc.code, exc.message, exc.details, headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = _validation_details(exc)
        first = problems[0] if problems else {"name": "", "message": "invalid request"}
        return error_response(400, "invalid_parameter", f"{first['name'] or 'request'}: {first['message']}",
                              {"errors": problems})

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "error")
        return error_response(exc.status_code, code, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> JSONResponse:
        # busy (another process writes the DuckDB file past the wait) or unreachable: worth a retry
        log.warning("store unavailable on %s %s: %s", request.method, request.url.path, exc)
        busy = isinstance(exc, StoreBusy)
        return error_response(503, "store_busy" if busy else "store_unavailable",
                              "the store is busy; try again shortly" if busy else "the store cannot be reached",
                              headers={"Retry-After": "5"})

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # logged here with its traceback for the operator; the client gets the shape and nothing more
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "internal", "internal error; the server log has the details")
