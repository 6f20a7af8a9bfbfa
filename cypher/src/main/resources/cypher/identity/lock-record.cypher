// Before a steward's link is written: takes the write locks of the record's pending candidates, of
// the record, of its person and of the target person (held to the end of the transaction), in the
// order a decision takes them (candidate, then record and person), so that a decision, a split or
// another link touching them and this link are written one after the other; the checks are read
// after it.
MATCH (r:SourceRecord {source: $source, localId: $localId})-[:RECORD_OF]->(own:Person)
CALL (r) {
  MATCH (r)<-[:OF_RECORD]-(m {status: 'PENDING'})
  SET m.locked = true
  REMOVE m.locked
}
SET r.locked = true, own.locked = true
REMOVE r.locked, own.locked
WITH r
OPTIONAL MATCH (to:Person {id: $to})
CALL (to) {
  WITH to WHERE to IS NOT NULL
  SET to.locked = true
  REMOVE to.locked
}
RETURN r.key AS key
