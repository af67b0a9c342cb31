"""`dateline serve`: the HTTP API and the web page over a store (FastAPI + uvicorn)."""

from .app import create_app

__all__ = ["create_app"]
