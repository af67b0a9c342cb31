"""Places: toponyms found in the parse and resolved against the gazetteer, with candidates and a reason.

Spans come from spaCy's GPE/LOC/FAC entities (cleaned: no leading "the", no trailing "'s"), plus
names spaCy missed or mislabelled that the gazetteer knows, where the gazetteer or the words around
them say place: countries, states and large cities anywhere; a town's name before "police",
"council", "man" … or after "in", "the village of", "a resident of"; the place an institution is named
after or is "of" ("the Mansfield Police Department", "the University of Rochester"); untagged towns
of a state the article is about; and, once a name is a place somewhere in the article, the same name
where the tagger called it a person or an organisation. A longer name the gazetteer lacks resolves
to the place name inside it ("Titus County Jail"), but a street is not its namesake town.

All names of an article are resolved together (:mod:`dateline.geo.coherence`): one place per name,
each reading scored by its prior (population, kind, capital), its own words (a trailing ", State",
"state of", a town named after a state or country) and how it fits the other names' readings
(same country, same state, nearby). Given the homes of news sources (``PlaceOptions.homes``,
:mod:`dateline.geo.homes`), readings in and near the article's source's home are preferred, and
untagged towns of its home state are names as in a story about that state. Landmarks resolve to their city. Fragments of people's names
are never places; nationality adjectives are places only when asked (``PlaceOptions.demonyms``),
as ``Place(kind="demonym")``, never an event location.

``place_of_clause`` tells the events extractor where one clause happened.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..geo.coherence import HOME_TOWN_KM, MAX_READINGS, MIN_MARGIN, Name, Scored, resolve
from ..geo.gazetteer import Gazetteer, km, lookup_key as key  # remembered: the same names come back
from ..geo.homes import SourceHome, SourceHomes
from ..model import Article, GeoRef, Place, Span
from ..model.ids import stable_id
from .place_events import mark_event_location as _mark_event_location, place_of_clause  # noqa: F401
from .place_words import (
    PLACE_LABELS, POSSESSIVE, HONORIFICS, FACILITY_HEADS, PLACE_NOUNS, MAX_CANDIDATES, QUALIFIER_BONUS,
    CUE_BONUS, TOWN_NAMED_AFTER_PENALTY, SEAT_KM, DEMONYM_WEIGHT, EMBEDDING_LABELS, MEDIA_WORDS, DIRECTIONS,
    GENERIC_TAILS, DATELINE_MARKS, LOCAL_HEADS, OF_HEADS, OF_PLACE_NOUNS, LOCAL_MIN_POP, COMMON_WORDS,
    INNER_GENERIC, OUTLET_WORDS, STREET_WORDS, FEATURE_TAILS, DIVISION_WORDS, SCAN_MIN_CITY_POP, RETAG_MIN_POP, DISEASE_WORDS,
    LOCATIVE_PREPS,
)
from .token_table import doc_ents, token_table


@dataclass(frozen=True, slots=True)
class PlaceOptions:
    """How places are found. ``demonyms`` turns "American" into a place, as LGL annotates; off by
    default, because a nationality adjective says who, not where. ``homes``: where news sources'
    readers live (none by default)."""

    scan_gazetteer: bool = True
    demonyms: bool = False
    max_candidates: int = MAX_CANDIDATES
    homes: SourceHomes | None = None


@dataclass(slots=True)
class _Mention:
    start: int  # token indices into the Doc
    end: int
    label: str
    source: str  # "ner", "gazetteer" or "demonym"
    text: str = ""
    cands: list[GeoRef] | None = None
    facility_of: str = ""  # "Beijing" for "Beijing Railway", when resolved through its city
    part_of: str = ""  # "Texas" for "North Texas", when resolved without the direction


def extract_places(ctx) -> tuple[Place, ...]:
    homes = getattr(ctx.resources, "source_homes", None)
    if homes:
        return find_places(ctx.doc, ctx.article, ctx.resources.gazetteer, PlaceOptions(homes=homes))
    return find_places(ctx.doc, ctx.article, ctx.resources.gazetteer)


def find_places(doc: Doc, article: Article, gaz: Gazetteer, options: PlaceOptions = PlaceOptions(),
                *, source: str | None = None) -> tuple[Place, ...]:
    """The article's places. ``source`` names the outlet for ``options.homes`` (default: the
    article's ``source``, else its address's host)."""
    mentions = _mentions(doc, gaz, options)
    for m in mentions:
        m.cands = _lookup(doc, m, gaz)
    first_line_end = article.text.find("\n")  # the dateline is the first place after the headline
    home = None
    if options.homes:
        home = options.homes.find(source) if source is not None else options.homes.find(article.source, article.url)
    resolved = None
    if options.scan_gazetteer:
        # a first reading of the plain names says which states the article is about; untagged towns
        # of those states (and of the source's home state) are then names too
        resolved = _resolve_names(doc, mentions, gaz, first_line_end, home)
        extra = _context_mentions(doc, gaz, mentions, _anchors(doc, mentions, resolved[1], home))
        for m in extra:
            m.cands = _lookup(doc, m, gaz)
        if home is not None and home.has_point:
            extra += _home_town(doc, gaz, mentions + extra, home)
        extra += _propagate(doc, mentions + extra, gaz)
        extra += _postal_states(doc, mentions + extra, gaz)
        for m in extra:
            if m.cands is None:
                m.cands = _lookup(doc, m, gaz)
        if extra:
            mentions = sorted(mentions + extra, key=lambda m: m.start)
            resolved = None
    if not mentions:
        return ()
    group_of, ranked = resolved or _resolve_names(doc, mentions, gaz, first_line_end, home)
    places = [_place(doc, m, ranked[group_of[i]] if i in group_of else [], article, options)
              for i, m in enumerate(mentions)]
    places = [p for p in places if p is not None]
    return _mark_event_location(doc, tuple(places))


# -- finding the names ------------------------------------------------------------------------------

def _clean(doc: Doc, start: int, end: int) -> tuple[int, int]:
    w = token_table(doc)
    while end - start > 1 and w.lower[start] == "the":
        start += 1
    while end - start > 1 and (w.text[end - 1] in POSSESSIVE or (w.is_punct[end - 1] and w.text[end - 1] != ".")):
        end -= 1
    return start, end


def _capital(tok: Token) -> bool:
    """Capitalised, upper case, or a name with inner capitals ("DeKalb", "McMinn", "LaGrange"),
    which ``is_title`` is not."""
    return tok.is_title or tok.is_upper or (tok.is_alpha and tok.text[0].isupper())


def _person_tokens(doc: Doc, relabelled: set[int]) -> tuple[set[int], set[str]]:
    idx, words = set(), set()
    for e in doc_ents(doc):
        if e.label_ == "PERSON" and e.start not in relabelled:
            idx.update(range(e.start, e.end))
            if len(e) > 1:
                words.update(token_table(doc).text[e.start:e.end])
    return idx, words


def _mentions(doc: Doc, gaz: Gazetteer, options: PlaceOptions) -> list[_Mention]:
    """The names that are places and need no context to say so."""
    out: list[_Mention] = []
    in_ent = [False] * len(doc)
    gpe_keys = {key(e.text) for e in doc_ents(doc) if e.label_ in ("GPE", "LOC")}
    surnames = _surnames(doc)
    relabelled: set[int] = set()
    w = token_table(doc)
    for e in doc_ents(doc):
        for i in range(e.start, e.end):
            in_ent[i] = True
        s, t = _clean(doc, e.start, e.end)
        if options.demonyms and (e.label_ in ("NORP", "PERSON") and (m := _demonym(doc, s, t, gaz, e.label_)) or
                                 e.label_ == "GPE" and gaz.demonym(w.span_text(s, t)) and
                                 (m := [_Mention(s, t, "NORP", "demonym")])):
            out += m  # "Sri Lankan" is no person and, for a corpus that counts demonyms, no name either
        elif e.label_ == "NORP":
            if not gaz.demonym(w.span_text(s, t)) and (_local_town(doc, s, t, gaz) or
                                                       _strong_exact(gaz, w.span_text(s, t))):
                out.append(_Mention(s, t, "GPE", "retagged"))  # "from the Artibonite region", "Central African Republic"
        elif e.label_ in PLACE_LABELS:
            if any(c.isalpha() for c in w.span_text(s, t)):
                out += [_Mention(a, b, e.label_, "ner") for a, b in _split_commas(doc, s, t, gaz)]
        elif e.label_ == "PERSON":
            # the tagger's "Alexandria" or "Sri Lanka" as a person: a place when the article tags it a
            # place elsewhere, or when it is exactly a country's or state's name; "Mr. Paris" is a man
            text = w.span_text(s, t)
            if _after_honorific(doc, s):
                continue
            if (key(text) in gpe_keys and (t - s > 1 or w.lower[s] not in surnames)) or (
                    (t - s > 1 or _in_place_list(doc, s, t) and w.lower[s] not in surnames) and
                    _strong_exact(gaz, text)) or (
                    _in_place_list(doc, s, t) and w.lower[s] not in surnames and _big_city(gaz, text)) or (
                    (t - s > 1 or w.lower[s] not in surnames) and _local_town(doc, s, t, gaz)):
                out.append(_Mention(s, t, "GPE", "relabelled"))
                relabelled.add(e.start)
            elif t - s > 1 and (m := _local_lead(doc, s, t, gaz)) is not None:
                out.append(m)  # the tagger's "Alexandria Police", "Huntsville Fire" as a person
                relabelled.add(e.start)
        elif e.label_ in EMBEDDING_LABELS:
            m = _retagged(doc, s, t, gaz, gpe_keys) or _embedded(doc, s, t, gaz, gpe_keys, strong_only=True)
            if m is not None:
                out.append(m)
    if options.scan_gazetteer:
        out += _scan(doc, gaz, in_ent)
    if options.demonyms:
        out += _demonyms(doc, gaz, out)
    if counties := _county_lists(doc, gaz):
        taken = {i for m in counties for i in range(m.start, m.end)}
        out = [m for m in out if not taken & set(range(m.start, m.end))] + counties
    person_idx, person_words = _person_tokens(doc, relabelled)
    return [m for m in sorted(out, key=lambda m: m.start) if _keep(doc, m, gaz, person_idx, person_words)]


def _county_lists(doc: Doc, gaz: Gazetteer) -> list[_Mention]:
    """The counties of "Barrow, Jackson and Madison counties", "Walton and Oconee counties": each name
    is its county's (``part_of`` "Jackson County"), whatever the tagger or the town list says."""
    w = token_table(doc)
    out: list[_Mention] = []
    for i in range(1, len(doc)):
        if w.lower[i] not in ("counties", "parishes"):
            continue
        tail = "County" if w.lower[i] == "counties" else "Parish"
        j = i  # the end of the next name back
        while j > 0:
            a = j
            while a > 0 and j - a < 3 and w.caps[a - 1] and w.is_alpha[a - 1]:
                a -= 1
            # the longest name that is a county: "Otter Tail"; "Small Hitchcock" is "Hitchcock"
            found = next(((b, f"{w.span_text(b, j)} {tail}") for b in range(a, j)
                          if any(key(c.name) == key(f"{w.span_text(b, j)} {tail}") and c.feature_class == "A"
                                 for c in gaz.candidates(f"{w.span_text(b, j)} {tail}")[:25])), None)
            if found is None:
                break
            out.append(_Mention(found[0], j, "GPE", "county", part_of=found[1]))
            j = found[0]
            while j > 0 and w.lower[j - 1] in (",", "and", "or"):
                j -= 1
            if j == found[0]:
                break
    return out


