"""The application: the API under /api, the page at /, its scripts and styles under /static (all from the
package, so it works offline), OpenAPI at /openapi.json."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from .backend import Backend
from .errors import install_handlers

STATIC = Path(str(resources.files("dateline.serve") / "static"))

# The page loads nothing from elsewhere and runs no inline script: data that slipped into markup could not run.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def create_app(store: Any, *, write_token: str | None = None, model: str = "", nlp: Any = None,
               max_bytes: int = 10 * 1024 * 1024) -> FastAPI:
    """An app over an open store. With ``write_token`` it accepts POST /api/articles from whoever sends it."""
    from .api import router

    app = FastAPI(title="Dateline", version="1", summary="Who did what to whom, when and where: "
                  "articles, events, actors, quotes and places read from news, with their evidence.",
                  docs_url=None, redoc_url=None)
    app.state.backend = Backend(store=store, write_token=write_token or None, model=model, nlp=nlp,
                                max_bytes=max_bytes)
    install_handlers(app)
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.middleware("http")
    async def headers(request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    return app
