// Rule 10 for the people given (index seeks on their ids): those with a child protection plan current
// on asOf and no NHS number, as risk/rule-10.
UNWIND $ids AS id
MATCH (p:Person {id: id})<-[:ON]-(m:Marker {type: 'CHILD_PROTECTION_PLAN'})
WHERE (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
  AND (p.nhsNumber IS NULL OR trim(p.nhsNumber) = '')
RETURN p, m.id AS markerId, m.from AS since
ORDER BY p.id, m.id
