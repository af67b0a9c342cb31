"""The pipeline as a whole: results independent of batching, every offset inside the text, no raising."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.ingest import ReadOptions, make_article, read_inputs
from dateline.model import dumps, to_dict
from dateline.pipeline import AnalyzeOptions, analyze, default_extractors

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


# -- the extractor contract: each reads only slots that an extractor before it writes -----------------

def _registered(*slots: str):
    from dateline.registrations import extractors

    by_slot = {e.slot: e for e in extractors()}
    return tuple(by_slot[s] for s in slots)


def test_the_registered_order_passes_the_check():
    from dateline.extractor import check_order
    from dateline.pipeline import default_extractors

    check_order(default_extractors())


def test_an_extractor_before_what_it_reads_fails_naming_both():
    import pytest

    from dateline.pipeline import ExtractorOrderError

    wrong = _registered("entities", "dates", "quotes", "places")
    with pytest.raises(ExtractorOrderError, match=r"'dateline.quotes.v1' requires 'places', but 'dateline.places.v1'"
                                                  r", which writes it, runs after it"):
        analyze([], extractors=wrong)  # raised at the call, before any parse


def test_a_list_without_what_an_extractor_reads_fails_naming_the_slot():
    import pytest

    from dateline.pipeline import ExtractorOrderError

    with pytest.raises(ExtractorOrderError, match=r"'dateline.events.v1' requires 'quotes', which no extractor"):
        analyze([], extractors=_registered("entities", "dates", "places", "coref", "events"))


def test_an_unknown_or_doubly_written_slot_fails():
    import pytest

    from dateline.extractor import Extractor, ExtractorOrderError, check_order

    with pytest.raises(ExtractorOrderError, match="'weather', which is not one of"):
        check_order((Extractor("x", "weather", lambda ctx: ()),))
    with pytest.raises(ExtractorOrderError, match="both write 'dates'"):
        check_order(_registered("dates") + (Extractor("x", "dates", lambda ctx: ()),))


def test_the_order_is_checked_once_per_call(monkeypatch, nlp):
    import dateline.pipeline as pipeline

    calls = []
    monkeypatch.setattr(pipeline, "check_order", lambda ex: calls.append(len(ex)))
    arts = [make_article(title=f"Talks resume {i}", paragraphs=["Envoys met in Geneva on Monday."],
                         published="2019-01-08") for i in range(3)]
    assert len(list(analyze(arts, nlp=nlp, options=AnalyzeOptions(batch_size=1)))) == 3
    assert calls == [len(default_extractors())]


class _Reads:
    """A Context that notes which result slots an extractor reads."""

    def __init__(self, ctx, seen: set[str]) -> None:
        object.__setattr__(self, "_ctx", ctx)
        object.__setattr__(self, "_seen", seen)

    def __getattr__(self, name: str):
        from dateline.extractor import SLOTS

        if name in SLOTS:
            self._seen.add(name)
        return getattr(self._ctx, name)


def test_each_extractor_reads_the_slots_it_declares(nlp):
    from dateline.nlp.context import Context
    from dateline.nlp.resources import default_resources
    from dateline.pipeline import default_extractors

    read: dict[str, set[str]] = {}
    for art in demo_articles(8):
        ctx = Context(doc=nlp(art.text), article=art, resources=default_resources())
        for ex in default_extractors():
            setattr(ctx, ex.slot, ex.fn(_Reads(ctx, read.setdefault(ex.name, set()))))
    # exactly: a read not declared can run before its slot is written; a declaration not read orders for nothing
    assert {ex.name: read[ex.name] for ex in default_extractors()} == \
        {ex.name: set(ex.requires) for ex in default_extractors()}


def test_what_the_registrations_register_never_imports_them():
    """No cycle: the registrations and the pipeline import the extractors and build_nlp, never the reverse."""
    import ast

    import dateline

    root = Path(dateline.__file__).parent
    for path in [*(root / "nlp").rglob("*.py"), root / "extractor.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or "", *(a.name for a in node.names)]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            assert not any(n.split(".")[-1] in ("registrations", "pipeline") for n in names), (path, node.lineno)


def test_capitalised_headlines_parsed_in_the_batch_read_as_when_parsed_one_by_one(nlp, monkeypatch):
    """The pipeline parses the batch's recased headlines in one pass; the events extractor would parse each
    itself. Both give the same events, and the headline's own event is read."""
    import dateline.pipeline as pipeline

    arts = [make_article(title="NAVY SEIZES TWO SHIPS OFF THE COAST",
                         paragraphs=["The Indian navy seized two ships off the coast on Monday, officials said."],
                         published="2021-03-02"),
            make_article(title="Ministers meet in Oslo", paragraphs=["The ministers met in Oslo on Friday."],
                         published="2021-03-05")]

    def events():
        return [[(e.id, e.type, e.evidence.trigger.text) for e in a.events] for a in analyze(arts, nlp=nlp)]

    docs = [nlp(a.text) for a in arts]
    got = pipeline._headlines(nlp, list(zip(arts, docs)), 8)
    assert got[id(docs[0])][0].text == "Navy seizes two ships off the coast"  # recased and parsed
    assert got[id(docs[1])] == (None,)  # already in running-text case: nothing to parse again
    batched = events()
    monkeypatch.setattr(pipeline, "_headlines", lambda *args: {})
    assert events() == batched
    assert any(trigger == "SEIZES" for _, _, trigger in batched[0])
