"""Shared fixtures. Research-licensed gold data is read from ../shared and skipped when absent."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "kim-4th-visit.txt"


def skip_unless_required(why: str, *, required: bool, flag: str) -> NoReturn:
    """Skip with the reason; where CI requires the missing part (``flag`` set), fail instead."""
    if required:
        pytest.fail(f"{why}, and {flag} is set: this run requires it")
    pytest.skip(why)


def shared_path(*parts: str) -> Path:
    """A path under ../shared; the test skips, with the reason, when it is not there."""
    p = SHARED.joinpath(*parts)
    if not p.exists():  # CI has ../shared: a missing file there is a failure, not a skip
        skip_unless_required(f"gold data not available: {p} (research-licensed, kept outside the repo)",
                             required=bool(os.environ.get("DATELINE_REQUIRE_SHARED")), flag="DATELINE_REQUIRE_SHARED")
    return p


@pytest.fixture(scope="session")
def nlp():
    from dateline.nlp.build import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def seed_analysis():
    from dateline.evals.seed import analyse_file

    return analyse_file(shared_path("seed", "kim-4th-visit.txt"), "2019-01-08")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    """The demo articles ingested once into a temporary store (the path as a string)."""
    from importlib import resources

    from dateline.ingest import ReadOptions, read_inputs
    from dateline.runners.inline import ingest
    from dateline.store import open_store

    db = str(tmp_path_factory.mktemp("demo") / "demo.duckdb")
    folder = Path(str(resources.files("dateline.demo") / "articles"))
    with open_store(db) as store:
        report = ingest(read_inputs([folder], ReadOptions()), store)
    assert not report.failed and not report.analysis_errors, report
    return db


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL cluster for the whole session, stopped at the end. Skips when the server
    binaries or psycopg are missing; with DATELINE_REQUIRE_POSTGRES=1 (CI) that is a failure instead."""
    import importlib.util

    from pg_server import PgServer, find_bin_dir

    bin_dir = find_bin_dir()
    missing = ("PostgreSQL server binaries (Debian: apt-get install postgresql)" if bin_dir is None else
               "psycopg (pip install 'dateline[postgres]')" if importlib.util.find_spec("psycopg") is None else None)
    if missing:
        skip_unless_required(f"{missing} not found", required=os.environ.get("DATELINE_REQUIRE_POSTGRES") == "1",
                             flag="DATELINE_REQUIRE_POSTGRES=1")
    server = PgServer(bin_dir).start()
    try:
        yield server
    finally:
        server.stop()
