// One action agreed at a meeting, with its meeting, owner agency, the people it is for and the ids
// of the people the meeting concerned.
MATCH (m:Meeting)-[:AGREED]->(ac:Action {id: $id})
OPTIONAL MATCH (ac)-[:OWNED_BY]->(owner:Agency)
RETURN ac, m, owner, COLLECT { MATCH (ac)-[:FOR]->(p:Person) RETURN p ORDER BY p.dateOfBirth, p.id } AS people,
       COLLECT { MATCH (m)-[:CONCERNS]->(c:Person) RETURN c.id } AS concerned
