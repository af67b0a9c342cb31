"""Event parties read through the article's coreference (``nlp.coref_chains``).

A side of an event that is a pronoun ("he"), a surname the entity extractor gave to someone else
("Ruiz" read as a place), a role noun ("the minister", "the North Korean leader") or a title takes the
named entity of its chain: the name, country and sector that the entity's full name is coded with where
it is named ("French Foreign Minister Jean Durand" -> FRA GOV), so a query for the person finds the event
whichever words the sentence used. The link's rule goes with the side (``ActorRef.coref``) and is the
first step of its ``coding``.

Conservative by construction: no chain, no link (coreference leaves a mention unlinked when two
antecedents fit); a role noun whose own words place it in another country than the person of its chain
("the Russian president" bound to a French one) is not linked.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.tokens import Token

from ...model import ActorRef, Span
from .refs import code_for, span_ref

UNSURE_IS_NONE = True
PARTY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
NOUN_KINDS = frozenset({"short_name", "title", "nominal", "name"})  # "name": a surname merged from another entity


def chain_link(r: Any, tok: Token, *, build: bool = True):
    """The chain link of the mention headed by ``tok``, where the article's coreference has one to a named
    person, body or country; None otherwise (or where the pipeline ran without coreference). With
    ``build`` false, only where another side or a speaker has had the chains built already."""
    chains = getattr(r.ctx, "coref", None)
    if chains is None or not build and not chains.built:
        return None
    link = chains.link(tok)
    if link is None or link.entity.type not in PARTY_TYPES:
        return None
    return link


def pronoun_party(r: Any, tok: Token) -> list[ActorRef] | None:
    """ "he", "she", "it", "they" bound by coreference to a named entity; None where it has no link."""
    link = chain_link(r, tok)
    if link is None and UNSURE_IS_NONE and r.ctx.coref is not None and r.ctx.coref.unsure(tok):
        return []  # two fitting antecedents: no side rather than a guess
    if link is None or link.kind not in ("pronoun", "relative"):
        return None
    words = Span(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text)
    got = _as_linked(r, link, text=tok.text, span=words)
    return [got] if got is not None else None


def noun_party(r: Any, h: Token, span: Any, ref: ActorRef) -> ActorRef | None:
    """A phrase headed by a surname, role noun or title that coreference binds to a named entity the
    phrase's own reading (``ref``) did not find; None where it has no link. Where the reading found the
    same entity (the entity extractor's own "the minister"), ``ref`` itself with the link's rule."""
    link = chain_link(r, h, build=_may_need(h, ref))
    if link is None or link.kind not in NOUN_KINDS:
        return None
    if ref.entity_id == link.entity.id:
        return replace(ref, coref=link.describe()) if link.kind != "name" else None
    if ref.entity_id is not None and link.kind != "name":
        return None  # the phrase names an entity of its own: keep it
    got = _as_linked(r, link, text=ref.text, span=ref.span or span_ref(span))
    if got is None or ref.country and got.country and ref.country != got.country:
        return None  # "the Russian president" is not the French one, whatever the chain says
    return got


def _may_need(h: Token, ref: ActorRef) -> bool:
    """Is the side one a chain may change: a name or definite noun read as no entity, or an entity
    with no country (a surname read apart from its full name)? A side its own words code already only
    shows a link when the chains were built for another side; most wire stories then build none."""
    if ref.entity_id is not None:
        return not ref.country
    return h.pos_ == "PROPN" or h.pos_ == "NOUN" and any(
        c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in h.children)


def _as_linked(r: Any, link: Any, *, text: str, span: Span) -> ActorRef | None:
    """The entity of ``link`` as a side written as ``text`` at ``span``: coded as its full name is."""
    named = _named(r, link)
    e = link.entity
    why = link.describe()
    step = f"'{text}' read as {e.name} through coreference ({link.kind})"
    words = named.phrase or named.span if named is not None else link.name
    if words is not None and words.start <= span.start < words.end:
        words = None  # not a phrase apart from the words themselves
    if named is None:
        return ActorRef(text=text, name=e.name, span=span, entity_id=e.id, country=e.country, sector=e.sector,
                        code=code_for(e.country, e.sector), coding=step + (f"; {e.coding}" if e.coding else ""),
                        refers_to=words, coref=why)
    return ActorRef(text=text, name=named.name, span=span, entity_id=e.id, country=named.country,
                    sector=named.sector, code=named.code, refers_to=words, coref=why,
                    coding=step + (f"; {named.coding}" if named.coding else ""))


def _named(r: Any, link: Any) -> ActorRef | None:
    """The side the entity's first full name reads as, where the article names it in full."""
    if link.name is None:
        return None
    doc = r.ctx.doc
    words = doc.char_span(link.name.start, link.name.end, alignment_mode="expand")
    if words is None or not len(words):
        return None
    root = words.root
    busy = r.ctx.notes.setdefault("events.chains.resolving", set())
    if root.i in busy:
        return None  # "Arnor Airlines, the carrier": the name's own phrase holds the mention asking
    busy.add(root.i)
    try:
        got = [a for a in r.resolve(root) if a.entity_id == link.entity.id]
    finally:
        busy.discard(root.i)
    return got[0] if got else None
