"""Task `summaries`: our 3-sentence summary and the lead-3 baseline against BBC News Summary.

Layout: ``News_Articles/<category>/NNN.txt`` (first line the headline, then paragraphs) and
``Summaries/<category>/NNN.txt`` (the extractive reference, sentences run together). The
articles carry no date and are analysed undated. ``limit`` takes articles round-robin over the
categories, so a small run still sees each of them.

ROUGE, implemented here (pure Python), is F1:
- tokens are lowercased runs of letters and digits (``[a-z0-9]+``); no stemming and no stop-word
  removal, so scores run a little below those of ``rouge-score`` with its stemmer;
- ROUGE-1 and ROUGE-2 count clipped n-gram overlaps between the summary and the reference;
- ROUGE-L is the longest common subsequence of the two token sequences taken whole
  (summary-level LCS over the joined text, not the sentence-union variant).
Scores are averaged over articles (macro). Lead-3 is the first three body sentences of the same
spaCy sentence split our summariser sees.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..model import Article
from .registry import EvalResult

WORD = re.compile(r"[a-z0-9]+")


def tokenize(text: str) -> list[str]:
    return WORD.findall(text.lower())


def _f1(overlap: int, n_pred: int, n_ref: int) -> float:
    if not overlap or not n_pred or not n_ref:
        return 0.0
    p, r = overlap / n_pred, overlap / n_ref
    return 2 * p * r / (p + r)


def rouge_n(pred: list[str], ref: list[str], n: int) -> float:
    a = Counter(tuple(pred[i:i + n]) for i in range(len(pred) - n + 1))
    b = Counter(tuple(ref[i:i + n]) for i in range(len(ref) - n + 1))
    return _f1(sum((a & b).values()), sum(a.values()), sum(b.values()))


def lcs(a: list[str], b: list[str]) -> int:
    if len(a) < len(b):
        a, b = b, a
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def rouge_l(pred: list[str], ref: list[str]) -> float:
    return _f1(lcs(pred, ref), len(pred), len(ref))


def rouge(pred_text: str, ref_text: str) -> dict[str, float]:
    p, r = tokenize(pred_text), tokenize(ref_text)
    return {"rouge1": rouge_n(p, r, 1), "rouge2": rouge_n(p, r, 2), "rougeL": rouge_l(p, r)}


@dataclass(frozen=True, slots=True)
class Item:
    name: str
    article: Article
    reference: str


def read_bbc(path: Path, *, limit: int | None = None, split: str = "all") -> list[Item]:
    from ..ingest.article import Defaults, ItemFailure, make_article

    arts, sums = path / "News_Articles", path / "Summaries"
    per_cat = [sorted(d.glob("*.txt")) for d in sorted(arts.iterdir()) if d.is_dir()]
    order: list[Path] = []
    for i in range(max((len(c) for c in per_cat), default=0)):
        order.extend(c[i] for c in per_cat if i < len(c))
    from .split import select

    order = select(order, lambda f: f"{f.parent.name}/{f.name}", split)
    items = []
    for f in order:
        if limit is not None and len(items) >= limit:
            break
        ref = sums / f.parent.name / f.name
        if not ref.exists():
            continue
        raw = f.read_text(encoding="utf-8", errors="replace")
        lines = [ln for ln in raw.splitlines() if ln.strip()]
        if len(lines) < 2:
            continue
        try:
            a = make_article(title=lines[0], paragraphs=lines[1:], origin=str(f), source="bbc",
                             defaults=Defaults(require_date=False))
        except ItemFailure:
            continue
        items.append(Item(f"{f.parent.name}/{f.stem}", a, ref.read_text(encoding="utf-8", errors="replace")))
    return items


def run(path: Path, *, limit: int | None = None, split: str = "all") -> EvalResult:
    from ..nlp.build import build_nlp
    from ..nlp.context import Context
    from ..nlp.summary import lead, summarize

    items = read_bbc(Path(path), limit=limit, split=split)
    nlp = build_nlp()
    keys = ("rouge1", "rouge2", "rougeL")
    ours: Counter = Counter()
    base: Counter = Counter()
    wins = 0
    for doc, item in nlp.pipe(((i.article.text, i) for i in items), as_tuples=True, batch_size=32):
        ctx = Context(doc=doc, article=item.article, resources=None)
        s = summarize(ctx)
        o = rouge(" ".join(x.text for x in s.sentences), item.reference)
        b = rouge(" ".join(x.text for x in lead(doc, item.article)), item.reference)
        ours.update(o)
        base.update(b)
        wins += o["rouge2"] > b["rouge2"]
    n = max(len(items), 1)
    metrics: dict[str, float | int] = {k: round(ours[k] / n, 4) for k in keys}
    metrics.update({f"lead3_{k}": round(base[k] / n, 4) for k in keys})
    metrics.update({f"gain_{k}": round((ours[k] - base[k]) / n, 4) for k in keys})
    metrics["articles"] = len(items)
    metrics["rouge2_wins_share"] = round(wins / n, 4)
    return EvalResult("summaries", len(items), metrics)
