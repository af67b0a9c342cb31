"""judge sample / judge score: the repeatable real-news judgement of coded events (docs/judging-events.md)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import typer

from .output import cell, err, esc


def register(app: typer.Typer) -> None:
    judge = typer.Typer(help="Judge coded events on a fresh random sample of real news (docs/judging-events.md).",
                        no_args_is_help=True)
    judge.command("sample")(sample_cmd)
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
) -> None:
    """Draw a seeded sample, run the pipeline and write a sheet and a verdict template per article."""
    from ..evals import judging_pools
    from ..evals.judging import sample

    root = _project_root()
    target = Path(out).resolve()
    if (root / ".git").exists() and target.is_relative_to(root):
        err.print(f"{esc(out)} is inside the repository: the sheets hold research-licensed text, write them elsewhere")
        raise typer.Exit(2)
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
            code_version=_code_version(root), dry_run=dry_run)
    except (ValueError, FileExistsError, FileNotFoundError) as e:
        err.print(esc(e))
        raise typer.Exit(2) from None
    for article_id in manifest["ids"]:
        print(article_id)
    if not dry_run:
        shown = sum(len(a["events"]) for a in manifest["articles"])
        err.print(f"{len(manifest['ids'])} articles, {shown} shown events; seed {seed}; written to {esc(target)}")


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
    """Figures of a judged sample: % correct / partly / wrong, partly by field, wrong by reason, main events
    found; per article and in total, with the seed and ids."""
    from ..evals.judging_score import VerdictError, score

    try:
        result = score(Path(folder), partial=partial)
    except FileNotFoundError as e:
        err.print(f"not a sample folder: {esc(e)}")
        raise typer.Exit(2) from None
    except VerdictError as e:
        print(str(e), file=sys.stderr)  # one problem a line, never wrapped: each names its file and line
        raise typer.Exit(1) from None
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    _print_score(result)


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
