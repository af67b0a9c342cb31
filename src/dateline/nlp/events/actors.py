"""Who an event argument is: a noun phrase on the parse resolved to an ActorRef.

Order of evidence, each step recorded in ``ActorRef.coding``:

1. coordination is split first: "the United States and Jordan", "Hungarian and Romanian officials";
2. pronouns go to the person or body they stand for ("his", "it" after "Hungary said");
3. "the two leaders", "both sides" go to the two parties last named;
4. an entity of the article (``ctx.entities``) that the phrase mentions gives name, country and sector,
   a capital standing for its government ("Seoul" -> KOR GOV);
5. otherwise the dictionaries: a known actor or a country named inside the phrase (by name, demonym or
   capital) and an agent noun for the sector ("North Korean officials" -> PRK GOV,
   "Chinese state media" -> CHN MED).

Steps 4 and 5, what one phrase's own words say, are ``span_actor.SpanCoder``'s; this module chooses
the phrase to read and places the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Token

from ...model import ActorRef, Entity
from ...ontology.countries import country_on
from ..lexicon import PERSON_PRONOUNS, RELATIVE_PRONOUNS
from ..names import KIN, tokens_between
from .chains import noun_party
from .home import NOT_COUNTRIES, article_home, at_home
from .parties import is_thing, named_below, owners
from .phrases import (
    Part,
    _alternatives,
    _is_pair,
    _is_the_country,
    _partitive_of,
    dateline_end,
    np_span,
    split_coordination,
    whole_phrase,
)
from .pronouns import FIRST_PERSON, THING_PRONOUNS, acronym_name, resolve_pronoun
from .refs import code_for, join_code, relabelled, span_ref, with_phrase
from .sense import noun_class
from .span_actor import Mentions, SpanCoder
COUNTRY_NOUNS = frozenset({"country", "nation", "state", "neighbor", "neighbour"})
MATERIAL = frozenset({"place", "building", "vehicle", "goods"})  # noun classes of things one can hit or seize
FORCE_ROOTS = frozenset({"15", "17", "18", "19", "20"})  # CAMEO roots of force: posture, coerce, assault, fight
# "met in Moscow", "talks at Camp David": a place named as where something happened is no side of it
WHERE_PREPS = frozenset({"in", "at", "near", "inside", "outside"})
FLEE_VERBS = frozenset({"flee", "escape", "leave"})  # "refugees fleeing X": X is the country they are of


def _is_name(a: ActorRef, doc) -> bool:
    """Is the part a proper name of a person or a body (not a thing's common noun)?"""
    toks = tokens_between(doc, a.span.start, a.span.end) if a.span is not None else []
    return any(t.pos_ == "PROPN" and t.ent_type_ in ("ORG", "PERSON", "") for t in toks) and \
        not any(t.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME") for t in toks)


# nouns for a country, a region or a town that its name after "of" says which: "the island nation of Tuvalu"
POLITY_NOUNS = frozenset({"country", "nation", "state", "kingdom", "republic", "emirate", "island", "archipelago",
                          "province", "region", "city", "town", "village", "territory", "enclave", "principality"})


def _place_named(h: Token) -> Token | None:
    """The name after "of" that says which country or town a noun for one is ("the island nation of
    Tuvalu", "the city of Lyon"): the noun is that place, not the country named last before it."""
    if h.pos_ != "NOUN" or h.lemma_.lower() not in POLITY_NOUNS:
        return None
    for c in h.children:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == h.i + 1:
            pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ in ("GPE", "LOC"):
                return pobj
    return None


@dataclass(slots=True)
class ActorResolver:
    """Resolves argument tokens of one article; keeps what it needs across sentences."""

    ctx: Any
    coder: SpanCoder = field(init=False)  # what one phrase's own words say
    mentions: Mentions = field(init=False)
    _memo: dict = field(init=False)  # (head, speaker) -> actors: the same argument serves several events
    _home: tuple | None = field(init=False)  # (article_home(),) once asked
    _genders: dict = field(init=False)  # entity id -> 'f', 'm' or None
    _things: set = field(init=False)  # starts of phrases kept as things, for the event to read a party from
    _owners: set = field(init=False)  # (start, end) of the makers named for a thing ("a plea by the mayor")

    def __post_init__(self) -> None:
        self.coder = SpanCoder(self.ctx)
        self.mentions = self.coder.mentions
        self._memo = {}
        self._home = None
        self._genders = {}
        self._things = set()
        self._owners = set()

    # -- entry point --------------------------------------------------------------------------
    def resolve(self, head: Token, *, speaker: list[ActorRef] | None = None) -> list[ActorRef]:
        """One ActorRef per coordinated part of the phrase headed by ``head`` (may be empty); parts
        that name no actor are dropped when others do ("Lions, tigers, and Gondor")."""
        key = (head.i, tuple(speaker) if speaker else None)
        if key not in self._memo:
            self._memo[key] = self._resolve(head, speaker=speaker)
        return list(self._memo[key])

    def _resolve(self, head: Token, *, speaker: list[ActorRef] | None = None) -> list[ActorRef]:
        out: list[ActorRef] = []
        for part in split_coordination(head, self.ctx.resources.agents, self._trigger_noun):
            for a in self._one(part, speaker=speaker):
                out.extend(_alternatives(a))
        if len(out) > 1 and any(a.country or a.code for a in out):
            # a name no dictionary knows is still a party ("sanctions on Rusalco and two Russian banks")
            out = [a for a in out if a.country or a.code or _is_name(a, head.doc)]
        seen, unique = set(), []
        for a in out:
            key = (a.name, a.country, a.sector, a.span.start if a.span else None)
            if key not in seen:
                seen.add(key)
                unique.append(a)
        return unique

    @property
    def home(self) -> tuple[str, str] | None:
        """The article's own country, if it has one (``home.article_home``), found once."""
        if self._home is None:
            self._home = (article_home(self.ctx),)
        return self._home[0]

    def _other_people(self, a: ActorRef) -> bool:
        """Does the phrase name its people by a faith or ethnic group rather than a country ("Muslim
        hackers", "Jewish settlers")? Such a group is not placed by the article's country."""
        if a.span is None:
            return False
        countries = self.ctx.resources.countries
        return any(t.ent_type_ == "NORP" and countries.find(t.text) is None
                   for t in tokens_between(self.ctx.doc, a.span.start, a.span.end))

    def _is_place(self, a: ActorRef) -> bool:
        return bool(a.entity_id) and any(e.id == a.entity_id and e.type in ("GPE", "LOC", "FAC")
                                         for e in self.ctx.entities)

    def _one(self, part: "Part", *, speaker: list[ActorRef] | None) -> list[ActorRef]:
        """The actors one coordinated part names, placed in the article's country where they may be."""
        unknown_name = part.head.pos_ == "PROPN"  # a name no one knows may be of any country
        placed = [a if self._is_place(a) or self._other_people(a) or (a.span and a.span.start in self._things)
                  or (unknown_name and not a.entity_id and not a.sector)
                  else at_home(a, self.home)
                  for a in self._one_part(part, speaker=speaker)]
        # the phrase a reader marks, the finished event's span (read by nothing here): "the mayor's plea",
        # "the plea of the mayor"; the maker of a thing named by "by" keeps its own words ("a plea by the
        # mayor": "the mayor"), as readers mark the doer of an act
        whole = whole_phrase(part)
        return [a if a.span and (a.span.start, a.span.end) in self._owners else with_phrase(a, whole)
                for a in map(self._as_of_date, placed)]

    def _as_of_date(self, a: ActorRef) -> ActorRef:
        """The country as it was on the article's date: Juba was in Sudan before South Sudan's
        independence (``ontology.countries.SECEDED``)."""
        then = country_on(a.country, self.coder.on) if a.country else None
        if not then or then == a.country:
            return a
        code = then + a.code[len(a.country):] if a.code and a.code.startswith(a.country) else a.code
        return replace(a, country=then, code=code,
                       coding=f"{a.coding}; country {then}: {a.country} was part of it on the article's date")

    def _one_part(self, part: "Part", *, speaker: list[ActorRef] | None) -> list[ActorRef]:
        h = part.head
        low = h.lower_
        if self._where_not_who(h):
            return []
        dash = dateline_end(h)
        if dash >= 0 and h.i < dash:
            after = _after_dateline(h, dash)
            if after is None:
                return []
            return self._one(Part(after, np_span(after, agents=self.ctx.resources.agents)), speaker=speaker)
        if low in RELATIVE_PRONOUNS and h.dep_ in ("nsubj", "nsubjpass", "dobj") and h.head.dep_ == "relcl":
            return self._one(Part(h.head.head, np_span(h.head.head, agents=self.ctx.resources.agents)),
                             speaker=speaker)
        counted = _partitive_of(h)  # "some of the observers", "many of them": whom the pronoun counts
        if (h.pos_ == "PRON" or low in PERSON_PRONOUNS | THING_PRONOUNS | FIRST_PERSON) and not acronym_name(h) and \
                counted is None:
            if low not in PERSON_PRONOUNS | THING_PRONOUNS | FIRST_PERSON:
                return []  # "that", "which", "one": nothing to resolve
            return resolve_pronoun(self, h, speaker)
        if _is_the_country(part) and _place_named(h) is None:
            last = self._last_country(h)
            if last is not None:
                return [last]
        if _is_pair(part):
            pair = self._pair(h)
            if pair:
                return pair
        inner = counted or _place_named(h)
        if inner is not None:  # "scores of Liberian refugees", "15 of its observers", "the island nation of Tuvalu"
            got = self.resolve(inner, speaker=speaker)
            if any(a.country or a.code for a in got):
                return got
        app = next((c for c in h.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if app is not None and h.pos_ == "NOUN" and h.lemma_.lower() in KIN:
            # "Kim's father, Kim Jong Il": the name in apposition is who the noun is
            got = self._one(Part(app, np_span(app, agents=self.ctx.resources.agents)), speaker=speaker)
            if got and (got[0].country or got[0].entity_id):
                return got
        ref = self.coder.code(part.span, h)
        chained = noun_party(self, h, part.span, ref)  # "the minister", "Ruiz": the named one of its chain
        if chained is not None and chained.entity_id != ref.entity_id:
            return [chained]
        ref = chained or ref
        if ref.country:
            return [ref]
        placed = self._from_apposition(h, ref, speaker) or self._fled_from(h, ref) or self._capitalised_agent(h, ref)
        if placed is not None:
            return [placed]
        if not (ref.code or ref.entity_id or ref.sector) and is_thing(h, self.ctx.resources.agents):
            return self._thing_party(h, ref, speaker)
        if not ref.entity_id:
            named = self._short_name(h, part.span)
            if named is not None:
                return [named]
        return [ref]

    def _short_name(self, h: Token, span) -> ActorRef | None:
        """ "the Federation" after "the Arnor Fishing Federation", "the company" after one company: a
        body named before by a longer name, when only one fits."""
        words = [t for t in span if not t.is_punct]
        if len(words) != 2 or words[0].lower_ != "the" or words[1].i != h.i or h.tag_ not in ("NN", "NNP"):
            return None
        low, lemma = h.lower_, h.lemma_.lower()
        orgs = {e.id: e for _, e in self.mentions.before(h.idx, types=("ORG",))}
        if lemma in ("company", "firm"):
            fits = [e for e in orgs.values() if e.sector in ("BUS", "MNC")]
        else:
            fits = [e for e in orgs.values() if len(e.name.split()) > 1 and e.name.lower().split()[-1] == low]
        if len(fits) != 1:
            return None
        ent = fits[0]
        return ActorRef(text=span.text, name=ent.name, span=span_ref(span), entity_id=ent.id, country=ent.country,
                        sector=ent.sector, code=code_for(ent.country, ent.sector),
                        coding=f"'{span.text}' is the {ent.name}, the one body of that kind named before it"
                               + (f"; {ent.coding}" if ent.coding else ""))

    def _where_not_who(self, h: Token) -> bool:
        """ "the Grovetown bombing": a town before an event noun says where it happened, not who did it
        (a country or a capital there is a party: "the Arnor-Gondor talks")."""
        if h.dep_ != "compound" or h.ent_type_ not in ("GPE", "LOC", "FAC") or not self._trigger_noun(h.head):
            return False
        got = self.mentions.covering(h.idx, h.idx + len(h.text))
        return got is not None and got[0].type in ("GPE", "LOC", "FAC") and got[0].role not in ("country", "capital") \
            and self.coder.town_at(got[2], got[3])


    def _from_apposition(self, h: Token, ref: ActorRef, speaker) -> ActorRef | None:
        """ "Ana Ruiz, the Arnor Relief Coordinator": the country of a phrase in
        apposition, when the phrase itself names none."""
        app = next((c for c in h.children if c.dep_ == "appos"), None)
        if app is None:
            return None
        got = self._one(Part(app, np_span(app, agents=self.ctx.resources.agents)), speaker=speaker)
        if not got or not got[0].country:
            return None
        a = got[0]
        sector = ref.sector or a.sector
        return ActorRef(text=ref.text, name=ref.name, span=ref.span, entity_id=ref.entity_id,
                        country=a.country, sector=sector, code=a.code if not ref.code else
                        join_code("", a.code or a.country, sector or ""),
                        coding=f"{ref.coding}; country {a.country} from the apposition '{a.text}' ({a.coding})")

    def _fled_from(self, h: Token, ref: ActorRef) -> ActorRef | None:
        """ "refugees from Liberia", "refugees fleeing the war in Liberia": people who fled are of the
        country they fled, not of the one they are in (so a refugee is never placed at home)."""
        if ref.sector != "REF" or ref.country:
            return None
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "from" or c.dep_ == "acl" and c.lemma_.lower() in FLEE_VERBS:
                for t in sorted(c.subtree, key=lambda t: t.i):
                    country = self._country_named(t)
                    if country is not None:
                        return replace(ref, country=country, code=join_code("", country, ref.sector),
                                       coding=f"{ref.coding}; country {country}: they fled '{t.text}'")
        return None

    def _capitalised_agent(self, h: Token, ref: ActorRef) -> ActorRef | None:
        """ "Rebels in Sierra Leone released ...": the tagger takes a capitalised first word for a name and
        the phrase stops at it; an agent noun's people are of the country its 'in' or 'from' phrase names,
        as "officials in X" are when the noun is tagged a noun."""
        if ref.country or not ref.sector or h.pos_ != "PROPN" or h.i != h.sent.start \
                or self.ctx.resources.agents.get(h.lower_) is None:
            return None
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "from"):
                pobj = next((t for t in c.children if t.dep_ == "pobj"), None)
                country = self._country_named(pobj) if pobj is not None else None
                if country is not None:
                    return replace(ref, country=country, code=join_code("", country, ref.sector),
                                   coding=f"{ref.coding}; country {country} from '{c.text} {pobj.text}'")
        return None

    def _country_named(self, t: Token) -> str | None:
        """The country a name or a demonym is, through the article's entities or the country table."""
        if t.pos_ not in ("PROPN", "ADJ", "NOUN") or not (t.ent_type_ in ("GPE", "NORP", "LOC") or t.is_title):
            return None
        got = self.mentions.covering(t.idx, t.idx + len(t.text))
        if got is not None and got[0].country and got[0].type in ("GPE", "NORP", "LOC"):
            return got[0].country
        found = self.ctx.resources.countries.find(t.text)
        return found[0].iso3 if found is not None else None

    def _thing_party(self, h: Token, ref: ActorRef, speaker) -> list[ActorRef]:
        """A phrase about a thing is no party ("rejected a request", "the memo said"): its party is
        whoever is named as its owner or author ("a request by textile makers"); a thing acted on that
        names a party further in, or a place, building, vehicle or goods acted on, is kept for the event
        to read a party from ("a camp for Congolese refugees", "a bus in Kabul"); else there is none."""
        why = f"'{ref.text}' is a thing, not a party"
        for o in owners(h):
            if o.dep_ == "poss" and o.pos_ == "PRON":
                continue  # "its plan": the possessor is most often the actor itself
            got = [a for a in self.resolve(o, speaker=speaker) if a.country or a.code or a.entity_id or
                   a.sector or not is_thing(o, self.ctx.resources.agents)]
            if got:
                if o.head.lower_ == "by" or o.head.dep_ == "agent":  # "a plea by X": X's own words
                    self._owners |= {(a.span.start, a.span.end) for a in got if a.span is not None}
                return [relabelled(a, f"{why}; its party '{a.text}': {a.coding}") for a in got]
        material = noun_class(h, self.ctx.resources.agents) in MATERIAL and self._by_force(h)
        if h.dep_ not in ("nsubj", "nsubjpass", "csubj") and (material or named_below(h)):
            # "ties with Gondor's government": the event's other phrases and refine.inner say whose;
            # "shelled a bus in Kabul": a building or vehicle hit stands for those of where it is
            if ref.span is not None:
                self._things.add(ref.span.start)  # no country of the article's for it
            return [ref]
        return []

    def _by_force(self, h: Token) -> bool:
        """Is the thing the object of an act of force ("shelled a bus", "seized two ships", "an attack on
        the base")? Only then does it stand for those of where it is; "invested in new refineries"
        names no party."""
        t = h.head if h.dep_ != "pobj" else h.head.head
        try:
            patterns = self.ctx.resources.verbs.lookup(t.lemma_.lower(), "noun" if t.pos_ == "NOUN" else "verb")
        except (KeyError, AttributeError):
            return False
        return any((p.cameo or "")[:2] in FORCE_ROOTS for p in patterns)

    def _trigger_noun(self, tok: Token) -> bool:
        try:
            return bool(self.ctx.resources.verbs.lookup(tok.lemma_.lower(), "noun"))
        except (KeyError, AttributeError):
            return False

    # -- names, dictionaries, agents ---------------------------------------------------------------

    # -- pronouns and pairs ----------------------------------------------------------------------
    def _last_country(self, head: Token) -> ActorRef | None:
        """ "the country" -> the country named last before it."""
        for _, ent in reversed(self.mentions.before(head.idx, types=("GPE",))):
            if ent.country and ent.role == "country":
                span = head.doc[head.left_edge.i:head.i + 1]
                return ActorRef(text=span.text, name=ent.name, span=span_ref(span), entity_id=ent.id,
                                country=ent.country, sector=None, code=ent.country,
                                coding=f"'{span.text}' refers to {ent.name}, the country named last before it")
        return None

    def _pair(self, head: Token) -> list[ActorRef]:
        """ "the two leaders", "both sides": the last two distinct countries named before. "The two
        countries" are the countries themselves, not a person of one of them."""
        lemma = head.lemma_.lower()
        seen = _last_two_named(self.mentions, head, ("PERSON", "GPE", "ORG"), places=lemma in COUNTRY_NOUNS)
        if len(seen) < 2:
            return []
        sector = "GOV" if lemma in ("leader", "government", "capital") else None
        words = head.doc[head.left_edge.i:head.i + 1]
        out = []
        for c, ent in reversed(list(seen.items())):
            name, entity_id = ent.name, ent.id
            if lemma in COUNTRY_NOUNS and ent.type != "GPE":
                country = self.ctx.resources.countries.from_code(c)
                name, entity_id = (country.name if country is not None else c), None
            out.append(ActorRef(text=head.text, name=name, span=span_ref(words), entity_id=entity_id, country=c,
                                sector=sector or (ent.sector if entity_id else None), code=code_for(c, sector or (
                                    ent.sector if entity_id else None)),
                                coding=f"'{words.text}' names two parties: {name} is one of the last two named "
                                       f"before it"))
        return out


def _last_two_named(mentions, head: Token, types: tuple[str, ...], *, places: bool) -> dict[str, Entity]:
    """The last two parties of distinct countries named before ``head``, of the given entity types. Left
    out: news media ("…, the state news agency reported" names no side of a meeting) and, unless
    ``places`` ("the two countries": a capital stands for its country), places named as where ("the two
    leaders" who "met in Moscow" are not Moscow)."""
    seen: dict[str, Entity] = {}
    for start, ent in reversed(mentions.before(head.idx, types=types)):
        if not ent.country or ent.country in seen or ent.country in NOT_COUNTRIES or ent.sector == "MED":
            continue
        if not places and ent.type == "GPE" and _named_as_where(head.doc, start):
            continue
        seen[ent.country] = ent
        if len(seen) == 2:
            break
    return seen


def _named_as_where(doc, start: int) -> bool:
    """Is the place named at ``start`` the object of "in/at/near …"?"""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    tok = span[0] if span is not None and len(span) else None
    while tok is not None and tok.dep_ in ("compound", "amod") and tok.head.i != tok.i:
        tok = tok.head  # "the Russian capital": the phrase's head says how it is used
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ in WHERE_PREPS


def _after_dateline(h: Token, dash: int) -> Token | None:
    """ "OSLO, May 4 - Finance minister Ola Brand rejected ...": the tagger took the dateline for the
    subject; the actor is the phrase after the dash that hangs on it or is the verb's subject, if any."""
    for t in h.doc[dash + 1:h.sent.end]:
        if t.pos_ in ("PROPN", "NOUN", "PRON") and (
                t.head.i <= dash or t.dep_ in ("nsubj", "nsubjpass") and t.head.i == h.head.i):
            return t
    return None

