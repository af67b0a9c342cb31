"""Fit the event confidence model (nlp/events/confidence.py) on judged real-news tune events.

Input: a JSONL table, one judged event a line, with the features the coder kept on the event
(``Evidence.features``) and the judge's verdict (``scripts/event_labels.py`` writes it from judged tune
samples; no article text is kept). Output: ``src/dateline/nlp/events/data/confidence.json`` with the
weights, the regularisation chosen by cross-validation, the cross-validated AUC and, for each threshold,
the share of wrong events and the judges' main events kept. Needs scikit-learn
(`pip install -e '.[train]'`); deterministic.

    python scripts/fit_event_confidence.py labels.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "nlp" / "events" / "data" / "confidence.json"
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)


def main(path: str) -> None:
    rows = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
    names = sorted(rows[0]["features"])
    X = np.array([[r["features"].get(k, 0.0) for k in names] for r in rows], float)
    y = np.array([r["verdict"] != "wrong" for r in rows])
    folds = StratifiedKFold(5, shuffle=True, random_state=7)
    scores = {}
    for c in C_GRID:
        p = cross_val_predict(LogisticRegression(C=c, max_iter=2000), X, y, cv=folds, method="predict_proba")[:, 1]
        scores[c] = (roc_auc_score(y, p), p)
    best = max(C_GRID, key=lambda c: scores[c][0])
    auc, p = scores[best]
    model = LogisticRegression(C=best, max_iter=2000).fit(X, y)
    table = []
    for t in (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85):
        shown = [r for r, q in zip(rows, p) if q >= t]
        table.append({"threshold": t, "shown": len(shown),
                      "wrong_share": round(sum(r["verdict"] == "wrong" for r in shown) / max(1, len(shown)), 3),
                      "correct_share": round(sum(r["verdict"] == "correct" for r in shown) / max(1, len(shown)), 3),
                      "main_kept": sum(r.get("main", False) for r in shown)})
    out = {"about": "P(a judge finds the event right or partly right); fitted by scripts/fit_event_confidence.py",
           "features": names, "coef": dict(zip(names, np.round(model.coef_[0], 4).tolist())),
           "intercept": round(float(model.intercept_[0]), 4), "C": best, "n": len(rows),
           "wrong": int((~y).sum()), "mains": sum(r.get("main", False) for r in rows),
           "cv_auc": round(float(auc), 4), "cv_auc_by_C": {str(c): round(float(scores[c][0]), 4) for c in C_GRID},
           "thresholds_cv": table, "samples": sorted({r["sample"] for r in rows})}
    OUT.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main(sys.argv[1])
