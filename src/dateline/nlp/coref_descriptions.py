"""Definite descriptions bound to the named person they stand for (``nlp.coref``, rule 4).

News names a person once and then describes them: "Ann Hale ... the Ohio senator", "the former
governor", "the Republican candidate", "the billionaire". Such a description is bound to the latest
person named before it whose known attributes fit every word of it, and to no one where it contradicts
what is known of them:

- the head noun ("senator") must be an office or calling the person is known to have: a title or an
  apposition in the article ("Ohio Sen. Ann Hale", "Ann Hale, a senator from Ohio"), or a row of the
  actor dictionary for the article's date ("senator for Ohio"); "former" asks for one held before it;
- a place or nationality ("the Ohio senator", "the Peruvian leader"), a party ("the Democratic
  candidate") or a qualifying word of the office ("the health minister", "the foreign secretary")
  must not contradict what is known: a governor is not a senator, the health minister not the first
  minister, a Democrat not the Republican;
- where two people fit and no word of the description tells them apart, it is left unbound; where
  the description's words are known of one of them only, that one.

A description in the headline, which comes before any name ("Ohio senator quits race"), goes with the
person of the story's first sentences it fits, where exactly one does.

A mixin of ``coref._Builder``; the profiles are read once per article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from .us_states import FULL_NAMES, is_state

if TYPE_CHECKING:
    from .coref import _Draft

FORMER = frozenset({"former", "ex", "onetime", "erstwhile", "retired", "outgoing", "previous"})
# a description of whoever will hold the office, not of a person named: "the next president"
NOT_A_PERSON_YET = frozenset({"next", "future", "eventual", "potential", "possible", "prospective",
                              "hypothetical", "would-be", "ideal"})
# words that narrow an office to one office ("prime minister", "the health secretary"): a description
# with one of them fits only a person known by it
QUALIFIERS = frozenset({"prime", "first", "foreign", "home", "interior", "finance", "defence", "defense",
                        "health", "education", "justice", "trade", "culture", "transport", "energy",
                        "environment", "economy", "labour", "treasury", "state", "lord", "chief", "deputy",
                        "vice", "shadow", "acting", "junior", "minority", "majority", "attorney", "press",
                        "executive", "supreme", "general", "national", "security", "senior", "mayoral",
                        "presidential", "vice-presidential", "gubernatorial", "senate", "house", "city"})
PARTIES = {"democrat": "democratic", "democratic": "democratic", "dem": "democratic",
           "republican": "republican", "gop": "republican", "tory": "conservative", "conservative": "conservative",
           "labour": "labour", "libdem": "libdem", "snp": "snp", "ukip": "ukip", "socialist": "socialist",
           "green": "green", "independent": "independent"}
# a general word for an office fits its particular ones
GENERIC = {
    "lawmaker": {"senator", "congressman", "congresswoman", "legislator", "mp", "representative", "lawmaker"},
    "legislator": {"senator", "congressman", "congresswoman", "legislator", "mp", "representative", "lawmaker"},
    "candidate": {"candidate", "nominee", "front-runner", "frontrunner", "hopeful", "contender"},
    "nominee": {"nominee"},  # a candidate is the nominee only once chosen, or "presumptive" before that
    "presumptive nominee": {"nominee", "candidate", "front-runner", "frontrunner"},
    "front-runner": {"front-runner", "frontrunner"},
    "frontrunner": {"front-runner", "frontrunner"},
    "hopeful": {"candidate", "hopeful", "contender"},
    "contender": {"candidate", "hopeful", "contender"},
    "leader": {"leader", "president", "premier", "prime_minister", "chancellor", "king", "queen", "emir", "sultan", "dictator",
               "chairman", "chairwoman"},
    "tycoon": {"tycoon", "mogul", "magnate", "businessman", "businesswoman", "billionaire"},
    "mogul": {"tycoon", "mogul", "magnate", "businessman", "businesswoman", "billionaire"},
    "magnate": {"tycoon", "mogul", "magnate", "businessman", "businesswoman", "billionaire"},
    "businessman": {"tycoon", "mogul", "magnate", "businessman", "billionaire"},
    "businesswoman": {"tycoon", "mogul", "magnate", "businesswoman", "billionaire"},
}
# the dictionary's roles as the offices news calls them
ROLE_WORDS = {"head of state": "president", "head of government": "prime_minister premier",
              "legislator": "lawmaker legislator", "presidential candidate": "candidate presidential",
              "party leader": "leader", "opposition leader": "leader", "foreign minister": "foreign minister",
              "businessman": "businessman", "chief executive": "chief executive"}
# offices of two words that the second word alone does not name: "the minister" is not the prime minister
COMPOUND_OFFICES = ("prime minister", "first minister", "chief minister", "vice president", "lord chancellor",
                    "attorney general", "secretary general", "surgeon general", "chief executive")
# nouns for a body of people, not for one person ("the police")
COLLECTIVE = frozenset({"police", "government", "military", "army", "administration", "staff", "team", "board",
                        "committee", "council", "party", "family", "public", "crowd", "press", "media", "people",
                        "opposition", "leadership", "establishment", "regime", "authorities", "cabinet", "ministry",
                        "parliament", "congress", "senate", "house", "union", "group", "jury", "court"})
STOP = frozenset({"the", "a", "an", "of", "for", "from", "and", "in", "to", "his", "her", "its", "their", "u.s.",
                  "us", "mr", "mrs", "ms", "mr.", "mrs.", "ms.", "dr", "dr."})


@dataclass(slots=True)
class Profile:
    """What the article and the dictionary say a person is: offices held now and before, places,
    nationality, parties. A set left empty is unknown, which contradicts nothing."""

    words: set[str] = field(default_factory=set)  # words of their current offices and callings
    former: set[str] = field(default_factory=set)  # words of offices held before
    places: set[str] = field(default_factory=set)  # states and countries they hold office for
    country: str | None = None
    parties: set[str] = field(default_factory=set)
    age: int | None = None  # "Ann Hale, 64, said": the age the article gives


class DescriptionRules:
    """Mixin of ``coref._Builder``: ``bind_description`` for a definite person noun."""

    def profiles(self) -> dict[int, Profile]:
        got = getattr(self, "_profiles", None)
        if got is None:
            got = self._profiles = {id(d): self._profile(d) for d in self.drafts
                                    if d.entity is not None and d.type == "PERSON"}
        return got

    def _profile(self, d: _Draft) -> Profile:
        e = d.entity
        p = Profile(country=e.country)
        for t in e.titles:
            self._read_office(p, t, former=any(w in FORMER for w in _words(t)))
        role = _abbreviation(e.role.lower().strip(".")) if e.role else ""
        if role and not any(w.endswith("_" + role) for w in p.words) and role not in p.former:
            # the role is read off the titles: not "minister" of "Prime Minister", nor a former office's
            self._read_office(p, ROLE_WORDS.get(e.role, e.role), former=e.role.startswith("former"))
        for lk in d.links:  # appositions, not what another rule bound to the person
            if lk.kind == "title" or lk.kind == "nominal" and lk.rule.startswith("in apposition"):
                self._read_office(p, lk.span.text, former=any(w in FORMER for w in _words(lk.span.text)))
        p.age = self._age_of(d)
        known = Profile()  # what the dictionary says, apart
        for row, current in self._dictionary_rows(e.name):
            self._read_office(known, ROLE_WORDS.get(row.role, row.role), former=not current or "former" in row.role)
            first = re.split(r"[;(,]", row.note or "")[0]
            if "line " not in first:  # PETRARCH rows carry only their line number
                self._read_office(known, first, former=not current or "former" in row.role)
        # "President Ann Hale" in a story told after her term: the dictionary says the office is past
        past = (known.former - known.words) & p.words if getattr(self, "published", None) else set()
        p.words = (p.words - past) | known.words
        p.former |= known.former | past
        p.places |= known.places
        p.parties |= known.parties
        return p

    def _age_of(self, d: _Draft) -> int | None:
        """ "Ann Hale, 64, said": a number set off by commas right after the person's name is their age;
        None where the article gives none, or gives two."""
        ages = set()
        for h, span in d.heads:
            tok = self.doc[h]
            for c in tok.children:
                if c.dep_ == "appos" and c.like_num and c.i == tok.i + 2 and self.doc[tok.i + 1].text == ",":
                    n = _number(c.text)
                    if n is not None and 16 <= n <= 110:
                        ages.add(n)
        return ages.pop() if len(ages) == 1 else None

    def age_descriptions(self) -> None:
        """ "The 64-year-old said": an age used as a noun stands for the latest person named before it
        whose age the article gave as that, where one person fits."""
        doc = self.doc
        for tok in doc:
            n = _age_words(tok)
            if n is None or tok.i < 5 or tok.i in self.owner or doc[tok.i - 5].lower_ != "the":
                continue
            after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if after is not None and not (after.is_punct or after.lower_ in AGE_FOLLOWERS):
                continue  # "the 64-year-old senator", "the 64-year-old law": a noun follows
            fits = []
            for d in self.drafts:
                p = self.profiles().get(id(d))
                earlier = self._mentions_before(d, tok.i)
                if p is not None and p.age == n and earlier:
                    fits.append((d, earlier[-1][1]))
            if len(fits) == 1:
                d, ante = fits[0]
                self._add(d, doc[tok.i - 5:tok.i + 1], "nominal", f"'the {n}-year-old' is {d.name}, whose age the "
                          f"article gives as {n}", ante)

    def _dictionary_rows(self, name: str) -> list[tuple[Any, bool]]:
        """The person's dictionary rows, each with whether it holds on the article's date (every dated
        row holds where the article has no date)."""
        actors = getattr(self.res, "actors", None)
        if actors is None or len(name.split()) < 2:
            return []
        rows = [r for r in actors.lookup(name) if r.type in ("PERSON", "")]
        on = getattr(self, "published", None)
        return [(r, on is None or r.valid_on(on)) for r in rows]

    def _read_office(self, p: Profile, text: str, *, former: bool) -> None:
        """The words of an office ("Ohio Gov.", "senator for Vermont", "Republican front-runner"):
        places and parties apart, the rest as the office's words."""
        words = _words(_joined(text))
        for i, w in enumerate(words):
            two = " ".join(words[i:i + 2])
            if two in FULL_NAMES or w in FULL_NAMES or is_state(w):
                p.places.add(_state_key(two if two in FULL_NAMES else w))
            elif w in PARTIES:
                p.parties.add(PARTIES[w])
            elif w not in STOP and w not in FORMER:
                (p.former if former else p.words).add(_abbreviation(w.rstrip(".")))

    # -- the rule -----------------------------------------------------------------------------------
    def bind_description(self, tok: Token, word: str) -> bool:
        """Bind the definite person noun ``tok`` (lemma ``word``) to the one person it fits; True when bound."""
        desc = self._description(tok, word)
        if desc is None:
            return False
        before, after = [], []
        for d in self.drafts:
            p = self.profiles().get(id(d))
            if p is None:
                continue
            cues = _fits(desc, p)
            if cues is None:
                continue
            earlier = self._mentions_before(d, tok.i)
            if earlier:
                before.append((cues, earlier[-1][0], d, earlier[-1][1]))
            elif self.sent_of.get(tok.i) == 0 and d.heads:
                later = min(d.heads, key=lambda hs: hs[0])
                if self.sent_of.get(later[0], 99) <= 3:
                    after.append((cues, -later[0], d, later[1]))
        got = _one(before) if before else _one(after)
        if got is None:
            return False
        d, ante, cues = got
        who = "the latest person named" if before else "the one person of the story's first lines"
        why = f"'{word}' is the office of {d.name}, {who} whose known offices, places and party fit " \
            f"'{_np_text(tok)}'" + (f" (known of them: {', '.join(cues)})" if cues else "")
        return self._add(d, _np(tok), "nominal", why, ante)

    def _description(self, tok: Token, word: str) -> dict[str, Any] | None:
        """The description's head and the words that narrow it; None for one that names no one yet."""
        desc: dict[str, Any] = {"head": word, "former": False, "places": set(), "country": None,
                                "parties": set(), "qualifiers": set(), "soft": set()}
        doc = tok.doc
        if word in COLLECTIVE:
            return None
        if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "front":
            desc["head"] = "front-runner"
        if tok.i >= 1 and f"{doc[tok.i - 1].lower_} {word}" in COMPOUND_OFFICES:
            desc["head"] = f"{doc[tok.i - 1].lower_}_{word}"
        mods = [c for c in tok.children if c.i < tok.i and c.dep_ in ("amod", "compound", "nmod", "npadvmod")]
        mods += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "for")
                 for g in c.children if g.dep_ == "pobj"]
        age = next((_age_words(t) for t in doc[tok.left_edge.i:tok.i] if _age_words(t)), None)
        if age is not None:
            desc["age"] = age  # "the 64-year-old senator"
        if tok.dep_ in ("attr", "oprd") or tok.dep_ == "pobj" and tok.head.lower_ == "as":
            return None  # "poised to become the Democratic nominee": said of someone, not standing for them
        for m in mods:
            low = m.lower_
            if low in NOT_A_PERSON_YET:
                return None
            if low == "presumptive" and desc["head"] == "nominee":
                desc["head"] = "presumptive nominee"
            if low in FORMER:
                desc["former"] = True
            elif re.fullmatch(r"\d+(st|nd|rd|th)", low):
                desc["any_time"] = True  # "the 42nd president": a term, past or present
                desc["soft"].add(low)
            elif desc["head"] in ("front-runner", f"{low}_{word}"):
                continue  # the first word of the office's own name
            elif low in PARTIES:
                desc["parties"].add(PARTIES[low])
            elif self._place_of(m, desc):
                continue
            elif low in QUALIFIERS or m.dep_ == "compound" and m.pos_ == "NOUN" and not self._person_noun(m):
                desc["qualifiers"].add(low)
            elif m.pos_ == "NOUN":
                desc["soft"].add(m.lemma_.lower())  # "the billionaire businessman": said of them, not an office
        return desc

    def _place_of(self, m: Token, desc: dict[str, Any]) -> bool:
        """A state ("the Vermont senator", "the senator from Vermont") or a country or nationality ("the
        Peruvian leader") in the description."""
        name = _compound_text(m)
        if name.lower() in FULL_NAMES or is_state(name):
            desc["places"].add(_state_key(name))
            return True
        if m.ent_type_ not in ("GPE", "NORP", "LOC"):
            return False
        countries = self.res.countries
        c = countries.from_name(name) or countries.from_demonym(name)
        if c is None:
            return False
        desc["country"] = c.iso3
        return True

    def _person_noun(self, m: Token) -> bool:
        return self._noun_class(m) == "person"


