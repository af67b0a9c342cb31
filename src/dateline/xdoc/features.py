"""What the clustering reads about a document and an event mention, taken from a spaCy parse.

Kept apart from the clustering so that the clustering runs on plain records (tests build them by hand)
and the product can fill them from its own events.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

# content words of these parts of speech describe what a document is about
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
_NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
# auxiliaries and light verbs say little about which event a document reports
_LIGHT = frozenset({"be", "have", "do", "say", "tell", "get", "make", "take", "go", "come", "will", "would",
                    "can", "could", "may", "might", "shall", "should", "must", "also", "year", "day", "time",
                    "people", "man", "woman", "report", "news", "week", "month", "today", "yesterday"})


@dataclass(slots=True)
class DocProfile:
    """A document as a bag of its content lemmas, names, numbers and dates (lower case)."""

    id: str
    group: str = ""  # the collection it is clustered within (an ECB+ topic, a day's feed ...)
    words: Counter = field(default_factory=Counter)
    names: Counter = field(default_factory=Counter)
    numbers: set = field(default_factory=set)
    times: set = field(default_factory=set)


@dataclass(slots=True)
class EventMention:
    """One event trigger and what its sentence says around it."""

    id: Hashable
    doc: str
    lemma: str  # the trigger's head lemma, lower case ("opened fire" -> "open fire" as a phrase lemma)
    pos: str = ""  # VERB, NOUN, ADJ ...
    text: str = ""
    kind: str = ""  # an event type where one is known (PLOVER type of our coder), else ""
    names: frozenset = frozenset()  # participants and places named in the sentence (lower case)
    times: frozenset = frozenset()  # dates and times named in the sentence
    numbers: frozenset = frozenset()  # numbers in the sentence
    agent: str = ""  # the last word of the trigger's subject ("police", "gupta"), lower case; "" unknown
    word: str = ""  # the head's plain lemma as the parser gives it (the lemma baseline's key)


def _words(tokens: Iterable[Any]) -> Counter:
    return Counter(t.lemma_.lower() for t in tokens
                   if t.pos_ in _CONTENT_POS and not t.is_stop and t.is_alpha and len(t) > 2
                   and t.lemma_.lower() not in _LIGHT)


def _ents(ents: Iterable[Any], labels: frozenset) -> list[str]:
    return [e.text.lower().removeprefix("the ").strip() for e in ents if e.label_ in labels]


def doc_profile(doc_id: str, doc: Any, group: str = "") -> DocProfile:
    """The profile of a parsed document (a spaCy Doc)."""
    return DocProfile(id=doc_id, group=group, words=_words(doc), names=Counter(_ents(doc.ents, _NAME_LABELS)),
                      numbers=set(_ents(doc.ents, _NUMBER_LABELS)), times=set(_ents(doc.ents, _TIME_LABELS)))


def head_of(span: Any) -> Any:
    """The token of ``span`` whose syntactic head lies outside it (the first such; the root of a phrase)."""
    for t in span:
        if t.head == t or not (span.start <= t.head.i < span.end):
            return t
    return span[0]


# what is fired in a shooting; a person fired is dismissed
_FIRED_AT = frozenset({"shot", "round", "bullet", "missile", "rocket", "gun", "weapon", "shell", "salvo", "volley",
                       "pistol", "rifle", "shotgun", "tear", "gas", "warning", "torpedo", "mortar", "grenade"})


def fire_sense(head: Any) -> str:
    """ "fire" names a shooting ("fired shots", "fired at the crowd"), a dismissal ("fired the coach",
    "was fired") or a blaze (the noun)."""
    if head.pos_ != "VERB":
        return "fire:blaze" if head.pos_ == "NOUN" else "fire:dismiss"
    kids = {c.dep_: c for c in head.children}
    obj = kids.get("dobj")
    if obj is not None:
        return "fire:shoot" if obj.lemma_.lower() in _FIRED_AT else "fire:dismiss"
    if "nsubjpass" in kids or "auxpass" in kids:
        return "fire:dismiss"
    if any(c.dep_ == "prep" and c.lower_ in ("at", "on", "into", "upon") for c in head.children):
        return "fire:shoot"
    return "fire:dismiss"


def trigger_lemma(span: Any) -> str:
    """The lemma a trigger is clustered by: its head's, with a particle or object that makes a phrase
    ("opened fire" -> "open fire", "gunned down" -> "gun down") kept when it lies in the span, and the
    sense of "fire" told apart."""
    head = head_of(span)
    lemma = head.lemma_.lower()
    if head.pos_ == "PROPN":  # a capitalised headline word is tagged as a name and keeps its inflection
        lemma = head.lower_
    if lemma in ("fire", "fired", "firing") and len(span) == 1:
        return fire_sense(head)
    if head.pos_ == "VERB":
        rest = [t.lemma_.lower() for t in span if t.i > head.i and t.head == head and t.dep_ in ("prt", "dobj", "xcomp")]
        if rest:
            return " ".join([lemma, *rest])
    return lemma


def agent_of(head: Any) -> str:
    """The last word of who does the act: the subject of the trigger, the object of "according to", or
    the subject of the verb a noun trigger is the object of ("police made the arrest")."""
    if head.lower_ == "according":
        for c in head.children:
            for g in c.children:
                if g.dep_ == "pobj":
                    return g.lower_
    for tok in (head, head.head if head.dep_ in ("dobj", "attr") else None):
        if tok is None:
            continue
        for c in tok.children:
            if c.dep_ in ("nsubj", "agent"):
                if c.dep_ == "agent":
                    c = next((g for g in c.children if g.dep_ == "pobj"), c)
                return c.lower_
    return ""


def mention_from_span(mention_id: Hashable, doc_id: str, span: Any, kind: str = "") -> EventMention:
    """An event mention on a token span of a parsed document, with the names, dates and numbers of its
    sentence."""
    head = head_of(span)
    sent = span.sent
    ents = [e for e in sent.ents]
    return EventMention(id=mention_id, doc=doc_id, lemma=trigger_lemma(span), pos=head.pos_, text=span.text,
                        kind=kind, names=frozenset(_ents(ents, _NAME_LABELS)),
                        times=frozenset(_ents(ents, _TIME_LABELS)), numbers=frozenset(_ents(ents, _NUMBER_LABELS)),
                        agent=agent_of(head), word=head.lemma_.lower())


def event_mentions(events: Iterable[Any], doc: Any, doc_id: str, *, min_confidence: float = 0.0) -> list[EventMention]:
    """The mentions of one parsed article's coded events (``model.Event``): one a trigger span, typed by
    its most confident event, with ids ``(doc_id, start, end)`` in characters. Events under
    ``min_confidence`` are left out."""
    out: dict[tuple[int, int], EventMention] = {}
    for e in sorted(events, key=lambda e: -e.confidence):
        t = e.evidence.trigger
        if e.confidence < min_confidence or (t.start, t.end) in out:
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None:
            out[t.start, t.end] = mention_from_span((doc_id, t.start, t.end), doc_id, span, kind=e.type)
    return list(out.values())
