"""Hostile filter values for every listing command: the table that tests/test_hostile_filters.py runs.

Kept apart from the test so the same table can be run by hand against any revision of the CLI
(``python tests/hostile_cases.py DB``) to count how many values crash it."""

from __future__ import annotations

import sys

BAD_DAYS = ["2019-02-30", "2019-13-01", "abc", "0001-01-01", "9999-12-31", "", " ", "2019-1-1", "20190101",
            "2019-01-01T12:00", "-2019-01-01", "2019-01-01' OR '1'='1", "%", "1e9", "2019-W01-1", "0000-00-00",
            "2019-01-0\udcff"]
BAD_LIMITS = ["-1", "0", "9223372036854775808", "9223372036854775807", "99999999999999999999", "abc", "1.5",
              "", "-9223372036854775809"]
HOSTILE_TEXT = ["%", "_", " ", "%%", "a_b", "' OR 1=1 --", "'; DROP TABLE articles; --", "\\", "[/]",
                "\x1b[31mred", "x" * 5000, "NULL", '"', "\x00", "\n", "%' OR '1'='1",
                "\udcff"]
BAD_WINDOWS = ["2019-01-01", "", "/", "2019-01-02/2019-01-01", "a/b", "2019-01-01/", "/2019-01-01",
               "2019-01-01/2019-02-30", "2019-01-01/2019-01-31/2019-02-01", "2019-01-01..2019-01-31",
               "0001-01-01/9999-12-31"]
BAD_CONFIDENCE = ["nan", "-1", "2", "inf", "abc", "-inf"]

# command -> options taking a day, a limit, free text
LISTINGS = {
    "articles": {"dates": ["--since", "--until"], "limit": True, "text": ["--source"]},
    "entities": {"dates": [], "limit": True, "text": ["--name", "--country", "--type"]},
    "errors": {"dates": [], "limit": True, "text": []},
    "places": {"dates": [], "limit": True, "text": ["--country", "--article"]},
    "homes": {"dates": [], "limit": True, "text": []},
    "dates": {"dates": ["--since", "--until"], "limit": True, "text": ["--article"]},
    "events": {"dates": ["--since", "--until"], "limit": True,
               "text": ["--actor", "--recipient", "--cameo", "--mode", "--type", "--status", "--article"]},
    "quotes": {"dates": ["--since", "--until"], "limit": True, "text": ["--speaker", "--kind", "--article"]},
    "count": {"dates": ["--since", "--until"], "limit": False,
              "text": ["--actor", "--recipient", "--cameo", "--mode", "--type"]},
    "actors": {"dates": [], "limit": True, "text": ["--country", "--sector", "--type", "--search"]},
    "claims": {"dates": ["--since", "--until"], "limit": True, "text": ["--article"]},
    "stories": {"dates": ["--since", "--until"], "limit": True, "text": []},
}
# commands whose first argument is what they look up, with a fair first argument for trying their options
POSITIONAL = {"actor": None, "claim": "Kim Jong Un makes 4th visit to China in a year",
              "timeline": "Kim Jong Un"}


def cases() -> list[tuple[str, ...]]:
    """Every hostile invocation, as CLI arguments after ``--db DB``."""
    out: list[tuple[str, ...]] = []
    for cmd, spec in LISTINGS.items():
        for opt in spec["dates"]:
            out += [(cmd, opt, v) for v in BAD_DAYS]
        if spec["limit"]:
            out += [(cmd, "--limit", v) for v in BAD_LIMITS]
        for opt in spec["text"]:
            out += [(cmd, opt, v) for v in HOSTILE_TEXT]
    out += [("count", "--window", v) for v in BAD_WINDOWS]
    out += [(cmd, "--min-confidence", v) for cmd in ("events", "count") for v in BAD_CONFIDENCE]
    out += [("homes", "--min-articles", v) for v in BAD_LIMITS]
    out += [("homes", "--min-share", v) for v in BAD_CONFIDENCE]
    out += [(cmd, v) for cmd in ("show", "explain", *POSITIONAL) for v in HOSTILE_TEXT]
    out += [("claim", POSITIONAL["claim"], opt, v) for opt in ("--as-of", "--since") for v in BAD_DAYS]
    out += [("timeline", POSITIONAL["timeline"], opt, v) for opt in ("--since", "--until") for v in BAD_DAYS]
    out += [("timeline", POSITIONAL["timeline"], opt, v) for opt in ("--with", "--type") for v in HOSTILE_TEXT]
    out += [("runs", "--runs-dir", v) for v in ["", "/", "/nonexistent/runs"]]
    out += [("homes", "--save", v) for v in ["/", "/nonexistent/dir/homes.tsv", "/dev/null/x"]]
    return out


def run_case(db: str, args: tuple[str, ...]):
    """The CLI run in-process on ``args`` (the Click command is built once: a rebuild costs more than most cases)."""
    from click.testing import CliRunner

    global _COMMAND
    if _COMMAND is None:
        import typer

        from dateline.cli import app

        _COMMAND = typer.main.get_command(app)
    return CliRunner().invoke(_COMMAND, ["--db", db, *args])


_COMMAND = None


def crashed(result) -> bool:
    """An uncaught exception (a traceback for the user), not a deliberate exit."""
    return result.exception is not None and not isinstance(result.exception, SystemExit)


if __name__ == "__main__":  # python tests/hostile_cases.py DB: count the crashes
    db = sys.argv[1]
    table = cases()
    bad = []
    codes: dict[int, int] = {}
    for args in table:
        r = run_case(db, args)
        codes[r.exit_code] = codes.get(r.exit_code, 0) + 1
        if crashed(r):
            bad.append((args, type(r.exception).__name__))
    for args, kind in bad:
        print(f"{kind}: {[a[:40] for a in args]!r}")
    print(f"{len(bad)} of {len(table)} hostile values crashed; exit codes {sorted(codes.items())}")
