// A steward's DIFFERENT decision: the record is never linked to that person again, and any other
// pending candidate between the two (a merge can bring one) is closed with it.
MATCH (m:MatchCandidate {id: $id, status: 'PENDING'})-[:OF_RECORD]->(r:SourceRecord)
MATCH (m)-[:MAYBE]->(p:Person)
SET m.status = 'DIFFERENT', m.decidedAt = $now, m.decidedBy = $user, m.note = $note
MERGE (r)-[n:NOT_SAME_AS]->(p)
  ON CREATE SET n.at = $now, n.by = $user, n.note = $note, n.candidate = $id
WITH m, r, p
CALL (m, r, p) {
  MATCH (r)<-[:OF_RECORD]-(other {status: 'PENDING'})-[:MAYBE]->(p)
  WHERE other <> m
  SET other.status = 'CLOSED', other.decidedAt = $now, other.decidedBy = $user,
      other.note = 'closed: the record was decided different from this person (candidate ' + m.id + ')'
}
RETURN m.id AS id
