"""Shared helpers for the ontology dictionaries: name normalisation, the
case rules for acronyms, a small name index and a TSV reader.

Matching rules (used by countries, actors and agents alike):

* Case-insensitive, Unicode NFC, curly apostrophes treated as straight ones.
* Hyphens, underscores and slashes count as spaces ("Kim Jong-un" equals
  "Kim Jong Un"); dots and commas are ignored ("Washington, D.C." equals
  "Washington DC"); runs of whitespace collapse.
* Accents are *not* folded: a data file that wants "Turkiye" next to
  "Türkiye" lists both (this keeps "Malé" from matching "male").
* A leading "the" and a trailing possessive ("'s", or a bare "'" after an
  "s") are tolerated on the looked-up text, but the text as given is tried
  first, so "the States" and "St. George's" can still be listed verbatim.
* An *acronym* alias is one with letters, no lower-case letter and no
  space ("US", "U.S.", "NATO", "G20"). It only matches text that itself
  has no lower-case letter or that contains a dot: "U.S." and "US" find the
  United States, "us" does not; "WHO" finds the World Health Organization,
  "who" does not.
* Aliases that are ordinary English words when written in lower case
  ("turkey", "china", "jersey", "pentagon" ...) can be listed in a guard
  set: all-lower-case text then does not match them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_SPACERS = re.compile(r"[-_/\u2010\u2011\u2012\u2013\u2014]+")
_DROPPED = re.compile(r"[.,]")


def clean(text: str) -> str:
    """NFC-normalise, straighten apostrophes and collapse whitespace."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    return " ".join(text.split())


def norm_key(text: str) -> str:
    """The case-insensitive lookup key of a name (see module docstring)."""
    text = clean(text).casefold()
    text = _SPACERS.sub(" ", text)
    text = _DROPPED.sub("", text)
    return " ".join(text.split())


def acronym_key(text: str) -> str:
    """Letters and digits only, upper case: "U.S." -> "US"."""
    return "".join(ch for ch in clean(text) if ch.isalnum()).upper()


def is_acronym(alias: str) -> bool:
    """True for aliases such as "US", "U.S.", "NATO", "G20" (see module docstring)."""
    alias = clean(alias)
    return (
        any(ch.isalpha() for ch in alias)
        and not any(ch.islower() for ch in alias)
        and " " not in alias
    )


def acronym_text(text: str) -> bool:
    """May this text match acronym aliases? (no lower-case letters, or dotted)"""
    if "." in text:
        return True
    return any(ch.isalpha() for ch in text) and not any(ch.islower() for ch in text)


_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$", re.IGNORECASE)


def variants(text: str) -> list[str]:
    """The text as given, then without a leading "the", without a trailing
    possessive, and without both (duplicates removed, order kept)."""
    text = clean(text)
    no_the = _THE.sub("", text)
    out = [text, no_the, _POSSESSIVE.sub("", text), _POSSESSIVE.sub("", no_the)]
    seen: list[str] = []
    for item in out:
        if item and item not in seen:
            seen.append(item)
    return seen


