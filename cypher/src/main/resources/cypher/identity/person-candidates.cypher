// Identity resolution, step 1 for the incoming person records of a batch that give no date of
// birth, when the store's person records are held in memory (StoredRecords: what the blocking keys
// find, and the person an existing record belongs to, are looked up there;
// identity/taken-person-ids answers whether a new person's id is taken): the stored records of
// everyone living at the record's addresses (at most 200, with their persons and the identifiers
// those hold) and those people's ids (atAddresses), as identity/person-candidates-in-store gives
// them. Records of $inFlight (the batch whose write may still be landing) are left out before the
// limit: the caller adds them from memory. Read once a batch, with no rows when every record gives
// a date of birth.
UNWIND $rows AS row
CALL (row) {
  CALL (row) {
    UNWIND row.addressIds AS addressId
    MATCH (home:Address {id: addressId})<-[:LIVES_AT]-(:Person)<-[:RECORD_OF]-(r:SourceRecord)
    USING INDEX SEEK home:Address(id)
    WHERE $inFlight[r.key] IS NULL
    RETURN r LIMIT 200
  }
  WITH DISTINCT r
  MATCH (r)-[:RECORD_OF]->(p:Person)
  RETURN collect([r.key, r.sig, p.id, p.nhsNumber, p.pncId, p.upn]) AS found
}
CALL (row) {
  UNWIND row.addressIds AS addressId
  MATCH (home:Address {id: addressId})<-[:LIVES_AT]-(p:Person)
  USING INDEX SEEK home:Address(id)
  RETURN collect(DISTINCT p.id) AS atAddresses
}
RETURN row.localId AS localId, found, atAddresses
