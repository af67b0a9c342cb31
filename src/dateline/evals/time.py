"""Task `time`: TimeML documents with creation times, scored like TempEval-3 Task A (timex part).

Each ``*.tml`` file (searched recursively, so TBAQ-cleaned's AQUAINT and TimeBank folders both
count) gives a document creation time (DCT) and TIMEX3 annotations in its TEXT. Dateline reads the
text with the DCT as the published date; predicted mentions are aligned one-to-one to gold TIMEX3
by character overlap. Metrics, as TE3 defines them:

- ``strict_f1``: same extent; ``relaxed_f1``: any overlap;
- ``value_f1``, ``type_f1``: attribute F1 over relaxed matches, i.e. precision = matches with the
  same value (type) / predicted, recall = the same / gold.

The DCT itself is not scored: systems were handed it, so it would only add free matches. TIMEX3 has
no range values, so a range with both ends written out ("from Aug. 26 to Oct. 20") counts as the two
TIMEX3 TimeML annotates, and one written as a unit ("Jan. 7-10") by its first value.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .registry import EvalResult

_DCT = re.compile(r"<DCT>\s*<TIMEX3\b[^>]*?\bvalue=\"([^\"]+)\"", re.S)
_TEXT = re.compile(r"<TEXT>(.*)</TEXT>", re.S)
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>|([^<]+)")
_ATTR = re.compile(r"(\w+)=\"([^\"]*)\"")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    name: str
    dct: str
    text: str
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: Path) -> TimeMLDoc:
    """Text and TIMEX3 spans of one TimeML file; offsets point into the tag-free text."""
    src = path.read_text(encoding="utf-8", errors="replace")
    dct_m, body_m = _DCT.search(src), _TEXT.search(src)
    if body_m is None:
        raise ValueError(f"{path.name}: no <TEXT> element")
    pieces: list[str] = []
    pos = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    out: list[GoldTimex] = []
    for m in _TAG.finditer(body_m.group(1)):
        if m.group(4) is not None:
            s = html.unescape(m.group(4))
            pieces.append(s)
            pos += len(s)
        elif m.group(2) == "TIMEX3":
            if not m.group(1):
                open_timex.append((pos, dict(_ATTR.findall(m.group(3)))))
            elif open_timex:
                start, attrs = open_timex.pop()
                out.append(GoldTimex(start, pos, "", attrs.get("type", ""), attrs.get("value", "")))
    text = "".join(pieces)
    # Line breaks inside a paragraph would start sentences mid-clause (Dateline reads a line as a
    # paragraph); a space keeps every offset where it was.
    text = re.sub(r"(?<!\n)\n(?!\n)", " ", text)
    golds = tuple(GoldTimex(g.start, g.end, text[g.start:g.end], g.type, g.value) for g in out)
    return TimeMLDoc(path.stem, dct_m.group(1) if dct_m else "", text, golds)


def documents(path: Path) -> list[Path]:
    return sorted(path.rglob("*.tml")) if path.is_dir() else [path]


def predict(docs: list[TimeMLDoc], *, batch_size: int = 16) -> list[tuple]:
    """Dateline's date mentions for each document, read with its DCT as the published date."""
    from ..model import Article
    from ..model.ids import article_id
    from ..nlp.build import build_nlp
    from ..nlp.context import Context
    from ..nlp.dates import extract_dates

    nlp = build_nlp()
    out = []
    for d, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=batch_size)):
        article = Article(id=article_id(d.text), text=d.text, published=d.dct[:10] or None, origin=d.name)
        out.append(extract_dates(Context(doc=doc, article=article, resources=None)))
    return out


@dataclass(frozen=True, slots=True)
class PredTimex:
    """A predicted TIMEX3: a date mention, or one end of a range mention."""

    start: int
    end: int
    text: str
    value: str
    type: str
    rule: str


_CONNECTOR = re.compile(r"\s*(?:-|–|—|/)\s*|\s+(?:to|through|thru|until|till|and)\s+", re.I)


