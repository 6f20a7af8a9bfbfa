// Identity resolution: of an extract's person records sent again, those whose matching fields
// changed since they were stored (another signature), with the person each belongs to and what
// the person holds without it (and what the record said before: was): the person's other records (key and signature) and the addresses
// the person lives at through another record ([id, postcode]); and the other persons a record of
// whom gives the record's new NHS number, PNC id or UPN (heldBy: review 94, a record that took another
// person's NHS number was weighed against its own person only). A record of a bundle without resolve
// (anchored: it gave the person its id) is not weighed again.
UNWIND $keys AS key
MATCH (r:SourceRecord {key: key.key})-[:RECORD_OF]->(p:Person)
USING INDEX SEEK r:SourceRecord(key)
WHERE r.sig IS NOT NULL AND r.sig <> key.sig AND NOT coalesce(r.anchored, false)
RETURN key.key AS key, p.id AS person,
       r {.givenName, .familyName, .aliases, .dateOfBirth, .sex, .nhsNumber, .pncId, .upn} AS was,
       COLLECT { MATCH (o:SourceRecord)-[:RECORD_OF]->(p) WHERE o <> r RETURN [o.key, o.sig] } AS others,
       COLLECT {
         MATCH (p)-[l:LIVES_AT]->(a:Address) WHERE l.fromRecord IS NULL OR l.fromRecord <> r.key
         RETURN DISTINCT [a.id, a.postcode]
       } AS addresses,
       COLLECT {
         MATCH (o:SourceRecord {nhsNumber: key.nhsNumber})-[:RECORD_OF]->(q:Person) WHERE q <> p RETURN q.id AS id
         UNION
         MATCH (o:SourceRecord {pncKey: key.pncKey})-[:RECORD_OF]->(q:Person) WHERE q <> p RETURN q.id AS id
         UNION
         MATCH (o:SourceRecord {upn: key.upn})-[:RECORD_OF]->(q:Person) WHERE q <> p RETURN q.id AS id
       } AS heldBy
