"""The events the product shows, with each side's span the whole phrase a reader would mark.

While coding, an actor's ``span`` holds the words it was read from ("the embassy"), because the coder
reads those words again to place the event, to look inside the phrase and to keep a place out of the
parties; the whole phrase ("the embassy in Rome") waits in ``ActorRef.phrase`` (``phrases.whole_phrase``).
Once the events are coded it becomes the span, with its text as the article writes it. Who the actor is
does not change.
"""

from __future__ import annotations

from dataclasses import replace

from ...model import ActorRef, Event, Span


def as_read(e: Event, text: str) -> Event:
    """The event with each side's phrase as its span, where the phrase holds neither the event's trigger
    nor the other side's own words (a parse that hangs the verb or the other party on the noun)."""
    t = e.evidence.trigger
    actor = _read(e.actor, text, t, e.recipient.span if e.recipient else None)
    recipient = _read(e.recipient, text, t, e.actor.span)
    if actor is e.actor and recipient is e.recipient:
        return e
    return replace(e, actor=actor, recipient=recipient)


def _read(a: ActorRef | None, text: str, trigger: Span, other: Span | None) -> ActorRef | None:
    if a is None or a.phrase is None:
        return a
    p = a.phrase
    if not (0 <= p.start < p.end <= len(text)) or _overlaps(p, trigger) or \
            other is not None and _overlaps(p, other) and not _overlaps(a.span, other):
        return replace(a, phrase=None)  # the words it was read from
    words = text[p.start:p.end]
    return replace(a, text=words, span=Span(start=p.start, end=p.end, text=words), phrase=None)


def _overlaps(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end
