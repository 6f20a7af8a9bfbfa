// Need-to-know of a meeting chair: every person concerned by a multi-agency meeting held on or
// before asOf, and their family (parents, siblings of every kind, partners, children) and household.
UNWIND $ids AS id
MATCH (p:Person {id: id})
WITH p, [p] + COLLECT {
    MATCH (p)-[r:PARENT_OF|PARTNER_OF|SIBLING_OF]-(x:Person) WHERE r.from IS NULL OR r.from <= $asOf RETURN x
    UNION
    MATCH (p)<-[:PARENT_OF]-(:Person)-[:PARENT_OF]->(x:Person) RETURN x
    UNION
    MATCH (p)<-[:PARENT_OF]-(:Person)-[pt:PARTNER_OF]-(:Person)-[:PARENT_OF]->(x:Person)
    WHERE pt.from IS NULL OR pt.from <= $asOf RETURN x
    UNION
    MATCH (p)-[l1:LIVES_AT]->(:Address)<-[l2:LIVES_AT]-(x:Person)
    WHERE (l1.from IS NULL OR l1.from <= $asOf) AND (l1.to IS NULL OR l1.to >= $asOf)
      AND (l2.from IS NULL OR l2.from <= $asOf) AND (l2.to IS NULL OR l2.to >= $asOf)
    RETURN x
  } AS circle
WHERE any(x IN circle WHERE EXISTS { MATCH (x)<-[:CONCERNS]-(m:Meeting) WHERE m.heldOn <= $asOf })
RETURN p.id AS id
