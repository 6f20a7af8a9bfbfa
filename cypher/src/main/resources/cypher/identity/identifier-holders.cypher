// The persons, other than those excluded, a record of whom gives one of the identifiers: before a
// steward keeps a changed record with its person (the identifiers the record would give) or joins a
// record split off after a change to another person (review 95, 96: the person would take an NHS
// number, PNC id or UPN another person's record gives). Read when asked, not kept on the question. Each
// as the person and the agency's record, "p-1 (health H8)", for the steward to look the record up (walk
// 76: the person's id alone could not be).
RETURN COLLECT {
    MATCH (o:SourceRecord {nhsNumber: $nhsNumber})-[:RECORD_OF]->(q:Person) WHERE NOT q.id IN $exclude
    RETURN q.id + ' (' + o.source + ' ' + o.localId + ')' AS id
    UNION
    MATCH (o:SourceRecord {pncKey: $pncKey})-[:RECORD_OF]->(q:Person) WHERE NOT q.id IN $exclude
    RETURN q.id + ' (' + o.source + ' ' + o.localId + ')' AS id
    UNION
    MATCH (o:SourceRecord {upn: $upn})-[:RECORD_OF]->(q:Person) WHERE NOT q.id IN $exclude
    RETURN q.id + ' (' + o.source + ' ' + o.localId + ')' AS id
  } AS ids
