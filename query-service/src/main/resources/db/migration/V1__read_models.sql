-- Read models of query-service. Everything here is derived from the articles and claims logs and
-- can be rebuilt by replaying them; projection_offset records how far each projection got.

-- How far each consumer group has applied each partition. Written in the same transaction as the
-- rows an event produces, so a crash can never leave the rows and the position out of step.
CREATE TABLE projection_offset (
    consumer_group text   NOT NULL,
    topic          text   NOT NULL,
    partition      int    NOT NULL,
    next_offset    bigint NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, topic, partition)
);

-- The latest revision of each article (one row per article).
CREATE TABLE article (
    id               text PRIMARY KEY,
    seq              bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    revision         int  NOT NULL,
    external_id      text,
    url              text,
    title            text,
    outlet           text,
    published_at     text,
    language         text,
    content_hash     text,
    ingested_at      timestamptz,
    revised_at       timestamptz
);
CREATE INDEX article_external_id_idx ON article (external_id);
CREATE INDEX article_url_idx ON article (url);

-- Every revision's text is kept: claim spans are offsets into the text of the revision they were
-- found in, which need not be the latest one.
CREATE TABLE article_revision (
    article_id   text NOT NULL,
    revision     int  NOT NULL,
    title        text,
    published_at text,
    text         text NOT NULL,
    content_hash text,
    recorded_at  timestamptz,
    PRIMARY KEY (article_id, revision)
);

-- One row per ArticleProcessed: which extractor version processed which revision, with what result.
CREATE TABLE article_processing (
    event_id          text PRIMARY KEY,
    article_id        text NOT NULL,
    revision          int  NOT NULL,
    extractor_name    text NOT NULL,
    extractor_version text NOT NULL,
    claim_count       int  NOT NULL,
    outcome           text NOT NULL,
    reason            text,
    processed_at      timestamptz,
    UNIQUE (article_id, revision, extractor_name, extractor_version)
);

-- Which (revision, extractor version) of each article the claim API serves by default. Owned by the
-- claims projection alone, so it does not depend on the articles projection having caught up.
CREATE TABLE article_serving (
    article_id        text PRIMARY KEY,
    revision          int  NOT NULL,
    extractor_name    text NOT NULL,
    extractor_version text NOT NULL,
    claim_count       int  NOT NULL,
    processed_at      timestamptz
);

-- Every claim ever recorded, of every extractor version (the history stays queryable).
CREATE TABLE claim (
    id                   text PRIMARY KEY,
    seq                  bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    article_id           text NOT NULL,
    article_revision     int  NOT NULL,
    external_id          text,
    extractor_name       text NOT NULL,
    extractor_version    text NOT NULL,
    kind                 text,
    source_name          text,
    source_name_norm     text,
    source_type          text,
    stance               text,
    claimed_at_value     text,
    claimed_at_precision text,
    -- The claim's date (claimedAt, else the article's publication date) as the period it denotes:
    -- "2023" is 2023-01-01..2023-12-31, so a range filter can match it by overlap.
    claim_date_from      date,
    claim_date_to        date,
    content_text         text NOT NULL,
    content_tsv          tsvector GENERATED ALWAYS AS (to_tsvector('english', content_text)) STORED,
    claim                jsonb NOT NULL,
    recorded_at          timestamptz
);
CREATE INDEX claim_article_idx ON claim (article_id, article_revision, extractor_version);
CREATE INDEX claim_external_id_idx ON claim (external_id);
CREATE INDEX claim_date_idx ON claim (claim_date_from, claim_date_to);
CREATE INDEX claim_content_tsv_idx ON claim USING gin (content_tsv);

CREATE TABLE claim_subject (
    claim_id   text NOT NULL REFERENCES claim (id),
    subject_id text NOT NULL,
    alias      text NOT NULL DEFAULT '',
    PRIMARY KEY (claim_id, subject_id, alias)
);
CREATE INDEX claim_subject_id_idx ON claim_subject (lower(subject_id));
CREATE INDEX claim_subject_alias_idx ON claim_subject (lower(alias));