def _fits(desc: dict[str, Any], p: Profile) -> list[str] | None:
    """The cues of the description known of the person, or None where any word contradicts them."""
    offices = p.former | p.words if desc["former"] or desc.get("any_time") else p.words
    head = desc["head"]
    if head not in offices and not (GENERIC.get(head, set()) & offices):
        return None
    if desc["former"] and head not in p.former and not (GENERIC.get(head, set()) & p.former):
        return None
    cues = [head]
    if desc["qualifiers"] - offices:
        return None  # "the health minister" is not the first minister
    cues += sorted(desc["qualifiers"])
    for key, known in (("places", p.places), ("parties", p.parties)):
        if desc[key] and known and not desc[key] <= known:
            return None
        cues += sorted(desc[key] & known)
    if desc["country"]:
        if p.country and desc["country"] != p.country:
            return None
        if p.country:
            cues.append(desc["country"])
    cues += sorted(desc["soft"] & (p.words | p.former))
    if desc.get("age") is not None and p.age is not None:
        if desc["age"] != p.age:
            return None  # "the 64-year-old senator" is not the senator of 71
        cues.append(f"{p.age} years old")
    return cues


def _one(found: list[tuple[list[str], int, Any, Any]]):
    """The one person the description fits best: the most cues known of them; among people with as many,
    none where the description says more than its head noun of no one or of several, else the latest."""
    if not found:
        return None
    best = max(len(c) for c, *_ in found)
    top = [f for f in found if len(f[0]) == best]
    if len(top) > 1:
        return None  # two people it fits equally: no guess
    cues, _, d, ante = top[0]
    return d, ante, cues[1:]


