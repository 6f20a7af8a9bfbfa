// A steward keeps a record its agency changed since it was linked as it was linked, and sets the
// version sent aside (SET_ASIDE: a question no SAME or DIFFERENT could settle, review 98: a version
// giving an identifier another person's record gives, of a person's only record). The record keeps
// the matching fields it was linked on; the version stays on the candidate, with the record's
// signature then (wasSig): sent again while the record is as it was, it is not asked about again
// (identity/changed-records). Nothing of it is applied, what the engine does not compare (a date of
// death, case numbers) included: a steward sees matching fields only, and a version disputed enough to
// be set aside is no ground for a child to be recorded dead (review 98: the wider network and rule 2
// are lost); it waits on the candidate (identity/update-waiting-version keeps it current) for a
// reopened question to apply. It stands while the record is as it was (wasSig) and the person's
// (wasPerson: review 100, a merge moved it onto a person nobody weighed the version with). The record's
// other questions about changes of its own person close (not one reopened after a split, review 95).
MATCH (m:MatchCandidate {id: $id, status: 'PENDING'})-[:OF_RECORD]->(r:SourceRecord)-[:RECORD_OF]->(p:Person)
SET m.status = 'SET_ASIDE', m.decidedAt = $now, m.decidedBy = $user, m.note = $note, m.wasSig = r.sig,
    m.wasPerson = p.id
WITH m, r, p
CALL (m, r, p) {
  MATCH (r)<-[:OF_RECORD]-(other {status: 'PENDING', reason: 'CHANGED_SINCE_LINKED'})-[:MAYBE]->(p)
  WHERE other <> m
  SET other.status = 'CLOSED', other.decidedAt = $now, other.decidedBy = $user,
      other.note = 'closed: the changed record was kept as linked (candidate ' + m.id + ')'
}
RETURN m.id AS id
