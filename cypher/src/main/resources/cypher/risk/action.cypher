// One action agreed at a meeting, with its meeting, owner agency and the people it is for.
MATCH (m:Meeting)-[:AGREED]->(ac:Action {id: $id})
OPTIONAL MATCH (ac)-[:OWNED_BY]->(owner:Agency)
RETURN ac, m, owner, COLLECT { MATCH (ac)-[:FOR]->(p:Person) RETURN p ORDER BY p.dateOfBirth, p.id } AS people
