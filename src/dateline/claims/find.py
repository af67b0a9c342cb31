"""Count claims in stored articles: headlines and sentences that count an event in a period ("his fourth
trip to China in ten months", "three attacks in a week"), each checked as of its article's published day."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .check import check
from .parse import ClaimError, parse_claim
from .words import COUNT_ADVERBS, ORDINAL_WORDS

# A cheap first look: a sentence with no ordinal, count word or digit is never parsed.
_CUE = re.compile(r"\b(?:" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + "|"
                  + "|".join(COUNT_ADVERBS) + r"|times|\d+(?:st|nd|rd|th)?|two|three|four|five|six|seven|eight|"
                  r"nine|ten)\b", re.I)
# A sentence ends at . ! ? (and a closing quote) before a capital, but not after an initial or a short
# abbreviation ("U.S. President", "Mr. Kim").
_SENTENCE = re.compile(r"(?<!\b[A-Z])(?<!\bMr|\bDr|\bMs|\bSt)(?<!\bMrs|\bGen|\bSen|\bRep)([.!?][\"”’']?)\s+(?=[\"“‘']?[A-Z])")


def _split(para: str) -> list[str]:
    parts = _SENTENCE.split(para)
    return ["".join(parts[i:i + 2]).strip() for i in range(0, len(parts), 2)]


def sentences(title: str, text: str) -> list[tuple[str, str]]:
    """(where, sentence): the headline, then the body's sentences (a line is a paragraph)."""
    out = [("headline", title.strip())] if title and title.strip() else []
    body = text or ""
    if title and body.startswith(title):
        body = body[len(title):]
    for para in body.splitlines():
        for s in _split(para.strip()):
            if s.strip():
                out.append(("sentence", s.strip()))
    return out


def claims_in(title: str, text: str) -> list[tuple[str, str, Any]]:
    """(where, sentence, Claim) for each sentence that is a count claim with a period."""
    found = []
    for where, s in sentences(title, text):
        if not _CUE.search(s):
            continue
        try:
            claim = parse_claim(s)
        except ClaimError:
            continue
        if claim.period is not None and (claim.actor or claim.recipient or claim.place):
            found.append((where, s, claim))  # a count of anyone's visits anywhere is no claim to check
    return found


def _with_article_actor(store, claim, sentence: str, article_id: str):
    """A claim told with a pronoun ("her third visit") is about the person the article is about: the
    actor of most of its events."""
    import dataclasses
    from collections import Counter

    from ..query import events

    if claim.actor or not re.search(r"\b(?:his|her|their|he|she|they)\b", sentence, re.I):
        return claim
    rows = events(store, article=article_id, limit=1000, min_confidence=0)
    people = Counter(r["actor"] for r in rows if r["actor"] and r["actor_country"] != r["actor"])
    return dataclasses.replace(claim, actor=people.most_common(1)[0][0]) if people else claim


def find_claims(store, *, article: str | None = None, since: str | None = None, until: str | None = None,
                limit: int = 100, min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Every count claim in the articles asked for, with its verdict as of its article's day."""
    from ..filters import FilterError

    params: list[Any] = []
    where = []
    if article:
        where.append("id = ?")
        params.append(article)
    if since:
        where.append("published_date >= CAST(? AS DATE)")
        params.append(since)
    if until:
        where.append("published_date <= CAST(? AS DATE)")
        params.append(until)
    sql = ("SELECT id, title, text, published, published_date, source FROM articles"
           + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY published_date, id")
    out: list[dict[str, Any]] = []
    for a in store.query(sql, params):
        day = a["published_date"]
        if day is None:
            continue
        as_of = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)[:10])
        for where_, sentence, claim in claims_in(a["title"], a["text"]):
            claim = _with_article_actor(store, claim, sentence, a["id"])
            row = {"article": a["id"], "published": a["published"], "source": a["source"], "where": where_,
                   "sentence": sentence, "as_of": str(as_of)}
            try:
                result = check(store, claim, as_of, min_confidence=min_confidence)
            except (ClaimError, FilterError) as e:
                out.append({**row, "verdict": "unchecked", "reason": str(e), "claimed": claim.number,
                            "count": None, "parsed": claim.as_dict(), "window": None, "occurrences": []})
            else:
                out.append({**row, **{k: result[k] for k in ("verdict", "reason", "claimed", "count", "parsed",
                                                             "window", "occurrences")}})
            if len(out) >= limit:
                return out
    return out
