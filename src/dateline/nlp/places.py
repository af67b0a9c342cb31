"""Places: toponyms found in the parse and resolved against the gazetteer, with candidates and a reason.

The names come from :mod:`dateline.nlp.place_names` (the tagger's places, and names it missed or
mislabelled that the gazetteer and the words around them say are places); this module adds those
that need the article's setting — untagged towns of a state the article is about, a dateline, a
local paper's own town, a postal state code — and resolves them all.

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

from spacy.tokens import Doc

from ..geo.coherence import HOME_TOWN_KM, MAX_READINGS, MIN_MARGIN, Name, Scored, resolve
from ..geo.gazetteer import Gazetteer, km, lookup_key as key  # remembered: the same names come back
from ..geo.homes import SourceHome, SourceHomes
from ..model import Article, GeoRef, Place, Span
from ..model.ids import stable_id
from .place_distance import apply_distances
from .place_home import near_home
from .coding import LEGAL_FORMS
from .place_events import mark_event_location as _mark_event_location, place_of_clause  # noqa: F401
from .place_lookup import named
from .place_nonplaces import heavenly, not_a_place
from .place_names import find_mentions, keep, propagate, widen_abbreviated
from .place_orgs import embedded, party_name_starts, retagged
from .place_syntax import (
    Mention, after_honorific, capital, clean, local_town, locative, person_surnames, person_tokens,
)
from .place_words import (
    FACILITY_HEADS, MAX_CANDIDATES, QUALIFIER_BONUS, CUE_BONUS, TOWN_NAMED_AFTER_PENALTY, SEAT_KM, DEMONYM_WEIGHT,
    EMBEDDING_LABELS, DIRECTIONS, GENERIC_TAILS, DATELINE_MARKS, INNER_GENERIC, STREET_WORDS, FEATURE_TAILS,
    DIVISION_WORDS, RETAG_MIN_POP, LOCAL_HEADS, COMMON_WORDS, PLACE_NOUNS,
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



def extract_places(ctx) -> tuple[Place, ...]:
    homes = getattr(ctx.resources, "source_homes", None)
    if homes:
        return find_places(ctx.doc, ctx.article, ctx.resources.gazetteer, PlaceOptions(homes=homes))
    return find_places(ctx.doc, ctx.article, ctx.resources.gazetteer)


def find_places(doc: Doc, article: Article, gaz: Gazetteer, options: PlaceOptions = PlaceOptions(),
                *, source: str | None = None) -> tuple[Place, ...]:
    """The article's places. ``source`` names the outlet for ``options.homes`` (default: the
    article's ``source``, else its address's host)."""
    mentions = widen_abbreviated(doc, find_mentions(doc, gaz, demonyms=options.demonyms,
                                                    scan=options.scan_gazetteer), gaz)
    for m in mentions:
        m.cands = [] if heavenly(doc, m) else _lookup(doc, m, gaz)  # "the Earth" is no "Earth, Texas"
    apply_distances(doc, mentions)
    first_line_end = article.text.find("\n")  # the dateline is the first place after the headline
    home = None
    if options.homes:
        home = options.homes.find(source) if source is not None else options.homes.find(article.source, article.url)
    resolved = None
    if options.scan_gazetteer:
        # a first reading of the plain names says which states the article is about; untagged towns
        # of those states (and of the source's home state) are then names too
        resolved = _resolve_names(doc, mentions, gaz, first_line_end, home)
        extra = widen_abbreviated(doc, _context_mentions(doc, gaz, mentions, _anchors(doc, mentions, resolved[1], home)),
                                  gaz)
        for m in extra:
            m.cands = _lookup(doc, m, gaz)
        if home is not None and home.has_point:
            extra += _home_town(doc, gaz, mentions + extra, home)
        extra += propagate(doc, mentions + extra, gaz)
        extra = [m for m in extra if not not_a_place(doc, m, gaz)]  # "Lincoln's widow" in Lincoln's county
        extra += _postal_states(doc, mentions + extra, gaz)
        for m in extra:
            if m.cands is None:
                m.cands = _lookup(doc, m, gaz)
        if extra:
            mentions = sorted(mentions + extra, key=lambda m: m.start)
            apply_distances(doc, mentions)
            resolved = None
    if not mentions:
        return ()
    group_of, ranked = resolved or _resolve_names(doc, mentions, gaz, first_line_end, home)
    places = [_place(doc, m, ranked[group_of[i]] if i in group_of else [], article, options)
              for i, m in enumerate(mentions)]
    places = [p for p in places if p is not None]
    if home is not None:
        places = near_home(doc, mentions, places, home)
    return _mark_event_location(doc, tuple(places))


# -- context ---------------------------------------------------------------------------------------

@dataclass(slots=True)
class _Anchors:
    admin1: Counter  # (ISO2, admin1) -> how many names the article has there


def _anchors(doc: Doc, mentions: list[Mention], ranked: list[list[Scored]], home: SourceHome | None = None
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


def _lookup(doc: Doc, m: Mention, gaz: Gazetteer) -> list[GeoRef]:
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
    mid = m.end - m.start > 2 and doc[m.start].lower_ == "mid" and doc[m.start + 1].text == "-"
    if m.end - m.start > 1 and (doc[m.start].lower_ in DIRECTIONS or mid):
        base = doc[m.start + (2 if mid else 1):m.end].text  # "North Texas", "Mid-Jutland"
        # "North Texas" is Texas, but "East Bank" is not a town called Bank
        cands = [c for c in gaz.candidates(base) if named(c, key(base))] if base.lower() not in INNER_GENERIC else []
        if cands:
            m.part_of = base
            return cands
    if m.end - m.start > 1 and doc[m.end - 1].lower_ in GENERIC_TAILS and doc[m.start].lower_ not in DIRECTIONS:
        base = doc[m.start:m.end - 1].text  # "Fargo City", "Hamilton Township"; not "South" of "South Coast"
        k = key(base)
        coast = doc[m.end - 1].lower_ == "coast"  # an ocean's or a country's coast, not a town's
        cands = [c for c in gaz.candidates(base) if key(c.name) == k and not (coast and c.feature_class == "P")]
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


def _postal_states(doc: Doc, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """The postal codes after the article's towns that the tagger left untagged ("Athens, GA")."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    for m in mentions:
        i = m.end + 1
        if i < len(doc) and i not in taken and doc[m.end].text == "," and _postal_state(doc, i, i + 1, gaz):
            out.append(Mention(i, i + 1, "GPE", "postal", text=doc[i].text))
    return out


