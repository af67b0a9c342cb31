"""The store interface on both backends: DuckDB (embedded) and PostgreSQL (a real throwaway server).

The PostgreSQL cases need the server binaries (Debian's ``postgresql``) and psycopg; without them they
skip, or fail when DATELINE_REQUIRE_POSTGRES=1 (CI)."""

from __future__ import annotations

import json
import shutil
import threading
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline import query
from dateline.model import Article, ArticleAnalysis, Entity, ItemError, Mention, Span, article_id
from dateline.store import DuckDBStore, Store, StoreError, open_store
from dateline.store.migrations import apply_migrations, migration_files
from dateline.store.postgres import redact, to_pyformat

DEMO = Path(str(resources.files("dateline.demo") / "articles"))


@pytest.fixture(params=["duckdb", "postgresql"])
def url(request, tmp_path):
    """An empty store's address on each backend."""
    if request.param == "duckdb":
        return str(tmp_path / "s.duckdb")
    return request.getfixturevalue("pg_server").new_database()


def analysis(text="Kim met Xi.\nBody.", name="Kim", source="Wire", url="https://w.example/1", errors=()):
    art = Article(id=article_id(text), text=text, title=text.split("\n")[0], published="2019-01-08",
                  source=source, url=url)
    ent = Entity(id=f"en{art.id}{name}", name=name, type="PERSON", mentions=(Mention(span=Span(start=0, end=3, text="Kim")),),
                 country="PRK", sector="GOV")
    return ArticleAnalysis(article=art, entities=(ent,), provenance={"model": "m"}, errors=tuple(errors))


def test_open_store_picks_the_backend_by_address(url):
    with open_store(url) as store:
        assert isinstance(store, Store)
        assert store.dialect == ("postgresql" if url.startswith("postgresql://") else "duckdb")
        assert isinstance(store, DuckDBStore) == (store.dialect == "duckdb")


def test_round_trip_upsert_and_replacement(url):
    with open_store(url) as store:
        a = analysis()
        store.save([a])
        first = store.counts()
        store.save([a, a])
        assert store.counts() == first and first["articles"] == 1 and first["entities"] == 1
        assert store.analysis(a.article.id) == a
        store.save([analysis(name="Kim Jong Un")])  # re-analysed: the article's rows replaced as a whole
        assert [r["name"] for r in store.query("SELECT name FROM entities")] == ["Kim Jong Un"]
        assert store.stored([a.article.id, "nope"]) == {a.article.id}


def test_sources_and_errors(url):
    e = ItemError(origin="x.txt", stage="read", code="empty", message="100% empty")
    with open_store(url) as store:
        store.save([analysis(source="A", url="https://a.example/1"), analysis(source="B", url="https://b.example/9")])
        store.save_errors([e])
        store.save_errors([e])
        c = store.counts()
        assert c["articles"] == 1 and c["article_sources"] == 2
        rows = store.query("SELECT origin, code, message, count FROM errors WHERE message LIKE '%' || ? || '%'",
                           ["empty"])
        assert rows == [{"origin": "x.txt", "code": "empty", "message": "100% empty", "count": 2}]


def test_migrations_run_once_each_with_the_backend_own_ones(url):
    open_store(url).close()
    with open_store(url) as store:
        names = [r["name"] for r in store.query("SELECT name FROM migrations ORDER BY name")]
        assert names == [n for n, _ in migration_files(store.dialect)]
        assert ("003_article_indexes.postgresql.sql" in names) == (store.dialect == "postgresql")
        assert store.migrate() == []


def test_duckdb_migrations_through_the_raw_connection(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        assert apply_migrations(store.con) == []


def test_read_only_open_of_a_missing_store_is_a_clear_error(url, tmp_path):
    if url.startswith("postgresql://"):
        with pytest.raises(StoreError, match="no Dateline store"):
            open_store(url, read_only=True)
    else:
        with pytest.raises(StoreError, match="no store at"):
            open_store(url, read_only=True)
    with pytest.raises(StoreError, match="folder"):
        open_store(tmp_path)


def test_an_unreachable_server_is_a_store_error_without_the_password():
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError, match="cannot connect") as got:
        open_store("postgresql://me:secret@127.0.0.1:1/none")
    assert "secret" not in str(got.value) and redact("postgresql://me:pw@h/db") == "postgresql://me:***@h/db"


