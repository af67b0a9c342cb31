"""POST /api/articles: read a JSON body into articles, analyse them and store them.

The body is read in chunks up to the size limit, so a 50 MB body is refused after the first 10 MB, not
held in memory. Every article is checked before anything is analysed: one bad record refuses the
request and nothing is stored."""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request

from .backend import Backend
from .errors import ApiError

MAX_ARTICLES = 100  # in one request; larger batches belong to `dateline ingest` / `dateline run`

# The JSON an article is posted as: the fields of a JSONL input line (README, Inputs); others go to meta.
ARTICLE_IN: dict[str, Any] = {
    "type": "object", "required": ["text"],
    "properties": {
        "text": {"type": "string", "description": "Body text, one paragraph per line."},
        "title": {"type": "string"}, "standfirst": {"type": "string"},
        "published": {"type": "string", "description": "ISO date or date-time (needed)."},
        "source": {"type": "string"}, "url": {"type": "string"}, "author": {"type": "string"},
        "language": {"type": "string"}, "meta": {"type": "object"},
    },
}


async def read_body(request: Request, max_bytes: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise ApiError(400, "bad_request", "Content-Length is not a number")
        if int(declared) > max_bytes:
            raise ApiError(413, "too_large", f"the body is {declared} bytes; the limit is {max_bytes}",
                           {"limit": max_bytes})
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise ApiError(413, "too_large", f"the body is over the limit of {max_bytes} bytes", {"limit": max_bytes})
        chunks.append(chunk)
    return b"".join(chunks)


def parse_articles(body: bytes, content_type: str | None) -> list:
    """Articles from ``{"title", "text", "published", "source", "url", ...}`` or a list of such objects."""
    from ..ingest.article import Defaults, ItemFailure
    from ..ingest.formats import article_from_record

    if content_type and "json" not in content_type.split(";")[0].lower():
        raise ApiError(415, "unsupported_media_type", "send the article as application/json")
    if not body.strip():
        raise ApiError(400, "not_an_article", "the body is empty; send a JSON object with at least "
                       "'text' and 'published'")
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ApiError(400, "bad_json", f"the body is not valid JSON: {e}") from None
    records = data if isinstance(data, list) else [data]
    if not records:
        raise ApiError(400, "not_an_article", "an empty list holds no article")
    if len(records) > MAX_ARTICLES:
        raise ApiError(400, "too_many", f"{len(records)} articles in one request; at most {MAX_ARTICLES}")
    articles, problems = [], []
    for i, record in enumerate(records):
        try:
            articles.append(article_from_record(record, origin=f"api:{i}", defaults=Defaults()))
        except ItemFailure as e:
            problems.append({"index": i, "code": e.code, "message": e.message})
    if problems:
        first = problems[0]
        raise ApiError(400, "not_an_article", f"item {first['index']}: {first['message']}", {"errors": problems})
    return articles


def analyse_and_store(backend: Backend, articles: list) -> dict[str, Any]:
    """Analyse (outside the store lock: it takes seconds) and store (inside it)."""
    from ..pipeline import AnalyzeOptions, analyze

    analyses = list(analyze(articles, options=AnalyzeOptions(model=backend.model), nlp=backend.pipeline()))
    with backend.lock:
        before = backend.store.stored([a.article.id for a in analyses])
        backend.store.save(analyses)
    return {"articles": [
        {"id": a.article.id, "new": a.article.id not in before, "title": a.article.title,
         "events": len(a.events), "entities": len(a.entities), "quotes": len(a.quotes),
         "errors": [{"stage": e.stage, "code": e.code, "message": e.message} for e in a.errors],
         "href": f"/api/articles/{a.article.id}"}
        for a in analyses]}
