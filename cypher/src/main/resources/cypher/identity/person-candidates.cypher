// Identity resolution, step 1 for a batch of incoming person records: the person a record already
// belongs to (a re-import keeps it), whether the id a new person would get is taken, and every
// stored record the record's blocking keys find (index seeks only, at most 200 per key), with the
// person it belongs to. A record without a date of birth also meets everyone living at its
// addresses, so that two people of one name there are seen as two. A record that already exists
// is not matched again.
UNWIND $rows AS row
OPTIONAL MATCH (:SourceRecord {source: row.source, localId: row.localId})-[:RECORD_OF]->(own:Person)
CALL (row, own) {
  WITH row WHERE own IS NULL
  CALL (row) {
    MATCH (r:SourceRecord {nhsNumber: row.nhsNumber}) RETURN r LIMIT 200
    UNION
    MATCH (r:SourceRecord {pncKey: row.pncKey}) RETURN r LIMIT 200
    UNION
    MATCH (r:SourceRecord {upn: row.upn}) RETURN r LIMIT 200
    UNION
    MATCH (r:SourceRecord {bkDob: row.bkDob}) RETURN r LIMIT 200
    UNION
    MATCH (r:SourceRecord {bkFamilyYear: row.bkFamilyYear}) RETURN r LIMIT 200
    UNION
    MATCH (r:SourceRecord {bkNames: row.bkNames}) RETURN r LIMIT 200
    UNION
    MATCH (r:SourceRecord {bkGivenDay: row.bkGivenDay}) RETURN r LIMIT 200
    UNION
    UNWIND CASE WHEN row.bkDob IS NULL THEN row.addressIds ELSE [] END AS addressId
    MATCH (:Address {id: addressId})<-[:LIVES_AT]-(:Person)<-[:RECORD_OF]-(r:SourceRecord)
    RETURN r LIMIT 200
  }
  MATCH (r)-[:RECORD_OF]->(p:Person)
  RETURN collect([r.key, r.sig, p.id]) AS found
}
RETURN row.localId AS localId, own.id AS own, found,
       EXISTS { MATCH (:Person {id: row.newId}) } AS taken
