"""Exit codes of `dateline` (README, cli/crash.py): 0 all stored, 1 some items failed and the rest stored,
2 usage or environment error, 3 an internal error with a one-line message and the file of its traceback.
Run through ``main()``, the installed entry point, so the outer handlers are what is tested."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest

from dateline.cli import main


def exit_code(monkeypatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["dateline", *args])
    with pytest.raises(SystemExit) as e:
        main()
    code = e.value.code
    return 0 if code is None else code


def test_an_internal_error_exits_3_with_the_traceback_in_a_file(monkeypatch, capsys, tmp_path, demo_db):
    from dateline import query

    def broken(*a, **k):
        raise RuntimeError("boom [/] \x1b[31m")

    monkeypatch.setattr(query, "articles", broken)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert exit_code(monkeypatch, "--db", demo_db, "articles") == 3
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: boom [/]" in err and "\x1b" not in err and "Traceback" not in err
    written = Path(err.split("the traceback is in ", 1)[1].strip())
    assert written.parent == tmp_path and "RuntimeError: boom" in written.read_text()
    assert "Traceback" in written.read_text()


def test_usage_errors_exit_2(monkeypatch, capsys, demo_db):
    assert exit_code(monkeypatch, "--db", demo_db, "articles", "--since", "2019-02-30") == 2
    assert exit_code(monkeypatch, "--db", demo_db, "count", "--window", "2019-01-01") == 2
    assert exit_code(monkeypatch, "--db", demo_db, "nosuchcommand") == 2
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("command", [("ingest", "x.txt"), ("articles",), ("demo",), ("watch", ".", "--once")])
def test_a_store_in_memory_is_refused(monkeypatch, capsys, command):
    assert exit_code(monkeypatch, "--db", ":memory:", *command) == 2
    assert "in memory keeps nothing" in " ".join(capsys.readouterr().err.split())


def test_a_store_that_cannot_be_opened_exits_2(monkeypatch, capsys, tmp_path):
    folder = tmp_path / "folder.duckdb"
    folder.mkdir()
    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a database\n")
    text = tmp_path / "a.txt"
    text.write_text("Kim visits Beijing\nKim Jong Un arrived in Beijing on Tuesday.\n")
    for db in (folder, junk):
        assert exit_code(monkeypatch, "--db", str(db), "articles") == 2
        assert exit_code(monkeypatch, "--db", str(db), "ingest", str(text), "--published", "2019-01-08") == 2
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("content", ['{"files": [', "[1]", '{"files": {"a": "b"}}', "\udcff"])
def test_a_corrupt_watch_state_exits_2(monkeypatch, capsys, tmp_path, content):
    db = tmp_path / "w.duckdb"
    Path(f"{db}.watch.json").write_bytes(content.encode("utf-8", "surrogateescape"))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    assert exit_code(monkeypatch, "--db", str(db), "watch", str(inbox), "--once") == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "cannot read the watch state" in err and "Traceback" not in err


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), PermissionError(13, "Permission denied")])
def test_a_full_disk_or_a_refused_permission_is_an_environment_error(monkeypatch, capsys, demo_db, error):
    from dateline import query

    def failing(*a, **k):
        raise error

    monkeypatch.setattr(query, "articles", failing)
    assert exit_code(monkeypatch, "--db", demo_db, "articles") == 2
    err = capsys.readouterr().err
    assert error.strerror in err and "internal error" not in err


def test_duckdb_reporting_a_full_disk_is_an_environment_error():
    import duckdb

    from dateline.cli.crash import is_environment_error

    assert is_environment_error(duckdb.IOException('Could not write file "x.duckdb": No space left on device'))
    assert not is_environment_error(duckdb.IOException("Could not read block 7"))
    assert not is_environment_error(RuntimeError("No space left on device"))
