"""Task `ner`: entity-level micro-F1 on CoNLL-2003 columns (IOB1 or IOB2).

Label mapping from spaCy's OntoNotes labels to CoNLL's four:
PERSON -> PER; ORG -> ORG; GPE, LOC, FAC -> LOC; NORP, EVENT, WORK_OF_ART, LAW, LANGUAGE, PRODUCT -> MISC;
DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL, CARDINAL are not scored (CoNLL has no such class).
Predictions are Dateline's cleaned name spans (leading "the" and trailing "'s" removed, coordinated
names split), the same spans the entity extractor groups.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .registry import EvalResult

LABEL_MAP = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC", "PRODUCT": "MISC",
}


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences as (words, tags); the tag is the last column."""
    sentences, words, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if words:
                sentences.append((words, tags))
            words, tags = [], []
            continue
        words.append(cols[0])
        tags.append(cols[-1])
    if words:
        sentences.append((words, tags))
    return sentences


def spans_from_tags(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, label) token spans; handles IOB1 (I- may open a span) and IOB2."""
    spans, start, label = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, lab = tag.partition("-")
        opens = prefix == "B" or (prefix == "I" and lab != label)
        if start is not None and (prefix == "O" or opens):
            spans.add((start, i, label))
            start, label = None, None
        if opens:
            start, label = i, lab
    return spans


def run(path: Path, *, limit: int | None = None, split: str = "all") -> EvalResult:
    from spacy.tokens import Doc

    from ..nlp.build import build_nlp
    from ..nlp.entities import name_spans

    nlp = build_nlp()
    from .split import select, sentence_key

    sentences = select(read_conll(path), lambda s: sentence_key(" ".join(s[0])), split)
    sentences = sentences[:limit] if limit else sentences
    docs = (Doc(nlp.vocab, words=w) for w, _ in sentences)
    tp, fp, fn = Counter(), Counter(), Counter()
    for (words, tags), doc in zip(sentences, nlp.pipe(docs, batch_size=64)):
        gold = spans_from_tags(tags)
        pred = set()
        for s in name_spans(doc):
            lab = LABEL_MAP.get(s.label)
            if lab:
                pred.add((s.tokens.start, s.tokens.end, lab))
        for g in gold:
            (tp if g in pred else fn)[g[2]] += 1
        for p in pred - gold:
            fp[p[2]] += 1
    metrics: dict[str, float | int] = {}
    for lab in ("PER", "ORG", "LOC", "MISC"):
        metrics[f"f1_{lab}"] = round(_f1(tp[lab], fp[lab], fn[lab]), 4)
    T, P, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    metrics.update(precision=round(T / (T + P), 4) if T + P else 0.0, recall=round(T / (T + N), 4) if T + N else 0.0,
                   f1=round(_f1(T, P, N), 4))
    return EvalResult("ner", len(sentences), metrics, {"label_map": LABEL_MAP})


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
