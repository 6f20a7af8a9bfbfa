// Pending match candidates touching the given people: the person a record belongs to and the
// person it might be (for the network's POSSIBLY_SAME_AS edges and badges).
UNWIND $ids AS id
MATCH (p:Person {id: id})
CALL (p) {
  MATCH (p)<-[:RECORD_OF]-(:SourceRecord)<-[:OF_RECORD]-(m {status: 'PENDING'})-[:MAYBE]->(other:Person)
  RETURN m, p AS a, other AS b
  UNION
  MATCH (p)<-[:MAYBE]-(m {status: 'PENDING'})-[:OF_RECORD]->(:SourceRecord)-[:RECORD_OF]->(other:Person)
  RETURN m, other AS a, p AS b
}
// a record's question about its own person (CHANGED_SINCE_LINKED) is no possible duplicate
WITH m, a, b WHERE a <> b
RETURN DISTINCT m.id AS id, a.id AS a, b.id AS b, m.score AS score
