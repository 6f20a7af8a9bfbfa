// Imports professionals (one row each) and the agency each works for.
UNWIND $rows AS row
MATCH (a:Agency {id: row.agency})
MERGE (n:Professional {id: row.id})
  ON CREATE SET n.recordedAt = coalesce(row.recordedAt, $now)
SET n.name = row.name, n.role = row.role, n.source = row.source,
    n.recordedAt = coalesce(row.recordedAt, n.recordedAt)
WITH n, a, row
CALL (n, a) {
  MATCH (n)-[old:WORKS_FOR]->(other:Agency) WHERE other <> a
  DELETE old
}
MERGE (n)-[w:WORKS_FOR]->(a)
  ON CREATE SET w.recordedAt = coalesce(row.recordedAt, $now)
SET w.source = row.source