def _age_words(tok: Token) -> int | None:
    """ "64-year-old": the age, read off the words before "old" (the parser often misreads what follows,
    so the words themselves, not the tree)."""
    doc, i = tok.doc, tok.i
    if tok.lower_ != "old" or i < 4 or doc[i - 2].lower_ not in ("year", "years"):
        return None
    if doc[i - 1].text != "-" or doc[i - 3].text != "-":
        return None
    n = _number(doc[i - 4].text)
    return n if n is not None and 1 <= n <= 120 else None


# what follows "the 64-year-old" where it stands alone for the person: a verb of saying or being
AGE_FOLLOWERS = frozenset({"said", "says", "told", "added", "wrote", "was", "is", "has", "had", "who", "will",
                           "would", "said,", "explained", "insisted", "argued", "noted", "denied", "declined"})


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _abbreviation(word: str) -> str:
    """ "Gov." and "Sen." are the offices too."""
    return {"gov": "governor", "sen": "senator", "rep": "representative", "pres": "president",
            "gen": "general", "sec": "secretary"}.get(word, word)


# countries whose head of government is called chancellor; elsewhere "the chancellor" is another office
# (the British chancellor of the exchequer), never the prime minister
CHANCELLOR_COUNTRIES = frozenset({"DEU", "AUT"})


