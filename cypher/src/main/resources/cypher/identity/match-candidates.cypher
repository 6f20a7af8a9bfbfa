// The review queue: pending match candidates, each with its record, the person the record belongs to
// now, and the person it might be. First the records their agency changed since they were linked
// (CHANGED_SINCE_LINKED: a link that stands now, perhaps beside a child, comes before one that would
// give access to nobody yet: walk 73), then the rest; each part strongest first. $after: the id of the
// last candidate of the page before (null for the first page); the page starts after it in the same
// order (part, score, then the oldest first, then the id), wherever the queue changed meanwhile: a
// candidate decided since keeps its node, so its place is still known.
OPTIONAL MATCH (c:MatchCandidate {id: $after})
WITH c, CASE WHEN c.reason = 'CHANGED_SINCE_LINKED' THEN 0 ELSE 1 END AS cPart
MATCH (m:MatchCandidate {status: 'PENDING'})
WITH c, cPart, m, CASE WHEN m.reason = 'CHANGED_SINCE_LINKED' THEN 0 ELSE 1 END AS part
WHERE c IS NULL
   OR part > cPart
   OR (part = cPart AND (m.score < c.score
       OR (m.score = c.score AND (m.createdAt > c.createdAt OR (m.createdAt = c.createdAt AND m.id > c.id)))))
MATCH (m)-[:OF_RECORD]->(r:SourceRecord)-[:RECORD_OF]->(own:Person)
MATCH (m)-[:MAYBE]->(p:Person)
RETURN m, r, own, p
ORDER BY part, m.score DESC, m.createdAt, m.id
LIMIT $first
