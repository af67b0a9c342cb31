"""The pipeline as a whole: results independent of batching, every offset inside the text, no raising."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.ingest import ReadOptions, make_article, read_inputs
from dateline.model import dumps, to_dict
from dateline.pipeline import AnalyzeOptions, analyze

DEMO = Path(str(resources.files("dateline.demo") / "articles"))


def demo_articles(n: int):
    return [a for a in read_inputs([DEMO], ReadOptions())][:n]


def spans_in(obj):
    """Every {start, end, text} dict inside a record's plain form."""
    if isinstance(obj, dict):
        if set(obj) == {"start", "end", "text"} and isinstance(obj["start"], int):
            yield obj
        for v in obj.values():
            yield from spans_in(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from spans_in(v)


def test_results_do_not_depend_on_the_batch_size():
    arts = demo_articles(6)
    one = [dumps(a) for a in analyze(arts, options=AnalyzeOptions(batch_size=1))]
    four = [dumps(a) for a in analyze(arts, options=AnalyzeOptions(batch_size=4))]
    assert one == four


def test_every_offset_points_at_its_text():
    for a in analyze(demo_articles(35)):
        assert not a.errors, a.errors
        text = a.article.text
        plain = to_dict(a)
        plain.pop("article")
        for s in spans_in(plain):
            assert text[s["start"]:s["end"]] == s["text"], (a.article.origin, s)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(min_size=1, max_size=120), min_size=2, max_size=5))
def test_arbitrary_unicode_never_breaks_an_extractor(lines):
    lines = [" ".join(line.split()) or "x" for line in lines]
    art = make_article(title=lines[0], paragraphs=lines[1:], published="2019-01-08")
    (a,) = analyze([art])
    assert not a.errors, a.errors
