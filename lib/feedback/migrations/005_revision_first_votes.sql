-- When each count's first vote was cast, so the Studio can date a term's revisions: the first vote
-- on a revision is when readers began to see it. Existing rows take their first vote from the votes.
ALTER TABLE feedback_vote_counts ADD COLUMN first_vote_at timestamptz NOT NULL DEFAULT clock_timestamp();

UPDATE feedback_vote_counts AS c
SET first_vote_at = v.first_vote_at
FROM (
  SELECT term_id, term_rev, vote, coalesce(reason, '') AS reason, min(created_at) AS first_vote_at
  FROM feedback_votes
  GROUP BY term_id, term_rev, vote, coalesce(reason, '')
) AS v
WHERE c.term_id = v.term_id AND c.term_rev = v.term_rev AND c.vote = v.vote AND c.reason = v.reason;
