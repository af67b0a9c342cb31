"""Task `coref`: the product's within-article coreference (``nlp.coref``) on WikiEvents articles.

Gold: the documents file (JSONL: doc_id, tokens, text, entity_mentions with token spans) and the
clusters of the same name in ``coref/`` beside it (``coref/dev.jsonlines``: doc_key, clusters of
entity-mention ids). Only clusters of two or more mentions are listed there, so, as in the CoNLL-2012
evaluations, singletons are scored on neither side: the key is the listed clusters, the response our
clusters of two or more mentions. Documents are split into tune and check halves by doc_id.

Each document's text, exactly as given, is parsed and read by the product's entity, date, place and
quote extractors with their defaults, and ``nlp.coref.clusters`` gives the response.

Our mentions are aligned one-to-one to gold mentions, in three passes, each taking only mentions
still free: the same character span; then our head word (the parse's root of our span) inside the
gold span; then the gold head word (``wikievents.head_index``) inside our span. A response mention
aligned to nothing keeps an id of its own (a twinless mention: it costs precision, as in the reference
scorer); so does a gold mention we never found (it costs recall).

Mention classes, for the scores restricted to named and nominal mentions: a gold mention is
*pronominal* when its head word is a pronoun for the parse (PRON, or a relative or locative word such
as "who", "which", "there"), *named* when the head is a proper noun or a capitalised adjective (a
nationality: "Russian"), else *nominal*. The restricted scores drop the pronominal gold mentions, the
response mentions aligned to them and our own pronoun links, then singletons on both sides.

Metrics: ``muc_f1``, ``b3_f1``, ``ceaf_e_f1`` and their mean ``conll_f1`` (with precision and
recall), over all mentions and over named and nominal ones (``nn_`` prefix). Scores are corpus-level:
every document's clusters go into one partition (ids carry the doc_id), which sums each metric's
numerators and denominators over documents. Details: precision of our links by rule (a link is right
when it and its antecedent align to mentions of one gold cluster) and, for the tune half, the wrong
and missed links to look at.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..model import Article
from ..model.ids import article_id
from .coref_scores import coref_scores
from .registry import EvalResult
from .split import select
from .wikievents import head_index, published_from_id, token_offsets

PRONOMINAL_WORDS = frozenset({"who", "whom", "whose", "which", "that", "there", "here", "where"})


@dataclass(frozen=True, slots=True)
class GoldMention:
    id: str
    start: int
    end: int
    head: tuple[int, int]  # character span of the head word
    text: str


@dataclass(frozen=True, slots=True)
class CorefDoc:
    doc_id: str
    text: str
    published: str
    mentions: tuple[GoldMention, ...]
    clusters: tuple[tuple[str, ...], ...]


def read_docs(path: Path) -> list[CorefDoc]:
    path = Path(path)
    coref = path.parent / "coref" / f"{path.stem}.jsonlines"
    if not coref.exists():
        raise FileNotFoundError(f"no coreference clusters at {coref} (expected beside {path.name})")
    clusters: dict[str, list[list[str]]] = {}
    for n, line in enumerate(coref.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                row = json.loads(line)
                clusters[row["doc_key"]] = row["clusters"]
            except (ValueError, KeyError) as e:
                raise ValueError(f"{coref}:{n}: not a clusters line ({e})") from None
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            out.append(_gold_doc(raw, clusters.get(raw["doc_id"], [])))
        except (ValueError, KeyError) as e:
            raise ValueError(f"{path}:{n}: not a WikiEvents document ({e})") from None
    return out


def _gold_doc(raw: dict, clusters: list[list[str]]) -> CorefDoc:
    tokens, text = raw["tokens"], raw["text"]
    offs = token_offsets(tokens, text)
    mentions = []
    for m in raw["entity_mentions"]:
        s, e = m["start"], m["end"]
        head = offs[s + head_index(tokens[s:e])]
        mentions.append(GoldMention(m["id"], offs[s][0], offs[e - 1][1], head, text[offs[s][0]:offs[e - 1][1]]))
    known = {m.id for m in mentions}
    kept = tuple(tuple(x for x in c if x in known) for c in clusters)
    return CorefDoc(raw["doc_id"], text, published_from_id(raw["doc_id"]), tuple(mentions),
                    tuple(c for c in kept if len(c) > 1))


# -- alignment and mention classes (pure over a parsed doc) ------------------------------------------------

def align(gold: tuple[GoldMention, ...], ours: list[tuple[int, int, tuple[int, int]]]) -> dict[int, str]:
    """Our mention index -> gold mention id; ``ours`` holds (start, end, head span) per mention."""
    got: dict[int, str] = {}
    taken: set[str] = set()

    def inside(a: tuple[int, int], s: int, e: int) -> bool:
        return s <= a[0] and a[1] <= e

    tests = (lambda o, g: (o[0], o[1]) == (g.start, g.end),
             lambda o, g: inside(o[2], g.start, g.end),
             lambda o, g: inside(g.head, o[0], o[1]))
    for test in tests:
        for j, o in enumerate(ours):
            if j in got:
                continue
            g = next((g for g in gold if g.id not in taken and test(o, g)), None)
            if g is not None:
                got[j] = g.id
                taken.add(g.id)
    return got


def mention_class(doc, m: GoldMention) -> str:
    """named, nominal or pronominal, by the parse's reading of the head word (module docstring)."""
    span = doc.char_span(m.head[0], m.head[1], alignment_mode="expand")
    if span is None or not len(span):
        return "nominal"
    tok = span[-1]
    if tok.pos_ == "PRON" or tok.lower_ in PRONOMINAL_WORDS:
        return "pronominal"
    if tok.pos_ == "PROPN" or (tok.pos_ == "ADJ" and tok.text[:1].isupper()):
        return "named"
    return "nominal"


