// Rule 9, the whole area: missing episodes of the window up to asOf, with the return home interviews
// of the person held from the start of the episode on.
MATCH (e:Event {kind: 'MISSING_EPISODE'})-[:INVOLVES]->(p:Person)
WHERE e.occurredAt >= $windowStart AND e.occurredAt < $windowEnd
RETURN e, p,
       COLLECT { MATCH (p)<-[:INVOLVES]-(r:Event {kind: 'RETURN_HOME_INTERVIEW'})
                 WHERE r.occurredAt >= e.occurredAt RETURN r ORDER BY r.occurredAt } AS interviews
ORDER BY p.id, e.occurredAt, e.id
