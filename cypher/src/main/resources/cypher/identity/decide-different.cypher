// A steward's DIFFERENT decision: the record is never linked to that person again.
MATCH (m:MatchCandidate {id: $id, status: 'PENDING'})-[:OF_RECORD]->(r:SourceRecord)
MATCH (m)-[:MAYBE]->(p:Person)
SET m.status = 'DIFFERENT', m.decidedAt = $now, m.decidedBy = $user, m.note = $note
MERGE (r)-[n:NOT_SAME_AS]->(p)
  ON CREATE SET n.at = $now, n.by = $user, n.note = $note, n.candidate = $id
RETURN m.id AS id