def _demonym(doc: Doc, s: int, t: int, gaz: Gazetteer, label: str) -> list[_Mention]:
    """A nationality or a region's people as places: "Sri Lankan"; each side of "Russian-American"
    and "non-Russians"; "Ohioans", "Londoner", "South Ossetian" (:func:`_gentilic`), only where the
    tagger says nationality ("Callahan" and "Susan" are people)."""
    w = token_table(doc)
    text = w.span_text(s, t)
    if gaz.demonym(text):
        return [_Mention(s, t, "NORP", "demonym")]
    if label == "NORP" and (base := _gentilic(gaz, text)) is not None:
        return [_Mention(s, t, "NORP", "demonym", part_of=base)]
    if "-" not in w.text[s:t]:
        return []
    return [_Mention(i, i + 1, "NORP", "demonym") for i in range(s, t) if w.caps[i] and gaz.demonym(w.text[i])]


def _gentilic(gaz: Gazetteer, text: str) -> str | None:
    """The place a region's or a city's people are named after, where English forms it regularly:
    "Ohioans" → Ohio, "Minnesotan" → Minnesota, "Ontarians" → Ontario, "Texan" → Texas,
    "Floridian" → Florida, "Londoner" → London, "Dagestani" → Dagestan, "South Ossetian" → South
    Ossetia. Only a division, a region or a city of 100,000 that bears the name exactly."""
    g = text[:-1] if text.endswith("s") and len(text) > 4 else text
    if g.endswith("an"):
        bases = (g[:-1], g[:-2], g[:-2] + "o", g[:-2] + "a", g[:-3], g[:-1] + "s")
    elif g.endswith("er"):
        bases = (g[:-2],)
    elif g.endswith("stani"):
        bases = (g[:-1],)  # "Dagestani"; not "Farsi", a language
    else:
        return None
    for b in bases:
        if len(b) < 4:
            continue
        k = key(b)
        for c in gaz.candidates(b, towns=False)[:10]:
            if key(c.name) == k and (c.feature_code in ("PCLI", "ADM1", "RGN") or
                                     c.feature_class == "P" and c.population >= SCAN_MIN_CITY_POP):
                return c.name
    return None


