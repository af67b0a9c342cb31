"""WARC / WARC.gz (CC-NEWS layout) and Reuters-21578 SGML readers; archives built here by the tests."""

from __future__ import annotations

import gzip
from pathlib import Path

from dateline.ingest import Defaults, ReadOptions, read_inputs
from dateline.model import Article, ItemError

from conftest import shared_path

PAGE = """<html><head><title>{title}</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
<p>{city} - The foreign ministers of both countries met on Tuesday to discuss the trade agreement, officials said.</p>
<p>"We made progress on every point," the spokesperson told reporters after the meeting, which lasted three hours.</p>
<p>Talks will resume next month in the capital, according to a statement released by the ministry.</p>
</article><footer>Copyright The Example Times</footer></body></html>"""


def _warc_record(headers: dict[str, str], block: bytes) -> bytes:
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    head += f"Content-Length: {len(block)}\r\n\r\n"
    return head.encode() + block + b"\r\n\r\n"


def _response(n: int, uri: str, body: bytes, *, http: bytes | None = None, ctype: str = "text/html") -> bytes:
    http = http if http is not None else (
        f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}; charset=utf-8\r\nContent-Length: {len(body)}\r\n\r\n".encode())
    return _warc_record({"WARC-Type": "response", "WARC-Record-ID": f"<urn:uuid:0000000{n}-0000-0000-0000-000000000000>",
                         "WARC-Date": "2019-01-08T10:00:00Z", "WARC-Target-URI": uri,
                         "Content-Type": "application/http; msgtype=response"}, http + body)


def build_archive() -> list[bytes]:
    page = PAGE.format(title="Ministers agree to resume trade talks", city="GENEVA").encode()
    page2 = PAGE.format(title="Second round of talks set for March", city="VIENNA").encode()
    return [
        _warc_record({"WARC-Type": "warcinfo", "WARC-Record-ID": "<urn:uuid:00000000-0000-0000-0000-000000000000>",
                      "WARC-Date": "2019-01-08T10:00:00Z", "Content-Type": "application/warc-fields"},
                     b"software: dateline tests\r\n"),
        _warc_record({"WARC-Type": "request", "WARC-Record-ID": "<urn:uuid:00000001-0000-0000-0000-000000000000>",
                      "WARC-Date": "2019-01-08T10:00:00Z", "WARC-Target-URI": "https://news.example/a",
                      "Content-Type": "application/http; msgtype=request"},
                     b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n"),
        _response(2, "https://news.example/a", page),
        _response(3, "https://news.example/logo.png", b"\x89PNG\r\n", ctype="image/png"),
        _response(4, "https://news.example/broken", page, http=b"GARBAGE WITHOUT A STATUS LINE\r\n\r\n"),
        _response(5, "https://news.example/b", page2),
    ]


def _items(path: Path, **kw) -> list:
    return list(read_inputs([path], ReadOptions(**kw)))


def test_warc_pages_become_articles_and_a_broken_http_header_fails_alone(tmp_path):
    path = tmp_path / "news.warc"
    path.write_bytes(b"".join(build_archive()))
    items = _items(path)
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, ItemError)]
    assert [a.url for a in articles] == ["https://news.example/a", "https://news.example/b"]
    assert articles[0].title == "Ministers agree to resume trade talks"
    assert "We made progress on every point" in articles[0].text and "Copyright" not in articles[0].text
    assert articles[0].published.startswith("2019-01-08")  # WARC-Date when the page has no date of its own
    assert articles[0].meta["warc_record_id"].startswith("<urn:uuid:00000002")
    assert [(e.code, e.origin.endswith("#5")) for e in errors] == [("bad_http", True)]


