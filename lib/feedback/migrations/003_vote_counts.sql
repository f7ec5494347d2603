-- Votes counted as they are cast, so the summary reads one small row per term revision, vote and
-- reason instead of grouping every vote ever cast. A trigger keeps the counts: every way a vote is
-- written, replaced or deleted goes through it. `reason` is '' for none (a key cannot be null).
CREATE TABLE feedback_vote_counts (
  term_id text NOT NULL,
  term_rev text NOT NULL,
  vote text NOT NULL,
  reason text NOT NULL,
  votes integer NOT NULL,
  PRIMARY KEY (term_id, term_rev, vote, reason)
);

INSERT INTO feedback_vote_counts (term_id, term_rev, vote, reason, votes)
SELECT term_id, term_rev, vote, coalesce(reason, ''), count(*)
FROM feedback_votes
GROUP BY term_id, term_rev, vote, coalesce(reason, '');

CREATE FUNCTION feedback_count_vote() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE feedback_vote_counts SET votes = votes - 1
    WHERE term_id = OLD.term_id AND term_rev = OLD.term_rev AND vote = OLD.vote
      AND reason = coalesce(OLD.reason, '');
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO feedback_vote_counts AS c (term_id, term_rev, vote, reason, votes)
    VALUES (NEW.term_id, NEW.term_rev, NEW.vote, coalesce(NEW.reason, ''), 1)
    ON CONFLICT (term_id, term_rev, vote, reason) DO UPDATE SET votes = c.votes + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER feedback_votes_counted
AFTER INSERT OR UPDATE OR DELETE ON feedback_votes
FOR EACH ROW EXECUTE FUNCTION feedback_count_vote();
