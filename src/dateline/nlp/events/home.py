"""The article's own country, for parties it leaves unplaced.

"The state party backed down", "the government said", "Rep. Jane Doe", "Maria Lopez, a nurse" in a
story whose every place, people and institution is in one country: an office, a body, a group or a
person of that story is of that country, as an analyst reading it would take them (readers judging
our events on real news marked such a person with no country as half right). Bodies that belong to no
country (the UN, an NGO, a multinational) and refugees, who are most often of another country than the
one they are in, are left alone, and so is every party of a story that names two countries or more.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from ...model import ActorRef
from ..coding import where_not_whom
from ..token_table import doc_ents

NOT_COUNTRIES = frozenset({"IGO", "NGO", "MNC", "IMG"})  # codes for bodies that are no country's
# sectors that say a party is not of the country it is found in
FOREIGN_SECTORS = frozenset({"IGO", "NGO", "MNC", "IMG", "REF", "UAF"})


# a long article may name another country in passing ("Georgia Rep. X" read as the country, a
# foreign visitor): one country with this share of at least this many mentions is still its home
DOMINANT_SHARE = 0.9
DOMINANT_MIN = 5
MIN_MENTIONS = 2  # one mention of one country is too little to say where a story is set


def article_home(ctx: Any) -> tuple[str, str] | None:
    """(country, why) when the article's places, countries, nationalities and placed bodies are of one
    country (or all but a stray mention or two in a long article); None when it names none or several."""
    counts: Counter[str] = Counter()
    example: dict[str, str] = {}
    for country, text in _mentions(ctx):
        counts[country] += 1
        example.setdefault(country, text)
    if not counts:
        return None
    (country, n), = counts.most_common(1)
    total = sum(counts.values())
    if len(counts) == 1 and n >= MIN_MENTIONS:
        return country, f"the one country the article is set in ('{example[country]}')"
    if n >= DOMINANT_MIN and n >= DOMINANT_SHARE * total:
        return country, f"the country of {n} of the article's {total} places and bodies ('{example[country]}')"
    return None


# An unnamed act of force ("a bomb went off", "dozens were arrested") is placed by a looser test than an
# office or a body: a story of one country often quotes a few foreign officials or names a foreign city in
# passing, which should keep "the government" unplaced but does not make an unnamed bombing foreign.
SETTING_SHARE = 2 / 3
SETTING_MIN = 3


def article_setting(ctx: Any) -> tuple[str, str] | None:
    """(country, why) when most of the article's places and bodies (``SETTING_SHARE`` of at least
    ``SETTING_MIN``) are of one country, for placing an unnamed act of force; else ``article_home``."""
    home = article_home(ctx)
    if home is not None:
        return home
    counts = Counter(country for country, _ in _mentions(ctx))
    if not counts:
        return None
    (country, n), = counts.most_common(1)
    if n >= SETTING_MIN and n >= SETTING_SHARE * sum(counts.values()):
        return country, f"the country of {n} of the article's {sum(counts.values())} places and bodies"
    return None


def _mentions(ctx: Any):
    """(country, text) for every mention of a place, country, nationality or placed body, except those
    named as what is acted on ("an embargo against Arnor", "visited Gondor"): the other side of a
    story is not where it is set."""
    res, doc = ctx.resources, ctx.doc
    for p in ctx.places:
        if p.resolved is not None and p.resolved.country and _where(doc, p.span.start, p.span.end):
            c = res.countries.from_code(p.resolved.country)
            if c is not None:
                yield c.iso3, p.span.text
    placed = [(p.span.start, p.span.end) for p in ctx.places if p.resolved is not None]
    for e in ctx.entities:
        if not e.country or e.country in NOT_COUNTRIES:
            continue
        for m in e.mentions:
            if any(a < m.span.end and m.span.start < b for a, b in placed):
                continue  # counted as the geocoder read it ("Georgia" the state, in a story about Florida)
            if _where(doc, m.span.start, m.span.end):
                yield e.country, m.span.text
    for ent in doc_ents(doc):
        if ent.label_ == "NORP":  # "Venezuelan"; "Democratic" is no country: find() says which is
            hit = res.countries.find(ent.text)
            if hit is not None:
                yield hit[0].iso3, ent.text


def _where(doc: Any, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is None or not len(span) or where_not_whom(span.root)


def at_home(a: ActorRef, home: tuple[str, str] | None) -> ActorRef:
    """``a`` placed in the article's country when it has none of its own and may take it: a person, an
    office, a body or a group (not an international or foreign body)."""
    if home is None or a.country or not a.text or a.sector in FOREIGN_SECTORS:
        return a
    country, why = home
    if a.code and a.code.startswith("---"):
        code = country + a.code[3:]
    else:
        code = country + (a.sector or "")
    return replace(a, country=country, code=code,
                   coding=f"{a.coding + '; ' if a.coding else ''}country {country}: {why}")
