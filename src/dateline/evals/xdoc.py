"""Task `xdoc`: cross-document event coreference on ECB+ (the Cybulska-Vossen split).

Gold: a corpus file of the split (``ECB_Dev_corpus.txt``: doc_id, sentence, token, word, tags; only the
validated sentences) and beside it the split's event mentions (``ECB_Dev_Event_gold_mentions.json``:
doc_id, sent_id, token numbers, coref_chain). Topics are the number before ``_`` in a doc_id; gold
chains never cross topics, and every partition is scored within topics, all topics pooled. Topics are
split into tune and check halves by their number (``evals.split``).

Each document's sentences are written one a line (words joined by spaces, none before punctuation) and
parsed once with the product's spaCy pipeline.

* conll_f1 (the headline): our clustering (``dateline.xdoc.cluster``) of the gold mentions within each
  topic: mentions joined by lemma, word family or event-word group, weighted by how alike their
  documents are and what their sentences share (names, dates, numbers). MUC, B-cubed and CEAF-e P/R/F1
  beside it; singletons count.
* lemma_conll_f1: the baseline, the gold mentions of a topic clustered by the plain lemma of their
  trigger's head word (as the parser gives it).
* e2e_conll_f1: end to end. The product's pipeline analyses each document (``analyze_doc`` on the same
  parse, published date the placeholder 2000-01-01) and the triggers of the events a user is shown are
  the mentions, clustered as above. A predicted trigger stands for the gold mention whose tokens it
  overlaps (each gold mention taken once, the longest overlap first); every other predicted trigger
  is a mention the key lacks, and every gold mention no trigger found is one the response lacks, both
  scored as the reference scorer scores twinless mentions (``evals.coref_scores``). e2e_mention_recall
  and e2e_mention_precision say how many mentions were found. e2e_all_*: the same with every event the
  coder read, those under the default confidence included (``--min-confidence 0``). e2e_found_conll_f1:
  the shown triggers that found a gold mention, clustered, against the key cut to those mentions (how
  well what we find is grouped, apart from how much we find).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..xdoc.cluster import cluster_mentions
from ..xdoc.features import EventMention, doc_profile, event_mentions, mention_from_span
from .coref_scores import coref_scores
from .registry import EvalResult
from .split import select

PLACEHOLDER_DATE = "2000-01-01"
_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "!", "?", ")", "'s", "n't", "'", "''", "%"})
_NO_SPACE_AFTER = frozenset({"(", "``", "$"})
_QUOTES = {"``": '"', "''": '"'}

MentionId = tuple[str, int, tuple[int, ...]]  # doc_id, sentence number, token numbers


@dataclass(slots=True)
class XdocDoc:
    id: str
    sentences: list[tuple[int, list[str]]]  # (sentence number, words) in the file's order

    @property
    def topic(self) -> str:
        return self.id.split("_", 1)[0]


@dataclass(frozen=True, slots=True)
class GoldMention:
    id: MentionId
    chain: str

    @property
    def doc(self) -> str:
        return self.id[0]


# -- reading -------------------------------------------------------------------------------------------------

def mentions_path(corpus: Path) -> Path:
    """ECB_Dev_corpus.txt -> ECB_Dev_Event_gold_mentions.json beside it."""
    name = corpus.name
    if not name.endswith("_corpus.txt"):
        raise ValueError(f"{corpus}: expected an ECB+ corpus file named like ECB_Dev_corpus.txt")
    path = corpus.with_name(name.removesuffix("corpus.txt") + "Event_gold_mentions.json")
    if not path.exists():
        raise FileNotFoundError(f"no gold event mentions beside the corpus: {path}")
    return path


def read_corpus(path: Path) -> dict[str, XdocDoc]:
    docs: dict[str, XdocDoc] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) < 4 or not cols[1].isdigit() or not cols[2].isdigit():
            raise ValueError(f"{path}:{n}: expected doc_id, sentence, token, word and tags separated by tabs")
        doc = docs.setdefault(cols[0], XdocDoc(cols[0], []))
        sent = int(cols[1])
        if not doc.sentences or doc.sentences[-1][0] != sent:
            doc.sentences.append((sent, []))
        words = doc.sentences[-1][1]
        if int(cols[2]) != len(words):
            raise ValueError(f"{path}:{n}: token {cols[2]} out of order (expected {len(words)})")
        words.append(cols[3])
    return docs


def read_mentions(path: Path) -> list[GoldMention]:
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        return [GoldMention((r["doc_id"], int(r["sent_id"]), tuple(int(t) for t in r["tokens_number"])),
                            str(r["coref_chain"])) for r in rows]
    except (ValueError, KeyError, TypeError) as e:
        raise ValueError(f"{path}: not an ECB+ gold mention file ({type(e).__name__}: {e})") from None


def detokenize(doc: XdocDoc) -> tuple[str, dict[tuple[int, int], tuple[int, int]]]:
    """The document as text, one sentence a line, and each (sentence, token)'s character span."""
    parts: list[str] = []
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    pos = 0
    for s, (sent, words) in enumerate(doc.sentences):
        if s:
            parts.append("\n")
            pos += 1
        glue = True
        for i, word in enumerate(words):
            word = _QUOTES.get(word, word)
            if i and not glue and words[i] not in _NO_SPACE_BEFORE:
                parts.append(" ")
                pos += 1
            spans[sent, i] = (pos, pos + len(word))
            parts.append(word)
            pos += len(word)
            glue = words[i] in _NO_SPACE_AFTER
    return "".join(parts), spans


