"""Readers under hostile and careless input: every bad item gets its own error row, the good items
around it are still read, and nothing raises, hangs or balloons (issue 15).

The fuzz tests mutate a small valid input of each format (bytes inserted, deleted, duplicated, or
hostile tokens dropped in) and check the reader's contract on every mutant. A few hundred cases run
in the normal suite; ``pytest -m slow tests/test_reader_robustness.py`` runs 4,000 per reader.
"""

from __future__ import annotations

import codecs
import json
import os
import tempfile
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.ingest import Defaults, ReadOptions, make_article, read_inputs
from dateline.ingest.article import ItemFailure
from dateline.ingest.warc import Page
from dateline.model import Article, ItemError

DATED = ReadOptions(defaults=Defaults(published="2019-01-08"))
BODY = "Officials from both countries met in Geneva on Tuesday to discuss the trade agreement, a spokesperson said."
STORY = f"Ministers meet in Geneva\nTalks on trade resume.\n{BODY}\nThe next round is set for March.\n"


def read(paths, options=DATED):
    items = list(read_inputs([str(p) for p in paths], options))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ItemError)]


def record(i: int, **extra) -> dict:
    return {"title": f"Story {i}", "text": f"{BODY} Item {i}.", "published": "2019-01-08", **extra}


def rss(*items: str, head: str = "") -> str:
    return (f'<?xml version="1.0"?>\n{head}<rss version="2.0"><channel><title>Wire</title>'
            + "".join(items) + "</channel></rss>")


def rss_item(title: str, description: str) -> str:
    return (f"<item><title>{title}</title><description>{description}</description>"
            "<pubDate>Tue, 08 Jan 2019 10:00:00 GMT</pubDate></item>")


def sgml_story(newid: int, title: str, *, closed: bool = True) -> str:
    return (f'<REUTERS NEWID="{newid}">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TOPICS><D>grain</D></TOPICS>\n'
            f"<TEXT>\n<TITLE>{title}</TITLE>\n<DATELINE>    CHICAGO, Feb 26 - </DATELINE><BODY>{BODY}\n"
            " The group said yields could rise.\n Reuter\n</BODY></TEXT>\n" + ("</REUTERS>\n" if closed else ""))


def warc_record(headers: dict[str, str], block: bytes) -> bytes:
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    return (head + f"Content-Length: {len(block)}\r\n\r\n").encode() + block + b"\r\n\r\n"


PAGE = (f"<html><head><title>Ministers meet in Geneva</title></head><body><nav>Home World</nav><article>"
        f"<h1>Ministers meet in Geneva</h1><p>{BODY}</p><p>Talks will resume next month, the ministry said.</p>"
        "</article></body></html>")


def warc_page(n: int, uri: str, page: bytes) -> bytes:
    http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {len(page)}\r\n\r\n"
    return warc_record({"WARC-Type": "response", "WARC-Record-ID": f"<urn:uuid:{n:08d}-0000-0000-0000-000000000000>",
                        "WARC-Date": "2019-01-08T10:00:00Z", "WARC-Target-URI": uri,
                        "Content-Type": "application/http; msgtype=response"}, http.encode() + page)


# -- the cases of issue 15, one by one ----------------------------------------------------------------------
def test_jsonl_deep_nesting_huge_integers_and_lone_surrogates_fail_alone(tmp_path):
    lines = [json.dumps(record(1)),
             '{"title": "Deep", "text": "x", "meta": ' + "[" * 5000 + "]" * 5000 + "}",
             '{"title": "Big", "text": "x", "n": ' + "9" * 5000 + "}",
             '{"title": "Surrogate", "text": "broken \\ud800 text here", "published": "2019-01-08"}',
             '{"title": "Key", "text": "fine text", "published": "2019-01-08", "meta": {"\\udfff": 1}}',
             json.dumps(record(2))]
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(lines) + "\n")
    arts, errs = read([p])
    assert [a.title for a in arts] == ["Story 1", "Story 2"]
    assert [(e.origin.rsplit(":", 1)[1], e.code) for e in errs] == [
        ("2", "bad_json"), ("3", "bad_json"), ("4", "encoding"), ("5", "encoding")]
    assert "5001 levels deep" in errs[0].message and "4300 digits" in errs[1].message
    assert "surrogate" in errs[2].message


def test_a_json_document_nested_past_the_limit_is_an_error_not_a_recursion_error(tmp_path):
    p = tmp_path / "deep.json"
    p.write_text("[" * 100_000 + "]" * 100_000)
    arts, errs = read([p])
    assert not arts and [e.code for e in errs] == ["bad_json"]
    q = tmp_path / "ok.json"
    q.write_text(json.dumps([record(1, meta={"a": [[[1]]]}), record(2)]))
    arts, errs = read([q])
    assert len(arts) == 2 and not errs


