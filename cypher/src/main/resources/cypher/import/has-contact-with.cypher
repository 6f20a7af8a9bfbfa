// Imports contact between two people (HAS_CONTACT_WITH), identified by its key, with its period, nature and source.
UNWIND $rows AS row
MATCH (a:Person {id: row.fromId})
MATCH (b:Person {id: row.toId})
MERGE (a)-[r:HAS_CONTACT_WITH {key: row.key}]->(b)
  ON CREATE SET r.recordedAt = coalesce(row.recordedAt, $now)
SET r.from = row.start, r.to = row.end, r.nature = row.nature, r.source = row.source,
    // the records each end came through (agency extracts), so that a split or merge moves it
    r.fromRecord = row.fromRecord, r.toRecord = row.toRecord,
    r.recordedAt = coalesce(row.recordedAt, r.recordedAt)
