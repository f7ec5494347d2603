-- Reader feedback, rate limiting and search misses. Nothing here identifies a person: readers are
-- a salted hash, search misses are bare query text.

CREATE TABLE feedback_settings (
  name text PRIMARY KEY,
  value text NOT NULL
);

-- One row per reader per term per content revision: a second vote replaces the first.
CREATE TABLE feedback_votes (
  term_id text NOT NULL,
  term_rev text NOT NULL,
  reader_hash text NOT NULL,
  vote text NOT NULL CHECK (vote IN ('yes', 'no')),
  reason text,
  comment text CHECK (char_length(comment) <= 500),
  section text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (term_id, term_rev, reader_hash)
);

CREATE INDEX feedback_votes_with_comment ON feedback_votes (updated_at DESC) WHERE comment IS NOT NULL;

-- Writes per reader per clock minute, shared by every instance of the site.
CREATE TABLE feedback_rate_windows (
  reader_hash text NOT NULL,
  window_start timestamptz NOT NULL,
  writes integer NOT NULL,
  PRIMARY KEY (reader_hash, window_start)
);

CREATE TABLE search_misses (
  query text PRIMARY KEY,
  count integer NOT NULL,
  first_seen timestamptz NOT NULL DEFAULT now(),
  last_seen timestamptz NOT NULL DEFAULT now()
);