@pytest.mark.parametrize("ref", ["&#99999999;", "&#xD800;", "&#x110000;", "&#0;"])
def test_rss_character_references_out_of_range_keep_the_good_items(tmp_path, ref):
    p = tmp_path / "feed.rss"
    p.write_text(rss(rss_item("Good one", BODY), rss_item(f"Bad {ref}", f"Text {ref} more text here."),
                     rss_item("Good two", BODY + " Again.")))
    arts, errs = read([p])
    assert {"Good one", "Good two"} <= {a.title for a in arts}
    for a in arts:
        a.text.encode("utf-8")  # storable
    assert len(arts) + len(errs) == 3


def test_a_feed_entry_whose_html_is_none_fails_alone(monkeypatch):
    import feedparser

    from dateline.ingest.formats import read_feed

    good = {"title": "Good", "summary": BODY, "published_parsed": (2019, 1, 8, 10, 0, 0, 1, 8, 0)}
    parsed = feedparser.FeedParserDict(bozo=0, feed={"title": None}, entries=[
        feedparser.FeedParserDict(title="Empty", content=[{"value": None}], summary=None),
        feedparser.FeedParserDict(title=None, summary=None, published_parsed=(2019, 1, 8, 0, 0, 0, 1, 8, 0)),
        feedparser.FeedParserDict(good)])
    monkeypatch.setattr(feedparser, "parse", lambda data: parsed)
    got = list(read_feed(b"<rss/>", origin="f.rss", defaults=Defaults(published="2019-01-08")))
    assert [type(g).__name__ for _, g in got] == ["ItemFailure", "ItemFailure", "Article"]
    assert got[2][1].title == "Good" and got[0][1].code == "no_body" and got[1][1].code == "empty"


def test_an_rss_entity_bomb_is_refused_before_expansion_with_bounded_memory(tmp_path):
    n = 16_000  # one 16,000-character entity used 16,000 times: was a 256-million-character article, 1.25 GB
    head = '<!DOCTYPE rss [\n<!ENTITY a "' + "A" * n + '">\n]>\n'
    p = tmp_path / "bomb.rss"
    p.write_text(rss(rss_item("Bomb", "&a; " * n), rss_item("Good", BODY), head=head))
    tracemalloc.start()
    try:
        arts, errs = read([p])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert not arts and [e.code for e in errs] == ["entities"]
    assert peak < 20 * 1024 * 1024  # the file is 80 KB; nothing near its expansion was ever built


