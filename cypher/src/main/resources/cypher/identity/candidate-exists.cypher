// A match candidate by its id, whatever its status (a page of the queue starts after it).
MATCH (m:MatchCandidate {id: $id})
RETURN m.id AS id
