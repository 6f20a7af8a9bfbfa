// Before a steward's decision is written: takes the write locks of the candidate, then of the record's
// person and of the person it might be (held to the end of the transaction), so that two decisions on
// one candidate are written one after the other, and an import adding a record to either person
// (review 92: one with another NHS number, while a SAME was checked) lands before or after the
// decision, never between its checks and its write; where it stands is then read again with
// identity/candidate, the statement the decision was checked with.
MATCH (m:MatchCandidate {id: $id})
SET m.locked = true
REMOVE m.locked
WITH m
CALL (m) {
  MATCH (m)-[:OF_RECORD]->(:SourceRecord)-[:RECORD_OF]->(own:Person)
  SET own.locked = true
  REMOVE own.locked
}
CALL (m) {
  MATCH (m)-[:MAYBE]->(p:Person)
  SET p.locked = true
  REMOVE p.locked
}
RETURN m.id AS id