def as_timex3(mentions) -> list[PredTimex]:
    """The TIMEX3 annotations Dateline's mentions stand for. TIMEX3 has no range value, so a range
    with both ends written out ("from Aug. 26 to Oct. 20", "between 1994 and 1997") is two TIMEX3,
    one per end, as TimeML annotates it; a range written as one ("Jan. 7-10") keeps its first value."""
    out: list[PredTimex] = []
    for m in mentions:
        s, e, text = m.span.start, m.span.end, m.span.text
        if "/" in m.value and not m.value.startswith("P"):
            first, _, last = m.value.partition("/")
            cut = next((c for c in _CONNECTOR.finditer(text) if c.start() > 0 and re.search(r"[A-Za-z]", text[c.end():])
                        and re.search(r"[A-Za-z]", text[:c.start()])), None)
            if cut is not None:
                out.append(PredTimex(s, s + cut.start(), text[:cut.start()], first, m.type, m.rule))
                out.append(PredTimex(s + cut.end(), e, text[cut.end():], last, m.type, m.rule))
                continue
            yrs = re.fullmatch(r"(\d{4})(\s*(?:-|–|to|through|until)\s*)(\d{2,4})", text)
            if yrs:
                out.append(PredTimex(s, s + len(yrs[1]), yrs[1], first, m.type, m.rule))
                out.append(PredTimex(e - len(yrs[3]), e, yrs[3], last, m.type, m.rule))
                continue
            out.append(PredTimex(s, e, text, first, m.type, m.rule))
            continue
        out.append(PredTimex(s, e, text, m.value, m.type, m.rule))
    return out


def canonical(value: str) -> str:
    """Spelling differences that are not differences: "2000-W7" is "2000-W07"."""
    v = value.strip().upper()
    v = re.sub(r"-W(\d)(?!\d)", r"-W0\1", v)
    return v


def align(gold: tuple[GoldTimex, ...], pred: tuple) -> list[tuple[GoldTimex, Any]]:
    """One-to-one pairs by overlap, the largest overlaps first."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > 0:
                cands.append((-ov, i, j))
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in sorted(cands):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((gold[i], pred[j]))
    return pairs


def _f1(hit: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = hit / n_pred if n_pred else 0.0
    r = hit / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(path: Path, *, limit: int | None = None, split: str = "all") -> EvalResult:
    from .split import select

    files = select(documents(path), lambda f: f.name, split)
    if limit:
        files = files[:limit]
    docs = [read_timeml(f) for f in files]
    preds = predict(docs)
    n_gold = n_pred = strict = relaxed = value_ok = type_ok = 0
    misses: list[str] = []
    wrong = Counter()
    by_rule: dict[str, list[int]] = {}  # rule -> [right value, wrong value, spurious]
    for d, mentions in zip(docs, preds):
        pred = as_timex3(mentions)
        n_gold += len(d.timexes)
        n_pred += len(pred)
        pairs = align(d.timexes, pred)
        matched_p = {id(p) for _, p in pairs}
        for g, p in pairs:
            relaxed += 1
            strict += (g.start, g.end) == (p.start, p.end)
            same_value = canonical(p.value) == canonical(g.value)
            value_ok += same_value
            type_ok += p.type == g.type
            by_rule.setdefault(_rule_head(p.rule), [0, 0, 0])[0 if same_value else 1] += 1
            if not same_value:
                wrong[p.rule.split(";")[0]] += 1
                misses.append(f"value {d.name} [{d.dct[:10]}] {g.text!r}: gold {g.value} ({g.type}), "
                              f"got {p.value} ({p.type}, {p.rule})")
        matched_g = {(g.start, g.end) for g, _ in pairs}
        for g in d.timexes:
            if (g.start, g.end) not in matched_g:
                misses.append(f"missed {d.name} [{d.dct[:10]}] {g.text!r} {g.value} ({g.type})")
        for p in pred:
            if id(p) not in matched_p:
                by_rule.setdefault(_rule_head(p.rule), [0, 0, 0])[2] += 1
                misses.append(f"spurious {d.name} [{d.dct[:10]}] {p.text!r} -> {p.value} ({p.rule})")
    metrics: dict[str, float | int] = {}
    for name, hit in (("strict", strict), ("relaxed", relaxed), ("value", value_ok), ("type", type_ok)):
        p, r, f = _f1(hit, n_pred, n_gold)
        metrics.update({f"{name}_precision": round(p, 4), f"{name}_recall": round(r, 4), f"{name}_f1": round(f, 4)})
    metrics.update(gold=n_gold, predicted=n_pred, documents=len(docs))
    return EvalResult("time", len(docs), metrics,
                      {"misses": misses, "wrong_value_by_rule": dict(wrong.most_common()),
                       "by_rule": dict(sorted(by_rule.items(), key=lambda kv: -sum(kv[1])))})


def _rule_head(rule: str) -> str:
    """The pattern a rule string starts with: "weekday:past;mod=END" -> "weekday"."""
    return re.split(r"[:;+]", rule, maxsplit=1)[0]
