-- PostgreSQL only: an occurrence's events, and a re-saved article's.
CREATE INDEX IF NOT EXISTS occurrence_events_occurrence ON occurrence_events (occurrence_id);
CREATE INDEX IF NOT EXISTS occurrence_events_article ON occurrence_events (article_id);
