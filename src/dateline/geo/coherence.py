"""Resolving an article's place names together: each name's reading is the one that fits the others'.

A name's score for one gazetteer reading is its prior (population, kind, capital: see
``gazetteer.prior``), plus what its own words say (", Texas", "the state of"), plus how well the
reading agrees with the readings of the article's *other* names: the same country, the same state
or province, a town within a short drive of another town the article names. That is the spatial
minimality idea of the geoparsing literature (Leidner 2008; Speriosu & Baldridge 2013: the readings
of a text's toponyms cluster), solved greedily: start from the priors, then let every name take its
best reading given the others' current readings, a few rounds.

The article's source may have a home (:mod:`dateline.geo.homes`: the state a local paper's readers
live in, learnt from its articles or declared): readings in the home's country, its state and near
its home town get a bonus, a prior of the same size as a few of the article's own names agreeing,
so a bare "Paris" in a Tennessee paper is Paris, Tennessee, while a name's own words ("Paris,
France": ``QUALIFIER_BONUS``) and an article that is plainly about somewhere else still win.

One name is one place throughout the article ("one sense per discourse"): every mention of
"Paris" counts together, so a single "Paris, Texas" decides the other five, and a name never vouches
for itself however often it is repeated. Each other name counts once, whatever its mention count.

Pure: no spaCy, no I/O; the caller says what each name's own words add.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from ..model import GeoRef
from .gazetteer import Gazetteer, km
from .homes import SourceHome

__all__ = ["Name", "Scored", "resolve"]

COUNTRY_BONUS = 2.0  # the reading's country is one other names are in (+0.5 per doubling of them)
NEIGHBOUR_BONUS = 1.0  # its country borders one other names are in
ADMIN1_BONUS = 3.0  # its state or province is one other names are in (+0.5 per doubling)
NEAR_BONUS = 1.5  # a town or county within NEAR_KM of a town or county another name reads as
NEAR_KM = 120.0
DATELINE_BONUS = 1.0  # same country (and again the same state) as the article's first place
MIN_MARGIN = 1.0  # a reading leading the next by this much is taken as settled (by callers)
SOFTNESS = 1.0  # a reading's share of belief is exp(score / SOFTNESS), normalised over the name's
MIN_SHARE = 0.05  # smaller shares say nothing
COLOCATED_BONUS = 1.5  # per specific other name one of whose readings is near this reading (at most 2)
COLOCATE_READINGS = 15  # readings of a name looked at for that
SPECIFIC_READINGS = 3  # a name with more readings than this counts 3/n
CELL = 2.0  # degrees: the grid that finds readings near each other
ROUNDS = 3
HOME_COUNTRY_BONUS = 1.0  # the reading is in the country of the source's home
HOME_ADMIN1_BONUS = 3.0  # … and in its state or province
HOME_NEAR_BONUS = 2.0  # a town or county within NEAR_KM of the source's home town
HOME_TOWN_BONUS = 6.0  # the home town itself: a local paper's "Manhattan" is its own, not New York's
HOME_TOWN_KM = 15.0
MAX_READINGS = 40  # a common name ("San Jose") has dozens; the tail never wins
WORLD_CITY_POP = 250_000  # a namesake this big outweighs a village fifty times smaller (``_rank``)
PRECISE = ("P", "S")  # readings precise enough to measure distances from


@dataclass(slots=True)
class Name:
    """One name of the article with every reading the gazetteer has for it, most likely first."""

    cands: list[GeoRef]
    local: list[float] = field(default_factory=list)  # per reading: what the name's own words add
    local_why: list[list[str]] = field(default_factory=list)
    weight: float = 1.0  # how much this name says about the article's setting
    first: bool = False  # the article's first place after the headline (its dateline)
    fixed: bool = False  # gives context, is not resolved (a nationality adjective's country)
    explicit: bool = False  # its own words say which place ("Paris, France"): the source's home says nothing


Scored = tuple[float, GeoRef, list[str]]


@dataclass(slots=True)
class _Setting:
    """What the names' current readings say about where the article is. A name counts each of its
    likelier readings by its share (``_shares``), so two names that are each unsure ("Decatur",
    "DeKalb County") still pull each other towards the state where both can be."""

    countries: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    admin1: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))
    points: list[tuple[float, float, int, float]] = field(default_factory=list)  # lat, lon, name, share
    own: dict[int, tuple[dict[str, float], dict[tuple[str, str], float]]] = field(default_factory=dict)

    def add(self, i: int, shares: list[tuple[float, GeoRef]], w: float) -> None:
        mine: tuple[dict[str, float], dict[tuple[str, str], float]] = (defaultdict(float), defaultdict(float))
        for p, r in shares:
            if r.country:
                self.countries[r.country] += p * w
                mine[0][r.country] += p * w
            if r.admin1 and r.country and r.feature_code not in ("PCLI", "CONT"):
                self.admin1[(r.country, r.admin1)] += p * w
                mine[1][(r.country, r.admin1)] += p * w
            if r.feature_class in PRECISE or r.feature_code == "ADM2":
                self.points.append((r.lat, r.lon, i, p * w))
        self.own[i] = mine


def _shares(ranked: list[Scored]) -> list[tuple[float, GeoRef]]:
    """A name's likelier readings with their shares of belief: exp(score), normalised."""
    top = ranked[0][0]
    ws = [(math.exp((s - top) / SOFTNESS), c) for s, c, _ in ranked[:8]]
    z = sum(w for w, _ in ws)
    return [(w / z, c) for w, c in ws if w / z >= MIN_SHARE]


