-- Canonical actors across articles (src/dateline/actors/): one row per actor, its id "ac" + a hash of its
-- key (a dictionary entry, a country, or a normalised name with its type and country). Counts and days are
-- recounted from actor_mentions whenever an article linking to the actor is saved.
CREATE TABLE IF NOT EXISTS actors (
    id VARCHAR PRIMARY KEY,
    key VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    type VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    dictionary_id VARCHAR,
    n_articles INTEGER,
    n_mentions INTEGER,
    first_seen DATE,
    last_seen DATE
);

-- Every written form of an actor's name and how many mentions used it.
CREATE TABLE IF NOT EXISTS actor_aliases (
    actor_id VARCHAR NOT NULL,
    alias VARCHAR NOT NULL,
    n_mentions INTEGER NOT NULL,
    PRIMARY KEY (actor_id, alias)
);

-- Each linked mention: an entity (one row per written form of its name, n times), an event's actor or
-- recipient, a quote's speaker; with the code and role it had on the article's day and the rule that linked it.
-- Replaced with its article's other rows.
CREATE TABLE IF NOT EXISTS actor_mentions (
    id VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    entity_id VARCHAR,
    event_id VARCHAR,
    quote_id VARCHAR,
    text VARCHAR,
    n INTEGER NOT NULL,
    day DATE,
    code VARCHAR,
    title VARCHAR,
    rule VARCHAR
);
