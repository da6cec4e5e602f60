-- One row per article identity ingest has accepted. The unique key is what makes two concurrent
-- pushes of the same new article resolve to one publication: the second insert conflicts and that
-- request continues as a duplicate (or a revision) of the first.
create table article_identity (
    article_id       uuid          primary key,
    identity_key     varchar(2100) not null,
    current_revision integer       not null check (current_revision >= 1),
    content_hash     char(64)      not null,
    first_seen_at    timestamptz   not null,
    revised_at       timestamptz   not null,
    constraint uq_article_identity_key unique (identity_key)
);
