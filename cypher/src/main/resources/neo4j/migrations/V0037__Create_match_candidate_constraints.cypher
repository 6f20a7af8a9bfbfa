// Match candidates queued for a data steward's review (DESIGN §9): unique by id, found by status.
CREATE CONSTRAINT match_candidate_id IF NOT EXISTS FOR (n:MatchCandidate) REQUIRE n.id IS UNIQUE;
CREATE INDEX match_candidate_status IF NOT EXISTS FOR (n:MatchCandidate) ON (n.status);
