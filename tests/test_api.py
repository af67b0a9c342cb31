"""The HTTP API over the demo store: each route's success shape and its error shape, hostile parameters,
writes behind the token, and the OpenAPI document."""

from __future__ import annotations

import json
import shutil
from urllib.parse import quote
import warnings

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)

from fastapi.testclient import TestClient  # noqa: E402

from dateline import query  # noqa: E402
from dateline.serve import create_app  # noqa: E402
from dateline.store import open_store  # noqa: E402

TOKEN = "test-write-token"


@pytest.fixture(scope="module")
def store(demo_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "read.duckdb"
    shutil.copy(demo_db, path)
    s = open_store(str(path), read_only=True)
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store):
    return TestClient(create_app(store), raise_server_exceptions=False)


@pytest.fixture()
def writable(demo_db, tmp_path, nlp):
    path = tmp_path / "write.duckdb"
    shutil.copy(demo_db, path)
    s = open_store(str(path))
    yield TestClient(create_app(s, write_token=TOKEN, nlp=nlp), raise_server_exceptions=False), s
    s.close()


def assert_error(r, status: int, code: str | None = None) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}, body
    err = body["error"]
    assert set(err) == {"code", "message", "details"} and isinstance(err["details"], dict), err
    assert err["message"] and "Traceback" not in r.text
    if code:
        assert err["code"] == code, err
    return err


def assert_page(body: dict, limit: int) -> list[dict]:
    assert set(body) - {"total"} == {"items", "limit", "offset", "next_offset"}  # /events: and its total
    assert body["limit"] == limit and len(body["items"]) <= limit
    return body["items"]


# -- listings -----------------------------------------------------------------------------------------

def test_articles_page_and_pagination(client, store):
    first = client.get("/api/articles", params={"limit": 5}).json()
    items = assert_page(first, 5)
    assert len(items) == 5 and first["next_offset"] == 5
    assert {"id", "published", "source", "title", "events"} <= set(items[0])
    second = client.get("/api/articles", params={"limit": 5, "offset": 5}).json()
    assert [a["id"] for a in second["items"]] == [a["id"] for a in query.articles(store, limit=10)][5:]
    everything = client.get("/api/articles", params={"limit": 1000}).json()
    assert everything["next_offset"] is None and len(everything["items"]) == store.counts()["articles"]


def test_articles_filters_and_errors(client):
    got = client.get("/api/articles", params={"since": "2019-01-01", "until": "2019-01-31"}).json()["items"]
    assert got and all("2019-01-01" <= str(a["published"])[:10] <= "2019-01-31" for a in got)
    assert_error(client.get("/api/articles", params={"since": "2019-02-30"}), 400, "invalid_parameter")
    assert_error(client.get("/api/articles", params={"since": "2019-02-01", "until": "2019-01-01"}), 400)
    assert_error(client.get("/api/articles", params={"limit": 10**9}), 400, "invalid_parameter")
    assert_error(client.get("/api/articles", params={"limit": "abc"}), 400, "invalid_parameter")
    assert_error(client.get("/api/articles", params={"offset": -1}), 400, "invalid_parameter")


def test_article_detail(client, store):
    aid = query.articles(store, limit=1)[0]["id"]
    body = client.get(f"/api/articles/{aid[:8]}").json()
    assert body["article"]["id"] == aid
    assert {"entities", "events", "quotes", "places", "dates", "counts"} <= set(body)
    assert body["counts"]["events"] == len(body["events"])
    assert_error(client.get("/api/articles/ffffffffffff"), 404, "not_found")
    assert_error(client.get("/api/articles/a"), 400, "invalid_parameter")  # too short to be a prefix
    assert_error(client.get("/api/articles/a%27%20OR%201=1"), 400, "invalid_parameter")


