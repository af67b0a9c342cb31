"""The real-news judgement of names (docs/judging-names.md): for each drawn article, its quotes (content,
kind, speaker, principal), its resolved places and its actors with their country and sector codes, written
as a Markdown sheet and a JSONL verdict template. The draw, the folder and ``sample.json`` are those of
the events judgement (``judging.sample(..., what="names")``); ``judging_names_score`` reads the verdicts.

Items are numbered per article: quotes Q1.., places P1.. (one item per distinct reading: the same words
resolved to the same place are judged once, with every sentence they occur in), actors A1.. (the
entities, most mentioned first, so the main actors come early).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model import ArticleAnalysis, Entity, Place, Quote
from .judging import Spans, file_name, sentence_of, sentence_spans, text_lines
from .judging_names_score import (ACTOR_FIELDS, ACTOR_WRONG_REASONS, PLACE_WRONG_REASONS, QUOTE_FIELDS,
                                  QUOTE_WRONG_REASONS, VERDICTS)
from .judging_pools import Drawn

# entity types that act or speak; places are judged as places (P items), not as actors
ACTOR_TYPES = ("PERSON", "ORG", "NORP", "GPE")


def write_names(drawn: list[Drawn], out: Path) -> dict[str, Any]:
    """Run the pipeline over the drawn articles and write one names sheet and one template each."""
    from ..pipeline import analyze

    analyses = list(analyze([d.article for d in drawn]))
    sentences = sentence_spans([a.article.text for a in analyses])
    (out / "sheets").mkdir(parents=True, exist_ok=True)
    (out / "verdicts").mkdir(parents=True, exist_ok=True)
    articles = []
    for d, a, spans in zip(drawn, analyses, sentences):
        items = name_items(a)
        name = file_name(d.id)
        (out / "sheets" / f"{name}.md").write_text(names_sheet(d, a, spans, items), encoding="utf-8")
        (out / "verdicts" / f"{name}.jsonl").write_text(names_template(d.id, a, spans, items), encoding="utf-8")
        articles.append({"id": d.id, "pool": d.pool, "title": a.article.title, "published": a.article.published,
                         "source": a.article.source, "origin": a.article.origin, "sentences": len(spans),
                         "items": item_keys(items), "sheet": f"sheets/{name}.md",
                         "verdicts": f"verdicts/{name}.jsonl", "errors": [e.message for e in a.errors]})
    provenance = analyses[0].provenance if analyses else {}
    return {"provenance": provenance, "articles": articles}


def name_items(a: ArticleAnalysis) -> dict[str, list]:
    """What the judge sees: quotes in reading order, resolved places grouped by (words, reading), actors
    most mentioned first."""
    quotes = sorted(a.quotes, key=lambda q: (q.content.start, q.id))
    groups: dict[tuple, list[Place]] = {}
    for p in sorted(a.places, key=lambda p: (p.span.start, p.id)):
        if p.resolved is not None:
            r = p.resolved
            groups.setdefault((p.span.text, r.name, r.country, r.geonames_id, r.lat, r.lon), []).append(p)
    actors = sorted((e for e in a.entities if e.type in ACTOR_TYPES),
                    key=lambda e: (-len(e.mentions), min((m.span.start for m in e.mentions), default=0), e.id))
    unresolved = [p for p in a.places if p.resolved is None]
    return {"quotes": quotes, "places": list(groups.values()), "actors": actors, "unresolved": unresolved}


def item_keys(items: dict[str, list]) -> list[list[str]]:
    """[item number, stable id] for every judged item: the manifest's record of what needs a verdict."""
    return ([[f"Q{k}", q.id] for k, q in enumerate(items["quotes"], start=1)]
            + [[f"P{k}", g[0].id] for k, g in enumerate(items["places"], start=1)]
            + [[f"A{k}", e.id] for k, e in enumerate(items["actors"], start=1)])


# -- the sheet ------------------------------------------------------------------------------------------

def names_sheet(d: Drawn, a: ArticleAnalysis, spans: Spans, items: dict[str, list]) -> str:
    art = a.article
    lines = [f"# {d.id}: {art.title}", "",
             f"- source: {art.source or '?'}; published: {art.published or 'undated'}; pool: {d.pool}",
             f"- read from: {art.origin}",
             f"- verdict file: verdicts/{file_name(d.id)}.jsonl (fill it; leave this sheet as it is)",
             "- how to judge: docs/judging-names.md in the Dateline repository", ""]
    lines += [f"- analysis error: {e.stage}: {e.message}" for e in a.errors]
    lines += ["## Text, sentence by sentence", "", *text_lines(art.text, spans), ""]
    lines += [f"## Quotes ({len(items['quotes'])})", ""]
    if not items["quotes"]:
        lines += ["The product shows no quote for this article: list any statement it missed under "
                  "`missed_quotes`.", ""]
    for k, q in enumerate(items["quotes"], start=1):
        lines += quote_block(k, q, spans)
    lines += [f"## Places ({len(items['places'])} readings)", ""]
    for k, group in enumerate(items["places"], start=1):
        lines += place_block(k, group, spans)
    if items["unresolved"]:
        words = sorted({p.span.text for p in items["unresolved"]})
        lines += ["Not resolved (shown for reference, not judged): " + "; ".join(f'"{w}"' for w in words), ""]
    entities = {e.id: e for e in a.entities}
    lines += [f"## Actors ({len(items['actors'])}, most mentioned first)", ""]
    for k, e in enumerate(items["actors"], start=1):
        lines += actor_block(k, e, spans, entities)
    return "\n".join(lines) + "\n"


