-- PostgreSQL only: an occurrence's reports, and a re-saved article's reports, are found by index
-- (DuckDB scans these columns fast without one; see 003).
CREATE INDEX IF NOT EXISTS occurrence_reports_occurrence ON occurrence_reports (occurrence_id);
CREATE INDEX IF NOT EXISTS occurrence_reports_article ON occurrence_reports (article_id);
