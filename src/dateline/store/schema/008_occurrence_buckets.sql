-- Where a new report's candidate occurrences are looked up (resolve/linking.py): one row per occurrence
-- and week its days touch (week = the day's proleptic ordinal, as Python's date.toordinal, divided by 7),
-- with the type and the country of each side and of its place ('?' where none is known: a side of
-- unknown country may be anyone's). A report of type T on days D reads the rows of T's family in the
-- weeks D can reach whose sides' countries are its own or '?', so linking reads a few candidates, not
-- every occurrence of a type near those days. Kept with the occurrences (resolve/stored.py); filled here
-- for stores made before. DuckDB prunes by week (rows come in date order, its zone maps skip the rest);
-- PostgreSQL reads them by index (008_*.postgresql.sql).
CREATE TABLE IF NOT EXISTS occurrence_buckets (
    occurrence_id VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    week BIGINT NOT NULL,
    actor_key VARCHAR NOT NULL,
    recipient_key VARCHAR NOT NULL,
    place_key VARCHAR NOT NULL
);
INSERT INTO occurrence_buckets (occurrence_id, type, week, actor_key, recipient_key, place_key)
SELECT o.id, o.type, g.week,
       CASE WHEN o.actor_kind = 'unknown' OR o.actor_country IS NULL THEN '?' ELSE o.actor_country END,
       CASE WHEN o.recipient_kind = 'unknown' OR o.recipient_country IS NULL THEN '?' ELSE o.recipient_country END,
       coalesce(o.place_country, '?')
FROM occurrences o,
     generate_series(CAST(floor((o.start_date - DATE '0001-01-01' + 1) / 7.0) AS BIGINT),
                     CAST(floor((o.end_date - DATE '0001-01-01' + 1) / 7.0) AS BIGINT)) AS g(week);
