"""Second looks at a coded event: countries read from where it happens or from inside a phrase, and one
event kept where an article tells the same thing twice."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ...model import ActorRef, Event
from ..names import tokens_between
from .actors import ActorResolver
from .triggers import Match


def _same(a: ActorRef, b: ActorRef) -> bool:
    if a.entity_id or b.entity_id:
        return a.entity_id == b.entity_id
    return a.span == b.span and a.name == b.name


def located(ctx, a: ActorRef, m: Match, *, anchor_tok: Token) -> ActorRef:
    """A generic actor with no country ("the military government", "a roadside bombing", "people", or
    none named at all) takes the country of the place the event happens in, as the PLOVER coders did."""
    if a.country or a.code or a.entity_id:
        return a
    if a.span is None and (m.pattern.cameo or "")[:2] not in ("14", "15", "17", "18", "19", "20"):
        return a  # only an unnamed attacker is placed where the attack happens
    if (m.pattern.cameo or "").startswith("04"):
        return a  # where a meeting or visit happens says whom it is with, not who came
    doc = m.token.doc
    hosts = [m.token, anchor_tok]
    if a.span is not None:
        toks = tokens_between(doc, a.span.start, a.span.end)
        if any(t.pos_ == "PROPN" for t in toks):
            return a
        root = next((t for t in toks if not (a.span.start <= t.head.idx < a.span.end) or t.head.i == t.i), None)
        if root is not None:
            hosts.insert(0, root)  # "a roadside bombing near Samarra": the actor's own place first
    from .anchor import _locative

    for host in hosts:
        for loc in _locative(host):
            for tok in [loc, *sorted(loc.subtree, key=lambda t: t.i)]:
                country = country_of(ctx, tok)
                if country:
                    return replace(a, country=country, code=country + (a.sector or ""),
                                   coding=f"{a.coding + '; ' if a.coding else ''}country {country} from where it "
                                          f"happens ('{tok.text}')")
    return a


def inner(ctx, r: ActorRef, resolver: ActorResolver, actors: list[ActorRef]) -> ActorRef:
    """A recipient phrase that names no actor may hold one further in: "a shelter for Sudanese families",
    "calls to free the detainees held in Chad", "limits on visas for workers from Peru"."""
    if r.country or r.code or r.entity_id or r.span is None:
        return r
    doc = resolver.ctx.doc
    toks = tokens_between(doc, r.span.start, r.span.end)
    root = next((t for t in toks if not (r.span.start <= t.head.idx < r.span.end) or t.head.i == t.i), None)
    if root is None:
        return r
    for t in sorted(root.subtree, key=lambda t: t.i):
        if t.i == root.i or t.ent_type_ not in ("NORP", "GPE", "ORG") or t.ent_iob_ == "I":
            continue
        if any(x.dep_ in ("relcl", "acl", "advcl") and x.i != root.i for x in t.ancestors if x.i > root.i or
               x.i < root.i and False):
            continue
        for a in resolver.resolve(t):
            if a.country and not any(_same(a, b) or (a.country == b.country and a.text == b.text) for b in actors):
                return replace(r, name=a.name, entity_id=a.entity_id, country=a.country, sector=a.sector,
                               code=a.code, coding=f"'{r.text}' names no actor; inside it, {a.coding}")
    return r


def country_of(ctx, tok: Token) -> str | None:
    """The country a place or nationality token stands for: a geocoded place, a country name, capital or
    demonym, or an entity's country."""
    if tok.ent_type_ not in ("GPE", "LOC", "NORP", "FAC"):
        return None
    for p in ctx.places:
        if p.span.start <= tok.idx < p.span.end and p.resolved is not None:
            c = ctx.resources.countries.from_code(p.resolved.country)
            if c is not None:
                return c.iso3
    text = next((e.text for e in tok.doc.ents if e.start <= tok.i < e.end), tok.text)  # "Hong Kong"
    found = ctx.resources.countries.find(text) or ctx.resources.countries.find(tok.text)
    if found is not None:
        return found[0].iso3
    ent = next((e for e in ctx.entities for mm in e.mentions if mm.span.start <= tok.idx < mm.span.end
                and e.country), None)
    return ent.country if ent else None


def dedupe(events: list[Event], *, by_sentence: bool = False) -> list[Event]:
    """One event per (actor, recipient, code, status, date) in an article: a visit told twice ("arrived in
    Beijing for his visit to China", and again in the next paragraph) is one visit; the best-evidenced
    reading is kept. Events without a date of their own are only merged within their sentence."""
    best: dict[tuple, Event] = {}
    order: list[tuple] = []
    for e in events:
        dated = e.date is not None and not e.date.inferred and not by_sentence
        where = e.date.value if dated else e.evidence.sentence.start
        key = (where, f"{e.actor.entity_id}|{e.actor.code or e.actor.country or e.actor.name}",
               (e.recipient.code or e.recipient.country or e.recipient.name) if e.recipient else "-",
               e.type, e.cameo, e.status)
        if key not in best:
            best[key] = e
            order.append(key)
        elif _rank(e) > _rank(best[key]):
            best[key] = e
    seen_ids: set[str] = set()
    out = []
    for k in order:
        e = best[k]
        if e.id not in seen_ids:
            seen_ids.add(e.id)
            out.append(e)
    return out


def _rank(e: Event) -> tuple:
    return (e.location is not None, e.date is not None and not e.date.inferred, e.confidence)
