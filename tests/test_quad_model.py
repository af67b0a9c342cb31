"""The quad-class model: its analyser, numpy inference against hand-worked and scikit-learn figures,
the packaged weights, and its combination with the rule coder. Sentences here are invented."""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.nlp.learned.quad import (
    FORMAT, AnalyserSettings, CombineSettings, QuadModel, combine, features, quad_class, words,
)
from conftest import ROOT, shared_path

VIOLENT = "Soldiers opened fire on the crowd and bombed the village, killing dozens of civilians."
FRIENDLY = "The two leaders praised each other and promised to deepen their friendship."


def test_words_fold_quotes_dashes_case_and_numbers():
    assert words("Iran’s 12 TANKS—rolled in 2019") == ["iran's", "0", "tanks", "rolled", "in", "0"]


def test_features_words_and_padded_characters():
    got = features("Guns fired", AnalyserSettings(word_ngrams=(1, 2), char_ngrams=(3, 3)))
    assert got == ["w:guns", "w:fired", "w:guns fired",
                   "c: gu", "c:gun", "c:uns", "c:ns ", "c: fi", "c:fir", "c:ire", "c:red", "c:ed "]
    assert features("Guns fired", AnalyserSettings(word_ngrams=(0, 0), char_ngrams=(0, 0))) == []


def _tiny(sublinear: bool) -> dict:
    return {"format": FORMAT, "analyser": {"word_ngrams": [1, 1], "char_ngrams": [0, 0]}, "sublinear_tf": sublinear,
            "vocabulary": ["w:a", "w:b"], "idf": [1.0, 2.0],
            "coef": [[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0], [0.5, 0.5]],
            "intercept": [0.0, 0.1, 0.2, 0.3, 0.4]}


def _softmax(z: list[float]) -> list[float]:
    e = [math.exp(v) for v in z]
    return [v / sum(e) for v in e]


@pytest.mark.parametrize("sublinear", [True, False])
def test_tf_idf_and_softmax_by_hand(sublinear):
    model = QuadModel(_tiny(sublinear))
    tf_a = 1 + math.log(2) if sublinear else 2.0
    xa, xb = tf_a * 1.0, 1.0 * 2.0  # "a" twice, "b" once, times their idf
    n = math.hypot(xa, xb)
    xa, xb = xa / n, xb / n
    coef, b = _tiny(sublinear)["coef"], _tiny(sublinear)["intercept"]
    want = _softmax([coef[c][0] * xa + coef[c][1] * xb + b[c] for c in range(5)])
    assert model.predict_proba(["a A b unknown"])[0] == pytest.approx(want, abs=1e-12)


def test_no_known_word_reads_the_intercepts():
    model = QuadModel(_tiny(True))
    assert model.predict_proba(["nothing we know", ""]) == [pytest.approx(_softmax(_tiny(True)["intercept"]))] * 2


def test_file_round_trip_and_wrong_format(tmp_path):
    path = tmp_path / "m.json.gz"
    path.write_bytes(gzip.compress(json.dumps(_tiny(False)).encode()))
    assert QuadModel.from_file(str(path)).predict_proba(["b a"]) == QuadModel(_tiny(False)).predict_proba(["b a"])
    with pytest.raises(ValueError):
        QuadModel({**_tiny(False), "format": "something else"})


def test_packaged_model_reproduces_scikit_learn_on_its_probes():
    model = QuadModel.load()
    probes = model.meta["probes"]
    assert len(probes) >= 5
    for probe in probes:
        assert model.predict_proba([probe["text"]])[0] == pytest.approx(probe["proba"], abs=1e-4)


def test_packaged_model_records_how_it_was_made():
    model = QuadModel.load()
    meta = model.meta
    assert meta["sklearn_version"] and meta["cross_validation"]["macro_f1"] > 0.7
    assert "tune half" in meta["training_data"]["split"]
    assert len(meta["training_data"]["sha256"]) == 64 and meta["hyper_parameters"]["C"] > 0
    weights = ROOT / "src/dateline/nlp/learned/data/quad_tfidf_lr.json.gz"
    assert weights.stat().st_size < 2_000_000


def test_packaged_model_was_trained_on_the_current_file():
    path = shared_path("eval", "events", "conflibert", "cameo_class_train.tsv")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == QuadModel.load().meta["training_data"]["sha256"]


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_probabilities_of_any_text_are_five_and_sum_to_one(text):
    (p,) = QuadModel.load().predict_proba([text])
    assert len(p) == 5 and all(0 <= v <= 1 for v in p) and sum(p) == pytest.approx(1.0)


def test_violence_reads_as_material_conflict_and_praise_as_verbal_cooperation():
    violent, friendly = QuadModel.load().predict_proba([VIOLENT, FRIENDLY])
    assert violent[4] > violent[1] and violent[4] == max(violent)
    assert friendly[1] > friendly[4]


