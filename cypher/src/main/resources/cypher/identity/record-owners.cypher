// The resolved person or address of records an extract refers to but does not carry (records of an
// earlier extract of the same source).
UNWIND $people AS localId
MATCH (:SourceRecord {source: $source, localId: localId})-[:RECORD_OF]->(p:Person)
RETURN 'Person' AS label, localId, p.id AS id, null AS postcode
UNION ALL
UNWIND $addresses AS localId
MATCH (:AddressRecord {source: $source, localId: localId})-[:RECORD_OF]->(a:Address)
RETURN 'Address' AS label, localId, a.id AS id, a.postcode AS postcode
