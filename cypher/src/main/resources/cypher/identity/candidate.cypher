// One match candidate with its record, the record's person and the candidate person; whether each
// person holds an anchored record (one that gives the person its id); whether the records say the two
// people are parent and child or partners (then they are two people, whatever a steward decides);
// whether a steward kept the two people apart: any record of either declared not the other person
// (a DIFFERENT decision, a split or a record moved off by a link), for a SAME would merge them all;
// whether a record of each gives an NHS number and the two differ (two NHS numbers are two people).
MATCH (m:MatchCandidate {id: $id})
MATCH (m)-[:OF_RECORD]->(r:SourceRecord)-[:RECORD_OF]->(own:Person)
MATCH (m)-[:MAYBE]->(p:Person)
RETURN m, r, own, p,
       EXISTS { MATCH (:SourceRecord {anchored: true})-[:RECORD_OF]->(own) } AS ownAnchored,
       EXISTS { MATCH (:SourceRecord {anchored: true})-[:RECORD_OF]->(p) } AS personAnchored,
       own <> p AND EXISTS { MATCH (own)-[:PARENT_OF|PARTNER_OF]-(p) } AS related,
       EXISTS { MATCH (x:SourceRecord)-[:RECORD_OF]->(own) WHERE EXISTS { (x)-[:NOT_SAME_AS]->(p) } }
         OR EXISTS { MATCH (y:SourceRecord)-[:RECORD_OF]->(p) WHERE EXISTS { (y)-[:NOT_SAME_AS]->(own) } }
         AS declaredDifferent,
       own <> p AND EXISTS {
         MATCH (x:SourceRecord)-[:RECORD_OF]->(own), (y:SourceRecord)-[:RECORD_OF]->(p)
         WHERE x.nhsNumber IS NOT NULL AND y.nhsNumber IS NOT NULL AND x.nhsNumber <> y.nhsNumber
       } AS otherNhsNumber
