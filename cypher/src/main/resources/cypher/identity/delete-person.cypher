// Deletes a person merged into another (nothing is attached to it any more).
MATCH (p:Person {id: $id})
WHERE NOT EXISTS { (p)--() }
DELETE p