# -- one document ----------------------------------------------------------------------------------------------

def score_inputs(cdoc: CorefDoc, doc, clusters) -> tuple[list, list, list, list, list[dict]]:
    """(key, response, nn key, nn response, links) of one document, ids prefixed with its doc_id."""
    ours, kinds, where = [], [], []
    for ci, c in enumerate(clusters):
        for link in c.links:
            span = doc.char_span(link.span.start, link.span.end, alignment_mode="expand")
            root = span.root if span is not None and len(span) else None
            head = (root.idx, root.idx + len(root.text)) if root is not None else (link.span.start, link.span.end)
            ours.append((link.span.start, link.span.end, head))
            kinds.append(link.kind)
            where.append((ci, link))
    aligned = align(cdoc.mentions, ours)
    classes = {m.id: mention_class(doc, m) for m in cdoc.mentions}
    did = cdoc.doc_id

    def rid(j: int) -> tuple:
        return (did, aligned[j]) if j in aligned else (did, "ours", ours[j][0], ours[j][1])

    key = [[(did, x) for x in c] for c in cdoc.clusters]
    response: list[list] = [[] for _ in clusters]
    nn_response: list[list] = [[] for _ in clusters]
    for j, (ci, _) in enumerate(where):
        response[ci].append(rid(j))
        pronoun = classes.get(aligned[j]) == "pronominal" if j in aligned else kinds[j] in ("pronoun", "relative")
        if not pronoun:
            nn_response[ci].append(rid(j))
    nn_key = [[(did, x) for x in c if classes[x] != "pronominal"] for c in cdoc.clusters]
    gold_cluster = {x: k for k, c in enumerate(cdoc.clusters) for x in c}
    by_span = {(link.span.start, link.span.end): j for j, (_, link) in enumerate(where)}
    links = []
    for j, (ci, link) in enumerate(where):
        if link.antecedent is None:
            continue
        a = by_span.get((link.antecedent.start, link.antecedent.end))
        g1, g2 = aligned.get(j), aligned.get(a) if a is not None else None
        right = g1 is not None and g2 is not None and g1 in gold_cluster and gold_cluster.get(g2) == gold_cluster[g1]
        why = "" if right else " [not annotated]" if g1 is None or g2 is None else " [other gold entities]"
        links.append({"rule": _rule_kind(link), "right": right, "line": f"{did}: {link.kind} {link.span.text!r} -> "
                      f"{link.antecedent.text!r} ({link.rule}){why}"})
    return (key, [c for c in response if len(c) > 1], [c for c in nn_key if len(c) > 1],
            [c for c in nn_response if len(c) > 1], links)


