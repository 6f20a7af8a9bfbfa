// Need-to-know: which of the given people the user may see on asOf, and on what ground. Everyone
// is judged by their circle: themselves, their family (parents, siblings of every kind, partners,
// children) and their household (living at the same address now).
// - A practitioner's agency ($chair false) may see a person when one of its professionals is
//   currently involved with anyone in the circle, when it attended or was invited to a meeting
//   concerning the person, or when it referred them.
// - A meeting chair ($chair true) may see a person when anyone in the circle is concerned by a
//   meeting held on or before asOf.
// - Otherwise ($related false) a break-glass grant of this user and agency, current at $now, on
//   anyone in the circle lets them see the person; the grant's purpose and reason go to the audit.
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
WITH p, circle,
     ($chair AND any(x IN circle WHERE EXISTS { MATCH (x)<-[:CONCERNS]-(m:Meeting) WHERE m.heldOn <= $asOf }))
     OR (NOT $chair AND (
        any(x IN circle WHERE EXISTS {
          MATCH (x)<-[i:INVOLVED_WITH]-(:Professional)-[:WORKS_FOR]->(:Agency {id: $agency})
          WHERE (i.from IS NULL OR i.from <= $asOf) AND (i.to IS NULL OR i.to >= $asOf) })
        OR EXISTS { MATCH (p)<-[:CONCERNS]-(m:Meeting)<-[a:ATTENDED]-(:Agency {id: $agency})
                    WHERE (a.invited OR a.attended) AND m.heldOn <= $asOf }
        OR EXISTS { MATCH (p)<-[:ABOUT]-(r:Referral)-[:FROM]->(:Agency {id: $agency})
                    WHERE date(r.receivedAt) <= $asOf })) AS related
WITH p, related, CASE WHEN related THEN null ELSE head(COLLECT {
    UNWIND circle AS x
    MATCH (g:BreakGlass {subjectId: x.id})
    WHERE g.user = $user AND g.agency = $agency AND g.from <= $now AND g.until > $now
    RETURN g ORDER BY g.until DESC
  }) END AS grant
WHERE related OR grant IS NOT NULL
RETURN p.id AS id, related, grant.id AS grantId, grant.purpose AS purpose, grant.reason AS reason
