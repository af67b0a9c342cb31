"""The Python API (dateline.open) and the README's example of it, run as written."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import re
import shutil
from pathlib import Path

import pytest

import dateline
from dateline.filters import FilterError

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_example() -> str:
    """The first ```python block under the README's "Python API" heading."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Python API"):]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_readme_example_runs_as_written(demo_db, tmp_path, monkeypatch):
    shutil.copy(demo_db, tmp_path / "dateline.duckdb")
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(readme_example(), "README.md", "exec"), {})  # noqa: S102 - our own README
    printed = out.getvalue()
    assert "4 visits" in printed  # what the README says the demo set gives
    assert len(printed.splitlines()) >= 3


def test_listings_are_dicts_filtered_as_the_cli_filters(demo_db):
    with dateline.open(demo_db) as store:
        events = store.events(actor="PRK", type="consult", since="2018-01-01", limit=5)
        assert 0 < len(events) <= 5 and all(isinstance(e, dict) for e in events)
        assert all(e["type"] == "CONSULT" for e in events)
        assert store.count(actor="Kim Jong Un", recipient="CHN", type="CONSULT", mode="visit",
                           window="2018-01-09/2019-01-08")["count"] == 4
        first = store.article(events[0]["article"][:8])
        assert first.article.id == events[0]["article"]
        assert store.event(events[0]["id"]).id == events[0]["id"]
        assert store.counts()["articles"] == len(store.articles(limit=1000))
        with pytest.raises(FilterError, match="since"):
            store.events(since="2019-02-30")
        with pytest.raises(PermissionError):
            store.ingest([])


def test_df_needs_pandas_only_when_called(demo_db):
    with dateline.open(demo_db) as store:
        rows = store.entities(limit=3)
    if importlib.util.find_spec("pandas") is None:
        with pytest.raises(ImportError, match="pandas"):
            rows.df()
    else:
        assert list(rows.df()["name"]) == [r["name"] for r in rows]


def test_a_writable_store_ingests(tmp_path):
    story = tmp_path / "a.txt"
    story.write_text("Ministers met in Vienna\nThe ministers of two states met in Vienna on Tuesday.\n")
    with dateline.open(tmp_path / "s.duckdb", write=True) as store:
        report = store.ingest([story], published="2019-01-08", source="Wire")
        assert report.stored == 1 and store.articles()[0]["source"] == "Wire"
