// One marker, with what it is on: the person (people), or the address (its kind, and everyone who
// ever lived there, through whom need-to-know decides whether the user may know of it), and the
// types of every marker the person ever carried (for the redaction policy).
MATCH (m:Marker {id: $id})-[:ON]->(x)
RETURN m, CASE WHEN x:Person THEN [x.id] ELSE [] END AS people,
       CASE WHEN x:Address THEN x.kind END AS addressKind,
       COLLECT { MATCH (x:Address)<-[:LIVES_AT]-(r:Person) RETURN DISTINCT r.id } AS residents,
       COLLECT { MATCH (x:Person)<-[:ON]-(o:Marker) RETURN DISTINCT o.type } AS everCarried
