"""Exit codes of the `dateline` command, and what an internal error looks like to a user.

0 everything was stored (or listed); 1 some items failed and the rest was stored; 2 a usage or
environment error (a bad option, a store that cannot be opened or is busy); 3 an internal error: a bug,
shown as one line with the path of a file holding the traceback, so a script can tell a crash from a
partial success and a person is not handed a screen of Python."""

from __future__ import annotations

import datetime as dt
import errno
import os
import sys
import tempfile
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

EXIT_OK, EXIT_ITEMS_FAILED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def write_traceback(exc: BaseException) -> Path | None:
    """The traceback of ``exc`` written to a new file in the temporary folder; None when that fails too."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    try:
        fd, name = tempfile.mkstemp(prefix=f"dateline-crash-{stamp}-", suffix=".txt")
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as f:
            f.write(f"dateline {' '.join(sys.argv[1:])}\n\n")
            f.write("".join(traceback.format_exception(exc)))
        return Path(name)
    except OSError:
        return None


# The machine, not the program: a full disk, a read-only file system, a file this user may not write.
ENVIRONMENT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}
ENVIRONMENT_WORDS = ("no space left on device", "disk quota exceeded", "read-only file system", "permission denied")


def is_environment_error(e: BaseException) -> bool:
    """Whether ``e`` says the disk or the permissions failed (DuckDB reports them in its message)."""
    if isinstance(e, OSError) and e.errno in ENVIRONMENT_ERRNOS:
        return True
    return type(e).__module__.startswith(("duckdb", "_duckdb")) and any(w in str(e).lower() for w in ENVIRONMENT_WORDS)


@contextmanager
def internal_errors() -> Iterator[None]:
    """Turn an uncaught exception into exit 3 with a one-line message and the traceback's file; a full disk
    or a permission refused is an environment error instead (exit 2, the message alone)."""
    try:
        yield
    except Exception as e:  # SystemExit and KeyboardInterrupt are no Exception: they pass as they are
        from .output import clean

        message = clean(str(e)).replace("\n", " ")[:300]
        if is_environment_error(e):
            sys.stderr.write(f"dateline: {message}\n")
            raise SystemExit(EXIT_USAGE) from None
        where = write_traceback(e)
        sys.stderr.write(f"dateline: internal error: {type(e).__name__}: {message}\n")
        sys.stderr.write(f"the traceback is in {where}\n" if where else "the traceback could not be written\n")
        raise SystemExit(EXIT_INTERNAL) from None
