"""The repeatable real-news judgement of coded events (docs/judging-events.md): draw a seeded sample of
real articles (``judging_pools``), run the product pipeline with its defaults, and write for each article a
Markdown sheet for a judge and a JSONL verdict template; ``judging_score`` reads the filled templates.

Only the events a user is shown count (``evals.events.shown``). The sample's folder holds ``sample.json``
(seed, weights, ids, event ids, code version), ``ids.txt`` (to --exclude from later samples),
``sheets/`` and ``verdicts/``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from ..model import ArticleAnalysis, Event
from .judging_pools import DEFAULT_WEIGHTS, MAX_CHARS, MIN_CHARS, Drawn, draw, read_excludes, read_pools
from .judging_score import PARTLY_FIELDS, VERDICTS, WRONG_REASONS

Spans = list[tuple[int, int]]


def sample(shared: Path, out: Path, *, n: int, seed: int, weights: dict[str, float] | None = None,
           exclude_files: tuple[Path, ...] = (), min_chars: int = MIN_CHARS, max_chars: int = MAX_CHARS,
           code_version: str = "", dry_run: bool = False, what: str = "events") -> dict[str, Any]:
    """Draw, run and write the sample; returns the manifest (also written to ``out/sample.json``).
    ``what`` says what is judged: "events" (this module's sheets) or "names" (quotes, places and main
    actors: ``judging_names``); the draw is the same for both. ``dry_run`` only draws: nothing is run or
    written."""
    if what not in WRITERS:
        raise ValueError(f"--what {what!r}: one of {', '.join(WRITERS)}")
    weights = {**DEFAULT_WEIGHTS, **(weights or {})}
    excluded = read_excludes(exclude_files)
    pools = read_pools(shared, weights, min_chars=min_chars, max_chars=max_chars)
    drawn = draw(pools, weights, n, seed, excluded)
    manifest: dict[str, Any] = {
        "what": what, "seed": seed, "n": n, "weights": {p: w for p, w in weights.items() if w > 0},
        "min_chars": min_chars, "max_chars": max_chars,
        "pool_sizes": {p: len(c) for p, c in pools.items()},
        "exclude_files": [str(p) for p in exclude_files], "excluded_ids": len(excluded),
        "code_version": code_version, "created": dt.date.today().isoformat(),
        "ids": [d.id for d in drawn],
    }
    if dry_run:
        return manifest
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty: give a new folder for a new sample")
    manifest.update(WRITERS[what](drawn, out))
    (out / "sample.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "ids.txt").write_text("".join(f"{a['id']}  # {a['title'][:70]}\n" for a in manifest["articles"]),
                                 encoding="utf-8")
    return manifest


def write_sample(drawn: list[Drawn], out: Path) -> dict[str, Any]:
    """Run the pipeline over the drawn articles and write one sheet and one verdict template each."""
    from ..config import DEFAULT_MIN_CONFIDENCE
    from ..pipeline import analyze

    analyses = list(analyze([d.article for d in drawn]))
    sentences = sentence_spans([a.article.text for a in analyses])
    (out / "sheets").mkdir(parents=True, exist_ok=True)
    (out / "verdicts").mkdir(parents=True, exist_ok=True)
    articles = []
    for d, a, spans in zip(drawn, analyses, sentences):
        events = numbered(a)
        name = file_name(d.id)
        (out / "sheets" / f"{name}.md").write_text(sheet(d, a, spans, events), encoding="utf-8")
        (out / "verdicts" / f"{name}.jsonl").write_text(template(d.id, spans, events),
                                                        encoding="utf-8")
        articles.append({"id": d.id, "pool": d.pool, "title": a.article.title, "published": a.article.published,
                         "source": a.article.source, "origin": a.article.origin, "sentences": len(spans),
                         "events": [e.id for e in events], "sheet": f"sheets/{name}.md",
                         "verdicts": f"verdicts/{name}.jsonl", "errors": [e.message for e in a.errors]})
    provenance = analyses[0].provenance if analyses else {}
    return {"min_confidence": DEFAULT_MIN_CONFIDENCE, "provenance": provenance, "articles": articles}


def _write_names(drawn: list[Drawn], out: Path) -> dict[str, Any]:
    from .judging_names import write_names

    return write_names(drawn, out)


# what a sample judges -> the function that runs the pipeline and writes its sheets and templates
WRITERS = {"events": write_sample, "names": _write_names}


def numbered(a: ArticleAnalysis) -> list[Event]:
    """The shown events in reading order; their place in this list (from 1) is their number E1, E2…"""
    from .events import shown

    return sorted(shown(a.events), key=lambda e: (e.evidence.trigger.start, e.type, e.id))


def sentence_spans(texts: list[str]) -> list[Spans]:
    """Each text's sentences as the pipeline's own parser splits them, trimmed of white space."""
    from ..nlp.build import build_nlp

    out: list[Spans] = []
    for doc in build_nlp().pipe(texts):
        spans: Spans = []
        for s in doc.sents:
            piece = doc.text[s.start_char:s.end_char]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                spans.append((s.start_char + lead, s.start_char + len(piece.rstrip())))
        out.append(spans)
    return out


def sentence_of(spans: Spans, offset: int) -> int:
    """The number (from 1) of the sentence an offset falls in: the last one starting at or before it."""
    return max(1, bisect.bisect_right([s for s, _ in spans], offset))


def file_name(article_id: str) -> str:
    """ "polnear:nyt_2016-10-01_x" -> "polnear__nyt_2016-10-01_x" (safe on every file system)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", article_id.replace(":", "__"))


