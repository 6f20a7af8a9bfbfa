// The family whose changes a meeting hears about: the FAMILY scope of agencyInvolvement (parents,
// siblings of every kind, partners, children, with relationships begun by $asOf), and everyone who
// shared a home with one of them at some time from $since to $asOf (both days included), so that
// someone who left the household in the window is in it. Nobody in $excluded is in it, nor is their
// household taken in through them (a hidden newborn, for a reader, before the month after their
// birth: their home would otherwise bring in its people from the birth day).
MATCH (s:Person {id: $id})
WITH s, COLLECT {
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
     } AS relatives
WITH [x IN relatives WHERE x <> s AND NOT x.id IN $excluded] + [s] AS core
WITH core, COLLECT {
       UNWIND core AS member
       MATCH (member)-[l1:LIVES_AT]->(:Address)<-[l2:LIVES_AT]-(o:Person)
       WHERE (l1.from IS NULL OR l1.from <= $asOf) AND (l1.to IS NULL OR l1.to >= $since)
         AND (l2.from IS NULL OR l2.from <= $asOf) AND (l2.to IS NULL OR l2.to >= $since)
         AND (l1.from IS NULL OR l2.to IS NULL OR l1.from <= l2.to)
         AND (l2.from IS NULL OR l1.to IS NULL OR l2.from <= l1.to)
       RETURN DISTINCT o
     } AS household
UNWIND core + household AS p
WITH DISTINCT p
WHERE NOT p.id IN $excluded
RETURN p.id AS id, p.dateOfBirth AS dateOfBirth
