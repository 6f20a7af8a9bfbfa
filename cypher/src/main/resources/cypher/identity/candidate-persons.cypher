// Identity resolution, step 2: what the engine needs of each candidate person beyond the records
// found: the identifiers the person holds, the addresses they lived at (ids and postcodes), and
// the records a data steward declared different from them. Each address is read once, as its id
// and postcode (null when it has none).
UNWIND $ids AS id
MATCH (p:Person {id: id})
USING INDEX SEEK p:Person(id)
RETURN p.id AS id, p.nhsNumber AS nhsNumber, p.pncId AS pncId, p.upn AS upn,
       COLLECT { MATCH (p)-[:LIVES_AT]->(a:Address) RETURN DISTINCT [a.id, a.postcode] } AS addresses,
       COLLECT { MATCH (r:SourceRecord)-[:NOT_SAME_AS]->(p) RETURN r.key } AS notSame
