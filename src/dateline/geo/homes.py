"""Where a news source's readers live: its home, the prior for the names its articles leave ambiguous.

A local paper writes "Paris" for the Paris down the road and "the county" for its own. Lieberman,
Samet & Sankaranarayanan (ICDE 2010) call that the source's *local lexicon*: the places its
audience knows without being told which. Dateline keeps it as one :class:`SourceHome` per source
(a domain like ``parisbeacon.com`` or a source name), at the level of a state or province and,
when known, a home town.

Homes are learnt from analyses, without any gold data (:func:`learn_homes`): each article of a
source votes for the country, then the states of it, where the most of its place names can be
(every reading a name kept counts, not only the one it was resolved to, so a local "Dublin" that
read alone is Ireland's capital still votes for Ohio beside "Franklin County"); the state that
fits the most of the source's articles is its home when it fits at least half of them and there
are enough of them, and its home town is the town of that state they name most. A national or
wire source spreads its stories over many states and gets none, or only its country when most of
its stories stay in one. A user can write or correct
homes in a small TSV file (:func:`read_homes`, :func:`write_homes`)::

    source           country  admin1  lat      lon       place
    parisbeacon.com  US       TN      36.302   -88.326   Paris, Henry County, TN

Resolution (:mod:`dateline.geo.coherence`) gives readings in and near the home a bonus and
:mod:`dateline.nlp.places` reads untagged towns of the home state as names; a name the text
qualifies itself ("Paris, France") still wins.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..model import GeoRef, Place
from ..ontology._text import DictionaryFormatError, read_tsv

__all__ = ["SourceHome", "SourceHomes", "learn_homes", "read_homes", "write_homes", "source_key",
           "HomesFormatError"]

# A source's home is learnt from at least this many of its articles that name a town or county
# confidently: with one or two, a single story about somewhere else would decide.
MIN_ARTICLES = 3
# The home state must hold at least this share of those articles. A local paper's stories are
# mostly its own state's; a national or wire source's spread, so no state reaches a majority.
MIN_SHARE = 0.5
# Without a state, a source whose stories stay this much in one country gets that country
# (a national paper); a higher bar than a state's, as a country is a weaker, broader claim.
MIN_COUNTRY_SHARE = 0.6
# The home town: the town of the home state named in the most articles, when it is named in at
# least this share of them (a local paper names its own town in most stories).
MIN_TOWN_SHARE = 0.34
# A namesake this far below a country's or state's reading is no reading a story could mean
# ("Egypt", the town in Pennsylvania, beside the country); a town's namesakes all count, however
# far below a capital or a landmark alias they are (a local "Dublin", "Manhattan").
MAX_GAP = 6.0
# An article votes for each state where its names are at least this share as likely to be as in its
# likeliest one, by that share: a story's "Dublin" and "Thomas" may fit Georgia best, but its
# "Dublin" fits Ohio too, and the paper's other stories say Ohio.
SOFT = 0.5
SPECIFIC = 3  # a name with readings in more states than this counts SPECIFIC/n of a name

COLUMNS = ("source", "country", "admin1", "lat", "lon", "place", "articles", "share")


class HomesFormatError(DictionaryFormatError):
    """A homes file could not be read; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class SourceHome:
    """A source's home: its state or province (``admin1``, GeoNames' code, "" for country-level) and,
    when known, its home town's point. ``articles``/``share`` say how it was learnt (0 when declared)."""

    source: str
    country: str
    admin1: str = ""
    lat: float | None = None
    lon: float | None = None
    place: str = ""  # a label for people: "Paris, Henry County, TN"
    articles: int = 0
    share: float = 0.0

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


def source_key(source: str) -> str:
    """The form a source is matched by: lower case, no scheme, no "www.", no path ("https://www.
    ajc.com/news" and "AJC.com" are one source); a name ("The Town Talk") is kept, case folded."""
    s = source.strip().casefold()
    if "://" in s:
        s = urlsplit(s).netloc
    elif "/" in s and " " not in s:
        s = s.split("/", 1)[0]
    if s.startswith("www."):
        s = s[4:]
    return s.rstrip(".")


def article_sources(source: str = "", url: str = "") -> list[str]:
    """The keys an article may be known by: its source, then its address's host."""
    out = [k for k in (source_key(source) if source else "", source_key(url) if url else "") if k]
    return list(dict.fromkeys(out))


class SourceHomes:
    """Homes by source key, for resolution to look up."""

    def __init__(self, homes: Iterable[SourceHome] = ()) -> None:
        self._by_key: dict[str, SourceHome] = {}
        for h in homes:
            self._by_key[source_key(h.source)] = h

    def find(self, source: str = "", url: str = "") -> SourceHome | None:
        for k in article_sources(source, url):
            h = self._by_key.get(k)
            if h is not None:
                return h
        return None

    def __iter__(self) -> Iterator[SourceHome]:
        return iter(sorted(self._by_key.values(), key=lambda h: h.source))

    def __len__(self) -> int:
        return len(self._by_key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SourceHomes) and self._by_key == other._by_key

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._by_key)))

    def __repr__(self) -> str:
        return f"SourceHomes({len(self)} sources)"


