// Markers current on $asOf for a batch of people (one call per request, not per person): their own,
// then those of the addresses they live at on $asOf (derived: a police marker on an address is
// carried by everyone living there), with the kind of that address; and the types of every marker
// the person ever carried (whoever carried an offender type is an offender: the redaction policy
// treats police and probation records about them as offender detail).
UNWIND $ids AS id
MATCH (p:Person {id: id})
CALL (p) {
  MATCH (p)<-[:ON]-(m:Marker)
  WHERE (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
  RETURN m, null AS a
  UNION ALL
  MATCH (p)-[l:LIVES_AT]->(a:Address)<-[:ON]-(m:Marker)
  WHERE (l.from IS NULL OR l.from <= $asOf) AND (l.to IS NULL OR l.to >= $asOf)
    AND (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
  RETURN m, a
}
RETURN id, m, a, COLLECT { MATCH (p)<-[:ON]-(o:Marker) RETURN DISTINCT o.type } AS everCarried
ORDER BY id, a IS NOT NULL, m.from, m.id
