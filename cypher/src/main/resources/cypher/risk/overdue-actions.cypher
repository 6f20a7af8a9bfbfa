// Actions agreed at meetings held on or before asOf, due before asOf and not completed by then
// (completed on the due day is on time), optionally of one owner agency; with the people they are
// for and the ids of the people the meeting concerned (need-to-know decides on them when an action
// is for nobody).
MATCH (ac:Action)
WHERE ac.dueOn < $asOf AND (ac.completedOn IS NULL OR ac.completedOn > $asOf)
MATCH (m:Meeting)-[:AGREED]->(ac)
WHERE m.heldOn <= $asOf
OPTIONAL MATCH (ac)-[:OWNED_BY]->(owner:Agency)
WITH ac, m, owner
WHERE $agency IS NULL OR owner.id = $agency
RETURN ac, m, owner,
       COLLECT { MATCH (ac)-[:FOR]->(p:Person) RETURN p ORDER BY p.dateOfBirth, p.id } AS people,
       COLLECT { MATCH (m)-[:CONCERNS]->(c:Person) RETURN c.id } AS concerned
ORDER BY ac.dueOn, ac.id
