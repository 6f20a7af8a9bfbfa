// Identity resolution: of an extract's person records sent again, those whose matching fields
// changed since they were stored (another signature), or about which a steward is asked
// (pendingSigs: the signatures of the versions a pending CHANGED_SINCE_LINKED question holds for
// its own person; a record waiting so keeps the fields it was linked on, review 96). With each:
// the person it belongs to, what the record says as stored (was), what the person holds without it
// (the person's other records, key and signature, and the addresses they give, [id, postcode]), and
// the other persons a record of whom gives an NHS number, PNC id or UPN the record did not give
// before (heldBy: review 94, a record that took another person's NHS number was weighed against its
// own person only). A record of a bundle without resolve (anchored: it gave the person its id) is not
// weighed again. The records of the batch still being written ($inFlight) are left out of heldBy,
// landed or not: the resolution counts them by what they give now (review 98: an identifier such a
// record gave up still counted against the record while that write had not landed). A version a steward
// set aside (setAsideSigs: SET_ASIDE, the record as it was then and its person the same, not superseded
// since by another version sent) is not asked about again (asSetAside); a record with one is read also when sent as linked, for
// the set-aside to be superseded.
UNWIND $keys AS key
MATCH (r:SourceRecord {key: key.key})-[:RECORD_OF]->(p:Person)
USING INDEX SEEK r:SourceRecord(key)
WHERE r.sig IS NOT NULL AND NOT coalesce(r.anchored, false)
WITH key, r, p, COLLECT {
    MATCH (r)<-[:OF_RECORD]-(m {status: 'PENDING', reason: 'CHANGED_SINCE_LINKED'})-[:MAYBE]->(p)
    RETURN m.sig
  } AS pendingSigs, COLLECT {
    MATCH (r)<-[:OF_RECORD]-(m {status: 'SET_ASIDE', reason: 'CHANGED_SINCE_LINKED'})-[:MAYBE]->(p)
    WHERE m.wasSig = r.sig AND m.wasPerson = p.id AND m.supersededAt IS NULL
    RETURN m.sig
  } AS setAsideSigs
WHERE r.sig <> key.sig OR size(pendingSigs) > 0 OR size(setAsideSigs) > 0
RETURN key.key AS key, p.id AS person, r.sig = key.sig AS asStored,
       coalesce(key.sig IN pendingSigs, false) AS asPending,
       coalesce(key.sig IN setAsideSigs, false) AS asSetAside,
       r {.givenName, .familyName, .aliases, .dateOfBirth, .sex, .nhsNumber, .pncId, .upn} AS was,
       COLLECT { MATCH (o:SourceRecord)-[:RECORD_OF]->(p) WHERE o <> r RETURN [o.key, o.sig] } AS others,
       COLLECT {
         MATCH (p)-[l:LIVES_AT]->(a:Address) WHERE l.fromRecord IS NULL OR l.fromRecord <> r.key
         RETURN DISTINCT [a.id, a.postcode]
       } AS addresses,
       COLLECT {
         MATCH (o:SourceRecord {nhsNumber: key.nhsNumber})-[:RECORD_OF]->(q:Person)
         WHERE q <> p AND key.nhsNumber <> coalesce(r.nhsNumber, '') AND NOT o.key IN $inFlight
         RETURN q.id AS id
         UNION
         MATCH (o:SourceRecord {pncKey: key.pncKey})-[:RECORD_OF]->(q:Person)
         WHERE q <> p AND key.pncKey <> coalesce(r.pncKey, '') AND NOT o.key IN $inFlight
         RETURN q.id AS id
         UNION
         MATCH (o:SourceRecord {upn: key.upn})-[:RECORD_OF]->(q:Person)
         WHERE q <> p AND key.upn <> coalesce(r.upn, '') AND NOT o.key IN $inFlight
         RETURN q.id AS id
       } AS heldBy
