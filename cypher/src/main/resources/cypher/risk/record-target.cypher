// What a marker being recorded is on: a person, an address (with everyone who ever lived there,
// through whom need-to-know decides whether the user may know of it), or nothing known.
OPTIONAL MATCH (p:Person {id: $id})
OPTIONAL MATCH (a:Address {id: $id})
RETURN p IS NOT NULL AS person, a IS NOT NULL AS address, a.kind AS addressKind,
       COLLECT { MATCH (a)<-[:LIVES_AT]-(r:Person) RETURN DISTINCT r.id } AS residents
