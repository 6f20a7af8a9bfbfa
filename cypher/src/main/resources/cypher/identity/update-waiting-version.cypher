// Identity resolution: a version of a record that a pending CHANGED_SINCE_LINKED question already holds
// (same signature), sent again: the fields the engine does not compare (a date of death, a case number)
// it gives now wait with it on the question, to be applied with the version when a steward keeps it or
// splits it off (review 98: written to the record at once, a disputed version's date of death reached
// the person). A null removes the one held.
UNWIND $versions AS v
MATCH (r:SourceRecord {key: v.key})<-[:OF_RECORD]-(m {status: 'PENDING', reason: 'CHANGED_SINCE_LINKED'})
USING INDEX SEEK r:SourceRecord(key)
WHERE m.sig = v.sig
SET m += v.fields