# -- the judge's sheet -------------------------------------------------------------------------------

def sheet(d: Drawn, a: ArticleAnalysis, spans: Spans, events: list[Event]) -> str:
    art = a.article
    published = art.published or "undated (judge an event's date only against dates the text gives)"
    lines = [f"# {d.id}: {art.title}", "",
             f"- source: {art.source or '?'}; published: {published}; pool: {d.pool}",
             f"- read from: {art.origin}",
             f"- verdict file: verdicts/{file_name(d.id)}.jsonl (fill it; leave this sheet as it is)",
             "- how to judge: docs/judging-events.md in the Dateline repository", ""]
    for err in a.errors:
        lines.append(f"- analysis error: {err.stage}: {err.message}")
    lines += ["## Text, sentence by sentence", "", *text_lines(art.text, spans)]
    lines += ["", f"## Coded events ({len(events)})", ""]
    if not events:
        lines += ["The coder shows no event for this article: list its main events under `missed`.", ""]
    for k, ev in enumerate(events, start=1):
        lines += event_block(k, ev, art.text, spans)
    return "\n".join(lines) + "\n"


def text_lines(text: str, spans: Spans, label: str = "S") -> list[str]:
    """The text as numbered sentences ("S1. ..."), a blank line where a new paragraph starts."""
    lines: list[str] = []
    prev_end = 0
    for i, (s, e) in enumerate(spans, start=1):
        if "\n" in text[prev_end:s] and i > 1:
            lines.append("")  # a new paragraph
        lines.append(f"{label}{i}. {text[s:e]}")
        prev_end = e
    return lines


def event_block(k: int, ev: Event, text: str, spans: Spans) -> list[str]:
    from ..ontology.events import default_event_ontology

    cameo = default_event_ontology().cameo(ev.cameo)
    s_no = sentence_of(spans, ev.evidence.trigger.start)
    s, e = spans[s_no - 1] if spans else (0, len(text))
    return [
        f"### E{k}: {ev.type}{'/' + ev.mode if ev.mode else ''}, sentence S{s_no}", "",
        f"> {text[s:e]}", "",
        f"- trigger: \"{ev.evidence.trigger.text}\"",
        f"- type: {ev.type}; mode: {ev.mode or '-'}; CAMEO: {ev.cameo or '-'}"
        + (f" ({cameo.name})" if cameo else ""),
        f"- actor: {_side(ev.actor)}",
        f"- recipient: {_side(ev.recipient) if ev.recipient else 'none'}",
        f"- date: {_date(ev)}",
        f"- place: {_place(ev)}",
        f"- status: {ev.status}" + (f" (cue: \"{ev.evidence.status_cue}\")" if ev.evidence.status_cue else ""),
        f"- confidence: {ev.confidence:.2f}; rule: {ev.evidence.rule}", "",
    ]


def _side(ref) -> str:
    code = ref.code or "no code"
    country = f", country {ref.country}" if ref.country else ", no country"
    return f"\"{ref.text}\" -> {ref.name} ({code}{country})"


def _date(ev: Event) -> str:
    if ev.date is None:
        return "none"
    span = ev.date.value if ev.date.start in (None, ev.date.end) else f"{ev.date.start} to {ev.date.end}"
    why = "the publication date: the text gives none" if ev.date.inferred else ev.evidence.date_source or "the text"
    return f"{span} ({why})"


def _place(ev: Event) -> str:
    if ev.location is None:
        return "none"
    return f"{ev.location.name} ({ev.location.country or '?'})"


# -- the verdict template -----------------------------------------------------------------------------

def template(article_id: str, spans: Spans, events: list[Event]) -> str:
    """First line: the article (judge, missed main events); then one line per shown event to fill."""
    head = {"article": article_id, "judge": "", "missed": [],
            "_help": {"verdict": list(VERDICTS), "partly_fields": list(PARTLY_FIELDS),
                      "wrong_reason": list(WRONG_REASONS),
                      "missed": "[{\"sentence\": 4, \"description\": \"who did what to whom\", \"type\": \"ASSAULT\"}]"}}
    lines = [json.dumps(head, ensure_ascii=False)]
    for k, ev in enumerate(events, start=1):
        who = ev.actor.name + (f" -> {ev.recipient.name}" if ev.recipient else "")
        lines.append(json.dumps({
            "event": f"E{k}", "event_id": ev.id, "sentence": sentence_of(spans, ev.evidence.trigger.start),
            "coded": f"{ev.type} '{ev.evidence.trigger.text}': {who}",
            "verdict": "", "main": False, "partly_fields": [], "wrong_reason": "", "note": "",
        }, ensure_ascii=False))
    return "\n".join(lines) + "\n"
