// Identity resolution, step 3: writes a batch of person records of agency extracts. A new record is
// linked to the person the engine chose (created when new, its fields then taken from the record;
// an existing person only gains the fields it lacked and the record's name for search); a record
// that already exists keeps its person and only its own fields are refreshed (none while a steward is
// asked about the version sent: row.fields null, the version is kept on the question). When its matching
// fields changed (row.changed), its earlier questions of that kind (CHANGED_SINCE_LINKED) close: the
// agency sent it again; and when the engine would still link it, its link's score and evidence are of
// what it now says (row.rechecked; a record that made its person, linked NEW, keeps no score), and a
// version a steward set aside that it no longer sends no longer stands.
// A record sent again is written as the import weighed it only while it is as the import read it: not when a
// steward moved it off the person it was weighed with (row.readPerson; a split or a link landed between the
// import's read and this write: the version was weighed against another person's records), nor when a
// steward set the version sent aside meanwhile (a standing set-aside of the record's person that the import
// did not read: row.keepsSent false). Nothing of the version is then written, and no question closes; what
// the engine does not compare waits on the question set aside (row.waitingFields), as when read set aside.
// Such records are returned (stopped: why), for the import's answer to say they were not applied.
UNWIND $rows AS row
MERGE (r:SourceRecord {source: row.source, localId: row.localId})
  ON CREATE SET r.key = row.key, r.linkedBy = row.linkedBy, r.score = row.score, r.evidence = row.evidence,
                r.comparedWith = row.comparedWith, r.linkedAt = $now, r.linkedSeq = row.seq,
                r.recordedAt = coalesce(row.recordedAt, $now)
// the steward's write and this one both move the identity generation on first, so this write reads what a
// steward's write committed before it (a session-48 leftover: the version was applied while its set-aside stood)
WITH r, row, coalesce(row.changed, false) AND row.readPerson IS NOT NULL AND r.sig <> row.sentSig
       AND NOT EXISTS { (r)-[:RECORD_OF]->(:Person {id: row.readPerson}) } AS movedMeanwhile,
     [(r)<-[:OF_RECORD]-(m)-[:MAYBE]->(:Person {id: row.readPerson})
       WHERE coalesce(row.changed, false) AND NOT coalesce(row.keepsSent, false) AND m.status = 'SET_ASIDE'
         AND m.reason = 'CHANGED_SINCE_LINKED' AND m.supersededAt IS NULL AND m.sig = row.sentSig
         AND m.wasSig = r.sig AND m.wasPerson = row.readPerson | m] AS setAsideNow
WITH r, row, movedMeanwhile, setAsideNow, size(setAsideNow) > 0 AS setAsideMeanwhile
WITH r, row, setAsideNow, CASE WHEN movedMeanwhile THEN 'moved' WHEN setAsideMeanwhile THEN 'set aside' END AS stopped
SET r += CASE WHEN stopped IS NOT NULL THEN {} ELSE coalesce(row.fields, {}) END
FOREACH (m IN CASE WHEN stopped = 'set aside' THEN setAsideNow ELSE [] END | SET m += coalesce(row.waitingFields, {}))
FOREACH (c IN CASE WHEN stopped IS NOT NULL OR row.rechecked IS NULL OR r.linkedBy = 'NEW' THEN [] ELSE [row.rechecked] END |
  SET r.score = c.score, r.evidence = c.evidence, r.checkedAt = $now)
WITH r, row, stopped
CALL (r, row, stopped) {
  WITH r, row, stopped WHERE row.changed = true AND stopped IS NULL
  // from the record's own candidates (m without its label: with it, the planner sought every pending
  // candidate of the store by its status index for every row of the batch, a new record's too)
  MATCH (r)<-[:OF_RECORD]-(m)-[:MAYBE]->(q:Person)
  // only a question about the record's own person: one a steward reopened after a split is theirs (review 95)
  WHERE m.status = 'PENDING' AND m.reason = 'CHANGED_SINCE_LINKED' AND EXISTS { (r)-[:RECORD_OF]->(q) }
    // a version set aside, sent again, leaves its own question alone: a steward may have reopened it since
    // it was read (review 100)
    AND NOT (coalesce(row.keepsSent, false) AND m.sig = row.sentSig)
  SET m.status = 'CLOSED', m.decidedAt = $now,
      m.note = 'closed: the agency sent the record again, and it was weighed again'
}
WITH r, row, stopped
CALL (r, row) {
  WITH r, row WHERE row.changed = true
  // a version a steward set aside, the agency now sending another (row.sentSig), no longer stands
  MATCH (r)<-[:OF_RECORD]-(m)
  WHERE m.status = 'SET_ASIDE' AND m.supersededAt IS NULL AND coalesce(m.sig, '') <> row.sentSig
  SET m.supersededAt = $now
}
WITH r, row, stopped
CALL (r, row) {
  WITH r, row WHERE NOT EXISTS { (r)-[:RECORD_OF]->(:Person) }
  MERGE (p:Person {id: row.personId})
    ON CREATE SET p += row.personFields, p.source = row.source, p.recordedAt = coalesce(row.recordedAt, $now),
                  p.recordNames = []
  SET p.givenName = coalesce(p.givenName, row.personFields.givenName),
      p.familyName = coalesce(p.familyName, row.personFields.familyName),
      p.dateOfBirth = coalesce(p.dateOfBirth, row.personFields.dateOfBirth),
      p.sex = coalesce(p.sex, row.personFields.sex),
      p.deceasedOn = coalesce(p.deceasedOn, row.personFields.deceasedOn),
      p.nhsNumber = coalesce(p.nhsNumber, row.personFields.nhsNumber),
      p.pncId = coalesce(p.pncId, row.personFields.pncId),
      p.upn = coalesce(p.upn, row.personFields.upn),
      p.laCaseNumber = coalesce(p.laCaseNumber, row.personFields.laCaseNumber),
      p.probationCrn = coalesce(p.probationCrn, row.personFields.probationCrn),
      p.recordNames = CASE WHEN row.name IS NULL OR row.name IN coalesce(p.recordNames, []) THEN p.recordNames
                      ELSE coalesce(p.recordNames, []) + row.name END
  SET p.aliasesText = CASE WHEN size(coalesce(p.aliases, []) + coalesce(p.recordNames, [])) = 0 THEN null
                      ELSE reduce(text = '', n IN coalesce(p.aliases, []) + coalesce(p.recordNames, []) | text + ' ' + n) END
  CREATE (r)-[:RECORD_OF {source: r.source, recordedAt: $now}]->(p)
}
WITH row, stopped
WHERE stopped IS NOT NULL
RETURN row.localId AS localId, stopped