# -- scoring -------------------------------------------------------------------------------------------------

def by_topic(clusters: list[list[Hashable]]) -> list[list[Hashable]]:
    """Clusters cut at topic borders (a cluster never spans topics)."""
    out = []
    for c in clusters:
        parts: dict[str, list] = defaultdict(list)
        for m in c:
            parts[m[0].split("_", 1)[0]].append(m)
        out.extend(parts.values())
    return out


def gold_partition(mentions: list[GoldMention]) -> list[list[MentionId]]:
    chains: dict[str, list[MentionId]] = defaultdict(list)
    for m in mentions:
        chains[m.chain].append(m.id)
    return by_topic(list(chains.values()))


def _scores(prefix: str, key: list, response: list) -> dict[str, float]:
    s = coref_scores(key, response)
    names = ("conll_f1", "muc_f1", "b3_f1", "ceaf_e_f1") if not prefix else ("conll_f1",)
    if not prefix:
        names += ("muc_p", "muc_r", "b3_p", "b3_r", "ceaf_e_p", "ceaf_e_r")
    return {f"{prefix}{k}": round(s[k], 4) for k in names}


def lemma_clusters(mentions: list[EventMention]) -> list[list[Hashable]]:
    """The baseline: mentions of one topic and one trigger lemma are one event."""
    groups: dict[tuple[str, str], list[Hashable]] = defaultdict(list)
    for m in mentions:
        groups[m.doc.split("_", 1)[0], m.word or m.lemma].append(m.id)
    return list(groups.values())


# -- parsing -------------------------------------------------------------------------------------------------

@dataclass(slots=True)
class Parsed:
    doc: XdocDoc
    text: str
    spans: dict[tuple[int, int], tuple[int, int]]  # (sentence, token) -> character span
    parse: Any  # the spaCy Doc

    def char_span(self, mention: MentionId) -> tuple[int, int]:
        _, sent, tokens = mention
        return self.spans[sent, tokens[0]][0], self.spans[sent, tokens[-1]][1]


def parse_docs(docs: list[XdocDoc], nlp: Any) -> list[Parsed]:
    texts = [detokenize(d) for d in docs]
    return [Parsed(d, text, spans, parse)
            for d, (text, spans), parse in zip(docs, texts, nlp.pipe([t for t, _ in texts], batch_size=32))]


def gold_event_mentions(parsed: dict[str, Parsed], gold: list[GoldMention]) -> list[EventMention]:
    out = []
    for g in gold:
        p = parsed[g.doc]
        start, end = p.char_span(g.id)
        out.append(mention_from_span(g.id, g.doc, p.parse.char_span(start, end, alignment_mode="expand")))
    return out


# -- end to end ----------------------------------------------------------------------------------------------

def predicted_mentions(p: Parsed, nlp: Any, extractors: Any, resources: Any) -> tuple[list[EventMention], list]:
    """The triggers of the events our pipeline codes in one document (``xdoc.features.event_mentions``),
    with ids ``(doc_id, -1, (start, end))``, and the analysis's errors. ``EventMention.text`` keeps
    whether a user is shown the event: ``shown`` or ``hidden`` (below the default confidence)."""
    from ..config import DEFAULT_MIN_CONFIDENCE
    from ..model import Article
    from ..model.ids import article_id
    from ..pipeline import analyze_doc

    article = Article(id=article_id(p.text), text=p.text, published=PLACEHOLDER_DATE, origin=f"ecbplus:{p.doc.id}")
    a = analyze_doc(p.parse, article, extractors=extractors, resources=resources, provenance={}, nlp=nlp)
    shown = {(e.evidence.trigger.start, e.evidence.trigger.end) for e in a.events
             if e.confidence >= DEFAULT_MIN_CONFIDENCE}
    out = [replace(m, id=(p.doc.id, -1, m.id[1:]), text="shown" if m.id[1:] in shown else "hidden")
           for m in event_mentions(a.events, p.parse, p.doc.id)]
    return out, [f"{p.doc.id}: {err.stage}: {err.message}" for err in a.errors]