def test_warc_gz_with_one_gzip_member_per_record_and_a_truncated_tail(tmp_path):
    members = [gzip.compress(r) for r in build_archive()]
    whole = tmp_path / "news.warc.gz"
    whole.write_bytes(b"".join(members))
    assert len([i for i in _items(whole) if isinstance(i, Article)]) == 2
    cut = tmp_path / "cut.warc.gz"
    data = b"".join(members)
    cut.write_bytes(data[: len(data) - len(members[-1]) // 2])  # the last record is cut in half
    items = _items(cut)
    assert len([i for i in items if isinstance(i, Article)]) == 1  # the records before the break are kept
    assert [i.code for i in items if isinstance(i, ItemError)] == ["bad_http", "truncated"]


def test_a_warc_page_over_the_size_limit_fails_alone(tmp_path):
    big = PAGE.format(title="Big", city="OSLO").encode() + b"<!--" + b"x" * 200_000 + b"-->"
    path = tmp_path / "big.warc"
    path.write_bytes(b"".join(build_archive()[:3]) + _response(9, "https://news.example/big", big))
    items = _items(path, max_bytes=100_000)
    assert [i.code for i in items if isinstance(i, ItemError)] == ["too_large"]
    assert len([i for i in items if isinstance(i, Article)]) == 1


def test_a_run_extracts_archived_pages_in_its_workers_and_stores_what_reading_gives(tmp_path):
    from test_runs import FAKE

    from dateline.ingest.warc import Page
    from dateline.runners.batch import execute, read_items, start_run
    from dateline.runners.local import ProcessEngine
    from dateline.runners.manifest import RunConfig
    from dateline.runners.work import WorkerSetup
    from dateline.store import open_store

    path = tmp_path / "news.warc"
    empty = "<html><body><nav>Home</nav></body></html>".encode()  # a page with no article
    path.write_bytes(b"".join(build_archive()) + _response(7, "https://news.example/empty", empty))
    cfg = RunConfig(run_id="w", inputs=(str(path),), db=str(tmp_path / "w.duckdb"), partition_size=2, analyzer=FAKE)
    read = list(read_items(cfg))
    assert sum(isinstance(i, Page) for i in read) == 3  # the reading process leaves extraction to the workers
    with open_store(cfg.db) as store:
        summary = execute(start_run(tmp_path / "runs", cfg), store, ProcessEngine(WorkerSetup(analyzer=FAKE), 2))
        stored = store.query("SELECT id, title, url FROM articles ORDER BY url")
        errors = store.query("SELECT origin, code FROM errors ORDER BY origin")
    direct = sorted((a for a in _items(path) if isinstance(a, Article)), key=lambda a: a.url)
    assert [(r["id"], r["title"], r["url"]) for r in stored] == [(a.id, a.title, a.url) for a in direct]
    assert summary["status"] == "complete" and summary["error_codes"] == {"bad_http": 1, "no_article": 1}
    assert [(e["origin"].rsplit("#", 1)[1], e["code"]) for e in errors] == [("5", "bad_http"), ("7", "no_article")]


SGML = """<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" NEWID="1">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>grain</D></TOPICS>
<PLACES><D>usa</D></PLACES>
<TEXT>&#2;
<TITLE>FARMERS SEE &lt;BETTER&gt; WHEAT HARVEST</TITLE>
<DATELINE>    CHICAGO, Feb 26 - </DATELINE><BODY>Farmers in the Midwest expect a
larger wheat harvest this year after good rains, an industry group
said on Thursday.
    The group said yields could rise by ten pct.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="2">
<DATE>26-FEB-1987 15:02:20.00</DATE>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>SHORT HEADLINE ONLY
</TITLE>Blah blah blah.
&#3;
</TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="3">
<DATE>31-MAR-1987 605:12:19.12</DATE>
<TEXT TYPE="UNPROC">&#2;
WEEKLY RESERVES REPORT
    Net free reserves.....644 vs.....1,337
    Bank borrowings.......680 vs.......425
&#3;</TEXT>
</REUTERS>
"""


def test_reuters_sgml_stories(tmp_path):
    path = tmp_path / "reut2-000.sgm"
    path.write_bytes(SGML.encode("latin-1"))
    items = _items(path)
    first, brief, unproc = items
    assert first.title == "FARMERS SEE <BETTER> WHEAT HARVEST"
    assert first.text.split("\n")[1].startswith("CHICAGO, Feb 26 - Farmers in the Midwest expect a larger wheat")
    assert first.text.split("\n")[2] == "The group said yields could rise by ten pct."  # the sign-off is gone
    assert first.published == "1987-02-26T15:01:01" and first.source == "Reuters"
    assert first.origin.endswith("reut2-000.sgm#1") and first.meta["topics"] == ["grain"]
    assert isinstance(brief, ItemError) and brief.code == "no_body"
    assert unproc.title == "WEEKLY RESERVES REPORT" and unproc.published == "1987-03-31"


def test_reuters_file_from_the_corpus():
    path = shared_path("corpus", "reuters21578", "reut2-017.sgm")  # it has a stray 8-bit byte
    items = list(read_inputs([path], ReadOptions(defaults=Defaults())))
    assert len(items) == 1000
    assert sum(isinstance(i, Article) for i in items) > 900
