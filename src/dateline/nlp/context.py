"""What extractors see: the parsed Doc, the article, shared resources and earlier results."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from ..model import Article, DateMention, Entity, Event, Place, Quote, SentenceClass, Summary


@dataclass(slots=True, kw_only=True)
class Context:
    doc: Doc
    article: Article
    resources: Any  # nlp.resources.Resources: dictionaries and gazetteer, loaded once per process
    entities: tuple[Entity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    places: tuple[Place, ...] = ()
    coref: Any = None  # nlp.coref_chains.Chains: the article's coreference, built when a speaker or party asks
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    summary: Summary | None = None
    sentence_classes: tuple[SentenceClass, ...] = ()
    notes: dict[str, Any] = field(default_factory=dict)  # extractor-private hand-offs, by extractor name
    nlp: Any = None  # the pipeline that parsed ``doc``, for an extractor that must parse a part again
    # the headline parsed again in running-text case, as (Doc or None,) when the pipeline has done it in
    # the batch's pass; None when it has not (an extractor then parses it itself with ``nlp``); in place
    # of the Doc, ``events.headline_gate.UNPARSED`` when no word of it can start an event
    headline: tuple[Doc | None] | None = None

    @property
    def published_date(self) -> dt.date | None:
        p = self.article.published
        return dt.date.fromisoformat(p[:10]) if p else None
