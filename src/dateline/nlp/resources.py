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
    def discards(self) -> Any:
        """Phrases that mark a sentence as not to code (ontology.discards.DiscardList):
        ``res.discards.phrase_in(sentence)`` is the phrase found, or None."""
        return self.get("discards")

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


#: Event triggers: "dateline" codes with data/verbs.tsv alone; "layered" puts it over PETRARCH-2's
#: CAMEO.2.0 verb dictionary, whose patterns then code the verbs Dateline lacks (ontology.phoenix).
#: This is the one place to switch it; "dateline" measured better overall (ontology/data/petrarch2/README.md).
VERBS = "dateline"


def _verbs() -> Any:
    return _verbs_layered() if VERBS == "layered" else _verbs_dateline()


def _verbs_dateline() -> Any:
    from ..ontology.verbs import default_verbs

    return default_verbs()


def _verbs_layered() -> Any:
    from ..ontology.phoenix import layered_verbs

    return layered_verbs()


def _discards() -> Any:
    from ..ontology.discards import default_discards

    return default_discards()


@cache
def default_resources() -> Resources:
    return Resources({"countries": _countries, "actors": _actors, "agents": _agents, "gazetteer": _gazetteer,
                      "verbs": _verbs, "verbs_dateline": _verbs_dateline, "verbs_layered": _verbs_layered,
                      "discards": _discards})
