"""Task `events-wikievents`: our PLOVER events on whole news articles annotated with KAIROS events.

Gold: WikiEvents (JSONL, one document a line: doc_id, tokens, text, entity_mentions, event_mentions with a
token-span trigger, a KAIROS event_type and arguments naming an entity mention and a role). Coreference
clusters are read from ``coref/<stem>.jsonlines`` beside the file when it is there. Documents are split
into tune and check halves by doc_id (``evals.split``).

Each document's text, exactly as given, is one Article run through the product's pipeline with its
defaults; its published date is the date in the doc_id where there is one (VOA ids carry YYYY.MM.DD),
else the placeholder 2000-01-01. Only the events a user is shown count (``evals.events.shown``).

KAIROS types are read as PLOVER through ``ontology/data/kairos2plover.tsv``; gold events of types the
table leaves out are not scored (their count is reported as ``left_out_gold``). Our events are event
mentions by (trigger span, type): two events on one trigger with one type (A->B and B->A) are one
mention, and every actor and recipient of them is kept.

What is scored, on both sides, is the mapped types: gold events of the KAIROS types the table maps, and
our mentions of the PLOVER types some mapped KAIROS type maps to. Our mentions of other PLOVER types
(SUPPORT, AGREE...) cannot be judged against this gold and are left out of precision (``unjudged_pred``).
Every mention of a scored type counts, wherever it is: one on the trigger of a gold event of an unmapped
type (ASSAULT on "killed", which KAIROS types Life.Die) or on words the annotators left unmarked is a
false positive like any other (``pred_on_unmapped_gold`` counts the first kind). Matching is one-to-one
(a maximum matching), so two of our mentions on one gold event score one hit and one false positive.

* trigger_f1 (the headline), trigger_precision, trigger_recall: a mention matches a gold event when the
  head word of our trigger (its first word: "blew up", "carried out") begins inside the gold trigger's
  span and the PLOVER types agree; a long trigger of ours that only reaches into the gold word does not
  match. trigger_id_f1: the same with any type.
* agent_f1 / target_f1: Arg-C style. A gold argument is (event, side, entity) for every role the table
  makes the actor or the recipient (a reciprocal role gives both). Ours is (mention, side, span) for the
  actor and the recipient span of each mention, duplicates dropped. They match when the mentions'
  triggers match (as above) with the same type, the sides agree and our span contains the head word of the gold
  entity: of its annotated mention, or of any mention coreferent with it in the gold trigger's
  sentence. The head of a mention is its last word before a preposition, comma or relative pronoun
  ("leader of the group" -> leader). Arguments of a mention that matches no gold event are false
  positives. agent_mention_f1 / target_mention_f1 accept only the annotated mention.
* per_type (details): trigger P/R/F1 by PLOVER type. mode_agreement: share of typed matches whose gold
  type implies a mode where our mode is that mode.
* pred_on_unmapped_gold: how many of our judged false positives sit on the trigger of a gold event of
  an unmapped type ("killed" is KAIROS Life.Die, and PLOVER would code the killing as ASSAULT).

PLOVER types that KAIROS covers only in part (ACCUSE: charges and investigations, not criticism;
COERCE: arrests and blocked passage; RETREAT: releases; AID: donations) lose precision on events KAIROS
does not annotate; per_type shows where.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..model import Article, Event
from ..model.ids import article_id
from ..ontology.kairos import KairosMapping, default_kairos_map
from .events import shown
from .registry import EvalResult
from .split import select

PLACEHOLDER_DATE = "2000-01-01"
# a head ends before these: "leader of the group", "Smith, a lawyer", "men who fled"
_HEAD_STOPS = frozenset({"of", "in", "at", "on", "from", "for", "with", "by", "near", "to", "who", "whom",
                         "whose", "which", "that", ",", "(", "-", "–", "—"})


@dataclass(frozen=True, slots=True)
class GoldArg:
    side: str  # "actor" or "recipient"
    mention: str  # the annotated entity mention's id
    head: tuple[int, int]  # character span of the annotated mention's head word
    heads: tuple[tuple[int, int], ...]  # that head and those of coreferent mentions in the trigger's sentence


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    kairos: str
    plover: str | None  # None: a type the table leaves out
    mode: str | None
    start: int
    end: int
    trigger: str
    args: tuple[GoldArg, ...] = ()


@dataclass(frozen=True, slots=True)
class WikiDoc:
    doc_id: str
    text: str
    published: str
    events: tuple[GoldEvent, ...]


@dataclass(frozen=True, slots=True)
class Mention:
    """One of our event mentions: a trigger span and a PLOVER type, with the sides of its events."""

    type: str
    start: int
    end: int
    trigger: str
    mode: str | None = None
    actors: tuple[tuple[int, int], ...] = ()
    recipients: tuple[tuple[int, int], ...] = ()


# -- reading the gold ----------------------------------------------------------------------------------

def token_offsets(tokens: list[str], text: str) -> list[tuple[int, int]]:
    """Each token's character span in ``text``: tokens follow one another, with only spaces between."""
    out, pos = [], 0
    for i, tok in enumerate(tokens):
        at = text.find(tok, pos)
        if at < 0 or text[pos:at].strip():
            raise ValueError(f"token {i} {tok!r} is not next in the text after offset {pos}")
        out.append((at, at + len(tok)))
        pos = at + len(tok)
    return out