def _rule_kind(link) -> str:
    """The rule a link was made by, without the names in its words."""
    r = link.rule
    for kind in ("the same name again", "another form of the name", "short form", "surname of", "short name in "
                 "brackets", "title of", "office noun", "in apposition", "nationality adjective", "the same noun",
                 "the last word of the name", "is the place called", "own country", "is the office of",
                 "stands for", "relative pronoun", "in the words quoted", "reflexive", "the only",
                 "the subject of its sentence", "the subject of the sentence before", "goes on with",
                 "full name of the person", "initials of"):
        if kind in r:
            return f"{link.kind}: {kind}"
    return link.kind


def missed_links(cdoc: CorefDoc, clusters, doc) -> list[str]:
    """Gold mentions of a cluster that no response mention aligned to, with the cluster's first mention."""
    ours = []
    for c in clusters:
        for link in c.links:
            span = doc.char_span(link.span.start, link.span.end, alignment_mode="expand")
            root = span.root if span is not None and len(span) else None
            ours.append((link.span.start, link.span.end,
                         (root.idx, root.idx + len(root.text)) if root is not None else (link.span.start, link.span.end)))
    found = set(align(cdoc.mentions, ours).values())
    by_id = {m.id: m for m in cdoc.mentions}
    out = []
    for c in cdoc.clusters:
        first = min((by_id[x] for x in c), key=lambda m: m.start)
        for x in c:
            m = by_id[x]
            if x not in found and m is not first:
                out.append(f"{cdoc.doc_id}: missed {m.text!r} ({mention_class(doc, m)}) of the cluster of {first.text!r}")
    return out


# -- the task --------------------------------------------------------------------------------------------------

def _analysed(docs: list[CorefDoc]):
    """(gold doc, spaCy doc, clusters) for each document, through the product's own extractors."""
    from ..nlp.build import build_nlp, model_version
    from ..nlp.coref import clusters
    from ..nlp.resources import default_resources
    from ..pipeline import analyze_doc, default_extractors

    nlp = build_nlp()
    res = default_resources()
    wanted = ("entities", "dates", "places", "coref", "quotes")  # what coreference reads; events are not needed
    extractors = tuple(e for e in default_extractors() if e.slot in wanted)
    prov = {"model": model_version(nlp)}
    arts = [Article(id=article_id(d.text), text=d.text, published=d.published, origin=d.doc_id) for d in docs]
    for d, art, doc in zip(docs, arts, nlp.pipe([a.text for a in arts], batch_size=8)):
        a = analyze_doc(doc, art, extractors=extractors, resources=res, provenance=prov, nlp=nlp)
        yield d, doc, clusters(doc, a.entities, a.quotes, res), a.errors


def run(path: Path, *, limit: int | None = None, split: str = "all") -> EvalResult:
    docs = select(read_docs(path), lambda d: d.doc_id, split)
    if limit:
        docs = docs[:limit]
    key, resp, nn_key, nn_resp, links, missed, errors = [], [], [], [], [], [], []
    for d, doc, cl, errs in _analysed(docs):
        errors += [f"{d.doc_id}: {e.stage}: {e.message}" for e in errs]
        k, r, nk, nr, lk = score_inputs(d, doc, cl)
        key += k
        resp += r
        nn_key += nk
        nn_resp += nr
        links += lk
        if split == "tune":
            missed += missed_links(d, cl, doc)
    metrics = {k: round(v, 4) for k, v in coref_scores(key, resp).items()}
    metrics.update({f"nn_{k}": round(v, 4) for k, v in coref_scores(nn_key, nn_resp).items()})
    by_rule: dict[str, Counter] = {}
    for lk in links:
        by_rule.setdefault(lk["rule"], Counter()).update(n=1, right=int(lk["right"]))
    details = {
        "documents": len(docs),
        "gold_clusters": len(key), "response_clusters": len(resp),
        "link_precision_by_rule": {r: {"links": c["n"], "right": c["right"], "precision": round(c["right"] / c["n"], 3)}
                                   for r, c in sorted(by_rule.items())},
        "errors": errors,
    }
    if split == "tune":  # only the tune half's misses are for reading (evals.split)
        details["wrong_links"] = [lk["line"] for lk in links if not lk["right"]]
        details["missed_mentions"] = missed
    return EvalResult("coref", sum(len(c) for c in key), metrics, details)
