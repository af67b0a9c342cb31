"""Linking one article's mentions to canonical actors.

Every entity of the article is linked, in this order of rules (each link records its rule):

1. a place or nationality: the country it names (Dateline's country table) when the article read it as
   a country, else an actor of its own name, type and country;
2. a person named by one word ("Kim", "Mr Trump"): the one person of the article whose full name starts
   or ends with that word ("Kim" after "Kim Jong Un"); when the article names several ("Kim Jong Un" and
   "Kim Yong Chol") or none, the one dictionary actor the word names that day, else an actor that stays
   inside this article, so that namesakes in other articles are never merged;
3. the one dictionary actor its name or one of its written names stands for on the article's day
   (see :mod:`.dictionary` for titles and namesakes);
4. else an actor of its own normalised name, type and country (see :mod:`.names`).

An event's actor and recipient and a quote's speaker go to the actor of the entity they were resolved to;
without one, to an entity of the same name, a country, or a dictionary actor; a party that names nobody
("the leaders", "the two sides") is not linked, and the reason is returned.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model.ids import stable_id
from .dictionary import ActorInfo, Dictionaries, Found
from .names import actor_id, fold, is_surname_only, name_key, normalise, short_form_of, shown

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC", "NORP"})
ALIAS_KINDS = frozenset({"name", "short_name"})  # mentions that are names (titles, nominals, pronouns are not)


@dataclass(frozen=True, slots=True)
class Link:
    """One linked mention: an entity (one row per written form of its name, ``n`` times), or an event's
    actor or recipient, or a quote's speaker."""

    actor_id: str
    article_id: str
    role: str  # entity, actor, recipient, speaker
    text: str
    n: int = 1
    entity_id: str | None = None
    event_id: str | None = None
    quote_id: str | None = None
    day: dt.date | None = None
    code: str | None = None  # the CAMEO code the mention had that day
    title: str | None = None  # the role it had that day ("head of state"), from the dictionary or the text
    rule: str = ""

    @property
    def id(self) -> str:
        return stable_id(self.article_id, self.role, self.entity_id, self.event_id, self.quote_id, self.text,
                         prefix="am")


@dataclass(slots=True)
class Linked:
    """What linking an article gave: the actors its mentions link to, the links, and what was left out."""

    actors: dict[str, ActorInfo] = field(default_factory=dict)  # by actor id
    links: list[Link] = field(default_factory=list)
    skipped: list[tuple[str, str, str]] = field(default_factory=list)  # (role, text, why)

    def add_actor(self, info: ActorInfo) -> str:
        aid = actor_id(info.key)
        self.actors.setdefault(aid, info)
        return aid


