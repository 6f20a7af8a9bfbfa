// Rule 7 for the people given (index seeks on their ids): the strategy meetings held in the year up
// to asOf that concerned one of them, as risk/rule-07.
UNWIND $ids AS id
MATCH (:Person {id: id})<-[:CONCERNS]-(m:Meeting {kind: 'STRATEGY'})
WHERE m.heldOn <= $asOf AND m.heldOn > $asOf - duration('P12M')
WITH DISTINCT m
RETURN m,
       COLLECT { MATCH (a:Agency)-[x:ATTENDED]->(m) WHERE x.attended RETURN DISTINCT a.type } AS present,
       COLLECT { MATCH (m)-[:CONCERNS]->(p:Person) WITH p ORDER BY p.id
                 RETURN {id: p.id, name: trim(coalesce(p.givenName, '') + ' ' + coalesce(p.familyName, ''))} } AS people
ORDER BY m.heldOn, m.id