def _support(n: float) -> float:
    """How much ``n`` names' agreement is worth, in multiples of one name's."""
    return min(1.0, n) + 0.25 * math.log2(n) if n > 1 else max(0.0, n)


def _home(c: GeoRef, home: SourceHome) -> tuple[float, list[str]]:
    """What the source's home says for a reading: its country, its state, its home town nearby."""
    if c.country != home.country or c.feature_code == "CONT":
        return 0.0, []
    score, why = HOME_COUNTRY_BONUS, [f"the source's home is in {home.country}"]
    if home.admin1 and c.admin1 == home.admin1 and c.feature_code != "PCLI":
        score += HOME_ADMIN1_BONUS
        why = [f"the source's home is in {home.country}-{home.admin1}"]
    if home.has_point and (c.feature_class in PRECISE or c.feature_code == "ADM2") and \
            km(home.lat, home.lon, c.lat, c.lon) <= NEAR_KM:  # type: ignore[arg-type]
        score += HOME_NEAR_BONUS
        why.append("near the source's home town")
        if c.feature_class == "P" and km(home.lat, home.lon, c.lat, c.lon) <= HOME_TOWN_KM:  # type: ignore[arg-type]
            score += HOME_TOWN_BONUS
            why[-1] = "the source's home town"
    return score, why


def _score(c: GeoRef, i: int, s: _Setting, dateline: GeoRef | None, gaz: Gazetteer,
           home: SourceHome | None = None, setting_weight: float = 1.0) -> tuple[float, list[str]]:
    score, why = 0.0, []
    if home is not None:
        score, why = _home(c, home)
    own_c, own_a1 = s.own.get(i, ({}, {}))
    n_country = s.countries.get(c.country, 0.0) - own_c.get(c.country, 0.0) if c.country else 0.0
    if n_country > MIN_SHARE:
        score += COUNTRY_BONUS * _support(n_country) * setting_weight
        why.append(f"article is about {c.country}")
    elif c.country and any(s.countries.get(x, 0.0) - own_c.get(x, 0.0) >= 0.5 for x in gaz.neighbours(c.country)):
        score += NEIGHBOUR_BONUS
        why.append(f"article mentions a neighbour of {c.country}")
    if c.admin1 and c.feature_code not in ("PCLI", "CONT"):
        n_a1 = s.admin1.get((c.country, c.admin1), 0.0) - own_a1.get((c.country, c.admin1), 0.0)
        if n_a1 > MIN_SHARE:
            score += ADMIN1_BONUS * _support(n_a1) * setting_weight
            why.append(f"article mentions places in {c.country}-{c.admin1}")
    if (c.feature_class in PRECISE or c.feature_code == "ADM2") and n_country > MIN_SHARE and s.points:
        near = 0.0
        for lat, lon, j, p in s.points:
            # a cheap box test first (a degree of latitude is ~111 km); the same entry named twice
            # ("Beijing Railway", "Beijing") is no second place near it
            if j != i and p > near and abs(lat - c.lat) < 1.2 and abs(lon - c.lon) < 2.0 and \
                    (lat, lon) != (c.lat, c.lon) and km(lat, lon, c.lat, c.lon) <= NEAR_KM:
                near = p
        if near > MIN_SHARE:
            score += NEAR_BONUS * min(1.0, near)
            why.append("near another place of the article")
    if dateline is not None and c.country == dateline.country:
        score += DATELINE_BONUS
        if c.admin1 and c.admin1 == dateline.admin1 and c.feature_code != "PCLI":
            score += DATELINE_BONUS
        why.append("near the dateline")
    return score, why


