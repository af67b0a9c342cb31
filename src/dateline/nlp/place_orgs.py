"""Places inside the names of organisations and facilities: a whole "organisation" that is a place
the tagger did not know ("Krasnodar", "NSW"), the town an institution is named after ("the Mansfield
Police Department", "Alexandria Police"), the place it is "of" ("the University of Rochester"), and a
country or state inside a longer name ("Northeast Georgia Medical Center").
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..geo.gazetteer import Gazetteer, lookup_key as key  # remembered: the same names come back
from .lexicon import POSSESSIVE
from .political import PARTY_WORDS
from .place_lookup import named, named_entry, our_region, town_or_division
from .place_syntax import DIRECTION_WORDS, Mention, local_town, locative
from .place_words import (
    LOCAL_HEADS, LOCAL_MIN_POP, MEDIA_WORDS, OF_HEADS, OUTLET_WORDS, RETAG_MIN_POP, SCAN_MIN_CITY_POP, STREET_WORDS,
)
from .token_table import token_table


def party_name_starts(doc: Doc, t: int) -> bool:
    """Does the word at ``t - 1`` begin a party's name with the word after it ("a Liberal Democrat MP")?
    Then it is no town of that name."""
    w = token_table(doc)
    return 0 < t < len(doc) and f"{w.lower[t - 1]} {w.lower[t]}".rstrip("s") in PARTY_WORDS


def retagged(doc: Doc, s: int, t: int, gaz: Gazetteer, gpe_keys: set[str],
              anchored: set[tuple[str, str]] | None = None) -> Mention | None:
    """A whole "organisation" that is a place the tagger did not know: "Krasnodar", "DRC", "NSW".
    Rivers, seas and regions are left out: "Amazon" the company is no river."""
    w = token_table(doc)
    if t - s > 4 or not all(w.caps[i] or not w.is_alpha[i] for i in range(s, t)) or party_name_starts(doc, t):
        return None
    text = w.span_text(s, t)
    k = key(text)
    where = locative(doc[s:t].root)
    for c in gaz.candidates(text, towns=anchored is not None)[:25]:
        # a big city's other name counts where the syntax says place: "from Beni Suef" (Banī Suwayf)
        other = t - s > 1 and where and c.feature_class == "P" and c.population >= SCAN_MIN_CITY_POP
        if not (named(c, k, anchored) or other) or c.feature_class not in ("A", "P"):
            continue
        if c.feature_code in ("PCLI", "ADM1") or k in gpe_keys:
            return Mention(s, t, "GPE", "retagged")
        # a town's name as an organisation ("Lincoln", "Bell") only where the syntax says place
        if len(k) > 3 and (where or c.population >= SCAN_MIN_CITY_POP) and (
                c.population >= RETAG_MIN_POP if anchored is None else (c.country, c.admin1) in anchored):
            return Mention(s, t, "GPE", "retagged")
    if anchored is None and len(k) > 3 and local_town(doc, s, t, gaz):
        return Mention(s, t, "GPE", "retagged")
    return None


def embedded(doc: Doc, s: int, t: int, gaz: Gazetteer, gpe_keys: set[str], *, strong_only: bool,
              anchored: set[tuple[str, str]] = frozenset()) -> Mention | None:
    """The place an organisation or facility is named after: "the Mansfield Police Department",
    "Minnesota National Guard", "Henderson County Jail". Not a newspaper's home ("The Washington Post")."""
    w = token_table(doc)
    if w.lower[t - 1] in MEDIA_WORDS or t - s < 2:
        return None
    for j in range(min(t - 1, s + 3), s, -1):
        if not all(w.caps[s:j]):
            continue
        if j - s == 1 and w.lower[s] in DIRECTION_WORDS:
            continue  # "Northeast Texas Community College": the place is the name after the direction
        # "Memphis St." is a street of the article's own town and "Macy's" a shop, but "the Kansas
        # Highway Patrol" and "Tennessee's Methamphetamine Task Force" are the state's
        only_big = w.lower[j] in STREET_WORDS or w.text[j] in POSSESSIVE
        # "Gainesville's VFW Post": a town of a state the article is about owns its institutions
        owned = w.text[j] in POSSESSIVE and w.lower[j] not in STREET_WORDS and bool(anchored)
        text = w.span_text(s, j)
        k = key(text)
        local = w.lower[j] in LOCAL_HEADS
        for c in gaz.candidates(text, towns=not strong_only or local)[:10]:
            if not named(c, k, anchored) or only_big and c.feature_code not in ("PCLI", "ADM1") and not (
                    owned and c.feature_class == "P" and (c.country, c.admin1) in anchored):
                continue
            strong = (c.feature_code in ("PCLI", "ADM1") or (c.feature_code == "ADM2" and j - s > 1) or
                      (j - s > 1 and our_region(gaz, text)) or  # "West Bank Health Ministry"
                      (c.feature_class == "P" and c.population >= SCAN_MIN_CITY_POP) or k in gpe_keys or
                      (local and key(c.name) == k and c.feature_class in ("P", "A") and len(k) > 3))
            if strong or (not strong_only and (c.country, c.admin1) in anchored):
                return Mention(s, j, "GPE", "embedded")
    return _of_place(doc, s, t, gaz, gpe_keys) or _inner_name(doc, s, t, gaz, gpe_keys)


