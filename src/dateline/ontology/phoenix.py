"""The PETRARCH-2 / Phoenix dictionaries (``data/petrarch2/``, MIT, see its README) as the base
layer under Dateline's own tables: a phrase Dateline's ``data/*.tsv`` lists is answered by Dateline
alone, and Phoenix answers what Dateline does not know.

What changes on the way in from the actor files, and why:

* Country-level records (country codes only, over names, adjectives, cities and provinces) give up
  every alias Dateline's country table knows, so country names, demonyms and capitals keep
  Dateline's codes and its capital rule (a capital stands for the government).
* A role the file leaves open (``[AFGGOV >011222]``) ends on the file's date, 30 January 2014, as
  the file cannot know who held office after it. From then on the actor keeps its country and no
  sector (its undated default, often ELI, would call a leader still in office "former").
  Dateline's actors.tsv carries the office-holders after 2014.
* Phoenix writes every name in capitals, so its case says nothing. Proper names in English news
  are capitalised, so a Phoenix name never matches all-lower-case text ("black hand"). A one-word
  name that is also an ordinary English word ("Zero", "Youth", "Marches", "Senate") matches only
  text in capitals, like an acronym ("ETA"): a capitalised word at the start of a sentence is no
  actor, and a word that is both ("Phoenix", "Providence") is left to the gazetteer and to
  Dateline's tables. The words are listed in ``ordinary_words.tsv`` (scripts/phoenix_ordinary_words.py).
* A code that starts with a sector (REUTERS [MED]), a religion (BUD, HIN) or a world region (WEU,
  SEA) rather than a country names no country; a retired code becomes today's (TMP: TLS), and a
  former state's part today's state (SCGSRB: SRB), as Dateline codes today's states.
* Records the Countries file took from CountryInfo (``# CountryInfo.txt``) are people (PERSON).
  One word names such a person only as the surname of the record's full name ("Karzai"); a ruler
  the file names by a given name alone ("HASSAN", "ABDULLAH") is left out, as that name is many
  people's. Names are shown in mixed case ("Hamid Karzai", not "HAMID KARZAI").
"""

from __future__ import annotations

import dataclasses
import functools
import gzip
import logging
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from importlib import resources
from pathlib import Path

from ._text import NameIndex, norm_key, read_tsv
from .actors import ActorEntry, choose_rows, code_parts
from .agents import AgentDictionary, AgentEntry
from .countries import CountryIndex, default_countries
from .petrarch import CAMEO_SECTORS, INTERNATIONAL, parse_petrarch_agents, parse_petrarch_records
from .verbs import VerbLexicon, default_verbs, load_petrarch_verbs

__all__ = [
    "ACTOR_FILES",
    "FILE_DATE",
    "data_file",
    "ordinary_words",
    "PhoenixActors",
    "phoenix_actors",
    "phoenix_agents",
    "cameo_verbs",
    "layered_verbs",
    "read_data",
]

FOLDER = "petrarch2"
COUNTRIES_FILE = "Phoenix.Countries.actors.txt"
ACTOR_FILES = (COUNTRIES_FILE, "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
AGENTS_FILE = "Phoenix.agents.txt"
VERBS_FILE = "CAMEO.2.0.txt"
ORDINARY_WORDS = "ordinary_words.tsv"
FILE_DATE = date(2014, 1, 30)  # CountryInfo.140130, the source of the Countries file's office-holders

#: CAMEO religion codes; as an agent's first part they make the sector REL.
RELIGIONS = frozenset("ADR ATH BAH BUD CHR CON CPT CTH DRZ HIN ITR JAN JEW LDS MOS MRN MUS ORT PRO SHI SIK SNI "
                      "TAO UDX ZRO".split())
#: CAMEO codes of world regions ("WEUREB": rebels of western Europe): no country, as a region is none.
REGIONS = frozenset("AFR ASA BLK CAS CAU CFR CRB EAF EEU EUR INT LAM MDT MEA NAF NMR PGS SAF SAM SAS SCN SEA WAF "
                    "WEU WST".split())
#: Country codes of the files that are not (or no longer) ISO 3166's.
RETIRED = {"TMP": "TLS", "ZAR": "COD", "ROM": "ROU", "BUR": "MMR", "ANG": "AGO", "KSV": "XKX"}

_SMALL = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "de", "del", "des", "du", "la", "le", "el",
                    "al", "bin", "ibn", "abu", "van", "von", "da", "dos", "das", "y", "a"})


def data_file(name: str) -> Path:
    """Where a shipped file of this folder lies (for tools that rewrite one)."""
    return Path(str(resources.files("dateline.ontology") / "data" / FOLDER / name))


def read_data(name: str) -> str:
    """A shipped Phoenix file's text (stored gzip-compressed as ``name.gz``)."""
    resource = resources.files("dateline.ontology") / "data" / FOLDER / (name + ".gz")
    return gzip.decompress(resource.read_bytes()).decode("utf-8", errors="replace")