def test_entity_declarations_hidden_after_a_comment_or_in_utf16_are_refused_too(tmp_path):
    head = '<!DOCTYPE rss [ <!-- <x> --> <!ENTITY a "AAAA"> ]>\n'
    p = tmp_path / "hidden.rss"
    p.write_text(rss(rss_item("Bomb", "&a;&a;"), head=head))
    q = tmp_path / "wide.rss"
    q.write_bytes(codecs.BOM_UTF16_LE + rss(rss_item("Bomb", "&a;"), head='<!DOCTYPE rss [\n<!ENTITY a "A">\n]>\n')
                  .replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-16"?>').encode("utf-16-le"))
    _, errs = read([p, q])
    assert [e.code for e in errs] == ["entities", "entities"]


def test_the_character_limit_holds_after_expansion():
    with pytest.raises(ItemFailure) as e:
        make_article(title="T", paragraphs=["x" * 60, "y" * 60], published="2019-01-08",
                     defaults=Defaults(max_chars=100))
    assert e.value.code == "too_large" and "100 characters" in e.value.message
    assert make_article(title="T", paragraphs=["x" * 60], published="2019-01-08", defaults=Defaults(max_chars=100))


def test_a_non_utf8_file_name_in_a_folder_gets_an_error_row_and_the_rest_are_read(tmp_path):
    for i in range(5):
        (tmp_path / f"ok{i}.txt").write_text(STORY.replace("Geneva", f"Geneva {i}"))
    bad = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    try:
        fd = os.open(bad, os.O_WRONLY | os.O_CREAT)
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    os.write(fd, STORY.encode())
    os.close(fd)
    arts, errs = read([tmp_path])
    assert len(arts) == 5
    assert [(e.code, e.origin.endswith("caf\\xe9.txt")) for e in errs] == [("bad_filename", True)]
    json.dumps(errs[0].origin).encode("utf-8")


def test_a_symlink_loop_in_a_folder_gets_an_error_row(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
    os.symlink(tmp_path / "y.txt", tmp_path / "x.txt")
    os.symlink(tmp_path / "x.txt", tmp_path / "y.txt")
    arts, errs = read([tmp_path])
    assert len(arts) == 1
    assert sorted((Path(e.origin).name, e.code) for e in errs) == [
        ("loop.txt", "unreadable"), ("x.txt", "unreadable"), ("y.txt", "unreadable")]
    arts, errs = read([tmp_path / "loop.txt"])
    assert not arts and [e.code for e in errs] == ["unreadable"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be-bom", "utf-32", "utf-8-sig"])
def test_text_files_with_a_byte_order_mark_are_decoded(tmp_path, encoding):
    data = (codecs.BOM_UTF16_BE + STORY.encode("utf-16-be")) if encoding == "utf-16-be-bom" else STORY.encode(encoding)
    p = tmp_path / "a.txt"
    p.write_bytes(data)
    arts, errs = read([p])
    assert not errs and arts[0].title == "Ministers meet in Geneva" and "\ufeff" not in arts[0].text


def test_utf16_json_and_a_bom_alone(tmp_path):
    p = tmp_path / "a.json"
    p.write_bytes(json.dumps(record(1)).encode("utf-16"))
    q = tmp_path / "b.txt"
    q.write_bytes(codecs.BOM_UTF16_LE)
    arts, errs = read([p, q])
    assert [a.title for a in arts] == ["Story 1"] and [e.code for e in errs] == ["empty"]


def test_an_empty_warc_says_it_holds_no_records(tmp_path):
    p = tmp_path / "empty.warc"
    p.write_bytes(b"")
    arts, errs = read([p])
    assert not arts and [(e.code, e.message) for e in errs] == [("empty", "the archive holds no WARC records")]


def test_an_unclosed_reuters_story_does_not_swallow_the_next(tmp_path):
    p = tmp_path / "reut2-000.sgm"
    p.write_text(sgml_story(1, "FIRST") + sgml_story(2, "CUT SHORT", closed=False) + sgml_story(3, "THIRD"))
    items = list(read_inputs([p], DATED))
    assert [(type(i).__name__, i.origin.rsplit("#", 1)[1]) for i in items] == [
        ("Article", "1"), ("ItemError", "2"), ("Article", "3")]
    assert items[1].code == "unclosed" and items[2].title == "THIRD"


def test_reuters_unclosed_tags_each_fail_alone_and_stray_openers_are_text(tmp_path):
    n = 1000
    p = tmp_path / "many.sgm"
    p.write_text("".join(f'<REUTERS NEWID="{i}"><TEXT><BODY>words</BODY></TEXT>\n' for i in range(n))
                 + sgml_story(n, "LAST"))
    items = list(read_inputs([p], DATED))
    assert len(items) == n + 1 and {i.code for i in items[:-1]} == {"unclosed"} and items[-1].title == "LAST"
    q = tmp_path / "stray.sgm"
    q.write_text("<REUTERS " * 10_000 + sgml_story(7, "AFTER THE NOISE"))
    items = list(read_inputs([q], DATED))
    assert [i.title for i in items] == ["AFTER THE NOISE"]


def test_reuters_tags_without_closers_inside_a_story_are_read_without_rescanning(tmp_path):
    p = tmp_path / "odd.sgm"
    inner = "<D>" * 20_000 + "<" * 20_000
    p.write_text(f'<REUTERS NEWID="1"><DATE>26-FEB-1987</DATE><TOPICS>{inner}</TOPICS><TEXT TYPE="UNPROC">'
                 f"{inner} {BODY}</TEXT></REUTERS>")
    arts, errs = read([p])
    assert len(arts) + len(errs) == 1


def test_the_no_date_hint_names_a_sidecar_only_for_text_files(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    rec = record(1)
    del rec["published"]
    (tmp_path / "b.jsonl").write_text(json.dumps(rec) + "\n")
    (tmp_path / "c.rss").write_text(rss("<item><title>Undated</title><description>" + BODY + "</description></item>"))
    _, errs = read([tmp_path], ReadOptions())
    hints = {Path(e.origin.split(":")[0].split("#")[0]).suffix: e.message for e in errs}
    assert set(hints) == {".txt", ".jsonl", ".rss"}
    assert "sidecar" in hints[".txt"] and "sidecar" not in hints[".jsonl"] and "sidecar" not in hints[".rss"]


def test_a_reader_that_breaks_costs_its_own_input_only(tmp_path, monkeypatch):
    import dateline.ingest.reader as reader

    def broken(*a, **kw):
        raise RuntimeError("the parser fell over")

    monkeypatch.setattr(reader, "read_html", broken)
    (tmp_path / "a.html").write_text(PAGE)
    (tmp_path / "b.txt").write_text(STORY)
    arts, errs = read([tmp_path])
    assert [a.title for a in arts] == ["Ministers meet in Geneva"]
    assert [(Path(e.origin).name, e.code) for e in errs] == [("a.html", "reader_error")]
    assert "RuntimeError: the parser fell over" in errs[0].message


# -- fuzzing: every reader, mutated inputs -------------------------------------------------------------------
SEEDS = {
    "a.txt": STORY.encode(),
    "a.jsonl": "".join(json.dumps(record(i, meta={"k": [i, {"x": "y"}]})) + "\n" for i in range(3)).encode(),
    "a.json": json.dumps([record(1), record(2)]).encode(),
    "a.html": PAGE.encode(),
    "a.rss": rss(rss_item("One &amp; only", BODY), rss_item("Two", f"<p>{BODY}</p><p>More.</p>")).encode(),
    "a.atom": ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title><entry><title>One'
               f'</title><updated>2019-01-08T10:00:00Z</updated><content type="html">&lt;p&gt;{BODY}&lt;/p&gt;'
               "</content></entry></feed>").encode(),
    "a.warc": warc_page(1, "https://news.example/a", PAGE.encode()) + warc_page(2, "https://news.example/b",
                                                                                   PAGE.encode()),
    "reut2-000.sgm": (sgml_story(1, "ONE") + sgml_story(2, "TWO")).encode(),
}
TOKENS = [b"<REUTERS ", b"</REUTERS>", b"<TEXT>", b"<BODY>", b"<D>", b"&#99999999;", b"&#xD800;", b"&#0;",
          b"&amp;", b"&", b"<", b">", b"]]>", b"<![CDATA[", b'<!DOCTYPE x [<!ENTITY a "b">]>', b"[" * 200,
          b"{" * 100, b"\\ud800", b'"', b"\\", b"9" * 5000, b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xe9",
          b"\r\n", b"\n", b"WARC/1.0\r\n", b"Content-Length: 99999999\r\n", b"HTTP/1.1 200 OK\r\n\r\n",
          b"<html>", b"</p>", b"<script>", b"\x1b[31m", b"<item>", b"</item>", b"<entry>"]

OPS = st.tuples(st.sampled_from(["insert", "delete", "dup", "replace"]), st.floats(0, 1), st.integers(1, 64),
                st.one_of(st.sampled_from(TOKENS), st.binary(min_size=1, max_size=6)))


def mutate(data: bytes, ops) -> bytes:
    for op, where, size, token in ops:
        i = int(where * len(data))
        if op == "insert":
            data = data[:i] + token * (1 if len(token) > 50 else size // 8 + 1) + data[i:]
        elif op == "delete":
            data = data[:i] + data[i + size:]
        elif op == "dup":
            data = data[:i] + data[i:i + size] * 3 + data[i:]
        else:
            data = data[:i] + token + data[i + len(token):]
    return data


def check_contract(name: str, data: bytes) -> None:
    """Reading never raises; every item is an article or an error, storable as UTF-8 and within limits."""
    options = ReadOptions(defaults=Defaults(published="2019-01-08"), max_bytes=1_000_000)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / name
        path.write_bytes(data)
        items = list(read_inputs([path], options))
        items = [i.article() if isinstance(i, Page) else i for i in items]
    assert items, "every input gives at least an article or an error"
    for item in items:
        assert isinstance(item, (Article, ItemError)), item
        if isinstance(item, Article):
            assert len(item.text) <= options.max_bytes
            json.dumps([item.text, item.title, item.origin, item.meta], ensure_ascii=False).encode("utf-8")
        else:
            assert item.code and item.message
            json.dumps([item.origin, item.code, item.message], ensure_ascii=False).encode("utf-8")


def fuzz(name: str, examples: int):
    @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(st.lists(OPS, min_size=1, max_size=5))
    def run(ops):
        check_contract(name, mutate(SEEDS[name], ops))

    run()


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_fuzz_readers(name):
    fuzz(name, 40)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SEEDS))
def test_fuzz_readers_thoroughly(name, request):
    if "slow" not in (request.config.option.markexpr or ""):
        pytest.skip("4,000 mutants per reader: run with  pytest -m slow tests/test_reader_robustness.py")
    fuzz(name, 4000)


def test_the_seeds_are_read_whole():
    """The fuzz seeds themselves are good input (else the mutants would test nothing)."""
    for name, data in SEEDS.items():
        with tempfile.TemporaryDirectory() as d:
            (Path(d) / name).write_bytes(data)
            items = [i.article() if isinstance(i, Page) else i for i in read_inputs([Path(d) / name], DATED)]
        assert items and all(isinstance(i, Article) for i in items), (name, items)
