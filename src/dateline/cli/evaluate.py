"""eval: score an extractor against gold data."""

from __future__ import annotations

import json

import typer

from .output import cell, err, esc


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_cmd)


def eval_cmd(
    task: str = typer.Argument(..., help="Task name; `dateline eval list x` lists them."),
    path: str = typer.Argument(..., help="Gold data (file or directory, in the task's format)."),
    limit: int = typer.Option(None, "--limit", help="Score only the first N gold items (of the split)."),
    split: str = typer.Option("all", "--split", help="Which half of the gold set: tune (look at its misses), "
                                                     "check (read only its number) or all."),
    as_json: bool = typer.Option(False, "--json", help="Print {task, n, metrics, ...} as JSON."),
    settings: list[str] = typer.Option(None, "--set", help="A task's own option, KEY=VALUE (repeatable), "
                                                            "e.g. `--set homes=false` for geo."),
) -> None:
    """Score one extractor against gold data: `dateline eval seed ../shared/seed/kim-4th-visit.txt`."""
    from ..evals import available_tasks, run_task

    tasks = available_tasks()
    if task == "list":
        for name, desc in tasks.items():
            print(f"{name}\t{desc}")
        return
    if task not in tasks:
        err.print(f"unknown task {esc(repr(task))}; known: {', '.join(tasks)}")
        raise typer.Exit(2)
    options = {}
    for item in settings or ():
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise typer.BadParameter(f"{item!r} is not KEY=VALUE", param_hint="--set")
        options[name.strip()] = _value(value.strip())
    if split not in ("all", "tune", "check"):
        raise typer.BadParameter(f"{split!r} is not tune, check or all", param_hint="--split")
    try:
        result = run_task(task, path, limit=limit, split=split, **options)
    except (FileNotFoundError, ValueError) as e:
        err.print(esc(e))
        raise typer.Exit(2) from None
    except TypeError as e:
        if "unexpected keyword argument" not in str(e):
            raise
        raise typer.BadParameter(f"{task} takes no such option: {e}", param_hint="--set") from None
    if as_json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=1, default=str))
        return
    from rich.console import Console
    from rich.table import Table

    t = Table(title=cell(f"{task} ({split}): n={result.n}"))
    t.add_column("metric")
    t.add_column("value", justify="right")
    for k, v in result.metrics.items():
        t.add_row(k, f"{v:.4f}" if isinstance(v, float) else str(v))
    Console().print(t)
    for miss in result.details.get("misses", []):
        err.print(f"[yellow]miss[/yellow] {esc(miss)}")


def _value(text: str):
    """ "true"/"false", a number, or the text itself."""
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text
