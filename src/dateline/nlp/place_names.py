"""Finding an article's place names: which spans are toponyms, before any is resolved.

Spans come from spaCy's GPE/LOC/FAC entities (cleaned: no leading "the", no trailing "'s"), plus
names spaCy missed or mislabelled that the gazetteer knows, where the gazetteer or the words around
them say place: countries, states and large cities anywhere; a town's name before "police",
"council", "man" … or after "in", "the village of", "a resident of"; the place an institution is named
after or is "of" ("the Mansfield Police Department", "the University of Rochester"), or a country,
state or tagged place inside its name ("Northeast Georgia Medical Center"); the counties of "Barrow,
Jackson and Madison counties"; and, once a name is a place somewhere in the article, the same name
where the tagger called it a person or an organisation (:func:`propagate`). Fragments of people's
names are never places. Nationality adjectives and peoples' names ("Ohioans") are places only when
asked (``demonyms``). :mod:`dateline.nlp.places` adds the names that need the article's setting and
resolves them all. The words around a name that say place, and the article's people, are in
:mod:`dateline.nlp.place_syntax`; places inside organisations' names in :mod:`dateline.nlp.place_orgs`.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from ..geo.gazetteer import Gazetteer, lookup_key as key  # remembered: the same names come back
from ..model import GeoRef
from .lexicon import PLACE_LABELS
from .place_lookup import (
    big_city, exact_entry, named_entry, our_region, strong_countries, strong_exact, town_or_division,
)
from .place_nonplaces import not_a_place
from .place_orgs import embedded, local_lead, retagged
from .place_syntax import (
    DIRECTION_WORDS, Mention, after_honorific, clean, local_cue, local_town, locative, person_surnames,
    person_tokens,
)
from .place_words import (
    HONORIFICS, EMBEDDING_LABELS, COMMON_WORDS, SCAN_MIN_CITY_POP, RETAG_MIN_POP, DISEASE_WORDS, RANK_WORDS,
    OFFICE_NOUNS, INSTITUTION_WORDS, LOCAL_HEADS, PLACE_NOUNS,
)
from .token_table import doc_ents, token_table


def find_mentions(doc: Doc, gaz: Gazetteer, *, demonyms: bool = False, scan: bool = True) -> list[Mention]:
    """The names that are places and need no context to say so."""
    out: list[Mention] = []
    in_ent = [False] * len(doc)
    gpe_keys = {key(e.text) for e in doc_ents(doc) if e.label_ in ("GPE", "LOC")}
    surnames = person_surnames(doc)
    relabelled: set[int] = set()
    w = token_table(doc)
    joined = 0  # the end of a name joined across the tagger's split ("Rio Grande" + "do Sul")
    for e in doc_ents(doc):
        for i in range(e.start, e.end):
            in_ent[i] = True
        if e.start < joined:
            continue
        s, t = clean(doc, e.start, e.end)
        if e.label_ in PLACE_LABELS and (a := _left_joined(doc, s, t, gaz, in_ent)) < s:
            s = a  # "camps near Goz Beida", the tagger's "Beida"
            for i in range(a, e.start):
                in_ent[i] = True
        if e.label_ in (*PLACE_LABELS, "NORP", "LANGUAGE") and (j := _joined(doc, s, t, gaz)):
            out.append(Mention(s, j, "GPE", "joined"))
            joined = j
            for i in range(t, j):
                in_ent[i] = True
            continue
        if demonyms and e.label_ in ("NORP", "PERSON", "GPE") and (m := _demonym(doc, s, t, gaz, e.label_)):
            out += m  # "Sri Lankan" is no person and, for a corpus that counts demonyms, no name either
        elif e.label_ == "NORP":
            if not gaz.demonym(w.span_text(s, t)) and (local_town(doc, s, t, gaz) or
                                                       strong_exact(gaz, w.span_text(s, t))):
                out.append(Mention(s, t, "GPE", "retagged"))  # "from the Artibonite region", "Central African Republic"
        elif e.label_ in PLACE_LABELS:
            if any(c.isalpha() for c in w.span_text(s, t)):
                out += [Mention(a, b, e.label_, "ner") for a, b in _split_commas(doc, s, t, gaz)]
        elif e.label_ == "PERSON":
            # the tagger's "Alexandria" or "Sri Lanka" as a person (:func:`_person_is_place`); "Mr.
            # Paris" is a man
            if after_honorific(doc, s):
                continue
            if _person_is_place(doc, s, t, gaz, gpe_keys, surnames):
                out.append(Mention(s, t, "GPE", "relabelled"))
                relabelled.add(e.start)
            elif t - s > 1 and (m := local_lead(doc, s, t, gaz)) is not None:
                out.append(m)  # the tagger's "Alexandria Police", "Huntsville Fire" as a person
                relabelled.add(e.start)
        elif e.label_ in EMBEDDING_LABELS:
            m = retagged(doc, s, t, gaz, gpe_keys) or embedded(doc, s, t, gaz, gpe_keys, strong_only=True)
            if m is not None:
                out.append(m)
    if scan:
        out += _scan(doc, gaz, in_ent)
    out += _hyphen_pairs(doc, gaz, out)
    if demonyms:
        out += _demonyms(doc, gaz, out)
    if counties := _county_lists(doc, gaz):
        taken = {i for m in counties for i in range(m.start, m.end)}
        out = [m for m in out if not taken & set(range(m.start, m.end))] + counties
    person_idx, person_words = person_tokens(doc, relabelled)
    return [m for m in sorted(out, key=lambda m: m.start) if keep(doc, m, gaz, person_idx, person_words)]


_SAINTS = frozenset({"st", "ste", "ft", "mt", "pt"})  # "St. Paris", "Ft. Worth", "Mt. Vernon"


def widen_abbreviated(doc: Doc, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """A name after "St.", "Ft.", "Mt." is part of a longer one where the whole is a place's name: the
    tagger's "PARIS" of a dateline "ST. PARIS" is Saint Paris, not France's capital. The mention is
    widened; a mention of the abbreviation itself goes."""
    w = token_table(doc)
    spans: list[tuple[int, int]] = []  # the abbreviations taken into a name
    for m in mentions:
        a = m.start - 1
        if a >= 1 and w.text[a] == "." and not doc[a - 1].whitespace_:
            a -= 1  # "ST" "." "PARIS": the tokenizer splits the dot off a word in capitals
        if a < 0 or w.lower[a].rstrip(".") not in _SAINTS or not w.caps[a]:
            continue
        text = w.span_text(a, m.end)
        k = key(text)
        if any(key(c.name) == k for c in gaz.candidates(text)[:10]):
            spans.append((a, m.start))
            m.start, m.text, m.cands = a, text, None
    return [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in spans)]


_JOINERS = frozenset({"of", "the", "do", "da", "de", "del", "di", "du", "des"})


def _joined(doc: Doc, s: int, t: int, gaz: Gazetteer) -> int:
    """Where the tagger split a country's or a state's name, the end of the whole: "the Democratic
    Republic of the" + "Congo", "Rio Grande" + "do Sul", "Mashonaland" + "West", "French" +
    "Guiana"; 0 if none."""
    w = token_table(doc)
    for j in range(min(len(doc), t + 3), t, -1):
        if not all(w.lower[i] in _JOINERS or w.caps[i] for i in range(t, j)) or not w.caps[j - 1] or \
                not doc[t - 1].whitespace_:
            continue
        # a country's name or alias, or a state's own name: "the City of" + "Richmond" stays a town,
        # "St." + "James" is no parish of Jamaica
        if not w.text[t - 1].endswith(".") and named_entry(
                gaz, w.span_text(s, j), lambda c: c.feature_code == "ADM1", towns=False, n=10) or any(
                c.feature_code == "PCLI" for c in gaz.candidates(w.span_text(s, j), towns=False)[:3]):
            return j
    return 0


def _left_joined(doc: Doc, s: int, t: int, gaz: Gazetteer, in_ent: list[bool]) -> int:
    """Where the tagger left out the first word or two of a town's name ("Goz" of "Goz Beida"), the
    start of the whole: the untagged capitalised words before it make one exact name with it."""
    w = token_table(doc)
    for a in (s - 2, s - 1):
        if a < 0 or any(in_ent[i] or not w.caps[i] or not w.is_alpha[i] for i in range(a, s)) or \
                w.is_sent_start[a] or after_honorific(doc, a):
            continue
        if named_entry(gaz, w.span_text(a, t), town_or_division, n=10):
            return a
    return s


def _hyphen_pairs(doc: Doc, gaz: Gazetteer, found: list[Mention]) -> list[Mention]:
    """The second of two places a hyphen joins: "Fargo-Moorhead", "the University of
    Wisconsin-Milwaukee", "Greenville- Spartanburg International Airport"; not where the whole is one
    name ("Winston-Salem" is tagged whole)."""
    w = token_table(doc)
    taken = {i for m in found for i in range(m.start, m.end)}
    out: list[Mention] = []
    for m in found:
        h = m.end
        if m.source == "demonym" or h + 1 >= len(doc) or w.text[h] != "-" or h + 1 in taken or \
                doc[h - 1].whitespace_:
            continue  # "W.Va. - Law enforcement": a dash, not a hyphen
        for b in range(min(len(doc), h + 4), h + 1, -1):
            if not all(w.caps[h + 1:b]) or exact_entry(gaz, w.span_text(m.start, b)):
                continue
            if named_entry(gaz, w.span_text(h + 1, b), town_or_division, n=10):
                out.append(Mention(h + 1, b, "GPE", "embedded"))
                break
    return out


def _county_lists(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """The counties of "Barrow, Jackson and Madison counties", "Walton and Oconee counties": each name
    is its county's (``part_of`` "Jackson County"), whatever the tagger or the town list says."""
    w = token_table(doc)
    out: list[Mention] = []
    for i in range(1, len(doc)):
        if w.lower[i] not in ("counties", "parishes"):
            continue
        listed: list[Mention] = []
        tail = "County" if w.lower[i] == "counties" else "Parish"
        j = i  # the end of the next name back
        while j > 0:
            a = j
            while a > 0 and j - a < 3 and w.caps[a - 1] and w.is_alpha[a - 1]:
                a -= 1
            # the longest name that is a county: "Otter Tail"; "Small Hitchcock" is "Hitchcock"
            found = next(((b, name) for b in range(a, j) if named_entry(
                gaz, name := f"{w.span_text(b, j)} {tail}", lambda c: c.feature_class == "A", n=25)), None)
            if found is None:
                break
            listed.append(Mention(found[0], j, "GPE", "county", part_of=found[1]))
            j = found[0]
            while j > 0 and w.lower[j - 1] in (",", "and", "or"):
                j -= 1
            if j == found[0]:
                break
        if len(listed) >= 2:  # "the four metro Athens counties" are Athens' counties, not Athens County
            out += listed
    return out