# -- learning --------------------------------------------------------------------------------------

def _readings(p: Place) -> list[GeoRef]:
    """The readings of a place that say where a story is: countries, states, counties, towns."""
    if p.kind != "name":
        return []
    rs = p.candidates or ((p.resolved,) if p.resolved else ())
    top = max(rs, key=lambda r: r.score, default=None)
    if top is not None and top.feature_code in ("PCLI", "ADM1"):
        # the namesakes of a country or state count only when close: "Egypt" is not Egypt, Pennsylvania
        rs = [r for r in rs if top.score - r.score <= MAX_GAP]
    return [r for r in rs if r.country and (r.feature_class == "P" or r.feature_code in ("PCLI", "ADM1", "ADM2"))]


# Two-letter top-level domains sold worldwide as words ("news.tv", "radio.fm"), which say nothing of
# where a source is; every other two-letter domain is its country's (ISO 3166, but "uk" for GB).
VANITY_TLDS = frozenset({"ac", "ag", "ai", "am", "cc", "co", "fm", "gg", "io", "la", "ly", "me", "nu", "sh",
                         "so", "tk", "to", "tv", "vc", "ws"})


def domain_country(source: str) -> str:
    """The country a source's domain names by its country code: "cambridge-news.co.uk" → GB,
    "dailystar.com.lb" → LB; "" for a name, a ".com" or a vanity domain ("news.tv")."""
    k = source_key(source)
    if " " in k or "." not in k:
        return ""
    tld = k.rsplit(".", 1)[1]
    if len(tld) != 2 or not tld.isalpha() or tld in VANITY_TLDS:
        return ""
    return "GB" if tld == "uk" else tld.upper()


def _best(support: Counter, within: float = 1.0) -> dict:
    """The keys whose support is at least ``within`` of the best one's, with their share of it."""
    if not support:
        return {}
    top = max(support.values())
    return {k: v / top for k, v in support.items() if v >= within * top - 1e-9}


def _article_home(places: Sequence[Place], country: str = ""
                  ) -> tuple[dict[str, float], dict[tuple[str, str], float], list[GeoRef]]:
    """The countries where the most of an article's names can be; the states of those countries
    where the most of them can be; and the towns there that they can be.

    Every reading a name kept counts, not only the one it was resolved to: read alone, a local
    paper's "Dublin" is Ireland's capital, but its "Dublin", "Franklin County" and "Columbus" can
    all be in Ohio. A name with readings in many places ("Springfield") counts less
    (``SPECIFIC``/n), as in :mod:`dateline.geo.coherence`. Countries come first, so a story about
    Georgia and Tbilisi is in Georgia the country whatever Georgia the state's towns say; unless the
    source's domain names its ``country`` and some name can be there: a ".co.uk" paper's "Cambridge",
    "Newmarket" and "Chesterton" are England's, though each has a namesake in the United States."""
    names: dict[str, list[GeoRef]] = {}
    for p in places:
        rs = _readings(p)
        if rs:
            names.setdefault(p.span.text.casefold(), rs)
    by_country: Counter = Counter()
    for rs in names.values():
        cs = {r.country for r in rs}
        for c in cs:
            by_country[c] += min(1.0, SPECIFIC / len(cs))
    countries = {country: 1.0} if by_country.get(country) else _best(by_country)
    by_state: Counter = Counter()
    towns: list[GeoRef] = []
    for rs in names.values():
        states = {(r.country, r.admin1) for r in rs if r.country in countries and r.admin1 and r.feature_code != "PCLI"}
        for st in states:
            by_state[st] += min(1.0, SPECIFIC / len(states))
    states = _best(by_state, SOFT)
    towns = [r for rs in names.values() for r in rs if r.feature_class == "P" and (r.country, r.admin1) in states]
    return countries, states, towns


