"""Rows out as a table, JSON or CSV; messages to stderr so stdout stays data."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console

err = Console(stderr=True)


def emit(rows: Sequence[dict[str, Any]], *, fmt: str = "table", columns: Sequence[str] | None = None,
         title: str | None = None) -> None:
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, default=str, indent=1) + "\n")
    elif fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: _cell(r.get(k)) for k in columns})
    else:
        from rich.table import Table

        table = Table(title=title, show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*(_cell(r.get(c)) for c in columns))
        Console().print(table)
        if not rows:
            err.print("[dim]no rows[/dim]")


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return ", ".join(str(x) for x in v)
    return str(v)


def output_format(as_json: bool, as_csv: bool) -> str:
    if as_json and as_csv:
        import typer

        raise typer.BadParameter("choose one of --json and --csv")
    return "json" if as_json else "csv" if as_csv else "table"
