"""The dateline command end to end: exit codes, outputs, idempotent re-ingest of the demo set."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import app

DEMO = Path(str(resources.files("dateline.demo") / "articles"))


def run(*args: str):
    result = CliRunner().invoke(app, list(args))
    return result


def counts(db):
    from dateline.store import open_store

    with open_store(db, read_only=True) as store:
        return store.counts()


def test_demo_set_has_at_least_thirty_dated_articles(demo_db):
    c = counts(demo_db)
    assert c["articles"] >= 30 and c["entities"] > 100


def test_reingesting_the_demo_set_changes_no_row_counts(demo_db):
    before = counts(demo_db)
    result = run("--db", demo_db, "ingest", str(DEMO), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["new_articles"] == 0 and report["stored"] == before["articles"]
    assert counts(demo_db) == before


def test_listings_in_json_and_csv(demo_db):
    arts = json.loads(run("--db", demo_db, "articles", "--json").stdout)
    assert len(arts) >= 30 and all(a["published"] for a in arts)
    ents = json.loads(run("--db", demo_db, "entities", "--country", "PRK", "--type", "PERSON", "--json").stdout)
    assert any(e["name"] == "Kim Jong Un" and e["sector"] == "GOV" for e in ents)
    csv = run("--db", demo_db, "entities", "--csv", "-n", "3").stdout.splitlines()
    assert csv[0].startswith("name,type,country,sector") and len(csv) == 4


def test_show_by_id_prefix(demo_db):
    arts = json.loads(run("--db", demo_db, "articles", "--json").stdout)
    shown = json.loads(run("--db", demo_db, "show", arts[0]["id"][:9], "--json").stdout)
    assert shown["article"]["id"] == arts[0]["id"] and shown["entities"]
    text = shown["article"]["text"]
    for e in shown["entities"]:
        for m in e["mentions"]:
            assert text[m["span"]["start"]:m["span"]["end"]] == m["span"]["text"]


def test_some_items_failing_exits_1_and_stores_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text("Kim visits Beijing\nKim Jong Un arrived in Beijing on Tuesday.\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "x.duckdb")
    result = run("--db", db, "ingest", str(tmp_path), "--published", "2019-01-08")
    assert result.exit_code == 1
    assert "1 item(s) failed" in result.stderr
    assert counts(db)["articles"] == 1 and counts(db)["errors"] == 1
    errs = json.loads(run("--db", db, "errors", "--json").stdout)
    assert errs[0]["code"] == "empty" and errs[0]["origin"].endswith("empty.txt")


def test_usage_errors_exit_2(tmp_path):
    assert run("ingest").exit_code == 2
    assert run("--db", str(tmp_path / "x.duckdb"), "ingest", "a.txt", "--published", "2019-02-30").exit_code == 2
    assert run("--db", str(tmp_path / "none.duckdb"), "articles").exit_code == 2
    assert run("eval", "nosuchtask", ".").exit_code == 2
