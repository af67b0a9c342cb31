-- PostgreSQL only: the entities of the names a filter matched (stored_names) are found by index.
CREATE INDEX IF NOT EXISTS entities_name ON entities (name);
