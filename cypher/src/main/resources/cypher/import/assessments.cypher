// An assessment of a person by an agency; recordedVia is 'API' for a record written by a recording
// mutation (such a record never makes a need-to-know relationship), null for an import.
UNWIND $rows AS row
MATCH (p:Person {id: row.of})
MERGE (n:Assessment {id: row.id})
  ON CREATE SET n.recordedAt = coalesce(row.recordedAt, $now)
SET n.type = row.type, n.startedOn = row.startedOn, n.completedOn = row.completedOn,
    n.source = row.source, n.recordedAt = coalesce(row.recordedAt, n.recordedAt), n.recordedVia = row.recordedVia
WITH n, p, row
CALL (n, p) {
  MATCH (n)-[old:OF]->(other) WHERE other <> p
  DELETE old
}
MERGE (n)-[of:OF]->(p)
  ON CREATE SET of.recordedAt = coalesce(row.recordedAt, $now)
SET of.source = row.source, of.toRecord = row.ofRecord
WITH n, row
CALL (n, row) {
  MATCH (n)-[old:BY]->(other) WHERE row.by IS NULL OR other.id <> row.by
  DELETE old
}
CALL (n, row) {
  MATCH (a:Agency {id: row.by})
  MERGE (n)-[b:BY]->(a)
    ON CREATE SET b.recordedAt = coalesce(row.recordedAt, $now)
  SET b.source = row.source
}
