"""Typed records: what Dateline reads and what it finds.

Stdlib only. Every record is a frozen dataclass; sequences are tuples so records stay
immutable and hashable where their fields allow. Character offsets always point into
the article's canonical text: ``article.text[span.start:span.end] == span.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Granularity = Literal[
    "time", "part_of_day", "day", "week", "month", "quarter", "season", "year", "decade", "century", "unknown"
]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
EventStatus = Literal["occurred", "reported", "expected", "intended", "denied", "hypothetical"]
QuoteKind = Literal["direct", "partial", "indirect"]
EntityType = Literal["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"]
MentionKind = Literal["name", "short_name", "title", "nominal", "pronoun"]

EVENT_STATUSES: tuple[str, ...] = ("occurred", "reported", "expected", "intended", "denied", "hypothetical")
frozen = dataclass(frozen=True, slots=True, kw_only=True)


@frozen
class Span:
    """A stretch of the article's canonical text."""

    start: int
    end: int
    text: str


@frozen
class Article:
    """One news article with its canonical text and metadata.

    The canonical text is the headline, the standfirst and the body paragraphs, one per
    line. ``id`` is a hash of that text, so the same article read twice is one article.
    """

    id: str
    text: str
    title: str = ""
    standfirst: str = ""
    published: str | None = None  # ISO 8601 date or date-time, as the source gave it
    source: str = ""
    url: str = ""
    author: str = ""
    language: str = "en"
    origin: str = ""  # where it was read from: a path, path:line, feed entry or "-"
    meta: dict[str, Any] = field(default_factory=dict)


@frozen
class Mention:
    span: Span
    kind: MentionKind = "name"


@frozen
class Entity:
    """One real-world thing as an article refers to it, with every mention grouped.

    ``country`` is ISO 3166 alpha-3 or a CAMEO group code (IGO, NGO, MNC…); ``sector`` a
    CAMEO agent code (GOV, MIL, MED…). ``coding`` says where those codes came from.
    """

    id: str
    name: str
    type: EntityType
    mentions: tuple[Mention, ...]
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    titles: tuple[str, ...] = ()
    coding: str = ""


@frozen
class DateMention:
    """A temporal expression: what the text says and what it means.

    ``value`` is a TIMEX3-style value ("2019-01-08", "2019-W01", "2018-06", "2018",
    "2019-01-07TNI", or "2019-01-07/2019-01-10" for a range). ``start``/``end`` are the
    first and last calendar day it covers (ISO dates), when it can be placed on a calendar.
    """

    id: str
    span: Span
    value: str
    type: TimexType = "DATE"
    granularity: Granularity = "day"
    start: str | None = None
    end: str | None = None
    anchor: str = ""  # the reference it was resolved against, e.g. "published:2019-01-08"
    rule: str = ""


@frozen
class GeoRef:
    """A gazetteer entry."""

    name: str
    country: str  # ISO 3166 alpha-2
    lat: float
    lon: float
    geonames_id: int | None = None
    admin1: str = ""
    feature_class: str = ""  # GeoNames: A country/admin, P populated place, S spot (landmark) …
    feature_code: str = ""
    population: int = 0
    score: float = 0.0
    source: str = ""  # where the entry comes from: "geonames", "dateline:landmarks", "dateline:admin"…


@frozen
class Place:
    id: str
    span: Span
    resolved: GeoRef | None = None
    candidates: tuple[GeoRef, ...] = ()
    is_event_location: bool = False
    reason: str = ""
    # "name": a place's name; "demonym": a nationality adjective read as its country ("Georgian"),
    # only with PlaceOptions(demonyms=True), never an event location
    kind: str = "name"