def _demonym(doc: Doc, s: int, t: int, gaz: Gazetteer, label: str) -> list[Mention]:
    """A nationality or a region's people as places: "Sri Lankan"; each side of "Russian-American"
    and "non-Russians"; "Ohioans", "Londoner", "South Ossetian" (:func:`_gentilic`), only where the
    tagger says nationality ("Callahan" and "Susan" are people); of a place the tagger found, only a
    whole nationality ("Sri Lankan")."""
    w = token_table(doc)
    text = w.span_text(s, t)
    if gaz.demonym(text):
        return [Mention(s, t, "NORP", "demonym")]
    if label == "GPE":
        return []
    if label == "NORP" and (base := _gentilic(gaz, text)) is not None:
        return [Mention(s, t, "NORP", "demonym", part_of=base)]
    if "-" not in w.text[s:t]:
        return []
    return [Mention(i, i + 1, "NORP", "demonym") for i in range(s, t) if w.caps[i] and gaz.demonym(w.text[i])]


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
        if len(b) >= 4 and (c := named_entry(gaz, b, lambda c: c.feature_code in ("PCLI", "ADM1", "RGN") or (
                c.feature_class == "P" and c.population >= SCAN_MIN_CITY_POP), towns=False, n=10)):
            return c.name
    return None


