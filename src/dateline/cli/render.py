"""Rich rendering of one analysis for people. Stored text goes through ``cell``/``esc``: shown, never
interpreted as markup or terminal control sequences."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..model import ArticleAnalysis
from .output import cell, esc
from .quotes import speaker_cell


def print_analysis(a: ArticleAnalysis) -> None:
    out = Console()
    art = a.article
    out.print(f"[bold]{esc(art.title)}[/bold]")
    out.print(f"[dim]{esc(art.id)} · {esc(art.published or 'undated')} · {esc(art.source or '?')} · {esc(art.url)}[/dim]")
    if art.standfirst:
        out.print(f"[italic]{esc(art.standfirst)}[/italic]")
    if a.summary:
        out.print("[bold]Summary:[/bold] " + esc(" ".join(s.text for s in a.summary.sentences)))
    if a.entities:
        t = Table(title="Entities")
        for c in ("name", "type", "country", "sector", "mentions", "coded by"):
            t.add_column(c, overflow="fold")
        for e in a.entities:
            mentions = sorted({m.span.text for m in e.mentions})
            t.add_row(*map(cell, (e.name, e.type, e.country, e.sector, "; ".join(mentions), e.coding)))
        out.print(t)
    if a.dates:
        t = Table(title="Dates")
        for c in ("text", "value", "granularity"):
            t.add_column(c)
        for d in a.dates:
            t.add_row(*map(cell, (d.span.text, d.value, d.granularity)))
        out.print(t)
    if a.places:
        t = Table(title="Places")
        for c in ("text", "resolved", "country", "lat", "lon", "event location"):
            t.add_column(c)
        for p in a.places:
            r = p.resolved
            t.add_row(*map(cell, (p.span.text, r.name if r else "?", r.country if r else "", f"{r.lat:.3f}" if r else "",
                                  f"{r.lon:.3f}" if r else "", "yes" if p.is_event_location else "")))
        out.print(t)
    if a.quotes:
        t = Table(title="Quotes")
        for c in ("speaker", "cue", "kind", "content"):
            t.add_column(c, overflow="fold")
        for q in a.quotes:
            t.add_row(*map(cell, (speaker_cell(q.speaker_name, q.principal), q.cue.text if q.cue else "", q.kind, q.content.text)))
        out.print(t)
    if a.events:
        t = Table(title="Events")
        for c in ("id", "type", "mode", "cameo", "actor", "recipient", "date", "where", "status"):
            t.add_column(c, overflow="fold")
        for e in a.events:
            t.add_row(*map(cell, (e.id, e.type, e.mode, e.cameo, f"{e.actor.name} ({e.actor.country or '?'})",
                                  f"{e.recipient.name} ({e.recipient.country or '?'})" if e.recipient else "",
                                  e.date.value if e.date else "", e.location.name if e.location else "", e.status)))
        out.print(t)
    links = coref_lines(a)
    if links:
        out.print("[bold]Coreference links[/bold] (who a pronoun, surname or role noun was read as, and why)")
        for line in links:
            out.print(cell(f"  {line}"))
    if a.sentence_classes:
        from ..ontology.events import QUAD_NAMES

        t = Table(title="Sentences by quad class")
        for c in ("class", "p", "from", "sentence"):
            t.add_column(c, overflow="fold")
        for c in a.sentence_classes:
            t.add_row(f"{c.quad} {QUAD_NAMES[c.quad]}", f"{c.probability:.2f}", cell(c.event_id or c.source),
                      cell(c.span.text))
        out.print(t)
    for err in a.errors:
        out.print(f"[red]error[/red] {esc(err.stage)}: {esc(err.code)}: {esc(err.message)}")


def coref_lines(a: ArticleAnalysis) -> list[str]:
    """One line per quote speaker and event side read through the article's coreference, with its rule."""
    out = [f"quote {q.id} speaker: {q.coref}" for q in a.quotes if q.coref]
    for e in a.events:
        for role, side in (("actor", e.actor), ("recipient", e.recipient)):
            if side is not None and side.coref:
                out.append(f"event {e.id} {role}: {side.coref}")
    return out
