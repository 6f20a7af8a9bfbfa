// How many match candidates wait for a data steward.
MATCH (m:MatchCandidate {status: 'PENDING'})
RETURN count(m) AS n
