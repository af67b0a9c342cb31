"""Generic agent nouns ("spokesperson", "troops", "state media") and the
CAMEO sector each implies, read from ``data/agents.tsv`` (or a user file in
the same format, or a PETRARCH ``.agents`` file via
:mod:`dateline.ontology.petrarch`).

>>> default_agents().sector_for("North Korean foreign ministry spokesperson")
AgentMatch(sector='GOV', noun='spokesperson')

:meth:`AgentDictionary.sector_for` looks for the *longest* dictionary noun
that ends the phrase (the head noun and as many modifiers as the dictionary
knows), in singular or plural form; hyphens count as spaces and a trailing
possessive is ignored. Matching words must be consecutive.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from ._text import DictionaryFormatError, norm_key, read_tsv

__all__ = ["AgentDictionary", "AgentEntry", "AgentMatch", "dateline_agents", "default_agents", "load_agents"]

COLUMNS = ("noun", "plural", "sector", "note")

_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$")


@dataclass(frozen=True, slots=True, kw_only=True)
class AgentEntry:
    """One agent noun. ``sector`` is the CAMEO code the noun adds to an actor
    (PETRARCH files may give compound codes such as "GOVFRM")."""

    noun: str
    plural: str = ""  # empty: no separate plural form
    sector: str
    note: str = ""
    code: str = ""  # PETRARCH form: "~GOV" (appended after the actor code) or "NGO~" (put before it)
    source: str = ""

    @property
    def prefix(self) -> bool:
        """True for PETRARCH codes written ``CODE~`` (they go before the actor code)."""
        return self.code.endswith("~")

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.noun, self.plural) if self.plural else (self.noun,)


class AgentMatch(NamedTuple):
    sector: str
    noun: str  # the dictionary noun (singular) that matched


class AgentDictionary:
    """Index of :class:`AgentEntry` rows by every singular and plural form.

    When two rows share a form, the later row wins (so a user file merged
    after the shipped one overrides it).
    """

    def __init__(self, entries: Iterable[AgentEntry] = ()) -> None:
        self._entries = tuple(entries)
        self._index: dict[str, AgentEntry] = {}
        for entry in self._entries:
            for form in entry.forms:
                key = norm_key(form)
                if key:
                    self._index[key] = entry
        self._longest = max((len(k.split()) for k in self._index), default=0)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[AgentEntry]:
        return iter(self._entries)

    @property
    def entries(self) -> tuple[AgentEntry, ...]:
        return self._entries

    def merge(self, other: "AgentDictionary") -> "AgentDictionary":
        """A new dictionary with ``other``'s rows added; they win on conflicts."""
        return AgentDictionary(self._entries + other._entries)

    def get(self, noun: str) -> AgentEntry | None:
        """The row for exactly this noun (singular or plural form)."""
        return self._index.get(norm_key(noun))

    def entry_for(self, phrase: str) -> tuple[AgentEntry, str] | None:
        """``(entry, matched words)`` for the longest dictionary noun ending ``phrase``."""
        key = norm_key(phrase)
        tries = [key]
        stripped = _POSSESSIVE.sub("", key)
        if stripped != key:
            tries.append(stripped)
        for words_key in tries:
            words = words_key.split()
            for i in range(max(0, len(words) - self._longest), len(words)):
                candidate = " ".join(words[i:])
                entry = self._index.get(candidate)
                if entry is not None:
                    return _shadowed(entry, candidate) if i and words[i - 1] == SHADOW else (entry, candidate)
        return None

    def sector_for(self, phrase: str) -> AgentMatch | None:
        """``(sector, noun)`` for the longest dictionary noun ending ``phrase``."""
        found = self.entry_for(phrase)
        return AgentMatch(found[0].sector, found[0].noun) if found else None


# Westminster-style parliaments: a "shadow chancellor" or "shadow home secretary" is the opposition's
# spokesperson for that office, so the office's government sector becomes the opposition's.
SHADOW = "shadow"


def _shadowed(entry: AgentEntry, matched: str) -> tuple[AgentEntry, str]:
    if entry.sector != "GOV":
        return entry, matched  # "shadow" before a noun of no office says nothing of the party
    noun = f"{SHADOW} {entry.noun}"
    return AgentEntry(noun=noun, sector="OPP", note="the opposition's spokesperson for a government office",
                      code="~OPP", source=entry.source), f"{SHADOW} {matched}"


def load_agents(path: Path | str, *, text: str | None = None) -> AgentDictionary:
    """Read an agents TSV (see the header of the shipped file for the format)."""
    source = Path(str(path)).name
    rows = []
    for row in read_tsv(path, text, required=COLUMNS):
        if not row["noun"] or not row["sector"]:
            raise DictionaryFormatError(f"{path}:{row.line}: noun and sector are required")
        sector = row["sector"].upper()
        rows.append(
            AgentEntry(
                noun=row["noun"].lower(),
                plural=row["plural"].lower(),
                sector=sector,
                note=row["note"],
                code="~" + sector,
                source=source,
            )
        )
    return AgentDictionary(rows)


@functools.cache
def dateline_agents() -> AgentDictionary:
    """The shipped ``data/agents.tsv`` alone, read once on first use."""
    resource = resources.files("dateline.ontology") / "data" / "agents.tsv"
    return load_agents("agents.tsv", text=resource.read_text(encoding="utf-8"))


@functools.cache
def default_agents() -> AgentDictionary:
    """Dateline's ``data/agents.tsv`` over Phoenix.agents.txt (:mod:`.phoenix`): a noun both list
    takes Dateline's sector."""
    from .phoenix import phoenix_agents

    return phoenix_agents().merge(dateline_agents())
