// Imports a professional's involvement with a person (INVOLVED_WITH), identified by its key, with role, period and last contact.
UNWIND $rows AS row
// A relationship already stored under its key keeps its ends: they follow its records (a steward's split or
// link moves it, DESIGN §9). Merged between the ends mapped for this import instead, it would break the key's
// uniqueness while a steward moved them during an import (review 107); a new one is merged between them.
MATCH (pro:Professional {id: row.professional})
OPTIONAL MATCH (pro)-[:WORKS_FOR]->(agency:Agency)
OPTIONAL MATCH ()-[stored:INVOLVED_WITH {key: row.key}]->()
OPTIONAL CALL (row, stored, pro) {
  WITH row, stored, pro WHERE stored IS NULL
  MATCH (p:Person {id: row.person})
  MERGE (pro)-[made:INVOLVED_WITH {key: row.key}]->(p)
    ON CREATE SET made.recordedAt = coalesce(row.recordedAt, $now)
  RETURN made
}
WITH row, agency, coalesce(stored, made) AS r
WHERE r IS NOT NULL
SET r.role = row.role, r.from = row.start, r.to = row.end, r.lastContactOn = row.lastContactOn,
    r.agency = agency.id, r.source = row.source, r.toRecord = row.personRecord, r.recordedAt = coalesce(row.recordedAt, r.recordedAt)
