"""dateline bench runs end to end and reports its fields (no timed assertions: speeds are measured, not tested)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dateline.bench import generate_articles
from dateline.cli import app


def test_generated_articles_have_the_length_asked_for():
    arts = generate_articles(3, words=120)
    assert len({a.id for a in arts}) == 3
    assert all(120 <= len(a.text.split()) <= 180 for a in arts)


def test_bench_reports_bare_full_load_memory_and_stages(tmp_path):
    res = CliRunner().invoke(app, ["bench", "--articles", "6", "--words", "60", "--workers", "1",
                                   "--partition-size", "3", "--profile", "2", "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout[res.stdout.index("{"):])
    assert report["articles"] == 6 and report["words"] > 300
    (run,) = report["runs"]
    assert run["workers"] == 1 and run["ratio_full_to_bare"] > 0
    for name in ("bare", "full"):
        for key in ("articles_per_s", "articles_per_core_s", "words_per_s", "peak_rss_mb_per_worker", "wall_s"):
            assert key in run[name], (name, key)
        assert len(run[name]["peak_rss_mb_per_worker"]) == 1
    full = run["full"]
    assert full["stored_articles"] == 6 and full["loader_peak_rss_mb"] > 0 and full["end_to_end_articles_per_s"] > 0
    stages = report["stages"]["ms_per_article"]
    assert "parse" in stages and "dateline.events.v1" in stages
