// The address each person of a batch lives at on $asOf; the latest move first (once, however many
// agencies' records give the same move).
UNWIND $ids AS id
MATCH (p:Person {id: id})-[l:LIVES_AT]->(a:Address)
WHERE (l.from IS NULL OR l.from <= $asOf) AND (l.to IS NULL OR l.to >= $asOf)
RETURN DISTINCT id, a, l.from AS since
ORDER BY id, since DESC
