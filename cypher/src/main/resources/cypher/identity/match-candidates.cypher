// The review queue: pending match candidates, strongest first, each with its record, the person the
// record belongs to now, and the person it might be.
MATCH (m:MatchCandidate {status: 'PENDING'})
MATCH (m)-[:OF_RECORD]->(r:SourceRecord)-[:RECORD_OF]->(own:Person)
MATCH (m)-[:MAYBE]->(p:Person)
RETURN m, r, own, p
ORDER BY m.score DESC, m.createdAt, m.id
LIMIT $first
