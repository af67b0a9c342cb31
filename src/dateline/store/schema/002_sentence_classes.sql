-- Each sentence's quad class (1-4; neutral sentences are not stored): from its main event or the learned
-- sentence classifier (source), with the classifier's probability for the class.
CREATE TABLE IF NOT EXISTS sentence_classes (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    start_char INTEGER, end_char INTEGER,
    quad INTEGER NOT NULL, probability DOUBLE PRECISION, source VARCHAR, event_id VARCHAR,
    sentence VARCHAR,
    record JSON NOT NULL
);
