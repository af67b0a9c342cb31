"""Typed records and their JSON codec (stdlib only)."""

from .codec import dumps, from_dict, loads, to_dict
from .ids import article_id, stable_id
from .records import (
    EVENT_STATUSES,
    ActorRef,
    Article,
    ArticleAnalysis,
    DateMention,
    DateRef,
    Entity,
    Event,
    Evidence,
    GeoRef,
    ItemError,
    Mention,
    Place,
    PlaceRef,
    Quote,
    SentenceClass,
    Span,
    Summary,
)

__all__ = [
    "EVENT_STATUSES", "ActorRef", "Article", "ArticleAnalysis", "DateMention", "DateRef", "Entity", "Event",
    "Evidence", "GeoRef", "ItemError", "Mention", "Place", "PlaceRef", "Quote", "SentenceClass", "Span", "Summary",
    "article_id", "dumps", "from_dict", "loads", "stable_id", "to_dict",
]
