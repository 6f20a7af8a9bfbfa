// Address resolution for a batch of incoming address records: the address a record already belongs
// to, else the address of a stored record with the same UPRN, else one with the same postcode and
// standardised first line; and whether the id a new address would get is taken. Every lookup is
// pinned to a seek of its index (USING INDEX SEEK): an import grows the store from nothing, and a
// plan made while it is small (a label scan, or a scan of the whole index filtered row by row) would
// otherwise be used until the planner's next replan, batch after batch.
UNWIND $rows AS row
OPTIONAL MATCH (rec:AddressRecord {source: row.source, localId: row.localId})-[:RECORD_OF]->(own:Address)
USING INDEX SEEK rec:AddressRecord(source, localId)
CALL (row, own) {
  WITH row WHERE own IS NULL AND row.uprn IS NOT NULL
  OPTIONAL MATCH (r:AddressRecord {uprn: row.uprn})-[:RECORD_OF]->(a:Address)
  USING INDEX SEEK r:AddressRecord(uprn)
  RETURN min(a.id) AS byUprn
}
CALL (row, own) {
  WITH row WHERE own IS NULL AND row.matchKey IS NOT NULL
  OPTIONAL MATCH (r:AddressRecord {matchKey: row.matchKey})-[:RECORD_OF]->(a:Address)
  USING INDEX SEEK r:AddressRecord(matchKey)
  RETURN min(a.id) AS byKey
}
RETURN row.localId AS localId, own.id AS own, byUprn, byKey, own.postcode AS ownPostcode,
       EXISTS { MATCH (taken:Address {id: row.newId}) USING INDEX SEEK taken:Address(id) } AS taken
