"""The actor dictionaries as the linker asks them: which one dictionary actor a name is, on a day.

A name the dictionaries list for several actors, or for none of the kind asked (a person's name that is
also a town's alias), is no link. A name with a title before it ("President Bush", "Chairman Kim") is
that actor only while the actor held an office that day: the title says who it is only then, so
"President Bush" is the elder Bush in 1990, the younger in 2005, and nobody in 2019.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .names import dictionary_key, has_title, normalise, shown


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """One canonical actor as the ``actors`` table keeps it."""

    key: str
    name: str
    type: str | None
    country: str | None
    sector: str | None
    dictionary_id: str | None = None


@dataclass(frozen=True, slots=True)
class Found:
    """A dictionary actor a name was linked to, with the row that held on the article's day (None when no
    row did: the actor is known, its role that day is not)."""

    actor: ActorInfo
    row: Any
    rule: str


def _person_row(row: Any) -> bool:
    """A row that can name a person: a person's, or an untyped one that is more than a bare country code
    (the Phoenix files list towns as their country's aliases: "Houston" is no person)."""
    return row.type == "PERSON" or (not row.type and (bool(row.sector) or (row.code or "") != (row.country or "")))


def _body_row(row: Any) -> bool:
    """A row that can name an organisation, or the party of an event named by no entity."""
    return row.type != "PERSON" and (row.type == "ORG" or bool(row.sector) or (row.code or "") != (row.country or ""))


def kind_of_row(type: str | None):
    """The test a dictionary row must pass to name an entity of this type (None: no dictionary actor)."""
    if type == "PERSON":
        return _person_row
    if type in ("ORG", None, ""):
        return _body_row if type == "ORG" else (lambda r: _person_row(r) or _body_row(r))
    return None  # places and nationalities are answered by the country table, not the actor files


class Dictionaries:
    """Dateline's actor and country tables (over the Phoenix files), asked one name at a time."""

    def __init__(self, actors: Any = None, countries: Any = None) -> None:
        if actors is None:
            from ..ontology.actors import default_actors

            actors = default_actors()
        if countries is None:
            from ..ontology.countries import default_countries

            countries = default_countries()
        self.actors = actors
        self.countries = countries
        self._canon: dict[str, ActorInfo] = {}

    def country(self, iso3: str | None) -> ActorInfo | None:
        """The country actor of an ISO alpha-3 code Dateline's country table knows."""
        from .names import country_key

        c = self.countries.from_code(iso3) if iso3 else None
        if c is None:
            return None
        return ActorInfo(country_key(c.iso3), c.name, "GPE", c.iso3, None, f"countries.tsv:{c.iso3}")

    def country_named(self, text: str) -> ActorInfo | None:
        """The country a name is ("North Korea", "the United States"), never its capital or demonym."""
        found = self.countries.from_name(text) if text and text.strip() else None
        return self.country(found.iso3) if found is not None else None

    def find(self, text: str, on: dt.date | None, type: str | None, country: str | None = None) -> Found | None:
        """The one dictionary actor ``text`` names on day ``on`` for an entity of ``type`` (and, to choose
        between namesakes, of ``country``), or None."""
        fits = kind_of_row(type)
        if fits is None or not text or not text.strip():
            return None
        rows = [r for r in self.actors.lookup(text, on=on) if fits(r)]
        titled = type != "ORG" and has_title(text)  # "General Fisheries" is a company's name
        bare = normalise(text, "PERSON") if titled else ""
        if not rows and len(bare.split()) > 1:  # "President Tomas Varga": the full name after the title
            rows = [r for r in self.actors.lookup(bare.title(), on=on) if fits(r)]
        groups: dict[str, list[Any]] = {}
        for r in rows:
            groups.setdefault(normalise(r.name), []).append(r)
        rule = "dictionary name"
        if titled and len(bare.split()) <= 1:
            # a title with a surname names a person only while they held an office (not "former"); a
            # full name says who it is whatever the title
            groups = {k: g for k, g in groups.items() if g[0].type != "PERSON" or (
                on is not None and any(r.dated and not r.approximate and r.valid_on(on) and r.sector != "ELI"
                                       for r in g))}
            rule = "dictionary title held that day"
        if len(groups) > 1 and country:
            groups = {k: g for k, g in groups.items() if any(r.country == country for r in g)} or groups
        if len(groups) != 1:
            return None
        group = next(iter(groups.values()))
        # the role that held that day; of several (a leader who became head of state), the latest begun
        held = max((r for r in group if not r.approximate), default=None,
                   key=lambda r: (r.dated, r.start or dt.date.min))
        return Found(self.canonical(group[0].name), held, rule)

    def canonical(self, name: str) -> ActorInfo:
        """The actor a dictionary name stands for: shown as the top layer writes it, with the country and
        sector of its current row (the undated default, else the latest role)."""
        key = dictionary_key(name)
        got = self._canon.get(key)
        if got is None:
            rows = [r for r in self.actors.lookup(name) if dictionary_key(r.name) == key] or \
                [r for r in self.actors.lookup(name)]
            undated = [r for r in rows if not r.dated]
            current = undated[0] if undated else max(rows, key=lambda r: (r.start or dt.date.min, r.end or dt.date.max))
            got = ActorInfo(key, shown(current.name, person=current.type == "PERSON"),
                            current.type or None, current.country or None, current.sector or None,
                            f"{current.source}:{current.name}")
            self._canon[key] = got
        return got
