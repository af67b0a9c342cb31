-- Occurrences: the reports (events that happened) of several articles joined into one real-world event
-- (resolve/linking.py), kept up to date as articles are saved. An occurrence's id is "oc" + a hash of the
-- event id of the report that founded it. Its columns are what its reports say together: the most
-- specific actor, target and place, and their days; record holds the same as JSON with its words.
CREATE TABLE IF NOT EXISTS occurrences (
    id VARCHAR PRIMARY KEY,
    founder VARCHAR NOT NULL,
    type VARCHAR NOT NULL, mode VARCHAR,
    actor_name VARCHAR, actor_country VARCHAR, actor_kind VARCHAR,
    recipient_name VARCHAR, recipient_country VARCHAR, recipient_kind VARCHAR,
    start_date DATE NOT NULL, end_date DATE NOT NULL, precise BOOLEAN,
    place VARCHAR, place_country VARCHAR, place_admin1 VARCHAR, place_level VARCHAR,
    n_reports INTEGER NOT NULL, n_articles INTEGER NOT NULL,
    record JSON NOT NULL
);

-- Candidates for a new report are found by type and days.
CREATE INDEX IF NOT EXISTS occurrences_type_days ON occurrences (type, start_date);

-- One row per report: which occurrence an event belongs to, the report's own reading (parties, place,
-- days, words) and why it joined (the fields that agreed, the days, the shared words).
CREATE TABLE IF NOT EXISTS occurrence_reports (
    event_id VARCHAR PRIMARY KEY,
    occurrence_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    report JSON NOT NULL,
    why JSON NOT NULL
);
