// Rule 10, the whole area: people with a child protection plan current on asOf and no NHS number.
MATCH (m:Marker {type: 'CHILD_PROTECTION_PLAN'})-[:ON]->(p:Person)
WHERE (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
  AND (p.nhsNumber IS NULL OR trim(p.nhsNumber) = '')
RETURN p, m.id AS markerId, m.from AS since
ORDER BY p.id, m.id