def vetoed(phrase, known: set[str], country: str | None = None) -> bool:
    """Does a role phrase ("the health minister", "the next president", "the former governor") say
    something that the words ``known`` of a person's titles and offices do not: a qualifier of the office
    they lack, an office not held yet, or one held before where none is known as past? For the entity
    extractor's "the one holder of the office" rule, which has no profile of its own."""
    words = [t.lower_ for t in phrase if t.dep_ != "det"]
    titles = {_abbreviation(w.strip(".")) for k in known for w in _words(k)}
    known = {_abbreviation(w.strip(".")) for k in known for w in _words(_joined(ROLE_WORDS.get(k, k) + " " + k))}
    if words and words[-1] == "chancellor" and "chancellor" not in titles and country not in CHANCELLOR_COUNTRIES:
        return True  # a prime minister is no chancellor
    if any(w in NOT_A_PERSON_YET for w in words):
        return True
    if any(w in FORMER for w in words) and not known & FORMER:
        return True
    root = getattr(phrase, "root", None)
    after = [g for c in (root.children if root is not None else ()) if c.dep_ == "prep" and c.lower_ in ("from", "of")
             for g in c.children if g.dep_ == "pobj"]  # "the senator from Texas"
    states = {_state_key(_compound_text(t)) for t in [*phrase, *after]
              if t.ent_type_ in ("GPE", "LOC") and is_state(_compound_text(t))}
    known_states = {_state_key(w) for w in known if is_state(w)}
    if states and known_states and not states <= known_states:
        return True  # "the senator from Texas" is not the Florida senator
    text = _joined(" ".join(words))
    quals = [w for w in _words(text) if w in QUALIFIERS]
    return any(w not in known for w in quals) or any("_" in w and w not in known for w in _words(text))


