// Before a steward's split of an address record: takes the write locks of the record and of its
// address (held to the end of the transaction), so that two splits of one address's records, or a
// split and an import joining a record to it, are written one after the other; the checks are read
// after it.
MATCH (r:AddressRecord {source: $source, localId: $localId})-[:RECORD_OF]->(a:Address)
SET r.locked = true, a.locked = true
REMOVE r.locked, a.locked
RETURN a.id AS addressId, coalesce(r.anchored, false) AS anchored,
       COUNT { (:AddressRecord)-[:RECORD_OF]->(a) } AS n
