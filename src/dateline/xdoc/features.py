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


def trigger_lemma(span: Any) -> str:
    """The lemma a trigger is clustered by: its head's, with a particle or object that makes a phrase
    ("opened fire" -> "open fire", "gunned down" -> "gun down") kept when it lies in the span."""
    head = head_of(span)
    lemma = head.lemma_.lower()
    if head.pos_ == "VERB":
        rest = [t.lemma_.lower() for t in span if t.i > head.i and t.head == head and t.dep_ in ("prt", "dobj")]
        if rest:
            return " ".join([lemma, *rest])
    return lemma


def mention_from_span(mention_id: Hashable, doc_id: str, span: Any, kind: str = "") -> EventMention:
    """An event mention on a token span of a parsed document, with the names, dates and numbers of its
    sentence."""
    head = head_of(span)
    sent = span.sent
    ents = [e for e in sent.ents]
    return EventMention(id=mention_id, doc=doc_id, lemma=trigger_lemma(span), pos=head.pos_, text=span.text,
                        kind=kind, names=frozenset(_ents(ents, _NAME_LABELS)),
                        times=frozenset(_ents(ents, _TIME_LABELS)), numbers=frozenset(_ents(ents, _NUMBER_LABELS)))
