// What each of the given source records' agency sent since the record was linked that waits for a data
// steward (a pending CHANGED_SINCE_LINKED question about the record's own person): the question's
// changes, "date of birth: 1983-04-27 → 1991-09-14", of the newest such question. The record, and so
// its person, holds the fields it was linked on meanwhile (walk 74: the agency's practitioners were
// not told why the person still showed the old date). With $status 'SET_ASIDE': what a steward set
// aside instead, keeping the record as it was linked (still the record's standing decision: made on
// the record as it is, and not superseded by another version sent since).
UNWIND $records AS record
MATCH (r:SourceRecord {source: record.source, localId: record.localId})
      <-[:OF_RECORD]-(m {status: $status, reason: 'CHANGED_SINCE_LINKED'})-[:MAYBE]->(p:Person)
WHERE EXISTS { (r)-[:RECORD_OF]->(p) }
  AND ($status = 'PENDING' OR (m.wasSig = r.sig AND m.wasPerson = p.id AND m.supersededAt IS NULL))
WITH record, m ORDER BY coalesce(m.decidedAt, m.createdAt) DESC
RETURN record.source AS source, record.localId AS localId, head(collect(coalesce(m.changes, []))) AS changes
