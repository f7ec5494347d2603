-- Who has already counted a missed search today, so one reader repeating a query (or a script
-- posting it) adds one, not one per request. Readers are the same salted hash as for votes; rows
-- older than yesterday are pruned.
CREATE TABLE search_miss_readers (
  query text NOT NULL,
  reader_hash text NOT NULL,
  day date NOT NULL,
  PRIMARY KEY (query, reader_hash, day)
);

-- The rarest, oldest misses are the ones pruned when the list is full.
CREATE INDEX search_misses_by_weight ON search_misses (count, last_seen);
