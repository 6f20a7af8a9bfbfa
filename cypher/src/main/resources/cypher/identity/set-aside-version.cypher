// A steward keeps a record its agency changed since it was linked as it was linked, and sets the
// version sent aside (SET_ASIDE: a question no SAME or DIFFERENT could settle, review 98: a version
// giving an identifier another person's record gives, of a person's only record). The record keeps
// the matching fields it was linked on; the version stays on the candidate, with the record's
// signature then (wasSig): sent again while the record is as it was, it is not asked about again
// (identity/changed-records). What the engine does not compare (a date of death, case numbers) is
// applied with it by the caller: the record is still this person's. The record's other questions
// about changes of its own person close with it.
MATCH (m:MatchCandidate {id: $id, status: 'PENDING'})-[:OF_RECORD]->(r:SourceRecord)
SET m.status = 'SET_ASIDE', m.decidedAt = $now, m.decidedBy = $user, m.note = $note, m.wasSig = r.sig
WITH m, r
CALL (m, r) {
  MATCH (r)<-[:OF_RECORD]-(other {status: 'PENDING', reason: 'CHANGED_SINCE_LINKED'})
  WHERE other <> m
  SET other.status = 'CLOSED', other.decidedAt = $now, other.decidedBy = $user,
      other.note = 'closed: the changed record was kept as linked (candidate ' + m.id + ')'
}
RETURN m.id AS id
