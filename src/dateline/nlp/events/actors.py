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
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from ...model import ActorRef, Entity
from ..coding import person_row
from ..entities import PERSONAL_HONORIFICS
from ..lexicon import PERSON_PRONOUNS, RELATIVE_PRONOUNS
from ..names import KIN, tokens_between
from ..political import PARTY_SECTOR_NOUNS, party_in
from .chains import noun_party
from .home import NOT_COUNTRIES, article_home, at_home
from .parties import is_thing, named_below, owners
from .phrases import (
    Part,
    _actor_like,
    _alternatives,
    _is_pair,
    _is_the_country,
    _partitive_of,
    dateline_end,
    np_span,
    split_coordination,
    whole_phrase,
)
from .pronouns import CAPITAL_SECTOR, FIRST_PERSON, THING_PRONOUNS, acronym_name, resolve_pronoun
from .refs import agent_parts, code_for, join_code, phrase_name, relabelled, span_ref, span_text, with_phrase
from .sense import noun_class

NON_ACTOR_ENTS = frozenset({"LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"})
COUNTRY_NOUNS = frozenset({"country", "nation", "state", "neighbor", "neighbour"})
MATERIAL = frozenset({"place", "building", "vehicle", "goods"})  # noun classes of things one can hit or seize
FORCE_ROOTS = frozenset({"15", "17", "18", "19", "20"})  # CAMEO roots of force: posture, coerce, assault, fight
# "met in Moscow", "talks at Camp David": a place named as where something happened is no side of it
WHERE_PREPS = frozenset({"in", "at", "near", "inside", "outside"})


@dataclass(slots=True)
class Mentions:
    """Character offsets of every entity mention in the article, for matching argument tokens."""

    items: list[tuple[int, int, Entity, str]] = field(default_factory=list)  # start, end, entity, kind

    @classmethod
    def of(cls, entities: tuple[Entity, ...]) -> "Mentions":
        items = [(m.span.start, m.span.end, e, m.kind) for e in entities for m in e.mentions]
        items.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        return cls(items)

    def covering(self, start: int, end: int) -> tuple[Entity, str, int, int] | None:
        """The longest mention that covers [start, end), or the longest inside it."""
        best = None
        for s, e, ent, kind in self.items:
            if s <= start and end <= e or start <= s and e <= end:
                if best is None or (e - s) > (best[3] - best[2]):
                    best = (ent, kind, s, e)
        return best

    def before(self, pos: int, *, types: tuple[str, ...]) -> list[tuple[int, Entity]]:
        return [(s, ent) for s, e, ent, _ in self.items if e <= pos and ent.type in types]


