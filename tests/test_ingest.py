"""Readers: every format, and bad input that fails alone with a specific reason."""

from __future__ import annotations

import gzip
import json

import pytest

from dateline.ingest import Defaults, ReadOptions, read_inputs
from dateline.model import Article, ItemError

DATED = ReadOptions(defaults=Defaults(published="2019-01-08"))
STORY = "Kim arrives in Beijing\nThe North Korean leader met Xi Jinping.\nKim Jong Un arrived on Tuesday.\nHe left on Thursday.\n"


def read(paths, options=DATED):
    items = list(read_inputs([str(p) for p in paths], options))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ItemError)]


def test_plain_text_layout_and_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"published": "2019-01-09", "source": "Wire", "url": "https://w.example/a"}))
    (arts, errs) = read([tmp_path / "a.txt"], ReadOptions())
    assert not errs
    a = arts[0]
    assert a.title == "Kim arrives in Beijing"
    assert a.standfirst == "The North Korean leader met Xi Jinping."
    assert a.text.splitlines()[2:] == ["Kim Jong Un arrived on Tuesday.", "He left on Thursday."]
    assert (a.published, a.source, a.url) == ("2019-01-09", "Wire", "https://w.example/a")


def test_same_text_twice_has_one_id(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY.replace("\n", "\r\n") + "   \n")
    arts, _ = read([tmp_path])
    assert len(arts) == 2 and arts[0].id == arts[1].id


def test_jsonl_with_a_broken_line_keeps_the_rest(tmp_path):
    good = {"url": "https://x.example/1", "source": "X", "published": "2019-01-08", "title": "T", "text": "Body one."}
    lines = [json.dumps(good), "{not json", json.dumps({**good, "text": "Body two.", "extra": 5}), ""]
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(lines))
    arts, errs = read([p])
    assert [a.text.splitlines()[-1] for a in arts] == ["Body one.", "Body two."]
    assert arts[1].meta == {"extra": 5}
    assert [(e.origin, e.code) for e in errs] == [(f"{p}:2", "bad_json")]


def test_gzipped_jsonl_and_truncated_gzip(tmp_path):
    rec = json.dumps({"title": "T", "text": "Body.", "published": "2019-01-08"}) + "\n"
    p = tmp_path / "in.jsonl.gz"
    p.write_bytes(gzip.compress((rec * 3).encode()))
    arts, errs = read([p])
    assert len(arts) == 3 and not errs
    data = gzip.compress((rec * 2000).encode() + b"x" * 5000)
    q = tmp_path / "cut.jsonl.gz"
    q.write_bytes(data[: len(data) // 2])
    arts, errs = read([q])
    assert arts and errs and errs[-1].code == "truncated"


def test_html_page(tmp_path):
    html = """<html><head><title>Kim visits China</title>
    <meta property="article:published_time" content="2019-01-08"></head><body>
    <nav>Home | World | Sport</nav><article><h1>Kim visits China</h1><p>By Jane Reporter</p>
    <p>North Korean leader Kim Jong Un arrived in Beijing on Tuesday for talks with Chinese President Xi Jinping, state media said.</p>
    <p>It is his fourth visit to China in a year, and the trip runs until Thursday, officials said.</p></article>
    <footer>Copyright 2019</footer></body></html>"""
    p = tmp_path / "page.html"
    p.write_text(html)
    arts, errs = read([p], ReadOptions())
    assert not errs
    assert arts[0].title == "Kim visits China" and arts[0].published == "2019-01-08"
    assert "Home" not in arts[0].text and "Copyright" not in arts[0].text
    assert arts[0].text.splitlines()[1].startswith("North Korean leader")


def test_rss_feed(tmp_path):
    rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
    <item><title>One</title><link>https://w.example/1</link><pubDate>Tue, 08 Jan 2019 10:00:00 GMT</pubDate>
    <description>&lt;p&gt;Kim arrived in Beijing.&lt;/p&gt;&lt;p&gt;He met Xi.&lt;/p&gt;</description></item>
    <item><title>Two</title><link>https://w.example/2</link><description>No date here.</description></item>
    </channel></rss>"""
    p = tmp_path / "f.rss"
    p.write_text(rss)
    arts, errs = read([p], ReadOptions())
    assert len(arts) == 1 and arts[0].source == "Wire" and arts[0].published == "2019-01-08"
    assert arts[0].text.splitlines() == ["One", "Kim arrived in Beijing.", "He met Xi."]
    assert [(e.origin, e.code) for e in errs] == [(f"{p}#2", "no_date")]


@pytest.mark.parametrize("name, content, code", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n ", "empty"),
    ("binary.txt", bytes(range(256)) * 4, "binary"),
    ("latin1.txt", "Café in Pyongyang\nBody text here.\n".encode("latin-1"), "encoding"),
    ("nothing.html", b"<html><body><nav>Home</nav></body></html>", "no_article"),
    ("empty.rss", b'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title></channel></rss>', "feed_empty"),
    ("broken.rss", b"<rss><channel><item><title>x", "bad_feed"),
    ("headline.txt", b"Only a headline\n", "no_body"),
    ("notes.doc", b"whatever", "unsupported"),
])
def test_bad_input_fails_alone_with_a_specific_code(tmp_path, name, content, code):
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(STORY)
    arts, errs = read([bad, good])
    assert [a.origin for a in arts] == [str(good)]
    assert [e.code for e in errs] == [code], errs
    assert errs[0].origin == str(bad) or errs[0].origin.startswith(str(bad))
    assert errs[0].message


def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.seek(50 * 1024 * 1024 - 1)
        f.write(b"x")
    arts, errs = read([big, tmp_path / "missing.txt"])
    assert [e.code for e in errs] == ["too_large", "not_found"]


def test_huge_jsonl_line_is_skipped(tmp_path):
    p = tmp_path / "x.jsonl"
    ok = json.dumps({"title": "T", "text": "Fine.", "published": "2019-01-08"})
    p.write_text(ok + "\n" + json.dumps({"title": "Big", "text": "y" * 5000}) + "\n" + ok + "\n")
    arts, errs = read([p], ReadOptions(defaults=Defaults(), max_bytes=1000))
    assert len(arts) == 2 and [(e.origin, e.code) for e in errs] == [(f"{p}:2", "too_large")]


@pytest.mark.parametrize("published, code", [
    (None, "no_date"), ("2019-02-30", "bad_date"), ("yesterday", "bad_date"), ("1066-10-14", "bad_date"),
    ("2999-01-01", "bad_date"),
])
def test_missing_or_impossible_dates(tmp_path, published, code):
    p = tmp_path / "a.txt"
    p.write_text(STORY)
    if published:
        (tmp_path / "a.json").write_text(json.dumps({"published": published}))
    arts, errs = read([p], ReadOptions())
    assert not arts and [e.code for e in errs] == [code]


def test_undated_allowed_when_asked(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(STORY)
    arts, errs = read([p], ReadOptions(defaults=Defaults(require_date=False)))
    assert arts[0].published is None and not errs


def test_directory_walk_skips_sidecars_and_unknown_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(STORY)
    (tmp_path / "sub" / "a.json").write_text(json.dumps({"published": "2019-01-08"}))
    (tmp_path / "README.md").write_text("not an article")
    (tmp_path / "b.json").write_text(json.dumps({"title": "B", "text": "Body b.", "published": "2019-01-08"}))
    arts, errs = read([tmp_path], ReadOptions())
    assert sorted(a.title for a in arts) == ["B", "Kim arrives in Beijing"] and not errs
