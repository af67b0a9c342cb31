"""Quality gate: every eval task scores at least its committed floor on the development gold data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_path

FLOORS = json.loads((Path(__file__).with_name("eval_floors.json")).read_text())["tasks"]


@pytest.mark.slow
@pytest.mark.parametrize("task", sorted(FLOORS))
def test_task_meets_its_floors(task):
    from dateline.evals import run_task

    spec = FLOORS[task]
    path = shared_path(*Path(spec["path"]).parts)
    # one task may have several gold sets; floors sit on the check half of each development set
    result = run_task(spec.get("task", task), path, limit=spec.get("limit"), split=spec.get("split", "all"),
                      **spec.get("options", {}))
    low = {k: (result.metrics.get(k), v) for k, v in spec.get("min", {}).items() if not result.metrics.get(k, -1) >= v}
    high = {k: (result.metrics.get(k), v) for k, v in spec.get("max", {}).items() if not result.metrics.get(k, 1e18) <= v}
    assert not low, f"{task}: below floor (got, floor): {low}; misses: {result.details.get('misses', '')}"
    assert not high, f"{task}: above ceiling (got, ceiling): {high}; misses: {result.details.get('misses', '')}"


def test_development_sets_are_gated_on_their_check_half():
    # the founding article is one item; every other gold set is split into tune and check
    assert all(spec.get("split") == "check" for name, spec in FLOORS.items() if name != "seed")


def test_every_registered_task_has_a_floor():
    from dateline.evals import available_tasks

    assert set(available_tasks()) <= set(FLOORS), "add a floor for each new eval task"