def _demonyms(doc: Doc, gaz: Gazetteer, found: list[Mention]) -> list[Mention]:
    """Nationality adjectives and peoples' names the tagger did not tag as such: inside an
    organisation's name ("the Russian Foreign Ministry") or untagged ("Sri Lankan", "Ontarians")."""
    taken = {i for m in found for i in range(m.start, m.end)}
    out: list[Mention] = []
    i, n = 0, len(doc)
    caps = token_table(doc).caps  # capitalised, upper case or inner capitals, as capital()
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
            if gaz.demonym(text) and not exact_entry(gaz, text):
                out.append(Mention(i, j, "NORP", "demonym"))
            elif not exact_entry(gaz, text) and (base := _gentilic(gaz, text)) is not None:
                out.append(Mention(i, j, "NORP", "demonym", part_of=base))  # "Ontarians", untagged
            else:
                continue
            i = j - 1
            break
        i += 1
    return out


def keep(doc: Doc, m: Mention, gaz: Gazetteer, person_idx: set[int], person_words: set[str]) -> bool:
    w = token_table(doc)
    m.text = w.span_text(m.start, m.end)
    if m.source not in ("demonym", "relabelled", "home", "county", "joined") and _is_name_fragment(doc, m, person_idx, person_words, gaz):
        return False
    if m.source not in ("demonym", "dateline", "county") and not_a_place(doc, m, gaz):
        return False  # "God", "the Labor Department", "Lincoln's widow"
    if m.source != "demonym" and gaz.demonym(m.text) and not exact_entry(gaz, m.text):
        return False  # "Chinese", "Georgians": who, not where
    after = w.lower[m.end] if m.end < len(doc) else ""
    if m.start and w.text[m.start - 1] in ("$", "€", "£"):
        return False  # "$US 1.5 billion": a currency
    if after in DISEASE_WORDS and not (m.end + 1 < len(doc) and w.lower[m.end + 1] == "season" and
                                       strong_exact(gaz, m.text)):
        return False  # "West Nile virus", "Marburg fever": a disease named after a place; not "the United States flu season"
    one = w.lower[m.start] if m.end - m.start == 1 else ""
    if one in DIRECTION_WORDS and not any(
            r.source.startswith("dateline:landmarks") for r in gaz.candidates(m.text, towns=False)):
        return False  # "the West", "the Northeast": a direction, not a place we can point to
    if m.source != "ner" and (len(m.text) < 3 and not strong_exact(gaz, m.text) or
                              one in COMMON_WORDS and after not in LOCAL_HEADS):
        return False  # a capitalised common word the tagger did not call a place: "Man", "Union" (not "Concord Police")
    return not _common_word(doc, m, gaz, one, after)