def _colocated(names: list[Name]) -> list[dict[int, float]]:
    """For each name, the readings that lie within NEAR_KM of *some* reading of another name, with
    how many such names (each counted by how specific it is: a name with a few readings counts
    fully, a "Springfield" with dozens hardly). Two small towns of an article that can both be in
    one spot rarely are by chance; this is what lets "Paris" and "Henry County" find Tennessee
    together, whatever their priors say."""
    grid: dict[tuple[int, int], list[tuple[int, float, float]]] = defaultdict(list)
    readings: list[list[tuple[int, GeoRef]]] = []
    for i, n in enumerate(names):
        # a reading its own words speak against ("California" the town) takes no part
        mine = [(k, c) for k, c in enumerate(n.cands[:COLOCATE_READINGS])
                if not n.fixed and (c.feature_class in PRECISE or c.feature_code == "ADM2") and
                (k >= len(n.local) or n.local[k] >= 0)]
        readings.append(mine)
        for _, c in mine:
            grid[(int(c.lat // CELL), int(c.lon // CELL))].append((i, c.lat, c.lon))
    out: list[dict[int, float]] = []
    for i, mine in enumerate(readings):
        got: dict[int, float] = {}
        for k, c in mine:
            near: set[int] = set()
            ci, cj = int(c.lat // CELL), int(c.lon // CELL)
            for a in (ci - 1, ci, ci + 1):
                for b in (cj - 1, cj, cj + 1):
                    for j, lat, lon in grid.get((a, b), ()):
                        if j != i and j not in near and (lat, lon) != (c.lat, c.lon) and \
                                km(lat, lon, c.lat, c.lon) <= NEAR_KM:
                            near.add(j)
            if near:
                got[k] = sum(min(1.0, SPECIFIC_READINGS / max(1, len(readings[j]))) for j in near)
        out.append(got)
    return out


def _rank(name: Name, i: int, setting: _Setting, dateline: GeoRef | None, gaz: Gazetteer,
          colocated: dict[int, float] | None = None, home: SourceHome | None = None) -> list[Scored]:
    out = []
    big = max((c.population for c in name.cands[:MAX_READINGS] if c.feature_class == "P"), default=0)
    for k, c in enumerate(name.cands[:MAX_READINGS]):
        # a town a fiftieth the size of a namesake city of a quarter million ("Toronto", New South
        # Wales; "Boston", New York) takes the name on half the evidence of a shared country or
        # state, unless it is in the source's home state (a Kansas paper's "Manhattan")
        small = big >= WORLD_CITY_POP and c.feature_class == "P" and c.population * 50 < big and not (
            home is not None and home.admin1 and (c.country, c.admin1) == (home.country, home.admin1))
        s, why = _score(c, i, setting, dateline, gaz, home, 0.5 if small else 1.0)
        local = name.local[k] if k < len(name.local) else 0.0
        why = (name.local_why[k] if k < len(name.local_why) else []) + why
        if colocated and k in colocated:
            s += COLOCATED_BONUS * min(2.0, colocated[k])
            why.append("where another of the article's names can be")
        out.append((c.score + local + s, c, why))
    out.sort(key=lambda x: -x[0])
    return out


def resolve(names: list[Name], gaz: Gazetteer, *, rounds: int = ROUNDS, home: SourceHome | None = None
            ) -> list[list[Scored]]:
    """Every name's readings scored against the others', best first (empty for a name without
    readings); ``home`` is the home of the article's source, if it has one."""
    empty = _Setting()
    co = _colocated(names)
    ranked = [_rank(n, i, empty, None, gaz, co[i], None if n.explicit else home) for i, n in enumerate(names)]
    for _ in range(rounds):
        setting = _Setting()
        for i, (n, r) in enumerate(zip(names, ranked)):
            if r:
                setting.add(i, [(1.0, r[0][1])] if n.fixed else _shares(r), n.weight)
        first = next((i for i, n in enumerate(names) if n.first and ranked[i]), None)
        changed = False
        new = []
        for i, (n, r) in enumerate(zip(names, ranked)):
            if n.fixed or not n.cands:
                new.append(r)
                continue
            dateline = ranked[first][0][1] if first is not None and first != i else None
            got = _rank(n, i, setting, dateline, gaz, co[i], None if n.explicit else home)
            changed |= not r or got[0][1] is not r[0][1]
            new.append(got)
        ranked = new
        if not changed:
            break
    return ranked
