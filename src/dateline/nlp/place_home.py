"""A local story's places the gazetteer cannot place: put at the paper's home town.

A local paper writes of the places around it, and its readers know them without being told where
(Lieberman et al.'s *local lexicon*, :mod:`dateline.geo.homes`). Two kinds of its names are then
better placed at the source's home town, as an approximate area (``feature_code="AREA"``,
``source="dateline:home"``), than left unresolved or sent across the country:

- a name the gazetteer lacks altogether (a hamlet, a park, a creek);
- a small town of another state of the country, named without its state. News style names an
  out-of-state town with its state ("Brandon, Fla."), and only the largest cities stand alone
  ("Denver", "Atlanta"), so a bare "Brandon" in a Minnesota paper is a Minnesota place the
  gazetteer lacks, not the Florida suburb 2,000 km away.

Only in a story that is itself local (another of its places lies within ``NEAR_KM`` of the home
town), and never for a name its own words put elsewhere ("Orient, Ohio" in a Pennsylvania paper)
or a state the story names other places in. The reading it replaces stays among the candidates.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..geo.coherence import NEAR_KM
from ..geo.gazetteer import km
from ..geo.homes import SourceHome
from ..model import GeoRef, Place
from .place_syntax import Mention
from .token_table import token_table

# A town this big may stand without its state in any paper (the smallest city that news style lets
# stand alone in a dateline, Salt Lake City, has about 200,000 people).
STANDALONE_POP = 200_000
# A reading this far from the home town is no place of the paper's own area.
STRAY_KM = 150.0


def near_home(doc: Doc, mentions: list[Mention], places: list[Place], home: SourceHome) -> list[Place]:
    """``places`` with a local story's unplaced and stray names put at ``home``'s town; for a home
    known only to its state, at the story's first town in that state (its own town, most often the
    dateline's)."""
    where = "the source's home town"
    if not home.has_point:
        first = next((p.resolved for p in places if p.resolved is not None and p.kind == "name" and
                      p.resolved.feature_class == "P" and home.admin1 and
                      (p.resolved.country, p.resolved.admin1) == (home.country, home.admin1)), None)
        if first is None:
            return places
        home = replace(home, lat=first.lat, lon=first.lon, place=f"{first.name}, {home.admin1}, {home.country}")
        where = "the story's first town in the source's home state"
    local = any(p.resolved is not None and p.resolved.feature_class in ("P", "S") and
                _km(home, p.resolved) <= NEAR_KM for p in places)
    if not local:
        return places
    starts = {token_table(doc).offsets(m.start, m.end)[0]: m for m in mentions}
    out = []
    for p in places:
        m = starts.get(p.span.start)
        if m is None or m.source == "demonym" or _elsewhere(doc, m, mentions, home) or \
                p.resolved is not None and not _stray(p, places, home):
            out.append(p)
            continue
        area = GeoRef(name=p.span.text, country=home.country, lat=home.lat, lon=home.lon,  # type: ignore[arg-type]
                      admin1=home.admin1, feature_class="L", feature_code="AREA", source="dateline:home")
        why = "a local story's place" if p.resolved is None else \
            f"a small town of another state named without its state, so a local place, not {p.resolved.name}"
        out.append(replace(p, resolved=area, candidates=(area, *p.candidates),
                           reason=f"{p.reason}; {why}: put at {where} ({home.place})"))
    return out


def _km(home: SourceHome, r: GeoRef) -> float:
    return km(home.lat, home.lon, r.lat, r.lon)  # type: ignore[arg-type]


def _stray(p: Place, places: list[Place], home: SourceHome) -> bool:
    """A resolved town far from the home, in another state of the home's country, small enough to
    need its state, with nothing in the story for that state (no qualifier, no other name there)."""
    r = p.resolved
    if r is None or r.feature_class != "P" or r.country != home.country or not home.admin1 or \
            r.admin1 == home.admin1 or r.population >= STANDALONE_POP or _km(home, r) <= STRAY_KM:
        return False
    if "qualified by" in p.reason or "named again" in p.reason:
        return False
    return not any(q.span.text != p.span.text and q.resolved is not None and q.kind == "name" and
                   (q.resolved.country, q.resolved.admin1) == (r.country, r.admin1) for q in places)


def _elsewhere(doc: Doc, m: Mention, mentions: list[Mention], home: SourceHome) -> bool:
    """Whether a name's own words put it outside the home's state: ", Ohio" or ", Pa." after it."""
    w = token_table(doc)
    if m.end >= len(doc) or w.text[m.end] != ",":
        return False
    nxt = next((x for x in mentions if x.start == m.end + 1), None)
    if nxt is None or not nxt.cands:
        return False
    top = nxt.cands[0]
    return top.feature_code in ("ADM1", "PCLI") and (top.country, top.admin1 if top.feature_code == "ADM1" else
                                                     home.admin1) != (home.country, home.admin1)
