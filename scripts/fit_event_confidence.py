"""Fit the event confidence model (nlp/events/confidence.py) on judged real-news tune events.

Input: a JSONL table, one judged event a line, with the model's features and the judge's verdict
(``scripts/event_labels.py`` writes it from judged tune samples; no article text is kept). Output:
``src/dateline/nlp/events/data/confidence.json`` with the weights, the cross-validated AUC and the
share of wrong events and of the judges' main events kept at each threshold. Needs scikit-learn
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from dateline.nlp.events.confidence import FEATURES  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "nlp" / "events" / "data" / "confidence.json"


def main(path: str) -> None:
    rows = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
    X = np.array([[r["features"][k] for k in FEATURES] for r in rows], float)
    y = np.array([r["verdict"] != "wrong" for r in rows])
    model = LogisticRegression(C=1.0, max_iter=1000)
    folds = StratifiedKFold(5, shuffle=True, random_state=7)
    p = cross_val_predict(model, X, y, cv=folds, method="predict_proba")[:, 1]
    model.fit(X, y)
    table = []
    for t in (0.5, 0.6, 0.65, 0.7, 0.75, 0.8):
        shown = [r for r, q in zip(rows, p) if q >= t]
        table.append({"threshold": t, "shown": len(shown),
                      "wrong_share": round(sum(r["verdict"] == "wrong" for r in shown) / max(1, len(shown)), 3),
                      "main_kept": sum(r.get("main", False) for r in shown)})
    out = {"about": "P(a judge finds the event right or partly right); fitted by scripts/fit_event_confidence.py",
           "features": list(FEATURES), "coef": dict(zip(FEATURES, np.round(model.coef_[0], 4).tolist())),
           "intercept": round(float(model.intercept_[0]), 4), "n": len(rows),
           "wrong": int((~y).sum()), "mains": sum(r.get("main", False) for r in rows),
           "cv_auc": round(float(roc_auc_score(y, p)), 4), "thresholds_cv": table,
           "samples": sorted({r["sample"] for r in rows})}
    OUT.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main(sys.argv[1])