def _demonyms(doc: Doc, gaz: Gazetteer, found: list[_Mention]) -> list[_Mention]:
    """Nationality adjectives and peoples' names the tagger did not tag as such: inside an
    organisation's name ("the Russian Foreign Ministry") or untagged ("Sri Lankan", "Ontarians")."""
    taken = {i for m in found for i in range(m.start, m.end)}
    out: list[_Mention] = []
    i, n = 0, len(doc)
    caps = token_table(doc).caps  # capitalised, upper case or inner capitals, as _capital
    while i < n:
        if not caps[i] or i in taken:
            i += 1
            continue
        tok = doc[i]
        if not tok.is_title or tok.ent_type_ in ("PERSON", "NORP"):
            i += 1
            continue
        for j in (i + 2, i + 1):
            if j > n or not all(doc[x].is_title and x not in taken for x in range(i, j)):
                continue
            text = doc[i:j].text
            if gaz.demonym(text) and not _exact_entry(gaz, text):
                out.append(_Mention(i, j, "NORP", "demonym"))
            elif not _exact_entry(gaz, text) and (base := _gentilic(gaz, text)) is not None:
                out.append(_Mention(i, j, "NORP", "demonym", part_of=base))  # "Ontarians", untagged
            else:
                continue
            i = j - 1
            break
        i += 1
    return out


_DIRECTION_WORDS = DIRECTIONS | {"gulf", "coast", "metro"}


def _keep(doc: Doc, m: _Mention, gaz: Gazetteer, person_idx: set[int], person_words: set[str]) -> bool:
    w = token_table(doc)
    m.text = w.span_text(m.start, m.end)
    if m.source not in ("demonym", "relabelled", "home", "county") and _is_name_fragment(doc, m, person_idx, person_words, gaz):
        return False
    if m.source != "demonym" and gaz.demonym(m.text) and not _exact_entry(gaz, m.text):
        return False  # "Chinese", "Georgians": who, not where
    after = w.lower[m.end] if m.end < len(doc) else ""
    if m.start and w.text[m.start - 1] in ("$", "€", "£"):
        return False  # "$US 1.5 billion": a currency
    if after in DISEASE_WORDS:
        return False  # "West Nile virus", "Marburg fever": a disease named after a place
    one = w.lower[m.start] if m.end - m.start == 1 else ""
    if one in _DIRECTION_WORDS and not any(
            r.source.startswith("dateline:landmarks") for r in gaz.candidates(m.text, towns=False)):
        return False  # "the West", "the Northeast": a direction, not a place we can point to
    if m.source != "ner" and (len(m.text) < 3 and not _strong_exact(gaz, m.text) or
                              one in COMMON_WORDS and after not in LOCAL_HEADS):
        return False  # a capitalised common word the tagger did not call a place: "Man", "Union" (not "Concord Police")
    return True


def _surnames(doc: Doc) -> set[str]:
    lower = token_table(doc).lower
    return {w for e in doc_ents(doc) if e.label_ == "PERSON" and len(e) > 1 for w in lower[e.start:e.end]}


def _locative(tok: Token) -> bool:
    """Whether a word stands where places stand: "in Krasnodar", "Krasnodar, Russia", "Tacloban city"."""
    if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS:
        return True
    if tok.dep_ in ("appos", "conj") and tok.head.ent_type_ in ("GPE", "LOC"):
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and (nxt.text == "," and nxt.i + 1 < len(tok.doc) and
                                tok.doc[nxt.i + 1].ent_type_ == "GPE" or nxt.lower_ in PLACE_NOUNS)


def _after_honorific(doc: Doc, s: int) -> bool:
    """ "Mr. Paris", "Gov. Jackson": a person, whatever else the name is."""
    return s > 0 and token_table(doc).text[s - 1].rstrip(".").lower() in HONORIFICS


def _in_place_list(doc: Doc, s: int, t: int) -> bool:
    """Whether a name stands in a list of places: "Rogaland, Vestfold, Buskerud" with a place
    the tagger saw next to it across a comma or "and"."""
    w = token_table(doc)
    for sep, other in ((s - 1, s - 2), (t, t + 1)):
        if 0 <= other < len(doc) and w.lower[sep] in (",", "and") and w.ent_type[other] in ("GPE", "LOC"):
            return True
    return False


def _strong_exact(gaz: Gazetteer, text: str) -> bool:
    k = key(text)
    return any(_named(r, k) and r.feature_code in ("PCLI", "ADM1") for r in gaz.candidates(text, towns=False))


def _big_city(gaz: Gazetteer, text: str) -> bool:
    k = key(text)
    return any(key(r.name) == k and r.feature_class == "P" and r.population >= SCAN_MIN_CITY_POP
               for r in gaz.candidates(text, towns=False)[:10])


def _retagged(doc: Doc, s: int, t: int, gaz: Gazetteer, gpe_keys: set[str],
              anchored: set[tuple[str, str]] | None = None) -> _Mention | None:
    """A whole "organisation" that is a place the tagger did not know: "Krasnodar", "DRC", "NSW".
    Rivers, seas and regions are left out: "Amazon" the company is no river."""
    w = token_table(doc)
    if t - s > 4 or not all(w.caps[i] or not w.is_alpha[i] for i in range(s, t)):
        return None
    text = w.span_text(s, t)
    k = key(text)
    for c in gaz.candidates(text, towns=anchored is not None)[:25]:
        if not _named(c, k, anchored) or c.feature_class not in ("A", "P"):
            continue
        if c.feature_code in ("PCLI", "ADM1") or k in gpe_keys:
            return _Mention(s, t, "GPE", "retagged")
        # a town's name as an organisation ("Lincoln", "Bell") only where the syntax says place
        if len(k) > 3 and (_locative(doc[s:t].root) or c.population >= SCAN_MIN_CITY_POP) and (
                c.population >= RETAG_MIN_POP if anchored is None else (c.country, c.admin1) in anchored):
            return _Mention(s, t, "GPE", "retagged")
    if anchored is None and len(k) > 3 and _local_town(doc, s, t, gaz):
        return _Mention(s, t, "GPE", "retagged")
    return None


