"""The learned argument scorer (``nlp.learned.args``): its candidates and features on the parse, the
packaged weights against scikit-learn's own probabilities, and its place beside the rule coder (only
where the rules name no recipient, and ``explain`` says so). Sentences here are invented."""

from __future__ import annotations

import sys
from importlib import resources

import pytest

from dateline.nlp.learned.args import FORMAT, ArgScorer, candidates, features
from conftest import ROOT

LIFTED = "The Ruritanian government lifted a travel ban imposed on Freedonian citizens."


def _tok(doc, text: str):
    return next(t for t in doc if t.text == text)


def test_candidates_are_phrase_heads_outside_trigger_and_actor(nlp):
    doc = nlp("The Ruritanian army shelled rebel positions near the river on Tuesday.")
    got = [t.text for t in candidates(_tok(doc, "shelled"), [_tok(doc, "army")])]
    assert "positions" in got and "river" in got
    # the actor's phrase, the trigger, a modifier inside a phrase and a time are never candidates
    assert not {"army", "Ruritanian", "shelled", "rebel", "Tuesday"} & set(got)


def test_features_name_the_preposition_side_and_class(nlp):
    doc = nlp(LIFTED)
    feats = features(_tok(doc, "lifted"), _tok(doc, "citizens"), code="081", passive=False)
    assert "first=pobj@on" in feats and "dir=after" in feats and "class=person" in feats
    assert "root*first=08|pobj@on" in feats and "tpos=verb" in feats
    assert feats[0] == "bias" and len(feats) == len(set(feats))


def test_packaged_weights_give_scikit_learns_probabilities():
    model = ArgScorer.load()
    assert model.meta["probes"], "the weights file records probes to compare against"
    for probe in model.meta["probes"]:
        assert model.probability(probe["features"]) == pytest.approx(probe["p"], abs=1e-4)
    assert 0.0 < model.threshold < 1.0


def test_packaged_weights_are_small_and_trained_on_tune_only():
    raw = (resources.files("dateline.nlp.learned") / "data" / "arg_scorer.json").read_bytes()
    assert len(raw) < 1_000_000
    assert "tune half" in ArgScorer.load().meta["trained_on"]


def test_other_files_are_refused():
    with pytest.raises(ValueError, match="not an argument scorer file"):
        ArgScorer({"format": "something-else", "weights": {}, "threshold": 0.5})


def test_best_takes_the_top_candidate_only_at_the_threshold(nlp):
    doc = nlp(LIFTED)
    trig, actor = _tok(doc, "lifted"), _tok(doc, "government")
    weights = {"bias": -1.0, "first=pobj@on": 3.0}  # the "on" phrase: p = 0.88; anything else 0.27
    low = ArgScorer({"format": FORMAT, "weights": weights, "threshold": 0.5})
    pick = low.best(trig, [actor], code="081", passive=False)
    assert pick is not None and pick.token.text == "citizens"
    assert pick.probability == pytest.approx(0.8808, abs=1e-4)
    assert pick.reasons == (("first=pobj@on", 3.0),)
    assert "learned argument scorer, p=0.88" in pick.text()
    high = ArgScorer({"format": FORMAT, "weights": weights, "threshold": 0.9})
    assert high.best(trig, [actor], code="081", passive=False) is None
    # a candidate the rules set aside (the pattern's own object) is not offered; the rest stay under 0.5
    assert low.best(trig, [actor], code="081", passive=False, exclude=frozenset({pick.token.i})) is None


def _events(text: str):
    from dateline.model import Article
    from dateline.model.ids import article_id
    from dateline.pipeline import analyze

    [a] = list(analyze([Article(id=article_id(text), text=text, published="2020-01-01", origin="test")]))
    return a.events


def test_scorer_names_the_recipient_the_frame_left_out_and_explain_says_so():
    # the frame of "ended the embargo" names no one; the "for" phrase is the scorer's pick
    [ev] = [e for e in _events("The Ruritanian government ended the embargo for Freedonian exporters.")
            if e.cameo.startswith("16")]
    assert ev.recipient is not None and ev.recipient.text == "Freedonian exporters"
    line = next(ln for ln in ev.evidence.explanation.splitlines() if ln.startswith("recipient:"))
    assert "chosen by the learned argument scorer, p=" in line and "features:" in line


def test_a_recipient_the_rules_found_is_left_alone():
    [ev] = [e for e in _events("Germany imposed sanctions on Iran.") if e.cameo.startswith("16")]
    assert ev.recipient is not None and ev.recipient.text == "Iran"
    assert "learned" not in ev.evidence.explanation


def test_training_labels_the_head_of_a_gold_span_not_a_word_inside_it(nlp):
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_arg_scorer import _heads

    text = "Police detained dozens of demonstrators in Yerevan."
    doc = nlp(text)
    start = text.index("dozens")
    end = len(text) - 1
    assert _heads(_tok(doc, "dozens"), start, end)
    assert not _heads(_tok(doc, "Yerevan"), start, end)
    assert not _heads(_tok(doc, "Police"), start, end)