def _inner_place(doc: Doc, m: Mention, gaz: Gazetteer) -> list[GeoRef]:
    """The longest place name inside a longer name the gazetteer lacks: "Titus County" in "Titus County
    Jail", "West Columbia" in "West Columbia City Council", "Ontario" in "Province of Ontario"."""
    n = m.end - m.start
    # "Arnor Springs Corp": a company named after a town need not be there; a state or country it is
    # named after ("Arnor Power Co") is still a place named
    company = n > 1 and doc[m.end - 1].text.rstrip(".").lower() in LEGAL_FORMS and doc[m.end - 1].text[:1].isupper()
    rest_words = {t.lower_ for t in doc[m.start:m.end]}
    if doc[m.end - 1].lower_ in STREET_WORDS | FEATURE_TAILS and not rest_words & DIVISION_WORDS:
        # "Memphis St." is a street in the article's own town, "Madison Creek" a creek, "Hampton Hills" an
        # estate; "Otter Tail County Road" is in the county
        return []
    division = bool(rest_words & DIVISION_WORDS)
    for size in range(min(n - 1, 4), 0, -1):
        for a in range(m.start, m.end - size + 1):
            toks = doc[a:a + size]
            if not all(capital(x) for x in toks) or toks[0].is_stop or \
                    all(x.lower_ in INNER_GENERIC for x in toks) and not (size > 1 and toks[-1].lower_ == "county"):
                continue  # "North Valley" is no place's name, "Orange County" is
            k = key(toks.text)
            if len(k) < 4:
                continue
            # a region or continent we know stands for itself: "South Asia Earthquake" is not the town Asia
            cands = [c for c in gaz.candidates(toks.text) if named(c, k) and (c.feature_class in ("P", "A") or (
                size > 1 or m.label in ("GPE", "LOC")) and (c.feature_code == "CONT" or
                                                             c.source.startswith("dateline:landmarks")))]
            if size == 1 and m.label not in ("GPE", "LOC"):
                # one word of a business's name is a town's only if the town is a sizeable one
                cands = [c for c in cands if c.feature_class == "A" or c.population >= RETAG_MIN_POP]
            if company:
                cands = [c for c in cands if c.feature_code in ("PCLI", "ADM1")]
            if division:  # "Henan province": the province, not a town of the name (nor a former country)
                cands = [c for c in cands if c.feature_code.startswith("ADM")] or \
                    [c for c in cands if c.feature_class == "A"] or cands
            if cands:
                m.part_of = toks.text
                return cands
    return []


