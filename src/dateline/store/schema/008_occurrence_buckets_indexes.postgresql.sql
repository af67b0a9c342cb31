-- PostgreSQL only: candidates by type and week, and an occurrence's rows (rewritten when it changes).
CREATE INDEX IF NOT EXISTS occurrence_buckets_type_week ON occurrence_buckets (type, week);
CREATE INDEX IF NOT EXISTS occurrence_buckets_occurrence ON occurrence_buckets (occurrence_id);