def test_placeholders_translate_outside_quotes_only():
    assert to_pyformat("SELECT '?%', \"a?\" FROM t WHERE x LIKE '%' || ? AND y = ?") == \
        "SELECT '?%%', \"a?\" FROM t WHERE x LIKE '%%' || %s AND y = %s"


def test_concurrent_writers_on_postgres_lose_and_double_nothing(pg_server):
    url = pg_server.new_database()
    open_store(url).close()
    shared = [analysis(text=f"Shared {i}.\nBody.") for i in range(20)]
    failures: list[BaseException] = []

    def writer(k: int) -> None:
        try:
            with open_store(url) as store:
                for i in range(10):
                    own = analysis(text=f"Writer {k} item {i}.\nBody.")
                    store.save([own, *shared[i:i + 5]])  # overlapping articles, saved in different orders
                    store.save_errors([ItemError(origin=f"w{k}", stage="read", code="empty", message="x")])
        except BaseException as e:  # noqa: BLE001 - reported by the assertion below
            failures.append(e)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    with open_store(url, read_only=True) as store:
        c = store.counts()
        assert c["articles"] == 40 + 14 and c["entities"] == 54 and c["errors"] == 4
        assert {r["count"] for r in store.query("SELECT count FROM errors")} == {10}


# -- the read models give the same answers on both backends ------------------------------------------
@pytest.fixture(scope="module")
def demo_on_postgres(demo_db, pg_server):
    """The demo set's stored analyses copied into PostgreSQL (saved through the PostgreSQL store)."""
    url = pg_server.new_database()
    with open_store(demo_db, read_only=True) as src, open_store(url) as dst:
        ids = [r["id"] for r in src.query("SELECT id FROM articles ORDER BY id")]
        dst.save([src.analysis(i) for i in ids])
    return url


READ_MODELS = [
    ("articles", lambda s: query.articles(s, since="2018-03-01", until="2018-12-31", limit=500)),
    ("entities", lambda s: query.entities(s, limit=500)),
    ("entities by country", lambda s: query.entities(s, country="prk", name="kim")),
    ("places", lambda s: query.places(s, limit=500)),
    ("event places", lambda s: query.places(s, event_only=True, limit=500)),
    ("dates", lambda s: query.dates(s, since="2018-06-01", until="2018-06-30", limit=500)),
    ("events", lambda s: query.events(s, min_confidence=0, limit=5000)),
    ("events filtered", lambda s: query.events(s, actor="PRK", type="consult", cameo="04", since="2018-01-01")),
    ("quotes", lambda s: query.quotes(s, limit=5000)),
    ("quotes by speaker", lambda s: query.quotes(s, speaker="moon", since="2018-01-01", until="2019-12-31")),
    ("occurrences", lambda s: query.occurrences(s, actor="Kim Jong Un", recipient="CHN", type="CONSULT",
                                                mode="visit", since="2018-01-09", until="2019-01-08")),
    ("events by type", lambda s: query.events_by_type(s, limit=100)),
    ("source places", lambda s: query.source_places(s)),
]


@pytest.mark.parametrize("name, read", READ_MODELS, ids=[n for n, _ in READ_MODELS])
def test_read_models_agree_across_backends(demo_db, demo_on_postgres, name, read):
    with open_store(demo_db, read_only=True) as duck, open_store(demo_on_postgres, read_only=True) as pg:
        expected, got = read(duck), read(pg)
    assert got == expected
    assert expected, f"{name}: the demo set should give rows"