def test_explain_names_the_sentence_s_own_features_strongest_first():
    model = QuadModel.load()
    why = model.explain(VIOLENT)
    assert why.quad_class == 4 and why.probability == pytest.approx(model.predict_proba([VIOLENT])[0][4], abs=1e-4)
    own = set(features(VIOLENT, model.settings))
    assert why.features and all(f in own for f, _ in why.features)
    weights = [w for _, w in why.features]
    assert weights == sorted(weights, reverse=True) and weights[0] > 0
    assert "material conflict" in why.text()
    assert model.explain(VIOLENT, quad_class=1).quad_class == 1


def test_quad_class_of_cameo_codes():
    assert [quad_class(c) for c in ("010", "042", "0873", "163", "120", "145", "190", "21", "", None, "x1")] == \
        [0, 1, 2, 3, 3, 4, 4, None, None, None, None]


SURE_ATTACK = [0.05, 0.05, 0.05, 0.05, 0.8]
UNSURE = [0.3, 0.2, 0.2, 0.2, 0.1]
BOTH = CombineSettings(rerank_weight=0.0, fallback_min=0.4, override_margin=0.4)


def test_combine_nothing_coded_falls_back_to_the_model_only_when_it_is_sure():
    assert combine([], SURE_ATTACK, BOTH).quad_class == 4
    assert combine([], SURE_ATTACK, BOTH).source == "model"
    assert combine([], UNSURE, BOTH) == combine([("999", 0.9)], UNSURE, BOTH)  # an unknown code counts as none
    assert combine([], UNSURE, BOTH).quad_class == 0 and combine([], UNSURE, BOTH).source == "none"
    assert combine([], SURE_ATTACK, CombineSettings()).quad_class == 0  # the defaults of the settings: rules alone


def test_combine_overrides_the_coder_only_by_the_margin():
    got = combine([("042", 0.9)], SURE_ATTACK, BOTH)  # the coder says a visit, the model an attack
    assert (got.quad_class, got.event, got.source) == (4, None, "model") and "verbal cooperation" in got.reason
    kept = combine([("042", 0.9)], [0.1, 0.3, 0.1, 0.1, 0.4], BOTH)
    assert (kept.quad_class, kept.event, kept.source) == (1, 0, "rules")


def test_combine_rerank_prefers_the_event_the_model_agrees_with():
    coded = [("042", 0.6), ("190", 0.5)]
    assert combine(coded, SURE_ATTACK, CombineSettings(rerank_weight=0.0)).event == 0
    moved = combine(coded, SURE_ATTACK, CombineSettings(rerank_weight=0.5))
    assert (moved.quad_class, moved.event, moved.source) == (4, 1, "rules+model")
    assert combine([("042", 0.5), ("190", 0.5)], UNSURE, CombineSettings()).event == 0  # ties go to the earlier


def test_model_alone_on_the_check_half():
    """Trained on the tune half only; the check half's macro-F1 was 0.774 when the weights were made."""
    from dateline.evals.conflibert import read_quad
    from dateline.evals.split import select, sentence_key

    path = shared_path("eval", "events", "conflibert", "cameo_class_train.tsv")
    items = select(read_quad(path), lambda it: sentence_key(it[0]), "check")
    preds = QuadModel.load().predict([t for t, _ in items])
    f1 = []
    for c in range(5):
        tp = sum(1 for (_, g), p in zip(items, preds) if g == c == p)
        wrong = sum(1 for (_, g), p in zip(items, preds) if (g == c) != (p == c))
        f1.append(2 * tp / (2 * tp + wrong))
    assert sum(f1) / 5 >= 0.75


def test_numpy_inference_equals_scikit_learn_on_a_fresh_fit():
    """Where scikit-learn is installed (the `train` extra), fit the training script's pipeline on a few
    invented sentences and export it: numpy must give scikit-learn's probabilities."""
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_quad_model as train

    texts = [VIOLENT, FRIENDLY, "Police arrested 30 protesters outside the ministry.",
             "The minister said the talks would resume.", "Aid workers delivered tents to the refugees.",
             "The envoy denounced the raid as a crime.", "Gunmen kidnapped two engineers.",
             "The spokesman urged calm.", "They signed a trade agreement.", "The army threatened to retaliate."]
    labels = [4, 1, 4, 0, 2, 3, 4, 0, 2, 3]
    for cfg in ({"analyser": "word12+char35", "sublinear_tf": False, "min_df": 1, "class_weight": None, "C": 10.0},
                {"analyser": "word13", "sublinear_tf": True, "min_df": 1, "class_weight": "balanced", "C": 3.0}):
        fitted = train.pipeline(cfg).fit(texts, labels)
        ours = QuadModel(train.export(fitted, cfg, {}, {}))
        tried = ["Troops fired on the crowd.", "The leaders agreed to talk.", "Nothing known here"]
        for want, got in zip(fitted.predict_proba(tried), ours.predict_proba(tried)):
            assert got == pytest.approx(list(want), abs=1e-4)
