"""Would a small learned PLOVER type model help the rule coder? Measures it; ships nothing.

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python scripts/measure_plover_type_model.py [--out runs/plover_type/report.json]

The model: TF-IDF over the sentence's words and word pairs (``learned.quad.features``) and the trigger's
words, multinomial logistic regression over PLOVER types. It is trained on the PLOVER gold records of
the TUNE half (trigger words from the records' event markup) and, with --petrarch, on the tune half of
PETRARCH's unit-test records, their CAMEO codes mapped to PLOVER with the CAMEO2PLOVER table beside
the gold file. The check half is never trained on.

Three ways of using it beside the rules are scored, each against the rules alone, as events-plover's
type_accuracy counts (the k most confident groups of distinct types answer a sentence's k records):
  rerank   each shown event ranked by confidence + w * the model's probability of its type;
  retype   an event takes the model's type when the model prefers it by at least a margin;
  quad     rerank by the packaged quad model's probability of the event's quad class.
On tune the model's probabilities are out-of-fold (five folds by sentence), so tune is not read by a
model that saw it; on check the model is trained on the whole tune half. Judge by check.

Result when it was written (2026-12-07, rules alone 73/84 tune, 58/74 check): no setting lifted check
and none lifted tune out-of-fold, with or without --petrarch; retyping with a low margin cost up to 7
check records. With five or so records a type, the model knows less than the verb patterns, so no model
was kept (the report's "verdict" says which, if any, would be).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from dateline.evals.events import _analyse, _article
from dateline.evals.split import half_of, select, sentence_key
from dateline.nlp.learned.quad import AnalyserSettings, QuadModel, features, quad_class

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared/eval/events/plover/plover_dev.jsonl"
TABLE = GOLD.parent / "CAMEO2PLOVER-2021.txt"
PETR = ROOT.parent / "shared/eval/events/petrarch2/PETR.UnitTest.records.jsonl"
SHOWN = 0.6  # config.DEFAULT_MIN_CONFIDENCE, as the eval counts
WORDS = AnalyserSettings((1, 2), (0, 0))


def cameo_to_plover(path: Path) -> dict[str, str]:
    """ "0311: AGREE, , economic # ..." -> {"0311": "AGREE"}; two-digit header lines too."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#")[0].strip()
        if ":" in body:
            code, rest = body.split(":", 1)
            out[code.strip()] = rest.split(",")[0].strip()
    return out


def trigger_words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def analyser(item: tuple[str, list[str]]) -> list[str]:
    text, trigger = item
    return features(text, WORDS) + ["t:" + w for w in trigger]


def fit(items: list[tuple[str, list[str]]], labels: list[str], c: float):
    vec = TfidfVectorizer(analyzer=analyser, sublinear_tf=True)
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    clf.fit(vec.fit_transform(items), labels)
    return vec, clf


def type_probs(model, text: str, trigger: str) -> dict[str, float]:
    vec, clf = model
    return dict(zip(clf.classes_, clf.predict_proba(vec.transform([(text, trigger_words(trigger))]))[0]))


def gold_sentences(split: str) -> dict[str, list[dict]]:
    records = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    by_text: dict[str, list[dict]] = defaultdict(list)
    for r in select(records, lambda r: sentence_key(r["text"]), split):
        by_text[" ".join(r["text"].split())].append(r)
    return by_text


def training_items(by_text: dict[str, list[dict]]) -> tuple[list, list, list]:
    items, labels, keys = [], [], []
    for text, recs in by_text.items():
        for r in recs:
            marked = re.findall(r"\(EVT: ([^)]*)\)", r.get("markup") or "")
            items.append((text, [w for m in marked for w in trigger_words(m)]))
            labels.append(r["event_plover_current"])
            keys.append(sentence_key(text))
    return items, labels, keys


def petrarch_items(table: dict[str, str]) -> tuple[list, list]:
    items, labels = [], []
    for line in PETR.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if half_of(sentence_key(r["text"])) != "tune" or r.get("expected_error"):
            continue
        for t in sorted({_plover(e["code"], table) for e in r["expected_events"]} - {None}):
            items.append((r["text"], []))
            labels.append(t)
    return items, labels


def _plover(code: str, table: dict[str, str]) -> str | None:
    return next((table[code[:n]] for n in (4, 3, 2) if code[:n] in table), None)


def candidates(by_text: dict[str, list[dict]]) -> list[dict]:
    """Each sentence's gold types and every event the product codes in it, shown or not."""
    texts = list(by_text)
    analyses = _analyse([_article(t, "2000-01-01", f"measure:{i}") for i, t in enumerate(texts)])
    return [{"text": t, "gold": [r["event_plover_current"] for r in by_text[t]],
             "events": [{"type": e.type, "cameo": e.cameo, "conf": e.confidence, "trigger": e.evidence.trigger.text,
                         "at": e.evidence.trigger.start} for e in a.events if e.type]}
            for t, a in zip(texts, analyses)]


