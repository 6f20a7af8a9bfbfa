// The people of a scope around the subject on asOf. HOUSEHOLD: everyone living at the subject's
// current address(es). FAMILY: parents, siblings of every kind (shared parent, a parent's partner,
// explicit), partners, children, and the households of all of them. Nobody in $excluded is in it,
// nor is their household taken in through them (a hidden newborn, for a reader, before the month
// after their birth: their home would otherwise bring in its people from the birth day).
MATCH (s:Person {id: $id})
WITH s, CASE WHEN $scope = 'FAMILY' THEN COLLECT {
       MATCH (s)<-[r:PARENT_OF]-(p:Person) WHERE r.from IS NULL OR r.from <= $asOf RETURN p
       UNION
       MATCH (s)<-[r1:PARENT_OF]-(:Person)-[r2:PARENT_OF]->(p:Person)
       WHERE (r1.from IS NULL OR r1.from <= $asOf) AND (r2.from IS NULL OR r2.from <= $asOf) RETURN p
       UNION
       MATCH (s)<-[:PARENT_OF]-(:Person)-[pt:PARTNER_OF]-(:Person)-[:PARENT_OF]->(p:Person)
       WHERE pt.from IS NULL OR pt.from <= $asOf RETURN p
       UNION
       MATCH (s)-[r:SIBLING_OF]-(p:Person) WHERE r.from IS NULL OR r.from <= $asOf RETURN p
       UNION
       MATCH (s)-[r:PARTNER_OF]-(p:Person) WHERE r.from IS NULL OR r.from <= $asOf RETURN p
       UNION
       MATCH (s)-[r:PARENT_OF]->(p:Person) WHERE r.from IS NULL OR r.from <= $asOf RETURN p
     } ELSE [] END AS relatives
WITH s, [x IN relatives WHERE x <> s AND NOT x.id IN $excluded] + [s] AS core
WITH s, core, CASE WHEN $scope = 'PERSON' THEN [] ELSE COLLECT {
       UNWIND core AS member
       MATCH (member)-[l1:LIVES_AT]->(:Address)<-[l2:LIVES_AT]-(o:Person)
       WHERE (l1.from IS NULL OR l1.from <= $asOf) AND (l1.to IS NULL OR l1.to >= $asOf)
         AND (l2.from IS NULL OR l2.from <= $asOf) AND (l2.to IS NULL OR l2.to >= $asOf)
       RETURN DISTINCT o
     } END AS household
// nobody not yet born on asOf (a parent's link to a child often has no start), except the subject
UNWIND core + household AS p
WITH DISTINCT s, p
WHERE p = s OR ((p.dateOfBirth IS NULL OR p.dateOfBirth <= $asOf) AND NOT p.id IN $excluded)
RETURN p.id AS id
