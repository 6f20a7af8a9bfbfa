// Rule 9 for the people given (index seeks on their ids): their missing episodes of the window up to
// asOf, with their return home interviews held from the start of each episode on, as risk/rule-09.
UNWIND $ids AS id
MATCH (p:Person {id: id})<-[:INVOLVES]-(e:Event {kind: 'MISSING_EPISODE'})
WHERE e.occurredAt >= $windowStart AND e.occurredAt < $windowEnd
RETURN e, p,
       COLLECT { MATCH (p)<-[:INVOLVES]-(r:Event {kind: 'RETURN_HOME_INTERVIEW'})
                 WHERE r.occurredAt >= e.occurredAt RETURN r ORDER BY r.occurredAt } AS interviews
ORDER BY p.id, e.occurredAt, e.id
