// The birth dates of the children each of the given source records' own agency makes it the parent
// of: the PARENT_OF that came through the record (or, for a record anchored by a bundle without
// resolve, those its source gave), each child's date as the child's record of that agency gives it
// (else as the child's person holds it), earliest first. What the engine weighs for a record without
// a date of birth (a parent is linked by score only to someone old enough); no names. The children's
// ids, for the audit log only.
UNWIND $records AS record
MATCH (r:SourceRecord {source: record.source, localId: record.localId})-[:RECORD_OF]->(:Person)-[l:PARENT_OF]->(child:Person)
WHERE l.fromRecord = r.key OR (l.fromRecord IS NULL AND r.anchored AND l.source = r.source)
OPTIONAL MATCH (c:SourceRecord {key: l.toRecord})
WITH record, child.id AS child, coalesce(c.dateOfBirth, child.dateOfBirth) AS born
WHERE born IS NOT NULL
WITH record, child, born ORDER BY born
RETURN record.source AS source, record.localId AS localId, collect(DISTINCT born) AS born,
       collect(DISTINCT child) AS children
