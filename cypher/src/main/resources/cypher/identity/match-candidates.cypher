// The review queue: pending match candidates, strongest first, each with its record, the person the
// record belongs to now, and the person it might be. $after: the id of the last candidate of the page
// before (null for the first page); the page starts after it in the same order (score, then the
// oldest first, then the id), wherever the queue changed meanwhile: a candidate decided since keeps
// its node, so its place is still known. afterKnown: whether that candidate exists.
OPTIONAL MATCH (c:MatchCandidate {id: $after})
WITH c
MATCH (m:MatchCandidate {status: 'PENDING'})
WHERE c IS NULL
   OR m.score < c.score
   OR (m.score = c.score AND (m.createdAt > c.createdAt OR (m.createdAt = c.createdAt AND m.id > c.id)))
MATCH (m)-[:OF_RECORD]->(r:SourceRecord)-[:RECORD_OF]->(own:Person)
MATCH (m)-[:MAYBE]->(p:Person)
RETURN m, r, own, p
ORDER BY m.score DESC, m.createdAt, m.id
LIMIT $first
