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
from .article import NO_DATE, Defaults, ItemFailure, make_article

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
    try:
        return _plain_article(title, standfirst, body, origin=origin, sidecar=sidecar, defaults=defaults)
    except ItemFailure as f:
        if f.code == "no_date":  # only a text file reads a sidecar: say so here, not for other inputs
            raise ItemFailure("no_date", f"{NO_DATE} or in a .json sidecar of the same name") from None
        raise


def _plain_article(title: str, standfirst: str, body: list[str], *, origin: str, sidecar: dict[str, Any],
                   defaults: Defaults) -> Article:
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


MAX_JSON_DEPTH = 64  # records are flat; deeper nesting is hostile (and Python's reader recurses)


def load_json(data: str | bytes, *, what: str = "line") -> Any:
    """json.loads with every way it can fail as ItemFailure("bad_json"), and nesting bounded."""
    try:
        raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
        # only a text with more openers than the limit can nest past it: most records skip the scan
        depth = json_depth(raw) if raw.count(b"[") + raw.count(b"{") > MAX_JSON_DEPTH else 0
        if depth > MAX_JSON_DEPTH:
            raise ItemFailure("bad_json", f"the {what} nests JSON {depth} levels deep, over the limit of "
                              f"{MAX_JSON_DEPTH}")
        return json.loads(data)
    except ItemFailure:
        raise
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ItemFailure("bad_json", f"the {what} is not valid JSON: {e}") from None
    except ValueError as e:  # Python refuses integers over 4,300 digits (CVE-2020-10735)
        raise ItemFailure("bad_json", f"the {what} is not valid JSON: {e}") from None
    except RecursionError:
        raise ItemFailure("bad_json", f"the {what} nests JSON too deeply to read") from None


_JSON_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)


def json_depth(data: str | bytes) -> int:
    """The deepest nesting of arrays and objects in a JSON text (strings skipped), in one pass."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if b"[" not in raw and b"{" not in raw:
        return 0
    depth = deepest = 0
    for m in _JSON_TOKENS.finditer(raw):
        tok = m.group()
        if tok in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        elif tok in (b"]", b"}"):
            depth -= 1
    return deepest


def read_jsonl_line(line: bytes, *, origin: str, defaults: Defaults) -> Article:
    return article_from_record(load_json(line), origin=origin, defaults=defaults)


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
        return paragraphs_of(re.sub(r"<[^<>]+>", " ", fragment))
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = [" ".join(el.text_content().split()) for el in root.iter("p", "li", "h2", "h3", "blockquote")]
    blocks = [b for b in blocks if b]
    return blocks or paragraphs_of(root.text_content())


_CHAR_REF = re.compile(rb"&#([xX][0-9a-fA-F]+|[0-9]+);")


def _char_ref(m: re.Match) -> bytes:
    """A character reference XML allows, kept; any other (&#99999999;, the surrogate &#xD800;, &#0;) as
    U+FFFD: feedparser raises on them and loses the whole feed, good entries included."""
    digits = m.group(1)
    if len(digits) <= 9:
        code = int(digits[1:], 16) if digits[:1] in b"xX" else int(digits)
        if code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF:
            return m.group()
    return b"&#xFFFD;"


_ENTITY_DECLS = (b"<!entity", "<!entity".encode("utf-16-le"), "<!entity".encode("utf-16-be"))


def read_feed(data: bytes, *, origin: str, defaults: Defaults) -> Iterator[tuple[str, Article | ItemFailure]]:
    """RSS/Atom: one article per entry, from its content (or summary)."""
    import feedparser

    lowered = data.lower()
    if any(d in lowered for d in _ENTITY_DECLS):
        # feedparser expands internal entities it deems safe: one of 16,000 characters used 16,000
        # times made an 80 KB feed a 256-million-character article (1.25 GB); refused before parsing
        yield origin, ItemFailure("entities", "the feed declares its own XML entities (<!ENTITY ...>), which are "
                                  "refused: expanding them can turn a small file into gigabytes")
        return
    try:
        parsed = feedparser.parse(_CHAR_REF.sub(_char_ref, data))
    except Exception as e:  # a feed that defeats the parser fails alone, as one item
        yield origin, ItemFailure("bad_feed", f"not a readable RSS/Atom feed: {type(e).__name__}: {e}")
        return
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
            yield where, _entry_article(entry, where=where, feed_title=feed_title, defaults=defaults)
        except ItemFailure as f:
            if parsed.get("bozo") and f.code not in ("too_large", "encoding"):
                # the feed itself is broken: say so, not just that the entry is empty
                f = ItemFailure("bad_feed", f"malformed feed ({parsed.get('bozo_exception')}); {f.message}")
            yield where, f
        except Exception as e:  # an entry that defeats the reader fails alone; the others are read
            yield where, ItemFailure("bad_entry", f"the feed entry could not be read: {type(e).__name__}: {e}")


def _text_of(value: Any) -> str:
    """A feed field as text: feedparser gives None or non-strings for odd entries."""
    return value if isinstance(value, str) else ""


def _entry_article(entry: Any, *, where: str, feed_title: Any, defaults: Defaults) -> Article:
    content = ""
    if entry.get("content"):
        content = max((_text_of(c.get("value")) for c in entry["content"]), key=len, default="")
    content = content or _text_of(entry.get("summary")) or _text_of(entry.get("description"))
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    published = None
    if when:
        try:
            published = dt.datetime.fromtimestamp(calendar.timegm(when), tz=dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError, TypeError):
            published = None  # an impossible date in the feed counts as none
    return make_article(
        title=_text_of(entry.get("title")),
        paragraphs=_html_to_text(content),
        published=published,
        source=_text_of(feed_title),
        url=_text_of(entry.get("link")),
        author=_text_of(entry.get("author")),
        origin=where,
        defaults=defaults,
    )