def _inner_name(doc: Doc, s: int, t: int, gaz: Gazetteer, gpe_keys: set[str]) -> Mention | None:
    """A country or state, or a name the article tags a place elsewhere, inside an organisation's
    name rather than at its head: "Northeast Georgia Medical Center", "Education Minnesota"; and a
    legislator's district, "D-Charleston". Not a news outlet ("Agence France-Presse", "Radio
    Pyongyang"), not after "of" (:func:`_of_place` decides those: "Peanut Corporation of America"
    is a company), not a party ("United Russia"), not a town that needs context to be one ("Royal
    Alexandra Hospital", "AC Milan")."""
    w = token_table(doc)
    if any(x in MEDIA_WORDS or x in OUTLET_WORDS for x in w.lower[s:t]):
        return None
    party = t - s >= 3 and w.text[s] in ("D", "R", "I") and w.text[s + 1] == "-"
    for a in range(s + 1, t):
        if not w.caps[a] or w.text[a - 1] in POSSESSIVE or w.lower[a - 1] in ("of", "&", "united"):
            continue
        directed = all(x in DIRECTION_WORDS for x in w.lower[s:a])  # "Metro Vancouver", "East Texas"
        for b in range(min(t, a + 3), a, -1):
            if not all(w.caps[a:b]):
                continue
            text = w.span_text(a, b)
            k = key(text)
            for c in gaz.candidates(text, towns=party)[:10]:
                if (c.feature_code in ("PCLI", "ADM1") and named(c, k)) or (key(c.name) == k and (
                        k in gpe_keys or party and a == s + 2 and c.feature_class in ("P", "A") or
                        directed and c.feature_class == "P" and c.population >= SCAN_MIN_CITY_POP)):
                    return Mention(a, b, "GPE", "embedded")
    return None


def local_lead(doc: Doc, s: int, t: int, gaz: Gazetteer) -> Mention | None:
    """A town's name at the head of a local institution's: "Alexandria Police", "Athens Parks"."""
    w = token_table(doc)
    for j in range(min(t - 1, s + 3), s, -1):
        site = w.lower[j] in _SITE_HEADS  # "Randwick Racecourse": a sizeable town's only
        if not (w.lower[j] in LOCAL_HEADS or site) or not all(w.caps[s:j]):
            continue
        text = w.span_text(s, j)
        if len(key(text)) > 3 and named_entry(gaz, text, lambda c, site=site: town_or_division(c) and (
                not site or c.population >= RETAG_MIN_POP), n=10):
            return Mention(s, j, "GPE", "embedded")
    return None


_SITE_HEADS = frozenset({"station", "railway", "airport", "harbor", "harbour", "stadium", "hospital", "racecourse"})


def _of_place(doc: Doc, s: int, t: int, gaz: Gazetteer, gpe_keys: set[str]) -> Mention | None:
    """ "the University of Rochester", "the State of Ohio", "the Diocese of Savannah": the place an
    institution is "of"."""
    w = token_table(doc)
    for i in range(s + 1, t - 1):
        if w.lower[i] != "of" or w.lower[i - 1] not in OF_HEADS:
            continue
        a = i + 1
        for j in range(min(t, a + 3), a, -1):
            if not all(w.caps[a:j]):
                continue
            text = w.span_text(a, j)
            k = key(text)
            if any(named(c, k) and c.feature_class in ("P", "A") and (
                    c.population >= LOCAL_MIN_POP or c.feature_code.startswith(("ADM", "PCL")) or k in gpe_keys)
                   for c in gaz.candidates(text)[:10]):
                return Mention(a, j, "GPE", "embedded")
    return None
