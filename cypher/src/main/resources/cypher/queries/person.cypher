// One person by id (no row when there is no such person).
MATCH (p:Person {id: $id})
RETURN p
