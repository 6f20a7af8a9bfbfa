// The resolved person or address of records an extract refers to but does not carry (records of an
// earlier extract of the same source).
UNWIND $people AS localId
MATCH (rec:SourceRecord {source: $source, localId: localId})-[:RECORD_OF]->(p:Person)
USING INDEX SEEK rec:SourceRecord(source, localId)
RETURN 'Person' AS label, localId, p.id AS id, null AS postcode
UNION ALL
UNWIND $addresses AS localId
MATCH (rec:AddressRecord {source: $source, localId: localId})-[:RECORD_OF]->(a:Address)
USING INDEX SEEK rec:AddressRecord(source, localId)
RETURN 'Address' AS label, localId, a.id AS id, a.postcode AS postcode
