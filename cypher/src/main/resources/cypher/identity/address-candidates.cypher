// Address resolution for a batch of incoming address records: the address a record already belongs
// to, else the address of a stored record with the same UPRN whose postcode does not contradict the
// record's (compared without spaces, in capitals; review 91: a UPRN mistyped by one agency joined an
// offender's address in another town to a children's home; uprnElsewhere gives the postcode of such a
// record, for the import's warning), else one with the same postcode and standardised first line;
// and whether the id a new address would get is taken. Every lookup is
// pinned to a seek of its index (USING INDEX SEEK): an import grows the store from nothing, and a
// plan made while it is small (a label scan, or a scan of the whole index filtered row by row) would
// otherwise be used until the planner's next replan, batch after batch. A record a steward split off
// an address joins nobody on its UPRN or first line (review 93: a later record of the family's home,
// giving the same first line and postcode, joined the split-off record's address, and put the man back
// beside the children): its own address is found by its key, as before.
UNWIND $rows AS row
OPTIONAL MATCH (rec:AddressRecord {source: row.source, localId: row.localId})-[:RECORD_OF]->(own:Address)
USING INDEX SEEK rec:AddressRecord(source, localId)
CALL (row, own) {
  WITH row WHERE own IS NULL AND row.uprn IS NOT NULL
  OPTIONAL MATCH (r:AddressRecord {uprn: row.uprn})-[:RECORD_OF]->(a:Address)
  USING INDEX SEEK r:AddressRecord(uprn)
  WHERE r.splitFrom IS NULL
  WITH a, r, row.postcodeKey IS NULL OR r.postcode IS NULL
       OR replace(toUpper(r.postcode), ' ', '') = row.postcodeKey AS agrees
  RETURN min(CASE WHEN agrees THEN a.id END) AS byUprn,
         min(CASE WHEN NOT agrees THEN r.postcode END) AS uprnElsewhere
}
CALL (row, own) {
  WITH row WHERE own IS NULL AND row.matchKey IS NOT NULL
  OPTIONAL MATCH (r:AddressRecord {matchKey: row.matchKey})-[:RECORD_OF]->(a:Address)
  USING INDEX SEEK r:AddressRecord(matchKey)
  WHERE r.splitFrom IS NULL
  RETURN min(a.id) AS byKey
}
RETURN row.localId AS localId, own.id AS own, byUprn, uprnElsewhere, byKey, own.postcode AS ownPostcode,
       EXISTS { MATCH (taken:Address {id: row.newId}) USING INDEX SEEK taken:Address(id) } AS taken
