"""Resume and idempotence of batch runs (issue 15): a changed input is refused, never half-read; a
kill between the store's commit and the journal's line doubles nothing; a worker that dies while
loading its model is replaced; one published date per article, and everything derived uses it.

Runs use the fake analyzer of tests/test_runs.py (no spaCy), so they are fast and can be killed anywhere.
"""

from __future__ import annotations

import json
import os
import signal
from dataclasses import replace
from pathlib import Path

import pytest

from dateline.ingest import make_article
from dateline.pipeline import analyze
from dateline.runners.batch import Progress, execute, start_run
from dateline.runners.local import InlineEngine, ProcessEngine
from dateline.runners.manifest import Run, RunError, summarise
from dateline.runners.work import WorkerSetup
from dateline.store import open_store

from test_runs import FAKE, config, fake_analyzer, table_rows, write_jsonl  # noqa: F401  (FAKE names it)


# -- one published date per article -----------------------------------------------------------------------
def test_the_same_text_with_two_published_dates_is_dated_by_the_analysis_stored_last(tmp_path, nlp):
    paragraphs = ["Officials from both countries met in Geneva on Monday, a spokesperson said."]
    first = make_article(title="Talks in Geneva", paragraphs=paragraphs, published="2019-01-08", source="A")
    second = make_article(title="Talks in Geneva", paragraphs=paragraphs, published="2019-01-15", source="B")
    assert first.id == second.id
    db = str(tmp_path / "s.duckdb")
    with open_store(db) as store:
        for article in (first, second):
            store.save(list(analyze([article], nlp=nlp)))
        art = store.query("SELECT published, published_date FROM articles")
        days = store.query("SELECT text, value FROM dates WHERE lower(text) = 'monday'")
        outlets = store.query("SELECT source, published FROM article_sources ORDER BY source")
    assert [(a["published"], str(a["published_date"])) for a in art] == [("2019-01-15", "2019-01-15")]
    assert [d["value"] for d in days] == ["2019-01-14"]  # the Monday before the date the article carries
    assert [(o["source"], o["published"]) for o in outlets] == [("A", "2019-01-08"), ("B", "2019-01-15")]


# -- resume after the input changed --------------------------------------------------------------------------
INLINE = WorkerSetup(analyzer=FAKE)


class Stop(KeyboardInterrupt):
    """Stands for Ctrl-C (or a kill) after some partitions were loaded."""


def run_until(tmp_path: Path, cfg, *, loaded: int) -> None:
    """Start a run and stop it once ``loaded`` partitions are in the store."""
    run = start_run(tmp_path / "runs", cfg)
    seen = {"n": 0}

    def advance(items: int, articles: int, skipped: bool) -> None:
        seen["n"] += 1
        if seen["n"] >= loaded:
            raise Stop()

    with open_store(cfg.db) as store, pytest.raises(Stop):
        execute(run, store, InlineEngine(INLINE), progress=Progress(advance=advance))


def resume(tmp_path: Path, cfg) -> dict:
    with open_store(cfg.db) as store:
        return execute(Run.open(tmp_path / "runs", cfg.run_id), store, InlineEngine(INLINE))


