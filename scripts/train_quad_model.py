"""Train the quad-class TF-IDF logistic regression on the TUNE half of ConfliBERT's cameo_class file.

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python scripts/train_quad_model.py [--path TSV] [--quick]

Picks the analyser (word and/or character n-grams), sublinear tf, min_df, class weights and C by
repeated stratified cross-validation inside the tune half (macro-F1, the figure the issue targets),
refits the best on the whole tune half and writes src/dateline/nlp/learned/data/quad_tfidf_lr.json.gz.
The check half is never read here. Everything is seeded, and the solver (lbfgs) is deterministic, so a
rerun writes the same file.

It also writes runs/quad/tune_oof.json: each tune sentence's out-of-fold probabilities under the chosen
settings, so combinations with the rule coder can be chosen on tune without the model having seen the
sentence it is scoring (scripts/measure_quad_combo.py reads it).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import sys
from pathlib import Path

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import RepeatedStratifiedKFold, StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from threadpoolctl import threadpool_limits

from dateline.evals.conflibert import read_quad
from dateline.evals.split import select, sentence_key
from dateline.nlp.learned.quad import FORMAT, AnalyserSettings, QuadModel, features

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TSV = ROOT.parent / "shared/eval/events/conflibert/cameo_class_train.tsv"
OUT = ROOT / "src/dateline/nlp/learned/data/quad_tfidf_lr.json.gz"
OOF_OUT = ROOT / "runs/quad/tune_oof.json"
SEED = 0

ANALYSERS = {
    "word1": AnalyserSettings((1, 1), (0, 0)),
    "word12": AnalyserSettings((1, 2), (0, 0)),
    "word13": AnalyserSettings((1, 3), (0, 0)),
    "char25": AnalyserSettings((0, 0), (2, 5)),
    "char35": AnalyserSettings((0, 0), (3, 5)),
    "word12+char35": AnalyserSettings((1, 2), (3, 5)),
    "word1+char25": AnalyserSettings((1, 1), (2, 5)),
}
# Two stages keep the search affordable on a shared two-core machine: first which features (at
# settings that did well in a trial), then the classifier's settings for the best features.
STAGE1 = {"analyser": list(ANALYSERS), "sublinear_tf": [True], "min_df": [1, 2],
          "class_weight": ["balanced"], "C": [30.0]}
STAGE2 = {"sublinear_tf": [True, False], "class_weight": [None, "balanced"], "C": [3.0, 10.0, 30.0, 100.0]}
QUICK = {"analyser": ["word12"], "sublinear_tf": [True], "min_df": [2], "class_weight": ["balanced"],
         "C": [10.0, 30.0]}

# Invented sentences whose scikit-learn probabilities go into the weights file, so a test can check
# that numpy inference reproduces them without scikit-learn installed.
PROBES = (
    "The two foreign ministers said on Monday they would keep talking about the border.",
    "Rebels shelled the northern town overnight, killing at least 14 villagers.",
    "The government sent food and medicine to the flooded province.",
    "The opposition leader accused the president of rigging the vote.",
    "Both countries agreed to restore full diplomatic relations next month.",
    "Protesters urged the council to reopen the closed clinic.",
)


def pipeline(cfg: dict) -> object:
    settings = ANALYSERS[cfg["analyser"]]
    vec = TfidfVectorizer(analyzer=lambda t: features(t, settings), sublinear_tf=cfg["sublinear_tf"],
                          min_df=cfg["min_df"], norm="l2", smooth_idf=True, use_idf=True)
    clf = LogisticRegression(C=cfg["C"], class_weight=cfg["class_weight"], solver="lbfgs", max_iter=5000,
                             random_state=SEED)
    return make_pipeline(vec, clf)


def cross_validate(cfg: dict, texts: list[str], labels: np.ndarray, folds) -> dict:
    f1s, accs = [], []
    for tr, te in folds.split(texts, labels):
        model = pipeline(cfg).fit([texts[i] for i in tr], labels[tr])
        pred = model.predict([texts[i] for i in te])
        f1s.append(f1_score(labels[te], pred, average="macro"))
        accs.append(accuracy_score(labels[te], pred))
    return {"macro_f1": round(float(np.mean(f1s)), 4), "macro_f1_sd": round(float(np.std(f1s)), 4),
            "accuracy": round(float(np.mean(accs)), 4)}


def grid(space: dict) -> list[dict]:
    return [dict(zip(space, values)) for values in itertools.product(*space.values())]


def search(texts: list[str], labels: np.ndarray, quick: bool) -> list[tuple[dict, dict]]:
    folds = RepeatedStratifiedKFold(n_splits=5, n_repeats=2, random_state=SEED)
    scored: dict[str, tuple[dict, dict]] = {}

    def run(cfgs: list[dict]) -> None:
        for cfg in cfgs:
            if json.dumps(cfg, sort_keys=True) not in scored:
                score = cross_validate(cfg, texts, labels, folds)
                scored[json.dumps(cfg, sort_keys=True)] = (cfg, score)
                print(f"{score['macro_f1']:.4f} ±{score['macro_f1_sd']:.3f} acc {score['accuracy']:.4f}  {cfg}",
                      file=sys.stderr)

    run(grid(QUICK if quick else STAGE1))
    if not quick:
        best = rank(list(scored.values()))[0][0]
        run(grid({"analyser": [best["analyser"]], "min_df": [best["min_df"]], **STAGE2}))
    return rank(list(scored.values()))


def rank(results: list[tuple[dict, dict]]) -> list[tuple[dict, dict]]:
    """Best macro-F1 first; ties (to four places) go to the simpler model: an analyser listed
    earlier, then stronger regularisation."""
    order = list(ANALYSERS)
    return sorted(results, key=lambda r: (-r[1]["macro_f1"], order.index(r[0]["analyser"]), r[0]["C"]))


def export(model, cfg: dict, cv: dict, train_meta: dict) -> dict:
    vec, clf = model.steps[0][1], model.steps[1][1]
    assert list(clf.classes_) == [0, 1, 2, 3, 4]
    terms = vec.get_feature_names_out().tolist()
    probes = model.predict_proba(list(PROBES))
    return {
        "format": FORMAT,
        "task": "quad class (0-4) of a news sentence's main event; classes as in dateline.evals.conflibert",
        "training_data": train_meta,
        "hyper_parameters": {k: v for k, v in cfg.items()},
        "cross_validation": cv,
        "sklearn_version": sklearn.__version__,
        "analyser": ANALYSERS[cfg["analyser"]].to_json(),
        "sublinear_tf": cfg["sublinear_tf"],
        "vocabulary": terms,
        "idf": [round(float(v), 6) for v in vec.idf_],
        "coef": [[round(float(v), 5) for v in row] for row in clf.coef_],
        "intercept": [round(float(v), 6) for v in clf.intercept_],
        "probes": [{"text": t, "proba": [round(float(p), 6) for p in ps]} for t, ps in zip(PROBES, probes)],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--path", type=Path, default=DEFAULT_TSV)
    ap.add_argument("--quick", action="store_true", help="a small grid, to try the script")
    args = ap.parse_args()
    # one thread: several people share two cores, and BLAS threads fighting over them ran 5x slower
    threadpool_limits(1)
    items = select(read_quad(args.path), lambda it: sentence_key(it[0]), "tune")
    texts, labels = [t for t, _ in items], np.array([y for _, y in items])
    ranked = search(texts, labels, args.quick)
    cfg, cv = ranked[0]
    cv = {**cv, "scheme": "5-fold stratified x 2 repeats, seed 0, inside the tune half; stage 1 features, "
          "stage 2 classifier settings", "metric": "macro_f1",
          "runner_up": [{"hyper_parameters": c, **s} for c, s in ranked[1:6]]}
    model = pipeline(cfg).fit(texts, labels)
    train_meta = {
        "file": args.path.name, "sha256": hashlib.sha256(args.path.read_bytes()).hexdigest(),
        "source": "ConfliBERT cameo_class train file (CAMEO manual example sentences)",
        "split": "tune half of dateline.evals.split (sentence_key), check half never read",
        "sentences": len(texts), "class_counts": np.bincount(labels, minlength=5).tolist(),
    }
    data = export(model, cfg, cv, train_meta)
    OUT.write_bytes(gzip.compress(json.dumps(data, separators=(",", ":")).encode("utf-8"), mtime=0))
    write_oof(cfg, texts, labels)
    ours = QuadModel.from_file(str(OUT)).predict_proba(list(PROBES))
    gap = max(abs(a - b) for p, q in zip(ours, data["probes"]) for a, b in zip(p, q["proba"]))
    print(f"chose {cfg} cv {cv['macro_f1']} acc {cv['accuracy']}; {len(data['vocabulary'])} features, "
          f"{OUT.stat().st_size} bytes; numpy vs sklearn on probes max gap {gap:.2e}", file=sys.stderr)


def write_oof(cfg: dict, texts: list[str], labels: np.ndarray) -> None:
    """Out-of-fold probabilities of every tune sentence, for choosing combinations on tune."""
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    proba = cross_val_predict(pipeline(cfg), texts, labels, cv=folds, method="predict_proba")
    OOF_OUT.parent.mkdir(parents=True, exist_ok=True)
    rows = {sentence_key(t): [round(float(p), 6) for p in ps] for t, ps in zip(texts, proba)}
    OOF_OUT.write_text(json.dumps({"hyper_parameters": cfg, "proba": rows}), encoding="utf-8")


if __name__ == "__main__":
    main()
