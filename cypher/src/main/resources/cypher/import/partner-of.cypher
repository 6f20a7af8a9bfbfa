// Undirected in meaning: MERGE matches either direction, so a re-import the other way round merges too.
UNWIND $rows AS row
MATCH (a:Person {id: row.fromId})
MATCH (b:Person {id: row.toId})
MERGE (a)-[r:PARTNER_OF {key: row.key}]-(b)
  ON CREATE SET r.recordedAt = coalesce(row.recordedAt, $now)
SET r.from = row.start, r.to = row.end, r.status = row.status, r.source = row.source,
    // the records each end came through (agency extracts), so that a split or merge moves it
    r.fromRecord = row.fromRecord, r.toRecord = row.toRecord,
    r.recordedAt = coalesce(row.recordedAt, r.recordedAt)
