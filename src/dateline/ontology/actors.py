"""Known actors: people and organisations with their CAMEO country and
sector codes, read from ``data/actors.tsv`` (or a user file in the same
format, or a PETRARCH ``.actors`` file via :mod:`dateline.ontology.petrarch`).

Dates and the choice among rows
-------------------------------
A row may carry ``start``/``end`` dates (both inclusive, either may be
empty for "open"): it describes the actor *while that role held*. One
person can have several rows (Pompeo: legislator, CIA director, secretary
of state). Rows with neither date are the actor's *default*.

:meth:`ActorDictionary.lookup` with a date ``on`` does this for each actor
(rows are grouped by their normalised ``name``):

1. the dated rows whose period contains ``on`` (several may: a leader who
   is also party chief), else
2. the undated (default) rows, else
3. the dated rows nearest in time to ``on`` (ties kept), returned as copies
   with ``approximate=True`` so callers can tell a guess from a fact.

This is PETRARCH's rule (a date restriction wins over the default code)
plus step 3. Rows come back in dictionary order; for a PETRARCH file the
first row returned is the code PETRARCH itself would use. Without ``on``
every matching row is returned.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from pathlib import Path

from ._text import DictionaryFormatError, NameIndex, norm_key, parse_date, read_tsv, split_list

__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "ACTOR_TYPES",
    "LayeredActors",
    "dateline_actors",
    "default_actors",
    "load_actors",
]

COLUMNS = ("name", "aliases", "type", "country", "sector", "role", "start", "end", "note")
ACTOR_TYPES = frozenset({"PERSON", "ORG"})

#: Lower-case words that should not match capitalised actor aliases.
COMMON_WORDS = frozenset(
    {
        "amazon",
        "amnesty",
        "apple",
        "congress",
        "conservatives",
        "dawn",
        "diet",
        "economist",
        "guardian",
        "labour",
        "meta",
        "no 10",
        "number 10",
        "pentagon",
        "security council",
        "senate",
        "shell",
        "the times",
        "treasury",
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorEntry:
    """One dictionary row: an actor in one role over one period."""

    name: str
    aliases: tuple[str, ...] = ()
    type: str = ""  # PERSON, ORG, or "" when unknown (PETRARCH files)
    country: str = ""  # ISO alpha-3, or IGO / NGO / MNC / IMG
    sector: str = ""  # CAMEO sector (GOV, MIL, MED ...), may be empty
    role: str = ""  # short lower-case role ("head of state", "news agency")
    start: date | None = None  # first day the role held (inclusive)
    end: date | None = None  # last day the role held (inclusive)
    note: str = ""
    source: str = ""  # file the row came from
    code: str = ""  # full CAMEO code string, e.g. "USAGOV", "PSEREBHMS"
    codes: tuple[str, ...] = ()  # the code split in 3-letter parts
    approximate: bool = False  # set only on rows lookup() returns as nearest-in-time

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def valid_on(self, on: date) -> bool:
        """Does the row's period contain ``on``? Undated rows always do."""
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)

    def distance(self, on: date) -> int:
        """Days from ``on`` to the row's period (0 inside it)."""
        if self.start is not None and on < self.start:
            return (self.start - on).days
        if self.end is not None and on > self.end:
            return (on - self.end).days
        return 0


def _as_date(on: date | datetime | None) -> date | None:
    return on.date() if isinstance(on, datetime) else on


_name_key = functools.lru_cache(maxsize=65_536)(norm_key)  # an actor's rows share a name: key it once


def choose_rows(rows: list[ActorEntry], on: date | datetime | None) -> list[ActorEntry]:
    """The rows that hold on date ``on``, actor by actor, as the module docstring says."""
    on = _as_date(on)
    if on is None or not rows:
        return rows
    groups: dict[str, list[ActorEntry]] = {}
    for row in rows:
        groups.setdefault(_name_key(row.name), []).append(row)
    out: list[ActorEntry] = []
    for group in groups.values():
        current = [r for r in group if r.dated and r.valid_on(on)]
        if not current:
            current = [r for r in group if not r.dated]
        if not current:
            nearest = min(r.distance(on) for r in group)
            current = [dataclasses.replace(r, approximate=True) for r in group if r.distance(on) == nearest]
        out.extend(current)
    return out


