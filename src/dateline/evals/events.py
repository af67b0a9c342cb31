"""Tasks `events-plover` and `events-petrarch`: event coding against the two development gold sets.

Both run the product's own pipeline (``pipeline.analyze`` with every default extractor) and count only
the events a user is shown: those at or above the default confidence threshold. Sentences are split
into tune and check halves by their text (``evals.split``).

events-plover (PLOVER gold-standard records, JSONL: text, event_plover_current, actor[], recipient[])
  Each gold record is one sentence with one PLOVER event type (a few sentences carry two records).
  Our events are grouped by (trigger, type); for a sentence with k gold records our k most confident
  groups of distinct types are its reading, matched one-to-one to the gold records (a group matches
  the record of its own type where there is one). The gold types never choose among our events.
  * type_accuracy: share of gold records whose type we give (records where we code nothing count wrong);
  * macro_f1: mean over PLOVER types (in gold or predicted) of per-type F1 on the record pairs;
  * type_precision / type_recall / type_f1: every distinct type we show for a sentence against the
    sentence's gold types, so a second, wrong event costs precision;
  * actor_country_f1 / recipient_country_f1: micro F1 over records of the country-code sets of the
    matched group (a record we code nothing for contributes only false negatives). Gold reciprocal
    actors (markup "SRC/TAR") are both actor and recipient, as our coder writes A->B and B->A.

events-petrarch (PETRARCH validation records, JSONL: text, date, expected_events[] {source, target, code})
  ``dictionaries=suite`` (the default) codes with the dictionaries beside the file (PETR.Validate.
  actors/agents/verbs.txt), loaded with the PETRARCH loaders; the record's date picks date-restricted
  actor codes. ``dictionaries=builtin`` codes with Dateline's own dictionaries, as a user would.
  Records that expect a pipeline error (``expected_error``) are left out. Where ``require_dyad`` is in
  effect, events with no target are dropped, as PETRARCH does; a missing target is written "---".
  * triple_f1: micro F1 of (source, target, code) over records (sets per record);
  * root_triple_f1: (source country, target country, CAMEO root): actor codes cut to their first
    three letters and event codes to their two-digit root;
  * cameo_root_triple_f1: root_triple_f1 over the gold triples whose code is a CAMEO code (the 73 of
    the suite's codes that are WEIS-style validation codes are left out of both sides);
  * record_accuracy: share of records whose triple set is exactly right.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ..model import Article, ArticleAnalysis, Event
from ..model.ids import article_id
from .registry import EvalResult
from .split import select, sentence_key


def _analyse(articles: list[Article], resources: Any = None) -> list[ArticleAnalysis]:
    """The product's pipeline with its defaults; only ``resources`` may be swapped (PETRARCH's suite)."""
    from ..pipeline import analyze

    return list(analyze(articles, resources=resources))


def shown(events: tuple[Event, ...]) -> list[Event]:
    """The events a user sees by default: at or above the default confidence threshold."""
    from ..config import DEFAULT_MIN_CONFIDENCE

    return [e for e in events if e.confidence >= DEFAULT_MIN_CONFIDENCE]


def _article(text: str, published: str, origin: str) -> Article:
    text = " ".join(text.split())
    return Article(id=article_id(text), text=text, published=published, origin=origin)


# -- PLOVER -----------------------------------------------------------------------------------------

def run_plover(path: Path, *, limit: int | None = None, split: str = "all") -> EvalResult:
    records = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    by_text: dict[str, list[dict]] = defaultdict(list)
    for r in select(records, lambda r: sentence_key(r["text"]), split):
        by_text[" ".join(r["text"].split())].append(r)
    texts = list(by_text)[:limit] if limit else list(by_text)
    analyses = _analyse([_article(t, "2000-01-01", f"{path}:{i}") for i, t in enumerate(texts)])
    pairs: list[tuple[str, str]] = []  # (gold type, predicted type or "NONE")
    actor = Counter()
    recip = Counter()
    misses: list[str] = []
    types = Counter()
    for text, a in zip(texts, analyses):
        gold = by_text[text]
        groups = _groups(shown(a.events))
        _count(types, {g["event_plover_current"] for g in gold}, {g[0].type for g in groups})
        chosen = _assign([g["event_plover_current"] for g in gold], groups)
        for rec, grp in zip(gold, chosen):
            want = rec["event_plover_current"]
            got = grp[0].type if grp else "NONE"
            pairs.append((want, got))
            ga = {x["code"] for x in rec.get("actor") or [] if x.get("code")}
            gr = {x["code"] for x in rec.get("recipient") or [] if x.get("code")}
            if "SRC/TAR" in (rec.get("markup") or ""):
                gr = gr | ga
            pa = {e.actor.country for e in grp if e.actor.country}
            pr = {e.recipient.country for e in grp if e.recipient is not None and e.recipient.country}
            _count(actor, ga, pa)
            _count(recip, gr, pr)
            if got != want:
                misses.append(f"{rec['id']}: gold {want}, got {got}"
                              + (f" ({grp[0].cameo} '{grp[0].evidence.trigger.text}')" if grp else "")
                              + f" | {text[:90]}")
    n = len(pairs)
    acc = sum(1 for g, p in pairs if g == p) / n if n else 0.0
    per_type = _per_type(pairs)
    macro = sum(v["f1"] for v in per_type.values()) / len(per_type) if per_type else 0.0
    metrics = {
        "type_accuracy": round(acc, 4),
        "macro_f1": round(macro, 4),
        "actor_country_f1": round(_f1(actor), 4),
        "recipient_country_f1": round(_f1(recip), 4),
        "type_precision": round(_p(types), 4),
        "type_recall": round(_r(types), 4),
        "type_f1": round(_f1(types), 4),
        "coded_share": round(sum(1 for _, p in pairs if p != "NONE") / n, 4) if n else 0.0,
    }
    return EvalResult("events-plover", n, metrics, {"per_type": per_type, "misses": misses})


def _groups(events: tuple[Event, ...]) -> list[list[Event]]:
    """Events grouped by (trigger, type), best group first."""
    groups: dict[tuple, list[Event]] = {}
    for e in events:
        if not e.type:
            continue
        groups.setdefault((e.evidence.trigger.start, e.type), []).append(e)
    return sorted(groups.values(), key=lambda g: (-max(e.confidence for e in g), g[0].evidence.trigger.start))


def _assign(gold_types: list[str], groups: list[list[Event]]) -> list[list[Event]]:
    """Our k best distinct-type groups for k gold records; a record gets the group of its own type if
    there is one among them, else the next unused one."""
    top: list[list[Event]] = []
    for g in groups:
        if all(g[0].type != t[0].type for t in top):
            top.append(g)
        if len(top) == len(gold_types):
            break
    out: list[list[Event]] = [[] for _ in gold_types]
    used: set[int] = set()
    for i, t in enumerate(gold_types):
        for j, g in enumerate(top):
            if j not in used and g[0].type == t:
                out[i], _ = g, used.add(j)
                break
    for i in range(len(gold_types)):
        if not out[i]:
            for j, g in enumerate(top):
                if j not in used:
                    out[i], _ = g, used.add(j)
                    break
    return out


def _count(c: Counter, gold: set[str], pred: set[str]) -> None:
    c["tp"] += len(gold & pred)
    c["fp"] += len(pred - gold)
    c["fn"] += len(gold - pred)


def _p(c: Counter) -> float:
    return c["tp"] / (c["tp"] + c["fp"]) if c["tp"] else 0.0


def _r(c: Counter) -> float:
    return c["tp"] / (c["tp"] + c["fn"]) if c["tp"] else 0.0


def _f1(c: Counter) -> float:
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _per_type(pairs: list[tuple[str, str]]) -> dict[str, dict[str, float]]:
    types = sorted({g for g, _ in pairs} | {p for _, p in pairs if p != "NONE"})
    out = {}
    for t in types:
        tp = sum(1 for g, p in pairs if g == t and p == t)
        fp = sum(1 for g, p in pairs if g != t and p == t)
        fn = sum(1 for g, p in pairs if g == t and p != t)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        out[t] = {"f1": round(f1, 4), "tp": tp, "fp": fp, "fn": fn}
    return out


# -- PETRARCH ---------------------------------------------------------------------------------------

def builtin_resources():
    """Dateline's own dictionaries, as ``analyze`` uses them by default."""
    from ..nlp.resources import default_resources

    return default_resources()


