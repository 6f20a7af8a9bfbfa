// For each given candidate, the other pending candidates of its record (the other people the record
// might be), strongest first: a steward decides them together (a SAME closes the others).
UNWIND $ids AS id
MATCH (m:MatchCandidate {id: id})-[:OF_RECORD]->(r:SourceRecord)-[:RECORD_OF]->(own:Person)
MATCH (r)<-[:OF_RECORD]-(o {status: 'PENDING'})-[:MAYBE]->(p:Person)
WHERE o <> m
WITH id, o, r, own, p
ORDER BY o.score DESC, o.id
RETURN id, collect({m: o, r: r, own: own, p: p}) AS competing
