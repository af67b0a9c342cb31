"""Across articles: which coded events are reports of the same real-world occurrence.

Several outlets report one visit, and a later article recalls it ("in March, May and June last year").
Reports are grouped when they have the same actor, type and recipient (the caller filters for those)
and their dates agree: a day-precise report joins an occurrence whose days it overlaps or nearly
touches; a vaguer report ("in March") joins the one occurrence it holds, and opens its own only when it
holds none. Reports with no calendar date ("before the published date") or a span too wide to place
(a year, "since March last year") are kept aside as unplaced; they never create or merge occurrences.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

HAPPENED = ("occurred", "reported")
PRECISE_DAYS = 7  # a report dated to a week or less can found an occurrence
PLACEABLE_DAYS = 31  # a month is the vaguest date that can still be matched to one occurrence
GAP_DAYS = 2  # reports dated a day or two apart (arrival, talks, departure) are one trip


@dataclass(slots=True)
class Report:
    """One coded event as evidence: its days and where it came from."""

    event_id: str
    start: dt.date | None
    end: dt.date | None
    location: str | None = None
    row: dict[str, Any] = field(default_factory=dict)

    @property
    def days(self) -> int | None:
        return (self.end - self.start).days + 1 if self.start and self.end else None


@dataclass(slots=True)
class Occurrence:
    start: dt.date
    end: dt.date
    reports: list[Report] = field(default_factory=list)

    @property
    def locations(self) -> list[str]:
        seen: dict[str, int] = {}
        for r in self.reports:
            if r.location:
                seen[r.location] = seen.get(r.location, 0) + 1
        return sorted(seen, key=lambda k: -seen[k])

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        return self.start <= end and start <= self.end


def _near(o: Occurrence, r: Report) -> bool:
    gap = dt.timedelta(days=GAP_DAYS)
    return o.start - gap <= r.end and r.start <= o.end + gap


def group(reports: list[Report]) -> tuple[list[Occurrence], list[Report]]:
    """Occurrences (oldest first) and the reports that could not be placed on a calendar."""
    placed = [r for r in reports if r.days is not None and r.days <= PLACEABLE_DAYS]
    unplaced = [r for r in reports if r not in placed]
    occurrences: list[Occurrence] = []
    for r in sorted((r for r in placed if r.days <= PRECISE_DAYS), key=lambda r: (r.days, r.start)):
        hits = [o for o in occurrences if _near(o, r)]
        if not hits:
            occurrences.append(Occurrence(r.start, r.end, [r]))
            continue
        target = hits[0]
        for other in hits[1:]:  # a report bridging two groups (arrival on the 7th, talks on the 8th) joins them
            target.reports += other.reports
            target.start, target.end = min(target.start, other.start), max(target.end, other.end)
            occurrences.remove(other)
        target.reports.append(r)
        if r.days <= 1 or target.end - target.start < dt.timedelta(days=PRECISE_DAYS):
            target.start, target.end = min(target.start, r.start), max(target.end, r.end)
    for r in sorted((r for r in placed if r.days > PRECISE_DAYS), key=lambda r: (r.days, r.start)):
        hits = [o for o in occurrences if o.start >= r.start and o.end <= r.end]
        if len(hits) == 1:
            hits[0].reports.append(r)
        elif not hits and not any(o.overlaps(r.start, r.end) for o in occurrences):
            occurrences.append(Occurrence(r.start, r.end, [r]))  # "visited in March", nothing more precise
        else:
            unplaced.append(r)  # a month holding two trips cannot say which
    occurrences.sort(key=lambda o: o.start)
    return occurrences, unplaced


def in_window(o: Occurrence, since: dt.date | None, until: dt.date | None) -> bool:
    return (since is None or o.end >= since) and (until is None or o.start <= until)