def align(p: Parsed, gold_ids: list[MentionId], predicted: list[EventMention]) -> list[EventMention]:
    """Predicted mentions renamed to the gold mention they overlap most (one-to-one, longest overlap first);
    the others keep their own ids, which the key lacks."""
    pairs = []
    for i, m in enumerate(predicted):
        ps, pe = m.id[2]
        for g in gold_ids:
            gs, ge = p.char_span(g)
            overlap = min(pe, ge) - max(ps, gs)
            if overlap > 0:
                pairs.append((-overlap, i, g))
    renamed, used = {}, set()
    for _, i, g in sorted(pairs):
        if i not in renamed and g not in used:
            renamed[i] = g
            used.add(g)
    out = []
    for i, m in enumerate(predicted):
        if i in renamed:
            m = replace(m, id=renamed[i])
        out.append(m)
    return out


def _end_to_end(parsed: list[Parsed], gold: list[GoldMention], nlp: Any, profiles: list) -> tuple[dict, dict]:
    from ..nlp.resources import default_resources
    from ..pipeline import default_extractors

    extractors, resources = default_extractors(), default_resources()
    by_doc: dict[str, list[MentionId]] = defaultdict(list)
    for g in gold:
        by_doc[g.doc].append(g.id)
    found: list[EventMention] = []
    errors: list[str] = []
    for p in parsed:
        ms, errs = predicted_mentions(p, nlp, extractors, resources)
        found += align(p, by_doc[p.doc.id], ms)
        errors += errs
    key, gold_ids = gold_partition(gold), {g.id for g in gold}
    metrics: dict[str, float] = {}
    details: dict[str, Any] = {"errors": errors}
    # the events a user is shown, and every event the coder read (--min-confidence 0)
    for prefix, mentions in (("e2e_", [m for m in found if m.text == "shown"]), ("e2e_all_", found)):
        hits = sum(1 for m in mentions if m.id in gold_ids)
        metrics.update(_scores(prefix, key, cluster_mentions(mentions, profiles)))
        metrics[f"{prefix}mention_recall"] = round(hits / len(gold_ids), 4) if gold_ids else 0.0
        metrics[f"{prefix}mention_precision"] = round(hits / len(mentions), 4) if mentions else 0.0
        details[f"{prefix}mentions"] = len(mentions)
    # how well our triggers are grouped, apart from how many were found: the key cut to the found mentions
    shown = [m for m in found if m.text == "shown" and m.id in gold_ids]
    shown_ids = {m.id for m in shown}
    found_key = [[i for i in c if i in shown_ids] for c in key]
    metrics["e2e_found_conll_f1"] = _scores("", found_key, cluster_mentions(shown, profiles))["conll_f1"]
    return metrics, details


# -- the task ------------------------------------------------------------------------------------------------

def run(path: Path, *, limit: int | None = None, split: str = "all", end_to_end: bool = True) -> EvalResult:
    """Score on the ECB+ corpus file at ``path``; ``limit`` keeps the first N topics of the split;
    ``--set end_to_end=false`` skips the pipeline run."""
    from ..nlp.build import build_nlp

    gold_all = read_mentions(mentions_path(path))
    docs = read_corpus(path)
    topics = select(sorted({d.topic for d in docs.values()}, key=lambda t: (len(t), t)), lambda t: t, split)
    if limit:
        topics = topics[:limit]
    keep = set(topics)
    docs_kept = [d for d in docs.values() if d.topic in keep]
    gold = [g for g in gold_all if g.doc.split("_", 1)[0] in keep]
    unknown = {g.doc for g in gold} - {d.id for d in docs_kept}
    if unknown:
        raise ValueError(f"{path}: gold mentions of documents the corpus lacks: {sorted(unknown)[:3]}")
    nlp = build_nlp()
    parsed = parse_docs(docs_kept, nlp)
    profiles = [doc_profile(p.doc.id, p.parse, p.doc.topic) for p in parsed]
    mentions = gold_event_mentions({p.doc.id: p for p in parsed}, gold)
    key = gold_partition(gold)
    metrics = _scores("", key, cluster_mentions(mentions, profiles))
    metrics.update(_scores("lemma_", key, lemma_clusters(mentions)))
    details: dict[str, Any] = {"topics": topics, "documents": len(docs_kept), "gold_clusters": len(key)}
    if end_to_end:
        e2e, more = _end_to_end(parsed, gold, nlp, profiles)
        metrics.update(e2e)
        details.update(more)
    return EvalResult("xdoc", len(gold), metrics, details)