def test_a_line_added_at_the_top_before_resume_is_refused_not_lost(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", 12)
    cfg = config(tmp_path, [src])
    run_until(tmp_path, cfg, loaded=1)
    lines = src.read_text().splitlines(keepends=True)
    added = json.dumps({"title": "Added on top", "text": "Lee met Abe in Tokyo.", "published": "2019-01-08"}) + "\n"
    src.write_text(added + "".join(lines))  # every item moves one line down: the old check saw nothing
    with pytest.raises(RunError, match="input changed"):
        resume(tmp_path, cfg)


def test_an_in_place_edit_of_a_loaded_partition_is_refused(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", 12)
    cfg = config(tmp_path, [src])
    run_until(tmp_path, cfg, loaded=2)
    src.write_text(src.read_text().replace("day 1.", "day 9."))  # same lines, same count, other text
    with pytest.raises(RunError, match="items of partition 0"):
        resume(tmp_path, cfg)


def test_an_unchanged_input_resumes_to_exactly_what_one_run_stores(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", 14, bad_lines={2, 9})
    cfg = config(tmp_path, [src], run_id="cut")
    run_until(tmp_path, cfg, loaded=2)
    summary = resume(tmp_path, cfg)
    assert summary["status"] == "complete" and summary["articles"] == 12 and summary["read_errors"] == 2
    whole = config(tmp_path, [src], run_id="whole")
    with open_store(whole.db) as store:
        execute(start_run(tmp_path / "runs", whole), store, InlineEngine(INLINE))
    assert table_rows(cfg.db) == table_rows(whole.db)


def test_an_input_that_shrank_is_refused(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", 12)
    cfg = config(tmp_path, [src])
    with open_store(cfg.db) as store:
        execute(start_run(tmp_path / "runs", cfg), store, InlineEngine(INLINE))
    write_jsonl(src, 8)  # the first two partitions are the same; the third is gone
    with pytest.raises(RunError, match="it held 3 partitions"):
        resume(tmp_path, cfg)


# -- error rows counted once, however often a load is cut short ------------------------------------------------
def error_counts(db: str) -> dict[str, int]:
    with open_store(db) as store:
        return {r["origin"].rsplit(":", 1)[1]: r["count"] for r in store.query("SELECT origin, count FROM errors")}


def test_a_kill_between_the_store_commit_and_the_journal_does_not_count_errors_twice(tmp_path, monkeypatch):
    src = write_jsonl(tmp_path / "in.jsonl", 8, bad_lines={1, 6})
    cfg = config(tmp_path, [src])
    real_part = Run.part

    def cut_before_loaded(self, index, state, **fields):
        if state == "loaded" and index == 1:
            raise Stop()  # the store has committed partition 1 (its error row too); the journal never hears
        return real_part(self, index, state, **fields)

    monkeypatch.setattr(Run, "part", cut_before_loaded)
    with open_store(cfg.db) as store, pytest.raises(Stop):
        execute(start_run(tmp_path / "runs", cfg), store, InlineEngine(INLINE))
    assert error_counts(cfg.db) == {"2": 1, "7": 1}
    for _ in range(2):  # cut again on the first resume: the reload commits, the journal misses it again
        with pytest.raises(Stop):
            resume(tmp_path, cfg)
        assert error_counts(cfg.db) == {"2": 1, "7": 1}
    monkeypatch.setattr(Run, "part", real_part)
    summary = resume(tmp_path, cfg)
    assert summary["status"] == "complete" and summary["read_errors"] == 2
    assert error_counts(cfg.db) == {"2": 1, "7": 1}


def test_an_error_seen_by_an_earlier_run_is_counted_again_once(tmp_path, monkeypatch):
    src = write_jsonl(tmp_path / "in.jsonl", 4, bad_lines={2})
    first = config(tmp_path, [src], run_id="one")
    with open_store(first.db) as store:
        execute(start_run(tmp_path / "runs", first), store, InlineEngine(INLINE))
    real_part = Run.part
    cut = {"done": False}

    def cut_once(self, index, state, **fields):
        if state == "loaded" and not cut["done"]:
            cut["done"] = True
            raise Stop()
        return real_part(self, index, state, **fields)

    monkeypatch.setattr(Run, "part", cut_once)
    second = replace(config(tmp_path, [src], run_id="two"), db=first.db)
    with open_store(second.db) as store, pytest.raises(Stop):
        execute(start_run(tmp_path / "runs", second), store, InlineEngine(INLINE))
    resume(tmp_path, second)
    assert error_counts(first.db) == {"3": 2}  # seen by two runs: twice, not three times


# -- a worker that dies while loading its model is replaced -------------------------------------------------------
def dying_analyzer(setup):
    """Kills its own process the first time any worker loads it (a marker file says it has)."""
    marker = Path(os.environ["DATELINE_TEST_DIE_ONCE"])
    try:
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return fake_analyzer(setup)
    os.close(fd)
    os.kill(os.getpid(), signal.SIGKILL)


def always_dying_analyzer(setup):
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_worker_killed_while_its_model_loads_is_replaced(tmp_path, monkeypatch):
    monkeypatch.setenv("DATELINE_TEST_DIE_ONCE", str(tmp_path / "died"))
    src = write_jsonl(tmp_path / "in.jsonl", 10)
    cfg = config(tmp_path, [src])
    with open_store(cfg.db) as store:
        summary = execute(start_run(tmp_path / "runs", cfg), store,
                          ProcessEngine(WorkerSetup(analyzer="test_resume:dying_analyzer"), 2))
    assert (tmp_path / "died").exists()  # one worker did die
    assert summary["status"] == "complete" and summary["articles"] == 10


def test_workers_that_always_die_while_loading_end_the_run_with_a_reason(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", 4)
    cfg = config(tmp_path, [src])
    with open_store(cfg.db) as store, pytest.raises(RunError, match="died in a row"):
        execute(start_run(tmp_path / "runs", cfg), store,
                ProcessEngine(WorkerSetup(analyzer="test_resume:always_dying_analyzer"), 1))
    assert summarise(Run.open(tmp_path / "runs", cfg.run_id))["status"] == "incomplete"


# -- the command line: SIGKILL, an edited input, resume --------------------------------------------------------
def test_killed_then_resumed_on_an_edited_input_exits_2_and_on_the_original_completes(tmp_path):
    import random
    import subprocess

    from test_runs import _cli, _env, _kill_after

    src = write_jsonl(tmp_path / "in.jsonl", 60, bad_lines={7})
    original = src.read_bytes()
    runs = tmp_path / "runs"
    _kill_after(_cli(tmp_path / "k.duckdb", runs, "--run-id", "k", str(src)), runs / "k" / "journal.jsonl", 2,
                random.Random(15))
    edits = [b'{"title": "On top", "text": "Lee met Abe.", "published": "2019-01-08"}\n' + original,
             original.replace(b"day 3.", b"day 8.")]
    for edited in edits:
        src.write_bytes(edited)
        got = subprocess.run(_cli(tmp_path / "k.duckdb", runs, "--resume", "k"), env=_env(), capture_output=True,
                             text=True, timeout=300)
        assert got.returncode == 2 and "input changed" in got.stderr, got.stderr
        assert "Traceback" not in got.stderr
    src.write_bytes(original)
    done = subprocess.run(_cli(tmp_path / "k.duckdb", runs, "--resume", "k", "--json"), env=_env(),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr  # one read error
    summary = json.loads(done.stdout)
    assert summary["status"] == "complete" and summary["articles"] == 59 and summary["read_errors"] == 1
    with open_store(tmp_path / "k.duckdb") as store:
        assert store.counts()["articles"] == 59
        assert [r["count"] for r in store.query("SELECT count FROM errors")] == [1]


# -- an article the store refuses fails alone -----------------------------------------------------------------
def test_an_article_the_store_refuses_fails_alone_in_a_run_and_in_ingest(tmp_path, monkeypatch, nlp):
    from dateline.ingest import ReadOptions, read_inputs
    from dateline.runners.inline import ingest
    from dateline.store.base import Store

    real_save = Store.save

    def picky_save(self, analyses):
        analyses = list(analyses)
        if any("REFUSE-ME" in a.article.text for a in analyses):
            raise ValueError("cannot take this one")
        return real_save(self, analyses)

    monkeypatch.setattr(Store, "save", picky_save)
    src = write_jsonl(tmp_path / "in.jsonl", 6, extra={3: "REFUSE-ME"})
    cfg = config(tmp_path, [src], size=6)
    with open_store(cfg.db) as store:
        summary = execute(start_run(tmp_path / "runs", cfg), store, InlineEngine(INLINE))
    assert summary["status"] == "complete" and summary["error_codes"] == {"store_refused": 1}
    rows = table_rows(cfg.db)
    assert len(rows["articles"]) == 5 and [e["code"] for e in rows["errors"]] == ["store_refused"]

    with open_store(tmp_path / "i.duckdb") as store:
        report = ingest(read_inputs([src], ReadOptions()), store, nlp=nlp)
        assert store.counts()["articles"] == 5
    assert report.stored == 5 and [(e.code, e.origin) for e in report.failed] == [("store_refused", f"{src}:4")]


def test_a_resume_removes_the_temporary_part_files_of_killed_workers(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", 8)
    cfg = config(tmp_path, [src])
    run_until(tmp_path, cfg, loaded=1)
    torn = tmp_path / "runs" / cfg.run_id / "parts" / ".part-000001.jsonl.gz.4242.tmp"
    torn.write_bytes(b"\x1f\x8b half a file")
    assert resume(tmp_path, cfg)["status"] == "complete"
    assert not torn.exists()
    assert sorted(p.name for p in torn.parent.iterdir()) == ["part-000000.jsonl.gz", "part-000001.jsonl.gz"]


def test_the_progress_estimate_counts_unreadable_entries_instead_of_failing(tmp_path):
    from dateline.runners.estimate import estimate_items

    write_jsonl(tmp_path / "in.jsonl", 3)
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
    assert estimate_items([str(tmp_path)]) == 4  # three lines and one error row for the loop