@functools.cache
def ordinary_words() -> frozenset[str]:
    """One-word Phoenix names that are also ordinary English words (lower case)."""
    text = (resources.files("dateline.ontology") / "data" / FOLDER / ORDINARY_WORDS).read_text(encoding="utf-8")
    return frozenset(row["word"] for row in read_tsv(ORDINARY_WORDS, text, required=("word",)))


def display_name(phrase: str) -> str:
    """ "AL-QAEDA IN THE ARABIAN PENINSULA" -> "Al-Qaeda in the Arabian Peninsula"; words of two
    letters, of three without a vowel, words in brackets, one-word names of up to four letters and abbreviations
    stay in capitals ("US", "(ETA)", "NATO", "U.N.")."""
    words = phrase.split()
    if len(words) == 1:
        return phrase if len(phrase) <= 4 or "." in phrase else phrase.capitalize()
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if low in _SMALL:
            out.append(low if i > 0 else word.capitalize())  # "Al Qaeda", "Bank of Korea"
        elif len(word) <= 2 or (len(word) == 3 and not re.search(r"[AEIOUY]", word)) or word.startswith("("):
            out.append(word)
        else:
            out.append("-".join(p.capitalize() for p in word.split("-")))
    return " ".join(out)


_ASCII_KEY = str.maketrans({"-": " ", "_": " ", "/": " ", ".": None, ",": None, "`": "'"})


def name_key(phrase: str) -> str:
    """:func:`norm_key`, quicker for the plain ASCII of the Phoenix files (50,000 names a start)."""
    if phrase.isascii():
        return " ".join(phrase.lower().translate(_ASCII_KEY).split())
    return norm_key(phrase)


# The International file codes its companies of communications as media ([MNCUSAMED]) whatever they
# make: a telephone carrier or a maker of network equipment is written like a newspaper. The trade the
# file notes after the code ("# Telecommunications Equipment", "# Newspapers/Magazines") tells them
# apart: only publishing, broadcasting, film and advertising make a company a medium (MED); the others
# are companies like any other (MNC, as the file's [MNCUSA] rows).
_MEDIA_TRADES = re.compile(r"newspaper|magazine|publish|broadcasting\b(?!.*equipment)|television serv|books|movie|"
                           r"entertainment|advertis", re.IGNORECASE)
_MED_LINE = re.compile(r"^[^\s#+\[][^\[]*\[MNC[A-Z]{3}MED\][^#]*#(.*)")


def _company_trades(text: str, source: str) -> dict[tuple[str, int], str]:
    """(file, line) -> the trade noted after a company's [MNC...MED] code."""
    out = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if "MED]" in line:
            m = _MED_LINE.match(line)
            if m is not None:
                out[(source, lineno)] = m.group(1).split("\t")[0].strip()
    return out


def _not_media(row: ActorEntry, trade: str) -> ActorEntry:
    """A communications company that is not a medium by its noted trade: sector MNC, not MED."""
    if not trade or row.sector != "MED" or row.codes[:1] != ("MNC",) or _MEDIA_TRADES.search(trade):
        return row
    return dataclasses.replace(row, sector="MNC", note=f"{row.note}; {trade}: a company, not a medium")


def _people(text: str) -> set[str]:
    """Keys of the primary phrases the Countries file took from CountryInfo (its office-holders)."""
    found = re.findall(r"^([^\s#+\[][^\n#\[]*?)\s*#\s*CountryInfo", text, flags=re.MULTILINE)
    return {name_key(name) for name in found}


def _country_keys(countries: CountryIndex) -> set[str]:
    """Every name, demonym and capital of Dateline's country table, as keys."""
    return {name_key(n) for c in countries for n in (*c.names, *c.demonyms, *c.capitals)}


_NOT_COUNTRY = CAMEO_SECTORS | INTERNATIONAL | RELIGIONS


def _country_level(record) -> bool:
    """A record of country codes and nothing else ([AFG], [SCGSRB], [USRARM 19xx-91]): a country's
    names, adjectives and places, in one period or another."""
    for code, _, _, _ in record.codes:
        if not code or any(code[k:k + 3].upper() in _NOT_COUNTRY for k in range(0, len(code), 3)):
            return False
    return bool(record.codes)


