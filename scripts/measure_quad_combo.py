"""How the quad model combines with the rule coder on ConfliBERT's cameo_class sentences.

    .venv/bin/python scripts/quad_events_cache.py        # the coder's events (runs the pipeline once)
    .venv/bin/python scripts/train_quad_model.py         # weights + tune out-of-fold probabilities
    .venv/bin/python scripts/measure_quad_combo.py [--json OUT]

Every setting is chosen on the TUNE half, scoring the model by its out-of-fold probabilities there
(the shipped model was trained on the whole tune half, so its own tune probabilities are too good to
choose by). The CHECK half is scored once per variant with the shipped model, after the choice.

Variants: rules alone (what `dateline eval events-quad` reports), model alone (argmax), and
``quad.combine`` with one part of it on at a time, then all parts together:
  fallback  the model's class where the coder codes nothing;
  override  the model's class where it beats the coder's class by a margin;
  rerank    the coder's events ranked by confidence plus a weight times the model's probability;
  all       the three together, chosen jointly;
  shipped   quad.COMBINE, the settings the product's callers get.
It also reports whether the model's probability of an event's own class tells right events from wrong
ones (AUC beside that of the coder's confidence), over every coded event of the tune half.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
import itertools
import json
import sys
from pathlib import Path

from quad_events_cache import DEFAULT_OUT as EVENTS, DEFAULT_TSV
from quad_events_cache import load as load_events

from dateline.evals.conflibert import read_quad
from dateline.evals.split import select, sentence_key
from dateline.nlp.learned.quad import COMBINE, QUAD_NAMES, CombineSettings, QuadModel, combine, quad_class

OOF = Path(__file__).resolve().parents[1] / "runs/quad/tune_oof.json"
NEVER = 2.0  # a threshold no probability reaches
# each grid runs from the mildest setting (the coder's answer kept) to the strongest, so that ties
# go to the milder
WEIGHTS = (0.0, 0.1, 0.25, 0.5, 1.0, 2.0)
FALLBACKS = (NEVER, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.0)
MARGINS = (NEVER, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2)


def scores(pairs: list[tuple[int, int]]) -> dict:
    """Accuracy, macro-F1 over the five classes and each class's F1, as events-quad computes them."""
    f1 = []
    for c in range(5):
        tp = sum(1 for g, p in pairs if g == c == p)
        fp = sum(1 for g, p in pairs if p == c != g)
        fn = sum(1 for g, p in pairs if g == c != p)
        f1.append(round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0)
    return {"accuracy": round(sum(g == p for g, p in pairs) / len(pairs), 4),
            "macro_f1": round(sum(f1) / 5, 4), "per_class_f1": f1}


def halves(path: Path, events: dict, model: QuadModel) -> dict[str, list[tuple[int, list, list]]]:
    """Each half's sentences as (gold class, the coder's events in its order, model probabilities)."""
    oof = json.loads(OOF.read_text(encoding="utf-8"))["proba"]
    out = {}
    for split in ("tune", "check"):
        items = select(read_quad(path), lambda it: sentence_key(it[0]), split)
        texts = [t for t, _ in items]
        probs = ([oof[sentence_key(t)] for t in texts] if split == "tune" else model.predict_proba(texts))
        rows = []
        for (text, gold), p in zip(items, probs):
            evs = sorted(events[sentence_key(text)], key=lambda e: e["start"])
            rows.append((gold, [(e["cameo"], e["confidence"]) for e in evs], p))
        out[split] = rows
    return out


def run(rows: list, settings: CombineSettings) -> dict:
    return scores([(gold, combine(coded, p, settings).quad_class) for gold, coded, p in rows])


def choose(rows: list, space: dict) -> CombineSettings:
    """The settings of the grid with the best tune macro-F1; ties go to the earlier settings."""
    best, best_f1 = None, -1.0
    for values in itertools.product(*space.values()):
        s = CombineSettings(**dict(zip(space, values)))
        f1 = run(rows, s)["macro_f1"]
        if f1 > best_f1:
            best, best_f1 = s, f1
    return best


