-- What `count`, `timeline` and `claim` show of each report, kept in occurrence_events beside its filters:
-- the event's date as written, trigger, sentence and place, its article's outlet, published date, address
-- and title, and why it joined its occurrence. Read there in one pass over the rows of the occurrences
-- found; reading them by primary key from events, articles and occurrence_reports cost 30 us of CPU an id
-- and a query each (most of a count's time). Written by the linker with the other columns (resolve/stored.py).
ALTER TABLE occurrence_events ADD COLUMN IF NOT EXISTS date_value VARCHAR;
ALTER TABLE occurrence_events ADD COLUMN IF NOT EXISTS trigger_text VARCHAR;
ALTER TABLE occurrence_events ADD COLUMN IF NOT EXISTS sentence VARCHAR;
ALTER TABLE occurrence_events ADD COLUMN IF NOT EXISTS location VARCHAR;
ALTER TABLE occurrence_events ADD COLUMN IF NOT EXISTS location_country VARCHAR;
ALTER TABLE occurrence_events ADD COLUMN IF NOT EXISTS source VARCHAR;
ALTER TABLE occurrence_events ADD COLUMN IF NOT EXISTS published VARCHAR;
ALTER TABLE occurrence_events ADD COLUMN IF NOT EXISTS url VARCHAR;
ALTER TABLE occurrence_events ADD COLUMN IF NOT EXISTS title VARCHAR;
ALTER TABLE occurrence_events ADD COLUMN IF NOT EXISTS why JSON;
UPDATE occurrence_events SET date_value = e.date_value, trigger_text = e.trigger_text, sentence = e.sentence,
    location = e.location, location_country = e.location_country
FROM events e WHERE e.id = occurrence_events.id;
UPDATE occurrence_events SET source = a.source, published = a.published, url = a.url, title = a.title
FROM articles a WHERE a.id = occurrence_events.article_id;
UPDATE occurrence_events SET why = r.why FROM occurrence_reports r WHERE r.event_id = occurrence_events.id;
