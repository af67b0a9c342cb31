"""Stored text is shown, never interpreted: Rich markup and terminal control sequences in titles, sources,
published values, file names and sentences neither crash a listing nor reach the terminal; JSON keeps
the text exact."""

from __future__ import annotations

import json

import pytest

from dateline.cli.output import cell, clean, dump_json, esc
from hostile_cases import run_case

ESC, BEL, CSI = "\x1b", "\x07", "\x9b"
TITLE = f"Markets [/] fall {ESC}[31mred{ESC}[0m {ESC}]0;pwned{BEL} [bold]"
SOURCE = f"[red]Wire{ESC}[2J"
ITEMS = [
    {"title": TITLE, "source": SOURCE, "published": "2019-01-08", "url": "https://x.example/[/]",
     "text": f"Kim Jong Un met [bold]Xi Jinping[/bold] in Beijing on Tuesday. He said {CSI}31m talks went well."},
    {"title": "Undated [/]", "text": "Kim Jong Un met Xi Jinping in Beijing.", "published": "[/]"},
]


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    """A store holding articles with markup and escape codes, and error rows naming odd files and values."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "items.jsonl").write_text("\n".join(json.dumps(i) for i in ITEMS) + "\n", encoding="utf-8")
    odd = folder / "x["
    odd.mkdir()
    (odd / "red]y.txt").write_text("Headline only\n", encoding="utf-8")
    db = str(folder / "hostile.duckdb")
    report = run_case(db, ("ingest", str(folder / "items.jsonl"), str(odd)))
    return db, report


def visible(output: str) -> str:
    return "".join(output.split())  # Rich folds long lines in a narrow test console


def no_control(output: str) -> bool:
    return not any(c in output for c in (ESC, BEL, CSI, "\x9d"))


def test_the_ingest_report_names_odd_files_and_values_as_they_are(hostile_db):
    _, report = hostile_db
    assert report.exit_code == 1 and report.exception is None or isinstance(report.exception, SystemExit)
    text = visible(report.output)
    assert "x[/red]y.txt" in text and "'[/]'" in text and no_control(report.output)


@pytest.mark.parametrize("args", [("articles",), ("articles", "--csv"), ("errors",), ("errors", "--csv"),
                                  ("entities",), ("events", "--min-confidence", "0"), ("quotes",), ("dates",),
                                  ("places",), ("count", "--actor", "Kim Jong Un", "--reports")])
def test_listings_show_markup_literally_and_strip_escape_codes(hostile_db, args):
    db, _ = hostile_db
    r = run_case(db, args)
    assert r.exit_code == 0 and r.exception is None, r.output
    assert no_control(r.output) and "Traceback" not in r.output
    if args[0] == "articles":
        assert "[/]" in r.output and "[red]Wire" in visible(r.output)
    if args[0] == "errors":
        assert "'[/]'" in visible(r.output)


def test_json_keeps_the_stored_text_exact(hostile_db):
    db, _ = hostile_db
    r = run_case(db, ("articles", "--json"))
    assert no_control(r.stdout)  # escaped as \u001b in the JSON text, not raw
    got = {a["title"]: a for a in json.loads(r.stdout)}
    assert got[TITLE]["source"] == SOURCE


def test_show_and_explain_print_stored_text_inert(hostile_db):
    db, _ = hostile_db
    arts = json.loads(run_case(db, ("articles", "--json")).stdout)
    art = next(a for a in arts if a["title"] == TITLE)
    shown = run_case(db, ("show", art["id"]))
    assert shown.exit_code == 0 and no_control(shown.output), shown.output
    assert "Markets[/]fall" in visible(shown.output) and "[bold]" in shown.output
    exact = json.loads(run_case(db, ("show", art["id"], "--json")).stdout)
    assert exact["article"]["title"] == TITLE
    events = json.loads(run_case(db, ("events", "--article", art["id"], "--min-confidence", "0", "--json")).stdout)
    for e in events:
        r = run_case(db, ("explain", e["id"]))
        assert r.exit_code == 0 and no_control(r.output), r.output


def test_the_helpers():
    assert clean(TITLE) == "Markets [/] fall red  [bold]"
    assert clean(f"a{CSI}31mb\x00c\u202ed\te\nf") == "abc" + "d\te\nf"
    assert esc("[/]") == "\\[/]" and cell(["[b]", "x"]).plain == "[b], x"
    assert json.loads(dump_json({"t": TITLE + CSI + "\u2028"})) == {"t": TITLE + CSI + "\u2028"}
    assert no_control(dump_json([TITLE + CSI]))
    assert clean(None) == "" and clean(3) == "3"
