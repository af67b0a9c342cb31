"""A visit claim finds its visits, the same days' meetings and the hosts' side in one pass
(``query.occurrence_sets``, reports read by ``query.with_reports``): each set gets exactly the occurrences,
reports and order that ``query.occurrences`` gives it asked alone, and every claim answers as when the three
were asked one after another with all their reports, on DuckDB and PostgreSQL, over a store of invented trips (overlapping visits, low-confidence
reports, hosts named without a country) and over the demo and claim stores."""

from __future__ import annotations

import datetime as dt
import importlib
import random

import pytest

from dateline import query
from dateline.claims import ClaimError, check, parse_claim
from dateline.model import ActorRef, Article, ArticleAnalysis, DateRef, Event, Evidence, Span, article_id
from dateline.store import open_store

claims_check = importlib.import_module("dateline.claims.check")  # the package exports the function, not the module

# invented travellers (name, country) and the countries they visit, with a host named without a country
VISITORS = [("Ada Lindqvist", "SWE"), ("Jonas Berg", "NOR"), ("Mira Okafor", "NGA")]
HOSTS = {"DNK": "Karen Holm", "FIN": "Eero Salo", "NOR": "Jonas Berg", "KEN": "Wanjiru Mbeki"}
NAMES = {"DNK": "Denmark", "FIN": "Finland", "NOR": "Norway", "KEN": "Kenya"}


def _side(name: str, country: str | None, at: int) -> ActorRef:
    return ActorRef(text=name, name=name, span=Span(start=at, end=at + len(name), text=name), country=country,
                    coding="test")


def _report(n: int, day: dt.date, days: int, actor: tuple, recipient: tuple, cameo: str, mode: str | None,
            confidence: float, status: str = "occurred") -> ArticleAnalysis:
    sentence = f"{actor[0]} and {recipient[0]} were together on trip {n}."
    text = f"Trip report {n}\n{sentence}\n"
    start = text.index(sentence)
    published = day + dt.timedelta(days=days)
    art = Article(id=article_id(text), text=text, title=f"Trip report {n}", published=str(published),
                  source=f"Wire {n % 4}", url=f"https://wire.example/trip/{n}")
    rec_at = start + len(actor[0]) + 5
    end = day + dt.timedelta(days=days - 1)
    ev = Event(id=f"ev{art.id}", article_id=art.id, type="CONSULT", mode=mode, cameo=cameo,
               actor=_side(*actor, start), recipient=_side(*recipient, rec_at), confidence=confidence,
               status=status,
               evidence=Evidence(sentence=Span(start=start, end=start + len(sentence), text=sentence),
                                 trigger=Span(start=rec_at - 4, end=rec_at - 1, text="and"), rule="test"),
               date=DateRef(value=str(day), start=str(day), end=str(end)))
    return ArticleAnalysis(article=art, entities=(), events=(ev,))


def _trips(seed: int = 3) -> list[ArticleAnalysis]:
    """Visits of two to four reports each, most with a meeting or a host's report of the same days, some
    within days of another visit of the same traveller, some below the confidence floor or only reported."""
    rng, out, n = random.Random(seed), [], 0
    for visitor in VISITORS:
        day = dt.date(2020, 1, 6)
        for _ in range(14):
            day += dt.timedelta(days=rng.choice([3, 20, 45, 90]))
            country = rng.choice([c for c in HOSTS if HOSTS[c] != visitor[0]])
            host, days = (HOSTS[country], None if rng.random() < 0.5 else country), rng.choice([1, 2, 3])
            for _ in range(rng.choice([1, 2, 3])):
                n += 1
                out.append(_report(n, day, days, visitor, (NAMES[country], country), "042", "visit",
                                   rng.choice([0.9, 0.9, 0.4]), rng.choice(["occurred", "occurred", "reported"])))
            if rng.random() < 0.7:
                n += 1
                out.append(_report(n, day, days, visitor, host, rng.choice(["040", "036"]), None, 0.9))
            if rng.random() < 0.6:
                n += 1
                out.append(_report(n, day, days, host, visitor, "043", "visit", 0.9))
    out.sort(key=lambda a: a.article.published)
    return out


@pytest.fixture(scope="module", params=["duckdb", "postgresql"])
def trips_url(request, tmp_path_factory):
    if request.param == "duckdb":
        url = str(tmp_path_factory.mktemp("trips") / "trips.duckdb")
    else:
        url = request.getfixturevalue("pg_server").new_database()
    with open_store(url) as store:
        store.save(_trips())
    return url


