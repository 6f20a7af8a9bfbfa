// Identity resolution: of an extract's person records sent again, those whose matching fields
// changed since they were stored (another signature), with the person each belongs to, what the
// record said before (was), and what the person holds without it: the person's other records (key,
// signature, and whether a steward is asked about a change to it: its stored values are then
// disputed, review 95) and the addresses the person lives at through another record ([id,
// postcode]); and the other persons a record of whom gives an NHS number, PNC id or UPN the record
// did not give before (heldBy: review 94, a record that took another person's NHS number was
// weighed against its own person only), less those a steward kept apart from it (review 95). A
// record of a bundle without resolve (anchored: it gave the person its id) is not weighed again.
UNWIND $keys AS key
MATCH (r:SourceRecord {key: key.key})-[:RECORD_OF]->(p:Person)
USING INDEX SEEK r:SourceRecord(key)
WHERE r.sig IS NOT NULL AND r.sig <> key.sig AND NOT coalesce(r.anchored, false)
RETURN key.key AS key, p.id AS person,
       r {.givenName, .familyName, .aliases, .dateOfBirth, .sex, .nhsNumber, .pncId, .upn} AS was,
       COLLECT {
         MATCH (o:SourceRecord)-[:RECORD_OF]->(p) WHERE o <> r
         RETURN [o.key, o.sig, EXISTS {
           (o)<-[:OF_RECORD]-(:MatchCandidate {status: 'PENDING', reason: 'CHANGED_SINCE_LINKED'})-[:MAYBE]->(p)
         }]
       } AS others,
       COLLECT {
         MATCH (p)-[l:LIVES_AT]->(a:Address) WHERE l.fromRecord IS NULL OR l.fromRecord <> r.key
         RETURN DISTINCT [a.id, a.postcode]
       } AS addresses,
       COLLECT {
         MATCH (o:SourceRecord {nhsNumber: key.nhsNumber})-[:RECORD_OF]->(q:Person)
         WHERE q <> p AND key.nhsNumber <> coalesce(r.nhsNumber, '')
           AND NOT EXISTS { (o)-[:NOT_SAME_AS]->(p) } AND NOT EXISTS { (r)-[:NOT_SAME_AS]->(q) }
         RETURN q.id AS id
         UNION
         MATCH (o:SourceRecord {pncKey: key.pncKey})-[:RECORD_OF]->(q:Person)
         WHERE q <> p AND key.pncKey <> coalesce(r.pncKey, '')
           AND NOT EXISTS { (o)-[:NOT_SAME_AS]->(p) } AND NOT EXISTS { (r)-[:NOT_SAME_AS]->(q) }
         RETURN q.id AS id
         UNION
         MATCH (o:SourceRecord {upn: key.upn})-[:RECORD_OF]->(q:Person)
         WHERE q <> p AND key.upn <> coalesce(r.upn, '')
           AND NOT EXISTS { (o)-[:NOT_SAME_AS]->(p) } AND NOT EXISTS { (r)-[:NOT_SAME_AS]->(q) }
         RETURN q.id AS id
       } AS heldBy
