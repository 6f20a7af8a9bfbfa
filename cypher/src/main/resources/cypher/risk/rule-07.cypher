// Rule 7, the whole area: strategy meetings held in the year up to asOf, with the types of the
// agencies that attended and the people concerned.
MATCH (m:Meeting {kind: 'STRATEGY'})
WHERE m.heldOn <= $asOf AND m.heldOn > $asOf - duration('P12M')
RETURN m,
       COLLECT { MATCH (a:Agency)-[x:ATTENDED]->(m) WHERE x.attended RETURN DISTINCT a.type } AS present,
       COLLECT { MATCH (m)-[:CONCERNS]->(p:Person) WITH p ORDER BY p.id
                 RETURN {id: p.id, name: trim(coalesce(p.givenName, '') + ' ' + coalesce(p.familyName, ''))} } AS people
ORDER BY m.heldOn, m.id