def test_events_filters_match_the_read_model(client, store):
    params = {"actor": "Kim Jong Un", "type": "consult", "since": "2018-01-01", "until": "2018-12-31"}
    items = assert_page(client.get("/api/events", params={**params, "limit": 200}).json(), 200)
    want = query.events(store, actor="Kim Jong Un", type="CONSULT", since="2018-01-01", until="2018-12-31",
                        limit=200)
    assert items and [e["id"] for e in items] == [e["id"] for e in want]
    assert all(e["type"] == "CONSULT" for e in items)
    shown = client.get("/api/events", params={"min_confidence": 0, "limit": 1000}).json()["items"]
    default = client.get("/api/events", params={"limit": 1000}).json()["items"]
    assert len(shown) > len(default)
    status = client.get("/api/events", params={"status": "expected", "min_confidence": 0}).json()["items"]
    assert status and {e["status"] for e in status} == {"expected"}
    chn = client.get("/api/events", params={"country": "chn", "limit": 1000}).json()["items"]
    assert chn and all("CHN" in (e["actor_country"], e["recipient_country"]) for e in chn)
    assert {e["actor_country"] for e in chn} != {"CHN"} and {e["recipient_country"] for e in chn} != {"CHN"}
    art = items[0]["article"]
    in_article = client.get("/api/events", params={"article": art[:10], "min_confidence": 0}).json()["items"]
    assert in_article and {e["article"] for e in in_article} == {art}


@pytest.mark.parametrize("params,code", [
    ({"since": "2019-02-30"}, "invalid_parameter"), ({"until": "2019-1-1"}, "invalid_parameter"),
    ({"type": "PARTY"}, "invalid_parameter"), ({"status": "maybe"}, "invalid_parameter"),
    ({"min_confidence": "2"}, "invalid_parameter"), ({"min_confidence": "nan"}, "invalid_parameter"),
    ({"cameo": "04%"}, "invalid_parameter"), ({"limit": "0"}, "invalid_parameter"),
    ({"actor": "x" * 2000}, "invalid_parameter"), ({"actor": " "}, "invalid_parameter"), ({"article": "zzzzzzzz"}, "not_found"),
])
def test_events_errors(client, params, code):
    assert_error(client.get("/api/events", params=params), 404 if code == "not_found" else 400, code)


def test_event_evidence_offsets(client, store):
    ev = query.events(store, actor="Kim Jong Un", recipient="CHN", limit=1)[0]
    body = client.get(f"/api/events/{ev['id']}").json()
    assert body["event"]["id"] == ev["id"] and body["article"]["id"] == ev["article"]
    text = store.analysis(ev["article"]).article.text
    sentence = body["evidence"]["sentence"]
    assert sentence["text"] == text[sentence["start"]:sentence["end"]]
    roles = {m["role"]: m for m in body["evidence"]["marks"]}
    assert {"trigger", "actor", "recipient"} <= set(roles)
    for m in roles.values():
        assert text[m["start"]:m["end"]] == m["text"]
        if m["in_sentence"]:
            assert sentence["text"][m["sentence_start"]:m["sentence_end"]] == m["text"]
    assert roles["trigger"]["text"] == ev["trigger"]
    assert body["evidence"]["rule"] == ev["rule"]
    assert body["outlets"] == query.article_outlets(store, ev["article"]) and body["outlets"][0]["source"]
    assert any(line.startswith("rule:") for line in body["explanation"])
    assert_error(client.get("/api/events/evffffffffffff"), 404, "not_found")


def test_explain(client, store):
    ev = query.events(store, limit=1)[0]
    body = client.get(f"/api/explain/{ev['id'][:10]}").json()
    assert body["id"] == ev["id"] and body["lines"][0].startswith(f"event {ev['id']}")
    assert_error(client.get("/api/explain/evffffffff"), 404, "not_found")
    assert_error(client.get("/api/explain/%25%25%25%25"), 400, "invalid_parameter")


def test_actors_and_actor_profile(client):
    items = assert_page(client.get("/api/actors", params={"name": "kim", "limit": 10}).json(), 10)
    assert any(a["name"] == "Kim Jong Un" and a["country"] == "PRK" for a in items)
    gpe = client.get("/api/actors", params={"type": "gpe", "country": "CHN"}).json()["items"]
    assert gpe and all(a["type"] == "GPE" and a["country"] == "CHN" for a in gpe)
    prof = client.get("/api/actors/Kim Jong Un").json()
    tl = prof["timeline"]
    assert tl["months"] == sorted(tl["months"]) and all(len(v) == len(tl["months"]) for v in tl["counts"].values())
    assert sum(sum(v) for v in tl["counts"].values()) <= prof["events_as_actor"] + prof["events_as_recipient"]
    assert any(c["country"] == "CHN" for c in prof["counterparts"])
    assert_error(client.get("/api/actors", params={"type": "ALIEN"}), 400, "invalid_parameter")
    assert_error(client.get("/api/actors", params={"name": "a\x01b"}), 400, "invalid_parameter")
    assert_error(client.get("/api/actors/Nobody Ever Named This"), 404, "not_found")


