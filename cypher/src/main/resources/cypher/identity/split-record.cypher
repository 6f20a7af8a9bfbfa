// A steward splits a record off the person it was wrongly linked to: the record gets a person of
// its own (linked by REVIEW) and is never linked to the old person again.
MATCH (r:SourceRecord {source: $source, localId: $localId})-[l:RECORD_OF]->(old:Person {id: $from})
DELETE l
CREATE (n:Person {id: $newId, source: r.source, recordedAt: $now})
CREATE (r)-[:RECORD_OF {source: r.source, recordedAt: $now}]->(n)
CREATE (r)-[:NOT_SAME_AS {at: $now, by: $user, note: $note}]->(old)
SET r.linkedBy = 'REVIEW', r.score = null, r.evidence = [], r.linkedAt = $now, r.splitFrom = old.id
RETURN n.id AS id
