// Identity resolution, step 3: writes a batch of person records of agency extracts. A new record is
// linked to the person the engine chose (created when new, its fields then taken from the record;
// an existing person only gains the fields it lacked and the record's name for search); a record
// that already exists keeps its person and only its own fields are refreshed (none while a steward is
// asked about the version sent: row.fields null, the version is kept on the question). When its matching
// fields changed (row.changed), its earlier questions of that kind (CHANGED_SINCE_LINKED) close: the
// agency sent it again; and when the engine would still link it, its link's score and evidence are of
// what it now says (row.rechecked; a record that made its person, linked NEW, keeps no score), and a
// version a steward set aside that it no longer sends no longer stands.
// A record sent again with another version is written as the import weighed it only when no steward wrote
// between the import's read and this write ($stewardWrites: the steward's writes counted when the batch was
// read; identity/bump-generation). A steward's split, link, merge or decision meanwhile may have moved the
// record, or changed the records its person holds or who else gives its identifiers, which the weighing
// read (reviews 103 and 104: a version weighed with one person was written to a record on another, or gave
// two persons one NHS number): nothing of the version is then written and no question is asked or closed
// (stopped 'changed'; it is weighed again when the agency sends it next). A version a steward set aside
// meanwhile (a standing set-aside of the person the import read, which it did not read: row.keepsSent
// false) is stopped so too ('set aside'), what the engine does not compare then waiting on that question
// (row.waitingFields), as when read set aside. A record already as sent (its signature the version's) takes
// what it sends; after a steward's write its link's score is left as it is, and its person now is
// returned, to take its fields again. Stopped records are returned with why, for the import's answer.
OPTIONAL MATCH (g:IdentityGeneration {id: 'identity'})
WITH coalesce(g.stewardWrites, 0) <> coalesce($stewardWrites, coalesce(g.stewardWrites, 0)) AS stewardMeanwhile
UNWIND $rows AS row
MERGE (r:SourceRecord {source: row.source, localId: row.localId})
  ON CREATE SET r.key = row.key, r.linkedBy = row.linkedBy, r.score = row.score, r.evidence = row.evidence,
                r.comparedWith = row.comparedWith, r.linkedAt = $now, r.linkedSeq = row.seq,
                r.recordedAt = coalesce(row.recordedAt, $now)
// the steward's write and this one both move the identity generation on first, so this write reads what a
// steward's write committed before it (a session-48 leftover: the version was applied while its set-aside stood)
WITH r, row, stewardMeanwhile, coalesce(row.changed, false) AND r.sig <> row.sentSig
       AND NOT coalesce(row.keepsSent, false) AS weighed,
     [(r)<-[:OF_RECORD]-(m)-[:MAYBE]->(:Person {id: row.readPerson})
       WHERE coalesce(row.changed, false) AND NOT coalesce(row.keepsSent, false) AND m.status = 'SET_ASIDE'
         AND m.reason = 'CHANGED_SINCE_LINKED' AND m.supersededAt IS NULL AND m.sig = row.sentSig
         AND m.wasSig = r.sig AND m.wasPerson = row.readPerson | m] AS setAsideNow
WITH r, row, stewardMeanwhile, setAsideNow,
     CASE WHEN NOT weighed THEN null WHEN size(setAsideNow) > 0 THEN 'set aside' WHEN stewardMeanwhile THEN 'changed'
     END AS stopped
SET r += CASE WHEN stopped IS NOT NULL THEN {} ELSE coalesce(row.fields, {}) END
FOREACH (m IN CASE WHEN stopped = 'set aside' THEN setAsideNow ELSE [] END | SET m += coalesce(row.waitingFields, {}))
FOREACH (c IN CASE WHEN stopped IS NOT NULL OR stewardMeanwhile OR row.rechecked IS NULL OR r.linkedBy = 'NEW' THEN []
              ELSE [row.rechecked] END |
  SET r.score = c.score, r.evidence = c.evidence, r.checkedAt = $now)
WITH r, row, stopped, stewardMeanwhile AND coalesce(row.changed, false) AS refresh
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
WITH r, row, stopped, refresh
CALL (r, row, stopped) {
  // not for a version stopped (review 105: a set-aside the steward made meanwhile was superseded by it)
  WITH r, row, stopped WHERE row.changed = true AND stopped IS NULL
  // a version a steward set aside, the agency now sending another (row.sentSig), no longer stands
  MATCH (r)<-[:OF_RECORD]-(m)
  WHERE m.status = 'SET_ASIDE' AND m.supersededAt IS NULL AND coalesce(m.sig, '') <> row.sentSig
  SET m.supersededAt = $now
}
WITH r, row, stopped, refresh
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
WITH r, row, stopped, refresh
WHERE stopped IS NOT NULL OR refresh
RETURN row.localId AS localId, stopped, [(r)-[:RECORD_OF]->(q:Person) | q.id][0] AS person
