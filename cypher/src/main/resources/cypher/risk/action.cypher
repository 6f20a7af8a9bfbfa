// One agreed action with its owner agency, its meeting's day and the people it is for.
MATCH (m:Meeting)-[:AGREED]->(ac:Action {id: $id})
OPTIONAL MATCH (ac)-[:OWNED_BY]->(owner:Agency)
RETURN ac.id AS id, owner.id AS owner, m.heldOn AS heldOn,
       COLLECT { MATCH (ac)-[:FOR]->(p:Person) RETURN p.id } AS people
