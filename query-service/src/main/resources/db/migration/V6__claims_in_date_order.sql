-- A claims list with a first day is in date order (ClaimFilter.chronological): its pages are ranges of
-- this index, starting at the first day.
CREATE INDEX claim_date_to_seq_idx ON claim (claim_date_to, seq);
