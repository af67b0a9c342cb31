"""Paged occurrences (`count` and `timeline` with --limit/--offset): the total is every occurrence found,
the pages together are the whole unpaged answer in the same order, and each page carries its own reports."""

from __future__ import annotations

import json
import sys

import pytest

from dateline import query
from dateline.store import open_store
from dateline.timeline import timeline


def test_count_pages_cover_the_whole_answer_in_order(demo_db):
    with open_store(demo_db, read_only=True) as store:
        whole = query.occurrences(store)
        pages, offset = [], 0
        while True:
            got = query.occurrences(store, limit=7, offset=offset)
            assert got["count"] == whole["count"] and got["shown"] == len(got["occurrences"]) <= 7
            if not got["occurrences"]:
                break
            pages += got["occurrences"]
            offset += 7
        past = query.occurrences(store, limit=7, offset=whole["count"] + 10)
    assert whole["count"] > 14 and whole["shown"] == whole["count"]
    assert pages == whole["occurrences"]  # same occurrences, same reports, same order
    assert past["count"] == whole["count"] and past["occurrences"] == []


def test_a_count_page_keeps_the_filters_total(demo_db):
    with open_store(demo_db, read_only=True) as store:
        whole = query.occurrences(store, actor="Kim Jong Un")
        first = query.occurrences(store, actor="Kim Jong Un", limit=2)
        assert query.occurrences(store, actor="Kim Jong Un", limit=1, offset=1)["occurrences"] == \
            whole["occurrences"][1:2]
    assert first["count"] == whole["count"] > 2 and first["occurrences"] == whole["occurrences"][:2]
    assert first["unplaced_count"] == whole["unplaced_count"] >= len(first["unplaced"])


def test_timeline_total_and_page(demo_db):
    with open_store(demo_db, read_only=True) as store:
        whole = timeline(store, "Kim Jong Un")
        page = timeline(store, "Kim Jong Un", limit=3, offset=1)
    assert page["count"] == whole["count"] == len(whole["occurrences"]) > 4
    assert page["shown"] == 3
    assert {o["id"] for o in page["occurrences"]} <= {o["id"] for o in whole["occurrences"]}


def run(monkeypatch, *args):
    from dateline.cli import main

    monkeypatch.setattr(sys, "argv", ["dateline", *args])
    with pytest.raises(SystemExit) as e:
        main()
    return e.value.code or 0


def test_cli_count_states_the_total_and_the_page(monkeypatch, capsys, demo_db):
    assert run(monkeypatch, "--db", demo_db, "count", "--limit", "3", "--json") == 0
    got = json.loads(capsys.readouterr().out)
    assert len(got["occurrences"]) == got["shown"] == 3 < got["count"] and got["limit"] == 3
    assert run(monkeypatch, "--db", demo_db, "count", "--limit", "3", "--offset", "3") == 0
    assert f"showing 4-6 of {got['count']:,}; --limit/--offset for more" in " ".join(capsys.readouterr().out.split())


def test_cli_timeline_pages(monkeypatch, capsys, demo_db):
    assert run(monkeypatch, "--db", demo_db, "timeline", "Kim Jong Un", "--limit", "2", "--json") == 0
    got = json.loads(capsys.readouterr().out)
    assert got["shown"] == len(got["occurrences"]) == 2 < got["count"]


@pytest.mark.parametrize("args", [["count", "--limit", "0"], ["count", "--offset", "-1"],
                                  ["timeline", "Kim Jong Un", "--limit", "-5"]])
def test_cli_bad_page_is_a_usage_error(monkeypatch, capsys, demo_db, args):
    assert run(monkeypatch, "--db", demo_db, *args) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_python_api_count_pages(demo_db):
    import dateline

    with dateline.open(demo_db) as store:
        whole = store.count(actor="Kim Jong Un")
        page = store.count(actor="Kim Jong Un", limit=2, offset=1)
        with pytest.raises(ValueError, match="limit must be at least 1"):
            store.count(limit=0)
    assert page["count"] == whole["count"] and page["occurrences"] == whole["occurrences"][1:3]
