"""An article's analysis as reports: its coded events that happened, with canonical parties and places.

Until actors have stable ids of their own, a party is its normalised name, its country and its kind:
a person or organisation the text names (an entity of those types, or a dictionary actor) is *named*;
a country, capital or other place standing for its country is a *state*; anything else the event
extractor gave a name to ("the North Korean leader", "police") is a *description*.
"""

from __future__ import annotations

import datetime as dt

from ..model import ActorRef, ArticleAnalysis, Event
from .identity import HAPPENED, Party, Place, Report, content_words, normalise_name, place_level

NAMED_TYPES = frozenset({"PERSON", "ORG"})
STATE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def party(ref: ActorRef | None, entity_types: dict[str, str]) -> Party | None:
    if ref is None:
        return None
    name = normalise_name(ref.name)
    if not name or name == "unknown":
        return Party("", ref.name or "", ref.country, "unknown")
    etype = entity_types.get(ref.entity_id or "")
    if etype in STATE_TYPES:
        kind = "state"
    elif etype in NAMED_TYPES or "dictionary actor" in (ref.coding or ""):
        kind = "named"
    else:
        kind = "generic"
    return Party(name, ref.name, ref.country, kind)


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def reports_of(analysis: ArticleAnalysis) -> list[Report]:
    """The article's events that happened (status occurred or reported) and have calendar days."""
    types = {e.id: e.type for e in analysis.entities}
    places = {p.id: p for p in analysis.places}
    out = []
    for e in analysis.events:
        if e.status not in HAPPENED or e.date is None:
            continue
        start, end = _day(e.date.start), _day(e.date.end)
        if start is None or end is None or end < start:
            continue  # "before the published date": no calendar days to place it by
        out.append(Report(e.id, analysis.article.id, e.type, e.mode, party(e.actor, types),
                          party(e.recipient, types), _place(e, places), start, end, bool(e.date.inferred),
                          content_words(e.evidence.sentence.text), analysis.article.published))
    return out


def _place(e: Event, places: dict) -> Place | None:
    loc = e.location
    if loc is None:
        return None
    stored = places.get(loc.place_id or "")
    geo = stored.resolved if stored is not None else None
    if geo is not None:
        key = str(geo.geonames_id) if geo.geonames_id else normalise_name(geo.name)
        return Place(geo.name, key, geo.country or None, geo.admin1 or "", place_level(geo.feature_class, geo.feature_code))
    # a place the gazetteer did not resolve cannot be put in the hierarchy: it says its country only
    return Place(loc.name, "~" + normalise_name(loc.name), loc.country, "", "country") if loc.country else None
