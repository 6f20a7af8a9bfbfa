// The source records of the given people ($agency null: all of them; else only that agency's),
// in key order.
UNWIND $ids AS id
MATCH (r:SourceRecord)-[:RECORD_OF]->(p:Person {id: id})
WHERE $agency IS NULL OR r.source = $agency
RETURN p.id AS personId, r
ORDER BY r.key
