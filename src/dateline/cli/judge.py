"""judge sample / judge stories / judge score: the repeatable real-news judgements of coded events
(docs/judging-events.md), of quotes, places and actors (docs/judging-names.md) and of events across
articles (docs/judging-stories.md)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import typer

from .output import cell, err, esc


def register(app: typer.Typer) -> None:
    judge = typer.Typer(help="Judge the product on real news: events or names on a fresh random sample, "
                             "stories across articles (docs/judging-*.md).", no_args_is_help=True)
    judge.command("sample")(sample_cmd)
    judge.command("stories")(stories_cmd)
    judge.command("score")(score_cmd)
    app.add_typer(judge, name="judge")


def _project_root() -> Path:
    import dateline

    return Path(dateline.__file__).resolve().parents[2]


def sample_cmd(
    out: str = typer.Argument(..., help="A new folder OUTSIDE the repository (the sheets hold article text)."),
    seed: int = typer.Option(..., "--seed", help="Random seed; record it with the figures."),
    n: int = typer.Option(25, "-n", "--n", help="How many articles."),
    exclude: list[str] = typer.Option(None, "--exclude", help="A file of ids to leave out (an earlier sample's "
                                                              "ids.txt); repeatable."),
    weight: list[str] = typer.Option(None, "--weight", help="POOL=W: change a pool's weight (0 drops it); "
                                                            "repeatable."),
    shared: str = typer.Option(None, "--shared", envvar="DATELINE_SHARED", help="The shared data folder "
                                                                                "(default: ../shared)."),
    min_chars: int = typer.Option(None, "--min-chars", help="Shortest article, in characters."),
    max_chars: int = typer.Option(None, "--max-chars", help="Longest article, in characters."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Only print the ids the seed draws."),
    what: str = typer.Option("events", "--what", help="What is judged: events (docs/judging-events.md) or "
                                                      "names: quotes, places, main actors (docs/judging-names.md)."),
) -> None:
    """Draw a seeded sample, run the pipeline and write a sheet and a verdict template per article."""
    from ..evals import judging_pools
    from ..evals.judging import sample

    root = _project_root()
    target = _outside_repository(out, root)
    if what not in ("events", "names"):
        raise typer.BadParameter(f"{what!r}: events or names", param_hint="--what")
    weights = {}
    for item in weight or ():
        name, _, value = item.partition("=")
        try:
            weights[name.strip()] = float(value)
        except ValueError:
            raise typer.BadParameter(f"{item!r} is not POOL=NUMBER", param_hint="--weight") from None
    try:
        manifest = sample(
            Path(shared) if shared else root.parent / "shared", target, n=n, seed=seed, weights=weights,
            exclude_files=tuple(Path(p) for p in exclude or ()),
            min_chars=judging_pools.MIN_CHARS if min_chars is None else min_chars,
            max_chars=judging_pools.MAX_CHARS if max_chars is None else max_chars,
            code_version=_code_version(root), dry_run=dry_run, what=what)
    except (ValueError, FileExistsError, FileNotFoundError) as e:
        err.print(esc(e))
        raise typer.Exit(2) from None
    for article_id in manifest["ids"]:
        print(article_id)
    if not dry_run:
        if what == "names":
            shown = f"{sum(len(a['items']) for a in manifest['articles'])} items (quotes, places, actors)"
        else:
            shown = f"{sum(len(a['events']) for a in manifest['articles'])} shown events"
        err.print(f"{len(manifest['ids'])} articles, {shown}; seed {seed}; written to {esc(target)}")


def _outside_repository(out: str, root: Path) -> Path:
    """The folder, resolved; exit 2 when it lies inside the repository (sheets hold research text)."""
    target = Path(out).resolve()
    if (root / ".git").exists() and target.is_relative_to(root):
        err.print(f"{esc(out)} is inside the repository: the sheets hold research-licensed text, write them elsewhere")
        raise typer.Exit(2)
    return target


def stories_cmd(
    out: str = typer.Argument(..., help="A new folder OUTSIDE the repository (sheets, verdicts and the store)."),
    topic: list[str] = typer.Option(None, "--topic", help="An ECB+ dev topic number (check half: 2, 12, 21, 23; "
                                                          "tune half: 5, 18, 34, 35); each gives two stories; "
                                                          "repeatable."),
    story: list[str] = typer.Option(None, "--story", help="NAME=ID,ID,ID,ID: a story of four or more article ids "
                                                          "(bbc-politics:123, ecbplus:12_3ecb); repeatable."),
    seed: int = typer.Option(None, "--seed", help="Draw -n ECB+ dev topics at random (when no --topic or --story)."),
    n: int = typer.Option(3, "-n", "--n", help="How many ECB+ topics to draw with --seed."),
    exclude: list[str] = typer.Option(None, "--exclude", help="A file of ids judged before (an earlier sample's "
                                                              "ids.txt); repeatable."),
    shared: str = typer.Option(None, "--shared", envvar="DATELINE_SHARED", help="The shared data folder "
                                                                                "(default: ../shared)."),
    published: list[str] = typer.Option(None, "--published", help="STORY=YYYY-MM-DD: a publication date for the "
                                                                  "story's undated articles (ECB+ and BBC carry "
                                                                  "none); repeatable; say so when reporting."),
    half: str = typer.Option("check", "--half", help="Which half of ECB+ dev the topics come from: check (never "
                                                     "tuned on; the default), tune or all."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Only print the stories and their article ids."),
) -> None:
    """Ingest stories of four or more articles each (three or more for a report) into one store and write,
    per story, a sheet of the occurrences formed with every report in them, and a verdict template
    (docs/judging-stories.md)."""
    from ..evals.judging_stories import stories_sample

    root = _project_root()
    target = _outside_repository(out, root)
    named = []
    for item in story or ():
        name, _, ids = item.partition("=")
        if not name.strip() or not ids.strip():
            raise typer.BadParameter(f"{item!r} is not NAME=ID,ID,...", param_hint="--story")
        named.append((name.strip(), [i.strip() for i in ids.split(",") if i.strip()]))
    days = {}
    for item in published or ():
        name, _, day = item.partition("=")
        if not name.strip() or not day.strip():
            raise typer.BadParameter(f"{item!r} is not STORY=YYYY-MM-DD", param_hint="--published")
        days[name.strip()] = day.strip()
    try:
        manifest = stories_sample(
            Path(shared) if shared else root.parent / "shared", target, topics=[t.strip() for t in topic or ()],
            named=named, n=n, seed=seed, exclude_files=tuple(Path(p) for p in exclude or ()),
            code_version=_code_version(root), dry_run=dry_run, half=half, published=days)
    except (ValueError, FileExistsError, FileNotFoundError) as e:
        err.print(esc(e))
        raise typer.Exit(2) from None
    for s in manifest["stories"]:
        print(f"{s['id']}: {' '.join(s['articles'])}")
    if not dry_run:
        occ = sum(len(s["occurrences"]) for s in manifest["stories"])
        err.print(f"{len(manifest['stories'])} stories, {len(manifest['ids'])} articles, {occ} occurrences on the "
                  f"sheets ({manifest['occurrences_total']} in the store); written to {esc(target)}")


def _code_version(root: Path) -> str:
    """The commit the events were coded with (+ "-dirty" when the tree had changes), for the record."""
    import subprocess

    try:
        got = subprocess.run(["git", "-C", str(root), "describe", "--always", "--dirty"], capture_output=True,
                             text=True, timeout=30, env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"})
    except (OSError, subprocess.SubprocessError):
        return ""
    return got.stdout.strip()


def score_cmd(
    folder: str = typer.Argument(..., help="A judged sample folder (holds sample.json and verdicts/)."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    partial: bool = typer.Option(False, "--partial", help="Leave out articles not judged yet (the figures "
                                                          "are then marked incomplete; never report them)."),
) -> None:
    """Figures of a judged folder, by what it judges: events (% correct / partly / wrong, main events found),
    names (quotes fully right, speaker right, places right, main actors' codes right) or stories (every
    report joined, unrelated reports joined); per article or story and in total, with the seed and ids."""
    from ..evals.judging_score import VerdictError, score_any

    try:
        result = score_any(Path(folder), partial=partial)
    except FileNotFoundError as e:
        err.print(f"not a sample folder: {esc(e)}")
        raise typer.Exit(2) from None
    except VerdictError as e:
        print(str(e), file=sys.stderr)  # one problem a line, never wrapped: each names its file and line
        raise typer.Exit(1) from None
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    {"events": _print_score, "names": _print_names_score, "stories": _print_stories_score}[result["what"]](result)


def _print_score(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    def pct(v):
        return "-" if v is None else f"{100 * v:.0f}%"

    t = Table(title=f"judged sample {result['sample']} (seed {result['seed']}, code {result['code_version']})")
    for col in ("article", "events", "correct", "partly", "wrong", "main found", "missed"):
        t.add_column(col, justify="left" if col == "article" else "right")
    rows = result["articles"] + [{"id": "TOTAL", **result["total"]}]
    for r in rows:
        t.add_row(cell(r["id"]), str(r["events"]), f"{r['correct']} ({pct(r['fully_right'])})",
                  f"{r['partly']} ({pct(r['partly_right'])})", f"{r['wrong']} ({pct(r['wrong_share'])})",
                  f"{r['main_found']}/{r['main_events']}", str(r["main_missed"]))
    con = Console()
    con.print(t)
    total = result["total"]
    con.print(cell(f"partly right, by field: {total['partly_by_field'] or '-'}"))
    con.print(cell(f"wrong, by reason: {total['wrong_by_reason'] or '-'}"))
    for name, tg in result["targets"].items():
        con.print(f"{name}: {pct(tg['value'])} (target {tg['target']}) {'met' if tg['met'] else 'NOT met'}")
    con.print(cell(f"judges: {', '.join(result['judges']) or '-'}"))
    con.print(cell(f"sample ids ({len(result['ids'])}): {' '.join(result['ids'])}"))
    if not result["complete"]:
        con.print(f"[yellow]incomplete: {len(result['not_judged'])} article(s) not judged yet; "
                  "do not report these figures[/yellow]")


def _pct(v) -> str:
    return "-" if v is None else f"{100 * v:.0f}%"


def _print_targets(con, result: dict) -> None:
    for name, tg in result["targets"].items():
        value = tg["value"] if isinstance(tg["value"], int) else _pct(tg["value"])
        con.print(f"{name}: {value} (target {tg['target']}) {'met' if tg['met'] else 'NOT met'}")
    con.print(cell(f"judges: {', '.join(result['judges']) or '-'}"))
    con.print(cell(f"ids ({len(result['ids'])}): {' '.join(result['ids'])}"))
    if not result["complete"]:
        con.print(f"[yellow]incomplete: {len(result['not_judged'])} not judged yet "
                  f"({esc(', '.join(result['not_judged']))}); do not report these figures[/yellow]")
    elif not result.get("reportable", True):
        con.print("[yellow]too small to report (see the docs for the smallest sample)[/yellow]")


def _print_names_score(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"judged names sample {result['sample']} (seed {result['seed']}, code {result['code_version']})")
    for col in ("article", "quotes", "fully right", "speaker right", "missed", "places", "right",
                "main actors", "codes right"):
        t.add_column(col, justify="left" if col == "article" else "right")
    for r in result["articles"] + [{"id": "TOTAL", **result["total"]}]:
        t.add_row(cell(r["id"]), str(r["quotes"]), f"{r['quotes_correct']} ({_pct(r['quotes_fully_right'])})",
                  f"{r['speaker_right_count']}/{r['real_quotes']} ({_pct(r['speaker_right'])})", str(r["quotes_missed"]),
                  str(r["places"]), f"{r['places_right_count']} ({_pct(r['places_right'])})", str(r["main_actors"]),
                  f"{r['main_actors_codes_right_count']} ({_pct(r['main_actors_codes_right'])})")
    con = Console()
    con.print(t)
    total = result["total"]
    for label, key in (("quotes partly right, by field", "quotes_partly_by_field"),
                       ("quotes wrong, by reason", "quotes_wrong_by_reason"),
                       ("places wrong, by reason", "places_wrong_by_reason"),
                       ("main actors partly right, by field", "actors_partly_by_field"),
                       ("main actors wrong, by reason", "actors_wrong_by_reason")):
        con.print(cell(f"{label}: {total[key] or '-'}"))
    _print_targets(con, result)


def _print_stories_score(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"judged stories {result['sample']} (topics {', '.join(result['topics']) or '-'}, "
                    f"code {result['code_version']})")
    for col in ("story", "articles", "main occurrence", "main articles joined", "reports outside",
                "unrelated joined", "all joined", "no unrelated"):
        t.add_column(col, justify="left" if col == "story" else "right")
    for r in result["stories"]:
        outside = f"{r['main_reports_outside']}" + (f" (split into {', '.join(r['split_into'])})" if r["split_into"] else "")
        t.add_row(cell(r["id"]), str(r["articles"]), r["main_occurrence"],
                  f"{r['joined_articles']}/{r['main_articles']} ({_pct(r['joined_share'])})", outside,
                  str(r["unrelated_joined"]), "yes" if r["all_joined"] else "NO", "yes" if r["no_unrelated"] else "NO")
    tot = result["total"]
    t.add_row("TOTAL", "", "", f"{tot['joined_articles']}/{tot['main_articles']} ({_pct(tot['joined_share'])})",
              str(tot["main_reports_outside"]), str(tot["unrelated_joined"]),
              f"{tot['stories_all_joined']}/{tot['stories']}", f"{tot['stories_no_unrelated']}/{tot['stories']}")
    con = Console()
    con.print(t)
    for r in result["stories"]:
        con.print(cell(f"{r['id']}: main event: {r['main_event']}"))
    _print_targets(con, result)
