// The candidates of each given record that a steward decided DIFFERENT, newest first, with the
// record's person and the candidate person (a steward reopens one decided by mistake).
UNWIND $records AS record
MATCH (r:SourceRecord {source: record.source, localId: record.localId})-[:RECORD_OF]->(own:Person)
MATCH (r)<-[:OF_RECORD]-(m {status: 'DIFFERENT'})-[:MAYBE]->(p:Person)
WITH record, m, r, own, p
ORDER BY m.decidedAt DESC, m.id
RETURN record.source AS source, record.localId AS localId, collect({m: m, r: r, own: own, p: p}) AS decided
