"""Cross-document event coreference: which event mentions of many documents name one event.

``features`` reads documents and mentions from a parse, ``subtopics`` compares documents, ``lexicon``
says which trigger words may name one event, ``cluster`` groups the mentions.
"""

from .cluster import Weights, cluster_mentions
from .features import DocProfile, EventMention, doc_profile, event_mentions, mention_from_span
from .subtopics import subtopics

__all__ = ["DocProfile", "EventMention", "Weights", "cluster_mentions", "doc_profile", "event_mentions",
           "mention_from_span", "subtopics"]