def petrarch_resources(folder: Path):
    """Dateline's resources with the PETRARCH validation dictionaries in place of the shipped ones."""
    from ..nlp.resources import default_resources
    from ..ontology.countries import CountryIndex
    from ..ontology.petrarch import load_petrarch_actors, load_petrarch_agents
    from ..ontology.verbs import load_petrarch_verbs

    # the suite's own dictionaries only: its actor file lists the countries it codes (JAP, not JPN)
    return default_resources().with_overrides(
        countries=CountryIndex([]),
        actors=load_petrarch_actors(folder / "PETR.Validate.actors.txt"),
        agents=load_petrarch_agents(folder / "PETR.Validate.agents.txt"),
        verbs=load_petrarch_verbs(folder / "PETR.Validate.verbs.txt"),
    )


def run_petrarch(path: Path, *, limit: int | None = None, split: str = "all",
                 dictionaries: str = "suite") -> EvalResult:
    from ..ontology.events import default_event_ontology

    if dictionaries not in ("suite", "builtin"):
        raise ValueError(f"dictionaries={dictionaries!r}: use suite (the files beside the records) or builtin")
    path = Path(path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = select([r for r in records if not r.get("expected_error")], lambda r: sentence_key(r["text"]), split)
    if limit:
        records = records[:limit]
    res = petrarch_resources(path.parent) if dictionaries == "suite" else builtin_resources()
    arts = [_article(r["text"], _iso(r["date"]), f"{path}:{r['id']}") for r in records]
    analyses = _analyse(arts, res)
    onto = default_event_ontology()
    exact, root, cameo_root = Counter(), Counter(), Counter()
    right = 0
    misses = []
    for r, a in zip(records, analyses):
        dyad = str(r.get("config_in_effect", {}).get("require_dyad", "true")).lower() != "false"
        pred = {(_petrarch_code(e.actor), _petrarch_code(e.recipient), e.cameo or "")
                for e in shown(a.events) if e.cameo and _petrarch_code(e.actor) != "---"
                and (_petrarch_code(e.recipient) != "---" or not dyad)}
        gold = {(x["source"], x["target"], x["code"]) for x in r["expected_events"]}
        _count(exact, gold, pred)
        _count(root, {_root(x) for x in gold}, {_root(x) for x in pred})
        g_c = {_root(x) for x in gold if onto.is_cameo(x[2])}
        p_c = {_root(x) for x in pred if onto.is_cameo(x[2])}
        _count(cameo_root, g_c, p_c)
        if gold == pred:
            right += 1
        else:
            misses.append(f"{r['id']}: gold {sorted(gold)} got {sorted(pred)} | {r['text'][:80]}")
    n = len(records)
    metrics = {
        "triple_f1": round(_f1(exact), 4),
        "root_triple_f1": round(_f1(root), 4),
        "cameo_root_triple_f1": round(_f1(cameo_root), 4),
        "record_accuracy": round(right / n, 4) if n else 0.0,
        "triple_precision": round(exact["tp"] / (exact["tp"] + exact["fp"]), 4) if exact["tp"] else 0.0,
        "triple_recall": round(exact["tp"] / (exact["tp"] + exact["fn"]), 4) if exact["tp"] else 0.0,
    }
    return EvalResult("events-petrarch", n, metrics, {"misses": misses, "dictionaries": dictionaries})


def _root(triple: tuple[str, str, str]) -> tuple[str, str, str]:
    """(source country, target country, CAMEO root): "USAGOV" -> "USA", "1031" -> "10"."""
    s, t, c = triple
    return s[:3], t[:3], c[:2]


def _petrarch_code(a) -> str:
    return (a.code or "---") if a is not None else "---"


def _iso(d: str) -> str:
    d = d.strip()
    return f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 and d.isdigit() else d
