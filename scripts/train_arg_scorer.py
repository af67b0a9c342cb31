"""Train the learned argument scorer (``dateline.nlp.learned.args``) on the TUNE half of ConfliBERT's
cameo_ner file, and write src/dateline/nlp/learned/data/arg_scorer.json.

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python scripts/train_arg_scorer.py [--path TXT] [--out JSON]

How the examples are made: the product's pipeline codes each tune sentence; for each event, each
candidate phrase head around its trigger (``args.candidates``) is an example, positive where it is the
head of a gold target span (or of a reciprocal span that is not the event's actor). The gold marks the arguments
of a sentence's main event only, so an event counts only where its actor lies in a gold source or
reciprocal span, or where it is the sentence's only trigger.

The regularisation C and the threshold are chosen by 5-fold cross-validation grouped by sentence, on the
events whose rules found no recipient (the only events the scorer is used for): the best F1 of taking the
top candidate when its probability reaches the threshold, among settings whose precision is at least
MIN_PRECISION. The check half is never read. lbfgs is
deterministic and the folds are fixed, so a rerun writes the same file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import sklearn
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from dateline.evals.conflibert import read_args
from dateline.evals.split import select, sentence_key
from dateline.nlp.learned.args import FORMAT, candidates, features

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PATH = ROOT.parent / "shared/eval/events/conflibert/cameo_ner_train.txt"
OUT = ROOT / "src/dateline/nlp/learned/data/arg_scorer.json"
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(x, 2) for x in np.arange(0.2, 0.91, 0.05))
MIN_PRECISION = 0.6


def _token_at(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def examples(path: Path) -> list[dict]:
    """One dict per (event, candidate): features, label, sentence group, event key, and whether the
    rules had found a recipient for the event."""
    from dateline.evals.conflibert import _analyse
    from dateline.nlp.build import build_nlp
    from dateline.nlp.events.arguments import is_passive
    from dateline.nlp.resources import default_resources

    import dateline.nlp.events.build as build

    items = select(read_args(path), lambda s: sentence_key(s.text), "tune")
    # the examples are the rule coder's own events: the scorer being trained (or an earlier copy of it)
    # must not pick recipients for them, or "the rules found none" would depend on the shipped weights
    build.learned_recipient = lambda d, agents=None: None
    analyses = _analyse([s.text for s in items], str(path))
    nlp = build_nlp()
    agents = default_resources().agents
    rows = []
    for k, (sent, a, doc) in enumerate(zip(items, analyses, nlp.pipe(s.text for s in items))):
        triggers = {(e.evidence.trigger.start, e.evidence.trigger.end) for e in a.events}
        seen: set[tuple] = set()
        for e in a.events:
            act = e.actor.span if e.actor is not None else None
            in_gold = act is not None and any(r in "SR" and s < act.end and act.start < t for r, s, t in sent.spans)
            if not in_gold and len(triggers) != 1:
                continue
            trig = _token_at(doc, e.evidence.trigger.start, e.evidence.trigger.end)
            if trig is None:
                continue
            actor = _token_at(doc, act.start, act.end) if act is not None and act.end > act.start else None
            key = (trig.i, actor.i if actor is not None else -1, (e.cameo or "")[:2])
            if key in seen:
                continue
            seen.add(key)
            passive = trig.pos_ in ("VERB", "AUX") and is_passive(trig)
            for cand in candidates(trig, [actor] if actor is not None else []):
                gold = any((r == "T" or r == "R" and not (act is not None and s < act.end and act.start < t))
                           and _heads(cand, s, t) for r, s, t in sent.spans)
                rows.append({"x": features(trig, cand, code=e.cameo or "", passive=passive, agents=agents),
                             "y": int(gold), "group": k, "event": (k, *key),
                             "ruled": e.recipient is not None,
                             "rule": _inside(cand, e.recipient)})
    return rows


def _heads(tok, start: int, end: int) -> bool:
    """Is the token the head of the gold span [start, end): the first noun in it with no noun above it
    inside it ("dozens" in "dozens of demonstrators in Yerevan", not "Yerevan", even where the parse
    hangs "in Yerevan" on the verb)?"""
    inside = lambda t: start <= t.idx < end
    nouns = ("NOUN", "PROPN", "PRON")
    tops = [t for t in tok.doc if inside(t) and t.pos_ in nouns
            and not any(inside(a) and a.pos_ in nouns for a in t.ancestors)]
    return bool(tops) and tops[0].i == tok.i


def _inside(tok, ref) -> bool:
    span = ref.span if ref is not None else None
    return span is not None and span.start <= tok.idx < span.end


def top_pick(rows: list[dict], probs: np.ndarray, threshold: float, *, only_unruled: bool) -> tuple[float, float]:
    """Precision and F1 of taking each event's top candidate when its probability reaches the threshold."""
    best: dict[tuple, tuple[float, int]] = {}
    positives: set[tuple] = set()
    for r, p in zip(rows, probs):
        if only_unruled and r["ruled"]:
            continue
        ev = r["event"]
        if r["y"]:
            positives.add(ev)
        if ev not in best or p > best[ev][0]:
            best[ev] = (p, r["y"])
    tp = sum(1 for p, y in best.values() if p >= threshold and y)
    fp = sum(1 for p, y in best.values() if p >= threshold and not y)
    fn = len(positives) - tp
    return (tp / (tp + fp) if tp else 0.0), (2 * tp / (2 * tp + fp + fn) if tp else 0.0)


