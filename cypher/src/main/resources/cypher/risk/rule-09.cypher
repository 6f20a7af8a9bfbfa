// Rule 9: missing episodes of the year up to asOf, with the return home interviews of the person
// held from the start of the episode on.
MATCH (e:Event {kind: 'MISSING_EPISODE'})-[:INVOLVES]->(p:Person)
WHERE e.occurredAt >= $windowStart AND e.occurredAt < $windowEnd AND ($ids IS NULL OR p.id IN $ids)
RETURN e, p,
       COLLECT { MATCH (p)<-[:INVOLVES]-(r:Event {kind: 'RETURN_HOME_INTERVIEW'})
                 WHERE r.occurredAt >= e.occurredAt RETURN r ORDER BY r.occurredAt } AS interviews
