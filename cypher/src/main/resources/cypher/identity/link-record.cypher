// A steward links a record to the person it belongs to (one the engine left apart, or after a
// split): it is linked to person $to by REVIEW, and its pending candidates are decided with it:
// the one for $to is SAME, the others are closed. When the record moves off a person that keeps
// other records, it is declared not that person (byLink: the engine and decisions hold to it, a
// steward's later link back may undo it), the candidates between the two people close, and its
// relationships follow it (move-relationships, by record) in the same transaction; when it was its
// person's only record, that person is merged into $to first.
MATCH (r:SourceRecord {source: $source, localId: $localId})-[l:RECORD_OF]->(old:Person)
MATCH (to:Person {id: $to})
CALL (r, l, old, to) {
  WITH * WHERE old <> to
  DELETE l
  CREATE (r)-[:RECORD_OF {source: r.source, recordedAt: $now}]->(to)
  // moved off a person who keeps other records: as after a split, the record is not that person,
  // and no candidate left between the two people can join them behind the steward's back
  MERGE (r)-[n:NOT_SAME_AS]->(old)
    ON CREATE SET n.at = $now, n.by = $user, n.note = $note, n.byLink = true
  WITH old, to
  CALL (old, to) {
    // from the two people (m without its label: the store's pending candidates are not sought)
    UNWIND [[old, to], [to, old]] AS pair
    WITH pair[0] AS a, pair[1] AS b
    MATCH (b)<-[:MAYBE]-(m {status: 'PENDING'})-[:OF_RECORD]->(:SourceRecord)-[:RECORD_OF]->(a)
    SET m.status = 'CLOSED', m.decidedAt = $now, m.decidedBy = $user,
        m.note = 'closed: a steward linked a record of one of the two people to the other: ' + $note
  }
}
// a steward's link back to a person a link had moved the record off undoes that declaration
WITH r, to
CALL (r, to) {
  MATCH (r)-[back:NOT_SAME_AS]->(to)
  WHERE back.byLink IS NOT NULL
  DELETE back
}
SET r.linkedBy = 'REVIEW', r.score = null, r.evidence = [], r.linkedAt = $now, r.splitFrom = null
WITH r, to
CALL (r, to) {
  MATCH (r)<-[:OF_RECORD]-(m {status: 'PENDING'})-[:MAYBE]->(p:Person)
  SET m.status = CASE WHEN p = to THEN 'SAME' ELSE 'CLOSED' END, m.decidedAt = $now, m.decidedBy = $user,
      m.note = CASE WHEN p = to THEN $note ELSE 'closed: a steward linked the record to person ' + to.id + ': ' + $note END
}
RETURN to.id AS id
