"""Coreference chains for event parties and quote speakers: the extractor ``dateline.coref.v1``.

The pipeline runs it after the entities and before quotes and events (``registrations``). It writes a
``Chains`` into ``ctx.coref``, which builds the article's clusters (``coref.build``) the first time a
speaker or a party asks, once per article, and never for an article whose quotes and events ask
nothing: most wire stories name everyone in full. Only the rules whose links a party can use run
(``parties_only``).

A link is used only when its cluster holds a named entity (a person, body or country the entity
extractor found): "he", "Kim", "the president" or "North Korean leader" then stand for that entity, and
the link's rule travels with the event or quote (``ActorRef.coref``, ``Quote.coref``) so that
``dateline explain`` and ``dateline show`` can say why. A mention coreference left unlinked, because two
antecedents fitted equally, stays unlinked here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from ..model import Entity, ItemError, Span

NAME = "dateline.coref.v1"
# the kinds of mention a party or a speaker may be read through; a full name needs none, except one the
# entity extractor gave to another entity ("Ruiz" read as a place, merged as a surname)
LINK_KINDS = frozenset({"pronoun", "short_name", "title", "nominal", "relative"})


@dataclass(frozen=True, slots=True)
class ChainLink:
    """A mention bound to a named entity: what kind of mention, by which rule, to which mention."""

    entity: Entity
    mention: Span  # the words of the mention itself
    kind: str
    rule: str
    antecedent: Span | None
    name: Span | None  # the entity's first full name in the article, where it has one

    def describe(self) -> str:
        """One line for the record and for ``explain``: "'he' -> Kim Jong Un (pronoun): <rule>"."""
        via = f", linked to {self.antecedent.text!r}" if self.antecedent is not None else ""
        return f"{self.mention.text!r} -> {self.entity.name} ({self.kind}{via}): {self.rule}"


class Chains:
    """The article's coreference, built on first use. ``link(tok)`` answers for a head token."""

    def __init__(self, doc: Doc, entities: tuple[Entity, ...], resources: Any, ctx: Any = None) -> None:
        self.doc = doc
        self.entities = entities
        self.resources = resources
        self._ctx = ctx
        self._index: dict[int, ChainLink] | None = None
        self._unsure: dict[int, str] = {}

    @property
    def built(self) -> bool:
        return self._index is not None

    def link(self, tok: Token) -> ChainLink | None:
        """The named entity the mention headed by ``tok`` stands for, with the rule; None when it is not
        in a chain with a named entity, or ``tok`` is from another parse (a recased headline)."""
        if tok.doc is not self.doc:
            return None
        if self._index is None:
            self._index = self._build()
        return self._index.get(tok.i)

    def unsure(self, tok: Token) -> str:
        """Why coreference left the pronoun ``tok`` unlinked where several antecedents fitted; "" otherwise."""
        if tok.doc is not self.doc:
            return ""
        if self._index is None:
            self._index = self._build()
        return self._unsure.get(tok.i, "")

    def _build(self) -> dict[int, ChainLink]:
        from .coref import build

        try:
            published = self._ctx.article.published if self._ctx is not None else None
            b = build(self.doc, self.entities, (), self.resources, parties_only=True, published=published)
        except Exception as e:  # noqa: BLE001 - coreference is an aid: its failure costs the links, not the article
            self._note("coref_failed", f"{type(e).__name__}: {e}")
            return {}
        if b.skipped:
            self._note("coref_capped", b.skipped)
        self._unsure = dict(b.unsure)
        return index(b)

    def _note(self, code: str, message: str) -> None:
        ctx = self._ctx
        if ctx is None:
            return
        a = ctx.article
        ctx.notes.setdefault("errors", []).append(
            ItemError(origin=a.origin, stage=f"analyze:{NAME}", code=code, message=message, article_id=a.id))


def index(b: Any) -> dict[int, ChainLink]:
    """Head token -> ChainLink for every mention of a cluster that holds a named entity."""
    out: dict[int, ChainLink] = {}
    for d in b.drafts:
        e = d.entity
        if e is None or len(d.links) < 2:
            continue
        names = sorted((lk.span for lk in d.links if lk.kind == "name"), key=lambda s: s.start)
        by_start = {(lk.span.start, lk.span.end): lk for lk in d.links}
        own = {(m.span.start, m.span.end) for m in e.mentions}
        for h, span in d.heads:
            lk = by_start.get((span.start, span.end))
            if lk is None or lk.kind not in LINK_KINDS and (lk.kind != "name" or (span.start, span.end) in own):
                continue
            out[h] = ChainLink(entity=e, mention=span, kind=lk.kind, rule=lk.rule, antecedent=lk.antecedent,
                               name=names[0] if names else None)
    return out


def build_chains(ctx: Any) -> Chains:
    """The extractor: reads the entities now (the contract), builds the clusters when first asked."""
    return Chains(ctx.doc, tuple(ctx.entities), ctx.resources, ctx)