def test_quotes_places_dates(client):
    quotes = assert_page(client.get("/api/quotes", params={"speaker": "Kim", "limit": 20}).json(), 20)
    assert quotes and all("kim" in (q["speaker_name"] or q["speaker_text"]).lower() for q in quotes)
    direct = client.get("/api/quotes", params={"kind": "direct"}).json()["items"]
    assert direct and {q["kind"] for q in direct} == {"direct"}
    places = client.get("/api/places", params={"event_only": "true", "limit": 50}).json()["items"]
    assert places and all(p["is_event_location"] and p["lat"] is not None for p in places)
    kp = client.get("/api/places", params={"country": "KP"}).json()["items"]
    assert kp and {p["country"] for p in kp} == {"KP"}
    dates = client.get("/api/dates", params={"since": "2019-01-07", "until": "2019-01-13"}).json()["items"]
    assert dates and all(str(d["end"]) >= "2019-01-07" for d in dates)
    assert_error(client.get("/api/quotes", params={"kind": "shouted"}), 400, "invalid_parameter")
    assert_error(client.get("/api/places", params={"event_only": "perhaps"}), 400, "invalid_parameter")
    assert_error(client.get("/api/dates", params={"until": "2019-13-01"}), 400, "invalid_parameter")


def test_count_and_occurrences(client, store):
    q = {"actor": "Kim Jong Un", "recipient": "CHN", "type": "CONSULT", "mode": "visit",
         "window": "2018-01-09/2019-01-08"}
    count = client.get("/api/count", params=q).json()
    full = client.get("/api/occurrences", params=q).json()
    want = query.occurrences(store, actor="Kim Jong Un", recipient="CHN", type="CONSULT", mode="visit",
                             since="2018-01-09", until="2019-01-08")
    assert count["count"] == full["count"] == want["count"] > 0
    assert [o["reports"] for o in count["occurrences"]] == [len(o["reports"]) for o in full["occurrences"]]
    assert full["occurrences"][0]["reports"][0]["sentence"]
    for bad in ("2019-01-01", "2019-01-02/2019-01-01", "2019-01-01/2019-02-30", "a/b/c"):
        assert_error(client.get("/api/count", params={"window": bad}), 400, "invalid_parameter")
    assert_error(client.get("/api/occurrences", params={"window": "2019-01-01/2019-02-01",
                                                        "since": "2019-01-01"}), 400)


def test_search_and_meta(client):
    got = client.get("/api/search", params={"q": "Xi"}).json()
    assert any(a["name"] == "Xi Jinping" for a in got["actors"]) and got["events"]
    assert_error(client.get("/api/search"), 400, "invalid_parameter")
    assert_error(client.get("/api/search", params={"q": "  "}), 400, "invalid_parameter")
    meta = client.get("/api/meta").json()
    assert "CONSULT" in meta["types"] and "occurred" in meta["statuses"] and meta["writable"] is False


def test_unknown_routes_and_methods(client):
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.delete("/api/articles"), 405, "method_not_allowed")


def test_a_store_that_fails_is_a_503_with_the_shape(store):
    from dateline.store import StoreBusy

    class Busy:  # a store whose file another process holds past the wait
        def __getattr__(self, name):
            raise StoreBusy("dateline.duckdb is being written by process 4242")

    c = TestClient(create_app(Busy()), raise_server_exceptions=False)
    err = assert_error(c.get("/api/events"), 503, "store_busy")
    assert "4242" not in err["message"]  # what holds it is the operator's business (the log has it)


