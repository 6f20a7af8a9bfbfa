// Rule 8 for the people given (index seeks on their ids): the actions for one of them that are
// overdue on asOf, as risk/overdue-actions (agreed at a meeting held on or before asOf, due before
// asOf, not completed by then), with the same columns.
UNWIND $ids AS id
MATCH (:Person {id: id})<-[:FOR]-(ac:Action)
WHERE ac.dueOn < $asOf AND (ac.completedOn IS NULL OR ac.completedOn > $asOf)
WITH DISTINCT ac
MATCH (m:Meeting)-[:AGREED]->(ac)
WHERE m.heldOn <= $asOf
OPTIONAL MATCH (ac)-[:OWNED_BY]->(owner:Agency)
RETURN ac, m, owner,
       COLLECT { MATCH (ac)-[:FOR]->(p:Person) RETURN p ORDER BY p.dateOfBirth, p.id } AS people,
       COLLECT { MATCH (m)-[:CONCERNS]->(c:Person) RETURN c.id } AS concerned
ORDER BY ac.dueOn, ac.id