def _local_cue(doc: Doc, s: int, t: int) -> bool:
    """Whether the words around a name say it is a town: "Alexandria police", "in Clinton"."""
    lower = token_table(doc).lower
    nxt = lower[t] if t < len(doc) else None
    if nxt is not None and nxt in LOCAL_HEADS and not (nxt in ("man", "woman") and
                                                       t + 1 < len(doc) and lower[t + 1] == "of"):
        return True
    if nxt is not None and nxt in PLACE_NOUNS and nxt not in ("area", "border", "country"):
        return True  # "Heze city", "Punjab province"
    prev = lower[s - 1] if s > 0 else None
    if prev is None:
        return False
    if prev == "of" and s > 1 and lower[s - 2] in OF_PLACE_NOUNS:
        return True  # "the village of Cellardyke", "a resident of Mabvuku"
    return prev in ("in", "near", "outside", "throughout", "across", "from") and \
        doc[s:t].root.dep_ == "pobj"


def _local_town(doc: Doc, s: int, t: int, gaz: Gazetteer) -> bool:
    """A name the tagger called a person or an organisation that is a town's name in a place's
    context ("Alexandria police", "in Clinton")."""
    w = token_table(doc)
    if t - s > 3 or not all(w.caps[s:t]) or not _local_cue(doc, s, t):
        return False
    text = w.span_text(s, t)
    k = key(text)
    return any(key(c.name) == k and c.feature_class in ("P", "A") and
               (c.population >= LOCAL_MIN_POP or c.feature_code.startswith(("ADM", "PCL")))
               for c in gaz.candidates(text)[:25])


def _embedded(doc: Doc, s: int, t: int, gaz: Gazetteer, gpe_keys: set[str], *, strong_only: bool,
              anchored: set[tuple[str, str]] = frozenset()) -> _Mention | None:
    """The place an organisation or facility is named after: "the Mansfield Police Department",
    "Minnesota National Guard", "Henderson County Jail". Not a newspaper's home ("The Washington Post")."""
    w = token_table(doc)
    if w.lower[t - 1] in MEDIA_WORDS or t - s < 2:
        return None
    for j in range(min(t - 1, s + 3), s, -1):
        if not all(w.caps[s:j]) or w.text[j] in POSSESSIVE:
            continue
        if w.lower[j] in STREET_WORDS:
            continue  # "Memphis St." is a street of the article's own town
        if j - s == 1 and w.lower[s] in _DIRECTION_WORDS:
            continue  # "Northeast Texas Community College": the place is the name after the direction
        text = w.span_text(s, j)
        k = key(text)
        local = w.lower[j] in LOCAL_HEADS
        for c in gaz.candidates(text, towns=not strong_only or local)[:10]:
            if not _named(c, k, anchored):
                continue
            strong = (c.feature_code in ("PCLI", "ADM1") or (c.feature_code == "ADM2" and j - s > 1) or
                      (c.feature_class == "P" and c.population >= SCAN_MIN_CITY_POP) or k in gpe_keys or
                      (local and key(c.name) == k and c.feature_class in ("P", "A") and len(k) > 3))
            if strong or (not strong_only and (c.country, c.admin1) in anchored):
                return _Mention(s, j, "GPE", "embedded")
    return _of_place(doc, s, t, gaz, gpe_keys) or _inner_name(doc, s, t, gaz, gpe_keys)


def _inner_name(doc: Doc, s: int, t: int, gaz: Gazetteer, gpe_keys: set[str]) -> _Mention | None:
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
        directed = all(x in _DIRECTION_WORDS for x in w.lower[s:a])  # "Metro Vancouver", "East Texas"
        for b in range(min(t, a + 3), a, -1):
            if not all(w.caps[a:b]):
                continue
            text = w.span_text(a, b)
            k = key(text)
            for c in gaz.candidates(text, towns=party)[:10]:
                if (c.feature_code in ("PCLI", "ADM1") and _named(c, k)) or (key(c.name) == k and (
                        k in gpe_keys or party and a == s + 2 and c.feature_class in ("P", "A") or
                        directed and c.feature_class == "P" and c.population >= SCAN_MIN_CITY_POP)):
                    return _Mention(a, b, "GPE", "embedded")
    return None


def _local_lead(doc: Doc, s: int, t: int, gaz: Gazetteer) -> _Mention | None:
    """A town's name at the head of a local institution's: "Alexandria Police", "Athens Parks"."""
    w = token_table(doc)
    for j in range(min(t - 1, s + 3), s, -1):
        if w.lower[j] not in LOCAL_HEADS or not all(w.caps[s:j]):
            continue
        text = w.span_text(s, j)
        k = key(text)
        if len(k) > 3 and any(key(c.name) == k and c.feature_class in ("P", "A") for c in gaz.candidates(text)[:10]):
            return _Mention(s, j, "GPE", "embedded")
    return None


def _propagate(doc: Doc, mentions: list[_Mention], gaz: Gazetteer) -> list[_Mention]:
    """One name, one reading per article: where a name is a place once ("police in Gainesville"), it
    is a place where the tagger called it a person or an organisation too ("Gainesville said …"),
    unless it is part of a person's name there or anywhere in the article."""
    # what the tagger or the syntax found, not what was itself read into a person's name
    places = Counter(key(m.text) for m in mentions
                     if m.cands and m.source not in ("demonym", "relabelled") and len(m.text) > 3)
    if not places:
        return []
    taken = {i for m in mentions for i in range(m.start, m.end)}
    surnames = _surnames(doc)
    persons = Counter(key(e.text) for e in doc_ents(doc) if e.label_ == "PERSON")
    out = []
    w = token_table(doc)
    for e in doc_ents(doc):
        if e.label_ not in ("PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT") or taken & set(range(e.start, e.end)):
            continue
        s, t = _clean(doc, e.start, e.end)
        text = w.span_text(s, t)
        k = key(text)
        if k not in places or _after_honorific(doc, s) or (e.label_ == "PERSON" and (
                (t - s == 1 and w.lower[s] in surnames) or (persons[k] > places[k] and not any(
                    c.population >= RETAG_MIN_POP for c in gaz.candidates(text)[:10])))):
            continue  # "Welch" stabbed eight times and a place once is a man; "Gainesville" a town
        out.append(_Mention(s, t, "GPE", "propagated", text=text))
    return out


