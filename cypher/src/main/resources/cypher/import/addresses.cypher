// Addresses of a bundle without "resolve": the id is the resolved address's id; each row is also
// kept as the address record (source, id), so that agency extracts can resolve to it.
UNWIND $rows AS row
MERGE (n:Address {id: row.id})
  ON CREATE SET n.recordedAt = coalesce(row.recordedAt, $now)
SET n.uprn = row.uprn, n.line1 = row.line1, n.line2 = row.line2, n.town = row.town,
    n.postcode = row.postcode, n.kind = row.kind, n.source = row.source,
    n.recordedAt = coalesce(row.recordedAt, n.recordedAt)
MERGE (r:AddressRecord {source: row.source, localId: row.id})
  ON CREATE SET r.key = row.source + ':' + row.id, r.anchored = true, r.linkedAt = $now,
                r.recordedAt = coalesce(row.recordedAt, $now)
SET r.uprn = row.uprn, r.matchKey = row.matchKey, r.line1 = row.line1, r.postcode = row.postcode,
    r.line2 = row.line2, r.town = row.town, r.kind = row.kind, r.allFields = true
WITH n, r
CALL (n, r) {
  WITH n, r WHERE NOT EXISTS { (r)-[:RECORD_OF]->(:Address) }
  CREATE (r)-[:RECORD_OF {source: r.source, recordedAt: $now}]->(n)
}
