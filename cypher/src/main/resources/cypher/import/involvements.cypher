// Imports a professional's involvement with a person (INVOLVED_WITH), identified by its key, with role, period and last contact.
UNWIND $rows AS row
MATCH (pro:Professional {id: row.professional})
MATCH (p:Person {id: row.person})
OPTIONAL MATCH (pro)-[:WORKS_FOR]->(agency:Agency)
MERGE (pro)-[r:INVOLVED_WITH {key: row.key}]->(p)
  ON CREATE SET r.recordedAt = coalesce(row.recordedAt, $now)
SET r.role = row.role, r.from = row.start, r.to = row.end, r.lastContactOn = row.lastContactOn,
    r.agency = agency.id, r.source = row.source, r.toRecord = row.personRecord, r.recordedAt = coalesce(row.recordedAt, r.recordedAt)