def _of_place(doc: Doc, s: int, t: int, gaz: Gazetteer, gpe_keys: set[str]) -> _Mention | None:
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
            if any(_named(c, k) and c.feature_class in ("P", "A") and (
                    c.population >= LOCAL_MIN_POP or c.feature_code.startswith(("ADM", "PCL")) or k in gpe_keys)
                   for c in gaz.candidates(text)[:10]):
                return _Mention(a, j, "GPE", "embedded")
    return None


def _split_commas(doc: Doc, s: int, t: int, gaz: Gazetteer) -> list[tuple[int, int]]:
    """ "Portland, Ore." as one entity → two places, unless the whole is a name ("Washington, D.C.")."""
    text = token_table(doc).text
    commas = [i for i in range(s, t) if text[i] == ","]
    if not commas or gaz.candidates(token_table(doc).span_text(s, t)):
        return [(s, t)]
    parts, a = [], s
    for c in commas + [t]:
        if c > a:
            parts.append((a, c))
        a = c + 1
    return parts


def _exact_entry(gaz: Gazetteer, text: str) -> bool:
    k = key(text)
    return any(key(r.name) == k for r in gaz.candidates(text))


def _named(c: GeoRef, k: str, anchored: set[tuple[str, str]] | frozenset | None = None) -> bool:
    """Whether ``k`` is the entry's name or a curated alias of it (a country's "U.S.", our landmarks),
    rather than one of GeoNames' many alternate names ("Bānk" for "Bank"). A county's bare name
    ("DeKalb") counts in a state the article is about (``anchored``)."""
    return key(c.name) == k or c.feature_code in ("PCLI", "ADM1", "CONT") or \
        c.source.startswith("dateline:landmarks") or (
            c.feature_code == "ADM2" and bool(anchored) and (c.country, c.admin1) in anchored)


def _is_name_fragment(doc: Doc, m: _Mention, person_idx: set[int], person_words: set[str], gaz: Gazetteer) -> bool:
    """ "Un" of "Kim Jong Un", "Jong" after "Kim": part of a person's name, not a place."""
    if any(i in person_idx for i in range(m.start, m.end)):
        return True
    before = m.start - 1
    if before >= 0 and before in person_idx and not doc[before].is_punct and doc[before].whitespace_:
        return True
    if m.end < len(doc) and m.end in person_idx and m.end - m.start == 1:
        return True  # "Kim" before "Jong Un"
    if m.end - m.start == 1 and m.text in person_words:
        if m.source == "ner" and m.label in ("GPE", "LOC") and _locative(doc[m.start]):
            return False  # "in Sochi", tagged a place, whatever the tagger's "Sochi Mayor Race" person
        best = gaz.candidates(m.text)[:1]
        strong = best and (best[0].feature_class == "A" or best[0].population >= 1_000_000 or
                           best[0].feature_code in ("PPLC", "PCLI"))
        return not strong
    return False


def _scan(doc: Doc, gaz: Gazetteer, in_ent: list[bool]) -> list[_Mention]:
    """Names spaCy left untagged that the gazetteer knows well, outside any other entity."""
    out: list[_Mention] = []
    w = token_table(doc)
    cap = [c or t in (".", "-", "of") for c, t in zip(w.caps, w.text)]  # "Isle of Man", "Winston-Salem"
    i, n = 0, len(doc)
    while i < n:
        if in_ent[i] or not cap[i]:
            i += 1
            continue
        if not (w.caps[i] and (len(w.text[i]) > 1 or not w.is_upper[i])) or w.pos[i] not in ("PROPN", "NOUN", "ADJ"):
            i += 1
            continue
        if i and w.text[i - 1].rstrip(".").lower() in HONORIFICS:
            i += 1
            continue
        found = None
        for j in range(min(n, i + 4), i, -1):
            if any(in_ent[x] or not cap[x] for x in range(i, j)):
                continue
            text = w.span_text(i, j)
            cands = gaz.candidates(text, towns=False)
            if cands and _safe(cands[0], text, doc[i]):
                found = j
                break
        if found:
            out.append(_Mention(i, found, "GPE", "gazetteer"))
            i = found
        else:
            i += 1
    return out


def _safe(best: GeoRef, text: str, first: Token) -> bool:
    ours = best.source.startswith("dateline:landmarks")
    if key(best.name) != key(text) and not ours and best.feature_code != "PCLI":
        return False  # an alternate name only counts if we wrote it (a country's are ours: "Cape Verde")
    if first.is_sent_start and first.pos_ != "PROPN":
        return False
    if ours or best.feature_code in ("PCLI", "CONT", "ADM1") or best.feature_class in ("H", "L"):
        return True
    if best.feature_code == "ADM2":
        return len(text.split()) > 1  # "Rapides Parish", "Laurel County": the suffix makes it safe
    return best.feature_class == "P" and best.population >= SCAN_MIN_CITY_POP


# -- context ---------------------------------------------------------------------------------------

@dataclass(slots=True)
class _Anchors:
    admin1: Counter  # (ISO2, admin1) -> how many names the article has there


def _anchors(doc: Doc, mentions: list[_Mention], ranked: list[list[Scored]], home: SourceHome | None = None
             ) -> _Anchors:
    admin1: Counter = Counter()
    if home is not None and home.admin1:
        admin1[(home.country, home.admin1)] += 1  # a local paper's own state goes without saying
    for r in ranked:
        if r and (len(r) < 2 or r[0][0] - r[1][0] >= MIN_MARGIN):
            best = r[0][1]
            if best.admin1 and best.feature_code not in ("PCLI", "CONT"):
                admin1[(best.country, best.admin1)] += 1
    return _Anchors(admin1)


