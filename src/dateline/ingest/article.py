"""Building an Article from parts, with its metadata checked."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..model import Article, article_id
from ..model.ids import normalise_text


class ItemFailure(Exception):
    """One input item cannot become an article; ``code`` says why in a word."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True, kw_only=True)
class Defaults:
    """Metadata for items that do not carry their own (from CLI options)."""

    published: str | None = None
    source: str = ""
    url: str = ""
    require_date: bool = True
    latest: dt.date | None = None  # dates after this are refused as impossible; None = today + 2 days


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
EARLIEST = dt.date(1800, 1, 1)


def parse_published(value: Any, *, latest: dt.date | None = None) -> str:
    """An ISO date or date-time string for a published value, or ItemFailure("bad_date")."""
    if isinstance(value, dt.datetime):
        day, text = value.date(), value.isoformat()
    elif isinstance(value, dt.date):
        day, text = value, value.isoformat()
    else:
        raw = str(value).strip()
        m = _COMPACT.match(raw)
        if m:
            raw = "-".join(m.groups())
        if not _ISO.match(raw):
            raise ItemFailure("bad_date", f"published date {value!r} is not an ISO date (YYYY-MM-DD[THH:MM[:SS][Z]])")
        try:
            parsed = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError as e:
            raise ItemFailure("bad_date", f"published date {value!r} is impossible: {e}") from None
        day, text = parsed.date(), raw if "T" in raw or " " in raw else parsed.date().isoformat()
    latest = latest or (dt.date.today() + dt.timedelta(days=2))
    if not EARLIEST <= day <= latest:
        raise ItemFailure("bad_date", f"published date {value!r} is outside {EARLIEST}..{latest}")
    return text


def make_article(
    *,
    title: str,
    paragraphs: list[str],
    standfirst: str = "",
    published: Any = None,
    source: str = "",
    url: str = "",
    author: str = "",
    language: str = "en",
    origin: str = "",
    meta: dict[str, Any] | None = None,
    defaults: Defaults = Defaults(),
) -> Article:
    """The canonical article: headline, standfirst and paragraphs, one per line."""
    title = " ".join((title or "").split())
    standfirst = " ".join((standfirst or "").split())
    body = [" ".join(p.split()) for p in paragraphs]
    body = [p for p in body if p]
    if not title and body:
        title, body = body[0], body[1:]
    if not title and not body:
        raise ItemFailure("empty", "no text: the item has neither a headline nor a body")
    if not body and not standfirst:
        raise ItemFailure("no_body", "the item has a headline but no body text")
    lines = [title] + ([standfirst] if standfirst else []) + body
    text = normalise_text("\n".join(lines))
    when = published if published not in (None, "") else defaults.published
    if when in (None, ""):
        if defaults.require_date:
            raise ItemFailure("no_date", "no published date: give one with --published or in a .json sidecar")
        pub = None
    else:
        pub = parse_published(when, latest=defaults.latest)
    return Article(
        id=article_id(text),
        text=text,
        title=title,
        standfirst=standfirst,
        published=pub,
        source=source or defaults.source,
        url=url or defaults.url,
        author=author or "",
        language=language or "en",
        origin=origin,
        meta=dict(meta or {}),
    )
