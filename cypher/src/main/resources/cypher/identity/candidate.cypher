// One match candidate with its record, the record's person and the candidate person; whether each
// person holds an anchored record (one that gives the person its id).
MATCH (m:MatchCandidate {id: $id})
MATCH (m)-[:OF_RECORD]->(r:SourceRecord)-[:RECORD_OF]->(own:Person)
MATCH (m)-[:MAYBE]->(p:Person)
RETURN m, r, own, p,
       EXISTS { MATCH (:SourceRecord {anchored: true})-[:RECORD_OF]->(own) } AS ownAnchored,
       EXISTS { MATCH (:SourceRecord {anchored: true})-[:RECORD_OF]->(p) } AS personAnchored
