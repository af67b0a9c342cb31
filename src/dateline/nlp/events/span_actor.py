"""What a phrase's own words say of its actor: an article entity it mentions, a dictionary actor, a
country (by name, demonym or capital), a party's word, a town the gazetteer places, and the agent nouns
around them ("North Korean officials" -> PRK GOV, "MSF Arnor diplomat" -> NGO + ARN + GOV).

``SpanCoder.code`` reads one noun phrase alone; ``actors.ActorResolver`` decides which phrase to read
(coordination, pronouns, pairs, appositions, things and their owners) and places the result in the
article's country.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from ...model import ActorRef, Entity
from ..coding import person_row
from ..entities import PERSONAL_HONORIFICS
from ..political import PARTY_SECTOR_NOUNS, party_in
from .parties import is_thing
from .phrases import _actor_like
from .pronouns import CAPITAL_SECTOR
from .refs import agent_parts, join_code, phrase_name, span_ref, span_text

NON_ACTOR_ENTS = frozenset({"LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"})

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
class SpanCoder:
    """Codes the words of one phrase, with the article's entities, places and dictionaries."""

    ctx: Any
    mentions: Mentions = field(init=False)
    on: Any = field(init=False)  # the article's date: dictionary rows hold for a period

    def __post_init__(self) -> None:
        self.mentions = Mentions.of(self.ctx.entities)
        self.on = self.ctx.published_date

    def is_person(self, entity_id: str | None) -> bool:
        return entity_id is not None and any(e.id == entity_id and e.type == "PERSON" for e in self.ctx.entities)

    def code(self, span, head: Token) -> ActorRef:
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
        if not (b.entity_id and b.sector and (self.is_person(b.entity_id) or head.i in b.used)):
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
        person = b.name_toks if b.entity_id and self.is_person(b.entity_id) else frozenset()
        skip = set() if person or (b.entity_id and self.is_person(b.entity_id)) else b.used
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
                    if town and got[0].type in ("GPE", "LOC", "FAC") and self.town_at(got[2], got[3]):
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
                if row is not None and not (towns_are_where and self.town_at(chunk[0].idx, chunk[-1].idx + 1)):
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

    def town_at(self, start: int, end: int) -> bool:
        """Did the geocoder read the words as a place below a country (a town, a state, a site)?"""
        return any(p.resolved is not None and not p.resolved.feature_code.startswith("PCL")
                   and p.span.start < end and start < p.span.end for p in self.ctx.places)
