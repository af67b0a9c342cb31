"""Event coding: who did what to whom, as PLOVER and CAMEO events with actors, status and evidence.

``extract_events`` is imported on first use so that ``explain`` (used by the CLI on stored records)
does not load spaCy.
"""

from __future__ import annotations

from typing import Any

NAME = "dateline.events.v1"
__all__ = ["NAME", "extract_events"]


def __getattr__(name: str) -> Any:
    if name == "extract_events":
        from .extract import extract_events

        return extract_events
    raise AttributeError(name)
