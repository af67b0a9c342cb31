"""Timelines and stories over the demo store's occurrences, the same read models behind the CLI and the HTTP
API, and their bad input (an actor no article names, a window that ends before it starts)."""

from __future__ import annotations

import json
import sys
import warnings

import pytest

from dateline.store import open_store
from dateline.timeline import UnknownActor, stories, timeline

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)


@pytest.fixture(scope="module")
def store(demo_db):
    with open_store(demo_db, read_only=True) as s:
        yield s


def test_a_timeline_is_in_date_order_with_type_counterpart_place_and_sources(store):
    got = timeline(store, "Kim Jong Un", with_="CHN", type="CONSULT", until="2019-01-31")
    rows = got["occurrences"]
    assert rows and got["count"] == len(rows)
    assert [(o["start"], o["end"]) for o in rows] == sorted((o["start"], o["end"]) for o in rows)
    visits = [o for o in rows if o["mode"] == "visit"]
    # the visits, on either side (the host's "Xi hosted Kim" too)
    assert sorted({v["start"][:7] for v in visits}) == ["2018-03", "2018-05", "2018-06", "2019-01"]
    assert all(o["counterpart_country"] == "CHN" for o in visits)  # Kim's side or Xi's, never Kim himself
    for o in rows:
        assert o["type"] == "CONSULT" and o["reports"] >= 1 and o["sources"]
        assert o["counterpart"] and len(o["evidence"]) == o["reports"]
    assert any("Beijing" in o["places"] for o in rows)


def test_a_timeline_window_and_an_unknown_actor(store):
    got = timeline(store, "Kim Jong Un", since="2019-02-01", until="2019-03-31")
    assert got["occurrences"] and all(o["end"] >= "2019-02-01" and o["start"] <= "2019-03-31"
                                      for o in got["occurrences"])
    with pytest.raises(UnknownActor, match="no stored article names 'Olaf Nilsen'"):
        timeline(store, "Olaf Nilsen")


def test_stories_group_the_articles_that_report_one_occurrence_as_news(store):
    got = stories(store)
    assert got["count"] == len(got["stories"]) >= 5
    ids_all = [a["id"] for s in got["stories"] for a in s["articles"]]
    assert len(ids_all) == len(set(ids_all))  # an article is in one story
    by_title = {a["title"]: s for s in got["stories"] for a in s["articles"]}
    first_visit = by_title["Kim Jong Un made secret visit to Beijing and met Xi, state media confirm"]
    titles = " | ".join(a["title"] for a in first_visit["articles"])
    assert "Xi hosted Kim in Beijing" in titles and "welcomes China trip" in titles
    assert len(first_visit["articles"]) == 3  # the later recaps of that visit are other stories' articles
    assert {"Kim Jong Un", "Xi Jinping"} <= set(first_visit["actors"]) and "Beijing" not in first_visit["actors"]
    fourth = by_title["Kim Jong Un in Beijing on fourth China trip, meets Xi on his birthday"]
    assert len(fourth["articles"]) == 4 and fourth["start"] == "2019-01-08"
    assert by_title["Trump and Kim sign statement on denuclearization at Singapore summit"] is not fourth
    window = stories(store, since="2019-01-07", until="2019-01-11")
    assert [len(s["articles"]) for s in window["stories"]][:1] == [4]


def run(monkeypatch, *args):
    from dateline.cli import main

    monkeypatch.setattr(sys, "argv", ["dateline", *args])
    with pytest.raises(SystemExit) as e:
        main()
    return e.value.code or 0


def test_cli_timeline_and_stories(monkeypatch, capsys, demo_db):
    assert run(monkeypatch, "--db", demo_db, "timeline", "Kim Jong Un", "--with", "CHN", "--json") == 0
    assert json.loads(capsys.readouterr().out)["occurrences"]
    assert run(monkeypatch, "--db", demo_db, "stories", "--since", "2019-01-01", "--json") == 0
    assert json.loads(capsys.readouterr().out)["stories"]


@pytest.mark.parametrize("args, message", [
    (["timeline", "Olaf Nilsen"], "no stored article names"),
    (["timeline", "Kim Jong Un", "--since", "2019-03-01", "--until", "2019-01-01"], "starts after it ends"),
    (["timeline", "Kim Jong Un", "--type", "VISIT"], "is not one of"),
    (["stories", "--since", "2019-03-01", "--until", "2019-01-01"], "starts after it ends"),
    (["claim", "Kim Jong Un makes 4th visit to China", "--as-of", "2019-01-08"], "no period to count in"),
])
def test_cli_bad_input_exits_2(monkeypatch, capsys, demo_db, args, message):
    assert run(monkeypatch, "--db", demo_db, *args) == 2
    err = capsys.readouterr().err.replace("│", " ")
    assert message in " ".join(err.split()) and "Traceback" not in err


def test_the_founding_claim_on_the_demo_store(monkeypatch, capsys, demo_db):
    assert run(monkeypatch, "--db", demo_db, "claim", "Kim Jong Un makes 4th visit to China in a year",
               "--as-of", "2019-01-08", "--json") == 0
    got = json.loads(capsys.readouterr().out)
    assert (got["verdict"], got["count"]) == ("supported", 4)
    titles = [" | ".join(sorted({r["title"] for r in o["reports"]})) for o in got["occurrences"]]
    # each visit with the demo articles that reported it as news (demo/articles/README.md)
    assert "secret visit to Beijing" in titles[0] and "Xi hosted Kim" in titles[0] and "China trip" in titles[0]
    assert "this time in Dalian" in titles[1] and "Second Xi-Kim summit" in titles[1]
    assert "third meeting with Xi" in titles[2] and "wraps up Beijing trip" in titles[2]
    for words in ("fourth China trip", "medicine factory", "meet each other halfway", "fourth trip to China"):
        assert words in titles[3]


def test_the_api_serves_the_same_read_models(demo_db):
    from fastapi.testclient import TestClient

    from dateline.serve import create_app

    with open_store(demo_db, read_only=True) as s:
        client = TestClient(create_app(s), raise_server_exceptions=False)
        r = client.get("/api/claim", params={"text": "Kim Jong Un makes 4th visit to China in a year",
                                             "as_of": "2019-01-08"})
        assert r.status_code == 200 and r.json()["verdict"] == "supported"
        r = client.get("/api/claim", params={"text": "Kim is tall"})
        assert r.status_code == 400 and "not a count" in r.json()["error"]["message"]
        r = client.get("/api/timeline", params={"actor": "Kim Jong Un", "with": "CHN"})
        assert r.status_code == 200 and r.json()["occurrences"]
        assert client.get("/api/timeline", params={"actor": "Olaf Nilsen"}).status_code == 404
        r = client.get("/api/timeline", params={"actor": "Kim", "since": "2019-03-01", "until": "2019-01-01"})
        assert r.status_code == 400
        assert client.get("/api/stories", params={"since": "2019-01-01"}).json()["stories"]
        assert client.get("/api/claims", params={"article": "zzzzzz"}).status_code == 404
        assert isinstance(client.get("/api/claims", params={"limit": 5}).json()["claims"], list)