def learn_homes(articles: Iterable[tuple[str, Sequence[Place]]], *, min_articles: int = MIN_ARTICLES,
                min_share: float = MIN_SHARE, min_country_share: float = MIN_COUNTRY_SHARE
                ) -> SourceHomes:
    """Homes from analysed articles, given as (source, places) pairs (the source as
    :func:`source_key` reads it; articles without one are skipped). Each article that names a town,
    county, state or country votes for the countries and the states where the most of its names can
    be (:func:`_article_home`); a source's home is the state with the most votes, when it has enough."""
    states: dict[str, Counter] = defaultdict(Counter)  # how many articles a state fits (by their SOFT shares)
    countries: dict[str, Counter] = defaultdict(Counter)
    towns: dict[str, Counter] = defaultdict(Counter)  # (country, admin1, name, lat, lon) -> articles
    voting: Counter = Counter()
    for source, places in articles:
        k = source_key(source) if source else ""
        if not k:
            continue
        best_countries, best, local_towns = _article_home(places, domain_country(k))
        if not best_countries:
            continue
        voting[k] += 1
        for st, w in best.items():
            states[k][st] += w
        for c in best_countries:
            countries[k][c] += 1
        for t in {(r.country, r.admin1, r.name, r.lat, r.lon) for r in local_towns}:
            towns[k][t] += 1
    homes = []
    for k, n in voting.items():
        if n < min_articles:
            continue
        (cc, a1), got = max(states[k].items(), key=lambda x: (x[1], x[0])) if states[k] else (("", ""), 0)
        if got / n >= min_share:
            home_towns = [(c, t) for t, c in towns[k].items() if t[:2] == (cc, a1)]
            lat = lon = None
            label = f"{a1}, {cc}"
            if home_towns:
                c, t = max(home_towns, key=lambda x: (x[0], x[1]))
                if c / n >= MIN_TOWN_SHARE:
                    name, lat, lon = t[2:]
                    label = f"{name}, {a1}, {cc}"
            homes.append(SourceHome(k, cc, a1, lat, lon, label, n, round(got / n, 3)))
            continue
        cc, got = max(countries[k].items(), key=lambda x: (x[1], x[0]))
        if got / n >= min_country_share or domain_country(k) == cc:  # the domain says so, too
            homes.append(SourceHome(k, cc, "", None, None, cc, n, round(got / n, 3)))
    return SourceHomes(homes)


# -- the file --------------------------------------------------------------------------------------

HEADER = """\
# Dateline source homes (UTF-8, tab-separated; one row per news source)
#
# Where a source's readers live: resolution prefers readings of ambiguous names ("Paris", "Henry
# County") in and near a source's home. Learnt by `dateline homes`; edit or add rows freely.
#
# Columns (the first non-comment line names them):
#   source    a domain ("parisbeacon.com") or a source's name as articles carry it
#   country   ISO 3166 alpha-2 code ("US")
#   admin1    the state or province, as GeoNames codes it ("TN"; "ENG" for England); empty for a
#             country-level home
#   lat, lon  the home town's point (decimal degrees); both empty when only the state is known
#   place     a label for people ("Paris, Henry County, TN"); not read
#   articles  how many articles the home was learnt from (empty or 0 when declared)
#   share     the share of them in the home state (or country)
"""


def write_homes(homes: Iterable[SourceHome], path: Path | str | None = None) -> str:
    """The TSV text of ``homes`` (written to ``path`` when given)."""
    rows = ["\t".join(COLUMNS)]
    for h in sorted(homes, key=lambda h: h.source):
        cells = [h.source, h.country, h.admin1, "" if h.lat is None else f"{h.lat:.4f}",
                 "" if h.lon is None else f"{h.lon:.4f}", h.place, str(h.articles) if h.articles else "",
                 f"{h.share:.3f}" if h.share else ""]
        if any("\t" in c or "\n" in c for c in cells):
            raise ValueError(f"a tab or line break in the home of {h.source!r}")
        rows.append("\t".join(cells))
    text = HEADER + "\n".join(rows) + "\n"
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text


def _number(cell: str, what: str, where: str, low: float, high: float) -> float | None:
    if not cell:
        return None
    try:
        x = float(cell)
    except ValueError:
        raise HomesFormatError(f"{where}: {what} {cell!r} is not a number") from None
    if not low <= x <= high:
        raise HomesFormatError(f"{where}: {what} {cell} is outside {low:g}..{high:g}")
    return x


def read_homes(path: Path | str, text: str | None = None) -> SourceHomes:
    """Homes from a TSV file (see ``HEADER``); a bad line raises :class:`HomesFormatError` naming it."""
    homes = []
    seen: dict[str, int] = {}
    try:
        rows = list(read_tsv(path, text, required=("source", "country")))
    except DictionaryFormatError as e:
        raise HomesFormatError(str(e)) from None
    for row in rows:
        where = f"{path}:{row.line}"
        source, cc = source_key(row["source"]), row["country"].upper()
        if not source:
            raise HomesFormatError(f"{where}: the source is empty")
        if len(cc) != 2 or not cc.isalpha() or not cc.isascii():
            raise HomesFormatError(f"{where}: country {row['country']!r} is not a two-letter ISO code")
        if source in seen:
            raise HomesFormatError(f"{where}: {source!r} already has a home on line {seen[source]}")
        seen[source] = row.line
        lat = _number(row["lat"], "lat", where, -90, 90)
        lon = _number(row["lon"], "lon", where, -180, 180)
        if (lat is None) != (lon is None):
            raise HomesFormatError(f"{where}: give both lat and lon, or neither")
        articles = _number(row["articles"], "articles", where, 0, 1e12)
        share = _number(row["share"], "share", where, 0, 1)
        homes.append(SourceHome(source, cc, row["admin1"].strip(), lat, lon, row["place"], int(articles or 0),
                                share or 0.0))
    return SourceHomes(homes)
