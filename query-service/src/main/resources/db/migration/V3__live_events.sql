-- Live updates (server-sent events). The projections append a row here in the same transaction as the
-- read-model rows it announces, so an event exists exactly when its rows committed; seq is the SSE
-- event id that clients resume from (Last-Event-ID). Rows are appended only while events are applied
-- live: a rebuild replays history and must not announce it again.
CREATE TABLE live_event (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- 'claim' (a claim became served) or 'story' (a story formed, changed or dissolved)
    kind       text   NOT NULL,
    ref_id     text   NOT NULL,
    -- what a subject filter matches: lower-case entity ids and aliases; null matches every filter
    -- (a dissolved story no longer knows its subjects, and its subscribers must still hear of it)
    subjects   text[],
    payload    jsonb  NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX live_event_created_idx ON live_event (created_at);

-- The highest seq the retention purge has deleted: a client resuming from an id below it may have
-- missed events and is told to reload. Kept apart because gaps in seq (rolled-back transactions) make
-- the smallest retained seq no proof of what was purged.
CREATE TABLE live_event_horizon (
    singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    purged_through bigint  NOT NULL
);
INSERT INTO live_event_horizon (singleton, purged_through) VALUES (true, 0);
