"""Shared lookups (dictionaries, gazetteer), loaded lazily once per process and injectable for tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any


@dataclass(slots=True)
class Resources:
    """Holds lookups by name; each is built on first use from its factory."""

    factories: dict[str, Any] = field(default_factory=dict)
    _built: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str) -> Any:
        if name not in self._built:
            self._built[name] = self.factories[name]()
        return self._built[name]

    def with_overrides(self, **objects: Any) -> "Resources":
        """A copy where some lookups are given objects (fakes in tests, user dictionaries)."""
        r = Resources(dict(self.factories), dict(self._built))
        r._built.update(objects)
        return r

    @property
    def countries(self) -> Any:
        return self.get("countries")

    @property
    def actors(self) -> Any:
        return self.get("actors")

    @property
    def agents(self) -> Any:
        return self.get("agents")

    @property
    def verbs(self) -> Any:
        """Event trigger patterns (ontology.verbs.VerbLexicon)."""
        return self.get("verbs")

    @property
    def gazetteer(self) -> Any:
        return self.get("gazetteer")

    @property
    def source_homes(self) -> Any:
        """Where news sources' readers live (geo.homes.SourceHomes), for resolving places; None
        unless given (``with_overrides(source_homes=...)``)."""
        return self.get("source_homes") if "source_homes" in self.factories or "source_homes" in self._built else None


def _countries() -> Any:
    from ..ontology.countries import default_countries

    return default_countries()


def _actors() -> Any:
    from ..ontology.actors import default_actors

    return default_actors()


def _agents() -> Any:
    from ..ontology.agents import default_agents

    return default_agents()


def _gazetteer() -> Any:
    from ..geo.gazetteer import default_gazetteer

    return default_gazetteer()


def _verbs() -> Any:
    from ..ontology.verbs import default_verbs

    return default_verbs()


@cache
def default_resources() -> Resources:
    return Resources({"countries": _countries, "actors": _actors, "agents": _agents, "gazetteer": _gazetteer,
                      "verbs": _verbs})
