// Address resolution for a batch of incoming address records: the address a record already belongs
// to, else the address of a stored record with the same UPRN, else one with the same postcode and
// standardised first line; and whether the id a new address would get is taken.
UNWIND $rows AS row
OPTIONAL MATCH (:AddressRecord {source: row.source, localId: row.localId})-[:RECORD_OF]->(own:Address)
CALL (row, own) {
  WITH row WHERE own IS NULL AND row.uprn IS NOT NULL
  OPTIONAL MATCH (:AddressRecord {uprn: row.uprn})-[:RECORD_OF]->(a:Address)
  RETURN min(a.id) AS byUprn
}
CALL (row, own) {
  WITH row WHERE own IS NULL AND row.matchKey IS NOT NULL
  OPTIONAL MATCH (:AddressRecord {matchKey: row.matchKey})-[:RECORD_OF]->(a:Address)
  RETURN min(a.id) AS byKey
}
RETURN row.localId AS localId, own.id AS own, byUprn, byKey, own.postcode AS ownPostcode,
       EXISTS { MATCH (:Address {id: row.newId}) } AS taken