def _lookup(doc: Doc, m: _Mention, gaz: Gazetteer) -> list[GeoRef]:
    """Candidates for a name; else for the city a facility is named after; else for "North Texas",
    "Southern Sudan" without the direction."""
    if m.source == "county":  # "Jackson" of "Barrow and Jackson counties"
        k = key(m.part_of)
        return [c for c in gaz.candidates(m.part_of) if key(c.name) == k and c.feature_class == "A"]
    if m.source == "demonym":
        if m.part_of:  # "Ohioans": Ohio
            k = key(m.part_of)
            return [c for c in gaz.candidates(m.part_of, towns=False) if key(c.name) == k][:1]
        country = gaz.country(gaz.demonym(m.text) or "")
        return [country] if country is not None else []
    state = _postal_state(doc, m.start, m.end, gaz)
    if state is not None:
        return [state]
    cands = gaz.candidates(m.text)
    if cands:
        return cands
    cands = _facility_city(doc, m, gaz)
    if cands:
        return cands
    if m.end - m.start > 1 and doc[m.start].lower_ in DIRECTIONS:
        base = doc[m.start + 1:m.end].text
        cands = gaz.candidates(base)
        if cands:
            m.part_of = base
            return cands
    if m.end - m.start > 1 and doc[m.end - 1].lower_ in GENERIC_TAILS:
        base = doc[m.start:m.end - 1].text  # "Fargo City", "Hamilton Township"
        k = key(base)
        cands = [c for c in gaz.candidates(base) if key(c.name) == k]
        if cands:
            m.part_of = base
            return cands
    return _inner_place(doc, m, gaz)


def _postal_state(doc: Doc, s: int, t: int, gaz: Gazetteer) -> GeoRef | None:
    """ "Dublin, OH": a US state's postal code right after a town and a comma."""
    if t - s != 1 or s < 2 or doc[s - 1].text != "," or not (len(doc[s].text) == 2 and doc[s].text.isupper()):
        return None
    if not doc[s - 2].is_title and not doc[s - 2].is_upper:
        return None
    return gaz.admin1("US", doc[s].text)


def _postal_states(doc: Doc, mentions: list[_Mention], gaz: Gazetteer) -> list[_Mention]:
    """The postal codes after the article's towns that the tagger left untagged ("Athens, GA")."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    for m in mentions:
        i = m.end + 1
        if i < len(doc) and i not in taken and doc[m.end].text == "," and _postal_state(doc, i, i + 1, gaz):
            out.append(_Mention(i, i + 1, "GPE", "postal", text=doc[i].text))
    return out


def _inner_place(doc: Doc, m: _Mention, gaz: Gazetteer) -> list[GeoRef]:
    """The longest place name inside a longer name the gazetteer lacks: "Titus County" in "Titus County
    Jail", "West Columbia" in "West Columbia City Council", "Ontario" in "Province of Ontario"."""
    n = m.end - m.start
    rest_words = {t.lower_ for t in doc[m.start:m.end]}
    if doc[m.end - 1].lower_ in STREET_WORDS | FEATURE_TAILS and not rest_words & DIVISION_WORDS:
        # "Memphis St." is a street in the article's own town, "Madison Creek" a creek, "Hampton Hills" an
        # estate; "Otter Tail County Road" is in the county
        return []
    division = bool(rest_words & DIVISION_WORDS)
    for size in range(min(n - 1, 4), 0, -1):
        for a in range(m.start, m.end - size + 1):
            toks = doc[a:a + size]
            if not all(_capital(x) for x in toks) or toks[0].is_stop or \
                    all(x.lower_ in INNER_GENERIC for x in toks):
                continue
            k = key(toks.text)
            if len(k) < 4:
                continue
            cands = [c for c in gaz.candidates(toks.text) if _named(c, k) and c.feature_class in ("P", "A")]
            if size == 1 and m.label not in ("GPE", "LOC"):
                # one word of a business's name is a town's only if the town is a sizeable one
                cands = [c for c in cands if c.feature_class == "A" or c.population >= RETAG_MIN_POP]
            if division:  # "Henan province": the province, not a town of the name
                cands = [c for c in cands if c.feature_class == "A"] or cands
            if cands:
                m.part_of = toks.text
                return cands
    return []


def _context_mentions(doc: Doc, gaz: Gazetteer, mentions: list[_Mention], anchors: "_Anchors") -> list[_Mention]:
    """Names that are places given what the article is about: a town in a state the article names
    ("Cottonport" in a story about Louisiana), a dateline ("MANSFIELD —"), the town an agency is
    named after ("the Pineville Police Department")."""
    anchored = {k for k, v in anchors.admin1.items() if v > 0}
    taken = {i for m in mentions for i in range(m.start, m.end)}
    gpe_keys = {key(m.text) for m in mentions}
    out: list[_Mention] = []
    ent_idx: set[int] = set()
    for e in doc_ents(doc):
        ent_idx.update(range(e.start, e.end))
        if e.label_ in EMBEDDING_LABELS and not taken & set(range(e.start, e.end)) and anchored:
            s, t = _clean(doc, e.start, e.end)
            m = _retagged(doc, s, t, gaz, gpe_keys, anchored) or _embedded(
                doc, s, t, gaz, gpe_keys, strong_only=False, anchored=anchored)
            if m is not None:
                out.append(m)
    w = token_table(doc)
    person_words = _surnames(doc)
    for e in doc_ents(doc):
        # the tagger's "Gainesville said…" person (or "Greer, South Carolina" nationality): a town in a
        # state the article is about
        if e.label_ in ("PERSON", "NORP") and anchored and not taken & set(range(e.start, e.end)):
            s, t = _clean(doc, e.start, e.end)
            text = w.span_text(s, t)
            if e.label_ == "NORP" and gaz.demonym(text):
                continue
            if t - s == 1 and (w.lower[s] in person_words or not _locative(doc[s])) or _after_honorific(doc, s):
                continue
            k = key(text)
            if any(_named(c, k, anchored) and c.feature_class in ("P", "A") and (c.country, c.admin1) in anchored
                   for c in gaz.candidates(text)[:25]):
                out.append(_Mention(s, t, "GPE", "relabelled"))
    cap = w.caps
    i, n = 0, len(doc)
    while i < n:
        if not cap[i] or i in ent_idx or i in taken:
            i += 1
            continue
        size = len(w.text[i])
        dateline = w.is_upper[i] and size > 2 and (w.is_sent_start[i] or i == 0 or w.text[i - 1] in ".\n")
        if size < 3 or (not dateline and (w.is_stop[i] or w.pos[i] != "PROPN")):
            i += 1
            continue
        found = None
        for j in range(min(n, i + 3), i, -1):
            if any(x in ent_idx or x in taken or not cap[x] for x in range(i, j)):
                continue
            if dateline and not (j < n and w.text[j] in DATELINE_MARKS):
                continue
            text = w.span_text(i, j)
            k = key(text)
            for c in gaz.candidates(text)[:25]:
                if _named(c, k, anchored) and c.feature_class in ("P", "A") and (
                        dateline or (not w.is_sent_start[i] and (c.country, c.admin1) in anchored)):
                    found = j
                    break
            if not found and not dateline and _local_town(doc, i, j, gaz):
                found = j  # "the village of Cellardyke", "Esperance residents"
            if found:
                break
        if found:
            out.append(_Mention(i, found, "GPE", "dateline" if dateline else "context"))
            i = found
        else:
            i += 1
    person_idx, person_words_ = _person_tokens(doc, set())
    return [m for m in out if _keep(doc, m, gaz, person_idx, person_words_)]