def variants(tune: list) -> dict[str, CombineSettings | None]:
    rules = {"rerank_weight": (0.0,), "fallback_min": (NEVER,), "override_margin": (NEVER,)}
    return {
        "rules": CombineSettings(0.0, NEVER, NEVER),
        "model": None,
        "fallback": choose(tune, {**rules, "fallback_min": FALLBACKS}),
        "override": choose(tune, {**rules, "override_margin": MARGINS}),
        "rerank": choose(tune, {**rules, "rerank_weight": WEIGHTS}),
        "fallback+override": choose(tune, {**rules, "fallback_min": FALLBACKS, "override_margin": MARGINS}),
        "all": choose(tune, {"rerank_weight": WEIGHTS, "fallback_min": FALLBACKS, "override_margin": MARGINS}),
        "shipped": COMBINE,
    }


def auc(pos: list[float], neg: list[float]) -> float:
    """The chance a right event scores above a wrong one (ties count half)."""
    if not pos or not neg:
        return 0.0
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return round(wins / (len(pos) * len(neg)), 4)


def confidence_signal(rows: list) -> dict:
    """Over every coded event: is its class the sentence's gold class? How well the coder's confidence,
    the model's probability of the event's class, and their sum rank right events above wrong ones."""
    signals = {"confidence": [], "model_p": [], "confidence+model_p": []}
    right = []
    for gold, coded, p in rows:
        for cameo, conf in coded:
            q = quad_class(cameo)
            right.append(q == gold)
            signals["confidence"].append(conf)
            signals["model_p"].append(p[q])
            signals["confidence+model_p"].append(conf + p[q])
    out = {"events": len(right), "right_share": round(sum(right) / len(right), 4)}
    for name, vals in signals.items():
        out[f"auc_{name}"] = auc([v for v, r in zip(vals, right) if r], [v for v, r in zip(vals, right) if not r])
    bins = [(0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01)]
    out["by_model_p"] = [{"model_p": f"{lo:.1f}-{min(hi, 1.0):.1f}", "events": sum(1 for v in signals["model_p"] if lo <= v < hi),
                          "right_share": _share([r for v, r in zip(signals["model_p"], right) if lo <= v < hi])}
                         for lo, hi in bins]
    return out


def _share(flags: list[bool]) -> float | None:
    return round(sum(flags) / len(flags), 4) if flags else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--path", type=Path, default=DEFAULT_TSV)
    ap.add_argument("--events", type=Path, default=EVENTS)
    ap.add_argument("--json", type=Path, help="also write every figure here")
    args = ap.parse_args()
    cache = load_events(args.events)
    data = halves(args.path, cache["events"], QuadModel.load())
    report = {"events_commit": cache["commit"], "variants": {}}
    for name, settings in variants(data["tune"]).items():
        row = {"settings": None if settings is None else asdict(settings)}
        for split, rows in data.items():
            if settings is None:
                row[split] = scores([(g, max(range(5), key=lambda c: p[c])) for g, _, p in rows])
            else:
                row[split] = run(rows, settings)
        report["variants"][name] = row
        print(f"{name:18} tune acc {row['tune']['accuracy']:.4f} F1 {row['tune']['macro_f1']:.4f} "
              f"{row['tune']['per_class_f1']} | check acc {row['check']['accuracy']:.4f} "
              f"F1 {row['check']['macro_f1']:.4f} {row['check']['per_class_f1']}  {row['settings']}")
    report["confidence_signal"] = {split: confidence_signal(rows) for split, rows in data.items()}
    print(json.dumps(report["confidence_signal"], indent=1), file=sys.stderr)
    print("classes:", ", ".join(f"{i} {n}" for i, n in enumerate(QUAD_NAMES)))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
