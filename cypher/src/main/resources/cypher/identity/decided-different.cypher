// The candidates of each given record that a steward decided DIFFERENT ($status), newest first, with
// the record's person and the candidate person (a steward reopens one decided by mistake). With
// $status 'SET_ASIDE': the versions of the record a steward set aside, keeping it as linked, that
// still stand (the record as it was then, the person its own, not superseded by another version sent).
UNWIND $records AS record
MATCH (r:SourceRecord {source: record.source, localId: record.localId})-[:RECORD_OF]->(own:Person)
MATCH (r)<-[:OF_RECORD]-(m {status: $status})-[:MAYBE]->(p:Person)
WHERE $status = 'DIFFERENT' OR (p = own AND m.wasPerson = own.id AND m.wasSig = r.sig AND m.supersededAt IS NULL)
WITH record, m, r, own, p
ORDER BY m.decidedAt DESC, m.id
RETURN record.source AS source, record.localId AS localId, collect({m: m, r: r, own: own, p: p}) AS decided