def test_stored_analyses_round_trip_through_postgres(demo_db, demo_on_postgres):
    with open_store(demo_db, read_only=True) as duck, open_store(demo_on_postgres, read_only=True) as pg:
        assert pg.counts() == duck.counts()
        for (i,) in [tuple(r.values()) for r in duck.query("SELECT id FROM articles ORDER BY id")]:
            assert pg.analysis(i) == duck.analysis(i)
        some = duck.query("SELECT id FROM events ORDER BY id LIMIT 1")[0]["id"]
        assert query.event(pg, some[:8]) == query.event(duck, some[:8]) is not None
        assert query.find_article_id(pg, "") is None  # many match: no unique prefix


# -- the CLI over PostgreSQL answers as over DuckDB ---------------------------------------------------
def test_cli_ingest_and_read_commands_over_postgres(pg_server, tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    for name in sorted(p.name for p in DEMO.iterdir())[:8]:  # four articles with their sidecars
        shutil.copy(DEMO / name, inbox / name)
    duck, pg = str(tmp_path / "c.duckdb"), pg_server.new_database()
    cli = CliRunner()

    def run(db: str, *args: str) -> str:
        result = cli.invoke(__import__("dateline.cli", fromlist=["app"]).app, ["--db", db, *args])
        assert result.exit_code == 0, (db, args, result.output)
        return result.stdout

    for db in (duck, pg):
        report = json.loads(run(db, "ingest", str(inbox), "--json"))
        assert report["stored"] == 4 and report["failed"] == 0
    event = json.loads(run(duck, "events", "--json", "--min-confidence", "0"))[0]["id"]
    article = json.loads(run(duck, "articles", "--json"))[0]["id"]
    for args in (["articles", "--json"], ["events", "--json", "--min-confidence", "0"], ["entities", "--csv"],
                 ["count", "--actor", "Kim Jong Un", "--json"], ["quotes", "--json"], ["explain", event[:10]],
                 ["show", article[:8], "--json"], ["dates", "--json"], ["places", "--json"]):
        assert run(pg, *args) == run(duck, *args), args


def test_stream_gives_every_row_in_batches_and_threads_share_a_store(url):
    with open_store(url) as store:
        store.save([analysis(text=f"Story {i}.\nBody.") for i in range(25)])
        batches = list(store.stream("SELECT id FROM articles ORDER BY id", [], 10))
        assert [len(b) for b in batches] == [10, 10, 5]
        assert [r["id"] for b in batches for r in b] == [r["id"] for r in store.query("SELECT id FROM articles ORDER BY id")]
        answers: list[object] = []

        def read() -> None:  # the API answers requests on several threads over one store
            try:
                for _ in range(20):
                    answers.append(len(query.articles(store, limit=100)))
            except BaseException as e:  # noqa: BLE001 - reported by the assertion below
                answers.append(e)

        threads = [threading.Thread(target=read) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert answers == [25] * 80


def test_a_batch_run_loads_into_postgres_as_into_duckdb(pg_server, tmp_path):
    import os
    import subprocess
    import sys

    from test_runs import FAKE, write_jsonl

    src = write_jsonl(tmp_path / "in.jsonl", 12, bad_lines={3})
    tests = str(Path(__file__).resolve().parent)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([tests, os.environ.get("PYTHONPATH", "")]))
    tables = {}
    for db in (str(tmp_path / "r.duckdb"), pg_server.new_database()):
        done = subprocess.run([sys.executable, "-m", "dateline", "--db", db, "run", str(src), "--runs-dir",
                               str(tmp_path / "runs"), "--analyzer", FAKE, "--partition-size", "5", "--workers", "0",
                               "--json"], capture_output=True, text=True, timeout=300, env=env)
        assert done.returncode == 1, done.stderr  # the one bad line: exit 1, the rest stored
        assert json.loads(done.stdout)["status"] == "complete"
        with open_store(db, read_only=True) as store:
            tables[db] = {t: store.query(f"SELECT * FROM {t} ORDER BY 1, 2") for t in ("article_sources", "entities")}
            tables[db]["errors"] = store.query("SELECT id, origin, code, count FROM errors ORDER BY id")
    duck, pg = tables.values()
    assert pg == duck and len(duck["article_sources"]) == 11 and len(duck["errors"]) == 1
