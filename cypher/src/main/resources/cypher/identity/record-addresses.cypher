// The addresses each of the given source records gives its person (the matching field address, as a
// steward compares it): the LIVES_AT that came through the record, or, for a record anchored by a
// bundle without resolve (its relationships carry no record), those its source gave the person.
// Each as its kind and its first line and postcode, newest stay first (the caller leaves out the
// kinds that are case data: a placement, an offender's address).
UNWIND $records AS record
MATCH (r:SourceRecord {source: record.source, localId: record.localId})-[:RECORD_OF]->(:Person)-[l:LIVES_AT]->(a:Address)
WHERE l.fromRecord = r.key OR (l.fromRecord IS NULL AND r.anchored AND l.source = r.source)
WITH record, a, max(coalesce(l.from, date('1900-01-01'))) AS since
ORDER BY since DESC, a.line1
WITH record, collect({kind: a.kind,
         text: coalesce(a.line1, '') + CASE WHEN a.postcode IS NULL THEN '' ELSE ', ' + a.postcode END}) AS addresses
RETURN record.source AS source, record.localId AS localId, addresses
