"""serve: the HTTP API and the web page over the store."""

from __future__ import annotations

import typer

from .output import err
from .state import app_state


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)


def serve_cmd(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    db: str = typer.Option(None, "--db", help="Store to serve (default: the global --db / DATELINE_DB)."),
    write_token: str = typer.Option(None, "--write-token", envvar="DATELINE_WRITE_TOKEN",
                                    help="Accept POST /api/articles from clients that send this bearer token; "
                                         "without one the server is read-only."),
) -> None:
    """Serve the API under /api, the web page at / and OpenAPI at /openapi.json."""
    from pathlib import Path

    import uvicorn

    from ..serve import create_app
    from ..store import open_store

    settings = app_state.get()
    where = db or settings.db
    if "://" not in where and where != ":memory:" and not Path(where).exists() and not write_token:
        err.print(f"no store at {where}: run `dateline ingest` or `dateline demo` first")
        raise typer.Exit(2)
    store = open_store(where, read_only=not write_token)
    app = create_app(store, write_token=write_token, model=settings.model, max_bytes=settings.max_bytes)
    err.print(f"serving {where} on http://{host}:{port}/ ({'writes need the token' if write_token else 'read-only'})")
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    finally:
        store.close()