class NameIndex(Generic[T]):
    """Maps names/aliases to values under the matching rules above.

    ``acronyms=False`` turns the acronym rule off (every alias then matches
    case-insensitively), which is what the all-upper-case PETRARCH files need.
    """

    __slots__ = ("_plain", "_acro", "_guard", "_memo", "_proper")
    MEMO_SIZE = 50_000  # the same names recur across articles; remembered answers skip the normalising

    def __init__(self, guard: Iterable[str] = (), *, proper: bool = False) -> None:
        self._plain: dict[str, list[T]] = {}
        self._acro: dict[str, list[T]] = {}
        self._guard = frozenset(norm_key(g) for g in guard)
        self._memo: dict[str, list[T]] = {}
        # proper: every plain alias is a proper name, so all-lower-case text matches none of them
        # (for dictionaries written all in capitals, where case says nothing)
        self._proper = proper

    def add(self, alias: str, value: T, *, acronyms: bool = True) -> None:
        if not alias or not alias.strip():
            return
        self._memo.clear()
        if acronyms and is_acronym(alias):
            bucket = self._acro.setdefault(acronym_key(alias), [])
        else:
            bucket = self._plain.setdefault(norm_key(alias), [])
        if value not in bucket:
            bucket.append(value)

    def add_key(self, key: str, value: T) -> None:
        """Add a plain alias already normalised with :func:`norm_key` (bulk loading)."""
        self._memo.clear()
        bucket = self._plain.setdefault(key, [])
        if value not in bucket:
            bucket.append(value)

    def get(self, text: str) -> list[T]:
        """All values whose alias matches ``text`` (first matching variant wins)."""
        found = self._memo.get(text)
        if found is None:
            if len(self._memo) >= self.MEMO_SIZE:
                self._memo.clear()
            found = self._memo[text] = self._get(text)
        return list(found)

    def _get(self, text: str) -> list[T]:
        if not text or not text.strip():
            return []
        lower_only = not any(ch.isupper() for ch in text)
        for variant in variants(text):
            found: list[T] = []
            key = norm_key(variant)
            if not (lower_only and (self._proper or key in self._guard)):
                found.extend(self._plain.get(key, ()))
            if acronym_text(variant):
                for value in self._acro.get(acronym_key(variant), ()):
                    if value not in found:
                        found.append(value)
            if found:
                return found
        return []

    def keys(self) -> Iterator[str]:
        yield from self._plain
        yield from self._acro

    def merged(self, other: "NameIndex[T]", shift: Callable[[T], T] | None = None) -> "NameIndex[T]":
        """A new index holding this index's entries and ``other``'s."""
        new: NameIndex[T] = NameIndex(proper=self._proper and other._proper)
        new._guard = self._guard | other._guard
        for src, dst in ((self._plain, new._plain), (self._acro, new._acro)):
            for key, values in src.items():
                dst[key] = list(values)
        for src, dst in ((other._plain, new._plain), (other._acro, new._acro)):
            for key, values in src.items():
                bucket = dst.setdefault(key, [])
                for value in values:
                    value = shift(value) if shift else value
                    if value not in bucket:
                        bucket.append(value)
        return new


# ---------------------------------------------------------------- TSV files


@dataclass(frozen=True, slots=True)
class TsvRow:
    line: int
    fields: dict[str, str]

    def __getitem__(self, name: str) -> str:
        return self.fields.get(name, "")


class DictionaryFormatError(ValueError):
    """A dictionary file could not be read; the message names file and line."""


def read_tsv(path: Path | str, text: str | None = None, *, required: Iterable[str]) -> Iterator[TsvRow]:
    """Yield the data rows of a dictionary TSV file.

    Lines starting with ``#`` and blank lines are skipped. The first other line
    is the header naming the columns (tab-separated); the ``required`` columns
    must be there, extra columns are allowed and kept. Missing trailing cells
    read as empty strings.
    """
    if text is None:
        text = Path(path).read_text(encoding="utf-8")
    header: list[str] | None = None
    required = list(required)
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            header = [cell.lower() for cell in cells]
            missing = [name for name in required if name not in header]
            if missing:
                raise DictionaryFormatError(f"{path}:{lineno}: header lacks column(s) {', '.join(missing)}")
            continue
        if len(cells) > len(header):
            raise DictionaryFormatError(f"{path}:{lineno}: {len(cells)} cells but {len(header)} columns")
        cells += [""] * (len(header) - len(cells))
        yield TsvRow(lineno, dict(zip(header, cells)))
    if header is None:
        raise DictionaryFormatError(f"{path}: no header line")


def split_list(cell: str) -> tuple[str, ...]:
    """Split a ``|``-separated cell, dropping blanks."""
    return tuple(item.strip() for item in cell.split("|") if item.strip())


def parse_date(cell: str, where: str = "") -> date | None:
    cell = cell.strip()
    if not cell:
        return None
    try:
        return date.fromisoformat(cell)
    except ValueError as exc:
        raise DictionaryFormatError(f"{where}: bad date {cell!r} (want YYYY-MM-DD)") from exc
