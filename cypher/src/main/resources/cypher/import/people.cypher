// People of a bundle without "resolve": the id is the resolved person's id. Each row is also kept
// as the source record (source, id) of that person, so that agency extracts can match it
// (DESIGN §9); such a record is anchored: it gives the person its id. A record of that key already
// linked elsewhere keeps its link.
UNWIND $rows AS row
MERGE (n:Person {id: row.id})
  ON CREATE SET n.recordedAt = coalesce(row.recordedAt, $now)
SET n.givenName = row.givenName, n.familyName = row.familyName,
    n.aliases = CASE WHEN size(row.aliases) = 0 THEN null ELSE row.aliases END,
    // the full-text index reads aliases (and the names other agencies' records give) as one text
    n.aliasesText = CASE WHEN size(row.aliases + coalesce(n.recordNames, [])) = 0 THEN null
                    ELSE reduce(text = '', alias IN row.aliases + coalesce(n.recordNames, []) | text + ' ' + alias) END,
    n.dateOfBirth = row.dateOfBirth, n.dobEstimated = row.dobEstimated, n.sex = row.sex,
    n.deceasedOn = row.deceasedOn, n.nhsNumber = row.nhsNumber, n.pncId = row.pncId,
    n.laCaseNumber = row.laCaseNumber, n.upn = row.upn, n.probationCrn = row.probationCrn,
    n.source = row.source, n.recordedAt = coalesce(row.recordedAt, n.recordedAt)
MERGE (r:SourceRecord {source: row.source, localId: row.id})
  ON CREATE SET r.key = row.source + ':' + row.id, r.linkedBy = 'IDENTIFIER', r.anchored = true,
                r.evidence = [], r.linkedAt = $now, r.recordedAt = coalesce(row.recordedAt, $now)
SET r += row.record
WITH n, r
CALL (n, r) {
  WITH n, r WHERE NOT EXISTS { (r)-[:RECORD_OF]->(:Person) }
  CREATE (r)-[:RECORD_OF {source: r.source, recordedAt: $now}]->(n)
}
