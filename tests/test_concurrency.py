"""Readers and writers of one DuckDB store in separate processes: queries answer while another process
writes; a second writer is refused with exit 2 and leaves nothing behind; a reader that cannot get in
says the store is busy after a bounded wait."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from dateline import query
from dateline.store import open_store

# A writer process: saves batches of 64 new articles back to back (no pause between transactions, the
# hardest case for readers) until the stop file appears; prints "ready" after its first commit.
WRITER = """
import sys, pathlib
from dateline.model import Article, ArticleAnalysis, Entity, Mention, Span, article_id
from dateline.store import open_store
db, stop = sys.argv[1], pathlib.Path(sys.argv[2])
def one(n):
    text = f"Story {n}: ministers met.\\nBody {n}."
    art = Article(id=article_id(text), text=text, title=text.split("\\n")[0], published="2019-01-08", source="W")
    ent = Entity(id=f"en{n}", name="Kim", type="PERSON", mentions=(Mention(span=Span(start=0, end=3, text="Sto")),))
    return ArticleAnalysis(article=art, entities=(ent,))
with open_store(db) as store:
    n = 0
    while True:
        store.save([one(n + i) for i in range(64)])
        n += 64
        if n == 64:
            print("ready", flush=True)
        if stop.exists():
            break
print(n, flush=True)
"""

HOLDER = """
import sys, time
from dateline.store import open_store
store = open_store(sys.argv[1])
store.con  # keeps the file open, as a long transaction would
print("ready", flush=True)
time.sleep(60)
"""


def env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src"), **extra}


def start(code: str, *args: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env())
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    return proc


def dateline(*args: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dateline", *args], capture_output=True, text=True, timeout=120,
                          env=env(**extra))


def test_queries_answer_while_another_process_writes(tmp_path):
    db, stop = str(tmp_path / "s.duckdb"), tmp_path / "stop"
    writer = start(WRITER, db, str(stop))
    try:
        seen = []
        for _ in range(30):  # each a fresh read-only open, as every CLI query is
            with open_store(db, read_only=True) as store:
                seen.append(store.counts()["articles"])
                assert len(query.articles(store, limit=5)) == 5
        listed = dateline("--db", db, "articles", "--json", "-n", "3")
        assert listed.returncode == 0, listed.stderr
        assert len(json.loads(listed.stdout)) == 3
        assert writer.poll() is None, "the writer should still be writing"
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    written = int(out.split()[-1])
    assert seen == sorted(seen) and seen[0] >= 64 and seen[-1] <= written  # whole batches, never a part
    assert all(n % 64 == 0 for n in seen)
    with open_store(db, read_only=True) as store:
        assert store.counts()["articles"] == written


def test_a_second_writer_is_refused_with_exit_2_and_leaves_no_run_behind(tmp_path):
    db, stop, runs = str(tmp_path / "s.duckdb"), tmp_path / "stop", tmp_path / "runs"
    story = tmp_path / "a.txt"
    story.write_text("Ministers met\nThey met in Vienna on Tuesday.\n")
    writer = start(WRITER, db, str(stop))
    try:
        ingest = dateline("--db", db, "ingest", str(story), "--published", "2019-01-08")
        batch = dateline("--db", db, "run", str(story), "--runs-dir", str(runs), "--published", "2019-01-08")
    finally:
        stop.touch()
        writer.communicate(timeout=120)
    for done in (ingest, batch):
        said = " ".join(done.stderr.split())  # as one line, however the terminal wrapped it
        assert done.returncode == 2, said
        assert "is being written by pid" in said and "one writer at a time" in said and "Traceback" not in said
    assert not runs.exists() or not any(runs.iterdir())  # no dead "incomplete" run
    with open_store(db, read_only=True) as store:
        assert store.query("SELECT count(*) AS n FROM articles WHERE title = 'Ministers met'") == [{"n": 0}]


def test_a_reader_kept_out_says_the_store_is_busy_after_a_bounded_wait(tmp_path):
    db = str(tmp_path / "s.duckdb")
    open_store(db).close()
    holder = start(HOLDER, db)
    try:
        t0 = time.monotonic()
        done = dateline("--db", db, "articles", DATELINE_BUSY_TIMEOUT="0.5")
        waited = time.monotonic() - t0
    finally:
        holder.kill()
        holder.communicate()
    said = " ".join(done.stderr.split())
    assert done.returncode == 2 and "is busy" in said and "Traceback" not in said, said
    assert waited < 60
    assert dateline("--db", db, "articles", "--json").returncode == 0  # free again once the holder is gone


def test_watch_keeps_the_store_free_between_looks_and_is_the_one_writer(tmp_path):
    db, inbox = str(tmp_path / "s.duckdb"), tmp_path / "inbox"
    inbox.mkdir()
    open_store(db).close()
    # a suite started in the background inherits SIGINT ignored, and Python keeps it so: give the watch the
    # Ctrl-C a terminal would
    watch = subprocess.Popen([sys.executable, "-m", "dateline", "--db", db, "watch", str(inbox), "--interval", "1"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(),
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert "checked" in watch.stderr.readline()  # its first look is done
        for _ in range(100):  # 100 queries in a loop while watch runs
            with open_store(db, read_only=True) as store:
                assert query.articles(store) == []
        listed = dateline("--db", db, "articles", "--json")
        assert listed.returncode == 0 and json.loads(listed.stdout) == [], listed.stderr
        second = dateline("--db", db, "ingest", str(inbox))
        assert second.returncode == 2 and "is being written by pid" in " ".join(second.stderr.split()), second.stderr
    finally:
        watch.send_signal(signal.SIGINT)
        watch.communicate(timeout=60)


def test_a_writer_gets_in_while_one_process_queries_without_pause(tmp_path):
    """A reader serving overlapping queries on several threads (as the HTTP API does) lets a writer in."""
    import threading

    db = str(tmp_path / "s.duckdb")
    open_store(db).close()
    stop = threading.Event()
    failures: list[BaseException] = []
    with open_store(db, read_only=True) as store:
        def ask() -> None:
            try:
                while not stop.is_set():  # three threads: their queries overlap, the file is never unused
                    query.articles(store, limit=5)
                    time.sleep(0.005)
            except BaseException as e:  # noqa: BLE001 - reported by the assertion below
                failures.append(e)

        threads = [threading.Thread(target=ask) for _ in range(3)]
        for t in threads:
            t.start()
        try:
            story = tmp_path / "a.txt"
            story.write_text("   \n")  # an empty item: stored as an error row, no model needed
            done = dateline("--db", db, "ingest", str(story), "--published", "2019-01-08")
        finally:
            stop.set()
            for t in threads:
                t.join()
    assert failures == []
    assert done.returncode == 1 and "busy" not in done.stderr, done.stderr  # got in; the item failed as empty
    with open_store(db, read_only=True) as store:
        assert [r["code"] for r in query.errors(store)] == ["empty"]
