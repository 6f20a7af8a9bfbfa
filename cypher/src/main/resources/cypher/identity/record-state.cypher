// Whether a record is anchored (it gave its person the id) and how many records its person has.
MATCH (r:SourceRecord {source: $source, localId: $localId})-[:RECORD_OF]->(p:Person)
RETURN p.id AS personId, coalesce(r.anchored, false) AS anchored, COUNT { (:SourceRecord)-[:RECORD_OF]->(p) } AS n
