// After a merge: candidates between a person and their own records are settled, and a record's
// NOT_SAME_AS to the person it now belongs to is dropped. A record its agency changed since it was
// linked still waits (CHANGED_SINCE_LINKED is a question about a record of the person: review 94). A
// version of a record of the person a steward set aside no longer stands: it was decided about the
// person as it was, before the merge or link brought it other records (review 101: merged one way the
// set-aside ended, the other way it stood against a person nobody had weighed the version with).
MATCH (p:Person {id: $id})
CALL (p) {
  MATCH (p)<-[:RECORD_OF]-(:SourceRecord)<-[:OF_RECORD]-(m {status: 'SET_ASIDE'})
  WHERE m.supersededAt IS NULL
  SET m.supersededAt = $now
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
