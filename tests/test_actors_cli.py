"""`dateline actors`, `dateline actor ID`, `dateline rebuild-actors` and the API's canonical actors, over the
demo store (linked as it was ingested)."""

from __future__ import annotations

import json
import shutil
import warnings

import pytest
from typer.testing import CliRunner

from dateline.cli import app

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def kim_id(db: str) -> str:
    got = run("--db", db, "actors", "--search", "Kim", "--json")
    assert got.exit_code == 0, got.output
    return next(r["id"] for r in json.loads(got.stdout) if r["name"] == "Kim Jong Un")


def test_kim_jong_un_is_listed_once(demo_db):
    got = run("--db", demo_db, "actors", "--search", "Kim", "--json")
    assert got.exit_code == 0, got.output
    rows = json.loads(got.stdout)
    kims = [r for r in rows if r["name"] == "Kim Jong Un"]
    assert len(kims) == 1 and kims[0]["country"] == "PRK" and kims[0]["dictionary_id"] == "actors.tsv:Kim Jong Un"
    assert kims[0]["articles"] >= 20
    assert "Kim Yong Chol" in {r["name"] for r in rows}  # another Kim stays another actor


def test_count_by_actor_id_finds_the_singapore_summit(demo_db):
    got = run("--db", demo_db, "count", "--actor", kim_id(demo_db), "--recipient", "USA", "--type", "CONSULT",
              "--json")
    assert got.exit_code == 0, got.output
    result = json.loads(got.stdout)
    summit = [o for o in result["occurrences"] if "Singapore" in o["locations"]]
    assert summit and summit[0]["start"].startswith("2018-06")


def test_one_actor_page(demo_db):
    kim = kim_id(demo_db)
    got = run("--db", demo_db, "actor", kim[:10], "--json")
    assert got.exit_code == 0, got.output
    p = json.loads(got.stdout)
    assert p["id"] == kim and p["name"] == "Kim Jong Un"
    assert {"Kim", "Kim Jong Un"} <= {a["alias"] for a in p["aliases"]}
    assert "PRKGOV" in {r["code"] for r in p["roles"]}
    assert p["events_as_actor"] and p["events_as_target"] and p["quotes"] and p["articles_list"]
    table = run("--db", demo_db, "actor", kim)
    assert table.exit_code == 0 and "Codes and roles over time" in table.stdout


def test_events_and_quotes_by_actor_id(demo_db):
    kim = kim_id(demo_db)
    events = json.loads(run("--db", demo_db, "events", "--actor", kim, "--json", "--limit", "1000").stdout)
    assert events and all(e["actor"] for e in events)
    quotes = json.loads(run("--db", demo_db, "quotes", "--speaker", kim, "--json").stdout)
    assert quotes and {q["speaker_name"] for q in quotes} == {"Kim Jong Un"}


def test_unknown_actor_id_is_a_usage_error(demo_db):
    got = run("--db", demo_db, "actor", "ac000000000000")
    assert got.exit_code == 2 and "no actor with id 'ac000000000000'" in got.stderr
    assert "Traceback" not in got.output
    empty = run("--db", demo_db, "actor", " ")
    assert empty.exit_code == 2


def test_bad_filters_and_formats(demo_db):
    bad = run("--db", demo_db, "actors", "--type", "PLANET")
    assert bad.exit_code == 2 and "--type" in bad.output
    csv = run("--db", demo_db, "actors", "--country", "prk", "--csv")
    assert csv.exit_code == 0 and csv.stdout.splitlines()[0].startswith("id,name,type,country,sector")
    assert all(",PRK," in line for line in csv.stdout.splitlines()[1:])
    stats = json.loads(run("--db", demo_db, "actors", "--stats", "--json").stdout)
    assert stats["roles"]["entity"]["not_linked"] == 0 and stats["roles"]["entity"]["dictionary"] > 0


def test_rebuild_links_an_older_store_the_same_way(demo_db, tmp_path):
    db = str(tmp_path / "old.duckdb")
    shutil.copy(demo_db, db)
    import duckdb

    def snapshot():
        with duckdb.connect(db, read_only=True) as con:
            return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=str)
                    for t in ("actors", "actor_aliases", "actor_mentions")}

    linked = snapshot()
    kim = kim_id(db)
    with duckdb.connect(db) as con:  # a store from before the actor tables, opened only to read
        for t in ("actor_mentions", "actor_aliases", "actors"):
            con.execute(f"DROP TABLE {t}")
        con.execute("DELETE FROM migrations WHERE name LIKE '005_%'")
    hint = run("--db", db, "actors")
    assert hint.exit_code == 0 and "dateline rebuild-actors" in hint.stderr
    assert run("--db", db, "actor", kim).exit_code == 2
    stats = run("--db", db, "actors", "--stats")
    assert stats.exit_code == 2 and "dateline rebuild-actors" in stats.stderr
    got = run("--db", db, "rebuild-actors")
    assert got.exit_code == 0, got.output
    assert snapshot() == linked


@pytest.fixture(scope="module")
def client(demo_db, tmp_path_factory):
    from fastapi.testclient import TestClient

    from dateline.serve import create_app
    from dateline.store import open_store

    path = tmp_path_factory.mktemp("actors-api") / "read.duckdb"
    shutil.copy(demo_db, path)
    store = open_store(str(path), read_only=True)
    yield TestClient(create_app(store), raise_server_exceptions=False)
    store.close()


def test_api_lists_and_shows_canonical_actors(client):
    page = client.get("/api/canonical-actors", params={"search": "Kim", "limit": 50}).json()
    kims = [r for r in page["items"] if r["name"] == "Kim Jong Un"]
    assert len(kims) == 1
    one = client.get(f"/api/canonical-actors/{kims[0]['id']}")
    assert one.status_code == 200 and one.json()["aliases"] and one.json()["events_as_actor"]
    missing = client.get("/api/canonical-actors/ac000000000000")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    bad = client.get("/api/canonical-actors", params={"type": "PLANET"})
    assert bad.status_code == 400 and bad.json()["error"]["details"]["param"] == "type"