def head_index(words: list[str]) -> int:
    """Index of a phrase's head word: the last word before a preposition, comma or relative pronoun."""
    end = len(words)
    for i, w in enumerate(words[1:], start=1):
        if w.lower() in _HEAD_STOPS:
            end = i
            break
    for i in range(end - 1, -1, -1):
        possessive = words[i].lower() in ("'s", "’s") or (words[i] == "s" and i and words[i - 1] in ("'", "’"))
        if any(ch.isalnum() for ch in words[i]) and not possessive:
            return i
    return end - 1


def published_from_id(doc_id: str) -> str:
    """The YYYY.MM.DD (or YYYY-MM-DD) date in a document id as ISO, else the placeholder date."""
    m = re.search(r"(?<!\d)((?:19|20)\d\d)[._-](\d\d)[._-](\d\d)(?!\d)", doc_id)
    return f"{m[1]}-{m[2]}-{m[3]}" if m else PLACEHOLDER_DATE


def gold_doc(raw: dict, clusters: list[list[str]], kmap: dict[str, KairosMapping]) -> WikiDoc:
    tokens, text = raw["tokens"], raw["text"]
    try:
        offs = token_offsets(tokens, text)
    except ValueError as e:
        raise ValueError(f"{raw['doc_id']}: {e}") from None
    mentions = {m["id"]: m for m in raw["entity_mentions"]}
    cluster_of = {mid: tuple(c) for c in clusters for mid in c}

    def head(m: dict) -> tuple[int, int]:
        return offs[m["start"] + head_index(tokens[m["start"]:m["end"]])]

    events = []
    for ev in raw["event_mentions"]:
        trig = ev["trigger"]
        start, end = offs[trig["start"]][0], offs[trig["end"] - 1][1]
        mapping = kmap.get(ev["event_type"])
        args = []
        for a in ev["arguments"] if mapping else ():
            m = mentions[a["entity_id"]]
            near = [mentions[c] for c in cluster_of.get(m["id"], ()) if c in mentions and c != m["id"]
                    and mentions[c]["sent_idx"] == trig["sent_idx"]]
            heads = (head(m), *(head(c) for c in near))
            args += [GoldArg(side, m["id"], head(m), heads) for side in mapping.side(a["role"])]
        events.append(GoldEvent(ev["id"], ev["event_type"], mapping.plover if mapping else None,
                                mapping.mode if mapping else None, start, end, text[start:end],
                                tuple(dict.fromkeys(args))))
    return WikiDoc(raw["doc_id"], text, published_from_id(raw["doc_id"]), tuple(events))


def read_docs(path: Path, kmap: dict[str, KairosMapping] | None = None) -> list[WikiDoc]:
    path = Path(path)
    kmap = kmap if kmap is not None else default_kairos_map()
    coref = path.parent / "coref" / f"{path.stem}.jsonlines"
    clusters: dict[str, list[list[str]]] = {}
    if coref.exists():
        for line in coref.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                clusters[row["doc_key"]] = row["clusters"]
    raws = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [gold_doc(r, clusters.get(r["doc_id"], []), kmap) for r in raws]


# -- our mentions ----------------------------------------------------------------------------------------

