// The addresses each of the given source records gives its person (the matching field address, as a
// steward compares it): the LIVES_AT that came through the record, or, for a record anchored by a
// bundle without resolve (its relationships carry no record), those its source gave the person.
// Each as first line and postcode, newest stay first; a placement or approved premises is case data
// (where a child in care or an offender lives) and is named only as such, never located.
UNWIND $records AS record
MATCH (r:SourceRecord {source: record.source, localId: record.localId})-[:RECORD_OF]->(:Person)-[l:LIVES_AT]->(a:Address)
WHERE l.fromRecord = r.key OR (l.fromRecord IS NULL AND r.anchored AND l.source = r.source)
WITH record, a, max(coalesce(l.from, date('1900-01-01'))) AS since
ORDER BY since DESC, a.line1
WITH record, collect(CASE a.kind
         WHEN 'PLACEMENT' THEN 'a placement (address withheld)'
         WHEN 'APPROVED_PREMISES' THEN 'approved premises (address withheld)'
         ELSE coalesce(a.line1, '') + CASE WHEN a.postcode IS NULL THEN '' ELSE ', ' + a.postcode END END) AS addresses
RETURN record.source AS source, record.localId AS localId, addresses
