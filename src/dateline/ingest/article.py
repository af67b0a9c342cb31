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


MAX_CHARS = 10 * 1024 * 1024
NO_DATE = "no published date: give one with --published"


@dataclass(frozen=True, slots=True, kw_only=True)
class Defaults:
    """Metadata for items that do not carry their own (from CLI options)."""

    published: str | None = None
    source: str = ""
    url: str = ""
    require_date: bool = True
    latest: dt.date | None = None  # dates after this are refused as impossible; None = today + 2 days
    # characters of an article's text after decoding and entity expansion (the byte limit applies before)
    max_chars: int = MAX_CHARS


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
    _check_size(title, standfirst, paragraphs, defaults.max_chars)
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
            raise ItemFailure("no_date", NO_DATE)
        pub = None
    else:
        pub = parse_published(when, latest=defaults.latest)
    _check_unicode(text=text, source=source, url=url, author=author, language=language, meta=meta)
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


def _check_size(title: str, standfirst: str, paragraphs: list[str], limit: int) -> None:
    size = len(title or "") + len(standfirst or "")
    for p in paragraphs:
        size += len(p)
        if size > limit:
            break
    if size > limit:
        raise ItemFailure("too_large", f"the article's text is over the limit of {limit:,} characters "
                          "(after decoding and expanding entities)")


def _check_unicode(**fields: Any) -> None:
    """Refuse text that cannot be stored as UTF-8: lone surrogates (JSON's "\\ud800", a broken
    character reference)."""
    for name, value in fields.items():
        for s in _strings(value):
            try:
                s.encode("utf-8")
            except UnicodeEncodeError as e:
                raise ItemFailure("encoding", f"the {name} contains a lone surrogate {s[e.start]!r} at character "
                                  f"{e.start}: not a real character") from None


def _strings(value: Any) -> list[str]:
    """Every string in a value (keys included), read without recursion."""
    out: list[str] = []
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, (list, tuple)):
            stack.extend(v)
    return out
