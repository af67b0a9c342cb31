"""Readers per format. Each turns one input into Articles, or ItemFailures for the items it cannot read.

The third-party parsers (trafilatura, feedparser) stay inside this module.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

from ..model import Article
from .article import Defaults, ItemFailure, make_article

ArticleOrFailure = Article | tuple[str, ItemFailure]  # (origin, failure)

JSONL_FIELDS = {"url", "source", "published", "title", "text", "standfirst", "author", "language", "id", "meta"}


def paragraphs_of(text: str) -> list[str]:
    return [p for p in (line.strip() for line in text.splitlines()) if p]


def read_plain(text: str, *, origin: str, sidecar: dict[str, Any], defaults: Defaults) -> Article:
    """The seed layout: line 1 headline, line 2 standfirst, then one paragraph per line."""
    lines = paragraphs_of(text)
    if not lines:
        raise ItemFailure("empty", "the file has no text")
    title, rest = lines[0], lines[1:]
    standfirst, body = (rest[0], rest[1:]) if len(rest) > 1 else ("", rest)
    return make_article(
        title=title,
        standfirst=standfirst,
        paragraphs=body,
        published=sidecar.get("published"),
        source=sidecar.get("source", ""),
        url=sidecar.get("url", ""),
        author=sidecar.get("author", ""),
        language=sidecar.get("language", "en"),
        origin=origin,
        meta={k: v for k, v in sidecar.items() if k not in JSONL_FIELDS},
        defaults=defaults,
    )


def article_from_record(record: Any, *, origin: str, defaults: Defaults) -> Article:
    """One JSON object with ``url, source, published, title, text`` (+ optional fields)."""
    if not isinstance(record, dict):
        raise ItemFailure("bad_record", f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ItemFailure("no_text", "the record has no 'text' string")
    for key in ("title", "source", "url", "author", "standfirst"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise ItemFailure("bad_record", f"field {key!r} must be a string, got {type(record[key]).__name__}")
    extra = {k: v for k, v in record.items() if k not in JSONL_FIELDS}
    meta = dict(record.get("meta") or {}) if isinstance(record.get("meta"), dict) else {}
    meta.update(extra)
    if record.get("id") is not None:
        meta["source_id"] = record["id"]
    return make_article(
        title=record.get("title") or "",
        standfirst=record.get("standfirst") or "",
        paragraphs=paragraphs_of(text),
        published=record.get("published"),
        source=record.get("source") or "",
        url=record.get("url") or "",
        author=record.get("author") or "",
        language=record.get("language") or "en",
        origin=origin,
        meta=meta,
        defaults=defaults,
    )


def read_jsonl_line(line: bytes, *, origin: str, defaults: Defaults) -> Article:
    try:
        record = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ItemFailure("bad_json", f"line is not valid JSON: {e}") from None
    return article_from_record(record, origin=origin, defaults=defaults)


MIN_ARTICLE_CHARS = 40  # less than a sentence of text is a menu or a stub, not an article
_BYLINE = re.compile(r"^(by|from)\s+[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,4}( and [A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,3})?$", re.I)


def read_html(html: str | bytes, *, origin: str, url: str = "", defaults: Defaults) -> Article:
    """A news page: body text, headline, date, author and site through trafilatura."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url or None, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as e:  # trafilatura raises a variety of lxml errors on broken markup
        raise ItemFailure("bad_html", f"the HTML could not be parsed: {type(e).__name__}: {e}") from None
    body = paragraphs_of(getattr(doc, "text", None) or "") if doc is not None else []
    if not body:
        raise ItemFailure("no_article", "no article text found in the HTML page")
    title = (doc.title or "").strip()
    if body and title and body[0].strip().lower() == title.lower():
        body = body[1:]
    if body and len(body[0]) < 80 and _BYLINE.match(body[0]):
        body = body[1:]
    if sum(len(p) for p in body) < MIN_ARTICLE_CHARS:
        raise ItemFailure("no_article", f"no article in the HTML page (only {sum(len(p) for p in body)} "
                          "characters of text outside navigation and boilerplate)")
    return make_article(
        title=title,
        standfirst=(doc.description or "").strip() if doc.description and doc.description.strip() != title else "",
        paragraphs=body,
        published=doc.date,
        source=doc.sitename or doc.hostname or "",
        url=doc.url or url,
        author=doc.author or "",
        language=doc.language or "en",
        origin=origin,
        defaults=defaults,
    )


def _html_to_text(fragment: str) -> list[str]:
    """Paragraphs of an HTML fragment from a feed entry (no boilerplate to remove there)."""
    if "<" not in fragment:
        return paragraphs_of(fragment)
    import lxml.html

    try:
        root = lxml.html.fromstring(fragment)
    except Exception:  # lxml raises ParserError/ValueError on empty or hopeless fragments
        return paragraphs_of(re.sub(r"<[^>]+>", " ", fragment))
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = [" ".join(el.text_content().split()) for el in root.iter("p", "li", "h2", "h3", "blockquote")]
    blocks = [b for b in blocks if b]
    return blocks or paragraphs_of(root.text_content())


def read_feed(data: bytes, *, origin: str, defaults: Defaults) -> Iterator[tuple[str, Article | ItemFailure]]:
    """RSS/Atom: one article per entry, from its content (or summary)."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            why = parsed.get("bozo_exception")
            yield origin, ItemFailure("bad_feed", f"not a readable RSS/Atom feed: {why}")
        else:
            yield origin, ItemFailure("feed_empty", "the feed has no items")
        return
    feed_title = (parsed.get("feed") or {}).get("title", "")
    for i, entry in enumerate(entries):
        where = f"{origin}#{i + 1}"
        try:
            content = ""
            if entry.get("content"):
                content = max((c.get("value", "") for c in entry["content"]), key=len)
            content = content or entry.get("summary", "") or entry.get("description", "")
            when = entry.get("published_parsed") or entry.get("updated_parsed")
            published = (
                dt.datetime.fromtimestamp(calendar.timegm(when), tz=dt.timezone.utc).date() if when else None
            )
            article = make_article(
                title=entry.get("title", ""),
                paragraphs=_html_to_text(content),
                published=published,
                source=feed_title,
                url=entry.get("link", ""),
                author=entry.get("author", ""),
                origin=where,
                defaults=defaults,
            )
            yield where, article
        except ItemFailure as f:
            if parsed.get("bozo"):  # the feed itself is broken: say so, not just that the entry is empty
                f = ItemFailure("bad_feed", f"malformed feed ({parsed.get('bozo_exception')}); {f.message}")
            yield where, f
