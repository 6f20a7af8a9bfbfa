// Every source record with the person it belongs to (for the seed's evaluation of resolution).
MATCH (r:SourceRecord)-[:RECORD_OF]->(p:Person)
RETURN r.key AS key, p.id AS person
