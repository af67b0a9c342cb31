"""Records to table rows: one function per table, shared by every store backend."""

from __future__ import annotations

import json
from typing import Any

from ..model import ArticleAnalysis, ItemError, to_dict
from ..model.ids import stable_id


def _json(obj: Any) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False)


def _day(value: str | None) -> str | None:
    return value[:10] if value and len(value) >= 10 and value[4] == "-" else None


def article_row(a: ArticleAnalysis) -> tuple:
    art = a.article
    return (
        art.id, art.title, art.standfirst, art.text, art.published, _day(art.published), art.source, art.url,
        art.author, art.language, art.origin, _json(art.meta), _json(a.summary) if a.summary else None,
        _json(a.provenance),
    )


ARTICLE_COLUMNS = (
    "id, title, standfirst, text, published, published_date, source, url, author, language, origin, meta, "
    "summary, provenance"
)


def source_row(a: ArticleAnalysis) -> tuple:
    art = a.article
    return (art.id, art.source or "", art.url or "", art.published, art.origin)


def entity_rows(a: ArticleAnalysis) -> list[tuple]:
    return [
        (e.id, a.article.id, e.name, e.type, e.country, e.sector, e.role, len(e.mentions), _json(e))
        for e in a.entities
    ]


def date_rows(a: ArticleAnalysis) -> list[tuple]:
    return [
        (d.id, a.article.id, d.span.start, d.span.end, d.span.text, d.value, d.type, d.granularity,
         _day(d.start), _day(d.end), _json(d))
        for d in a.dates
    ]


def place_rows(a: ArticleAnalysis) -> list[tuple]:
    rows = []
    for p in a.places:
        r = p.resolved
        rows.append((
            p.id, a.article.id, p.span.start, p.span.end, p.span.text,
            r.name if r else None, r.country if r else None, r.admin1 if r else None,
            r.lat if r else None, r.lon if r else None, r.geonames_id if r else None,
            r.feature_class if r else None, p.is_event_location, _json(p),
        ))
    return rows


def quote_rows(a: ArticleAnalysis) -> list[tuple]:
    return [
        (q.id, a.article.id, q.content.start, q.content.end, q.content.text, q.kind,
         q.cue.text if q.cue else None, q.speaker.text if q.speaker else None, q.speaker_name,
         q.speaker_entity_id, q.date, q.place, q.principal, _json(q))
        for q in a.quotes
    ]


def event_rows(a: ArticleAnalysis) -> list[tuple]:
    rows = []
    for e in a.events:
        r, d, loc = e.recipient, e.date, e.location
        rows.append((
            e.id, a.article.id, e.type, e.mode, e.cameo, e.status, e.confidence,
            e.actor.name, e.actor.country, e.actor.sector,
            r.name if r else None, r.country if r else None, r.sector if r else None,
            d.value if d else None, _day(d.start) if d else None, _day(d.end) if d else None,
            d.inferred if d else None, loc.name if loc else None, loc.country if loc else None,
            e.evidence.rule, e.evidence.sentence.text, _json(e),
            e.actor.code, r.code if r else None, e.evidence.trigger.start, e.evidence.trigger.text,
        ))
    return rows


def class_rows(a: ArticleAnalysis) -> list[tuple]:
    return [
        (stable_id(a.article.id, c.span.start, prefix="sc"), a.article.id, c.span.start, c.span.end, c.quad,
         c.probability, c.source, c.event_id, c.span.text, _json(c))
        for c in a.sentence_classes
    ]


# table -> (columns, row builder); the order is the order of deletion and insertion
CHILD_TABLES = {
    "entities": ("id, article_id, name, type, country, sector, role, n_mentions, record", entity_rows),
    "dates": ("id, article_id, start_char, end_char, text, value, type, granularity, start_date, end_date, record",
              date_rows),
    "places": ("id, article_id, start_char, end_char, text, name, country, admin1, lat, lon, geonames_id, "
               "feature_class, is_event_location, record", place_rows),
    "quotes": ("id, article_id, start_char, end_char, content, kind, cue, speaker_text, speaker_name, "
               "speaker_entity_id, date, place, principal, record", quote_rows),
    "events": ("id, article_id, type, mode, cameo, status, confidence, actor_name, actor_country, actor_sector, "
               "recipient_name, recipient_country, recipient_sector, date_value, date_start, date_end, "
               "date_inferred, location, location_country, rule, sentence, record, "
               "actor_code, recipient_code, trigger_start, trigger_text", event_rows),  # the last four: 007
    "sentence_classes": ("id, article_id, start_char, end_char, quad, probability, source, event_id, sentence, "
                         "record", class_rows),
}


def error_row(e: ItemError) -> tuple:
    return (stable_id(e.origin, e.stage, e.code, prefix="err"), e.origin, e.stage, e.code, e.message, e.article_id)
