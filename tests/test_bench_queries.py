"""dateline bench queries on a small synthetic store: the harness answers the questions it says it asks, and
what each query returned agrees with a count made directly in SQL. Timings are measured, never asserted."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dateline.cli import app

N = 2_000
FLOOR = 0.6  # the default confidence floor (config.DEFAULT_MIN_CONFIDENCE), written out as the SQL below uses it


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    db = str(tmp_path_factory.mktemp("bq") / "bench.duckdb")
    res = CliRunner().invoke(app, ["bench", "queries", "--events", str(N), "--db", db, "--repeat", "1", "--json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout[res.stdout.index("{"):])


def sql(db: str, text: str, params: list | None = None) -> list[dict]:
    from dateline.store import open_store

    with open_store(db, read_only=True) as store:
        return store.query(text, params or [])


def by_line(report: dict, start: str) -> dict:
    return next(q for q in report["queries"] if q["line"].startswith(start))


# an event side matching a filter as `dateline events` documents it, read from the record (not the 007 columns)
SIDE = ("(lower({s}_name) LIKE '%' || lower(?) || '%' OR {s}_country = upper(?) "
        "OR upper(record->'{s}'->>'code') = upper(?))")


def test_the_report_covers_every_query_with_memory_and_load(report):
    assert report["store"]["events"] == N and report["store"]["built"] and report["store"]["linked"]
    assert report["store"]["occurrences"] > 0 and report["store"]["actor_links"] > 0
    assert {q["command"] for q in report["queries"]} == {"events", "count", "timeline", "claim"}
    for q in report["queries"]:
        assert q["first_ms"] > 0 and q["median_cpu_ms"] >= 0 and q["max_ms"] >= q["median_ms"]
        assert q["under_target"] == (q["median_ms"] < report["target_ms"])
    assert report["peak_rss_mb"] > 0 and report["store"]["build_peak_rss_mb"] > 0 and report["store_mb"] > 0
    assert len(report["load_average_before"]) == 3


def test_event_listings_agree_with_sql(report):
    db = report["db"]
    total = sql(db, "SELECT count(*) AS n FROM events WHERE confidence >= ?", [FLOOR])[0]["n"]
    assert by_line(report, "dateline events")["result"] == min(100, total)
    q = by_line(report, "dateline events --actor " + report["params"]["state"])["params"]
    n = sql(db, "SELECT count(*) AS n FROM events WHERE confidence >= ? AND type = ? AND "
                "coalesce(date_end, date_start) >= CAST(? AS DATE) AND coalesce(date_start, date_end) <= CAST(? AS DATE) "
                "AND " + SIDE.format(s="actor"), [FLOOR, q["type"], q["since"], q["until"], *[q["actor"]] * 3])[0]["n"]
    assert by_line(report, "dateline events --actor " + report["params"]["state"])["result"] == min(100, n)
    q = by_line(report, "dateline events --country")["params"]
    n = sql(db, "SELECT count(*) AS n FROM events WHERE confidence >= ? AND cameo LIKE '04%' AND status = 'occurred' "
                "AND coalesce(date_end, date_start) >= CAST(? AS DATE) AND (actor_country = ? OR recipient_country = ?)",
            [FLOOR, q["since"], q["country"], q["country"]])[0]["n"]
    assert by_line(report, "dateline events --country")["result"] == min(100, n)


def occurrences_sql(db: str, q: dict) -> int:
    """Occurrences with a report that happened and matches the filters, whose days overlap the window."""
    where, params = ["e.confidence >= ?", "e.status IN ('occurred', 'reported')"], [FLOOR]
    for side in ("actor", "recipient"):
        if q.get(side):
            where.append(SIDE.format(s="e." + side).replace("record", "e.record"))
            params += [q[side]] * 3
    if q.get("type"):
        where.append("e.type = ?")
        params.append(q["type"])
    days = []
    if q.get("since"):
        days.append("o.end_date >= CAST(? AS DATE)")
    if q.get("until"):
        days.append("o.start_date <= CAST(? AS DATE)")
    params += [q[k] for k in ("since", "until") if q.get(k)]
    return sql(db, "SELECT count(DISTINCT o.id) AS n FROM occurrences o JOIN occurrence_reports r ON r.occurrence_id = "
                   "o.id JOIN events e ON e.id = r.event_id WHERE " + " AND ".join(where + days), params)[0]["n"]


def test_counts_agree_with_sql(report):
    counts = [q for q in report["queries"] if q["command"] == "count"]
    assert len(counts) == 3
    for q in counts:
        assert q["result"] == occurrences_sql(report["db"], q["params"]), q["line"]
    assert any(q["result"] > 0 for q in counts)  # the questions find something in a store this small


def test_timeline_and_claim_answer_with_the_stored_occurrences(report):
    from dateline.claims import check, parse_claim
    from dateline.store import open_store
    from dateline.timeline import timeline

    t = by_line(report, "dateline timeline")
    c = next(q for q in report["queries"] if q["command"] == "claim")
    import datetime as dt

    with open_store(report["db"], read_only=True) as store:
        p = t["params"]
        assert timeline(store, p["actor"], since=p["since"], until=p["until"])["count"] == t["result"]
        got = check(store, parse_claim(c["params"]["claim"]), dt.date.fromisoformat(c["params"]["as_of"]))
    assert got["count"] == c["result"] and got["verdict"] in ("supported", "contradicted", "not enough data")


def test_the_event_query_columns_hold_what_the_records_say(report):
    wrong = sql(report["db"], "SELECT count(*) AS n FROM events WHERE "
                "actor_code IS DISTINCT FROM record->'actor'->>'code' OR "
                "recipient_code IS DISTINCT FROM record->'recipient'->>'code' OR "
                "trigger_start IS DISTINCT FROM CAST(record->'evidence'->'trigger'->>'start' AS INTEGER) OR "
                "trigger_text IS DISTINCT FROM record->'evidence'->'trigger'->>'text'")[0]["n"]
    assert wrong == 0


def test_the_table_names_every_query_and_reuses_the_store(report):
    res = CliRunner().invoke(app, ["bench", "queries", "--events", str(N), "--db", report["db"], "--repeat", "1"])
    assert res.exit_code == 0, res.output
    assert "reused" in res.output and f"{N:,} events" in res.output
    for q in report["queries"]:
        assert q["line"] in res.output


def test_a_store_that_is_not_the_build_asked_for_is_refused(report):
    res = CliRunner().invoke(app, ["bench", "queries", "--events", str(N + 1), "--db", report["db"], "--repeat", "1"])
    said = " ".join(res.output.split())
    assert res.exit_code == 2 and "is not the synthetic store" in said and "Traceback" not in said
    res = CliRunner().invoke(app, ["bench", "queries", "--db", ":memory:"])
    assert res.exit_code == 2 and "--db" in res.output


def test_the_migration_fills_the_columns_of_a_store_made_before_it(tmp_path):
    """A store whose events were written before 007 gets the columns from its records."""
    import duckdb

    from dateline.store import open_store
    from dateline.synthetic import build

    db = str(tmp_path / "old.duckdb")
    build(db, 30, seed=3, link=False)
    con = duckdb.connect(db)
    con.execute("UPDATE events SET actor_code = NULL, recipient_code = NULL, trigger_start = NULL, trigger_text = NULL")
    con.execute("DELETE FROM migrations WHERE name LIKE '007_%'")
    con.close()
    with open_store(db):
        pass
    assert sql(db, "SELECT count(*) AS n FROM events WHERE trigger_start IS NULL OR actor_code IS NULL")[0]["n"] == 0


def test_count_lists_the_reports_and_the_unplaced_events_sql_gives(report):
    """Every report of each counted occurrence, and the matching events that joined none, in the order a
    join of events and articles gives (the read model reads them by primary key)."""
    from dateline import query
    from dateline.store import open_store

    db = report["db"]
    with open_store(db, read_only=True) as store:
        got = query.occurrences(store, min_confidence=0)
    # (synthetic events all have days of a month or less: few or none stay unplaced, as SQL says here)
    want = sql(db, "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id WHERE e.status IN "
                   "('occurred', 'reported') AND e.id NOT IN (SELECT event_id FROM occurrence_reports) "
                   "ORDER BY a.published, e.id LIMIT 10000")
    assert [r["event"] for r in got["unplaced"]] == [r["id"] for r in want]
    reports = sql(db, "SELECT r.occurrence_id, e.id FROM occurrence_reports r JOIN events e ON e.id = r.event_id "
                      "JOIN articles a ON a.id = e.article_id ORDER BY a.published, e.id")
    by: dict[str, list[str]] = {}
    for r in reports:
        by.setdefault(r["occurrence_id"], []).append(r["id"])
    assert got["count"] == len(by)
    assert all([r["event"] for r in o["reports"]] == by[o["id"]] for o in got["occurrences"])
