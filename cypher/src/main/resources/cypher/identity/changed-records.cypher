// Identity resolution: of an extract's person records sent again, those whose matching fields
// changed since they were stored (another signature), with the person each belongs to and what
// the person holds without it: the person's other records (key and signature) and the addresses
// the person lives at through another record ([id, postcode]). A record of a bundle without
// resolve (anchored: it gave the person its id) is not weighed again.
UNWIND $keys AS key
MATCH (r:SourceRecord {key: key.key})-[:RECORD_OF]->(p:Person)
USING INDEX SEEK r:SourceRecord(key)
WHERE r.sig IS NOT NULL AND r.sig <> key.sig AND NOT coalesce(r.anchored, false)
RETURN key.key AS key, p.id AS person,
       COLLECT { MATCH (o:SourceRecord)-[:RECORD_OF]->(p) WHERE o <> r RETURN [o.key, o.sig] } AS others,
       COLLECT {
         MATCH (p)-[l:LIVES_AT]->(a:Address) WHERE l.fromRecord IS NULL OR l.fromRecord <> r.key
         RETURN DISTINCT [a.id, a.postcode]
       } AS addresses
