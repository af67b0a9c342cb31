"""Gold-format readers and scorers behind `dateline eval`."""

from .registry import EvalResult, available_tasks, run_task

__all__ = ["EvalResult", "available_tasks", "run_task"]
