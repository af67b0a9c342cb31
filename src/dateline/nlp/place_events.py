"""Where it happened: the place a clause's event, or the lead's, happened (``dateline.nlp.places``)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span as TokSpan, Token

from ..model import Place
from .place_words import EVENT_NOUNS, EVENT_PREPS, PLACE_NOUNS, SPECIFICITY

__all__ = ["place_of_clause", "mark_event_location"]


def _event_prep(tok: Token) -> Token | None:
    """The preposition that attaches a place name to an event, climbing "the city of X" and appositions."""
    t = tok
    for _ in range(3):
        if t.dep_ == "appos" or (t.dep_ == "compound" and t.head.lower_ in PLACE_NOUNS):
            t = t.head
            continue
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_ in PLACE_NOUNS:
            t = t.head.head
            continue
        break
    if t.dep_ == "pobj" and t.head.lower_ in EVENT_PREPS:
        return t.head
    return None


def _is_event_head(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.lemma_.lower() in EVENT_NOUNS


def place_of_clause(ctx, where: Token | TokSpan) -> Place | None:
    """The place a clause's event happened: the most specific place attached to its verb (or to an
    event noun of it) by "in/at/to…". ``where`` is the clause's verb or any span of the clause."""
    verb = where if isinstance(where, Token) else where.root
    if not ctx.doc.has_annotation("DEP"):
        return None
    places = [p for p in ctx.places if p.resolved is not None and p.kind == "name"]
    best, best_rank = None, None
    for p in places:
        span = ctx.doc.char_span(p.span.start, p.span.end, alignment_mode="expand")
        if span is None or span.sent != verb.sent:
            continue
        prep = _event_prep(span.root)
        if prep is None:
            continue
        head = prep.head
        if not (head == verb or (head.head == verb and head.lemma_.lower() in EVENT_NOUNS)):
            continue
        rank = (SPECIFICITY.get(p.resolved.feature_class, 0), -abs(span.root.i - verb.i))
        if best_rank is None or rank > best_rank:
            best, best_rank = p, rank
    return best


def mark_event_location(doc: Doc, places: tuple[Place, ...]) -> tuple[Place, ...]:
    """The main event's place: among places an event verb or noun puts something "in/at/to" in the
    first sentences of the body (then the headline), the most specific, then the earliest."""
    if not (doc.has_annotation("DEP") and doc.has_annotation("SENT_START")):
        return places  # no parse, no way to tell which clause a place belongs to
    best, best_rank = None, None
    sents = {s.start: n for n, s in enumerate(doc.sents)}
    for idx, p in enumerate(places):
        if p.resolved is None or p.kind != "name":
            continue  # "Chinese officials in …" happened nowhere in particular
        span = doc.char_span(p.span.start, p.span.end, alignment_mode="expand")
        if span is None:
            continue
        n = sents.get(span.sent.start, 99)
        if n > 4:
            continue
        prep = _event_prep(span.root)
        if prep is None or not _is_event_head(prep.head):
            continue
        rank = (SPECIFICITY.get(p.resolved.feature_class, 0), -n, -span.start)
        if best_rank is None or rank > best_rank:
            best, best_rank = idx, rank
    if best is None:
        return places
    p = places[best]
    marked = replace(p, is_event_location=True, reason=p.reason + "; where the lead's event happened")
    return places[:best] + (marked,) + places[best + 1:]