def _home_town(doc: Doc, gaz: Gazetteer, mentions: list[_Mention], home: SourceHome) -> list[_Mention]:
    """A local paper's own town wherever its name leads a name: untagged, or the tagger's
    "Alexandria" person, "Alexandria Police", "Greer Station". Not a surname ("John Paris", "Mr.
    Paris"): a name the town's name does not begin is a person's."""
    name = home.place.split(",")[0].strip()
    k = key(name)
    if not k or not any(c.feature_class == "P" and key(c.name) == k and
                        km(home.lat, home.lon, c.lat, c.lon) <= HOME_TOWN_KM  # type: ignore[arg-type]
                        for c in gaz.candidates(name)[:25]):
        return []
    size = len(name.split())
    taken = {i for m in mentions for i in range(m.start, m.end)}
    starts, inside = set(), set()
    for e in doc_ents(doc):
        s, _ = _clean(doc, e.start, e.end)
        starts.add(s)
        inside.update(range(e.start, e.end))
    out = []
    w = token_table(doc)
    for i in range(len(doc) - size + 1):
        if any(x in taken for x in range(i, i + size)) or not all(w.caps[i:i + size]) or \
                key(w.span_text(i, i + size)) != k or (i in inside and i not in starts):
            continue
        if _after_honorific(doc, i):
            continue
        out.append(_Mention(i, i + size, "GPE", "home", text=w.span_text(i, i + size)))
    return out


def _facility_city(doc: Doc, m: _Mention, gaz: Gazetteer) -> list[GeoRef]:
    """ "Beijing Railway" → Beijing: a facility named after its city, when its head word says so."""
    span = doc[m.start:m.end]
    heads = {t.lower_ for t in span} | ({doc[m.end].lower_} if m.end < len(doc) else set())
    if m.label != "FAC" or not heads & FACILITY_HEADS:
        return []
    for j in range(m.end - 1, m.start, -1):
        cands = [c for c in gaz.candidates(doc[m.start:j].text) if c.feature_class in ("P", "A")]
        if cands:
            m.facility_of = doc[m.start:j].text
            return cands
    return []


def _qualifier(doc: Doc, m: _Mention, mentions: list[_Mention], i: int) -> GeoRef | None:
    """ "Dublin, Ohio", "Paris, France": the division or country right after a comma."""
    if i + 1 >= len(mentions) or m.end >= len(doc) or token_table(doc).text[m.end] != ",":
        return None
    nxt = mentions[i + 1]
    if nxt.start != m.end + 1 or not nxt.cands:
        return None
    q = nxt.cands[0]
    if q.feature_code not in ("ADM1", "PCLI"):
        return None
    # "Mexico, China, Japan and Brazil", "Virginia, Washington, West Virginia": a list, not a name and
    # its division; "Toronto, Ontario, Canada" is a chain, its country no third item
    mates = [x for x in _list_mates(doc, mentions, i)
             if not (x.cands and x.cands[0].feature_code == "PCLI" and x.cands[0].country == q.country)]
    if len(mates) >= 2 and any(c.feature_code in ("ADM1", "PCLI") and key(c.name) == key(m.text)
                               for c in (m.cands or ())[:10]):
        return None
    return q


def _list_mates(doc: Doc, mentions: list[_Mention], i: int) -> list[_Mention]:
    """The other places of a list ``mentions[i]`` stands in: names joined by commas, "and", "or"."""
    text = token_table(doc).text
    out: list[_Mention] = []
    for step in (1, -1):
        j = i
        while 0 <= j + step < len(mentions):
            a, b = (mentions[j], mentions[j + step]) if step == 1 else (mentions[j + step], mentions[j])
            gap = text[a.end:b.start]
            if not 0 < len(gap) <= 3 or not set(gap) <= {",", "and", "or", "the"} or not set(gap) & {",", "and", "or"}:
                break
            out.append(mentions[j + step])
            j += step
    return out


def _cues(doc: Doc, m: _Mention) -> tuple[str, ...]:
    """Words around a name that say what kind of place it is."""
    lower = token_table(doc).lower
    left = " ".join(lower[max(0, m.start - 4):m.start])
    right = " ".join(lower[m.end:m.end + 2])
    cues = []
    if right.startswith(("state", "gov.", "governor", "legislature", "senate", "house", "lawmakers", "county")) or \
            left.endswith(("state of", "governor of", "gov.", "gov", "senator from")):
        cues.append("state")
    if left.endswith(("country of", "republic of", "former soviet republic of", "nation of")):
        cues.append("country")
    return tuple(cues)


def _local(doc: Doc, m: _Mention, i: int, mentions: list[_Mention], home: SourceHome | None = None
           ) -> tuple[list[float], list[list[str]]]:
    """What a mention's own words add to each reading: ", Texas" after it, "the state of" before it;
    a town named "Oregon" or "China" is rarely what a text means by the name, except in a paper of
    that town's state (a Indiana paper's "Lebanon")."""
    qual = _qualifier(doc, m, mentions, i)
    k = key(m.text)
    cands = m.cands[:MAX_READINGS]
    if qual is not None and not any(_qualifies(qual, c) for c in cands):
        qual = None  # "California, Indiana, Louisiana": a list, not a town and its state
    cues = _cues(doc, m)
    # the kind of place a list holds: "Utah, Virginia, Washington and Wisconsin" are states
    tops = [x.cands[0] for x in _list_mates(doc, mentions, i) if x.cands]
    kinds = Counter(c.feature_code for c in tops)
    list_of = next((f for f in ("ADM1", "PCLI") if kinds[f] >= 2 and 2 * kinds[f] > len(tops)), None)
    list_countries = {c.country for c in tops}
    big_name = any(c.feature_code in ("ADM1", "PCLI") and key(c.name) == k for c in cands)
    # a division's seat of its name is no town named after it: Alexandria in Alexandria governorate
    seats = [c for c in cands if c.feature_code == "ADM1" and key(c.name) == k]
    local, whys = [], []
    for c in cands:
        s, why = 0.0, []
        if qual is not None and _qualifies(qual, c):
            s += QUALIFIER_BONUS
            why.append(f"qualified by {qual.name}")
        if "state" in cues and c.feature_code == "ADM1":
            s += CUE_BONUS
            why.append("called a state")
        if "country" in cues and c.feature_code == "PCLI":
            s += CUE_BONUS
            why.append("called a country")
        if list_of is not None and c.feature_code == list_of and key(c.name) == k and (
                list_of == "PCLI" or c.country in list_countries):  # states of the list's countries
            s += CUE_BONUS
            why.append("in a list of " + ("states" if list_of == "ADM1" else "countries"))
        if big_name and qual is None and not (home is not None and home.admin1 and c.admin1 == home.admin1 and
                                              c.country == home.country) and (c.feature_class == "P" and (c.feature_code != "PPLC" or key(c.name) != k) or
                                          c.feature_code == "ADM2" and c.name.endswith((" County", " Parish"))) \
                and not (key(c.name) == k and any(x.country == c.country and km(x.lat, x.lon, c.lat, c.lon) < SEAT_KM
                                                  for x in seats)):
            # a capital of the same name may be meant ("Washington"); "Mexico" the city, "Indiana" the county not
            s -= TOWN_NAMED_AFTER_PENALTY
        local.append(s)
        whys.append(why)
    return local, whys


