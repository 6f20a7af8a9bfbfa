// The declaration a DIFFERENT on a record its agency changed made, splitting the record off its person
// in this same write: tied to the candidate, so that reopening the decision takes it back (review 94).
// Only the declaration made now ($now); one an earlier split made stays for good (review 95).
MATCH (r:SourceRecord {source: $source, localId: $localId})-[n:NOT_SAME_AS]->(:Person {id: $from})
WHERE n.candidate IS NULL AND n.at = $now
SET n.candidate = $id
