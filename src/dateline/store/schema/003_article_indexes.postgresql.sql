-- PostgreSQL only: the child rows of an article are found by article_id (replacing an article's
-- analysis, counting per article in the read models). DuckDB scans these columns fast without an index,
-- and an index there would cost the loader memory.
CREATE INDEX IF NOT EXISTS entities_article ON entities (article_id);
CREATE INDEX IF NOT EXISTS dates_article ON dates (article_id);
CREATE INDEX IF NOT EXISTS places_article ON places (article_id);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article_id);
CREATE INDEX IF NOT EXISTS events_article ON events (article_id);
CREATE INDEX IF NOT EXISTS sentence_classes_article ON sentence_classes (article_id);
CREATE INDEX IF NOT EXISTS errors_article ON errors (article_id);
