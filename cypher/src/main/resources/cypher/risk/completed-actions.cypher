// Actions agreed at meetings held on or before asOf and completed from $from to asOf (by an agency's
// own records or through the explorer), optionally of one owner agency, latest completed first; with
// the people they are for and the ids of the people the meeting concerned (need-to-know decides on
// them when an action is for nobody).
MATCH (ac:Action)
WHERE ac.completedOn >= $from AND ac.completedOn <= $asOf
MATCH (m:Meeting)-[:AGREED]->(ac)
WHERE m.heldOn <= $asOf
OPTIONAL MATCH (ac)-[:OWNED_BY]->(owner:Agency)
WITH ac, m, owner
WHERE $agency IS NULL OR owner.id = $agency
RETURN ac, m, owner,
       COLLECT { MATCH (ac)-[:FOR]->(p:Person) RETURN p ORDER BY p.dateOfBirth, p.id } AS people,
       COLLECT { MATCH (m)-[:CONCERNS]->(c:Person) RETURN c.id } AS concerned
ORDER BY ac.completedOn DESC, ac.dueOn, ac.id