def _context_mentions(doc: Doc, gaz: Gazetteer, mentions: list[Mention], anchors: "_Anchors") -> list[Mention]:
    """Names that are places given what the article is about: a town in a state the article names
    ("Cottonport" in a story about Louisiana), a dateline ("MANSFIELD —"), the town an agency is
    named after ("the Pineville Police Department")."""
    anchored = {k for k, v in anchors.admin1.items() if v > 0}
    taken = {i for m in mentions for i in range(m.start, m.end)}
    gpe_keys = {key(m.text) for m in mentions}
    out: list[Mention] = []
    ent_idx: set[int] = set()
    for e in doc_ents(doc):
        ent_idx.update(range(e.start, e.end))
        if e.label_ in EMBEDDING_LABELS and not taken & set(range(e.start, e.end)) and anchored:
            s, t = clean(doc, e.start, e.end)
            m = retagged(doc, s, t, gaz, gpe_keys, anchored) or embedded(
                doc, s, t, gaz, gpe_keys, strong_only=False, anchored=anchored)
            if m is not None:
                out.append(m)
    w = token_table(doc)
    person_words = person_surnames(doc)
    for e in doc_ents(doc):
        # the tagger's "Gainesville said…" person (or "Greer, South Carolina" nationality): a town in a
        # state the article is about
        if e.label_ in ("PERSON", "NORP") and anchored and not taken & set(range(e.start, e.end)):
            s, t = clean(doc, e.start, e.end)
            text = w.span_text(s, t)
            if e.label_ == "NORP" and gaz.demonym(text):
                continue
            if t - s == 1 and (w.lower[s] in person_words or not locative(doc[s])) or after_honorific(doc, s):
                continue
            k = key(text)
            if any(named(c, k, anchored) and c.feature_class in ("P", "A") and (c.country, c.admin1) in anchored
                   for c in gaz.candidates(text)[:25]):
                out.append(Mention(s, t, "GPE", "relabelled"))
    cap = w.caps
    i, n = 0, len(doc)
    while i < n:
        if not cap[i] or i in ent_idx or i in taken:
            i += 1
            continue
        size = len(w.text[i])
        dateline = w.is_upper[i] and size > 2 and (w.is_sent_start[i] or i == 0 or w.text[i - 1] in ".\n")
        # "Heze city alone has …", "Esperance residents noticed …": a town, whatever the tagger's
        # part of speech for it
        cued = i + 1 < n and (w.lower[i + 1] in _TOWN_NOUNS or w.lower[i + 1] in LOCAL_HEADS and
                              w.lower[i] not in _NOT_TOWNS)
        if size < 3 or (not dateline and (w.is_stop[i] or w.pos[i] != "PROPN" and not cued)):
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
                if named(c, k, anchored) and c.feature_class in ("P", "A") and (
                        dateline or (not w.is_sent_start[i] and (c.country, c.admin1) in anchored)):
                    found = j
                    break
            if not found and not dateline and local_town(doc, i, j, gaz):
                found = j  # "the village of Cellardyke", "Esperance residents"
            if found:
                break
        if found and not dateline and party_name_starts(doc, found):
            found = None  # "a Liberal Democrat MP": the first word of a party's name, not a town of the name
        if found:
            out.append(Mention(i, found, "GPE", "dateline" if dateline else "context"))
            i = found
        else:
            i += 1
    person_idx, person_words_ = person_tokens(doc, set())
    return [m for m in out if keep(doc, m, gaz, person_idx, person_words_)]


# after a word the tagger took for a verb or a common noun, words that make it a town's name
# ("Heze city", "Esperance residents", "Grovetown police"; not "Police officials", "Highways officials")
_TOWN_NOUNS = frozenset({"city", "town", "village", "township", "residents", "resident"})
_NOT_TOWNS = LOCAL_HEADS | STREET_WORDS | COMMON_WORDS | PLACE_NOUNS | frozenset({"highways", "state", "federal"})