@dataclass(slots=True)
class _Base:
    """What a phrase's words say of its actor so far, and why (``path``)."""

    name: str
    entity_id: str | None = None
    country: str | None = None
    sector: str | None = None
    base: str = ""  # the dictionary's code, or the country's
    used: set[int] = field(default_factory=set)  # tokens already read as a name
    name_toks: frozenset[int] = frozenset()  # the words of a person's own name among them
    path: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ActorResolver:
    """Resolves argument tokens of one article; keeps what it needs across sentences."""

    ctx: Any
    mentions: Mentions = field(init=False)
    on: Any = field(init=False)
    _memo: dict = field(init=False)  # (head, speaker) -> actors: the same argument serves several events
    _home: tuple | None = field(init=False)  # (article_home(),) once asked
    _genders: dict = field(init=False)  # entity id -> 'f', 'm' or None
    _things: set = field(init=False)  # starts of phrases kept as things, for the event to read a party from
    _owners: set = field(init=False)  # (start, end) of the makers named for a thing ("a plea by the mayor")

    def __post_init__(self) -> None:
        self.mentions = Mentions.of(self.ctx.entities)
        self.on = self.ctx.published_date
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
            out = [a for a in out if a.country or a.code]
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
                  else at_home(a, self.home, person=self._is_person(a.entity_id))
                  for a in self._one_part(part, speaker=speaker)]
        # the phrase a reader marks, the finished event's span (read by nothing here): "the mayor's plea",
        # "the plea of the mayor"; the maker of a thing named by "by" keeps its own words ("a plea by the
        # mayor": "the mayor"), as readers mark the doer of an act
        whole = whole_phrase(part)
        return [a if a.span and (a.span.start, a.span.end) in self._owners else with_phrase(a, whole)
                for a in placed]

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
        if (h.pos_ == "PRON" or low in PERSON_PRONOUNS | THING_PRONOUNS | FIRST_PERSON) and not acronym_name(h):
            if low not in PERSON_PRONOUNS | THING_PRONOUNS | FIRST_PERSON:
                return []  # "that", "which", "one": nothing to resolve
            return resolve_pronoun(self, h, speaker)
        if _is_the_country(part):
            last = self._last_country(h)
            if last is not None:
                return [last]
        if _is_pair(part):
            pair = self._pair(h)
            if pair:
                return pair
        inner = _partitive_of(h)
        if inner is not None:  # "scores of Liberian refugees", "15 of its observers"
            got = self.resolve(inner, speaker=speaker)
            if any(a.country or a.code for a in got):
                return got
        app = next((c for c in h.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if app is not None and h.pos_ == "NOUN" and h.lemma_.lower() in KIN:
            # "Kim's father, Kim Jong Il": the name in apposition is who the noun is
            got = self._one(Part(app, np_span(app, agents=self.ctx.resources.agents)), speaker=speaker)
            if got and (got[0].country or got[0].entity_id):
                return got
        ref = self._span_actor(part.span, h)
        chained = noun_party(self, h, part.span, ref)  # "the minister", "Ruiz": the named one of its chain
        if chained is not None and chained.entity_id != ref.entity_id:
            return [chained]
        ref = chained or ref
        if ref.country:
            return [ref]
        placed = self._from_apposition(h, ref, speaker)
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
            and self._town_at(got[2], got[3])

    def _town_at(self, start: int, end: int) -> bool:
        """Did the geocoder read the words as a place below a country (a town, a state, a site)?"""
        return any(p.resolved is not None and not p.resolved.feature_code.startswith("PCL")
                   and p.span.start < end and start < p.span.end for p in self.ctx.places)

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
    def _span_actor(self, span, head: Token) -> ActorRef:
        """The actor a phrase names: its base (an article entity, a dictionary actor or a country, with
        the dictionary's code winning for a name it lists) and the agent nouns around it
        ("MSF Arnor diplomat" -> NGO + ARN + GOV; "North Korean officials" -> PRK + GOV)."""
        b = _Base(name=span_text(span))
        got = self._mention(span, head)
        if got is not None:
            self._from_mention(b, span, got, head)
        if not b.country:
            self._from_lookup(b, span, head)
        if not b.country:
            self._from_party_word(b, span)
        if not b.country and not is_thing(head, self.ctx.resources.agents):
            place = self._place(span, skip=b.used)  # "Dalian": a city the gazetteer puts in a country
            if place is not None:
                b.country, b.base = place[0], b.base or place[0]
                b.path.append(place[1])
        prefix, suffix, nouns = "", "", []
        if not (b.entity_id and b.sector and (self._is_person(b.entity_id) or head.i in b.used)):
            # a named body with a sector of its own keeps it: "Arnor Airlines, the national carrier"
            for entry, noun in self._agents(span, head, skip=b.used):
                if b.sector == "PTY" and noun in PARTY_SECTOR_NOUNS:
                    b.path.append(f"'{noun}' of a party: the party's sector")
                    nouns.append(noun)
                    continue  # "the Lib Dem leader", "a spokesman for UKIP": PTY, not GOV
                p_, s_ = agent_parts(entry)
                prefix, suffix = prefix + p_, suffix + s_
                nouns.append(noun)
                b.path.append(f"sector {entry.sector} from agent noun '{noun}'")
                if not b.sector or b.sector == b.country:
                    b.sector = entry.sector[:3] if not p_ else b.sector
        if b.country and b.entity_id is None and head.i not in b.used and not is_thing(head, self.ctx.resources.agents):
            b.name = phrase_name(span, head)  # "Chinese firms", not "China"; "French MEP Alain Lipietz"
        elif nouns and b.country and b.entity_id is None:
            b.name = f"{b.name} {nouns[-1]}" if b.name.lower() != nouns[-1] else b.name
        if not b.path:
            b.path.append(f"'{span_text(span)}' names no known actor, country or agent")
        code = join_code(prefix, b.base, suffix) if (b.base or prefix or suffix) else None
        if code and not prefix and not suffix and b.sector and b.base and not b.base.endswith(b.sector):
            code = join_code("", b.base, b.sector)
        return ActorRef(text=span_text(span), name=b.name, span=span_ref(span), entity_id=b.entity_id,
                        country=b.country, sector=b.sector, code=code, coding="; ".join(b.path))

    def _from_mention(self, b: "_Base", span, got, head: Token) -> None:
        """Name, country and sector of the article entity the phrase mentions. A person is coded as the
        entity was, whichever of their names is used ("Hugo Chavez", then "Mr Chavez"), and a row for
        another kind of actor never codes them ("Mr Denver" is no city). A capital heading the phrase
        stands for its government."""
        ent, kind, s, e = got
        mention = self.ctx.article.text[s:e]
        b.used = {t.i for t in span if s <= t.idx < e}
        if kind in ("name", "short_name", "surname"):
            b.name_toks = frozenset(b.used)  # a person's name is never their country; a title may hold one
        b.name, b.entity_id, b.sector = ent.name, ent.id, ent.sector
        if head.pos_ == "NOUN" and head.i not in b.used and ent.type != "PERSON":
            b.entity_id = None  # "the New York-based accounting firm" is of New York, not New York
        b.path.append(f"'{mention}' is a mention ({kind}) of {ent.name}")
        row = self._person_row(ent) if ent.type == "PERSON" else self._row(mention)
        if row is None and ent.type == "PERSON" and not self._evidently_person(ent):
            row = self._row(mention)  # a lone word the tagger took for a person: "Bree" may be a country
        if row is not None and ent.type == "PERSON":
            # the dictionary's code where it says what the article says; the article's sector where
            # it says more ("Venezuelan president Hugo Chavez": GOV, whatever the row's period)
            b.country = ent.country or row.country or None
            own = not ent.sector or ent.sector == row.sector
            b.base = (row.code or row.country) if own and b.country == row.country else (b.country or "")
            b.sector = ent.sector or row.sector or None
            b.path.append(self._row_note(ent.name, row))
        elif row is not None:
            b.country, b.base = row.country or None, row.code or row.country
            b.sector = b.sector or row.sector or None
            b.path.append(self._row_note(mention, row))
        else:
            b.country, b.base = ent.country, ent.country or ""
            if ent.coding:
                b.path.append(ent.coding)
            if not ent.country and ent.type != "PERSON":
                b.used = set()  # a body we cannot place: its words may still hold a known actor
        heads = s <= head.idx < e
        if ent.type in ("GPE", "LOC") and ent.role == "capital" and not b.sector and row is None and heads:
            b.sector = CAPITAL_SECTOR
            b.path.append(f"a capital stands for its government: sector {CAPITAL_SECTOR}")

    def _from_party_word(self, b: "_Base", span) -> None:
        """ "a Tory spokesman", "the Republican candidates": a party named by its word before a role."""
        got = party_in(list(span))
        if got is None:
            return
        rows = [r for r in self.ctx.resources.actors.lookup(got[0], on=self.on) if r.country]
        if not rows:
            return
        row, words = rows[0], got[1]
        b.used |= {t.i for t in words}
        b.country, b.base = row.country, row.code or row.country
        b.sector = b.sector or row.sector or None
        if b.entity_id is None:
            b.name = row.name
        b.path.append(f"'{' '.join(t.text for t in words)}' names the {row.name} ({row.code}; {row.source})")

    def _from_lookup(self, b: "_Base", span, head: Token) -> None:
        """A dictionary actor or a country named among the phrase's other words. A capital stands for its
        government only as the phrase's head ("Seoul said", not "journalists in Seoul")."""
        person = b.name_toks if b.entity_id and self._is_person(b.entity_id) else frozenset()
        skip = set() if person or (b.entity_id and self._is_person(b.entity_id)) else b.used
        hit = self._lookup(span, skip=skip, not_alone=person,
                           towns_are_where=is_thing(head, self.ctx.resources.agents))
        if hit is None:
            return
        how, value, words, text = hit
        b.used |= words
        if how == "actor":
            row = value
            if b.entity_id is None:
                b.name = row.name
            b.country, b.base = row.country or None, row.code or row.country
            b.sector = b.sector or row.sector or None
            b.path.append(self._row_note(text, row))
            return
        c, found_how = value
        b.country, b.base = c.iso3, c.iso3
        if b.entity_id is None:
            b.name = c.name
        b.path.append(f"country {b.country} from '{text}' ({found_how})")
        if found_how == "capital" and not b.sector and head.i in words:
            b.sector = CAPITAL_SECTOR
            b.path.append(f"a capital stands for its government: sector {CAPITAL_SECTOR}")

    def _place(self, span, *, skip: set[int]) -> tuple[str, str] | None:
        toks = [t for t in span if t.i not in skip]
        if not toks:
            return None
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        names = [(t.idx, t.idx + len(t.text)) for t in span if t.i in skip]  # a person's "Holt" is no town
        for p in self.ctx.places:
            if any(a < p.span.end and p.span.start < b for a, b in names):
                continue
            if start <= p.span.start and p.span.end <= end and p.resolved is not None and p.resolved.country:
                c = self.ctx.resources.countries.from_code(p.resolved.country)
                if c is not None:
                    return c.iso3, (f"'{p.span.text}' is {p.resolved.name} in {c.iso3} (gazetteer)")
        return None

    def _person_row(self, ent: Entity):
        """The dictionary row of a person, read from their full name so that every mention of them is
        coded alike; none where the row is no person's or places them elsewhere than the article."""
        row = self._row(ent.name)
        if row is None or not person_row(row) or (ent.country and row.country != ent.country):
            return None
        return row

    @staticmethod
    def _evidently_person(ent: Entity) -> bool:
        """Named with a form of address or a title: a person whatever a dictionary says of the name."""
        return bool(ent.titles) or any(
            m.span.text.split()[0].rstrip(".").lower() in PERSONAL_HONORIFICS for m in ent.mentions if m.span.text)

    def _is_person(self, entity_id: str | None) -> bool:
        return entity_id is not None and any(e.id == entity_id and e.type == "PERSON" for e in self.ctx.entities)

    def _row(self, text: str):
        rows = self.ctx.resources.actors.lookup(text, on=self.on)
        return rows[0] if rows else None

    @staticmethod
    def _row_note(text: str, row) -> str:
        dates = f", {row.start or '…'}–{row.end or '…'}" if row.dated else ""
        near = ", nearest period to the article's date" if row.approximate else ""
        return f"'{text}' is dictionary actor '{row.name}' ({row.code or row.country}{dates}{near}; {row.source})"

    def _mention(self, span, head: Token):
        """An article entity the phrase names; the head's own mention first ("Kim" in "Kim's visit")."""
        got = self.mentions.covering(head.idx, head.idx + len(head.text))
        if got is not None:
            return got
        if head.pos_ == "PROPN" and head.is_title:
            got = self._surname(head)
            if got is not None:
                return got
        town = is_thing(head, self.ctx.resources.agents)
        for tok in reversed(list(span)):
            if tok.i > head.i and not _actor_like(head, self.ctx.resources.agents) and head.pos_ != "PROPN":
                continue  # only an agent noun takes its actor from a phrase after it ("officials in X")
            if tok.ent_type_ or tok.pos_ == "PROPN":
                got = self.mentions.covering(tok.idx, tok.idx + len(tok.text))
                if got is not None and got[0].type in ("GPE", "LOC", "ORG", "NORP", "PERSON", "FAC"):
                    if town and got[0].type in ("GPE", "LOC", "FAC") and self._town_at(got[2], got[3]):
                        continue  # "the Grovetown bombing" happened there; Grovetown did not do it
                    return got
        return None

    def _surname(self, head: Token):
        """ "Labour's Mr Livingstone" where the tagger missed the name: the one person of the article
        whose full name has this word, named before."""
        low = head.lower_
        people = {e.id: e for _, e in self.mentions.before(head.idx, types=("PERSON",))
                  if len(e.name.split()) > 1 and low in e.name.lower().split()}
        if len(people) != 1:
            return None
        ent = next(iter(people.values()))
        return ent, "surname", head.idx, head.idx + len(head.text)

    def _lookup(self, span, *, skip: set[int], not_alone: frozenset[int] = frozenset(),
                towns_are_where: bool = False):
        """The longest dictionary actor or country named in the phrase (not in ``skip``; not by the
        words of ``not_alone`` alone: a person's name is no country, "the Bush administration" is;
        with ``towns_are_where``, not a town the dictionary lists as its country's alias)."""
        res = self.ctx.resources
        words = [t for t in span if t.i not in skip and not (t.is_punct and t.text not in ("'s", "’s"))]
        n = len(words)
        for size in range(min(6, n), 0, -1):
            for i in range(0, n - size + 1):
                chunk = words[i:i + size]
                if chunk[-1].text in ("'s", "’s", "'") or chunk[-1].dep_ == "det":
                    continue
                if any(b.i - a.i != 1 for a, b in zip(chunk, chunk[1:])) or \
                        (not_alone and all(t.i in not_alone for t in chunk)):
                    continue
                doc = chunk[0].doc
                after = doc[chunk[-1].i + 1] if chunk[-1].i + 1 < len(doc) else None
                if (chunk[0].ent_iob_ == "I" and chunk[0].ent_type_ in NON_ACTOR_ENTS) or \
                        (after is not None and after.ent_iob_ == "I" and after.ent_type_ in NON_ACTOR_ENTS):
                    continue  # not "China" inside "the South China Sea"
                text = " ".join(t.text for t in chunk)
                first = next((t for t in chunk if t.dep_ != "det"), chunk[0])
                if not any(c.isalpha() for c in text) or not (first.is_title or first.is_upper or
                                                               first.pos_ == "PROPN" or first.ent_type_):
                    continue
                row = self._row(text)
                if row is not None and not (towns_are_where and self._town_at(chunk[0].idx, chunk[-1].idx + 1)):
                    return "actor", row, {t.i for t in chunk}, text
                found = res.countries.find(text)
                if found is not None:
                    return "country", found, {t.i for t in chunk}, text
        return None

    def _agents(self, span, head: Token, *, skip: set[int]):
        """Agent nouns in the phrase, longest first, left to right ("foreign minister", "MSF")."""
        agents = self.ctx.resources.agents
        toks = [t for t in span if t.i not in skip and t.dep_ not in ("det", "poss", "case", "cc", "punct")
                and t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB", "X") and t.i <= max(head.i, span[0].i)]
        out = []
        i = 0
        while i < len(toks):
            hit = None
            for j in range(min(len(toks), i + 4), i, -1):
                chunk = toks[i:j]
                if any(b.i - a.i != 1 for a, b in zip(chunk, chunk[1:])):
                    continue
                if chunk[-1].pos_ not in ("NOUN", "PROPN", "X"):
                    continue  # "official visit" is no official
                phrase = " ".join(t.text for t in chunk)
                entry = agents.get(phrase)
                if entry is not None:
                    hit = (entry, phrase.lower(), j)
                    break
            if hit is not None:
                out.append((hit[0], hit[1]))
                i = hit[2]
            else:
                i += 1
        return out

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

