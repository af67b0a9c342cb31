"""Reuters-21578 SGML (``reut2-NNN.sgm``): one Article per ``<REUTERS>`` story.

A story has ``<DATE>``, ``<TITLE>``, ``<DATELINE>`` and ``<BODY>``; the body's paragraphs start
with an indented line and its lines are wrapped at about 70 characters. The dateline
("SALVADOR, Feb 26 - ") is kept at the start of the first paragraph, where the wire printed it.
"Brief" stories carry only a headline and become an ItemFailure; "unprocessed" ones (tables)
are read from their raw text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from ..model import Article
from .article import Defaults, ItemFailure, make_article

_STORY = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_MONTHS = {m: i for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1)}
_DATE = re.compile(r"(\d{1,2})-([A-Z]{3})-(\d{4})(?:\s+(\d{1,2}):(\d\d):(\d\d))?")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


def _field(block: str, tag: str) -> str | None:
    m = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
    return m.group(1) if m else None


def _labels(block: str, tag: str) -> list[str]:
    inner = _field(block, tag) or ""
    return re.findall(r"<D>(.*?)</D>", inner)


def _clean(text: str) -> str:
    # entities first (&lt; &amp; and the wire's &#2;/&#3; control codes), then the controls they became
    return _CONTROL.sub(" ", html.unescape(text))


def published_of(raw: str) -> str | None:
    """``26-FEB-1987 15:01:01.79`` -> ``1987-02-26T15:01:01``; the day alone when the time is garbled."""
    m = _DATE.search(raw or "")
    if not m or m.group(2) not in _MONTHS:
        return None
    day, month, year = int(m.group(1)), _MONTHS[m.group(2)], int(m.group(3))
    date = f"{year:04d}-{month:02d}-{day:02d}"
    if m.group(4) is not None and int(m.group(4)) < 24:
        return f"{date}T{int(m.group(4)):02d}:{m.group(5)}:{m.group(6)}"
    return date


def paragraphs_of_wire(text: str) -> list[str]:
    """Wrapped wire lines -> paragraphs: an indented line starts a new paragraph."""
    paras: list[list[str]] = []
    for line in text.splitlines():
        if not line.strip():
            if paras and paras[-1]:
                paras.append([])
            continue
        if line[:1].isspace() or not paras:
            paras.append([])
        paras[-1].append(line.strip())
    out = [" ".join(p) for p in paras if p]
    if out and out[-1].strip().lower() in ("reuter", "reuters"):
        out.pop()  # the wire's sign-off
    return out


def read_reuters(data: bytes, *, origin: str, defaults: Defaults) -> Iterator[tuple[str, Article | ItemFailure]]:
    """Every story in one .sgm file, as (origin#NEWID, Article or ItemFailure)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # the 1987 files are ASCII but for a few stray 8-bit bytes
    found = False
    for m in _STORY.finditer(text):
        found = True
        attrs = dict(_ATTR.findall(m.group(1)))
        block = m.group(2)
        where = f"{origin}#{attrs.get('NEWID', '?')}"
        try:
            yield where, _story(block, attrs, origin=where, defaults=defaults)
        except ItemFailure as f:
            yield where, f
    if not found:
        yield origin, ItemFailure("empty", "no <REUTERS> stories in the file")


def _story(block: str, attrs: dict[str, str], *, origin: str, defaults: Defaults) -> Article:
    text_m = re.search(r"<TEXT([^>]*)>(.*?)</TEXT>", block, re.S)
    if not text_m:
        raise ItemFailure("no_text", "the story has no <TEXT> element")
    kind = dict(_ATTR.findall(text_m.group(1))).get("TYPE", "NORM")
    inner = text_m.group(2)
    title = _clean(_field(inner, "TITLE") or "").strip()
    dateline = " ".join(_clean(_field(inner, "DATELINE") or "").split())
    if kind == "BRIEF":
        raise ItemFailure("no_body", "a brief: the story has a headline and no body text")
    body_raw = _field(inner, "BODY")
    if body_raw is None:
        body_raw = re.sub(r"<[^>]+>", " ", inner)  # unprocessed stories: the raw text, tables included
    paragraphs = paragraphs_of_wire(_clean(body_raw))
    if dateline and paragraphs:
        paragraphs[0] = f"{dateline} {paragraphs[0]}"
    meta = {"reuters_newid": attrs.get("NEWID", ""), "topics": _labels(block, "TOPICS"),
            "places": _labels(block, "PLACES")}
    if kind != "NORM":
        meta["reuters_type"] = kind
    return make_article(
        title=title,
        paragraphs=paragraphs,
        published=published_of(_field(block, "DATE") or ""),
        source="Reuters",
        origin=origin,
        meta=meta,
        defaults=defaults,
    )
