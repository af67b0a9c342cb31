"""dateline watch: folders and a feed served on loopback; a restart neither skips nor repeats an article."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

from dateline.ingest import Defaults, ReadOptions
from dateline.store import open_store
from dateline.watch import WatchOptions, WatchState, cycle, inline_analyse


def story(folder: Path, name: str, title: str) -> None:
    (folder / f"{name}.txt").write_text(
        f"{title}\nOfficials in Geneva said on Monday that talks on {title.lower()} would resume in March.\n")


def look(paths, store, nlp, state_path: Path):
    """One cycle of a freshly started watcher (its state read back from the file, as after a restart)."""
    options = WatchOptions(paths=tuple(str(p) for p in paths),
                           read=ReadOptions(defaults=Defaults(published="2019-01-08")), retries=0)
    return cycle(options, WatchState.load(state_path), store, inline_analyse(store, nlp=nlp), state_path)


def test_a_folder_restarts_neither_skip_nor_repeat(tmp_path, nlp):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    state = tmp_path / "watch.json"
    story(inbox, "a", "Trade")
    story(inbox, "b", "Energy prices")
    with open_store(tmp_path / "s.duckdb") as store:
        first = look([inbox], store, nlp, state)
        assert (first.new, first.known, first.files_read) == (2, 0, 2)
        story(inbox, "c", "Border security")
        (inbox / "sub").mkdir()
        story(inbox / "sub", "d", "Climate policy")
        second = look([inbox], store, nlp, state)  # restarted: only the new files are read
        assert (second.new, second.known, second.files_read, second.files_checked) == (2, 0, 2, 4)
        again = look([inbox], store, nlp, state)
        assert (again.new, again.files_read) == (0, 0)
        os.utime(inbox / "a.txt", ns=(1, 1))  # touched, not changed: read again, not analysed again
        touched = look([inbox], store, nlp, state)
        assert (touched.new, touched.known, touched.files_read) == (0, 1, 1)
        (inbox / "e.txt").write_text("   \n")  # a bad file is an error, and the watcher goes on
        bad = look([inbox], store, nlp, state)
        assert [e.code for e in bad.errors] == ["empty"] and bad.new == 0
        assert store.counts()["articles"] == 4


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Wire</title>{items}</channel></rss>"""
ITEM = """<item><title>{title}</title><link>https://wire.example/{n}</link><guid>wire-{n}</guid>
<pubDate>Tue, 08 Jan 2019 10:0{n}:00 GMT</pubDate>
<description>&lt;p&gt;Ministers met in Vienna on Tuesday to discuss {title}, a spokesman said.&lt;/p&gt;</description></item>"""


def write_feed(folder: Path, n: int) -> None:
    items = "".join(ITEM.format(n=i, title=f"story number {i}") for i in range(n))
    path = folder / "feed.xml"
    path.write_text(FEED.format(items=items))
    stamp = 1_546_941_600 + 60 * n  # Last-Modified has one-second steps: each version its own minute
    os.utime(path, (stamp, stamp))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture()
def feed_server(tmp_path):
    root = tmp_path / "www"
    root.mkdir()
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    server.shutdown()
    server.server_close()


def test_a_feed_url_on_loopback(tmp_path, nlp, feed_server):
    root, url = feed_server
    state = tmp_path / "watch.json"
    write_feed(root, 2)
    with open_store(tmp_path / "s.duckdb") as store:
        first = look([url], store, nlp, state)
        assert (first.new, first.feeds_checked, first.errors) == (2, 1, [])
        write_feed(root, 3)
        second = look([url], store, nlp, state)
        assert (second.new, second.known) == (1, 0)  # the two seen entries are not even re-analysed
        third = look([url], store, nlp, state)
        assert third.new == 0
        assert store.counts()["articles"] == 3
        down = look(["http://127.0.0.1:9/feed.xml"], store, nlp, state)  # nothing listens on port 9
        assert [e.code for e in down.errors] == ["fetch_failed"]


class FlakyHandler(QuietHandler):
    """Answers 503 (Retry-After: 0) to the first ``fail`` requests, 404 to /missing.xml."""

    fail = 2
    calls: list[str] = []

    def do_GET(self) -> None:
        FlakyHandler.calls.append(self.path)
        if self.path == "/missing.xml":
            self.send_error(404)
            return
        if FlakyHandler.fail > 0:
            FlakyHandler.fail -= 1
            self.send_response(503)
            self.send_header("Retry-After", "0")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        super().do_GET()


def test_a_feed_that_fails_for_a_passing_reason_is_tried_again(tmp_path, nlp):
    root = tmp_path / "www"
    root.mkdir()
    write_feed(root, 2)
    FlakyHandler.fail, FlakyHandler.calls = 2, []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(FlakyHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    waits: list[float] = []
    try:
        with open_store(tmp_path / "s.duckdb") as store:
            options = WatchOptions(paths=(f"{base}/feed.xml", f"{base}/missing.xml"),
                                   read=ReadOptions(defaults=Defaults(published="2019-01-08")), retries=2)
            report = cycle(options, WatchState(), store, inline_analyse(store, nlp=nlp), tmp_path / "w.json",
                           sleep=waits.append)
            assert report.new == 2 and waits == [0.0, 0.0]  # two 503s, then the feed; Retry-After: 0 honoured
            assert FlakyHandler.calls.count("/missing.xml") == 1  # a 404 is not tried again
            assert [(e.code, e.message) for e in report.errors] == [("fetch_failed", "HTTP 404: Not Found")]
            waits.clear()
            down = cycle(WatchOptions(paths=("http://127.0.0.1:9/feed.xml",), retries=1, backoff=0.5), WatchState(),
                         store, inline_analyse(store, nlp=nlp), tmp_path / "w2.json", sleep=waits.append)
            assert waits == [0.5] and down.errors[0].message.endswith("(2 tries)")  # refused: tried twice
    finally:
        server.shutdown()
        server.server_close()


def test_the_state_file_sits_beside_a_duckdb_file_or_names_a_server_database(tmp_path, monkeypatch):
    from dateline.watch import default_state_path

    monkeypatch.chdir(tmp_path)
    assert default_state_path("news.duckdb") == Path("news.duckdb.watch.json")
    assert default_state_path("duckdb:///data/news.duckdb") == Path("/data/news.duckdb.watch.json")
    assert default_state_path("postgresql://me:pw@db.example:5432/news?sslmode=off") == \
        tmp_path / "dateline-news.watch.json"