def test_page_and_static(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200
    assert_error(client.get("/static/nope.js"), 404)


# -- hostile values: always a 4xx or a 200, never a 500 ----------------------------------------------

def encoded(value: str) -> str:
    """Percent-encoded as sent on the wire; a lone surrogate goes as the raw byte it stands for (%FF)."""
    return quote(value.encode("utf-8", "surrogateescape"), safe="")


def test_hostile_values_never_crash(client):
    from hostile_cases import BAD_CONFIDENCE, BAD_DAYS, BAD_LIMITS, HOSTILE_TEXT

    routes = {"/api/articles": ["source"], "/api/events": ["actor", "recipient", "cameo", "mode", "type",
                                                          "status", "article"],
              "/api/quotes": ["speaker", "kind", "article"], "/api/places": ["country", "article"],
              "/api/actors": ["name", "type", "country"], "/api/dates": ["article"],
              "/api/count": ["actor", "recipient", "cameo", "mode", "type"]}
    seen = set()
    for route, text_params in routes.items():
        cases = [("limit", v) for v in BAD_LIMITS] + [(p, v) for p in text_params for v in HOSTILE_TEXT]
        if route not in ("/api/actors", "/api/places"):
            cases += [(p, v) for p in ("since", "until") for v in BAD_DAYS]
        if route in ("/api/events", "/api/count"):
            cases += [("min_confidence", v) for v in BAD_CONFIDENCE]
        for name, value in cases:
            r = client.get(f"{route}?{name}={encoded(value)}")
            assert r.status_code in (200, 400, 404), (route, name, value[:40], r.text[:200])
            if r.status_code != 200:
                assert_error(r, r.status_code)
            seen.add(r.status_code)
    for value in HOSTILE_TEXT:
        for route in ("/api/events/", "/api/articles/", "/api/explain/", "/api/actors/"):
            r = client.get(route + encoded(value))
            assert r.status_code in (200, 400, 404, 405), (route, value[:40], r.status_code)
    assert 400 in seen
    assert client.get("/api/meta").status_code == 200  # still serving


# -- writes -------------------------------------------------------------------------------------------

ARTICLE = {"title": "Ministers of Ruritania and Freedonia meet in Lisbon",
           "text": "The foreign minister of Ruritania met his Freedonian counterpart in Lisbon on Tuesday.\n"
                   "They agreed to reopen the border crossing next month, officials said.",
           "published": "2024-03-06", "source": "Test Wire", "url": "https://example.org/ruritania"}


def auth(token: str = TOKEN) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_read_only_server_refuses_writes(client, store):
    before = store.counts()["articles"]
    assert_error(client.post("/api/articles", json=ARTICLE), 401, "read_only")
    assert_error(client.post("/api/articles", json=ARTICLE, headers=auth()), 401, "read_only")
    assert store.counts()["articles"] == before


def test_post_article_is_analysed_and_stored(writable):
    c, s = writable
    r = c.post("/api/articles", json=ARTICLE, headers=auth())
    assert r.status_code == 201, r.text
    [got] = r.json()["articles"]
    assert got["new"] is True and got["title"] == ARTICLE["title"]
    detail = c.get(got["href"]).json()
    assert detail["article"]["source"] == "Test Wire" and detail["article"]["published"] == "2024-03-06"
    assert any(e["name"] == "Lisbon" for e in detail["entities"] + [
        {"name": p["span"]["text"]} for p in detail["places"]])
    again = c.post("/api/articles", json=[ARTICLE], headers=auth()).json()["articles"]
    assert again[0]["id"] == got["id"] and again[0]["new"] is False
    elsewhere = {**ARTICLE, "source": "Other Wire", "url": "https://example.net/r"}
    assert c.post("/api/articles", json=elsewhere, headers=auth()).json()["articles"][0]["id"] == got["id"]
    outlets = c.get(got["href"]).json()["outlets"]
    assert sorted(o["source"] for o in outlets) == ["Other Wire", "Test Wire"]


@pytest.mark.parametrize("body,headers,status,code", [
    (json.dumps(ARTICLE), {"Authorization": "Bearer wrong"}, 401, "unauthorized"),
    (json.dumps(ARTICLE), {}, 401, "unauthorized"),
    (json.dumps(ARTICLE), {"Authorization": f"Basic {TOKEN}"}, 401, "unauthorized"),
    ("{not json", auth(), 400, "bad_json"),
    ("", auth(), 400, "not_an_article"),
    ("[]", auth(), 400, "not_an_article"),
    ('"just a string"', auth(), 400, "not_an_article"),
    (json.dumps({"title": "no text here"}), auth(), 400, "not_an_article"),
    (json.dumps({**ARTICLE, "published": "2019-02-30"}), auth(), 400, "not_an_article"),
    (json.dumps({k: v for k, v in ARTICLE.items() if k != "published"}), auth(), 400, "not_an_article"),
    (json.dumps([ARTICLE, {"text": 5}]), auth(), 400, "not_an_article"),
    (json.dumps([ARTICLE] * 101), auth(), 400, "too_many"),
])
def test_post_bad_bodies_store_nothing(writable, body, headers, status, code):
    c, s = writable
    before = s.counts()
    r = c.post("/api/articles", content=body, headers={"Content-Type": "application/json", **headers})
    assert_error(r, status, code)
    assert s.counts() == before


def test_post_huge_body_refused(writable):
    c, s = writable
    before = s.counts()
    huge = b'{"text": "' + b"x" * (50 * 1024 * 1024) + b'"}'
    assert_error(c.post("/api/articles", content=huge, headers={**auth(), "Content-Type": "application/json"}),
                 413, "too_large")

    def chunks():  # no Content-Length: the limit holds while reading
        for _ in range(50):
            yield b"x" * (1024 * 1024)
    assert_error(c.post("/api/articles", content=chunks(), headers={**auth(), "Content-Type": "application/json"}),
                 413, "too_large")
    assert_error(c.post("/api/articles", content="text", headers={**auth(), "Content-Type": "text/plain"}),
                 415, "unsupported_media_type")
    assert s.counts() == before
    assert c.get("/api/meta").json()["writable"] is True  # still serving


# -- the OpenAPI document -----------------------------------------------------------------------------

def test_openapi_document_validates(client):
    from openapi_spec_validator import validate

    doc = client.get("/openapi.json").json()
    validate(doc)
    paths = doc["paths"]
    for route in ("/api/articles", "/api/articles/{article_id}", "/api/events", "/api/events/{event_id}",
                  "/api/explain/{event_id}", "/api/actors", "/api/actors/{name}", "/api/quotes", "/api/places",
                  "/api/dates", "/api/count", "/api/occurrences", "/api/search", "/api/meta"):
        assert route in paths, route
        for op in paths[route].values():
            assert "400" in op["responses"], (route, "no error response documented")
    assert "401" in paths["/api/articles"]["post"]["responses"]
    assert "ErrorResponse" in doc["components"]["schemas"]


# -- the same API over PostgreSQL, and `dateline serve` itself -----------------------------------------

@pytest.fixture(scope="module")
def pg_client(store, pg_server):
    """The demo set's stored analyses copied into PostgreSQL, served read-only."""
    url = pg_server.new_database()
    with open_store(url) as dst:
        dst.save([store.analysis(r["id"]) for r in query.articles(store, limit=1000)])
    pg = open_store(url, read_only=True)
    yield TestClient(create_app(pg), raise_server_exceptions=False), url
    pg.close()


def test_api_answers_the_same_over_postgresql(client, pg_client, store):
    pg, _ = pg_client
    ev = query.events(store, actor="Kim Jong Un", recipient="CHN", limit=1)[0]
    aid = query.articles(store, limit=1)[0]["id"]
    for path in ("/api/articles?limit=1000", "/api/events?min_confidence=0&limit=1000",
                 "/api/events?actor=PRK&type=CONSULT&since=2018-01-01&country=CHN", f"/api/events/{ev['id']}",
                 f"/api/articles/{aid[:8]}", "/api/actors?limit=100", "/api/actors/Kim Jong Un",
                 "/api/quotes?speaker=moon", "/api/places?event_only=true&limit=500", "/api/dates?limit=300",
                 "/api/count?actor=Kim Jong Un&recipient=CHN&type=CONSULT&mode=visit&window=2018-01-09/2019-01-08",
                 "/api/search?q=Xi", f"/api/explain/{ev['id']}", "/api/events?since=2019-02-30"):
        a, b = client.get(path), pg.get(path)
        assert (a.status_code, a.json()) == (b.status_code, b.json()), path


def test_dateline_serve_over_postgresql(pg_client, tmp_path):
    """The command itself: serves a PostgreSQL store on the port asked for; refuses a missing DuckDB file."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    _, url = pg_client
    missing = subprocess.run([sys.executable, "-m", "dateline", "--db", str(tmp_path / "none.duckdb"), "serve"],
                             capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and "no store" in missing.stderr
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "dateline", "--db", url, "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        body = None
        for _ in range(300):  # until it listens (a fresh interpreter imports for a few seconds)
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/meta", timeout=2) as r:
                    body = json.loads(r.read())
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read().decode()
                time.sleep(0.2)
        assert body is not None and body["counts"]["articles"] > 0 and body["writable"] is False
    finally:
        proc.terminate()
        proc.wait(20)
