// Identity resolution: a version of a record that a pending CHANGED_SINCE_LINKED question already holds
// (same signature), sent again: the fields the engine does not compare (a date of death, a case number)
// it gives now wait with it on the question, to be applied with the version when a steward keeps it or
// splits it off (review 98: written to the record at once, a disputed version's date of death reached
// the person). A null removes the one held. So too for a version a steward set aside that still stands
// (SET_ASIDE, wasSig): nothing of it is applied, but a steward who reopens it keeps what was sent last.
// A steward who kept the version or split it off after the import read the question made it the
// record's (the record's signature is the version's now): what is sent with it is then the record's, as
// for a record sent as stored, and its person takes it (returned, for identity/refresh-person; a
// carried-over leftover: it was written to a question already decided, and lost).
UNWIND $versions AS v
MATCH (r:SourceRecord {key: v.key})
USING INDEX SEEK r:SourceRecord(key)
CALL (r, v) {
  OPTIONAL MATCH (r)<-[:OF_RECORD]-(m {reason: 'CHANGED_SINCE_LINKED'})
  WHERE m.sig = v.sig
    AND (m.status = 'PENDING' OR (m.status = 'SET_ASIDE' AND m.wasSig = r.sig AND m.supersededAt IS NULL
         AND EXISTS { (r)-[:RECORD_OF]->(:Person {id: m.wasPerson}) }))
  FOREACH (q IN CASE WHEN m IS NULL THEN [] ELSE [m] END | SET q += v.fields)
  RETURN head(collect(m.status)) AS status
}
CALL (r, v) {
  WITH r, v WHERE r.sig = v.sig
  SET r += v.recordFields
}
// the question the version now waits on (PENDING, SET_ASIDE; none when a steward closed it meanwhile), or
// applied: for the import's answer (review 104: it said "waits" of a question a split had closed)
RETURN v.localId AS localId, r.sig = v.sig AS applied, status, [(r)-[:RECORD_OF]->(p:Person) | p.id][0] AS person
