// Partnerships between any two of the given people (for step-sibling derivation).
UNWIND $ids AS id
MATCH (a:Person {id: id})-[r:PARTNER_OF]-(b:Person)
WHERE b.id IN $ids AND a.id < b.id
RETURN DISTINCT a.id AS a, b.id AS b, r.from AS from
