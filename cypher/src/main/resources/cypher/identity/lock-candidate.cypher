// Before a steward's decision is written: takes the candidate's write lock (held to the end of the
// transaction), so that two decisions on one candidate are written one after the other; where it
// stands is then read again with identity/candidate, the statement the decision was checked with.
MATCH (m:MatchCandidate {id: $id})
SET m.locked = true
REMOVE m.locked
RETURN m.id AS id
