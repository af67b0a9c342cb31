-- PostgreSQL only: an actor's mentions, and a re-saved article's, are found by index (DuckDB scans these
-- columns fast without one; see 003).
CREATE INDEX IF NOT EXISTS actor_mentions_actor ON actor_mentions (actor_id);
CREATE INDEX IF NOT EXISTS actor_mentions_article ON actor_mentions (article_id);
CREATE INDEX IF NOT EXISTS actor_mentions_event ON actor_mentions (event_id);
CREATE INDEX IF NOT EXISTS actor_mentions_quote ON actor_mentions (quote_id);
