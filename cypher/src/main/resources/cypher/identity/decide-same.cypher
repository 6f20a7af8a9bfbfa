// A steward's SAME decision, after the two people were merged: the candidate is decided and the
// record is linked by review, with the candidate's score and evidence. The record's other pending
// candidates are closed: it is one person, the one the steward chose; but a question about a version
// its agency sent (CHANGED_SINCE_LINKED) stays, about the person it now belongs to (review 97: closed
// here, the version was dropped unseen).
MATCH (m:MatchCandidate {id: $id, status: 'PENDING'})-[:OF_RECORD]->(r:SourceRecord)
SET m.status = 'SAME', m.decidedAt = $now, m.decidedBy = $user, m.note = $note,
    r.linkedBy = 'REVIEW', r.score = m.score, r.evidence = m.evidence, r.linkedAt = $now
WITH m, r
CALL (m, r) {
  MATCH (r)<-[:OF_RECORD]-(other {status: 'PENDING'})
  WHERE other <> m AND coalesce(other.reason, '') <> 'CHANGED_SINCE_LINKED'
  SET other.status = 'CLOSED', other.decidedAt = $now, other.decidedBy = $user,
      other.note = 'closed: the record was decided the same as another person (candidate ' + m.id + ')'
}
RETURN m.id AS id
