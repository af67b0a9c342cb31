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
from .decode import bom_encoding

_OPEN, _CLOSE = "<REUTERS", "</REUTERS>"
_ATTR = re.compile(r'(\w{1,40})="([^"]{0,200})"')
MAX_ATTRS = 2000  # characters of a tag's attributes; longer is not a Reuters tag (and would make _ATTR slow)
_MONTHS = {m: i for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1)}
_DATE = re.compile(r"(\d{1,2})-([A-Z]{3})-(\d{4})(?:\s+(\d{1,2}):(\d\d):(\d\d))?")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


# Every scan below is str.find from where the last one stopped, never a lazy regex across the
# text: a regex like <TAG>(.*?)</TAG> rescans the rest of the text for each unclosed opener, which
# made a file of unclosed tags quadratic (1,000 unclosed <REUTERS> tags: 6.7 s; 10 MB: minutes).
def _between(text: str, opener: str, closer: str, start: int = 0) -> tuple[str, int] | None:
    """The text between the first ``opener`` at or after ``start`` and the ``closer`` after it, and
    the index after the closer; None when either is missing."""
    i = text.find(opener, start)
    if i < 0:
        return None
    j = text.find(closer, i + len(opener))
    if j < 0:
        return None
    return text[i + len(opener):j], j + len(closer)


def _field(block: str, tag: str) -> str | None:
    got = _between(block, f"<{tag}>", f"</{tag}>")
    return got[0] if got else None


def _labels(block: str, tag: str) -> list[str]:
    inner = _field(block, tag) or ""
    out, pos = [], 0
    while (got := _between(inner, "<D>", "</D>", pos)) is not None:
        out.append(got[0])
        pos = got[1]
    return out


def _attrs(raw: str) -> dict[str, str]:
    return dict(_ATTR.findall(raw)) if len(raw) <= MAX_ATTRS else {}


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
        text = data.decode(bom_encoding(data) or "utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # the 1987 files are ASCII but for a few stray 8-bit bytes
    found = False
    for n, (raw_attrs, block, closed) in enumerate(stories(text), start=1):
        found = True
        attrs = _attrs(raw_attrs)
        where = f"{origin}#{attrs.get('NEWID') or f'story{n}'}"
        if not closed:
            yield where, ItemFailure("unclosed", "the story has no </REUTERS> before the next story or the end "
                                     "of the file (a cut or broken story)")
            continue
        try:
            yield where, _story(block, attrs, origin=where, defaults=defaults)
        except ItemFailure as f:
            yield where, f
        except Exception as e:  # a story that defeats the reader fails alone
            yield where, ItemFailure("bad_story", f"the story could not be read: {type(e).__name__}: {e}")
    if not found:
        yield origin, ItemFailure("empty", "no <REUTERS> stories in the file")


def stories(text: str) -> Iterator[tuple[str, str, bool]]:
    """(attributes, body, closed) of every ``<REUTERS ...>`` story, in one pass over the text: a story
    ends at its ``</REUTERS>``, or, unclosed, where the next story opens (it never swallows that one)."""
    pos = text.find(_OPEN)
    while pos >= 0:
        after = pos + len(_OPEN)
        if after < len(text) and not (text[after] == ">" or text[after].isspace()):
            pos = text.find(_OPEN, after)  # <REUTERSX is not the tag
            continue
        nxt = text.find(_OPEN, after)
        end = nxt if nxt >= 0 else len(text)
        tag_end = text.find(">", after, end)
        if tag_end < 0:  # no '>' before the next opener: stray text, not a tag
            pos = nxt
            continue
        close = text.find(_CLOSE, tag_end + 1, end)
        if close < 0:
            yield text[after:tag_end], text[tag_end + 1:end], False
            pos = nxt
            continue
        yield text[after:tag_end], text[tag_end + 1:close], True
        pos = text.find(_OPEN, close + len(_CLOSE))


def _story(block: str, attrs: dict[str, str], *, origin: str, defaults: Defaults) -> Article:
    kind, inner = _text_element(block)
    title = _clean(_field(inner, "TITLE") or "").strip()
    dateline = " ".join(_clean(_field(inner, "DATELINE") or "").split())
    if kind == "BRIEF":
        raise ItemFailure("no_body", "a brief: the story has a headline and no body text")
    body_raw = _field(inner, "BODY")
    if body_raw is None:
        body_raw = re.sub(r"<[^<>]+>", " ", inner)  # unprocessed stories: the raw text, tables included
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


def _text_element(block: str) -> tuple[str, str]:
    """The story's ``<TEXT TYPE=...>`` kind and inner text (ItemFailure without one)."""
    i = block.find("<TEXT")
    while i >= 0 and not (block[i + 5:i + 6] in (">", "") or block[i + 5].isspace()):
        i = block.find("<TEXT", i + 5)
    tag_end = block.find(">", i) if i >= 0 else -1
    close = block.find("</TEXT>", tag_end) if tag_end >= 0 else -1
    if close < 0:
        raise ItemFailure("no_text", "the story has no <TEXT> element")
    return _attrs(block[i + 5:tag_end]).get("TYPE", "NORM"), block[tag_end + 1:close]
