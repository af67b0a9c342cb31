"""What the gazetteer says of a name, whatever the words around it: whether it is an entry's own
name or a curated alias (:func:`named`), a country's or a state's (:func:`strong_exact`), a big
city's, one of our islands or regions. The place finders (:mod:`dateline.nlp.place_names`,
:mod:`dateline.nlp.places`) ask these of the names they consider."""

from __future__ import annotations

from collections.abc import Callable

from ..geo.gazetteer import Gazetteer
from ..geo.gazetteer import lookup_key as key
from ..model import GeoRef
from .place_words import SCAN_MIN_CITY_POP


def strong_countries(gaz: Gazetteer, text: str) -> frozenset:
    """The countries of which ``text`` is a state's or the country's name."""
    k = key(text)
    return frozenset(r.country for r in gaz.candidates(text, towns=False)
                     if named(r, k) and r.feature_code in ("PCLI", "ADM1"))


def strong_exact(gaz: Gazetteer, text: str) -> bool:
    """Whether ``text`` names a country or a state (its own name or a curated alias)."""
    return bool(strong_countries(gaz, text))


def our_region(gaz: Gazetteer, text: str) -> bool:
    """An island or region of our own table by its name: "the island of Java" the tagger called a person."""
    k = key(text)
    return any(r.source.startswith("dateline:landmarks") and r.feature_class in ("T", "L") and key(r.name) == k
               for r in gaz.candidates(text, towns=False)[:3])


def town_or_division(r: GeoRef) -> bool:
    return r.feature_class in ("P", "A")


def big_city(gaz: Gazetteer, text: str) -> bool:
    return named_entry(gaz, text, lambda r: r.feature_class == "P" and r.population >= SCAN_MIN_CITY_POP,
                       towns=False, n=10) is not None


def named_entry(gaz: Gazetteer, text: str, ok: Callable[[GeoRef], bool] = lambda r: True, *,
                towns: bool = True, n: int | None = None) -> GeoRef | None:
    """The first of a name's first ``n`` readings whose entry bears the name itself (not an alternate
    name) and passes ``ok``."""
    k = key(text)
    return next((r for r in gaz.candidates(text, towns=towns)[:n] if key(r.name) == k and ok(r)), None)


def exact_entry(gaz: Gazetteer, text: str) -> bool:
    return named_entry(gaz, text) is not None


def named(c: GeoRef, k: str, anchored: set[tuple[str, str]] | frozenset | None = None) -> bool:
    """Whether ``k`` is the entry's name or a curated alias of it (a country's "U.S.", our landmarks),
    rather than one of GeoNames' many alternate names ("Bānk" for "Bank"). A county's bare name
    ("DeKalb") counts in a state the article is about (``anchored``)."""
    return key(c.name) == k or c.feature_code in ("PCLI", "ADM1", "CONT") or \
        c.source.startswith("dateline:landmarks") or (
            c.feature_code == "ADM2" and bool(anchored) and (c.country, c.admin1) in anchored)