@frozen
class Quote:
    """A statement and who made it. ``speaker_name`` is None when no speaker could be found. A spokesperson
    stays the speaker; ``principal`` names whom they speak for ("a spokesman for the ministry" -> "ministry",
    "Blair's spokesman" -> "Tony Blair"), None when the speaker speaks for themselves."""

    id: str
    content: Span
    kind: QuoteKind = "direct"
    cue: Span | None = None
    speaker: Span | None = None
    speaker_entity_id: str | None = None
    speaker_name: str | None = None
    date: str | None = None  # a DateMention value when the text dates the statement
    place: str | None = None
    rule: str = ""
    principal: str | None = None  # after rule: records stored before the field read with None
    # where the speaker phrase is a pronoun, surname or role noun read through the article's coreference
    # ("he" -> Kim Jong Un): the link and its rule (nlp.coref_chains); "" otherwise
    coref: str = ""
    # a partial quote is reported speech with some quoted words: ``content`` is the whole reported clause and
    # ``quoted`` the stretches inside quotation marks (marks excluded); () for direct and indirect quotes
    quoted: tuple[Span, ...] = ()


@frozen
class ActorRef:
    """One side of an event: what the text says and who it is."""

    text: str
    name: str
    span: Span | None = None
    entity_id: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None  # CAMEO actor code, e.g. "USAGOV", "PSEREBHMS" (PETRARCH dictionaries)
    coding: str = ""  # how the text was resolved to this actor
    # while an event is coded: the whole argument phrase a reader would mark ("the embassy in Rome",
    # "Ana Ruiz, the mayor"), where ``span`` holds only the words the actor was read from; the coder
    # makes it the span once it is done (nlp.events.spans), so a finished event has it None
    phrase: Span | None = None
    # a pronoun's: the phrase it stands for, where the article names it ("it" -> "the Arnor navy")
    refers_to: Span | None = None
    # where the side was read through the article's coreference (a pronoun, surname, role noun or title
    # bound to a named entity): the link and its rule (nlp.coref_chains); "" otherwise
    coref: str = ""


@frozen
class DateRef:
    value: str
    start: str | None = None
    end: str | None = None
    granularity: Granularity = "day"
    inferred: bool = False  # True when taken from the published date, not the text
    mention_id: str | None = None


@frozen
class PlaceRef:
    name: str
    place_id: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


@frozen
class Evidence:
    """Why an event was coded: the sentence, the trigger, the rule that fired."""

    sentence: Span
    trigger: Span
    rule: str
    explanation: str = ""
    status_cue: str = ""  # the words that set the status ("is said to", "expected")
    date_source: str = ""  # where the date came from (a date in the clause, the published date…)
    place_source: str = ""
    rule_score: float | None = None  # what the reading rests on, before calibration (nlp/events/confidence)
    features: dict[str, float] = field(default_factory=dict)  # what the confidence model read of the event


@frozen
class Event:
    id: str
    article_id: str
    type: str  # PLOVER event type, e.g. CONSULT
    actor: ActorRef
    evidence: Evidence
    mode: str | None = None  # PLOVER mode, e.g. visit
    cameo: str | None = None  # CAMEO code, e.g. "042"
    recipient: ActorRef | None = None
    date: DateRef | None = None
    location: PlaceRef | None = None
    status: EventStatus = "occurred"
    confidence: float = 0.5
    provenance: str = ""


@frozen
class SentenceClass:
    """How cooperative or conflictual a sentence is, as a Phoenix quad class: 1 verbal cooperation,
    2 material cooperation, 3 verbal conflict, 4 material conflict (0, statements and the rest, is not
    stored). ``source`` says what decided it: "event" (the coder's main event in the sentence, ``event_id``)
    or "model" (the learned sentence classifier, where the coder codes nothing or reads it otherwise)."""

    span: Span
    quad: int
    probability: float  # the learned classifier's probability of this class for the sentence
    source: str = "event"
    event_id: str | None = None
    reason: str = ""


@frozen
class Summary:
    standfirst: str
    sentences: tuple[Span, ...]
    method: str = ""


@frozen
class ItemError:
    """A failure confined to one item: the rest of the batch goes on."""

    origin: str
    stage: str  # read, decode, parse, metadata, analyze:<extractor>, store
    code: str  # a short machine-readable reason, e.g. "empty", "binary", "bad_date"
    message: str
    article_id: str | None = None


@frozen
class ArticleAnalysis:
    article: Article
    entities: tuple[Entity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    places: tuple[Place, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    summary: Summary | None = None
    errors: tuple[ItemError, ...] = ()
    provenance: dict[str, str] = field(default_factory=dict)
    sentence_classes: tuple[SentenceClass, ...] = ()
