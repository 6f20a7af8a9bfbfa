// Identity resolution, step 3: writes a batch of person records of agency extracts. A new record is
// linked to the person the engine chose (created when new, its fields then taken from the record;
// an existing person only gains the fields it lacked and the record's name for search); a record
// that already exists keeps its person and only its own fields are refreshed (none while a steward is
// asked about the version sent: row.fields null, the version is kept on the question). When its matching
// fields changed (row.changed), its earlier questions of that kind (CHANGED_SINCE_LINKED) close: the
// agency sent it again; and when the engine would still link it, its link's score and evidence are of
// what it now says (row.rechecked; a record that made its person, linked NEW, keeps no score), and a
// version a steward set aside that it no longer sends no longer stands. A version a steward set aside
// after the import read it (row.keepsSent false: read as a pending question the engine now supports) is
// not written either: the record and its person keep what they were linked on, as when read set aside.
UNWIND $rows AS row
MERGE (r:SourceRecord {source: row.source, localId: row.localId})
  ON CREATE SET r.key = row.key, r.linkedBy = row.linkedBy, r.score = row.score, r.evidence = row.evidence,
                r.comparedWith = row.comparedWith, r.linkedAt = $now, r.linkedSeq = row.seq,
                r.recordedAt = coalesce(row.recordedAt, $now)
// set aside meanwhile: under the candidate's lock, the steward's write landed between the import's read of
// the record and this write (a session-48 leftover: the version was applied while its set-aside stood)
WITH r, row, coalesce(row.changed, false) AND NOT coalesce(row.keepsSent, false) AND EXISTS {
    MATCH (r)<-[:OF_RECORD]-(m)
    WHERE m.status = 'SET_ASIDE' AND m.supersededAt IS NULL AND m.sig = row.sentSig AND m.wasSig = r.sig
  } AS setAsideMeanwhile
SET r += CASE WHEN setAsideMeanwhile THEN {} ELSE coalesce(row.fields, {}) END
FOREACH (c IN CASE WHEN setAsideMeanwhile OR row.rechecked IS NULL OR r.linkedBy = 'NEW' THEN [] ELSE [row.rechecked] END |
  SET r.score = c.score, r.evidence = c.evidence, r.checkedAt = $now)
WITH r, row, setAsideMeanwhile
CALL (r, row, setAsideMeanwhile) {
  WITH r, row, setAsideMeanwhile WHERE row.changed = true AND NOT setAsideMeanwhile
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
WITH r, row
CALL (r, row) {
  WITH r, row WHERE row.changed = true
  // a version a steward set aside, the agency now sending another (row.sentSig), no longer stands
  MATCH (r)<-[:OF_RECORD]-(m)
  WHERE m.status = 'SET_ASIDE' AND m.supersededAt IS NULL AND coalesce(m.sig, '') <> row.sentSig
  SET m.supersededAt = $now
}
WITH r, row
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
