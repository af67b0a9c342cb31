"""Event coding: who did what to whom, as PLOVER and CAMEO events with actors, status and evidence."""

from __future__ import annotations

from .extract import NAME, extract_events

__all__ = ["NAME", "extract_events"]
