"""Shared helpers of the event tests: code sentences of our own, one article each, and pick the events on a
trigger word."""

from __future__ import annotations

from dateline.ingest import make_article
from dateline.model import Event
from dateline.pipeline import analyze


def events_of(*paragraphs: str) -> list[Event]:
    """Every event coded from each paragraph, read as an article of its own dated 2019-01-08."""
    arts = [make_article(title="Report", paragraphs=[p], published="2019-01-08") for p in paragraphs]
    return [e for a in analyze(arts) for e in a.events]


def on(events: list[Event], word: str) -> list[Event]:
    """The events whose trigger is ``word``; fails, naming what was coded, when there are none."""
    got = [e for e in events if e.evidence.trigger.text == word]
    assert got, f"no event on '{word}' among {[(e.evidence.trigger.text, e.type, e.cameo) for e in events]}"
    return got


def triggers_and_types(*paragraphs: str) -> list[tuple[str, str]]:
    """(trigger word, PLOVER type) of every event coded from the paragraphs (``events_of``)."""
    return [(e.evidence.trigger.text, e.type) for e in events_of(*paragraphs)]