def _home_town(doc: Doc, gaz: Gazetteer, mentions: list[Mention], home: SourceHome) -> list[Mention]:
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
        s, _ = clean(doc, e.start, e.end)
        starts.add(s)
        inside.update(range(e.start, e.end))
    out = []
    w = token_table(doc)
    for i in range(len(doc) - size + 1):
        if any(x in taken for x in range(i, i + size)) or not all(w.caps[i:i + size]) or \
                key(w.span_text(i, i + size)) != k or (i in inside and i not in starts):
            continue
        if after_honorific(doc, i):
            continue
        out.append(Mention(i, i + size, "GPE", "home", text=w.span_text(i, i + size)))
    return out


def _facility_city(doc: Doc, m: Mention, gaz: Gazetteer) -> list[GeoRef]:
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


def _qualifier(doc: Doc, m: Mention, mentions: list[Mention], i: int, mates: list[Mention]) -> GeoRef | None:
    """ "Dublin, Ohio", "Paris, France": the division or country right after a comma (``mates``: the
    other places of a list ``m`` stands in, :func:`_list_mates`)."""
    if i + 1 >= len(mentions) or m.end >= len(doc) or token_table(doc).text[m.end] != ",":
        return None
    nxt = mentions[i + 1]
    if nxt.start != m.end + 1 or not nxt.cands:
        return None
    # the next name's likeliest reading that is a state or a country holding one of this name's
    # readings: "Athens, Georgia" is the state's Athens, though "Georgia" alone is likelier the country
    divisions = [c for c in nxt.cands[:5] if c.feature_code in ("ADM1", "PCLI")]
    q = next((d for d in divisions if any(_qualifies(d, c) for c in (m.cands or ())[:MAX_READINGS])),
             divisions[0] if divisions else None)
    if q is None or q is not nxt.cands[0] and key(q.name) != key(nxt.text):
        return None
    # "Mexico, China, Japan and Brazil", "Virginia, Washington, West Virginia": a list, not a name and
    # its division; "Toronto, Ontario, Canada" is a chain, its country no third item
    mates = [x for x in mates if not (x.cands and x.cands[0].feature_code == "PCLI" and x.cands[0].country == q.country)]
    if len(mates) >= 2 and any(c.feature_code in ("ADM1", "PCLI") and key(c.name) == key(m.text)
                               for c in (m.cands or ())[:10]):
        return None
    return q


SAME_PLACE_KM = 25.0


def _named_again(doc: Doc, m: Mention, mentions: list[Mention], i: int) -> GeoRef | None:
    """ "Washington, D.C.": a city's name followed by a second name of one of its readings (a
    district, an abbreviation), which says which one is meant; not a list of places."""
    if i + 1 >= len(mentions) or m.end >= len(doc) or token_table(doc).text[m.end] != ",":
        return None
    nxt = mentions[i + 1]
    if nxt.start != m.end + 1 or not nxt.cands or key(nxt.text) == key(m.text):
        return None
    top = nxt.cands[0]
    if top.feature_class != "P" or not any(c.feature_class == "P" and km(c.lat, c.lon, top.lat, top.lon) <= SAME_PLACE_KM
                                           for c in (m.cands or ())[:MAX_READINGS]):
        return None
    return top


def _list_mates(doc: Doc, mentions: list[Mention], i: int) -> list[Mention]:
    """The other places of a list ``mentions[i]`` stands in: names joined by commas, "and", "or"."""
    text = token_table(doc).text
    out: list[Mention] = []
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


def _cues(doc: Doc, m: Mention) -> tuple[str, ...]:
    """Words around a name that say what kind of place it is."""
    lower = token_table(doc).lower
    left = " ".join(lower[max(0, m.start - 4):m.start])
    right = " ".join(lower[m.end:m.end + 2])
    cues = []
    if right.startswith(("state", "province", "gov.", "governor", "legislature", "senate", "house", "lawmakers",
                         "county")) or \
            left.endswith(("state of", "governor of", "gov.", "gov", "senator from")):
        cues.append("state")
    if left.endswith(("country of", "republic of", "former soviet republic of", "nation of")):
        cues.append("country")
    if "state" not in cues and _after_state_race(doc, m.start):
        cues.append("state")  # "the gubernatorial race in Arnor and Lune": a governor's state or province
    return tuple(cues)


def _after_state_race(doc: Doc, start: int) -> bool:
    """A governor's election named in the twelve words before, within the sentence."""
    w = token_table(doc)
    for i in range(start - 1, max(-1, start - 13), -1):
        if w.lower[i] in STATE_RACE_WORDS:
            return True
        if w.is_sent_start[i]:
            return False
    return False