def _common_word(doc: Doc, m: Mention, gaz: Gazetteer, one: str, after: str) -> bool:
    """Words that are also towns' names but here are not names of places: written without a capital
    ("a van"), a rank before an office or a court ("Vice Mayor", "Superior Court"), a body that
    governs ("in Congress"), an organisation's initials the article tags as one ("joined NATO")."""
    if m.source != "demonym" and not any(ch.isupper() for ch in m.text) and any(
            ch.isupper() for ch in token_table(doc).doc_text[:2000]):
        return True  # a name is capitalised in a text that capitalises at all
    if one in RANK_WORDS and after in OFFICE_NOUNS or one in INSTITUTION_WORDS and not strong_exact(gaz, m.text):
        return True
    return m.source != "dateline" and _initials_of_org(doc, m, gaz)


def _initials_of_org(doc: Doc, m: Mention, gaz: Gazetteer) -> bool:
    """ "NATO", "NHS": a word in capitals the tagger calls an organisation somewhere in the article is
    its initials, not a town of the name; a country, a state or a region may go by initials ("USA",
    "NSW", "EU")."""
    text = m.text.replace(".", "")
    if not (2 <= len(text) <= 6 and text.isalpha() and text.isupper()) or strong_exact(gaz, m.text):
        return False
    if any(c.feature_class != "P" for c in gaz.candidates(m.text)[:3]):
        return False
    # the organisation in running text, not a word of a headline or a dateline set in capitals
    return any(e.label_ == "ORG" and e.text.replace(".", "") == text and e.start != e.sent.start and
               any(t.is_lower and t.is_alpha for t in e.sent) for e in doc_ents(doc))


