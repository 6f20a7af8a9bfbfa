// A marker on a person; recordedVia is 'API' for a record written by a recording mutation (such a
// record never makes a need-to-know relationship), null for an import.
UNWIND $rows AS row
MATCH (t:Person {id: row.on})
MERGE (m:Marker {id: row.id})
  ON CREATE SET m.recordedAt = coalesce(row.recordedAt, $now)
SET m.type = row.type, m.from = row.start, m.to = row.end, m.detail = row.detail,
    m.mappaCategory = row.mappaCategory, m.mappaLevel = row.mappaLevel, m.source = row.source,
    m.recordedAt = coalesce(row.recordedAt, m.recordedAt), m.recordedVia = row.recordedVia
// the agency's record now says how it ends: an end made in the explorer is no longer there to undo
REMOVE m.endedVia, m.endedBefore
WITH m, t, row
CALL (m, t) {
  MATCH (m)-[old:ON]->(other) WHERE other <> t
  DELETE old
}
MERGE (m)-[on:ON]->(t)
  ON CREATE SET on.recordedAt = coalesce(row.recordedAt, $now)
SET on.source = row.source, on.toRecord = row.onRecord
