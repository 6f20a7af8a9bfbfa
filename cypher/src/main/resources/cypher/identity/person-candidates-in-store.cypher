// Identity resolution, step 1 for a batch of incoming person records, all read from the store (when
// its records are not held in memory: StoredRecords, identity/person-candidates): the person a
// record already belongs to (a re-import keeps it), whether the id a new person would get is taken,
// and every stored record the record's blocking keys find (index seeks only, at most 200 per key),
// with the person it belongs to and the identifiers that person holds (so that a person no record
// can come near need not be read again: Resolver.outOfReach). A record without a date of birth also
// meets everyone living at its addresses, so that two people of one name there are seen as two. A
// record that already exists is not matched again. Every lookup is pinned to a seek of its index
// (USING INDEX SEEK): an import grows the store from nothing, and a plan made while it is small (a
// label scan, or a scan of the whole index filtered row by row) would otherwise be used until the
// planner's next replan, batch after batch. Records of $inFlight (the batch before,
// whose write may still be landing; a map from record key, so that the check is a look-up, not a
// scan of a list) are left out before each limit, whether or not they have landed: the caller adds
// them from memory, so that what a batch finds does not depend on the timing. For a record without
// a date of birth, atAddresses names the people living at its addresses, whose records in flight
// the caller adds too.
UNWIND $rows AS row
OPTIONAL MATCH (rec:SourceRecord {source: row.source, localId: row.localId})-[:RECORD_OF]->(own:Person)
USING INDEX SEEK rec:SourceRecord(source, localId)
CALL (row, own) {
  WITH row WHERE own IS NULL
  CALL (row) {
    MATCH (r:SourceRecord {nhsNumber: row.nhsNumber}) USING INDEX SEEK r:SourceRecord(nhsNumber)
    WHERE $inFlight[r.key] IS NULL RETURN r LIMIT 200
    UNION
    MATCH (r:SourceRecord {pncKey: row.pncKey}) USING INDEX SEEK r:SourceRecord(pncKey)
    WHERE $inFlight[r.key] IS NULL RETURN r LIMIT 200
    UNION
    MATCH (r:SourceRecord {upn: row.upn}) USING INDEX SEEK r:SourceRecord(upn)
    WHERE $inFlight[r.key] IS NULL RETURN r LIMIT 200
    UNION
    MATCH (r:SourceRecord {bkDob: row.bkDob}) USING INDEX SEEK r:SourceRecord(bkDob)
    WHERE $inFlight[r.key] IS NULL RETURN r LIMIT 200
    UNION
    MATCH (r:SourceRecord {bkFamilyYear: row.bkFamilyYear}) USING INDEX SEEK r:SourceRecord(bkFamilyYear)
    WHERE $inFlight[r.key] IS NULL RETURN r LIMIT 200
    UNION
    MATCH (r:SourceRecord {bkNames: row.bkNames}) USING INDEX SEEK r:SourceRecord(bkNames)
    WHERE $inFlight[r.key] IS NULL RETURN r LIMIT 200
    UNION
    MATCH (r:SourceRecord {bkGivenDay: row.bkGivenDay}) USING INDEX SEEK r:SourceRecord(bkGivenDay)
    WHERE $inFlight[r.key] IS NULL RETURN r LIMIT 200
    UNION
    UNWIND CASE WHEN row.bkDob IS NULL THEN row.addressIds ELSE [] END AS addressId
    MATCH (home:Address {id: addressId})<-[:LIVES_AT]-(:Person)<-[:RECORD_OF]-(r:SourceRecord)
    USING INDEX SEEK home:Address(id)
    WHERE $inFlight[r.key] IS NULL
    RETURN r LIMIT 200
  }
  MATCH (r)-[:RECORD_OF]->(p:Person)
  RETURN collect([r.key, r.sig, p.id, p.nhsNumber, p.pncId, p.upn]) AS found
}
CALL (row, own) {
  WITH row WHERE own IS NULL AND row.bkDob IS NULL
  UNWIND row.addressIds AS addressId
  MATCH (home:Address {id: addressId})<-[:LIVES_AT]-(p:Person)
  USING INDEX SEEK home:Address(id)
  RETURN collect(DISTINCT p.id) AS atAddresses
}
RETURN row.localId AS localId, own.id AS own, found, atAddresses,
       EXISTS { MATCH (taken:Person {id: row.newId}) USING INDEX SEEK taken:Person(id) } AS taken
