// Rule 4 for the people given (index seeks on their ids), the subjects: the children of their family
// circle on asOf (parents, siblings of every kind, partners, children, and the current households of
// all of them, as queries/family-circle with scope FAMILY) who are victims of child sexual abuse or
// have harmful sexual behaviour (as risk/rule-04). The Java side keeps the flags of the people given.
UNWIND $ids AS id
MATCH (x:Person {id: id})
WITH x, COLLECT {
       MATCH (x)<-[r:PARENT_OF]-(p:Person) WHERE r.from IS NULL OR r.from <= $asOf RETURN p
       UNION
       MATCH (x)<-[r1:PARENT_OF]-(:Person)-[r2:PARENT_OF]->(p:Person)
       WHERE (r1.from IS NULL OR r1.from <= $asOf) AND (r2.from IS NULL OR r2.from <= $asOf) RETURN p
       UNION
       MATCH (x)<-[:PARENT_OF]-(:Person)-[pt:PARTNER_OF]-(:Person)-[:PARENT_OF]->(p:Person)
       WHERE pt.from IS NULL OR pt.from <= $asOf RETURN p
       UNION
       MATCH (x)-[r:SIBLING_OF]-(p:Person) WHERE r.from IS NULL OR r.from <= $asOf RETURN p
       UNION
       MATCH (x)-[r:PARTNER_OF]-(p:Person) WHERE r.from IS NULL OR r.from <= $asOf RETURN p
       UNION
       MATCH (x)-[r:PARENT_OF]->(p:Person) WHERE r.from IS NULL OR r.from <= $asOf RETURN p
     } AS relatives
WITH [r IN relatives WHERE r <> x] + [x] AS core
WITH core, COLLECT {
       UNWIND core AS member
       MATCH (member)-[l1:LIVES_AT]->(:Address)<-[l2:LIVES_AT]-(o:Person)
       WHERE (l1.from IS NULL OR l1.from <= $asOf) AND (l1.to IS NULL OR l1.to >= $asOf)
         AND (l2.from IS NULL OR l2.from <= $asOf) AND (l2.to IS NULL OR l2.to >= $asOf)
       RETURN DISTINCT o
     } AS household
UNWIND core + household AS s
WITH DISTINCT s
WHERE s.dateOfBirth > $asOf - duration('P18Y')
WITH s, COLLECT {
       MATCH (s)<-[:ON]-(m:Marker)
       WHERE m.type IN ['CSA_VICTIM', 'HARMFUL_SEXUAL_BEHAVIOUR']
         AND (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
       RETURN m.type AS why
       UNION
       MATCH (s)<-[:ABOUT]-(r:Referral {concern: 'HSB'})
       WHERE r.receivedAt >= $windowStart AND r.receivedAt < $windowEnd
       RETURN 'HARMFUL_SEXUAL_BEHAVIOUR' AS why
     } AS whys
WHERE size(whys) > 0
RETURN s, whys
ORDER BY s.id
