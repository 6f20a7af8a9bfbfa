// A referral about a person from an agency; recordedVia is 'API' for a record written by a
// recording mutation (such a record never makes a need-to-know relationship), null for an import.
UNWIND $rows AS row
MATCH (p:Person {id: row.about})
MERGE (n:Referral {id: row.id})
  ON CREATE SET n.recordedAt = coalesce(row.recordedAt, $now)
SET n.incidentAt = row.incidentAt, n.receivedAt = row.receivedAt, n.decidedAt = row.decidedAt,
    n.concern = row.concern, n.urgency = row.urgency, n.sourceCode = row.sourceCode,
    n.outcome = row.outcome, n.source = row.source, n.recordedAt = coalesce(row.recordedAt, n.recordedAt),
    n.recordedVia = row.recordedVia
WITH n, p, row
CALL (n, p) {
  MATCH (n)-[old:ABOUT]->(other) WHERE other <> p
  DELETE old
}
MERGE (n)-[about:ABOUT]->(p)
  ON CREATE SET about.recordedAt = coalesce(row.recordedAt, $now)
SET about.source = row.source, about.toRecord = row.aboutRecord
WITH n, row
CALL (n, row) {
  MATCH (n)-[old:FROM]->(other) WHERE row.from IS NULL OR other.id <> row.from
  DELETE old
}
CALL (n, row) {
  MATCH (a:Agency {id: row.from})
  MERGE (n)-[f:FROM]->(a)
    ON CREATE SET f.recordedAt = coalesce(row.recordedAt, $now)
  SET f.source = row.source
}
