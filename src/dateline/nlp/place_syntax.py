"""The words around a place's name: the syntax that says a name stands where places stand ("in
Clinton", "Alexandria police", "the village of Cellardyke"), and the article's people, whose names are
never places ("Lincoln" of "Abraham Lincoln", "Mr. Paris"). Shared by :mod:`dateline.nlp.place_names`
and :mod:`dateline.nlp.place_orgs`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..geo.gazetteer import Gazetteer, lookup_key as key  # remembered: the same names come back
from ..model import GeoRef
from .lexicon import POSSESSIVE
from .place_words import (
    DIRECTIONS, LOCAL_HEADS, LOCAL_MIN_POP, LOCATIVE_PREPS, OF_PLACE_NOUNS, PERSON_TITLES, HONORIFICS, PLACE_NOUNS,
)
from .token_table import doc_ents, token_table


@dataclass(slots=True)
class Mention:
    start: int  # token indices into the Doc
    end: int
    label: str
    source: str  # how it was found: "ner", "joined", "gazetteer", "demonym", "relabelled", …
    text: str = ""
    cands: list[GeoRef] | None = None
    facility_of: str = ""  # "Beijing" for "Beijing Railway", when resolved through its city
    part_of: str = ""  # "Texas" for "North Texas", when resolved without the direction
    near: str = ""  # "60 km from Jaipur": a stated distance that keeps only the readings there


def clean(doc: Doc, start: int, end: int) -> tuple[int, int]:
    w = token_table(doc)
    while end - start > 1 and w.lower[start] == "the":
        start += 1
    while end - start > 1 and (w.text[end - 1] in POSSESSIVE or (w.is_punct[end - 1] and w.text[end - 1] != ".")):
        end -= 1
    return start, end


def capital(tok: Token) -> bool:
    """Capitalised, upper case, or a name with inner capitals ("DeKalb", "McMinn", "LaGrange"),
    which ``is_title`` is not."""
    return tok.is_title or tok.is_upper or (tok.is_alpha and tok.text[0].isupper())


def person_tokens(doc: Doc, relabelled: set[int]) -> tuple[set[int], set[str]]:
    """The words of the article's people: the tokens of its person entities, and as words, those of
    its people's full names ("Lincoln" of "Abraham Lincoln") and the names it gives a title that only
    a person takes ("Mr Savino", "Sen. Husted")."""
    idx, words = set(), set()
    w = token_table(doc)
    for e in doc_ents(doc):
        if e.label_ == "PERSON" and e.start not in relabelled:
            idx.update(range(e.start, e.end))
            if len(e) > 1:
                words.update(w.text[e.start:e.end])
    return idx, words | titled_names(doc)


_QUOTES = frozenset({"'", '"', "‘", "“", "`", "``"})


def titled_names(doc: Doc) -> set[str]:
    """Names written after a title only a person takes: "Savino" of "Mr Savino", "Husted" of "Sen.
    Jon Husted" (the name after a first name, too), in the article's spelling and in capitals."""
    w = token_table(doc)
    out: set[str] = set()
    for i in range(len(doc) - 1):
        if w.text[i].rstrip(".").lower() not in PERSON_TITLES or not w.text[i][:1].isupper() or \
                i and w.text[i - 1] in _QUOTES:
            continue  # a title in quotation marks makes a nickname, often a place's: 'Mr. Arlington'

        j = i + 1
        while j < len(doc) and j < i + 4 and w.caps[j] and w.is_alpha[j]:
            out.add(w.text[j])
            j += 1
    return out


DIRECTION_WORDS = DIRECTIONS | {"gulf", "coast", "metro"}


def person_surnames(doc: Doc) -> set[str]:
    lower = token_table(doc).lower
    return {w for e in doc_ents(doc) if e.label_ == "PERSON" and len(e) > 1 for w in lower[e.start:e.end]}


def locative(tok: Token) -> bool:
    """Whether a word stands where places stand: "in Krasnodar", "Krasnodar, Russia", "Tacloban city"."""
    if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS:
        head = tok.head
        return not (head.lower_ == "to" and head.i > 0 and tok.doc[head.i - 1].lower_ in _NOT_PLACES_TO)
    if tok.dep_ in ("appos", "conj") and tok.head.ent_type_ in ("GPE", "LOC"):
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and (nxt.text == "," and nxt.i + 1 < len(tok.doc) and
                                tok.doc[nxt.i + 1].ent_type_ == "GPE" or nxt.lower_ in PLACE_NOUNS)


_NOT_PLACES_TO = frozenset({"according", "due", "thanks", "next", "prior"})  # "according to Yap" is a source


def after_honorific(doc: Doc, s: int) -> bool:
    """ "Mr. Paris", "Gov. Jackson": a person, whatever else the name is."""
    return s > 0 and token_table(doc).text[s - 1].rstrip(".").lower() in HONORIFICS


def local_cue(doc: Doc, s: int, t: int) -> bool:
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
    if prev == "of" and s > 1 and token_table(doc).ent_type[s - 2] == "PERSON" and \
            (t == len(doc) or lower[t] in (",", ".", "was", "is", "and", "who", "said", "has", "had")):
        return True  # "Maria Quinlan of Bristol was hurt": a person's home town
    if prev == "to" and s > 1 and lower[s - 2] in _NOT_PLACES_TO:
        return False  # "according to Yap" is a source
    return prev in ("in", "near", "outside", "throughout", "across", "from", "to", "into", "through", "via") and \
        doc[s:t].root.dep_ == "pobj"


def local_town(doc: Doc, s: int, t: int, gaz: Gazetteer) -> bool:
    """A name the tagger called a person or an organisation that is a town's name in a place's
    context ("Alexandria police", "in Clinton")."""
    w = token_table(doc)
    if t - s > 3 or not all(w.caps[s:t]) or not local_cue(doc, s, t):
        return False
    text = w.span_text(s, t)
    k = key(text)
    # a division's name without its "Province of" counts: "the island of Bohol"
    return any((key(c.name) == k or c.source == "dateline:admin") and c.feature_class in ("P", "A") and
               (c.population >= LOCAL_MIN_POP or c.feature_code.startswith(("ADM", "PCL")))
               for c in gaz.candidates(text)[:25])
