"""The HTTP API's occurrence listings page as `dateline count` and `dateline timeline` do: ``limit``
(default 50, at most 1000) and ``offset``, the total counted whole, and a 400 naming a bad value; the
events listing gives its total too."""

from __future__ import annotations

import shutil
import warnings

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)

from fastapi.testclient import TestClient  # noqa: E402

from dateline import query  # noqa: E402
from dateline.serve import create_app  # noqa: E402
from dateline.store import open_store  # noqa: E402
from dateline.timeline import timeline  # noqa: E402

ROUTES = {"/api/count": {}, "/api/occurrences": {}, "/api/timeline": {"actor": "PRK"}}


@pytest.fixture(scope="module")
def store(demo_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("paging") / "read.duckdb"
    shutil.copy(demo_db, path)
    s = open_store(str(path), read_only=True)
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store):
    return TestClient(create_app(store), raise_server_exceptions=False)


def _ids(body: dict) -> list[str]:
    return [o["id"] for o in body["occurrences"]]


@pytest.mark.parametrize("route", ROUTES)
def test_pages_cover_the_whole_answer_once(client, route):
    base = ROUTES[route]
    whole = client.get(route, params={**base, "limit": 1000}).json()
    total = whole["total"]
    assert total == whole["count"] > 3 and len(whole["occurrences"]) == total and whole["next_offset"] is None
    seen, offset = [], 0
    while offset is not None:
        page = client.get(route, params={**base, "limit": 2, "offset": offset}).json()
        assert (page["limit"], page["offset"], page["total"]) == (2, offset, total)
        assert len(page["occurrences"]) == min(2, total - offset)
        seen += _ids(page)
        offset = page["next_offset"]
    # every occurrence on exactly one page (a timeline orders each page by what it shows, so sets compare)
    assert len(seen) == len(set(seen)) and sorted(seen) == sorted(_ids(whole))
    if route != "/api/timeline":
        assert seen == _ids(whole)
    past = client.get(route, params={**base, "offset": total + 5}).json()
    assert past["occurrences"] == [] and past["total"] == total and past["next_offset"] is None


def test_the_default_page_is_fifty(client, store):
    got = client.get("/api/count").json()
    want = query.occurrences(store, limit=50)
    assert got["limit"] == 50 and got["offset"] == 0 and got["total"] == want["count"]
    assert _ids(got) == [o["id"] for o in want["occurrences"]]
    assert got["unplaced"] == want["unplaced_count"]
    line = timeline(store, "PRK", limit=50)
    assert client.get("/api/timeline", params={"actor": "PRK"}).json()["total"] == line["count"]


@pytest.mark.parametrize("route", [*ROUTES, "/api/events"])
@pytest.mark.parametrize("bad", [{"limit": 0}, {"limit": -3}, {"limit": 1001}, {"limit": "ten"}, {"offset": -1},
                                 {"offset": "x"}, {"offset": 100001}, {"limit": "2.5"}])
def test_bad_paging_is_a_400_naming_the_parameter(client, route, bad):
    r = client.get(route, params={**ROUTES.get(route, {}), **bad})
    assert r.status_code == 400, r.text
    err = r.json()["error"]
    assert err["code"] == "invalid_parameter" and err["message"].startswith(f"{next(iter(bad))}:"), err


def test_events_give_their_total(client, store):
    params = {"actor": "kim", "min_confidence": 0}
    every = query.events(store, actor="kim", min_confidence=0, limit=10_000)
    first = client.get("/api/events", params={**params, "limit": 3}).json()
    assert first["total"] == len(every) > 3 and first["next_offset"] == 3
    assert [e["id"] for e in first["items"]] == [e["id"] for e in every[:3]]
    last = client.get("/api/events", params={**params, "limit": 3, "offset": len(every) - 1}).json()
    assert last["total"] == len(every) and len(last["items"]) == 1 and last["next_offset"] is None