def office_notes(res: Any, name: str) -> set[str]:
    """What the actor dictionary's rows say of a person's offices ("U.S. senator for Florida"), for
    ``vetoed``: a state there keeps "the senator from Texas" off the Florida senator."""
    actors = getattr(res, "actors", None)
    if actors is None or len(name.split()) < 2:
        return set()
    return {re.split(r"[;(,]", r.note or "")[0] for r in actors.lookup(name) if r.type == "PERSON"} - {""}


def _joined(text: str) -> str:
    """The offices of two words as one ("prime_minister")."""
    low = text.lower()
    for office in COMPOUND_OFFICES:
        low = low.replace(office, office.replace(" ", "_"))
    return low


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s/]+", text.lower().replace("-", " ").replace("'s", "")) if w]


def _state_key(name: str) -> str:
    low = name.lower().strip(".,")
    from .us_states import _STATES

    for row in _STATES.replace("\n", "").split("|"):
        forms = [f.replace("_", " ").lower().strip(".") for f in row.split()]
        if low in forms:
            return forms[0]
    return low


def _compound_text(m: Token) -> str:
    """ "New Hampshire" for "Hampshire" with "New" hanging on it."""
    left = min([c.i for c in m.children if c.dep_ == "compound" and c.i < m.i] + [m.i])
    return m.doc[left:m.i + 1].text


def _np_text(tok: Token) -> str:
    from .coref_nouns import _np

    return _np(tok).text


def _np(tok: Token):
    from .coref_nouns import _np as np_

    return np_(tok)
