// Before a steward's decision is written: takes the candidate's write lock (held to the end of the
// transaction), so that two decisions on one candidate are written one after the other, and says
// where it stands now: its status, the record's person and the person it might be.
MATCH (m:MatchCandidate {id: $id})
SET m.locked = true
REMOVE m.locked
RETURN m.status AS status,
       [(m)-[:OF_RECORD]->(:SourceRecord)-[:RECORD_OF]->(p:Person) | p.id][0] AS own,
       [(m)-[:MAYBE]->(p:Person) | p.id][0] AS person
