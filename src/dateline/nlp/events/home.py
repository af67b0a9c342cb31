"""The article's own country, for parties it leaves unplaced.

"The state party backed down", "the government said", "Rep. Jane Doe" in a story whose every place,
people and institution is in one country: an office, a body or a group of that story is of that
country. A person with no office is left alone (a sports star or a novelist says nothing of where
they are from), and so are bodies that belong to no country (the UN, an NGO, a multinational) and
refugees, who are most often of another country than the one they are in.
"""

from __future__ import annotations

from typing import Any

from ...model import ActorRef
from ..token_table import doc_ents

NOT_COUNTRIES = frozenset({"IGO", "NGO", "MNC", "IMG"})  # codes for bodies that are no country's
# sectors that say a party is not of the country it is found in
FOREIGN_SECTORS = frozenset({"IGO", "NGO", "MNC", "IMG", "REF", "UAF"})


def article_home(ctx: Any) -> tuple[str, str] | None:
    """(country, why) when every place, country, nationality and placed body of the article is of one
    country; None when it names none or several."""
    res = ctx.resources
    found: dict[str, str] = {}
    for p in ctx.places:
        if p.resolved is not None and p.resolved.country:
            c = res.countries.from_code(p.resolved.country)
            if c is not None:
                found.setdefault(c.iso3, p.span.text)
    for e in ctx.entities:
        if e.country and e.country not in NOT_COUNTRIES:
            found.setdefault(e.country, e.name)
    for ent in doc_ents(ctx.doc):
        if ent.label_ == "NORP":  # "Venezuelan", "Democratic" is no country: find() says which is
            hit = res.countries.find(ent.text)
            if hit is not None:
                found.setdefault(hit[0].iso3, ent.text)
    if len(found) != 1:
        return None
    (country, example), = found.items()
    return country, f"the one country the article is set in ('{example}')"


def at_home(a: ActorRef, home: tuple[str, str] | None, *, person: bool) -> ActorRef:
    """``a`` placed in the article's country when it has none of its own and may take it: an office,
    body or group (not a bare person, not an international or foreign body)."""
    if home is None or a.country or not a.text or a.sector in FOREIGN_SECTORS or (person and not a.sector):
        return a
    country, why = home
    if a.code and a.code.startswith("---"):
        code = country + a.code[3:]
    else:
        code = country + (a.sector or "")
    return ActorRef(text=a.text, name=a.name, span=a.span, entity_id=a.entity_id, country=country, sector=a.sector,
                    code=code, coding=f"{a.coding + '; ' if a.coding else ''}country {country}: {why}")
