"""The event ontologies: PLOVER's 16 event types with their modes, CAMEO codes with
Goldstein scores and quad classes, and the CAMEO -> PLOVER conversion.

Read from ``data/plover.tsv``, ``data/cameo.tsv`` and ``data/cameo2plover.tsv``.

>>> o = default_event_ontology()
>>> o.plover_for("042")
PloverCoding(type='CONSULT', mode='visit', context=())
>>> o.cameo("163").goldstein
-8.0
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal, get_args

from ._text import DictionaryFormatError, read_tsv

__all__ = [
    "CameoCode",
    "EventOntology",
    "PLOVER_TYPES",
    "PloverCoding",
    "PloverType",
    "PloverTypeInfo",
    "default_event_ontology",
    "load_event_ontology",
]

PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
PLOVER_TYPES: tuple[str, ...] = get_args(PloverType)
QUAD_NAMES = ("neutral", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict")


@dataclass(frozen=True, slots=True)
class PloverTypeInfo:
    type: str
    quad: str
    modes: tuple[str, ...]
    description: str


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad: int  # 0-4, see QUAD_NAMES

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class PloverCoding:
    type: str
    mode: str | None
    context: tuple[str, ...]


class EventOntology:
    """Lookups over the three tables; every code and name is validated when loaded."""

    def __init__(self, types: list[PloverTypeInfo], codes: list[CameoCode], mapping: dict[str, PloverCoding]):
        self.types = {t.type: t for t in types}
        self.codes = {c.code: c for c in codes}
        self.mapping = mapping

    def cameo(self, code: str | None) -> CameoCode | None:
        return self.codes.get(code or "")

    def is_cameo(self, code: str | None) -> bool:
        return bool(code) and code in self.codes

    def plover_for(self, code: str | None) -> PloverCoding | None:
        """The PLOVER coding of a CAMEO code: its own row, else its parent's, else its root's."""
        if not code:
            return None
        for n in range(len(code), 1, -1):
            hit = self.mapping.get(code[:n])
            if hit is not None:
                return hit
        return None

    def modes(self, plover_type: str) -> tuple[str, ...]:
        t = self.types.get(plover_type)
        return t.modes if t else ()

    def describe(self, code: str | None) -> str:
        c = self.cameo(code)
        return f"{code} {c.name}" if c else str(code)


def load_event_ontology(plover: Path | str, cameo: Path | str, mapping: Path | str, *,
                        texts: tuple[str, str, str] | None = None) -> EventOntology:
    t_plover, t_cameo, t_map = texts if texts else (None, None, None)
    types = []
    for row in read_tsv(plover, t_plover, required=("type", "quad", "modes", "description")):
        if row["type"] not in PLOVER_TYPES:
            raise DictionaryFormatError(f"{plover}:{row.line}: {row['type']!r} is not a PLOVER type")
        types.append(PloverTypeInfo(row["type"], row["quad"], tuple(row["modes"].split()), row["description"]))
    codes = []
    for row in read_tsv(cameo, t_cameo, required=("code", "name", "goldstein", "quad")):
        code = row["code"]
        if not (code.isdigit() and 2 <= len(code) <= 4):
            raise DictionaryFormatError(f"{cameo}:{row.line}: bad CAMEO code {code!r}")
        codes.append(CameoCode(code, row["name"], float(row["goldstein"]), int(row["quad"])))
    known = {c.code for c in codes}
    modes = {t.type: set(t.modes) for t in types}
    table: dict[str, PloverCoding] = {}
    for row in read_tsv(mapping, t_map, required=("cameo", "plover", "mode", "context")):
        where = f"{mapping}:{row.line}"
        if row["cameo"] not in known:
            raise DictionaryFormatError(f"{where}: {row['cameo']!r} is not in the CAMEO table")
        if row["plover"] not in modes:
            raise DictionaryFormatError(f"{where}: {row['plover']!r} is not a PLOVER type")
        mode = row["mode"] or None
        if mode and mode not in modes[row["plover"]]:
            raise DictionaryFormatError(f"{where}: mode {mode!r} is not a mode of {row['plover']}")
        context = tuple(c for c in row["context"].split(";") if c)
        table[row["cameo"]] = PloverCoding(row["plover"], mode, context)
    return EventOntology(types, codes, table)


@functools.cache
def default_event_ontology() -> EventOntology:
    data = resources.files("dateline.ontology") / "data"
    names = ("plover.tsv", "cameo.tsv", "cameo2plover.tsv")
    texts = tuple((data / n).read_text(encoding="utf-8") for n in names)
    return load_event_ontology(*names, texts=texts)  # type: ignore[arg-type]
