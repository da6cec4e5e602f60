-- Indexes for the read queries the benchmark measures (query-service/BENCHMARKS.md).

-- /api/claims?source=… matches a substring of the normalised source name (LIKE '%…%'), which no btree
-- can serve: without this index the page walks the claims in seq order until it has found a page of
-- matches, which for a source with few claims means reading the whole table. A trigram index finds the
-- matching claims directly. pg_trgm lives in public, not in this schema: a rebuild applies these
-- migrations to a fresh schema and then drops the old one, which must not take the extension (and every
-- index using it) along.
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
CREATE INDEX claim_source_name_trgm_idx ON claim USING gin (source_name_norm public.gin_trgm_ops);
