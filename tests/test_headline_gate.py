"""A recased headline with no word an event can start on is not parsed again; the events are the same.
Every headline here is invented for the case it tests."""

from __future__ import annotations

import pytest

from dateline.ingest import make_article
from dateline.nlp.events.headline_gate import UNPARSED, _lemma_tables, may_code
from dateline.ontology.verbs import default_verbs
from dateline.pipeline import analyze


@pytest.mark.parametrize("title", ["Quarterly copper output figures", "Tin price index for week"])
def test_a_headline_of_figures_codes_nothing(nlp, title):
    assert not may_code(nlp, title, default_verbs())


@pytest.mark.parametrize("title", ["Police arrest two men after market attack", "Navy seizes two ships off the coast",
                                   "Minister says banks must lower fees"])
def test_a_headline_with_an_act_or_a_verb_of_saying_is_parsed(nlp, title):
    assert may_code(nlp, title, default_verbs())


@pytest.mark.parametrize("title", ["Rebels Seized Three Towns", "Troops gon na leave by Friday",
                                   "Strikers' leaders were arrested", "Banks' better rates for savers"])
def test_every_lemma_the_parse_gives_is_among_those_the_gate_reads(nlp, title):
    lemmas = _lemma_tables(nlp)
    for tok in nlp(title):
        assert tok.lemma_.lower() in lemmas(tok.text), (tok.text, tok.lemma_)


def test_events_are_the_same_with_the_headline_left_unparsed(nlp, monkeypatch):
    import dateline.pipeline as pipeline

    arts = [make_article(title="COPPER OUTPUT FIGURES FOR THE QUARTER",
                         paragraphs=["The miners' union accused the company of cutting wages, officials said."],
                         published="2021-03-02"),
            make_article(title="NAVY SEIZES TWO SHIPS OFF THE COAST",
                         paragraphs=["The Indian navy seized two ships off the coast on Monday, officials said."],
                         published="2021-03-02")]
    docs = [nlp(a.text) for a in arts]
    got = pipeline._headlines(nlp, list(zip(arts, docs)), 8, default_verbs())
    assert got[id(docs[0])] == (UNPARSED,)
    assert got[id(docs[1])][0].text == "Navy seizes two ships off the coast"

    def events():
        return [[(e.id, e.type, e.evidence.trigger.text) for e in a.events] for a in analyze(arts, nlp=nlp)]

    gated = events()
    monkeypatch.setattr(pipeline, "_verbs", lambda resources: None)  # every recased headline parsed
    assert events() == gated
