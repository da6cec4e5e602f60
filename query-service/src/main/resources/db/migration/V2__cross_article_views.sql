-- Cross-article read models: stories, attribution conflicts, denials, figure timelines, sources and
-- entities. They see only the served claims of each article (the revision and extractor version the
-- claim API serves): served_claim follows article_serving, maintained in the claims projection's
-- transaction, so a re-extraction or a revision takes the old claims out of every view at once.

-- One row per served attributed claim, with what the views compare and order by.
CREATE TABLE served_claim (
    claim_id       text PRIMARY KEY REFERENCES claim (id),
    claim_seq      bigint NOT NULL UNIQUE,
    article_id     text   NOT NULL,
    outlet         text,
    published_at   text,
    published_date date,
    -- canonical source name (transliteration variants unified); null for an unnamed source
    source_key     text,
    source_name    text,
    source_type    text,
    source_role    text,
    source_org     text,
    stance         text,
    -- claimedAt's first day, else the publication date: what timelines order by
    claim_date     date,
    -- when the statement can have been made; null is unbounded
    window_from    date,
    window_to      date,
    story_id       text
);
CREATE INDEX served_claim_article_idx ON served_claim (article_id);
CREATE INDEX served_claim_story_idx ON served_claim (story_id);
CREATE INDEX served_claim_source_idx ON served_claim (source_key);

-- Terms a served claim is found by: kind 'match' (story blocking keys: surname, body), 'subject'
-- (entity id, lower case) and 'location' (canonical place name).
CREATE TABLE served_term (
    kind     text NOT NULL,
    term     text NOT NULL,
    claim_id text NOT NULL REFERENCES served_claim (claim_id) ON DELETE CASCADE,
    PRIMARY KEY (kind, term, claim_id)
);
CREATE INDEX served_term_claim_idx ON served_term (claim_id);

-- Figures of served claims, one row per figure and entity it counts ('' for none).
CREATE TABLE served_figure (
    claim_id   text    NOT NULL REFERENCES served_claim (claim_id) ON DELETE CASCADE,
    ordinal    int     NOT NULL,
    subject_id text    NOT NULL,
    value      numeric NOT NULL,
    value_to   numeric,
    qualifier  text,
    unit       text,
    of         text,
    text       text,
    PRIMARY KEY (claim_id, ordinal, subject_id)
);
CREATE INDEX served_figure_subject_value_idx ON served_figure (lower(subject_id), value);

-- Pairs of served claims that report the same statement (claim_a < claim_b), with the basis.
CREATE TABLE story_link (
    claim_a text NOT NULL REFERENCES served_claim (claim_id) ON DELETE CASCADE,
    claim_b text NOT NULL REFERENCES served_claim (claim_id) ON DELETE CASCADE,
    basis   text NOT NULL,
    PRIMARY KEY (claim_a, claim_b)
);
CREATE INDEX story_link_b_idx ON story_link (claim_b);

-- A story is a connected group of linked claims; its id is its smallest member claim id, so the same
-- claims give the same story whatever order they were projected in.
CREATE TABLE story (
    id              text PRIMARY KEY,
    member_count    int  NOT NULL,
    article_count   int  NOT NULL,
    first_published date,
    date_from       date,
    date_to         date
);
CREATE INDEX story_order_idx ON story (first_published DESC, id);
