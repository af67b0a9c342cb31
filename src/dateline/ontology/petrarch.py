"""Readers for PETRARCH / TABARI dictionary files.

Actors (``*.actors.txt``)::

    HAMAS [PSEREBHMS]            primary phrase with its default code
    +HAMAS_MOVEMENT              synonym of the record above
    GOLLUM                       a record may have no default code ...
        [HOB < 950601]           ... and date-restricted codes on indented
        [HOBGOV 19950601 - 19990815]    lines: "<date" (on or before),
        [HOBREB > 990816]        ">date" (on or after), "date-date" (inclusive)
        [ZBW]                    an undated code line replaces the default

Dates are YYYYMMDD or YYMMDD (YY 00-30 is 20YY, otherwise 19YY).
``_`` and space both separate words; a trailing ``_`` is dropped.

Agents (``*.agents.txt``)::

    PRESIDENT [~GOV]             regular plural made automatically
    POLICE {} [~COP]             {} no plural; {ATTORNEYS_GENERAL} explicit plural
    HUMAN_RIGHTS_BODY [NGO~]     code before "~": goes in front of the actor code
    !PERSON! = MAN, MEN, WOMAN   substitution set, used as CONGRESS!PERSON! [~LEG]

In both, ``<!-- ... -->`` (possibly over several lines, or written ``<! --``),
``#`` and ``;`` start comments; blank lines are ignored.

Mapping to :class:`~dateline.ontology.actors.ActorEntry`: each default code
becomes an undated row and each restriction a dated row (inclusive dates),
in file order, all sharing the record's primary phrase as ``name`` and its
synonyms as ``aliases``. ``code`` keeps the full code string, ``codes`` its
3-letter parts, ``country`` the first part (PETRARCH's "country" slot, which
also holds IGO, NGO, IMG ... and the fictional codes of the validation
suite) and ``sector`` the first later part that is a CAMEO sector code.
Null codes ("---", "+++") give rows with an empty country. Where PETRARCH
would return no code (a date outside every restriction and no default),
:meth:`ActorDictionary.lookup` returns the nearest rows with
``approximate=True``: treat those as null to reproduce PETRARCH exactly.

Simplification: agent phrases match consecutive words only (PETRARCH lets
other words intervene where the file uses a space instead of ``_``).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from .actors import ActorDictionary, ActorEntry, code_parts
from .agents import AgentDictionary, AgentEntry

__all__ = ["load_petrarch_actors", "load_petrarch_agents", "parse_petrarch_date", "parse_petrarch_records"]

log = logging.getLogger(__name__)

#: CAMEO sector / role codes (used to pick ``sector`` out of a code string).
CAMEO_SECTORS = frozenset(
    "AGR BUS COP CRM CVL DEV EDU ELI ENV GOV HLH HRI IGO IMG INS JUD LAB LEG MED MIL MNC "
    "MOD NGM NGO OPP PTY RAD REB REF REL SEP SPY UAF UIS".split()
)
INTERNATIONAL = frozenset({"IGO", "NGO", "NGM", "IMG", "MNC", "UIS"})
NULL_CODES = frozenset({"---", "+++", "###"})


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Lines with comments removed (leading whitespace kept)."""
    in_comment = False
    for lineno, raw in enumerate(text.splitlines(), start=1):
        rest, out = raw, ""
        while rest:
            if in_comment:
                end = rest.find("-->")
                if end < 0:
                    rest = ""
                else:
                    rest, in_comment = rest[end + 3 :], False
            else:
                start = rest.find("<!")
                if start < 0:
                    out, rest = out + rest, ""
                else:
                    out, rest, in_comment = out + rest[:start], rest[start + 2 :], True
        for mark in ("#", ";"):
            if mark in out:
                out = out[: out.index(mark)]
        if out.strip():
            yield lineno, out.rstrip()


def _phrase(text: str) -> str:
    """"PRESIDENT_GEORGE_W._BUSH_ " -> "PRESIDENT GEORGE W. BUSH"."""
    return " ".join(text.replace("_", " ").split())


@functools.lru_cache(maxsize=8192)  # the same dates recur thousands of times in a large file
def parse_petrarch_date(digits: str) -> date:
    """YYYYMMDD or YYMMDD (YY <= 30 means 20YY) -> date; ValueError if bad."""
    digits = digits.strip()
    if not digits.isdigit() or len(digits) < 6:
        raise ValueError(f"bad PETRARCH date {digits!r}")
    if len(digits) <= 7:
        yy, mm, dd = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
        year = 2000 + yy if yy <= 30 else 1900 + yy
    else:
        year, mm, dd = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    return date(year, mm, dd)


def _restriction(body: str) -> tuple[str, date | None, date | None, bool]:
    """"HOBGOV 19950601 - 19990815" -> (code, start, end, dated)."""
    code, _, rest = body.strip().partition(" ")
    rest = rest.replace(" ", "").replace("\t", "")
    if not rest:
        return code, None, None, False
    if rest[0] == "<":
        return code, None, parse_petrarch_date(rest[1:]), True
    if rest[0] == ">":
        return code, parse_petrarch_date(rest[1:]), None, True
    first, dash, second = rest.partition("-")
    if not dash:
        raise ValueError(f"cannot read date restriction {body!r}")
    start, end = parse_petrarch_date(first), parse_petrarch_date(second)
    if end < start:
        raise ValueError(f"end before start in {body!r}")
    return code, start, end, True