def _recode(row: ActorEntry, countries: CountryIndex) -> ActorEntry:
    """No country for a code that starts with a sector, a religion or a region; a multinational's home
    country where the code names one (MNCUSA: USA); today's code for a retired one (TMP: TLS); today's
    state for a former one's part (SCGSRB: SRB, USRARM: ARM)."""
    parts = row.codes
    first = parts[0] if parts else ""
    if first in CAMEO_SECTORS and first not in INTERNATIONAL:
        return dataclasses.replace(row, country="", sector=row.sector or first)
    if first in RELIGIONS:
        return dataclasses.replace(row, country="", sector=row.sector or "REL")
    if first in REGIONS:
        return dataclasses.replace(row, country="")
    if first == "MNC" and len(parts) > 1 and countries.from_code(parts[1]) is not None:
        # "MNCUSA": a multinational based in the United States is of the United States, as readers code it
        return dataclasses.replace(row, country=parts[1], sector=row.sector or "MNC")
    if first in RETIRED:
        code = RETIRED[first] + row.code[3:]
    elif len(parts) > 1 and countries.from_code(first) is None and countries.from_code(parts[1]) is not None \
            and first not in INTERNATIONAL:
        code = row.code[3:]
    else:
        return row
    parts = code_parts(code)
    return dataclasses.replace(row, country=parts[0], code=code, codes=parts)


def _close_open_roles(rows: list[ActorEntry]) -> list[ActorEntry]:
    """Open roles end on the file's date; after it the actor has its country and no sector."""
    out: list[ActorEntry] = []
    after: ActorEntry | None = None
    for row in rows:
        if row.start is not None and row.end is None and row.start <= FILE_DATE:
            out.append(dataclasses.replace(row, end=FILE_DATE))
            if row.country and after is None:
                after = dataclasses.replace(row, sector="", code=row.country, codes=(row.country,),
                                            start=FILE_DATE + timedelta(days=1),
                                            note=f"{row.note}; after the file's date: role unknown")
        else:
            out.append(row)
    return out + ([after] if after is not None else [])


_ACRONYM_AFTER = re.compile(r"^(?P<name>.+?)[\s_]+\((?P<short>[A-Z]{2,8})\)[\s_]*$")


