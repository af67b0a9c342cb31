"""Resume and idempotence of batch runs (issue 15): a changed input is refused, never half-read; a
kill between the store's commit and the journal's line doubles nothing; a worker that dies while
loading its model is replaced; one published date per article, and everything derived uses it.

Runs use the fake analyzer of tests/test_runs.py (no spaCy), so they are fast and can be killed anywhere.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from dateline.ingest import make_article
from dateline.pipeline import analyze
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
