// Identity resolution: a version of a record that a pending CHANGED_SINCE_LINKED question already holds
// (same signature), sent again: the fields the engine does not compare (a date of death, a case number)
// it gives now wait with it on the question, to be applied with the version when a steward keeps it or
// splits it off (review 98: written to the record at once, a disputed version's date of death reached
// the person). A null removes the one held. So too for a version a steward set aside that still stands
// (SET_ASIDE, wasSig): nothing of it is applied, but a steward who reopens it keeps what was sent last.
// A steward who kept the version or split it off after the import read the question made it the
// record's (the record's signature is the version's now): what is sent with it is then the record's, as
// for a record sent as stored, and its person takes it (returned with the record, for
// identity/refresh-person and the import's answer; a carried-over leftover: it was written to a question
// already decided, and lost).
UNWIND $versions AS v
MATCH (r:SourceRecord {key: v.key})
USING INDEX SEEK r:SourceRecord(key)
CALL (r, v) {
  MATCH (r)<-[:OF_RECORD]-(m {reason: 'CHANGED_SINCE_LINKED'})
  WHERE m.sig = v.sig
    AND (m.status = 'PENDING' OR (m.status = 'SET_ASIDE' AND m.wasSig = r.sig AND m.supersededAt IS NULL
         AND EXISTS { (r)-[:RECORD_OF]->(:Person {id: m.wasPerson}) }))
  SET m += v.fields
}
WITH r, v
WHERE r.sig = v.sig
SET r += v.recordFields
WITH r, v
MATCH (r)-[:RECORD_OF]->(p:Person)
RETURN p.id AS person, v.localId AS localId
