// Markers current on $asOf for a batch of people (one call per request, not per person).
UNWIND $ids AS id
MATCH (p:Person {id: id})<-[:ON]-(m:Marker)
WHERE (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
RETURN id, m
ORDER BY id, m.from, m.id
