-- Whom a spokesperson speaks for ("a spokesman for the ministry said": the speaker is the spokesman, the
-- principal the ministry); NULL when the speaker speaks for themselves. Stores made before it read NULL.
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS principal VARCHAR;
