"""Task `seed`: the founding article against what a correct reading of it contains.

The expected file sits beside the article (``<name>.expected.json``). Every item under
entities, dates, places, quotes and events must be found; every ``must_not`` item must not be
produced; ``must_not_merge`` pairs must stay apart. Matching is tolerant as the file says:
names case-insensitive, a date may be a range holding the value, coordinates within 25 km.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from ..model import ArticleAnalysis, Entity
from ..model.timex import compatible, interval
from .registry import EvalResult

KM = 25.0
SECTIONS = ("entities", "dates", "places", "quotes", "events")


def expected_path(article: Path) -> Path:
    return article.with_name(article.name.rsplit(".", 1)[0] + ".expected.json")


def analyse_file(path: Path, published: str) -> ArticleAnalysis:
    from ..ingest import Defaults, ReadOptions, read_inputs
    from ..model import ItemError
    from ..pipeline import analyze

    items = list(read_inputs([path], ReadOptions(defaults=Defaults(published=published))))
    if not items or isinstance(items[0], ItemError):
        raise ValueError(f"cannot read {path}: {items[0] if items else 'no article'}")
    return next(analyze(items[:1]))


def run(path: Path, *, limit: int | None = None, split: str = "all") -> EvalResult:
    if split != "all":
        raise ValueError("the founding article is one item: it has no tune and check halves")
    expected = json.loads(expected_path(path).read_text(encoding="utf-8"))
    analysis = analyse_file(path, expected["published"])
    return score(analysis, expected)


def score(a: ArticleAnalysis, expected: dict[str, Any]) -> EvalResult:
    misses: list[str] = []
    metrics: dict[str, float | int] = {}
    passed = total = 0
    checks = {"entities": _entity_ok, "dates": _date_ok, "places": _place_ok, "quotes": _quote_ok,
              "events": _event_ok}
    for section in SECTIONS:
        items = expected.get(section, [])
        ok = 0
        for item in items:
            why = checks[section](a, item)
            if why is None:
                ok += 1
            else:
                misses.append(f"{section}: {_label(item)}: {why}")
        metrics[f"{section}_passed"] = ok
        metrics[f"{section}_total"] = len(items)
        passed, total = passed + ok, total + len(items)
    merged = 0
    for x, y in expected.get("must_not_merge", []):
        if any(_has_name(e, x) and _has_name(e, y) for e in a.entities):
            merged += 1
            misses.append(f"must_not_merge: {x} and {y} are one entity")
    violated = 0
    for item in expected.get("must_not", []):
        hit = _must_not_hit(a, item)
        if hit:
            violated += 1
            misses.append(f"must_not: {item.get('why', item)}: produced {hit}")
    metrics.update(passed=passed, total=total, must_not_violated=violated, must_not_merge_violated=merged)
    return EvalResult("seed", total, metrics, {"misses": misses})


def _label(item: dict[str, Any]) -> str:
    for k in ("name", "text", "content_starts", "note"):
        if k in item:
            return str(item[k])[:60]
    return json.dumps(item)[:60]


def _norm(s: str | None) -> str:
    s = (s or "").lower().replace("’", "'")
    s = re.sub(r"^(the|a|an)\s+", "", s.strip())
    s = re.sub(r"'s$", "", s)
    return " ".join(s.replace("-", " ").split())


def _has_name(e: Entity, name: str) -> bool:
    n = _norm(name)
    return _norm(e.name) == n or any(_norm(m.span.text) == n for m in e.mentions if m.kind in ("name", "short_name"))


def _entity_ok(a: ArticleAnalysis, item: dict[str, Any]) -> str | None:
    cands = sorted((e for e in a.entities if _has_name(e, item["name"])),
                   key=lambda e: _norm(e.name) != _norm(item["name"]))  # the canonical name first
    if not cands:
        return "not found"
    e = cands[0]
    for k in ("type", "country", "sector"):
        if k in item and getattr(e, k) != item[k]:
            return f"{k} is {getattr(e, k)!r}, expected {item[k]!r} (coded: {e.coding or 'nothing'})"
    mentions = {_norm(m.span.text) for m in e.mentions}
    missing = [m for m in item.get("mentions_include", []) if _norm(m) not in mentions]
    if missing:
        return f"mentions lack {missing} (has {sorted(mentions)})"
    return None


def _date_ok(a: ArticleAnalysis, item: dict[str, Any]) -> str | None:
    cands = [d for d in a.dates if _norm(d.span.text) == _norm(item["text"])]
    if not cands:
        return "not found"
    want = interval(item["value"])
    for d in cands:
        got = (interval(f"{d.start}/{d.end}") if d.start and d.end else None) or interval(d.value)
        if compatible(got, want):
            return None
    return f"value {[d.value for d in cands]}, expected {item['value']}"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _place_ok(a: ArticleAnalysis, item: dict[str, Any]) -> str | None:
    cands = [p for p in a.places if _norm(p.span.text) == _norm(item["text"])]
    if not cands:
        return "not found"
    for p in cands:
        r = p.resolved
        if r and r.country == item["country"] and km(r.lat, r.lon, item["lat"], item["lon"]) <= KM:
            return None
    got = [(p.resolved.name, p.resolved.country, round(p.resolved.lat, 2), round(p.resolved.lon, 2))
           if p.resolved else None for p in cands]
    return f"resolved to {got}"


def _quote_ok(a: ArticleAnalysis, item: dict[str, Any]) -> str | None:
    start = _norm(item["content_starts"])
    # a partial record's quoted words are its own statement's words too ('he was "ready to ..."')
    cands = [q for q in a.quotes if any(_norm(s.text.strip("\"“”‘’' ")).startswith(start)
                                        for s in (q.content, *q.quoted))]
    if not cands:
        return "content not found"
    q = cands[0]
    speaker = next((e for e in a.entities if e.id == q.speaker_entity_id), None)
    named = _norm(q.speaker_name) == _norm(item["speaker"]) or (speaker is not None and _has_name(speaker, item["speaker"]))
    if not named:
        return f"speaker is {q.speaker_name!r}"
    if item.get("kind") and q.kind != item["kind"]:
        return f"kind is {q.kind!r}"
    if item.get("date") and not compatible(interval(q.date), interval(item["date"])):
        return f"date is {q.date!r}"
    if item.get("place") and _norm(item["place"]) not in _norm(q.place):
        return f"place is {q.place!r}"
    return None


def _event_fits(e: Any, item: dict[str, Any]) -> str | None:
    """None when the event has every property the item asks for, else the first that differs."""
    if e.type != item.get("plover", e.type):
        return "type"
    if "mode" in item and e.mode != item["mode"]:
        return f"mode {e.mode}"
    if "cameo" in item and e.cameo != item["cameo"]:
        return f"cameo {e.cameo}"
    if "cameo_root" in item and not (e.cameo or "").startswith(item["cameo_root"]):
        return f"cameo {e.cameo}"
    if "actor" in item and e.actor.country != item["actor"]:
        return f"actor {e.actor.country}"
    if "recipient" in item and (e.recipient is None or e.recipient.country != item["recipient"]):
        return f"recipient {e.recipient.country if e.recipient else None}"
    if "status" in item and e.status != item["status"]:
        return f"status {e.status}"
    if "location" in item and (e.location is None or _norm(item["location"]) not in _norm(e.location.name)):
        return f"location {e.location.name if e.location else None}"
    if "date" in item:
        got = None
        if e.date is not None:
            got = interval(f"{e.date.start}/{e.date.end}") if e.date.start and e.date.end else interval(e.date.value)
        if not compatible(got, interval(item["date"])):
            return f"date {e.date.value if e.date else None}"
    return None


def _event_ok(a: ArticleAnalysis, item: dict[str, Any]) -> str | None:
    if not a.events:
        return "no events"
    reasons = [_event_fits(e, item) for e in a.events]
    if any(r is None for r in reasons):
        return None
    near = [f"{e.type}/{e.cameo}/{e.actor.country}->{e.recipient.country if e.recipient else '-'}/{e.status}: {r}"
            for e, r in zip(a.events, reasons) if e.type == item.get("plover")]
    return "closest: " + ("; ".join(near[:3]) if near else "no event of that type")


def _must_not_hit(a: ArticleAnalysis, item: dict[str, Any]) -> str | None:
    what = item.get("what")
    if what == "event":
        for e in a.events:
            if _event_fits(e, {k: v for k, v in item.items() if k not in ("what", "why")}) is None:
                return f"event {e.id} ({e.evidence.sentence.text[:60]})"
    elif what == "quote":
        for q in a.quotes:
            if _norm(q.speaker_name) == _norm(item["speaker"]) or (
                q.speaker and _norm(q.speaker.text) == _norm(item["speaker"])
            ):
                return f"quote {q.id}"
    elif what == "place":
        for p in a.places:
            if p.span.text == item["text"]:
                return f"place {p.id}"
    return None
