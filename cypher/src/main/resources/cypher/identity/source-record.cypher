// One source record by its key, with the person it belongs to.
MATCH (r:SourceRecord {source: $source, localId: $localId})
OPTIONAL MATCH (r)-[:RECORD_OF]->(p:Person)
RETURN r, p
