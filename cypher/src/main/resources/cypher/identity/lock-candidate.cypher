// Before a steward's decision is written: takes the candidate's write lock (held to the end of the
// transaction), so that two decisions on one candidate are written one after the other, and says
// where it stands now: its status, the record's person and the person it might be, and whether a
// steward kept the two people apart (any record of either declared not the other person).
MATCH (m:MatchCandidate {id: $id})
SET m.locked = true
REMOVE m.locked
WITH m,
     [(m)-[:OF_RECORD]->(:SourceRecord)-[:RECORD_OF]->(p:Person) | p][0] AS own,
     [(m)-[:MAYBE]->(p:Person) | p][0] AS person
RETURN m.status AS status,
       own.id AS own,
       person.id AS person,
       own IS NOT NULL AND person IS NOT NULL AND (
         EXISTS { MATCH (x:SourceRecord)-[:RECORD_OF]->(own) WHERE EXISTS { (x)-[:NOT_SAME_AS]->(person) } }
         OR EXISTS { MATCH (y:SourceRecord)-[:RECORD_OF]->(person) WHERE EXISTS { (y)-[:NOT_SAME_AS]->(own) } }
       ) AS keptApart
