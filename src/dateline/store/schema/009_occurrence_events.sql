-- Every event that happened (status occurred or reported) once more, with the occurrence it joined (NULL:
-- unplaced, no calendar days or a span that cannot be placed) and that occurrence's days, beside the
-- columns the read models filter by. `count`, `timeline` and `claim` find occurrences and unplaced
-- reports here (query.occurrences): one table of short columns, in the order the events were linked (so
-- a window's rows lie together and DuckDB's zone maps skip the rest), where joining occurrence_reports
-- to events read both tables whole. Kept with the occurrences (resolve/stored.py); filled here for
-- stores made before.
CREATE TABLE IF NOT EXISTS occurrence_events (
    id VARCHAR PRIMARY KEY,
    occurrence_id VARCHAR,
    occ_start DATE, occ_end DATE,
    article_id VARCHAR NOT NULL,
    type VARCHAR NOT NULL, mode VARCHAR, cameo VARCHAR, status VARCHAR, confidence DOUBLE PRECISION,
    actor_name VARCHAR, actor_country VARCHAR, actor_code VARCHAR,
    recipient_name VARCHAR, recipient_country VARCHAR, recipient_code VARCHAR,
    date_start DATE, date_end DATE
);
INSERT INTO occurrence_events
SELECT e.id, r.occurrence_id, o.start_date, o.end_date, e.article_id, e.type, e.mode, e.cameo, e.status,
       e.confidence, e.actor_name, e.actor_country, e.actor_code, e.recipient_name, e.recipient_country,
       e.recipient_code, e.date_start, e.date_end
FROM events e LEFT JOIN occurrence_reports r ON r.event_id = e.id LEFT JOIN occurrences o ON o.id = r.occurrence_id
WHERE e.status IN ('occurred', 'reported')
ORDER BY coalesce(o.start_date, e.date_start, e.date_end), e.id;