def _phrase_keys(name: str, own: str, aliases: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """(phrase, key) for each name of a record; a name written with its acronym after it
    ("MORO_ISLAMIC_LIBERATION_FRONT_(MILF)_") is also the name alone, as news writes it."""
    seen: set[str] = set()
    for phrase in dict.fromkeys((name, *aliases)):
        key = own if phrase is name else name_key(phrase)
        got = _ACRONYM_AFTER.match(phrase.strip())
        for k in (key, name_key(got["name"]) if got is not None and " " in name_key(got["name"]) else key):
            if k not in seen:
                seen.add(k)
                yield phrase, k


def _short_person_key(own: str) -> str | None:
    """ "carlos saul menem" -> "carlos menem": a person the file names with a middle name, by the
    first and last words alone, as news most often writes them."""
    words = own.split()
    if len(words) < 3 or not all(w.isalpha() and len(w) > 1 for w in words):
        return None
    return f"{words[0]} {words[-1]}"


class PhoenixActors:
    """The Phoenix actor files indexed by name; a record becomes rows (adapted as the module
    docstring says) the first time a lookup finds it, so a start costs only the parse and the index."""

    def __init__(self, countries: CountryIndex) -> None:
        self._countries = countries
        self._records: list[tuple[object, str, str, bool]] = []  # (record, file, type, country-level)
        self._rows: dict[int, list[ActorEntry]] = {}
        self._index: NameIndex[int] = NameIndex(proper=True)
        self._short: dict[str, list[int]] = {}  # a person's first-and-last name -> records
        self._surnames: Counter[str] = Counter()  # last word of a person's name -> people
        known = _country_keys(countries)
        ordinary = ordinary_words()
        self._trades: dict[tuple[str, int], str] = {}  # (file, line) -> a company's trade, where it says MED
        for name in ACTOR_FILES:
            text = read_data(name)
            self._trades.update(_company_trades(text, name))
            people = _people(text) if name == COUNTRIES_FILE else set()
            for record in _quietly(parse_petrarch_records, text, name):
                self._add(record, name, people, known, ordinary)
        self._add_short_names()

    def _add(self, record, source: str, people: set[str], known: set[str], ordinary: frozenset[str]) -> None:
        if not any(code for code, _, _, _ in record.codes):
            return
        own = name_key(record.name)
        kind = "PERSON" if own in people else ""
        country_level = not kind and source == COUNTRIES_FILE and _country_level(record)
        i = len(self._records)
        added = False
        for phrase, key in _phrase_keys(record.name, own, record.aliases):
            if country_level and (key in known or key.removeprefix("the ") in known):
                continue  # Dateline's country table answers for it
            if kind and " " not in key and (" " not in own or key != own.rsplit(" ", 1)[1]):
                continue  # one word names a person only as the surname of a full name: not "Hassan"
            if key in ordinary or ("." in phrase and " " not in phrase):
                # an ordinary word, or an abbreviation ("R.I.M."): only text in capitals or dotted
                self._index.add(phrase, i, acronyms=True)
            else:
                self._index.add_key(key, i)
            added = True
        if added:
            self._records.append((record, source, kind, country_level))
            if kind:
                self._surnames[own.rsplit(" ", 1)[-1]] += 1
                short = _short_person_key(own)
                if short is not None:
                    self._short.setdefault(short, []).append(i)

    def _add_short_names(self) -> None:
        """Index each person's first-and-last name where it is no other record's name and the
        surname is no other person's of the files ("Carlos Menem"; not a "Mohammed Ali", as "Ali" is
        the surname of many: the short name may well be someone else's)."""
        for key, found in self._short.items():
            if len(found) == 1 and self._surnames[key.rsplit(" ", 1)[-1]] == 1 and not self._index.get(key):
                self._index.add_key(key, found[0])
        self._short, self._surnames = {}, Counter()

    def _rows_of(self, i: int) -> list[ActorEntry]:
        rows = self._rows.get(i)
        if rows is None:
            record, source, kind, country_level = self._records[i]
            shown = display_name(record.name)
            if country_level:
                country = self._countries.from_code(record.codes[0][0])
                shown = country.name if country is not None else shown
            aliases = tuple(display_name(a) for a in record.aliases)
            trade = self._trades.get((source, record.line), "")
            rows = [_not_media(_recode(dataclasses.replace(r, name=shown, aliases=aliases, type=kind), self._countries),
                               trade)
                    for r in record.entries(source) if r.code]
            rows = self._rows[i] = _close_open_roles(rows)
        return rows

    def __len__(self) -> int:
        """The number of records (actors), not of rows."""
        return len(self._records)

    def __iter__(self) -> Iterator[ActorEntry]:
        for i in range(len(self._records)):
            yield from self._rows_of(i)

    @property
    def entries(self) -> tuple[ActorEntry, ...]:
        return tuple(self)

    def lookup(self, text: str, on: date | datetime | None = None) -> list[ActorEntry]:
        return choose_rows([r for i in sorted(self._index.get(text)) for r in self._rows_of(i)], on)

    def best(self, text: str, on: date | datetime | None = None) -> ActorEntry | None:
        rows = self.lookup(text, on)
        return rows[0] if rows else None

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and bool(self._index.get(text))


def phoenix_actors(countries: CountryIndex | None = None) -> PhoenixActors:
    """The three Phoenix actor files as the base layer (see the module docstring)."""
    return PhoenixActors(countries if countries is not None else default_countries())


def _agent(entry: AgentEntry) -> AgentEntry | None:
    """A Phoenix agent with a sector Dateline knows: the code's first CAMEO sector, REL for a
    religion ("~MUS"), none (the noun is left out) for other codes ("MAN [~PPL]")."""
    code = re.sub(r"[^A-Z~]", "", entry.code.upper())
    parts = code_parts(code.replace("~", ""))
    if not parts or any(len(p) != 3 for p in parts):
        return None
    if parts[0] in CAMEO_SECTORS:
        sector = parts[0]
    elif parts[0] in RELIGIONS:
        sector = "REL"
    else:
        return None
    return dataclasses.replace(entry, sector=sector, code=code)


@functools.cache
def phoenix_agents() -> AgentDictionary:
    """Phoenix.agents.txt, each noun with a sector Dateline knows (see :func:`_agent`)."""
    entries = (_agent(e) for e in _quietly(parse_petrarch_agents, read_data(AGENTS_FILE), AGENTS_FILE))
    return AgentDictionary(e for e in entries if e is not None)


@functools.cache
def cameo_verbs() -> VerbLexicon:
    """PETRARCH-2's verb dictionary, CAMEO.2.0.txt, as linear patterns."""
    return load_petrarch_verbs(VERBS_FILE, text=read_data(VERBS_FILE))


@functools.cache
def layered_verbs() -> VerbLexicon:
    """Dateline's verbs.tsv over CAMEO.2.0.txt: a verb Dateline defines keeps Dateline's rows alone
    (CAMEO.2.0's patterns whose verb starts with the same word are left out, "lash out" with
    "lash"), and CAMEO.2.0's patterns code the verbs Dateline lacks."""
    own = default_verbs()
    heads = {p.lemma.split()[0] for p in own if p.pos == "verb"}
    cameo = cameo_verbs()
    extra = tuple(p for p in cameo if p.lemma.split()[0] not in heads
                  and not any(form.split()[0] in heads for form in p.forms))
    return VerbLexicon(own.patterns + extra, dict(cameo.synsets), source=f"{own.source}+{cameo.source}",
                       style=own.style)


def _quietly(parse, text: str, name: str):
    """Parse a shipped file without its known warnings (four restriction lines with bad dates and
    an agent without a code are skipped: they would be logged on every start)."""
    log = logging.getLogger(parse.__module__)
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        return parse(text, name)
    finally:
        log.setLevel(level)
