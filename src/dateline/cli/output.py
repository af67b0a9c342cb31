"""Rows out as a table, JSON or CSV; messages to stderr so stdout stays data.

Stored text (titles, names, sentences, file names, error messages) came from outside: it is shown, never
interpreted. In tables and messages Rich markup in it is escaped and terminal control sequences are
removed (``clean``, ``cell``, ``esc``); JSON keeps every character, with the ones a terminal would act on
written as ``\\uXXXX`` escapes (``dump_json``)."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.text import Text

err = Console(stderr=True)

# Whole ANSI sequences first (CSI "ESC [ ... m", OSC "ESC ] ... BEL|ST", two-character escapes), so no
# half of one is left behind; then any other control character but tab and newline, and the Unicode
# bidirectional overrides that reorder what is shown.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]"
                   r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x9c)?")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Characters json.dumps(ensure_ascii=False) writes raw that a terminal acts on or that end lines.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def clean(value: Any) -> str:
    """``value`` as text with terminal control sequences and characters removed (tab and newline kept)."""
    if value is None:
        return ""
    s = value if isinstance(value, str) else str(value)
    return _CONTROL.sub("", _ANSI.sub("", s))


def esc(value: Any) -> str:
    """``value`` cleaned and with Rich markup escaped, to put inside a markup string of our own."""
    return escape(clean(value))


def cell(value: Any) -> Text:
    """A table cell or a line that Rich shows as it is: no markup, no control characters."""
    if isinstance(value, (list, tuple)):
        value = ", ".join(clean(x) for x in value)
    return Text(clean(value))


def dump_json(data: Any) -> str:
    """JSON that keeps the stored text exact, safe to print on a terminal."""
    s = json.dumps(data, ensure_ascii=False, default=str, indent=1)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", s)


def emit(rows: Sequence[dict[str, Any]], *, fmt: str = "table", columns: Sequence[str] | None = None,
         title: str | None = None) -> None:
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        sys.stdout.write(dump_json(list(rows)) + "\n")
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
            table.add_row(*(cell(_cell(r.get(c))) for c in columns))
        Console().print(table)
        if not rows:
            err.print("[dim]no rows[/dim]")


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return ", ".join(clean(x) for x in v)
    return clean(v)


def output_format(as_json: bool, as_csv: bool) -> str:
    if as_json and as_csv:
        import typer

        raise typer.BadParameter("choose one of --json and --csv")
    return "json" if as_json else "csv" if as_csv else "table"
