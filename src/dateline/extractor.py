"""An extractor and its contract: the Context slots it reads (``requires``) and the one it writes (``slot``).

spaCy's components declare ``requires`` and ``assigns`` and the pipeline checks their order before it
runs (``spacy/pipe_analysis.py``). Ours do the same, so an extractor can read ``ctx.quotes`` knowing the
quotes extractor ran first, and a list in the wrong order fails at once, naming the extractor and the slot,
instead of quietly reading an empty tuple for every article.

This module imports nothing of Dateline: the pipeline and the registrations both build on it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

# The results an extractor may write into nlp.context.Context, one extractor each.
SLOTS = ("entities", "dates", "places", "coref", "quotes", "events", "summary", "sentence_classes")


class ExtractorOrderError(ValueError):
    """An extractor list that cannot run: a slot read before anything writes it, or written twice."""


@dataclass(frozen=True, slots=True)
class Extractor:
    """A versioned extractor: ``fn(ctx)`` returns what goes into ``ctx.<slot>``; it reads the slots in
    ``requires``, which earlier extractors in the list must write."""

    name: str  # e.g. "dateline.quotes.v1"
    slot: str  # entities, dates, places, quotes, events or summary
    fn: Callable[[Any], Any]
    requires: tuple[str, ...] = ()

    @property
    def assigns(self) -> str:
        """spaCy's word for the slot it writes."""
        return self.slot


def check_order(extractors: Sequence[Extractor]) -> None:
    """Raise ExtractorOrderError unless every slot an extractor reads is written by one before it."""
    written: dict[str, str] = {}  # slot -> the extractor that writes it
    writer_of = {ex.slot: ex.name for ex in extractors}
    for ex in extractors:
        for slot in (ex.slot, *ex.requires):
            if slot not in SLOTS:
                raise ExtractorOrderError(f"extractor {ex.name!r} names slot {slot!r}, which is not one of {SLOTS}")
        for slot in ex.requires:
            if slot in written:
                continue
            if slot in writer_of:
                raise ExtractorOrderError(
                    f"extractor {ex.name!r} requires {slot!r}, but {writer_of[slot]!r}, which writes it, runs after it:"
                    f" put {writer_of[slot]!r} first")
            raise ExtractorOrderError(
                f"extractor {ex.name!r} requires {slot!r}, which no extractor in the list writes:"
                f" add one that assigns {slot!r} before it")
        if ex.slot in written:  # the second would overwrite the first, and provenance names one per slot
            raise ExtractorOrderError(f"extractors {written[ex.slot]!r} and {ex.name!r} both write {ex.slot!r}")
        written[ex.slot] = ex.name
