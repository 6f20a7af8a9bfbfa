// Rule 10: people with a child protection plan current on asOf and no NHS number.
MATCH (m:Marker {type: 'CHILD_PROTECTION_PLAN'})-[:ON]->(p:Person)
WHERE (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
  AND (p.nhsNumber IS NULL OR trim(p.nhsNumber) = '') AND ($ids IS NULL OR p.id IN $ids)
RETURN p, m.id AS markerId, m.from AS since
