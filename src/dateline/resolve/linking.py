"""Joining reports into occurrences, one batch at a time, against the occurrences already known.

An :class:`Occurrence` is the fold of its reports: the most specific actor, target and place they name,
their days (the precise reports' days when there are any, else the narrowest span) and their words.
:func:`link` takes new reports and the candidate occurrences a store found for them, and decides for
each report, most precise first: join the best-matching occurrence (see ``identity.match``), join two
occurrences it bridges (arrival on the 7th, talks on the 8th), found a new one, or stay unplaced (no
calendar date, a span too wide, or a vague span that holds two occurrences and cannot say which).
What changed is returned so a store writes only that.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model.ids import stable_id
from .identity import (PLACEABLE_DAYS, Place, Report, Verdict, compare_parties, compare_places, finer_place, match,
                       more_specific, symmetric)

SHORT_DAYS = 4  # a report dated this closely sets an occurrence's days over one dated to a week
MAX_WORDS = 60  # an occurrence keeps its reports' most frequent words, enough to compare with


@dataclass(slots=True)
class Occurrence:
    id: str
    founder: str  # the event id its id was made from
    reports: list[Report] = field(default_factory=list)
    why: dict[str, dict[str, Any]] = field(default_factory=dict)  # event id -> the evidence that joined it
    type: str = ""
    mode: str | None = None
    actor: Any = None
    recipient: Any = None
    place: Place | None = None
    start: dt.date = dt.date.min
    end: dt.date = dt.date.max
    precise: bool = False
    words: frozenset[str] = frozenset()
    sides: list[tuple[Any, Any]] = field(default_factory=list)  # each joined report's (actor, target), oriented
    places: list[Place] = field(default_factory=list)  # each distinct place a joined report names
    stored: set[str] = field(default_factory=set)  # event ids whose rows the store holds under this id

    def refresh(self) -> None:
        """Recompute what the occurrence says from its reports."""
        founder = next((r for r in self.reports if r.event_id == self.founder), self.reports[0])
        self.type, self.mode = founder.type, founder.mode
        self.actor = self.recipient = self.place = None
        sides: dict[tuple, tuple] = {}
        places: dict[str, Place] = {}
        for r in sorted(self.reports, key=lambda r: (r.event_id != founder.event_id, r.tier, r.event_id)):
            actor, recipient = r.actor, r.recipient
            if symmetric(r.type, r.mode) and self.actor is not None and not (
                    compare_parties(self.actor, actor)[0] and compare_parties(self.recipient, recipient)[0]):
                actor, recipient = recipient, actor  # a meeting reported the other way round
            self.actor, self.recipient = more_specific(self.actor, actor), more_specific(self.recipient, recipient)
            self.place = finer_place(self.place, r.place)
            sides.setdefault((actor, recipient), (actor, recipient))
            if r.place is not None:
                places.setdefault(r.place.key, r.place)
        self.sides, self.places = list(sides.values()), list(places.values())
        best = min(r.tier for r in self.reports)
        tier = [r for r in self.reports if r.tier == best]
        self.precise = best < 2
        if self.precise:
            # days of their own (a day, "25 to 28 March") set the span over a week ("that week")
            short = [r for r in tier if r.days <= SHORT_DAYS] or tier
            self.start, self.end = min(r.start for r in short), max(r.end for r in short)
        else:
            narrow = min(tier, key=lambda r: (r.days, r.start))
            self.start, self.end = narrow.start, narrow.end
        counts = Counter(w for r in self.reports for w in r.words)
        self.words = frozenset(w for w, _ in counts.most_common(MAX_WORDS))

    @property
    def articles(self) -> int:
        return len({r.article_id for r in self.reports})


def placeable(r: Report) -> bool:
    return r.days <= PLACEABLE_DAYS


@dataclass(slots=True)
class Changes:
    """What :func:`link` did: occurrences created or changed (to write), removed (merged into another),
    and the reports left unplaced."""

    touched: dict[str, Occurrence] = field(default_factory=dict)
    removed: set[str] = field(default_factory=set)
    unplaced: list[Report] = field(default_factory=list)


def occurrence_id(event_id: str, taken: set[str]) -> str:
    """``oc`` + a hash of the founding report's event id (another salt if that id is still taken)."""
    salt = 0
    while (oid := stable_id(event_id, *([salt] if salt else []), prefix="oc")) in taken:
        salt += 1
    return oid


def link(reports: list[Report], pool: list[Occurrence], *, taken: set[str] | None = None) -> Changes:
    """Join ``reports`` into ``pool`` (the candidate occurrences, changed in place); ``taken`` holds ids in
    use elsewhere in the store."""
    taken = set(taken or ()) | {o.id for o in pool}
    changes = Changes()
    live = list(pool)
    todo = sorted(reports, key=lambda r: (r.tier, r.days, r.start, r.event_id))
    for r in todo:
        if not placeable(r):
            changes.unplaced.append(r)
            continue
        hits = [(o, v) for o in live if o.type == r.type and o.mode == r.mode and (v := match(o, r)).ok]
        if r.tier == 2:
            _place_vague(r, hits, live, changes, taken)
            continue
        if not hits:
            _found(r, live, changes, taken)
            continue
        hits.sort(key=lambda h: (-h[1].score, h[0].start, h[0].id))
        target, verdict = hits[0]
        _join(target, r, verdict, changes)
        for other, _ in hits[1:]:
            if r.days <= SHORT_DAYS and other.precise and target.precise and _mergeable(target, other):
                _merge(target, other, live, changes)
    return changes


def _found(r: Report, live: list[Occurrence], changes: Changes, taken: set[str]) -> Occurrence:
    oid = occurrence_id(r.event_id, taken)
    taken.add(oid)
    o = Occurrence(oid, r.event_id, [r], {r.event_id: {"founded": True, "days": f"{r.start}..{r.end}"}})
    o.refresh()
    live.append(o)
    changes.touched[oid] = o
    return o


def _join(o: Occurrence, r: Report, verdict: Verdict, changes: Changes) -> None:
    o.reports.append(r)
    o.why[r.event_id] = verdict.why
    o.refresh()
    changes.touched[o.id] = o


def _place_vague(r: Report, hits: list, live: list[Occurrence], changes: Changes, taken: set[str]) -> None:
    """A vague span ("in March") joins the one occurrence it matches; with none, it founds its own unless
    a compatible occurrence overlaps it (it may be that one or another: it cannot say)."""
    if len(hits) == 1:
        _join(hits[0][0], r, hits[0][1], changes)
        return
    if not hits and not any(_overlaps_compatible(o, r) for o in live):
        _found(r, live, changes, taken)
        return
    changes.unplaced.append(r)


def _overlaps_compatible(o: Occurrence, r: Report) -> bool:
    if (o.type, o.mode) != (r.type, r.mode) or not (o.start <= r.end and r.start <= o.end):
        return False
    return compare_parties(o.actor, r.actor)[0] and compare_places(o.place, r.place)[0]


def _mergeable(a: Occurrence, b: Occurrence) -> bool:
    """Two occurrences a report of its own days bridges (arrival on the 7th, talks on the 8th) are one
    when every report of the one would join the other."""
    return all(match(a, r).ok for r in b.reports)


def _merge(target: Occurrence, other: Occurrence, live: list[Occurrence], changes: Changes) -> None:
    for r in other.reports:
        target.reports.append(r)
        target.why[r.event_id] = {**other.why.get(r.event_id, {}), "merged_from": other.id}
    target.refresh()
    live.remove(other)
    changes.touched.pop(other.id, None)
    changes.removed.add(other.id)
    changes.touched[target.id] = target