def _one_at_a_time(store, filter_sets, *, since=None, until=None, min_confidence=None):
    """``occurrences`` asked for each set of filters apart."""
    return [query.occurrences(store, **f, since=since, until=until, min_confidence=min_confidence,
                              unplaced=False)["occurrences"] for f in filter_sets]


def _visits_before(store, wanted, facts=None):
    """What a visit claim read before the one pass: the visits, then each related set, all their reports
    (``facts`` left empty: the claim then reads what each report is by its id, as it did before)."""
    found, *others = _one_at_a_time(store, [claims_check._sides(wanted), *claims_check._related(wanted)],
                                    since=wanted["since"], until=wanted["until"],
                                    min_confidence=wanted["min_confidence"])
    return found, others


def _answer(store, text: str, as_of: str, **kw):
    try:
        return check(store, parse_claim(text), dt.date.fromisoformat(as_of), **kw)
    except ClaimError as e:
        return str(e)


SETS = [
    [{"actor": "Ada Lindqvist", "recipient": "DNK", "cameo": "042"}, {"actor": "Ada Lindqvist", "recipient": "DNK"},
     {"recipient": "Ada Lindqvist", "cameo": "043"}],
    [{"actor": "berg", "type": "CONSULT", "mode": "visit"}, {"actor": "berg", "type": "consult"}],
    [{"recipient": "KEN", "cameo": "04"}, {"actor": "Okafor", "cameo": "036"}, {"actor": "nobody at all"}],
    [{}, {"cameo": "043"}],
    [{"actor": "Mira Okafor"}],
]


@pytest.mark.parametrize("days", [(None, None), ("2020-03-01", "2021-06-30"), ("2022-01-01", "2021-01-01")])
@pytest.mark.parametrize("floor", [None, 0.0])
def test_each_set_gets_what_it_would_get_alone(trips_url, days, floor):
    with open_store(trips_url, read_only=True) as store:
        for sets in SETS:
            got = [query.with_reports(store, rows, floor)
                   for rows in query.occurrence_sets(store, sets, since=days[0], until=days[1], min_confidence=floor)]
            assert got == _one_at_a_time(store, sets, since=days[0], until=days[1], min_confidence=floor)
        assert query.occurrence_sets(store, []) == []


def _claims() -> list[tuple[str, str]]:
    out = []
    for visitor, _ in VISITORS:
        for country, name in NAMES.items():
            for as_of in ("2020-12-31", "2021-09-30", "2023-06-30"):
                out += [(f"{visitor} makes 2nd visit to {name} in a year", as_of),
                        (f"{visitor.split()[-1]} has visited {name} three times this year", as_of),
                        (f"{visitor} makes her fifth visit to {name} since March 2020", as_of)]
        out.append((f"{visitor} makes third visit to Sweden in a year", "2021-09-30"))  # visits nowhere
    out += [("The premier has visited Denmark twice this year", "2021-06-30"),  # no visitor named
            ("Berg and Lindqvist hold third summit this year", "2021-06-30"),  # a meeting, not a visit
            ("Olaf Nilsen makes third visit to Norway in a year", "2021-06-30")]  # nobody stored
    return out


def test_every_claim_answers_as_with_one_lookup_at_a_time(trips_url, monkeypatch):
    with open_store(trips_url, read_only=True) as store:
        now = {c: _answer(store, *c) for c in _claims()}
        with monkeypatch.context() as m:
            m.setattr(claims_check, "_visits", _visits_before)
            before = {c: _answer(store, *c) for c in _claims()}
    assert now == before
    answered = [a for a in now.values() if isinstance(a, dict)]
    # the store exercises what the one pass serves: counted visits, and meetings and hosts listed with them
    assert sum(a["count"] for a in answered) > 50
    assert any(r["related"] and r["type"] == "CONSULT" and r["mode"] is None
               for a in answered for o in a["occurrences"] for r in o["reports"])
    assert any(r["related"] and r["actor"] in HOSTS.values() for a in answered for o in a["occurrences"]
               for r in o["reports"])
    assert {a["verdict"] for a in answered} == {"supported", "contradicted", "not enough data"}


def test_the_founding_claim_on_the_demo_answers_as_before(demo_db, monkeypatch):
    with open_store(demo_db, read_only=True) as store:
        now = _answer(store, "Kim Jong Un makes 4th visit to China in a year", "2019-01-08")
        with monkeypatch.context() as m:
            m.setattr(claims_check, "_visits", _visits_before)
            before = _answer(store, "Kim Jong Un makes 4th visit to China in a year", "2019-01-08")
    assert now == before and now["verdict"] == "supported" and now["count"] == 4
