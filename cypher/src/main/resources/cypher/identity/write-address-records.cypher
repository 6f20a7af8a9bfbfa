// Writes a batch of address records of agency extracts, each linked to its resolved address
// (created when new, its fields then taken from the record; an existing address only gains the
// fields it lacked). A record that already exists keeps its address.
UNWIND $rows AS row
MERGE (r:AddressRecord {source: row.source, localId: row.localId})
  ON CREATE SET r.key = row.key, r.linkedAt = $now, r.recordedAt = coalesce(row.recordedAt, $now)
SET r += row.fields
WITH r, row
CALL (r, row) {
  WITH r, row WHERE NOT EXISTS { (r)-[:RECORD_OF]->(:Address) }
  MERGE (a:Address {id: row.addressId})
    ON CREATE SET a += row.addressFields, a.source = row.source, a.recordedAt = coalesce(row.recordedAt, $now)
  SET a.uprn = coalesce(a.uprn, row.addressFields.uprn), a.line1 = coalesce(a.line1, row.addressFields.line1),
      a.line2 = coalesce(a.line2, row.addressFields.line2), a.town = coalesce(a.town, row.addressFields.town),
      a.postcode = coalesce(a.postcode, row.addressFields.postcode), a.kind = coalesce(a.kind, row.addressFields.kind)
  CREATE (r)-[:RECORD_OF {source: r.source, recordedAt: $now}]->(a)
}
