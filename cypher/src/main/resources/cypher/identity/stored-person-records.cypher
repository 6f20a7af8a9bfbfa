// Identity resolution in memory: every person record of the store, with the values
// identity/person-candidates-in-store seeks with (identifiers and blocking keys), its signature, the
// person it belongs to and the identifiers that person holds. Read by a scan of the records' label,
// in the order of their node ids, which is the order an index seek gives records of one value, so
// that "the first 200 records of a key" are the same records in memory as in the store.
MATCH (r:SourceRecord)
USING SCAN r:SourceRecord
MATCH (r)-[:RECORD_OF]->(p:Person)
RETURN r.key AS key, r.sig AS sig, r.nhsNumber AS nhsNumber, r.pncKey AS pncKey, r.upn AS upn,
       r.bkDob AS bkDob, r.bkFamilyYear AS bkFamilyYear, r.bkNames AS bkNames, r.bkGivenDay AS bkGivenDay,
       p.id AS person, p.nhsNumber AS personNhsNumber, p.pncId AS personPncId, p.upn AS personUpn
