-- Articles keep their canonical text so every offset below can be highlighted later.
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    title VARCHAR NOT NULL,
    standfirst VARCHAR,
    text VARCHAR NOT NULL,
    published VARCHAR,
    published_date DATE,
    source VARCHAR,
    url VARCHAR,
    author VARCHAR,
    language VARCHAR,
    origin VARCHAR,
    meta JSON,
    summary JSON,
    provenance JSON,
    analysed_at TIMESTAMP
);

-- Every outlet and address that carried the same text (syndication, re-posts).
CREATE TABLE IF NOT EXISTS article_sources (
    article_id VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    url VARCHAR NOT NULL,
    published VARCHAR,
    origin VARCHAR,
    PRIMARY KEY (article_id, source, url)
);

CREATE TABLE IF NOT EXISTS entities (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    country VARCHAR,
    sector VARCHAR,
    role VARCHAR,
    n_mentions INTEGER,
    record JSON NOT NULL
);

CREATE TABLE IF NOT EXISTS dates (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    start_char INTEGER, end_char INTEGER, text VARCHAR,
    value VARCHAR, type VARCHAR, granularity VARCHAR,
    start_date DATE, end_date DATE,
    record JSON NOT NULL
);

CREATE TABLE IF NOT EXISTS places (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    start_char INTEGER, end_char INTEGER, text VARCHAR,
    name VARCHAR, country VARCHAR, admin1 VARCHAR, lat DOUBLE PRECISION, lon DOUBLE PRECISION, geonames_id BIGINT,
    feature_class VARCHAR, is_event_location BOOLEAN,
    record JSON NOT NULL
);

CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    start_char INTEGER, end_char INTEGER, content VARCHAR,
    kind VARCHAR, cue VARCHAR, speaker_text VARCHAR, speaker_name VARCHAR, speaker_entity_id VARCHAR,
    date VARCHAR, place VARCHAR,
    record JSON NOT NULL
);

CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    type VARCHAR NOT NULL, mode VARCHAR, cameo VARCHAR, status VARCHAR, confidence DOUBLE PRECISION,
    actor_name VARCHAR, actor_country VARCHAR, actor_sector VARCHAR,
    recipient_name VARCHAR, recipient_country VARCHAR, recipient_sector VARCHAR,
    date_value VARCHAR, date_start DATE, date_end DATE, date_inferred BOOLEAN,
    location VARCHAR, location_country VARCHAR,
    rule VARCHAR, sentence VARCHAR,
    record JSON NOT NULL
);

-- Items that failed, with the reason; a re-run that succeeds removes nothing here.
CREATE TABLE IF NOT EXISTS errors (
    id VARCHAR PRIMARY KEY,
    origin VARCHAR NOT NULL,
    stage VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    message VARCHAR,
    article_id VARCHAR,
    first_seen TIMESTAMP,
    last_seen TIMESTAMP,
    count INTEGER
);
