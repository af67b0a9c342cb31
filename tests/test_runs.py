"""Batch runs: partitions, worker processes, the journal, resume after SIGKILL, bad input at scale.

The runs here use a fake analyzer (no spaCy) so they are fast and can be killed at any point;
tests/test_ray.py and tests/test_bench.py run the real pipeline.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from dateline.model import ArticleAnalysis, Entity, Mention, Span, stable_id
from dateline.runners.batch import execute, load_partition, partitions, start_run
from dateline.runners.local import InlineEngine, ProcessEngine
from dateline.runners.manifest import Run, RunConfig, RunError, summarise
from dateline.runners.work import WorkerSetup
from dateline.store import open_store

TESTS = Path(__file__).resolve().parent
FAKE = "test_runs:fake_analyzer"


def fake_analyzer(setup):
    """Entities = capitalised words; markers in the text crash the worker or raise."""
    delay = float(os.environ.get("DATELINE_FAKE_DELAY", "0"))

    def run(articles):
        for a in articles:
            if "CRASH-WORKER" in a.text:
                os._exit(3)
            if "RAISE-IN-ANALYZER" in a.text:
                raise RuntimeError("boom")
            if delay:
                time.sleep(delay)
            ents = []
            pos = 0
            for word in a.text.split():
                start = a.text.index(word, pos)
                pos = start + len(word)
                if word[:1].isupper():
                    ents.append(Entity(id=stable_id(a.id, start), name=word, type="PERSON",
                                       mentions=(Mention(span=Span(start=start, end=pos, text=word)),)))
            yield ArticleAnalysis(article=a, entities=tuple(ents), provenance={"model": "fake"})

    return run


def write_jsonl(path: Path, n: int, *, bad_lines=(), extra=None) -> Path:
    with path.open("w") as fh:
        for i in range(n):
            if i in bad_lines:
                fh.write("this is not json\n")
                continue
            text = f"Kim met Moon in Seoul on day {i}.\nThe talks with Trump went on for hours, officials said."
            if extra and i in extra:
                text += " " + extra[i]
            fh.write(json.dumps({"title": f"Story number {i}", "text": text, "published": "2019-01-08",
                                 "url": f"https://news.example/{i}"}) + "\n")
    return path


def config(tmp_path: Path, inputs, *, run_id="r1", size=4) -> RunConfig:
    return RunConfig(run_id=run_id, inputs=tuple(str(p) for p in inputs), db=str(tmp_path / f"{run_id}.duckdb"),
                     partition_size=size, analyzer=FAKE)


def run_to_end(tmp_path: Path, cfg: RunConfig, engine) -> dict:
    run = start_run(tmp_path / "runs", cfg)
    with open_store(cfg.db) as store:
        return execute(run, store, engine)


def table_rows(db: str) -> dict[str, list]:
    with open_store(db) as store:
        return {
            "articles": store.query("SELECT id, title, origin FROM articles ORDER BY id"),
            "entities": store.query("SELECT id, article_id, name FROM entities ORDER BY id"),
            "sources": store.query("SELECT * FROM article_sources ORDER BY article_id, url"),
            "errors": store.query("SELECT id, origin, code FROM errors ORDER BY id"),
        }


def test_partitions_are_cut_in_input_order():
    parts = list(partitions(range(10), 4))
    assert [p.index for p in parts] == [0, 1, 2] and [p.items for p in parts] == [(0, 1, 2, 3), (4, 5, 6, 7), (8, 9)]


def test_run_with_workers_stores_everything_and_records_read_errors(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", 22, bad_lines={5})
    summary = run_to_end(tmp_path, config(tmp_path, [src]), ProcessEngine(WorkerSetup(analyzer=FAKE), 2))
    assert summary["status"] == "complete"
    assert summary["partitions"] == {"new": 0, "analysed": 0, "loaded": 6, "failed": 0}
    assert summary["articles"] == 21 and summary["read_errors"] == 1 and summary["error_codes"] == {"bad_json": 1}
    rows = table_rows(str(tmp_path / "r1.duckdb"))
    assert len(rows["articles"]) == 21 and [e["code"] for e in rows["errors"]] == ["bad_json"]
    assert summary["peak_worker_rss_mb"] > 0 and summary["peak_loader_rss_mb"] > 0


def test_results_do_not_depend_on_workers_or_partition_size(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", 13, bad_lines={2})
    run_to_end(tmp_path, config(tmp_path, [src], run_id="inline", size=13), InlineEngine(WorkerSetup(analyzer=FAKE)))
    run_to_end(tmp_path, config(tmp_path, [src], run_id="procs", size=3),
               ProcessEngine(WorkerSetup(analyzer=FAKE), 2))
    assert table_rows(str(tmp_path / "inline.duckdb")) == table_rows(str(tmp_path / "procs.duckdb"))


def test_a_worker_that_dies_fails_its_partition_and_the_run_goes_on(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", 12, extra={5: "CRASH-WORKER", 9: "RAISE-IN-ANALYZER"})
    summary = run_to_end(tmp_path, config(tmp_path, [src]), ProcessEngine(WorkerSetup(analyzer=FAKE), 2))
    failures = {f["partition"]: f["reason"] for f in summary["failures"]}
    assert set(failures) == {1, 2}
    assert "died" in failures[1] and "exit code 3" in failures[1]
    assert failures[2] == "RuntimeError: boom"
    assert summary["status"] == "failed" and summary["failed_items"] == 8 and summary["articles"] == 4
    assert len(table_rows(str(tmp_path / "r1.duckdb"))["articles"]) == 4


def test_resume_refuses_an_input_that_changed(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", 6)
    cfg = config(tmp_path, [src])
    run_to_end(tmp_path, cfg, InlineEngine(WorkerSetup(analyzer=FAKE)))
    write_jsonl(src, 7)
    run = Run.open(tmp_path / "runs", "r1")
    with open_store(cfg.db) as store, pytest.raises(RunError, match="input changed"):
        execute(run, store, InlineEngine(WorkerSetup(analyzer=FAKE)))


def test_a_run_cannot_be_driven_twice_at_once(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", 2)
    run = start_run(tmp_path / "runs", config(tmp_path, [src]))
    run.lock()
    try:
        with pytest.raises(RunError, match="another process"):
            Run.open(tmp_path / "runs", "r1").lock()
        assert summarise(Run.open(tmp_path / "runs", "r1"))["status"] == "running"
    finally:
        run.close()


def test_loading_a_partition_twice_doubles_nothing(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", 5, bad_lines={1})
    cfg = config(tmp_path, [src], size=5)
    run_to_end(tmp_path, cfg, InlineEngine(WorkerSetup(analyzer=FAKE)))
    before = table_rows(cfg.db)
    with open_store(cfg.db) as store:
        load_partition(store, Run.open(tmp_path / "runs", "r1").part_path(0))
    assert table_rows(cfg.db) == before


# -- killed with SIGKILL at random points, resumed: nothing lost, nothing doubled ----------------------
def _cli(db: Path, runs: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "dateline", "--db", str(db), "run", "--runs-dir", str(runs),
            "--analyzer", FAKE, "--partition-size", "5", "--workers", "2", *args]


def _env() -> dict[str, str]:
    env = dict(os.environ, DATELINE_FAKE_DELAY="0.08")
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS), env.get("PYTHONPATH", "")])
    return env


def _loaded(journal: Path) -> int:
    if not journal.exists():
        return 0
    return sum(1 for line in journal.read_text().splitlines() if '"state": "loaded"' in line)


def _kill_after(cmd: list[str], journal: Path, at_least: int, rng: random.Random) -> None:
    proc = subprocess.Popen(cmd, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _loaded(journal) < at_least and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(rng.uniform(0, 0.4))  # somewhere inside the next partitions: analysing, writing or loading
    assert proc.poll() is None, "the run ended before it could be killed: make the input bigger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def test_killed_twice_then_resumed_equals_an_uninterrupted_run(tmp_path):
    rng = random.Random(int(time.time()))
    src = write_jsonl(tmp_path / "in.jsonl", 80, bad_lines={7, 41})
    runs = tmp_path / "runs"
    journal = runs / "k" / "journal.jsonl"

    _kill_after(_cli(tmp_path / "k.duckdb", runs, "--run-id", "k", str(src)), journal, 2, rng)
    first = _loaded(journal)
    _kill_after(_cli(tmp_path / "k.duckdb", runs, "--resume", "k"), journal, first + 3, rng)
    done = subprocess.run(_cli(tmp_path / "k.duckdb", runs, "--resume", "k", "--json"), env=_env(),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr  # two read errors: exit 1 with the count on stderr
    assert "2 item(s) failed" in done.stderr
    summary = json.loads(done.stdout)
    assert summary["status"] == "complete" and summary["attempts"] == 3
    assert summary["partitions"]["loaded"] == 16 and summary["articles"] == 78 and summary["read_errors"] == 2

    straight = subprocess.run(_cli(tmp_path / "s.duckdb", runs, "--run-id", "s", str(src)), env=_env(),
                              capture_output=True, text=True, timeout=300)
    assert straight.returncode == 1, straight.stderr
    assert table_rows(str(tmp_path / "k.duckdb")) == table_rows(str(tmp_path / "s.duckdb"))
    with open_store(tmp_path / "k.duckdb") as store:
        assert store.counts()["articles"] == 78
    assert sorted(p.name for p in (runs / "k" / "parts").iterdir()) == [f"part-{i:06d}.jsonl.gz" for i in range(16)]

    listed = subprocess.run([sys.executable, "-m", "dateline", "runs", "--runs-dir", str(runs), "--json"],
                            capture_output=True, text=True, timeout=60)
    assert {r["run_id"]: r["status"] for r in json.loads(listed.stdout)} == {"k": "complete", "s": "complete"}


# -- inputs at scale and bad input --------------------------------------------------------------------
def test_bad_inputs_fail_alone_and_the_run_goes_on(tmp_path):
    good = write_jsonl(tmp_path / "a.jsonl", 3)
    huge = tmp_path / "b.jsonl"
    with huge.open("wb") as fh:  # a 100 MB single line between two good ones
        fh.write(good.read_bytes().splitlines(keepends=True)[0].replace(b"number 0", b"huge 1"))
        fh.write(b'{"title": "x", "text": "' + b"a" * (100 * 1024 * 1024) + b'"}\n')
        fh.write(good.read_bytes().splitlines(keepends=True)[1].replace(b"number 1", b"huge 3"))
    broken = tmp_path / "c.jsonl.gz"
    whole = gzip.compress(write_jsonl(tmp_path / "c.src", 40).read_bytes())
    broken.write_bytes(whole[: len(whole) // 2])  # a truncated .gz
    summary = run_to_end(tmp_path, config(tmp_path, [good, huge, broken], size=10),
                         InlineEngine(WorkerSetup(analyzer=FAKE)))
    codes = summary["error_codes"]
    assert codes.get("too_large") == 1 and codes.get("truncated") == 1
    assert summary["status"] == "complete" and summary["articles"] >= 5


def test_a_directory_of_20k_files_is_walked_without_listing_it_in_memory(tmp_path):
    from dateline.ingest import Defaults, ReadOptions, read_inputs
    from dateline.ingest.reader import _walk

    root = tmp_path / "many"
    for d in range(4):
        sub = root / f"d{d}"
        sub.mkdir(parents=True)
        for i in range(5000):
            (sub / f"{i:05d}.txt").write_text(f"Headline {d} {i}\nBody of story {i}.\n")
    tracemalloc.start()
    n = sum(1 for _ in _walk(root))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n == 20_000
    assert peak < 8 * 1024 * 1024  # one directory's entries at a time, never the whole tree's paths
    first = next(iter(read_inputs([root], ReadOptions(defaults=Defaults(published="2020-01-01")))))
    assert first.title == "Headline 0 0"


def test_the_progress_estimate_counts_records_without_parsing(tmp_path):
    from dateline.runners.estimate import estimate_items

    write_jsonl(tmp_path / "a.jsonl", 7, bad_lines={3})
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(write_jsonl(tmp_path / "b.src", 5).read_bytes()))
    (tmp_path / "c.sgm").write_text("<REUTERS NEWID=\"1\"></REUTERS>\n<REUTERS NEWID=\"2\"></REUTERS>\n")
    (tmp_path / "d.txt").write_text("Headline\nBody.\n")
    (tmp_path / "d.json").write_text("{}")  # a sidecar, not an item
    assert estimate_items([str(tmp_path)]) == 7 + 5 + 2 + 1


def test_run_cli_usage_errors(tmp_path):
    from typer.testing import CliRunner

    from dateline.cli import app

    src = write_jsonl(tmp_path / "in.jsonl", 1)
    runner = CliRunner()
    bad_memory = runner.invoke(app, ["--db", str(tmp_path / "x.duckdb"), "run", str(src), "--loader-memory", "lots"])
    assert bad_memory.exit_code == 2
    no_input = runner.invoke(app, ["--db", str(tmp_path / "x.duckdb"), "run"])
    assert no_input.exit_code == 2
    missing = runner.invoke(app, ["--db", str(tmp_path / "x.duckdb"), "run", "--resume", "nope",
                                  "--runs-dir", str(tmp_path / "runs")])
    assert missing.exit_code == 2 and "no run 'nope'" in missing.output
