// Imports a person living at an address (LIVES_AT), identified by its key, with its period and source.
UNWIND $rows AS row
MATCH (a:Person {id: row.fromId})
MATCH (b:Address {id: row.toId})
MERGE (a)-[r:LIVES_AT {key: row.key}]->(b)
  ON CREATE SET r.recordedAt = coalesce(row.recordedAt, $now)
SET r.from = row.start, r.to = row.end, r.source = row.source,
    // the records each end came through (agency extracts), so that a split or merge moves it
    r.fromRecord = row.fromRecord, r.toRecord = row.toRecord,
    r.recordedAt = coalesce(row.recordedAt, r.recordedAt)
