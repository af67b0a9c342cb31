"""The Ray engine gives the same stored rows as the local engine (a local 2-CPU Ray cluster, real pipeline)."""

from __future__ import annotations

import os
import shutil
from importlib import resources
from pathlib import Path

import pytest
from conftest import skip_unless_required

from dateline.runners.batch import execute, start_run
from dateline.runners.local import ProcessEngine
from dateline.runners.manifest import RunConfig
from dateline.runners.work import WorkerSetup
from dateline.store import open_store


def _ray():
    try:
        import ray
    except ImportError:
        # CI installs the extra: a missing ray there is a failure
        skip_unless_required("ray is not installed (pip install -e '.[ray]')",
                             required=bool(os.environ.get("DATELINE_REQUIRE_SHARED")), flag="DATELINE_REQUIRE_SHARED")
    return ray


@pytest.fixture(scope="module")
def ray_cluster():
    ray = _ray()
    ray.init(num_cpus=2, object_store_memory=128 * 1024 * 1024, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def _input(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    demo = Path(str(resources.files("dateline.demo") / "articles"))
    for txt in sorted(demo.glob("*.txt"))[:6]:
        shutil.copy(txt, folder / txt.name)
        shutil.copy(txt.with_suffix(".json"), folder / txt.with_suffix(".json").name)
    (folder / "empty.txt").write_text("  \n")  # a read error travels through both engines the same way
    return folder


def _rows(db: str) -> dict[str, list]:
    with open_store(db) as store:
        out = {"articles": store.query("SELECT * EXCLUDE (analysed_at) FROM articles ORDER BY id")}
        for table in ("article_sources", "entities", "dates", "places", "quotes", "events"):
            out[table] = store.query(f"SELECT * FROM {table} ORDER BY ALL")
        out["errors"] = store.query("SELECT id, origin, stage, code, message, article_id FROM errors ORDER BY id")
        return out


def test_ray_engine_stores_what_the_local_engine_stores(tmp_path, ray_cluster):
    from dateline.runners.ray import RayEngine

    src = _input(tmp_path)
    results = {}
    for name, engine in (("local", ProcessEngine(WorkerSetup(), 2)), ("ray", RayEngine(WorkerSetup(), 2))):
        cfg = RunConfig(run_id=name, inputs=(str(src),), db=str(tmp_path / f"{name}.duckdb"), partition_size=2)
        run = start_run(tmp_path / "runs", cfg)
        with open_store(cfg.db) as store:
            summary = execute(run, store, engine)
        assert summary["status"] == "complete" and summary["articles"] == 6 and summary["read_errors"] == 1
        results[name] = _rows(cfg.db)
    assert results["local"]["entities"] and results["local"]["events"]
    assert results["ray"] == results["local"]
    assert ray_cluster.is_initialized()  # the engine joined the test's cluster and left it running
