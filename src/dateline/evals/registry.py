"""Eval tasks by name. Each task scores one extractor against a gold set in its own format."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(slots=True)
class EvalResult:
    task: str
    n: int  # how many gold items (sentences, documents, toponyms…) were scored
    metrics: dict[str, float | int]
    details: dict[str, Any] = field(default_factory=dict)  # misses, per-class scores, confusion…
    split: str = "all"  # which half of the gold set was scored (evals.split)

    def as_dict(self, *, with_details: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"task": self.task, "split": self.split, "n": self.n, "metrics": self.metrics}
        if with_details:
            out.update(self.details)
        return out


def available_tasks() -> dict[str, str]:
    """Task name -> one-line description."""
    from ..registrations import eval_tasks

    return {name: desc for name, (_, desc) in eval_tasks().items()}


def run_task(name: str, path: str | Path, *, limit: int | None = None, split: str = "all",
             **options: Any) -> EvalResult:
    """Score task ``name`` on the gold data at ``path``; ``split`` picks a half (``evals.split``)."""
    from ..registrations import eval_tasks
    from .split import check_split

    check_split(split)

    tasks = eval_tasks()
    if name not in tasks:
        raise KeyError(f"unknown eval task {name!r}; known: {', '.join(sorted(tasks))}")
    target, _ = tasks[name]
    module, _, func = target.partition(":")
    fn = getattr(importlib.import_module(module), func)
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no gold data at {path}")
    result = fn(path, limit=limit, split=split, **options)
    result.split = split
    return result