def mentions_of(events: list[Event]) -> list[Mention]:
    """Events grouped into mentions by (trigger span, type), in text order."""
    groups: dict[tuple[int, int, str], list[Event]] = {}
    for e in events:
        t = e.evidence.trigger
        groups.setdefault((t.start, t.end, e.type), []).append(e)
    out = []
    for (start, end, typ), evs in sorted(groups.items()):
        actors = [(e.actor.span.start, e.actor.span.end) for e in evs
                  if e.actor.span is not None and e.actor.span.end > e.actor.span.start]
        recips = [(e.recipient.span.start, e.recipient.span.end) for e in evs
                  if e.recipient is not None and e.recipient.span is not None
                  and e.recipient.span.end > e.recipient.span.start]
        out.append(Mention(typ, start, end, evs[0].evidence.trigger.text, evs[0].mode,
                           tuple(dict.fromkeys(actors)), tuple(dict.fromkeys(recips))))
    return out


# -- scoring (pure) ----------------------------------------------------------------------------------------

def max_matching(n_left: int, n_right: int, ok: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of left to right items (augmenting paths); pairs in left order."""
    edges = [[j for j in range(n_right) if ok(i, j)] for i in range(n_left)]
    owner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or place(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(n_left):
        place(i, set())
    return sorted((i, j) for j, i in owner.items())


def _on(gold_start: int, gold_end: int, pred_start: int) -> bool:
    """Is our trigger on the gold one: its head word (our triggers start with it: "blew up", "carried
    out") begins inside the gold trigger's span? A long trigger of ours that only reaches into a gold
    word ("launched a series of attacks" over "attacks") is not on it."""
    return gold_start <= pred_start < gold_end


def match_triggers(gold: list[GoldEvent], pred: list[Mention], *, typed: bool = True) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs: our trigger on the gold one (``_on``) and, if ``typed``, the same PLOVER type."""
    return max_matching(len(gold), len(pred), lambda i, j: _on(gold[i].start, gold[i].end, pred[j].start)
                        and (not typed or gold[i].plover == pred[j].type))


def score_args(gold: list[GoldEvent], pred: list[Mention], side: str, *, mention_only: bool = False) -> Counter:
    """tp/fp/fn of one side's arguments (module docstring: Arg-C with head words)."""
    g_args = [(ev, a) for ev in gold for a in ev.args if a.side == side]
    p_args = list(dict.fromkeys((m.start, m.end, m.type, span) for m in pred
                                for span in (m.actors if side == "actor" else m.recipients)))

    def ok(i: int, j: int) -> bool:
        ev, arg = g_args[i]
        start, end, typ, (s, e) = p_args[j]
        heads = (arg.head,) if mention_only else arg.heads
        return (typ == ev.plover and _on(ev.start, ev.end, start)
                and any(s <= hs and he <= e for hs, he in heads))

    tp = len(max_matching(len(g_args), len(p_args), ok))
    return Counter(tp=tp, fp=len(p_args) - tp, fn=len(g_args) - tp)


def score_doc(doc: WikiDoc, pred: list[Mention], mapped_types: set[str]) -> dict[str, Counter]:
    """Every count of one document; ``pred`` are all our shown mentions."""
    gold = [e for e in doc.events if e.plover]
    unmapped = [e for e in doc.events if not e.plover]
    judged = [p for p in pred if p.type in mapped_types]
    c: dict[str, Counter] = {k: Counter() for k in ("trigger", "trigger_id", "mode", "other")}
    typed = match_triggers(gold, judged)
    ident = match_triggers(gold, judged, typed=False)
    for key, pairs in (("trigger", typed), ("trigger_id", ident)):
        c[key].update(tp=len(pairs), fp=len(judged) - len(pairs), fn=len(gold) - len(pairs))
    for side, name in (("actor", "agent"), ("recipient", "target")):
        c[name] = score_args(gold, judged, side)
        c[f"{name}_mention"] = score_args(gold, judged, side, mention_only=True)
    for i, j in typed:
        if gold[i].mode:
            c["mode"].update(n=1, same=judged[j].mode == gold[i].mode)
    hit = {j for _, j in typed}
    c["other"].update(left_out_gold=len(unmapped), unjudged_pred=len(pred) - len(judged),
                      pred_on_unmapped_gold=sum(1 for j, p in enumerate(judged) if j not in hit and any(
                          _on(u.start, u.end, p.start) for u in unmapped)))
    per_type = Counter()
    for t in mapped_types:
        per_type.update({(t, "tp"): sum(1 for i, _ in typed if gold[i].plover == t),
                         (t, "gold"): sum(1 for g in gold if g.plover == t),
                         (t, "pred"): sum(1 for p in judged if p.type == t)})
    c["per_type"] = per_type
    return c


def prf(c: Counter) -> tuple[float, float, float]:
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def doc_misses(doc: WikiDoc, pred: list[Mention], mapped_types: set[str]) -> list[tuple[str, str]]:
    """(kind, line) for each gold event we miss or mistype and each mention that matches nothing."""
    gold = [e for e in doc.events if e.plover]
    judged = [p for p in pred if p.type in mapped_types]
    typed = dict(match_triggers(gold, judged))
    ident = dict(match_triggers(gold, judged, typed=False))
    hit = set(typed.values()) | set(ident.values())
    out = []
    for i, g in enumerate(gold):
        if i in typed:
            continue
        kind = (f"wrong type: gold {g.plover}, got {judged[ident[i]].type}" if i in ident
                else f"missed {g.plover} ({g.kairos})")
        out.append((kind, f"{doc.doc_id}: {kind} '{g.trigger}' | {_context(doc.text, g.start, g.end)}"))
    for j, p in enumerate(judged):
        if j in hit:
            continue
        on = [u.kairos for u in doc.events if not u.plover and _on(u.start, u.end, p.start)]
        kind = f"spurious {p.type}" + (f" on {on[0]}" if on else "")
        out.append((kind, f"{doc.doc_id}: {kind} '{p.trigger}' | {_context(doc.text, p.start, p.end)}"))
    return out


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    return f"{text[max(0, start - width):start]}[{text[start:end]}]{text[end:end + width]}"


# -- the task ------------------------------------------------------------------------------------------------

def _analyse(docs: list[WikiDoc], origin: str) -> list:
    from ..pipeline import analyze

    arts = [Article(id=article_id(d.text), text=d.text, published=d.published, origin=f"{origin}:{d.doc_id}")
            for d in docs]
    return list(analyze(arts))


def run(path: Path, *, limit: int | None = None, split: str = "all") -> EvalResult:
    kmap = default_kairos_map()
    mapped = {m.plover for m in kmap.values()}
    docs = select(read_docs(path, kmap), lambda d: d.doc_id, split)
    if limit:
        docs = docs[:limit]
    total: dict[str, Counter] = defaultdict(Counter)
    misses: list[tuple[str, str]] = []
    errors = []
    for doc, a in zip(docs, _analyse(docs, str(path))):
        errors += [f"{doc.doc_id}: {e.stage}: {e.message}" for e in a.errors]
        pred = mentions_of(shown(a.events))
        for key, c in score_doc(doc, pred, mapped).items():
            total[key].update(c)
        misses += doc_misses(doc, pred, mapped)
    metrics: dict[str, float | int] = {}
    for key in ("trigger", "trigger_id", "agent", "target", "agent_mention", "target_mention"):
        p, r, f = prf(total[key])
        metrics[f"{key}_f1"] = f
        if key in ("trigger", "agent", "target"):
            metrics[f"{key}_precision"], metrics[f"{key}_recall"] = p, r
    mode = total["mode"]
    metrics["mode_agreement"] = round(mode["same"] / mode["n"], 4) if mode["n"] else 0.0
    metrics.update({k: total["other"][k] for k in ("left_out_gold", "unjudged_pred", "pred_on_unmapped_gold")})
    pt = total["per_type"]
    per_type = {}
    for t in sorted(mapped):
        c = Counter(tp=pt[t, "tp"], fp=pt[t, "pred"] - pt[t, "tp"], fn=pt[t, "gold"] - pt[t, "tp"])
        if c["tp"] or c["fp"] or c["fn"]:
            p, r, f = prf(c)
            per_type[t] = {"precision": p, "recall": r, "f1": f, **c}
    kinds = Counter(k for k, _ in misses)
    n = total["trigger"]["tp"] + total["trigger"]["fn"]
    return EvalResult("events-wikievents", n, metrics, {
        "per_type": per_type, "miss_kinds": dict(kinds.most_common()), "misses": [line for _, line in misses],
        "documents": len(docs), "errors": errors})
