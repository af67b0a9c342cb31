"""Sentence quad classes: the main event's class, or the learned classifier's where the coder codes nothing."""

from __future__ import annotations

from dateline.ingest import make_article
from dateline.pipeline import analyze


def _classes(nlp, *paragraphs):
    art = make_article(title=paragraphs[0], paragraphs=list(paragraphs[1:]), published="2021-03-02")
    return next(analyze([art], nlp=nlp))


def test_an_attack_is_material_conflict_from_its_event(nlp):
    a = _classes(nlp, "Rebels shell border town", "Rebel gunners shelled the town of Ardmore on Monday, killing "
                                                   "four soldiers.")
    by_start = {c.span.start: c for c in a.sentence_classes}
    body = next(c for c in a.sentence_classes if "Ardmore" in c.span.text)
    assert body.quad == 4 and body.source == "event" and body.event_id in {e.id for e in a.events}
    assert all(a.article.text[c.span.start:c.span.end] == c.span.text for c in by_start.values())


def test_a_class_with_no_event_says_it_came_from_the_classifier(nlp):
    a = _classes(nlp, "Ministers meet", "The two governments pledged closer economic cooperation and more "
                                        "trade between their ports.")
    for c in a.sentence_classes:
        assert c.source in ("event", "model")
        if c.source == "model":
            assert c.event_id is None and "model" in c.reason
        assert 1 <= c.quad <= 4 and 0.0 <= c.probability <= 1.0


def test_a_table_run_together_is_not_classified(nlp):
    long = " ".join(["Wheat 120 130 140 150"] * 200)
    a = _classes(nlp, "Prices", long)
    assert all(len(c.span.text) <= 2000 for c in a.sentence_classes)
