"""Names that are also towns' names but in this article name something else: a deity ("God"), the
business of a branch of government ("the Labor Department", "the Department of Justice"), a person the
article shows doing what only people do ("Paris had been shot", "Lincoln's widow"). Read by
:func:`dateline.nlp.place_names.keep`. A heavenly body ("the Earth", "the Moon") is a place no map
point stands for: it stays a name, with no town's reading ("Earth, Texas").

Speaking is no sign of a person: a town speaks for its council ("Gainesville said"), so "X said" makes
no name a person here (tried: it cost LGL places a town's government had said something).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..geo.gazetteer import Gazetteer, lookup_key as key
from .lexicon import POSSESSIVE
from .place_syntax import Mention, local_cue, locative
from .place_words import FACILITY_HEADS, PLACE_NOUNS
from .token_table import doc_ents, token_table

# A deity: never a place, though towns bear the names ("God" matches Hungary's Göd once the accent
# is dropped).
DEITIES = frozenset({"god", "gods", "allah", "jesus", "christ", "heaven", "hell"})
# The world and the heavenly bodies: places, but none on the map ("Earth, Texas" is not what is meant).
HEAVENLY = frozenset({"earth", "moon", "mars", "venus", "jupiter", "saturn"})

# What a branch of government deals with: before "Department", "Ministry", "Secretary" or after
# "Department of", the word names the business, not a town ("Justice, Illinois", "Energy, Illinois").
PORTFOLIOS = frozenset({"agriculture", "commerce", "defense", "defence", "education", "energy", "environment",
                        "finance", "health", "homeland", "housing", "interior", "justice", "labor", "labour",
                        "treasury", "transportation", "transport", "veterans", "welfare", "trade", "tourism",
                        "culture", "immigration", "fisheries", "industry", "war", "navy"})
OFFICE_OF = frozenset({"department", "dept", "ministry", "minister", "secretary", "committee", "security",
                       "office", "agency"})

# What only a person does, as the verb's subject: is born, marries, dies, is shot, visits, laughs
# ("Paris had been shot" is a man, whatever town bears the name).
BODY_VERBS = frozenset({"marry", "die", "bear", "shoot", "visit", "graduate", "retire", "laugh", "smile", "cry"})
# What only a person has: "Paris' wife", "Lincoln's widow".
HUMAN_POSSESSIONS = frozenset({"wife", "husband", "son", "daughter", "mother", "father", "brother", "sister",
                               "children", "parents", "widow", "widower", "girlfriend", "boyfriend", "fiance",
                               "fiancee", "grandson", "granddaughter", "grandmother", "grandfather", "uncle", "aunt",
                               "nephew", "niece", "cousin", "lawyer", "attorney", "funeral", "birthday", "residence",
                               "profile", "biography", "memoir", "autobiography"})

# a site named after a place: "near Fort Hood army base"
SITE_NOUNS = PLACE_NOUNS | FACILITY_HEADS | frozenset({"base", "camp", "field"})


def unearthly(doc: Doc, m: Mention) -> bool:
    return m.end - m.start == 1 and token_table(doc).lower[m.start] in DEITIES


def heavenly(doc: Doc, m: Mention) -> bool:
    """ "the Earth", "the Moon": a place with no reading on the map."""
    return m.end - m.start == 1 and token_table(doc).lower[m.start] in HEAVENLY


def portfolio(doc: Doc, m: Mention) -> bool:
    """ "the Labor Department", "Homeland Security", "the Department of Justice"."""
    lower = token_table(doc).lower
    if m.end - m.start != 1 or lower[m.start] not in PORTFOLIOS:
        return False
    after = lower[m.end].rstrip(".") if m.end < len(doc) else ""
    return after in OFFICE_OF or m.start > 1 and lower[m.start - 1] == "of" and lower[m.start - 2] in OFFICE_OF


def not_a_place(doc: Doc, m: Mention, gaz: Gazetteer) -> bool:
    """Whether the name means no place here (see the module's docstring). Where the syntax puts it
    where places stand ("in Paris", "Paris, Texas"), it stays a place."""
    if unearthly(doc, m) or portfolio(doc, m):
        return True
    text = token_table(doc).span_text(m.start, m.end)
    if key(text) not in _people(doc):
        return False
    return not any(c.feature_code in ("PCLI", "PCLD", "ADM1") for c in gaz.candidates(text)[:10])


def _where(tok: Token) -> bool:
    """Where places stand, but not after "of", which a person's name takes as well ("a portrait of
    Lincoln", "part of a Lincoln celebration")."""
    return locative(tok) and not (tok.dep_ == "pobj" and tok.head.lower_ == "of")


_last: tuple[Doc | None, frozenset[str]] = (None, frozenset())


def _people(doc: Doc) -> frozenset[str]:
    """The names the article shows living, dying or owning kin, built once per document (keep() asks
    for every mention); the cache holds the Doc itself, so a new one is never taken for it."""
    global _last
    if _last[0] is not doc:
        _last = (doc, _read_people(doc))
    return _last[1]


def _read_people(doc: Doc) -> frozenset[str]:
    """Names that are the subject of a person's verb or own a person's kin, less those the article
    also puts where places stand ("police in Dale", "Dale police", "near Fort Hood army base")."""
    w = token_table(doc)
    lived: set[str] = set()
    located: set[str] = set()
    for e in doc_ents(doc):
        s, t = e.start, e.end
        if t - s > 3:
            continue
        root = doc[s:t].root
        if _where(root) or _where(doc[t - 1]) or local_cue(doc, s, t) or \
                root.dep_ in ("compound", "nmod") and root.head.lower_ in SITE_NOUNS and _where(root.head):
            located.add(key(e.text))
        if e.label_ == "FAC":
            continue  # a base or a building stands for those who run it
        verb = root.head
        lemma = verb.lemma_.lower()
        if root.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX"):
            if lemma in BODY_VERBS and (lemma not in ("bear", "shoot") or root.dep_ == "nsubjpass"):
                lived.add(key(e.text))  # "Paris had been shot", "Lincoln was born", "Lincoln visited"
        elif t + 1 < len(doc) and w.text[t] in POSSESSIVE and w.lower[t + 1] in HUMAN_POSSESSIONS:
            lived.add(key(e.text))  # "Lincoln's widow"
    return frozenset(lived - located)