def fit(X, y, C: float) -> LogisticRegression:
    return LogisticRegression(C=C, solver="lbfgs", max_iter=2000).fit(X, y)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--path", type=Path, default=DEFAULT_PATH)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    rows = examples(args.path)
    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1 for f in r["x"]} for r in rows])
    y = np.array([r["y"] for r in rows])
    groups = np.array([r["group"] for r in rows])
    print(f"{len(rows)} candidates, {y.sum()} positive, {len({r['event'] for r in rows})} events", file=sys.stderr)
    results = []
    for C in C_GRID:
        oof = np.zeros(len(rows))
        for train, test in GroupKFold(n_splits=5).split(X, y, groups):
            oof[test] = fit(X[train], y[train], C).predict_proba(X[test])[:, 1]
        for th in THRESHOLDS:
            p_un, f_un = top_pick(rows, oof, th, only_unruled=True)
            f_all = top_pick(rows, oof, th, only_unruled=False)[1]
            results.append((round(f_un, 4), round(p_un, 4), round(f_all, 4), C, th))
    # the best F1 among the settings whose picks are right at least MIN_PRECISION of the time: a wrong
    # recipient is worse than none
    results.sort(key=lambda r: (r[1] < MIN_PRECISION, -r[0], -r[2], -r[4], r[3]))
    for r in results[:8]:
        print("cv (no rule recipient) f1 %.4f precision %.4f; f1 (all events) %.4f  C=%s threshold=%s" % r,
              file=sys.stderr)
    f_un, p_un, f_all, C, th = results[0]
    model = fit(X, y, C)
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 6) for n, w in zip(names, model.coef_[0]) if abs(w) >= 1e-6}
    weights["bias"] = round(weights.get("bias", 0.0) + float(model.intercept_[0]), 6)
    probes = [r["x"] for r in rows[:: max(1, len(rows) // 5)]][:5]
    out = {
        "format": FORMAT,
        "trained_on": "ConfliBERT cameo_ner_train.txt, tune half (dateline.evals.split)",
        "sklearn": sklearn.__version__,
        "C": C, "threshold": th,
        "cv": {"f1_no_rule_recipient": f_un, "precision_no_rule_recipient": p_un, "f1_all_events": f_all,
               "folds": 5, "min_precision": MIN_PRECISION},
        "counts": {"candidates": len(rows), "positive": int(y.sum()),
                   "events": len({r["event"] for r in rows})},
        "probes": [{"features": p, "p": round(float(model.predict_proba(vec.transform([{f: 1 for f in p}]))[0, 1]), 6)}
                   for p in probes],
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(out, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes): C={C} threshold={th} "
          f"cv f1 {f_un} precision {p_un} (no rule recipient), f1 {f_all} (all); labels {Counter(y.tolist())}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