class ActorDictionary:
    """Name/alias index over :class:`ActorEntry` rows.

    ``acronyms=False`` matches every alias case-insensitively (PETRARCH files
    are all upper case); otherwise all-capital aliases such as "WHO" or "AP"
    only match all-capital or dotted text.
    """

    def __init__(self, entries: Iterable[ActorEntry] = (), *, acronyms: bool = True) -> None:
        self._entries: tuple[ActorEntry, ...] = tuple(entries)
        self._index: NameIndex[int] = NameIndex(COMMON_WORDS)
        for i, entry in enumerate(self._entries):
            for alias in entry.names:
                self._index.add(alias, i, acronyms=acronyms)

    @classmethod
    def _from_parts(cls, entries: tuple[ActorEntry, ...], index: NameIndex[int]) -> "ActorDictionary":
        new = cls.__new__(cls)
        new._entries = entries
        new._index = index
        return new

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self._entries)

    @property
    def entries(self) -> tuple[ActorEntry, ...]:
        return self._entries

    def merge(self, other: "ActorDictionary") -> "ActorDictionary":
        """A new dictionary with this one's rows followed by ``other``'s.

        Each side keeps its own matching rules; rows of both sides that share
        a name are treated as one actor by :meth:`lookup`.
        """
        offset = len(self._entries)
        index = self._index.merged(other._index, shift=lambda i: i + offset)
        return ActorDictionary._from_parts(self._entries + other._entries, index)

    def lookup(self, text: str, on: date | datetime | None = None) -> list[ActorEntry]:
        """Rows whose name or alias matches ``text``, chosen for date ``on``
        as described in the module docstring."""
        return choose_rows([self._entries[i] for i in sorted(self._index.get(text))], on)

    def best(self, text: str, on: date | datetime | None = None) -> ActorEntry | None:
        """The first row :meth:`lookup` returns, or None."""
        rows = self.lookup(text, on)
        return rows[0] if rows else None

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and bool(self._index.get(text))


def code_parts(code: str) -> tuple[str, ...]:
    """Split a CAMEO code into 3-letter parts: "PSEREBHMS" -> ("PSE", "REB", "HMS")."""
    code = code.strip().upper()
    return tuple(code[i : i + 3] for i in range(0, len(code), 3)) if code else ()


def _tsv_code(country: str, sector: str) -> str:
    return country if sector in ("", country) else country + sector


def load_actors(path: Path | str, *, text: str | None = None) -> ActorDictionary:
    """Read an actors TSV (see the header of the shipped file for the format)."""
    rows: list[ActorEntry] = []
    source = Path(str(path)).name
    for row in read_tsv(path, text, required=COLUMNS):
        where = f"{path}:{row.line}"
        kind = row["type"].upper()
        if kind and kind not in ACTOR_TYPES:
            raise DictionaryFormatError(f"{where}: type {row['type']!r} is not PERSON or ORG")
        if not row["name"] or not row["country"]:
            raise DictionaryFormatError(f"{where}: name and country are required")
        start, end = parse_date(row["start"], where), parse_date(row["end"], where)
        if start and end and end < start:
            raise DictionaryFormatError(f"{where}: end {end} before start {start}")
        country, sector = row["country"].upper(), row["sector"].upper()
        code = _tsv_code(country, sector)
        rows.append(
            ActorEntry(
                name=row["name"],
                aliases=split_list(row["aliases"]),
                type=kind,
                country=country,
                sector=sector,
                role=row["role"],
                start=start,
                end=end,
                note=row["note"],
                source=source,
                code=code,
                codes=code_parts(code),
            )
        )
    return ActorDictionary(rows)


class LayeredActors:
    """One dictionary over another: a text that the top dictionary's rows match is answered by
    them alone (Dateline's rows win where both name the same phrase); the base answers the rest."""

    def __init__(self, top: ActorDictionary, base: ActorDictionary) -> None:
        self.top = top
        self.base = base

    def __len__(self) -> int:
        return len(self.top) + len(self.base)

    def __iter__(self) -> Iterator[ActorEntry]:
        yield from self.top
        yield from self.base

    @property
    def entries(self) -> tuple[ActorEntry, ...]:
        return self.top.entries + self.base.entries

    def merge(self, other: ActorDictionary) -> "LayeredActors":
        """``other``'s rows join the top layer (see :meth:`ActorDictionary.merge`)."""
        return LayeredActors(self.top.merge(other), self.base)

    def lookup(self, text: str, on: date | datetime | None = None) -> list[ActorEntry]:
        """The top's rows; the base's where the top has none, or only a guess from another period
        while the base has a row for the date (Penny Wong's ministry of 2008 is Phoenix's, her
        ministry of 2022 Dateline's)."""
        top = self.top.lookup(text, on)
        if top and not all(r.approximate for r in top):
            return top
        base = self.base.lookup(text, on)
        if base and (not top or not all(r.approximate for r in base)):
            return base
        return top

    def best(self, text: str, on: date | datetime | None = None) -> ActorEntry | None:
        rows = self.lookup(text, on)
        return rows[0] if rows else None

    def __contains__(self, text: object) -> bool:
        return text in self.top or text in self.base


@functools.cache
def dateline_actors() -> ActorDictionary:
    """The shipped ``data/actors.tsv`` alone, read once on first use."""
    resource = resources.files("dateline.ontology") / "data" / "actors.tsv"
    return load_actors("actors.tsv", text=resource.read_text(encoding="utf-8"))


@functools.cache
def default_actors() -> LayeredActors:
    """Dateline's ``data/actors.tsv`` over the Phoenix actor files (:mod:`.phoenix`), read once."""
    from .phoenix import phoenix_actors

    return LayeredActors(dateline_actors(), phoenix_actors())
