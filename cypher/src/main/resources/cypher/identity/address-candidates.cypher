// Address resolution for a batch of incoming address records: the address a record already belongs
// to, else the address of a stored record with the same UPRN, else one with the same postcode and
// standardised first line; and whether the id a new address would get is taken. Every lookup is
// pinned to its index: an import grows the store from nothing, and a plan made on an empty store
// (label scans) would otherwise be used until the planner's next replan, batch after batch.
UNWIND $rows AS row
OPTIONAL MATCH (rec:AddressRecord {source: row.source, localId: row.localId})-[:RECORD_OF]->(own:Address)
USING INDEX rec:AddressRecord(source, localId)
CALL (row, own) {
  WITH row WHERE own IS NULL AND row.uprn IS NOT NULL
  OPTIONAL MATCH (r:AddressRecord {uprn: row.uprn})-[:RECORD_OF]->(a:Address)
  USING INDEX r:AddressRecord(uprn)
  RETURN min(a.id) AS byUprn
}
CALL (row, own) {
  WITH row WHERE own IS NULL AND row.matchKey IS NOT NULL
  OPTIONAL MATCH (r:AddressRecord {matchKey: row.matchKey})-[:RECORD_OF]->(a:Address)
  USING INDEX r:AddressRecord(matchKey)
  RETURN min(a.id) AS byKey
}
RETURN row.localId AS localId, own.id AS own, byUprn, byKey, own.postcode AS ownPostcode,
       EXISTS { MATCH (taken:Address {id: row.newId}) USING INDEX taken:Address(id) } AS taken