def right(sents: list[dict], rank, retype=None) -> int:
    """How many gold records get their type, as events-plover assigns groups to records."""
    total = 0
    for s in sents:
        groups: dict[tuple, float] = {}
        for e in s["events"]:
            if e["conf"] < SHOWN:
                continue
            t = retype(s, e) if retype else e["type"]
            groups[(e["at"], t)] = max(groups.get((e["at"], t), -1e9), rank(s, e))
        top: list[str] = []
        for (_, t), _ in sorted(groups.items(), key=lambda kv: (-kv[1], kv[0][0])):
            if t not in top:
                top.append(t)
            if len(top) == len(s["gold"]):
                break
        rest = [t for t in top if t not in s["gold"]]
        for g in s["gold"]:
            if g in top:
                total += 1
                top.remove(g)
            elif rest:
                rest.pop(0)
    return total


def probabilities(tune, check, items, labels, keys, extra, c: float) -> dict:
    """(sentence, trigger start) -> the model's type probabilities: out-of-fold on tune, whole-tune on check."""
    out = {}
    fold = {k: i % 5 for i, k in enumerate(sorted(set(keys)))}
    for f in range(5):
        keep = [i for i in range(len(items)) if fold[keys[i]] != f]
        model = fit([items[i] for i in keep] + extra[0], [labels[i] for i in keep] + extra[1], c)
        for s in tune:
            if fold[sentence_key(s["text"])] == f:
                for e in s["events"]:
                    out[(s["text"], e["at"])] = type_probs(model, s["text"], e["trigger"])
    model = fit(items + extra[0], labels + extra[1], c)
    for s in check:
        for e in s["events"]:
            out[(s["text"], e["at"])] = type_probs(model, s["text"], e["trigger"])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(ROOT / "runs/plover_type/report.json"))
    ap.add_argument("--petrarch", action="store_true", help="also train on PETRARCH's tune records")
    args = ap.parse_args()
    by_tune, by_check = gold_sentences("tune"), gold_sentences("check")
    tune, check = candidates(by_tune), candidates(by_check)
    items, labels, keys = training_items(by_tune)
    extra = petrarch_items(cameo_to_plover(TABLE)) if args.petrarch else ([], [])
    n = {"tune": sum(len(s["gold"]) for s in tune), "check": sum(len(s["gold"]) for s in check)}
    conf = lambda s, e: e["conf"]  # noqa: E731
    rows = [{"way": "rules", "tune": right(tune, conf), "check": right(check, conf)}]
    for c in (3.0, 10.0, 30.0):
        p = probabilities(tune, check, items, labels, keys, extra, c)
        for w in (0.1, 0.2, 0.5, 1.0):
            rank = lambda s, e, w=w: e["conf"] + w * p[(s["text"], e["at"])].get(e["type"], 0.0)  # noqa: E731
            rows.append({"way": f"rerank C={c} w={w}", "tune": right(tune, rank), "check": right(check, rank)})
        for margin in (0.2, 0.4, 0.6):
            def retype(s, e, margin=margin):
                probs = p[(s["text"], e["at"])]
                best = max(probs, key=probs.get)
                return best if probs[best] - probs.get(e["type"], 0.0) >= margin else e["type"]
            rows.append({"way": f"retype C={c} margin={margin}", "tune": right(tune, conf, retype),
                         "check": right(check, conf, retype)})
    quad = QuadModel.load()
    q = {s["text"]: quad.predict_proba([s["text"]])[0] for s in tune + check}
    for w in (0.1, 0.3, 1.0):
        rank = lambda s, e, w=w: e["conf"] + w * (q[s["text"]][quad_class(e["cameo"])]  # noqa: E731
                                                  if quad_class(e["cameo"]) is not None else 0.0)
        rows.append({"way": f"quad w={w} (tune in the quad model's training)", "tune": right(tune, rank),
                     "check": right(check, rank)})
    base = rows[0]
    better = [r for r in rows[1:] if r["check"] > base["check"] and r["tune"] >= base["tune"]]
    report = {"records": n, "petrarch": args.petrarch, "rows": rows,
              "verdict": "keep: " + ", ".join(r["way"] for r in better) if better else "no setting lifts both halves"}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=1), encoding="utf-8")
    for r in rows:
        print(f"{r['way']:<48} tune {r['tune']}/{n['tune']}  check {r['check']}/{n['check']}")
    print(report["verdict"])


if __name__ == "__main__":
    main()