def quote_block(k: int, q: Quote, spans: Spans) -> list[str]:
    speaker = q.speaker_name or "none"
    if q.speaker is not None:
        speaker += f" (the words \"{q.speaker.text}\", S{sentence_of(spans, q.speaker.start)})"
    return [
        f"### Q{k}: {q.kind}, sentence S{sentence_of(spans, q.content.start)}", "",
        f"> {q.content.text}", "",
        f"- kind: {q.kind}" + (f"; cue: \"{q.cue.text}\"" if q.cue else "; cue: none"),
        f"- speaker: {speaker}",
        f"- principal (whom the speaker speaks for): {q.principal or 'none (speaks for themselves)'}",
        f"- rule: {q.rule or '-'}", "",
    ]


def place_block(k: int, group: list[Place], spans: Spans) -> list[str]:
    r = group[0].resolved
    where = ", ".join(x for x in (r.admin1, r.country) if x)
    feature = f"{r.feature_class}.{r.feature_code}" if r.feature_code else (r.feature_class or "?")
    sents = sorted({sentence_of(spans, p.span.start) for p in group})
    event = " (an event location)" if any(p.is_event_location for p in group) else ""
    return [
        f"### P{k}: \"{group[0].span.text}\" -> {r.name}{event}", "",
        f"- resolved to: {r.name} ({where or '?'}); coordinates {r.lat:.4f}, {r.lon:.4f}; feature {feature}"
        + (f"; GeoNames {r.geonames_id}" if r.geonames_id else "") + (f"; population {r.population:,}" if r.population else ""),
        f"- in sentence(s): {', '.join(f'S{s}' for s in sents)}"
        + (f"; kind {group[0].kind}" if group[0].kind != "name" else ""),
        f"- why: {group[0].reason or '-'}", "",
    ]


def actor_block(k: int, e: Entity, spans: Spans, entities: dict[str, Entity]) -> list[str]:
    words = []
    for m in e.mentions:
        if m.span.text not in words:
            words.append(m.span.text)
    first = min((m.span.start for m in e.mentions), default=0)
    return [
        f"### A{k}: {e.name} ({e.type})", "",
        f"- country: {e.country or 'none'}; sector: {e.sector or 'none'}"
        + (f"; role: {e.role}" if e.role else "") + (f"; titles: {', '.join(e.titles)}" if e.titles else ""),
        f"- mentions ({len(e.mentions)}, first in S{sentence_of(spans, first)}): "
        + "; ".join(f'"{w}"' for w in words[:12]) + (" ..." if len(words) > 12 else ""),
        f"- codes from: {e.coding or '-'}", "",
    ]


def coded_actor(e: Entity) -> str:
    return f"{e.name} ({e.type}) country {e.country or '-'} sector {e.sector or '-'}"


# -- the verdict template -----------------------------------------------------------------------------

def names_template(article_id: str, a: ArticleAnalysis, spans: Spans, items: dict[str, list]) -> str:
    """First line: the article (judge, missed quotes, missed main actors); then one line per item."""
    head = {"article": article_id, "judge": "", "missed_quotes": [], "missed_actors": [],
            "_help": {"quote verdict": list(VERDICTS), "quote partly_fields": list(QUOTE_FIELDS),
                      "quote wrong_reason": list(QUOTE_WRONG_REASONS), "place verdict": ["right", "wrong"],
                      "place wrong_reason": list(PLACE_WRONG_REASONS),
                      "actor (main only) verdict": list(VERDICTS), "actor partly_fields": list(ACTOR_FIELDS),
                      "actor wrong_reason": list(ACTOR_WRONG_REASONS),
                      "missed_quotes": "[{\"sentence\": 4, \"speaker\": \"who said it\", \"kind\": \"direct\"}]",
                      "missed_actors": "[{\"name\": \"...\", \"country\": \"GBR\", \"sector\": \"GOV\"}]"}}
    lines = [head]
    for k, q in enumerate(items["quotes"], start=1):
        who = (q.speaker_name or "no speaker") + (f" (for {q.principal})" if q.principal else "")
        lines.append({"item": f"Q{k}", "id": q.id, "sentence": sentence_of(spans, q.content.start),
                      "coded": f"{q.kind}: {_clip(q.content.text)} | {who}",
                      "verdict": "", "partly_fields": [], "wrong_reason": "", "note": ""})
    for k, group in enumerate(items["places"], start=1):
        r = group[0].resolved
        lines.append({"item": f"P{k}", "id": group[0].id, "sentence": sentence_of(spans, group[0].span.start),
                      "coded": f"\"{group[0].span.text}\" -> {r.name}, {r.country} ({r.lat:.2f}, {r.lon:.2f})",
                      "verdict": "", "wrong_reason": "", "note": ""})
    for k, e in enumerate(items["actors"], start=1):
        lines.append({"item": f"A{k}", "id": e.id, "coded": coded_actor(e), "main": False,
                      "verdict": "", "partly_fields": [], "wrong_reason": "", "note": ""})
    return "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)


def _clip(text: str, n: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 3] + "..."