def _qualifies(qual: GeoRef, c: GeoRef) -> bool:
    return c is not qual and c.country == qual.country and (qual.feature_code == "PCLI" or c.admin1 == qual.admin1)


def _name_key(m: _Mention) -> tuple:
    """Mentions that name one place: "Paris" and "Paris City Hall" (a facility read as its city),
    "Texas" and "North Texas"."""
    return (key(m.facility_of or m.part_of or m.text), m.source == "demonym",
            tuple(id(c) for c in (m.cands or ())[:3]))


def _resolve_names(doc: Doc, mentions: list[_Mention], gaz: Gazetteer, first_line_end: int,
                   home: SourceHome | None = None) -> tuple[dict[int, int], list[list[Scored]]]:
    """Every mention's readings, scored with the article's other names (``geo.coherence``): mention
    index -> name index, and each name's scored readings, best first."""
    group_of: dict[int, int] = {}
    names: list[Name] = []
    by_key: dict[tuple, int] = {}
    first_seen = False
    for i, m in enumerate(mentions):
        if not m.cands:
            continue
        nk = _name_key(m)
        g = by_key.get(nk)
        local, whys = _local(doc, m, i, mentions, home)
        if g is None:
            g = by_key[nk] = len(names)
            names.append(Name(cands=m.cands[:MAX_READINGS], local=local, local_why=whys,
                              weight=DEMONYM_WEIGHT if m.source == "demonym" else 1.0))
        else:
            # one place per name per article: the strongest local evidence of any mention counts
            n = names[g]
            for k, (a, b) in enumerate(zip(n.local, local)):
                if b > a:
                    n.local[k], n.local_why[k] = b, whys[k]
        group_of[i] = g
        names[g].explicit |= any(x > 0 for x in local)  # ", France", "the state of"
        if not first_seen and 0 <= first_line_end < token_table(doc).idx[m.start]:
            names[g].first = first_seen = True
    taken = {key(m.text) for m in mentions}
    for e in doc_ents(doc):
        # nationality adjectives say which countries the article is about, too
        if e.label_ == "NORP" and key(e.text) not in taken:
            country = gaz.country(gaz.demonym(e.text) or "")
            if country is not None:
                taken.add(key(e.text))
                names.append(Name(cands=[country], weight=DEMONYM_WEIGHT, fixed=True))
    return group_of, resolve(names, gaz, home=home)


def _place(doc: Doc, m: _Mention, scored: list[Scored], article: Article, options: PlaceOptions) -> Place | None:
    w = token_table(doc)
    text = w.span_text(m.start, m.end)
    sp = Span(start=w.idx[m.start], end=w.idx[m.start] + len(text), text=text)
    pid = stable_id(article.id, sp.start, sp.end, prefix="pl")
    if not scored:
        if m.label == "FAC":
            return None  # a building or road we cannot place is not worth a record
        return Place(id=pid, span=sp, reason=f"no gazetteer entry for {text!r}")
    best_s, best, why = scored[0]
    reason = _explain(m, best, why, scored)
    cands = tuple(replace(c, score=round(s, 3)) for s, c, _ in scored[:options.max_candidates])
    return Place(id=pid, span=sp, resolved=cands[0], candidates=cands, reason=reason,
                 kind="demonym" if m.source == "demonym" else "name")


def _explain(m: _Mention, best: GeoRef, why: list[str], scored: list) -> str:
    what = {"PCLI": "country", "ADM1": "first-level division", "ADM2": "second-level division",
            "PPLC": "capital", "CONT": "continent"}.get(best.feature_code, best.feature_code or best.feature_class)
    parts = [f"{best.name} ({best.country or 'no country'} {what}, pop {best.population:,})"]
    if best.source.startswith("dateline:landmarks") and not m.facility_of:
        parts.append(f"{best.source.rsplit(':', 1)[-1]!r} is in Dateline's landmark and alias table")
    if m.facility_of:
        parts.append(f"a facility named after {m.facility_of}")
    if m.part_of:
        parts.append(f"read as {m.part_of}")
    if m.source in ("gazetteer", "context", "dateline"):
        parts.append({"gazetteer": "name found by the gazetteer, not the tagger",
                      "context": "untagged name of a town in a state the article is about",
                      "dateline": "the dateline"}[m.source])
    if m.source == "embedded":
        parts.append("the place an organisation or facility is named after")
    if m.source == "relabelled":
        parts.append("tagged as a person, but a place in the article's setting")
    if m.source == "home":
        parts.append("the source's home town")
    if m.source == "postal":
        parts.append("a state's postal code after a town")
    if m.source == "propagated":
        parts.append("a place elsewhere in the article, so here too")
    if m.source == "retagged":
        parts.append("tagged as an organisation, but a place's name")
    if m.source == "demonym":
        parts.append(f"a people's name read as {m.part_of}" if m.part_of else "nationality adjective read as its country")
    if m.source == "county":
        parts.append(f"one of a list of counties, so {m.part_of}")
    parts += why
    if len(scored) > 1:
        s2, c2, _ = scored[1]
        parts.append(f"over {c2.name} ({c2.country}{'-' + c2.admin1 if c2.admin1 else ''} {c2.feature_code}) "
                     f"by {scored[0][0] - s2:.1f}")
    return "; ".join(parts)