def _split_code(code: str) -> tuple[str, str, tuple[str, ...]]:
    """Code string -> (country, sector, codes)."""
    code = code.strip().upper()
    if not code or code in NULL_CODES:
        return "", "", ()
    if "/" in code:  # alternatives, e.g. ELR/GAL
        alternatives = tuple(part for part in code.split("/") if part)
        country, sector, _ = _split_code(alternatives[0])
        return country, sector, alternatives
    parts = code_parts(code)
    sector = next((p for p in parts[1:] if p in CAMEO_SECTORS), "")
    if not sector and parts[0] in INTERNATIONAL:
        sector = parts[0]
    return parts[0], sector, parts


class _ActorRecord:
    __slots__ = ("name", "aliases", "codes", "line")

    def __init__(self, name: str, line: int) -> None:
        self.name = name
        self.aliases: list[str] = []
        self.codes: list[tuple[str, date | None, date | None, bool]] = []
        self.line = line

    def entries(self, source: str) -> Iterator[ActorEntry]:
        for code, start, end, _dated in self.codes:
            country, sector, parts = _split_code(code)
            yield ActorEntry(
                name=self.name,
                aliases=tuple(self.aliases),
                country=country,
                sector=sector,
                start=start,
                end=end,
                source=source,
                code=code.upper(),
                codes=parts,
                note=f"line {self.line}",
            )


def _bracket(text: str) -> str:
    body = text[text.index("[") + 1 :]
    return body[: body.index("]")] if "]" in body else body


def parse_petrarch_records(text: str, source: str = "") -> list[_ActorRecord]:
    """An actor file's records (primary phrase, synonyms, codes with their dates) before they
    become rows; the codes of each are in the order PETRARCH checks them."""
    records: list[_ActorRecord] = []
    for lineno, line in _lines(text):
        stripped = line.strip()
        if stripped.startswith("+"):
            if records:
                alias = _phrase(stripped[1:].split("[")[0])
                if alias:
                    records[-1].aliases.append(alias)
            continue
        if stripped.startswith("["):
            if not records:
                continue
            try:
                code, start, end, dated = _restriction(_bracket(stripped))
            except ValueError as exc:
                log.warning("%s:%d: %s; line skipped", source, lineno, exc)
                continue
            if not code:
                continue
            if not dated:  # a plain [CODE] line replaces the default code
                records[-1].codes = [c for c in records[-1].codes if c[3]]
            records[-1].codes.append((code, start, end, dated))
            continue
        name_part, bracket, _ = stripped.partition("[")
        record = _ActorRecord(_phrase(name_part), lineno)
        if bracket:
            code = _bracket(stripped).strip()
            if code:
                record.codes.append((code, None, None, False))
        if record.name:
            records.append(record)
    # an undated default should follow the restrictions, as PETRARCH checks those first
    for record in records:
        record.codes.sort(key=lambda c: not c[3])
    return records


def parse_petrarch_actors(text: str, source: str = "") -> list[ActorEntry]:
    return [row for record in parse_petrarch_records(text, source) for row in record.entries(source)]


def load_petrarch_actors(path: Path | str) -> ActorDictionary:
    """Read a PETRARCH actor dictionary (see the module docstring)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8", errors="replace")
    return ActorDictionary(parse_petrarch_actors(text, path.name), acronyms=False)


# ------------------------------------------------------------------ agents

_MARKER = re.compile(r"!([^!\s]+)!")


def _plural(noun: str) -> str:
    if noun.endswith("Y") and len(noun) > 1 and noun[-2] not in "AEIOU":
        return noun[:-1] + "IES"
    if noun.endswith(("S", "SH", "CH", "X", "Z")):
        return noun + "ES"
    return noun + "S"


def _expand(phrase: str, sets: dict[str, list[str]]) -> list[str] | None:
    """All substitutions of the !MARKER!s in phrase; None if one is undefined."""
    match = _MARKER.search(phrase)
    if not match:
        return [phrase]
    if match.group(1) not in sets:
        return None
    out: list[str] = []
    for item in sets[match.group(1)]:
        expanded = _expand(phrase[: match.start()] + item + phrase[match.end() :], sets)
        if expanded is None:
            return None
        out.extend(expanded)
    return out


def parse_petrarch_agents(text: str, source: str = "") -> list[AgentEntry]:
    sets: dict[str, list[str]] = {}
    out: list[AgentEntry] = []
    for lineno, line in _lines(text):
        stripped = line.strip()
        if "!" in stripped and "=" in stripped and "[" not in stripped:
            name, _, items = stripped.partition("=")
            marker = _MARKER.search(name)
            if marker:
                sets[marker.group(1)] = [item.strip() for item in items.split(",") if item.strip()]
            else:
                log.warning("%s:%d: bad substitution set; line skipped", source, lineno)
            continue
        if "[" not in stripped:
            log.warning("%s:%d: agent without a code; line skipped", source, lineno)
            continue
        phrase, _, _ = stripped.partition("[")
        code = "".join(_bracket(stripped).split())
        sector = code.replace("~", "")
        if not sector:
            continue
        if "!" in phrase:
            nouns = _expand(phrase.strip(), sets)
            if nouns is None:
                log.warning("%s:%d: undefined substitution marker; line skipped", source, lineno)
                continue
            pairs = [(noun, "") for noun in nouns]
        elif "{" in phrase:
            noun, _, rest = phrase.partition("{")
            plural = rest.partition("}")[0]
            pairs = [(noun, plural)]
        else:
            noun = _phrase(phrase).upper()
            pairs = [(noun, _plural(noun) if noun else "")]
        for noun, plural in pairs:
            noun = _phrase(noun).lower()
            if noun:
                out.append(
                    AgentEntry(noun=noun, plural=_phrase(plural).lower(), sector=sector, code=code, source=source)
                )
    return out


def load_petrarch_agents(path: Path | str) -> AgentDictionary:
    """Read a PETRARCH agent dictionary (see the module docstring)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8", errors="replace")
    return AgentDictionary(parse_petrarch_agents(text, path.name))

