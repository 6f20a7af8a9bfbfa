// Undirected in meaning: MERGE matches either direction, so a re-import the other way round merges too.
UNWIND $rows AS row
// A relationship already stored under its key keeps its ends: they follow its records (a steward's split or
// link moves it, DESIGN §9). Merged between the ends mapped for this import instead, it would break the key's
// uniqueness while a steward moved them during an import (review 107); a new one is merged between them.
OPTIONAL MATCH ()-[stored:PARTNER_OF {key: row.key}]->()
OPTIONAL CALL (row, stored) {
  WITH row, stored WHERE stored IS NULL
  MATCH (a:Person {id: row.fromId})
  MATCH (b:Person {id: row.toId})
  MERGE (a)-[made:PARTNER_OF {key: row.key}]-(b)
    ON CREATE SET made.recordedAt = coalesce(row.recordedAt, $now)
  RETURN made
}
WITH row, coalesce(stored, made) AS r
WHERE r IS NOT NULL
SET r.from = row.start, r.to = row.end, r.status = row.status, r.source = row.source,
    // the records each end came through (agency extracts), so that a split or merge moves it
    r.fromRecord = row.fromRecord, r.toRecord = row.toRecord,
    r.recordedAt = coalesce(row.recordedAt, r.recordedAt)