# words of a governor's election: the places it is held in are states, provinces or prefectures
STATE_RACE_WORDS = frozenset({"gubernatorial", "governorship", "governorships"})


def _local(doc: Doc, m: Mention, i: int, mentions: list[Mention], home: SourceHome | None = None
           ) -> tuple[list[float], list[list[str]]]:
    """What a mention's own words add to each reading: ", Texas" after it, "the state of" before it;
    a town named "Oregon" or "China" is rarely what a text means by the name, except in a paper of
    that town's state (a Indiana paper's "Lebanon")."""
    mates = _list_mates(doc, mentions, i)
    qual = _qualifier(doc, m, mentions, i, mates)
    same = _named_again(doc, m, mentions, i) if qual is None else None
    k = key(m.text)
    cands = m.cands[:MAX_READINGS]
    if qual is not None and not any(_qualifies(qual, c) for c in cands):
        qual = None  # "California, Indiana, Louisiana": a list, not a town and its state
    cues = _cues(doc, m)
    # the kind of place a list holds: "Utah, Virginia, Washington and Wisconsin" are states
    tops = [x.cands[0] for x in mates if x.cands]
    kinds = Counter(c.feature_code for c in tops)
    list_of = next((f for f in ("ADM1", "PCLI") if kinds[f] >= 2 and 2 * kinds[f] > len(tops)), None)
    list_countries = {c.country for c in tops}
    big_name = any(c.feature_code in ("ADM1", "PCLI") and key(c.name) == k for c in cands)
    # a division's seat of its name is no town named after it: Alexandria in Alexandria governorate
    seats = [c for c in cands if c.feature_code == "ADM1" and key(c.name) == k]
    local, whys = [], []
    for c in cands:
        s, why = 0.0, []
        if same is not None and c.feature_class == "P" and km(c.lat, c.lon, same.lat, same.lon) <= SAME_PLACE_KM:
            s += QUALIFIER_BONUS
            why.append(f"named again as {same.name}")
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


def _name_key(m: Mention) -> tuple:
    """Mentions that name one place: "Paris" and "Paris City Hall" (a facility read as its city),
    "Texas" and "North Texas"."""
    return (key(m.facility_of or m.part_of or m.text), m.source == "demonym",
            tuple(id(c) for c in (m.cands or ())[:3]))


def _resolve_names(doc: Doc, mentions: list[Mention], gaz: Gazetteer, first_line_end: int,
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


def _place(doc: Doc, m: Mention, scored: list[Scored], article: Article, options: PlaceOptions) -> Place | None:
    start, end, text = token_table(doc).offsets(m.start, m.end)
    sp = Span(start=start, end=end, text=text)
    pid = stable_id(article.id, sp.start, sp.end, prefix="pl")
    if not scored:
        if m.label == "FAC":
            return None  # a building or road we cannot place is not worth a record
        if m.near:
            return Place(id=pid, span=sp, reason=f"no gazetteer entry for {text!r} {m.near}")
        return Place(id=pid, span=sp, reason=f"no gazetteer entry for {text!r}")
    best_s, best, why = scored[0]
    reason = _explain(m, best, why, scored)
    cands = tuple(replace(c, score=round(s, 3)) for s, c, _ in scored[:options.max_candidates])
    return Place(id=pid, span=sp, resolved=cands[0], candidates=cands, reason=reason,
                 kind="demonym" if m.source == "demonym" else "name")


def _explain(m: Mention, best: GeoRef, why: list[str], scored: list) -> str:
    what = {"PCLI": "country", "ADM1": "first-level division", "ADM2": "second-level division",
            "PPLC": "capital", "CONT": "continent"}.get(best.feature_code, best.feature_code or best.feature_class)
    parts = [f"{best.name} ({best.country or 'no country'} {what}, pop {best.population:,})"]
    if best.source.startswith("dateline:landmarks") and not m.facility_of:
        parts.append(f"{best.source.rsplit(':', 1)[-1]!r} is in Dateline's landmark and alias table")
    if m.facility_of:
        parts.append(f"a facility named after {m.facility_of}")
    if m.part_of:
        parts.append(f"read as {m.part_of}")
    if m.near:
        parts.append(f"{m.near}, as the text says")
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
