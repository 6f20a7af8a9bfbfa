// A steward keeps a record its agency changed since it was linked (CHANGED_SINCE_LINKED) with its
// person: the candidate is decided SAME and the record is linked by review with the candidate's score
// and evidence (what the record now says). Only the record's earlier questions of this kind close with
// it; its other candidates, about other people, still wait (review 94).
MATCH (m:MatchCandidate {id: $id, status: 'PENDING'})-[:OF_RECORD]->(r:SourceRecord)-[:RECORD_OF]->(p:Person)
SET m.status = 'SAME', m.decidedAt = $now, m.decidedBy = $user, m.note = $note,
    r.linkedBy = 'REVIEW', r.score = m.score, r.evidence = m.evidence
WITH m, r, p
CALL (m, r, p) {
  // about the record's own person only: one reopened after a split is another question (review 101)
  MATCH (r)<-[:OF_RECORD]-(other {status: 'PENDING', reason: 'CHANGED_SINCE_LINKED'})-[:MAYBE]->(p)
  WHERE other <> m
  SET other.status = 'CLOSED', other.decidedAt = $now, other.decidedBy = $user,
      other.note = 'closed: the changed record was kept (candidate ' + m.id + ')'
}
RETURN m.id AS id
