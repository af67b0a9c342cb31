"""Joining reports into occurrences, one batch at a time, against the occurrences already known.

An :class:`Occurrence` is the fold of its reports: the most specific actor, target and place they name,
their days (the precise reports' days when there are any, else the narrowest span) and their words.
:func:`link` takes new reports and the candidate occurrences a store found for them, and decides for
each report, most precise first: join the best-matching occurrence (see ``identity.match``), join two
occurrences it bridges (arrival on the 7th, talks on the 8th), found a new one, or stay unplaced (no
calendar date, a span too wide, or a vague span that holds two occurrences and cannot say which).
What changed is returned so a store writes only that.

Candidates come from a :class:`Pool`, which files each occurrence under its *bucket* (type family and
week: every week its days touch) and its *keys* (the countries and names of its parties and its place).
A report looks only at occurrences in the buckets of the weeks its days can reach that share one of its
keys (all of the buckets' occurrences when it knows no party and no place), so the work a report costs
does not grow with the store. A store's occurrences may come in as summaries (what ``match`` reads,
without their reports); a pool loads the reports of those a report joins, through ``load``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model.ids import stable_id
from .identity import (GAP_DAYS, PLACEABLE_DAYS, Party, Place, Report, Verdict, compare_parties, compare_places,
                       family, finer_place, match, more_specific, same_act, symmetric)

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
    partial: bool = False  # a summary read from the store: its reports are not loaded yet

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


def link(reports: list[Report], pool: "list[Occurrence] | Pool", *, taken: set[str] | None = None) -> Changes:
    """Join ``reports`` into ``pool`` (the candidate occurrences, changed in place: a list, or a
    :class:`Pool` that can load summaries' reports); ``taken`` holds ids in use elsewhere in the store."""
    live = pool if isinstance(pool, Pool) else Pool(pool)
    taken = set(taken or ()) | set(live.by_id)
    changes = Changes()
    todo = sorted(reports, key=lambda r: (r.tier, r.days, r.start, r.event_id))
    for r in todo:
        if not placeable(r):
            changes.unplaced.append(r)
            continue
        near = live.candidates(r)
        hits = [(o, v) for o in near if (v := match(o, r)).ok]
        if r.tier == 2:
            _place_vague(r, hits, live.candidates(r, recipient_too=False), live, changes, taken)
            continue
        if not hits:
            _found(r, live, changes, taken)
            continue
        hits.sort(key=lambda h: (-h[1].score, h[0].start, h[0].id))
        target, verdict = hits[0]
        _join(target, r, verdict, live, changes)
        for other, _ in hits[1:]:
            if r.days <= SHORT_DAYS and other.precise and target.precise and _mergeable(target, other, live):
                _merge(target, other, live, changes)
    return changes


def week(day: dt.date) -> int:
    return day.toordinal() // 7


def side_key(role: str, p: Party | None) -> str:
    """What one side is filed under: its country, or ``?`` where none is known (which any party may be)."""
    return f"{role}:{p.country if p is not None and p.kind != 'unknown' and p.country else '?'}"


def occurrence_keys(o: Occurrence) -> set[str]:
    """Its actor's and target's keys and its place's country, and ``*`` (looked up by a report that
    knows no country on any side)."""
    return {"*", side_key("a", o.actor), side_key("r", o.recipient),
            "p:" + ((o.place.country or "?") if o.place else "?")}


def report_constraints(r: Report, recipient_too: bool = True) -> list[list[tuple[str, ...]]]:
    """What a candidate must be filed under, per reading of the report (two for a meeting, which may
    be named either way round): for each side whose country is known, that country or ``?`` (a side
    whose country nobody knows is compatible with any); its place's country likewise. A report dated
    only by a vague span also asks without its target (an overlapping occurrence of its actor and place
    keeps it from founding its own: ``_place_vague``)."""
    orders = [(r.actor, r.recipient)]
    if symmetric(r.type, r.mode):
        orders.append((r.recipient, r.actor))
    out = []
    for actor, recipient in orders:
        need = []
        for role, p in (("a", actor), ("r", recipient if recipient_too else None)):
            if p is not None and p.kind != "unknown" and p.country:
                need.append((f"{role}:{p.country}", f"{role}:?"))
        if r.place is not None and r.place.country:
            need.append((f"p:{r.place.country}", "p:?"))
        out.append(need)
    return out


def report_keys(r: Report) -> list[str]:
    """The keys a store looks candidates up by: the first constraint of each reading (the pool then
    applies them all), or ``*`` when the report constrains nothing."""
    keys: list[str] = []
    for need in report_constraints(r):
        if not need:
            return ["*"]
        keys += [k for k in need[0] if k not in keys]
    return keys


def occurrence_buckets(o: Occurrence) -> list[tuple[str, int]]:
    fam = family(o.type)
    return [(fam, w) for w in range(week(o.start), week(o.end) + 1)]


def report_buckets(r: Report) -> list[tuple[str, int]]:
    """The buckets a report's candidates lie in: its family, the weeks its days (and the gap) can reach."""
    lo, hi = r.reach
    gap = dt.timedelta(days=GAP_DAYS)
    fam = family(r.type)
    return [(fam, w) for w in range(week(lo - gap), week(hi + gap) + 1)]


class Pool:
    """Occurrences filed by bucket and key, for finding a report's candidates without scanning them all."""

    def __init__(self, occurrences: Iterable[Occurrence] = (),
                 load: Callable[[list[Occurrence]], None] | None = None):
        self.by_id: dict[str, Occurrence] = {}
        self.index: dict[tuple[str, int], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.filed: dict[str, list[tuple[tuple[str, int], str]]] = {}
        self.load = load
        for o in occurrences:
            self.add(o)

    def add(self, o: Occurrence) -> None:
        self.by_id[o.id] = o
        entries = [(b, k) for b in occurrence_buckets(o) for k in occurrence_keys(o)]
        for b, k in entries:
            self.index[b][k].add(o.id)
        self.filed[o.id] = entries

    def remove(self, o: Occurrence) -> None:
        self.by_id.pop(o.id, None)
        for b, k in self.filed.pop(o.id, []):
            ids = self.index[b][k]
            ids.discard(o.id)

    def refile(self, o: Occurrence) -> None:
        self.remove(o)
        self.add(o)

    def full(self, *occurrences: Occurrence) -> None:
        """Load the reports of summaries before they change (a join refreshes from every report)."""
        partial = [o for o in occurrences if o.partial]
        if partial:
            if self.load is None:
                raise ValueError("a pool of stored summaries needs a loader")
            self.load(partial)
            for o in partial:
                o.partial = False

    def candidates(self, r: Report, recipient_too: bool = True) -> list[Occurrence]:
        buckets = [self.index[b] for b in report_buckets(r) if b in self.index]
        ids: set[str] = set()
        for need in report_constraints(r, recipient_too):
            for filed in buckets:
                found = set(filed.get("*", ()))
                for keys in need:
                    found &= set().union(*(filed.get(k, ()) for k in keys))
                    if not found:
                        break
                ids |= found
        return [self.by_id[i] for i in sorted(ids)]

    def __iter__(self):
        return iter(list(self.by_id.values()))


def _found(r: Report, live: Pool, changes: Changes, taken: set[str]) -> Occurrence:
    oid = occurrence_id(r.event_id, taken)
    taken.add(oid)
    o = Occurrence(oid, r.event_id, [r], {r.event_id: {"founded": True, "days": f"{r.start}..{r.end}"}})
    o.refresh()
    live.add(o)
    changes.touched[oid] = o
    return o


def _join(o: Occurrence, r: Report, verdict: Verdict, live: Pool, changes: Changes) -> None:
    live.full(o)
    o.reports.append(r)
    o.why[r.event_id] = verdict.why
    o.refresh()
    live.refile(o)
    changes.touched[o.id] = o


def _place_vague(r: Report, hits: list, near: list[Occurrence], live: Pool, changes: Changes,
                 taken: set[str]) -> None:
    """A vague span ("in March") joins the one occurrence it matches; with none, it founds its own unless
    a compatible occurrence overlaps it (it may be that one or another: it cannot say)."""
    if len(hits) == 1:
        _join(hits[0][0], r, hits[0][1], live, changes)
        return
    if not hits and not any(_overlaps_compatible(o, r) for o in near):
        _found(r, live, changes, taken)
        return
    changes.unplaced.append(r)


def _overlaps_compatible(o: Occurrence, r: Report) -> bool:
    if not same_act(o.type, o.mode, r.type, r.mode) or not (o.start <= r.end and r.start <= o.end):
        return False
    return compare_parties(o.actor, r.actor)[0] and compare_places(o.place, r.place)[0]


def _mergeable(a: Occurrence, b: Occurrence, live: Pool) -> bool:
    """Two occurrences a report of its own days bridges (arrival on the 7th, talks on the 8th) are one
    when every report of the one would join the other."""
    live.full(b)
    return all(match(a, r).ok for r in b.reports)


def _merge(target: Occurrence, other: Occurrence, live: Pool, changes: Changes) -> None:
    live.full(target, other)
    for r in other.reports:
        target.reports.append(r)
        target.why[r.event_id] = {**other.why.get(r.event_id, {}), "merged_from": other.id}
    target.refresh()
    live.refile(target)
    live.remove(other)
    changes.touched.pop(other.id, None)
    changes.removed.add(other.id)
    changes.touched[target.id] = target