def day_of(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


@dataclass(slots=True)
class _Resolved:
    actor: str  # actor id
    info: ActorInfo
    row: Any = None
    rule: str = ""


class ArticleLinker:
    """Links the entities, event parties and speakers of one article (see the module docstring)."""

    def __init__(self, dicts: Dictionaries, article_id: str, published: str | None) -> None:
        self.dicts = dicts
        self.article_id = article_id
        self.day = day_of(published)
        self.out = Linked()
        self.by_entity: dict[str, _Resolved] = {}
        self.by_name: dict[str, _Resolved] = {}  # folded entity name -> its actor
        self.people: list[tuple[str, _Resolved]] = []  # (normalised full name, actor) of named people

    # -- entities ------------------------------------------------------------------------------------
    def link_entities(self, entities: Iterable[Any]) -> None:
        # full names first, so the one-word names of the same article find them
        ordered = sorted(entities, key=lambda e: (e.type == "PERSON" and is_surname_only(normalise(e.name, e.type)),
                                                  e.id))
        for e in ordered:
            key_name = normalise(e.name, e.type)
            if not key_name:
                self.out.skipped.append(("entity", e.name, "no name left once titles are taken off"))
                continue
            got = self._resolve(e, key_name)
            self.by_entity[e.id] = got
            self.by_name.setdefault(fold(e.name), got)
            if e.type == "PERSON" and not is_surname_only(key_name):
                self.people.append((key_name, got))
                self.people.append((normalise(got.info.name, "PERSON"), got))
            self._entity_links(e, got)

    def _resolve(self, e: Any, key_name: str) -> _Resolved:
        if e.type in PLACE_TYPES:
            # read as a country by the article, or named as one ("West Germany"): the country itself
            country = self.dicts.country(e.country) if e.role == "country" else self.dicts.country_named(e.name)
            if country is not None:
                return self._actor(country, None, "country table")
            return self._new(e, key_name, None, "new actor by name")
        if e.type == "PERSON" and is_surname_only(key_name):
            fulls = {got.actor: (full, got) for full, got in self.people if short_form_of(key_name, full)}
            if len(fulls) == 1:
                full, got = next(iter(fulls.values()))
                return _Resolved(got.actor, got.info, got.row, f"short form of '{got.info.name}' in the article")
            found = None if fulls else self._find(e, [e.name])
            if found is not None:
                return self._actor(found.actor, found.row, found.rule)
            why = "one word naming several people of the article" if fulls else "one word the article names no one by"
            return self._new(e, key_name, self.article_id, f"new actor inside the article: {why}")
        names = [e.name] + sorted({m.span.text for m in e.mentions if m.kind == "name"} - {e.name},
                                  key=lambda t: (-len(t.split()), t))
        if e.type == "PERSON":  # a surname alone is too ambiguous once a full name is known
            names = [t for t in names if not is_surname_only(normalise(t, "PERSON"))]
        found = self._find(e, names)
        if found is not None:
            return self._actor(found.actor, found.row, found.rule)
        return self._new(e, key_name, None, "new actor by name")

    def _find(self, e: Any, names: list[str]) -> Found | None:
        for text in names:
            found = self.dicts.find(text, self.day, e.type, e.country)
            if found is not None:
                return found
        return None

    def _actor(self, info: ActorInfo, row: Any, rule: str) -> _Resolved:
        return _Resolved(self.out.add_actor(info), info, row, rule)

    def _new(self, e: Any, key_name: str, scope: str | None, rule: str) -> _Resolved:
        country = e.country or None
        info = ActorInfo(name_key(e.type, key_name, country, scope), shown(e.name), e.type, country,
                         e.sector or None)
        return self._actor(info, None, rule)

    def _entity_links(self, e: Any, got: _Resolved) -> None:
        forms = Counter(m.span.text for m in e.mentions if m.kind in ALIAS_KINDS and m.span.text.strip())
        if not forms:
            forms[e.name] = max(1, len(e.mentions))
        code, title = _code(e, got.row)
        for text, n in sorted(forms.items()):
            self.out.links.append(Link(got.actor, self.article_id, "entity", text, n, entity_id=e.id,
                                       day=self.day, code=code, title=title, rule=got.rule))

    # -- event parties and speakers --------------------------------------------------------------------
    def link_events(self, events: Iterable[Any]) -> None:
        for ev in events:
            for role in ("actor", "recipient"):
                ref = getattr(ev, role)
                if ref is None:
                    continue
                got = self._party(ref.entity_id, ref.name, None)
                if got is None:
                    self.out.skipped.append((role, ref.text or ref.name, "names no actor"))
                    continue
                self.out.links.append(Link(got.actor, self.article_id, role, ref.text or ref.name, event_id=ev.id,
                                           entity_id=ref.entity_id, day=self.day, code=ref.code, rule=got.rule))

    def link_quotes(self, quotes: Iterable[Any]) -> None:
        for q in quotes:
            if not (q.speaker_entity_id or q.speaker_name):
                continue  # nobody was found to have said it: nothing to link
            got = self._party(q.speaker_entity_id, q.speaker_name, "PERSON")
            text = q.speaker.text if q.speaker else (q.speaker_name or "")
            if got is None:
                self.out.skipped.append(("speaker", text, "names no actor"))
                continue
            self.out.links.append(Link(got.actor, self.article_id, "speaker", text, quote_id=q.id,
                                       entity_id=q.speaker_entity_id, day=self.day, rule=got.rule))

    def _party(self, entity_id: str | None, name: str | None, type: str | None) -> _Resolved | None:
        if entity_id and entity_id in self.by_entity:
            return self.by_entity[entity_id]
        if not name or name == "(unknown)":
            return None
        same = self.by_name.get(fold(name))
        if same is not None:
            return _Resolved(same.actor, same.info, same.row, "an entity of the same name in the article")
        country = self.dicts.country_named(name)
        if country is not None:
            return self._actor(country, None, "country table")
        found = self.dicts.find(name, self.day, type)
        return self._actor(found.actor, found.row, found.rule) if found is not None else None


def _code(e: Any, row: Any) -> tuple[str | None, str | None]:
    """The code and role of an entity's mention that day: the dictionary row that held, else the article's
    own reading of it."""
    if row is not None:
        return row.code or None, row.role or e.role or None
    country, sector = e.country or "", e.sector or ""
    code = country + (sector if sector and sector != country else "")
    return code or None, e.role or None


def link_article(dicts: Dictionaries, article_id: str, published: str | None, entities: Iterable[Any] = (),
                 events: Iterable[Any] = (), quotes: Iterable[Any] = ()) -> Linked:
    """Link one article's entities, event parties and speakers (records of :mod:`dateline.model`)."""
    linker = ArticleLinker(dicts, article_id, published)
    linker.link_entities(entities)
    linker.link_events(events)
    linker.link_quotes(quotes)
    return linker.out
