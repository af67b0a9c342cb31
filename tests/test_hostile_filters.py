"""Hostile filter values over every listing command (the table is in tests/hostile_cases.py): each gives a
usage error (exit 2) with a one-line reason, or a clean result; never a traceback. And the values that
used to be taken silently (wildcards, half windows) now mean what they say."""

from __future__ import annotations

import json

import pytest

from hostile_cases import LISTINGS, cases, crashed, run_case

NOT_FOUND = ("no article with id", "no event with id", "no actor with id", "no occurrence with id",
             "no stored article names")


def test_the_table_covers_every_listing_command():
    import typer

    from dateline.cli import app

    listed = set(typer.main.get_command(app).commands)
    covered = {c[0] for c in cases()}
    reading = listed - {"ingest", "demo", "eval", "run", "bench", "watch", "judge", "serve", "export", "occurrences",
                       "rebuild-actors"}  # writers and runners, not listings
    assert reading <= covered, reading - covered
    assert len(cases()) >= 261 and set(LISTINGS) <= covered


@pytest.mark.parametrize("command", sorted({c[0] for c in cases()}))
def test_no_hostile_value_crashes_a_command(demo_db, command):
    failures = []
    for args in (c for c in cases() if c[0] == command):
        r = run_case(demo_db, args)
        if crashed(r) or "Traceback" in r.output:
            failures.append((args, repr(r.exception)))
        elif r.exit_code == 2:
            reason = "Invalid value" in r.output or "error" in r.output.lower() or \
                any(m in r.output for m in NOT_FOUND)  # an id that names nothing is a usage error too
            if not reason:
                failures.append((args, "exit 2 without a reason: " + r.output[-200:]))
        elif r.exit_code != 0:
            failures.append((args, f"exit {r.exit_code}"))
    assert not failures, failures[:10]


@pytest.mark.parametrize("args, option", [
    (("articles", "--since", "2019-02-30"), "--since"),
    (("dates", "--until", "2019-13-01"), "--until"),
    (("events", "--since", "abc"), "--since"),
    (("quotes", "--since", "0001-01-01"), "--since"),
    (("count", "--until", "9999-12-31"), "--until"),
    (("count", "--window", "2019-01-01"), "--window"),
    (("count", "--window", ""), "--window"),
    (("count", "--window", "/"), "--window"),
    (("count", "--window", "2019-01-02/2019-01-01"), "--window"),
    (("articles", "--since", "2019-02-01", "--until", "2019-01-01"), "--since"),
    (("articles", "--limit", "-1"), "--limit"),
    (("events", "--limit", "9223372036854775808"), "--limit"),
    (("entities", "--limit", "0"), "--limit"),
    (("events", "--actor", ""), "--actor"),
    (("events", "--cameo", "%"), "--cameo"),
    (("events", "--min-confidence", "nan"), "--min-confidence"),
    (("show", "a\x1b[31m"), "ARTICLE_ID"),
])
def test_bad_filters_are_usage_errors_naming_the_option(demo_db, args, option):
    r = run_case(demo_db, args)
    assert r.exit_code == 2 and not crashed(r), r.output
    assert option in r.output and "Traceback" not in r.output


def rows(db, *args):
    r = run_case(db, (*args, "--json"))
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


@pytest.mark.parametrize("command, option", [("events", "--actor"), ("events", "--recipient"),
                                             ("entities", "--name"), ("quotes", "--speaker")])
def test_wildcard_characters_are_matched_literally(demo_db, command, option):
    extra = ("--min-confidence", "0") if command == "events" else ()
    everything = rows(demo_db, command, *extra)
    assert everything  # the demo store has some of each
    for v in ("%", "_", "%%", "_%_"):
        assert rows(demo_db, command, option, v, *extra) == [], (option, v)


def test_a_literal_name_with_a_space_still_matches(demo_db):
    kim = rows(demo_db, "entities", "--name", "Jong Un")
    assert kim and all("jong un" in e["name"].lower() for e in kim)
    assert rows(demo_db, "entities", "--name", "Jong_Un") == []


def test_id_prefixes_are_literal_too(demo_db):
    assert run_case(demo_db, ("show", "%")).exit_code == 2
    assert run_case(demo_db, ("explain", "ev%")).exit_code == 2
    arts = rows(demo_db, "articles")
    assert run_case(demo_db, ("show", arts[0]["id"][:10], "--json")).exit_code == 0


def test_a_window_counts_what_since_and_until_count(demo_db):
    common = ("--actor", "Kim Jong Un", "--recipient", "CHN", "--type", "CONSULT", "--mode", "visit")
    by_window = json.loads(run_case(demo_db, ("count", *common, "--window", "2018-01-09/2019-01-08", "--json")).stdout)
    by_span = json.loads(run_case(demo_db, ("count", *common, "--since", "2018-01-09", "--until", "2019-01-08",
                                            "--json")).stdout)
    assert by_window["count"] == by_span["count"] > 0
    assert run_case(demo_db, ("count", *common, "--window", "2018-01-09/2019-01-08", "--since", "2018-01-01")
                    ).exit_code == 2
