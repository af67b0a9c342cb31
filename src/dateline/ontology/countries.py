"""Countries: ISO 3166 codes, the names news uses for them, demonyms and
capitals, read from ``data/countries.tsv`` (or a user file in the same
format).

>>> idx = default_countries()
>>> idx.from_name("U.S.").iso3, idx.from_name("us")
('USA', None)
>>> idx.find("North Korean")
(Country(iso3='PRK', ...), 'demonym')

Matching follows :mod:`dateline.ontology._text`: case-insensitive, a
leading "the" and a trailing "'s" are tolerated, acronyms ("US", "UK",
"DPRK") only match upper-case or dotted text, and a few aliases that are
common lower-case English words ("turkey", "china", "jersey") do not match
all-lower-case text.

A key listed for two different countries (e.g. "Congo", "Congolese") is
*ambiguous*: the ``from_*`` methods and :meth:`CountryIndex.find` return
``None`` for it, while :meth:`CountryIndex.candidates` lists every reading.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Literal

from ._text import NameIndex, read_tsv, split_list

__all__ = [
    "Country",
    "CountryIndex",
    "HowFound",
    "SECEDED",
    "country_on",
    "default_countries",
    "load_countries",
]

HowFound = Literal["name", "demonym", "capital"]

#: States that seceded from one that is still an ISO country: code -> (the state it left, the day of
#: independence). Before that day its land was the other state's: the gazetteer puts Juba in South
#: Sudan, while a report of 2000 is of fighting in Sudan. (Break-ups of states that no longer exist,
#: Yugoslavia or the Soviet Union, have no code to go back to and are left alone.)
SECEDED: dict[str, tuple[str, date]] = {
    "SSD": ("SDN", date(2011, 7, 9)),
    "ERI": ("ETH", date(1993, 5, 24)),
}


def country_on(iso3: str, on: date | None) -> str:
    """The state a country code's land belonged to on ``on``: "SDN" for "SSD" before July 2011."""
    got = SECEDED.get(iso3)
    if got is None or on is None or on >= got[1]:
        return iso3
    return got[0]

COLUMNS = ("iso3", "iso2", "name", "aliases", "demonyms", "capital", "capital_aliases")

#: Aliases that are everyday English words in lower case; all-lower-case
#: text does not match them ("turkey" the bird, "china" the porcelain).
COMMON_WORDS = frozenset(
    {
        "chad",
        "china",
        "danish",
        "guernsey",
        "guinea",
        "japan",
        "jersey",
        "kiwi",
        "kiwis",
        "poles",
        "polish",
        "reunion",
        "the valley",
        "turkey",
        "turks",
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Country:
    """One row of the countries file."""

    iso3: str
    iso2: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str = ""
    capital_aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by its aliases."""
        return (self.name, *self.aliases)

    @property
    def capitals(self) -> tuple[str, ...]:
        """The capital followed by its aliases (empty if there is none)."""
        return tuple(c for c in (self.capital, *self.capital_aliases) if c)


class CountryIndex:
    """In-memory index over a list of :class:`Country` rows."""

    def __init__(self, countries: list[Country] | tuple[Country, ...]) -> None:
        self._countries = tuple(countries)
        self._by_code: dict[str, Country] = {}
        self._names: NameIndex[Country] = NameIndex(COMMON_WORDS)
        self._demonyms: NameIndex[Country] = NameIndex(COMMON_WORDS)
        self._capitals: NameIndex[Country] = NameIndex(COMMON_WORDS)
        for country in self._countries:
            for code in (country.iso3, country.iso2):
                if code:
                    self._by_code.setdefault(code.upper(), country)
            for name in country.names:
                self._names.add(name, country)
            for demonym in country.demonyms:
                self._demonyms.add(demonym, country)
            for capital in country.capitals:
                self._capitals.add(capital, country)

    # ------------------------------------------------------------ access
    def __iter__(self):
        return iter(self._countries)

    def __len__(self) -> int:
        return len(self._countries)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.upper() in self._by_code

    @property
    def countries(self) -> tuple[Country, ...]:
        return self._countries

    # ------------------------------------------------------------ lookups
    def from_code(self, code: str) -> Country | None:
        """By ISO alpha-3 or alpha-2 code, any case ("KOR", "kr")."""
        return self._by_code.get(code.strip().upper()) if code else None

    def from_name(self, text: str) -> Country | None:
        """By name or alias ("South Korea's", "the U.S.", "Burma")."""
        return _unique(self._names.get(text))

    def from_demonym(self, text: str) -> Country | None:
        """By demonym or adjective ("North Korean", "Britons", "Chinese")."""
        return _unique(self._demonyms.get(text))

    def from_capital(self, text: str) -> Country | None:
        """By capital or capital alias ("Seoul", "Washington, D.C.")."""
        return _unique(self._capitals.get(text))

    def find(self, text: str) -> tuple[Country, HowFound] | None:
        """Try name, then demonym, then capital; ``(country, how)`` or None.

        A text that is ambiguous at one stage stops the search there (the
        answer is None rather than a weaker reading at a later stage).
        """
        for how, index in self._stages():
            found = index.get(text)
            if found:
                country = _unique(found)
                return (country, how) if country is not None else None
        return None

    def candidates(self, text: str) -> list[tuple[Country, HowFound]]:
        """Every reading of ``text`` at every stage, ambiguous ones included."""
        out: list[tuple[Country, HowFound]] = []
        for how, index in self._stages():
            out.extend((country, how) for country in index.get(text))
        return out

    def _stages(self) -> tuple[tuple[HowFound, NameIndex[Country]], ...]:
        return (("name", self._names), ("demonym", self._demonyms), ("capital", self._capitals))


def _unique(found: list[Country]) -> Country | None:
    return found[0] if len(found) == 1 else None


def load_countries(path: Path | str, *, text: str | None = None) -> CountryIndex:
    """Read a countries TSV (see the header of the shipped file for the format)."""
    rows = []
    for row in read_tsv(path, text, required=COLUMNS):
        rows.append(
            Country(
                iso3=row["iso3"].upper(),
                iso2=row["iso2"].upper(),
                name=row["name"],
                aliases=split_list(row["aliases"]),
                demonyms=split_list(row["demonyms"]),
                capital=row["capital"],
                capital_aliases=split_list(row["capital_aliases"]),
            )
        )
    return CountryIndex(rows)


@functools.cache
def default_countries() -> CountryIndex:
    """The shipped ``data/countries.tsv``, read once on first use."""
    resource = resources.files("dateline.ontology") / "data" / "countries.tsv"
    return load_countries(str(resource), text=resource.read_text(encoding="utf-8"))
