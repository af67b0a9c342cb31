"""Query speed (issue 13): a claim's sides are looked up among the stored names once (``query.names_of``) and
matched as constants (``name_match`` with ``names``); what each report is comes from the report rows already
read (``query.report_facts``), not from a second lookup by id. Same answers as before, on DuckDB and PostgreSQL,
over a small store of invented ferry inspections."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline import query
from dateline.model import ActorRef, Article, ArticleAnalysis, DateRef, Event, Evidence, Span, article_id
from dateline.store import open_store
from dateline.timeline import event_facts, timeline

# (inspector, country, harbour authority, country, day, cameo)
TRIPS = [
    ("Oda Fjell", "NOR", "Port of Tallinn", "EST", dt.date(2021, 3, 2), "042"),
    ("Oda Fjell", "NOR", "Port of Tallinn", "EST", dt.date(2021, 3, 2), "042"),
    ("Oda Fjell", "NOR", "Riga Harbour Board", "LVA", dt.date(2021, 5, 11), "042"),
    ("Riga Harbour Board", "LVA", "Oda Fjell", "NOR", dt.date(2021, 5, 11), "043"),
    ("Oda Fjellstad", "NOR", "Port of Tallinn", "EST", dt.date(2021, 6, 20), "040"),
    ("Tiit Kask", "EST", "Oda Fjell", "NOR", dt.date(2021, 8, 4), "040"),
]


def _analysis(n: int, actor: str, a_country: str, recipient: str, r_country: str, day: dt.date,
              cameo: str) -> ArticleAnalysis:
    sentence = f"{actor} and {recipient} went over the ferry logs together, report {n} says."
    text = f"Ferry report {n}\n{sentence}\n"
    start = text.index(sentence)
    art = Article(id=article_id(text), text=text, title=f"Ferry report {n}", published=str(day + dt.timedelta(days=1)),
                  source=f"Harbour Wire {n % 2}", url=f"https://harbour.example/{n}")
    rec_at = start + len(actor) + 5
    side = lambda name, country, at: ActorRef(text=name, name=name, span=Span(start=at, end=at + len(name), text=name),
                                              country=country, coding="test")
    ev = Event(id=f"ev{art.id}", article_id=art.id, type="CONSULT", mode="visit" if cameo != "040" else None,
               cameo=cameo, actor=side(actor, a_country, start), recipient=side(recipient, r_country, rec_at),
               confidence=0.9, status="occurred",
               evidence=Evidence(sentence=Span(start=start, end=start + len(sentence), text=sentence),
                                 trigger=Span(start=rec_at - 4, end=rec_at - 1, text="and"), rule="test"),
               date=DateRef(value=str(day), start=str(day), end=str(day)))
    return ArticleAnalysis(article=art, entities=(), events=(ev,))


@pytest.fixture(scope="module", params=["duckdb", "postgresql"])
def ferry_url(request, tmp_path_factory):
    if request.param == "duckdb":
        url = str(tmp_path_factory.mktemp("ferry") / "ferry.duckdb")
    else:
        url = request.getfixturevalue("pg_server").new_database()
    with open_store(url) as store:
        store.save([_analysis(n, *t) for n, t in enumerate(TRIPS)])
    return url


def test_names_of_finds_every_stored_name_containing_each_text(ferry_url):
    with open_store(ferry_url, read_only=True) as store:
        got = query.names_of(store, ["oda fjell", "TALLINN", "Nobody Here", ""])
        assert got == {"Nobody Here": [], "TALLINN": ["Port of Tallinn"], "oda fjell": ["Oda Fjell", "Oda Fjellstad"]}
        # a text more names contain than asked for is left to the subquery
        assert "oda fjell" not in query.names_of(store, ["oda fjell"], most=1)


def test_names_as_constants_keep_the_same_events(ferry_url):
    with open_store(ferry_url, read_only=True) as store:
        for text in ("Oda Fjell", "tallinn", "Nobody Here", "NOR"):
            names = query.names_of(store, [text])
            for side in ("actor", "recipient"):
                plain = query._event_where(**{side: text}, store=store)
                constant = query._event_where(**{side: text}, store=store, names=names)
                ids = [store.query(f"SELECT e.id FROM events e{w.sql} ORDER BY e.id", w.params) for w in (plain, constant)]
                assert ids[0] == ids[1], (text, side)


def test_report_facts_are_what_event_facts_reads(ferry_url):
    with open_store(ferry_url, read_only=True) as store:
        facts: dict = {}
        found = query.occurrences(store, actor="Oda Fjell", facts=facts)["occurrences"]
        ids = [r["event"] for o in found for r in o["reports"]]
        assert ids and set(facts) == set(ids)
        assert facts == event_facts(store, ids)


def test_a_timeline_answers_as_with_facts_read_by_id(ferry_url, monkeypatch):
    with open_store(ferry_url, read_only=True) as store:
        now = timeline(store, "Oda Fjell")
        # with the facts dict left empty, the timeline reads every fact by id, as it did before
        real = query.actor_occurrences
        monkeypatch.setattr(query, "actor_occurrences", lambda *a, facts=None, **k: real(*a, **k))
        assert timeline(store, "Oda Fjell") == now
        assert now["count"] >= 3