def _person_is_place(doc: Doc, s: int, t: int, gaz: Gazetteer, gpe_keys: set[str], surnames: set[str]) -> bool:
    """Whether the tagger's person is a place: a name it tags a place elsewhere in the article; a
    country's or state's name that is more than a surname ("Sri Lanka", "Rogaland, Vestfold"),
    where places stand ("near the Gabon border"); a big city or a county in a list of places ("Cairo,
    Giza"); a town in a town's context ("Alexandria police"); one of our islands ("the island of
    Java")."""
    w = token_table(doc)
    text = w.span_text(s, t)
    one = t - s == 1
    free = not one or w.lower[s] not in surnames  # not a word of a person's name elsewhere
    if not free:
        return False
    if key(text) in gpe_keys or local_town(doc, s, t, gaz):
        return True
    countries = strong_countries(gaz, text)  # those it is a state's or the country's name of
    listed = _in_place_list(doc, s, t, gaz, countries)
    if countries and (not one or listed or locative(doc[s]) or t < len(doc) and w.lower[t] in PLACE_NOUNS):
        return True
    if listed and (big_city(gaz, text) or named_entry(gaz, text, lambda c: c.feature_code == "ADM2", towns=False, n=10)):
        return True
    return our_region(gaz, text) and (locative(doc[s]) or local_cue(doc, s, t))


def _in_place_list(doc: Doc, s: int, t: int, gaz: Gazetteer, countries: frozenset) -> bool:
    """Whether a name stands in a list of places: "Cairo, Giza" with a place the tagger saw next to
    it across a comma, "and" or "or", or a country's or state's name of one of ``countries`` it did not
    see as one ("Rogaland, Vestfold, Buskerud"; not "Peter, Paul and Mary", states of Cape Verde
    and Turkmenistan)."""
    w = token_table(doc)
    for sep, other in ((s - 1, s - 2), (t, t + 1)):
        if not (0 <= other < len(doc) and w.lower[sep] in (",", "and", "or")):
            continue
        if w.ent_type[other] in ("GPE", "LOC") or countries and w.caps[other] and \
                strong_countries(gaz, w.text[other]) & countries:
            return True
    return False


