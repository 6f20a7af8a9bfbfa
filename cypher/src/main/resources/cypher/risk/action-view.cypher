// One action as the API shows it: with its meeting, owner and the people it is for.
MATCH (m:Meeting)-[:AGREED]->(ac:Action {id: $id})
OPTIONAL MATCH (ac)-[:OWNED_BY]->(owner:Agency)
RETURN ac, m, owner, COLLECT { MATCH (ac)-[:FOR]->(p:Person) RETURN p ORDER BY p.dateOfBirth, p.id } AS people
