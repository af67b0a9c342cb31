"""What the API answers, shaped from the read models in :mod:`dateline.query` and the stored records.
No SQL here: every row comes from ``query`` or the store's own record readers."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from ..model import to_dict


def page(rows: list[dict[str, Any]], *, limit: int, offset: int) -> dict[str, Any]:
    """One page of a listing that was read ``offset + limit + 1`` rows deep (the extra row says there is more)."""
    items = rows[offset:offset + limit]
    more = len(rows) > offset + limit
    return {"items": items, "limit": limit, "offset": offset, "next_offset": offset + limit if more else None}


def paged(total: int, *, limit: int, offset: int, shown: int) -> dict[str, Any]:
    """The paging of an answer whose read model pages and counts itself (occurrences, timelines): the
    total counted whole, and where the next page starts (None after the last)."""
    return {"total": total, "limit": limit, "offset": offset,
            "next_offset": offset + limit if offset + shown < total else None}


def evidence(event, article) -> dict[str, Any]:
    """The event's sentence with the places to highlight: trigger, actor and recipient at their stored
    offsets (offsets into the article's text; ``start``/``end`` relative to the sentence are added)."""
    sentence = event.evidence.sentence
    marks = []
    for role, span in (("trigger", event.evidence.trigger), ("actor", event.actor.span if event.actor else None),
                       ("recipient", event.recipient.span if event.recipient else None)):
        if span is None:
            continue
        inside = sentence.start <= span.start <= span.end <= sentence.end
        marks.append({"role": role, "start": span.start, "end": span.end, "text": span.text,
                      "in_sentence": inside,
                      "sentence_start": span.start - sentence.start if inside else None,
                      "sentence_end": span.end - sentence.start if inside else None})
    text = article.text if article is not None else ""
    return {"sentence": {"start": sentence.start, "end": sentence.end,
                         "text": text[sentence.start:sentence.end] if text else sentence.text},
            "marks": marks, "rule": event.evidence.rule, "explanation": event.evidence.explanation,
            "status_cue": event.evidence.status_cue}


def event_detail(event, analysis, outlets: list[dict[str, Any]], explain: list[str]) -> dict[str, Any]:
    article = analysis.article if analysis is not None else None
    return {
        "event": to_dict(event),
        "evidence": evidence(event, article),
        "article": ({"id": article.id, "title": article.title, "published": article.published,
                     "source": article.source, "url": article.url} if article else None),
        "outlets": outlets,
        "explanation": explain,
    }


def article_detail(analysis, outlets: list[dict[str, Any]]) -> dict[str, Any]:
    """Everything found in one article, as stored, and every outlet that carried it."""
    data = to_dict(analysis)
    data["counts"] = {k: len(v) for k, v in data.items() if isinstance(v, list)}
    data["outlets"] = outlets
    return data


def _month(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m")
    return str(value)[:7] or None


def actor_profile(name: str, as_actor: list[dict], as_recipient: list[dict], entities: list[dict]) -> dict[str, Any]:
    """An actor's events by month and type (for the timeline) and the counterparts it dealt with."""
    timeline: dict[str, Counter] = {}
    for r in as_actor + as_recipient:
        month = _month(r.get("date_start") or r.get("date_end"))
        if month:
            timeline.setdefault(month, Counter())[r["type"]] += 1
    counterparts: Counter = Counter()
    for r in as_actor:
        if r.get("recipient"):
            counterparts[(r["recipient"], r.get("recipient_country"), "recipient")] += 1
    for r in as_recipient:
        if r.get("actor"):
            counterparts[(r["actor"], r.get("actor_country"), "actor")] += 1
    types = sorted({t for c in timeline.values() for t in c})
    return {
        "name": name,
        "entities": entities,
        "events_as_actor": len(as_actor),
        "events_as_recipient": len(as_recipient),
        "timeline": {"months": sorted(timeline), "types": types,
                     "counts": {t: [timeline[m][t] for m in sorted(timeline)] for t in types}},
        "counterparts": [{"name": n, "country": c, "as": role, "events": k}
                         for (n, c, role), k in counterparts.most_common(50)],
        "events": sorted(as_actor + as_recipient, key=lambda r: (str(r.get("date_start") or ""), r["id"])),
    }
