-- When each count last changed, so a process that has read the counts once reads only the rows
-- changed since (lib/feedback/store.ts, voteCounts) instead of every row on every summary.
ALTER TABLE feedback_vote_counts ADD COLUMN changed_at timestamptz NOT NULL DEFAULT clock_timestamp();

CREATE INDEX feedback_vote_counts_changed ON feedback_vote_counts (changed_at);

CREATE OR REPLACE FUNCTION feedback_count_vote() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE feedback_vote_counts SET votes = votes - 1, changed_at = clock_timestamp()
    WHERE term_id = OLD.term_id AND term_rev = OLD.term_rev AND vote = OLD.vote
      AND reason = coalesce(OLD.reason, '');
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO feedback_vote_counts AS c (term_id, term_rev, vote, reason, votes)
    VALUES (NEW.term_id, NEW.term_rev, NEW.vote, coalesce(NEW.reason, ''), 1)
    ON CONFLICT (term_id, term_rev, vote, reason)
    DO UPDATE SET votes = c.votes + 1, changed_at = clock_timestamp();
  END IF;
  RETURN NULL;
END
$$;
