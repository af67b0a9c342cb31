-- What the read models filter and sort events by, kept in columns beside the record: both sides' CAMEO
-- actor codes (--actor/--recipient match them), where the trigger starts (events of one article are listed
-- in reading order) and its words. Read from each record's JSON they cost a parse of every record a query
-- scans: 13 s for a filter or a sort over a million events, where the columns take milliseconds. The
-- store writes them with the record (store/rows.py); stores made before are filled from the records here.
ALTER TABLE events ADD COLUMN IF NOT EXISTS actor_code VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS recipient_code VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS trigger_start INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS trigger_text VARCHAR;
UPDATE events SET actor_code = record->'actor'->>'code', recipient_code = record->'recipient'->>'code',
    trigger_start = CAST(record->'evidence'->'trigger'->>'start' AS INTEGER),
    trigger_text = record->'evidence'->'trigger'->>'text';
