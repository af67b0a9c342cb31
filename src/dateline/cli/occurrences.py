"""`dateline occurrences rebuild` (recompute the stored occurrences) and the explanation of one
occurrence (`dateline explain OCCURRENCE_ID`: every report and why it joined)."""

from __future__ import annotations

from typing import Any

import typer

from .output import clean, dump_json, err, esc

app = typer.Typer(help="Occurrences: reports of one event joined across articles.", no_args_is_help=True)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="occurrences")


@app.command("rebuild")
def rebuild_cmd(as_json: bool = typer.Option(False, "--json", help="The counts as JSON.")) -> None:
    """Recompute every occurrence from the stored events (stores made before occurrences were kept, or
    after the joining rules changed). Saving articles keeps them up to date without this."""
    from ..resolve.stored import rebuild
    from ..store import open_store
    from .state import app_state

    with open_store(app_state.get().db) as store:
        got = rebuild(store)
    if as_json:
        print(dump_json(got))
        return
    err.print(f"{got['occurrences']} occurrences from {got['reports']} reports in {got['articles']} articles")


def explain_occurrence(occurrence_id: str, *, as_json: bool) -> None:
    """Print one occurrence and, for each report, why it joined; exit 2 when the id names none."""
    from .. import query
    from .common import read_store

    with read_store() as store:
        got = query.occurrence(store, occurrence_id)
    if got is None:
        err.print(f"no occurrence with id {esc(repr(occurrence_id))} (or the prefix is not unique)")
        raise typer.Exit(2)
    if as_json:
        print(dump_json(got))
        return
    for line in explain_lines(got):
        print(clean(line))


def _party(p: dict[str, Any]) -> str:
    if not p or not p.get("name"):
        return "(not known)"
    return f"{p['name']} ({p['country'] or '?'}, {p['kind']})"


def explain_lines(o: dict[str, Any]) -> list[str]:
    place = o["place"]
    where = f"{place['name']} ({place['level']}, {place['country'] or '?'})" if place else "(not known)"
    lines = [
        f"occurrence {o['id']}: {o['type']}{'/' + o['mode'] if o['mode'] else ''}",
        f"  actor:     {_party(o['actor'])}",
        f"  recipient: {_party(o['recipient'])}",
        f"  place:     {where}",
        f"  days:      {o['start']} .. {o['end']}{'' if o['precise'] else ' (a vague span: no report dates it closer)'}",
        f"  reports:   {o['n_reports']} in {o['articles']} article(s) from {', '.join(o['sources']) or '?'}",
    ]
    for i, r in enumerate(o["reports"], 1):
        lines.append(f"#{i} {r['event']} {r['date']} {r['source'] or '?'} {r['published'] or ''} "
                     f"(article {r['article'][:12]})")
        lines.append(f"   {r['actor'] or '?'} -> {r['recipient'] or '?'}"
                     f"{' at ' + r['location'] if r['location'] else ''}: {r['sentence'][:200]}")
        lines += ["   " + w for w in why_lines(r.get("why") or {})]
    return lines


def why_lines(why: dict[str, Any]) -> list[str]:
    """What joined a report, in words: the fields that agreed, the days, the words shared."""
    if why.get("founded"):
        out = [f"founded the occurrence (days {why.get('days', '?')})"]
    else:
        crossed = " (named the other way round: a meeting)" if why.get("crossed") else ""
        out = [f"joined: actor {why.get('actor', '?')}; recipient {why.get('recipient', '?')}{crossed}",
               f"        place {why.get('place', '?')}; days {why.get('days', '?')}",
               f"        anchors: {', '.join(why.get('anchors') or []) or '-'}; score {why.get('score', '?')}"]
        if why.get("shared_words"):
            out.append(f"        shared words: {', '.join(why['shared_words'])}")
    if why.get("merged_from"):
        out.append(f"came with occurrence {why['merged_from']}, merged into this one by a report of both")
    return out