def propagate(doc: Doc, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """One name, one reading per article: where a name is a place once ("police in Gainesville"), it
    is a place where the tagger called it a person or an organisation too ("Gainesville said …"),
    unless it is part of a person's name there or anywhere in the article."""
    # what the tagger or the syntax found, not what was itself read into a person's name, unless
    # it is a country's, a state's or one of our islands' and regions' ("the island of Java")
    places = Counter(key(m.text) for m in mentions
                     if m.cands and m.source != "demonym" and len(m.text) > 3 and (
                         m.source != "relabelled" or strong_exact(gaz, m.text) or our_region(gaz, m.text)))
    if not places:
        return []
    taken = {i for m in mentions for i in range(m.start, m.end)}
    surnames = person_surnames(doc)
    persons = Counter(key(e.text) for e in doc_ents(doc) if e.label_ == "PERSON")
    out = []
    w = token_table(doc)
    for e in doc_ents(doc):
        if e.label_ not in ("PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT") or taken & set(range(e.start, e.end)):
            continue
        s, t = clean(doc, e.start, e.end)
        text = w.span_text(s, t)
        k = key(text)
        if k not in places or after_honorific(doc, s) or (e.label_ == "PERSON" and (
                (t - s == 1 and w.lower[s] in surnames) or (persons[k] > places[k] and not any(
                    c.population >= RETAG_MIN_POP for c in gaz.candidates(text)[:10]) and
                                                            not our_region(gaz, text)))):
            continue  # "Welch" stabbed eight times and a place once is a man; "Gainesville" a town
        out.append(Mention(s, t, "GPE", "propagated", text=text))
    return out


def _split_commas(doc: Doc, s: int, t: int, gaz: Gazetteer) -> list[tuple[int, int]]:
    """ "Portland, Ore." as one entity → two places, unless the whole is a name ("Washington, D.C.");
    "the Soviet Union for America" → two where each side is a place's name."""
    w = token_table(doc)
    text = w.text
    # a comma, or a dash between spaces ("Central Africa - Nigeria"), not a hyphen ("Winston-Salem")
    commas = [i for i in range(s, t) if text[i] == "," or text[i] in ("-", "–", "—") and
              doc[i - 1].whitespace_ and doc[i].whitespace_]
    words = [i for i in range(s + 1, t - 1) if w.lower[i] in _SPLIT_WORDS and text[i].islower()]
    if not (commas or words) or gaz.candidates(w.span_text(s, t)):
        return [(s, t)]
    parts = _parts(s, t, commas)
    if words:
        by_word = [p for a, b in parts for p in _parts(a, b, [i for i in words if a < i < b - 1])]
        if all(gaz.candidates(w.span_text(a, b), towns=False) for a, b in by_word):
            return by_word
    return parts


_SPLIT_WORDS = frozenset({"for", "to", "from", "via"})


def _parts(s: int, t: int, cuts: list[int]) -> list[tuple[int, int]]:
    parts, a = [], s
    for c in [*cuts, t]:
        if c > a:
            parts.append((a, c))
        a = c + 1
    return parts


def _is_name_fragment(doc: Doc, m: Mention, person_idx: set[int], person_words: set[str], gaz: Gazetteer) -> bool:
    """ "Un" of "Kim Jong Un", "Jong" after "Kim": part of a person's name, not a place."""
    if any(i in person_idx for i in range(m.start, m.end)):
        return True
    before = m.start - 1
    if before >= 0 and before in person_idx and not doc[before].is_punct and doc[before].whitespace_:
        return True
    if m.end < len(doc) and m.end in person_idx and m.end - m.start == 1 and not (
            m.text.endswith(".") and strong_exact(gaz, m.text)):
        return True  # "Kim" before "Jong Un"; not "the U.S." ending a sentence before "Jon Prinsell, president …"
    if m.end - m.start == 1 and m.text in person_words:
        if m.source == "ner" and m.label in ("GPE", "LOC") and locative(doc[m.start]) and \
                doc[m.start].head.lower_ != "of":
            return False  # "in Sochi", tagged a place, whatever the tagger's "Sochi Mayor Race" person
        # a country, a state, a capital or a city of millions outweighs a namesake; a county does not:
        # most are named after people ("Lincoln", "Clarke") and are written with "County" when meant
        best = gaz.candidates(m.text)[:1]
        strong = best and (best[0].feature_code in ("PCLI", "ADM1", "PPLC") or best[0].population >= 1_000_000)
        return not strong
    return False


def _scan(doc: Doc, gaz: Gazetteer, in_ent: list[bool]) -> list[Mention]:
    """Names spaCy left untagged that the gazetteer knows well, outside any other entity."""
    out: list[Mention] = []
    w = token_table(doc)
    cap = [c or t in (".", "-") or t in _JOINERS and t != "the" for c, t in zip(w.caps, w.text)]  # "Isle of Man", "Winston-Salem", "Rio Grande do Sul"
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
            out.append(Mention(i, found, "GPE", "gazetteer"))
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
