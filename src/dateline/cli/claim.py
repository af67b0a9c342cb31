"""`dateline claim TEXT` (is a count claim supported by the store?) and `dateline claims` (the count claims
in stored articles, each checked as of its article's day)."""

from __future__ import annotations

import typer

from .common import ARTICLE, JSON, LIMIT, MIN_CONFIDENCE, article_id_or_exit, check, read_store
from .output import cell, dump_json, emit, err, esc


def register(app: typer.Typer) -> None:
    app.command("claim")(claim_cmd)
    app.command("claims")(claims_cmd)


def claim_cmd(
    text: str = typer.Argument(..., metavar="CLAIM", help='A count claim, e.g. "Kim Jong Un makes 4th visit to '
                                                           'China in a year".'),
    as_of: str = typer.Option(None, "--as-of", help="The claim's day (YYYY-MM-DD): its period ends there. "
                                                    "Default: today."),
    since: str = typer.Option(None, "--since", help="Count from this day when the claim names no period."),
    reports: bool = typer.Option(False, "--reports", help="List every report (sentence) behind each occurrence."),
    min_confidence: float = MIN_CONFIDENCE,
    as_json: bool = JSON,
) -> None:
    """Check an ordinal or count claim ("4th visit to China in a year", "twice this year", "three attacks
    in a week") against the occurrences in the store: supported, contradicted or not enough data."""
    import datetime as dt

    from .. import filters
    from ..claims import ClaimError, check as check_claim, parse_claim

    text = check(filters.text, value=text, param="CLAIM")
    day = check(filters.day, value=as_of, param="as_of") or dt.date.today().isoformat()
    start = check(filters.day, value=since, param="since")
    if start and start > day:
        raise typer.BadParameter(f"starts after the claim's day ({start} > {day})", param_hint="--since")
    conf = check(filters.fraction, value=min_confidence, param="min_confidence")
    try:
        claim = parse_claim(text)
    except ClaimError as e:
        raise typer.BadParameter(e.reason, param_hint="CLAIM") from None
    with read_store() as store:
        try:
            result = check_claim(store, claim, dt.date.fromisoformat(day),
                                 since=dt.date.fromisoformat(start) if start else None, min_confidence=conf)
        except ClaimError as e:
            err.print(f"claim: {esc(e.reason)}")
            raise typer.Exit(2) from None
    if as_json:
        print(dump_json(result))
        return
    show_result(result, reports=reports)


def show_result(result: dict, *, reports: bool = False) -> None:
    """The verdict, what was counted, and each occurrence with the articles behind it (every report with
    ``reports``)."""
    from rich.console import Console

    out = Console()
    p = dict(result["parsed"], actor=result["filters"]["actor"], recipient=result["filters"]["recipient"])
    colour = {"supported": "green", "contradicted": "red"}.get(result["verdict"], "yellow")
    out.print(f"[bold {colour}]{result['verdict']}[/bold {colour}]: {esc(result['reason'])}")
    what = "/".join(x for x in (p["type"], p["mode"]) if x)
    other = p["recipient"] if p["recipient"] == p["counterpart"] or not p["counterpart"] else \
        f"{p['counterpart']} ({p['recipient']})"
    sides = " ".join(x for x in (f"by {p['actor']}" if p["actor"] else "", f"with {other}" if other else "",
                                 f"at {p['place']}" if p["place"] else "") if x)
    out.print(cell(f"counted: {what} {sides}, {result['window']['since']} to {result['window']['until']}; "
                   f"claimed {result['claimed']} ({p['kind']}), found {result['count']}"))
    for o in result["occurrences"]:
        out.print(cell(f"#{o['n']} {o['start']} – {o['end']}  {', '.join(o.get('locations') or [])}  "
                       f"{o['articles']} article(s), {len(o['reports'])} report(s)"))
        seen = set()
        for r in o["reports"]:
            key = r["article"] if not reports else (r["article"], r.get("sentence"))
            if key in seen:
                continue
            seen.add(key)
            text = r.get("sentence") if reports else r.get("title")
            out.print(cell(f"   {str(r.get('published') or '')[:10]} {r.get('source') or '?'} [{r['article'][:8]}] "
                           f"{(text or '')[:110]}"))


def claims_cmd(
    article: str = ARTICLE,
    since: str = typer.Option(None, "--since", help="Articles published on or after this day."),
    until: str = typer.Option(None, "--until", help="Articles published on or before this day."),
    limit: int = LIMIT,
    min_confidence: float = MIN_CONFIDENCE,
    as_json: bool = JSON,
) -> None:
    """Count claims in stored headlines and sentences, each checked as of its article's published day."""
    from .. import filters
    from ..claims import find_claims

    wanted = check(filters.articles, since=since, until=until, limit=limit)
    article = check(filters.text, value=article, param="article")
    conf = check(filters.fraction, value=min_confidence, param="min_confidence")
    with read_store() as store:
        full = article_id_or_exit(store, article)
        rows = find_claims(store, article=full, since=wanted["since"], until=wanted["until"],
                           limit=wanted["limit"], min_confidence=conf)
    if as_json:
        print(dump_json(rows))
        return
    emit([{"article": r["article"][:10], "as of": r["as_of"], "verdict": r["verdict"],
           "claimed": r["claimed"], "found": r["count"], "claim": r["sentence"][:120]} for r in rows],
         title="Claims")
