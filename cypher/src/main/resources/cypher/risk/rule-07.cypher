// Rule 7: strategy meetings held in the year up to asOf, with the types of the agencies that attended,
// those invited but absent, and the people concerned.
MATCH (m:Meeting {kind: 'STRATEGY'})
WHERE m.heldOn <= $asOf AND m.heldOn > $asOf - duration('P12M')
  AND ($ids IS NULL OR EXISTS { MATCH (m)-[:CONCERNS]->(p:Person) WHERE p.id IN $ids })
RETURN m,
       COLLECT { MATCH (a:Agency)-[x:ATTENDED]->(m) WHERE x.attended RETURN DISTINCT a.type } AS present,
       COLLECT { MATCH (m)-[:CONCERNS]->(p:Person)
                 RETURN {id: p.id, name: trim(coalesce(p.givenName, '') + ' ' + coalesce(p.familyName, ''))} } AS people
