// After a merge: candidates between a person and their own records are settled, and a record's
// NOT_SAME_AS to the person it now belongs to is dropped. A record its agency changed since it was
// linked still waits (CHANGED_SINCE_LINKED is a question about a record of the person: review 94). A
// version of a record of the person a steward set aside was decided about the person as it was, before
// the merge or link brought it other records (review 101: merged one way the set-aside ended, the other
// way it stood against a person nobody had weighed the version with): it waits again, the decision kept
// as its history (review 102: ended, the version was lost without a trace), as a pending change question
// does through a merge.
MATCH (p:Person {id: $id})
CALL (p) {
  MATCH (p)<-[:RECORD_OF]-(:SourceRecord)<-[:OF_RECORD]-(m {status: 'SET_ASIDE'})-[:MAYBE]->(p)
  WHERE m.supersededAt IS NULL
  SET m.status = 'PENDING',
      m.history = coalesce(m.history, []) + ['SET_ASIDE by ' + m.decidedBy + ' at ' + toString(m.decidedAt) + ': '
          + coalesce(m.note, '') + ' (asked again at ' + toString($now) + ': the person was merged with another or '
          + 'took a record by a link)'],
      m.decidedBy = null, m.decidedAt = null, m.note = null, m.wasSig = null, m.wasPerson = null
}
CALL (p) {
  MATCH (p)<-[:MAYBE]-(m {status: 'PENDING'})-[:OF_RECORD]->(:SourceRecord)-[:RECORD_OF]->(p)
  WHERE coalesce(m.reason, '') <> 'CHANGED_SINCE_LINKED'
  SET m.status = 'CLOSED', m.decidedAt = $now
}
CALL (p) {
  MATCH (r:SourceRecord)-[n:NOT_SAME_AS]->(p)
  WHERE EXISTS { (r)-[:RECORD_OF]->(p) }
  DELETE n
}
