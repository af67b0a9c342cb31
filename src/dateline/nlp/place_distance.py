"""Stated distances: "Dudu, a village 60km from Jaipur", "Lexington, some 35 miles west of
Kearney". A name followed by a distance and a direction from another of the article's places lies
about that far that way from it, so only its readings there can be meant. Where the gazetteer has no
reading of the name near the other place, the name stays unresolved rather than taking a namesake
on another continent (a small village is often missing from the gazetteer, its namesake abroad not).
"""

from __future__ import annotations

import math

from spacy.tokens import Doc

from ..geo.gazetteer import km
from ..model import GeoRef
from .place_syntax import Mention
from .token_table import token_table

UNITS = {"km": 1.0, "kms": 1.0, "kilometres": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometer": 1.0,
         "miles": 1.609, "mile": 1.609, "mi": 1.609}
# Words that may stand between a name and its distance: "Dudu, a small village some 60km from …"
_BETWEEN = frozenset({",", "a", "an", "the", "some", "about", "around", "roughly", "nearly", "almost", "just",
                      "only", "approximately", "over", "under", "less", "more", "than", "located", "situated",
                      "which", "is", "lies", "small", "village", "town", "city", "hamlet", "suburb",
                      "settlement", "community", "district", "area", "-", "(", "—", "–"})
_BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
             "west": 270, "northwest": 315}
SLACK = 1.25  # roads wind and the other place is a point: a reading this far beyond the distance still fits
SLACK_KM = 25.0
BEARING_SLACK = 67.5  # "southeast of": within this many degrees of the stated bearing


def stated_distance(doc: Doc, m: Mention) -> tuple[float, float | None, int] | None:
    """(km, bearing or None, token index of the other place) for "<m>, … 60 km [north] from|of <place>"."""
    w = token_table(doc)
    i, n = m.end, len(doc)
    while i < n and i < m.end + 7 and w.lower[i] in _BETWEEN:
        i += 1
    if i + 2 >= n or not doc[i].like_num:
        return None
    try:
        value = float(w.text[i].replace(",", ""))
    except ValueError:
        return None
    j = i + 1
    if j < n and w.text[j] == "-":
        j += 1  # "60-km"
    unit = UNITS.get(w.lower[j]) if j < n else None
    if unit is None:
        return None
    j += 1
    bearing = None
    words = []
    while j < n and len(words) < 3 and (w.lower[j] in _BEARINGS or w.lower[j] in ("-", "north", "south")):
        words.append(w.lower[j])
        j += 1
    if words:
        bearing = _BEARINGS.get("".join(x for x in words if x != "-"))
    if j >= n or w.lower[j] not in ("from", "of", "outside"):
        return None
    j += 1
    if j < n and w.lower[j] == "the":
        j += 1
    return value * unit, bearing, j


def _bearing(a: GeoRef, b: GeoRef) -> float:
    """Degrees clockwise from north of ``b`` as seen from ``a``."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dl = math.radians(b.lon - a.lon)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return (math.degrees(math.atan2(x, y)) + 360.0) % 360.0


def _fits(c: GeoRef, anchor: GeoRef, dist: float, bearing: float | None) -> bool:
    d = km(anchor.lat, anchor.lon, c.lat, c.lon)
    if d > dist * SLACK + SLACK_KM:
        return False
    if bearing is None or d < SLACK_KM:
        return True
    off = abs((_bearing(anchor, c) - bearing + 180.0) % 360.0 - 180.0)
    return off <= BEARING_SLACK


def _point(c: GeoRef) -> bool:
    return c.feature_class in ("P", "S") or c.feature_code == "ADM2"


def apply_distances(doc: Doc, mentions: list[Mention]) -> None:
    """Keeps, of each name with a stated distance from another place of the article, the readings
    that lie there (``m.cands``; ``m.near`` says from where), none if the gazetteer has none there."""
    starts = {x.start: x for x in mentions}
    for m in mentions:
        if not m.cands or m.source == "demonym":
            continue
        got = stated_distance(doc, m)
        if got is None:
            continue
        dist, bearing, at = got
        anchor = starts.get(at)
        if anchor is None or anchor is m or not anchor.cands:
            continue
        readings = [a for a in anchor.cands[:5] if a.feature_class in ("P", "S") or a.feature_code == "ADM2"]
        if not readings:
            continue
        # a distance locates a point: a country's or a state's reading is an area, not ruled out by it
        kept = [c for c in m.cands if not _point(c) or any(_fits(c, a, dist, bearing) for a in readings)]
        if len(kept) < len(m.cands):
            m.cands = kept
            m.near = f"{dist:.0f} km from {anchor.text}"
