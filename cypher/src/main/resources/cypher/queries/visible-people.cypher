// Need-to-know (DESIGN §7): which of the given people ($ids) the user may see, and on what ground.
// It is judged on $today (never on a query's as-of date) and starts from the people asked about
// (index seeks on Person.id, then their own small neighbourhood; never a scan of the area).
//
// An agency ($agency) has a relationship with a person r when one of its professionals is involved
// with r (an involvement that ended on or after $involvementEndedOnOrAfter still counts), when it
// attended or was invited to a meeting concerning r, or when it referred r from its own systems
// (the referral's source is the agency). A meeting chair ($chair) has one with everyone concerned by
// a meeting their agency attended or was invited to. Records written through the API
// (recordedVia set) never make a relationship.
//
// A relationship with r lets the user see r's circle: r, their parents, siblings of every kind,
// partners, children and current household. When $wide (children's social care, police, meeting
// chairs) and r is a child today, it lets them see r's wider network too: parents' partners (within
// r's life), everyone who ever lived at an address at the same time as r, contacts, and the
// children of all of those. The query walks these links backwards from each person p asked about
// ("whose circle or network holds p?") and keeps p when one of those people is related.
//
// A running break-glass grant of this user and agency on r lets them see r's circle (never the
// wider network); the grant's purpose and reason go to the audit log.
CALL () {
  MATCH (g:BreakGlass {user: $user})
  WHERE g.agency = $agency AND g.from <= $now AND g.until > $now
  RETURN collect(g) AS grants
}
UNWIND $ids AS id
MATCH (p:Person {id: id})
CALL (p) {
  // p is in r's circle
  RETURN p AS r, false AS wide
  UNION
  MATCH (p)-[x:PARENT_OF|PARTNER_OF|SIBLING_OF]-(r:Person)
  WHERE x.from IS NULL OR x.from <= $today
  RETURN r, false AS wide
  UNION
  MATCH (p)<-[:PARENT_OF]-(:Person)-[:PARENT_OF]->(r:Person)
  WHERE r <> p
  RETURN r, false AS wide
  UNION
  MATCH (p)<-[:PARENT_OF]-(:Person)-[pt:PARTNER_OF]-(:Person)-[:PARENT_OF]->(r:Person)
  WHERE r <> p AND (pt.from IS NULL OR pt.from <= $today)
  RETURN r, false AS wide
  UNION
  MATCH (p)-[l1:LIVES_AT]->(:Address)<-[l2:LIVES_AT]-(r:Person)
  WHERE r <> p AND (l1.from IS NULL OR l1.from <= $today) AND (l1.to IS NULL OR l1.to >= $today)
    AND (l2.from IS NULL OR l2.from <= $today) AND (l2.to IS NULL OR l2.to >= $today)
  RETURN r, false AS wide
  UNION
  // p is in child r's wider network: as r's parent, parent's partner, sibling, co-resident or
  // contact (y = p), or as the child of one of those (y = a parent of p)
  WITH p WHERE $wide
  UNWIND [p] + COLLECT { MATCH (p)<-[:PARENT_OF]-(x:Person) RETURN x } AS y
  CALL (y) {
    RETURN y AS r
    UNION
    MATCH (y)-[:PARENT_OF]->(r:Person)
    RETURN r
    UNION
    MATCH (y)-[pt:PARTNER_OF]-(:Person)-[:PARENT_OF]->(r:Person)
    WHERE r <> y AND (pt.from IS NULL OR pt.from <= $today)
      AND (pt.to IS NULL OR r.dateOfBirth IS NULL OR pt.to >= r.dateOfBirth)
    RETURN r
    UNION
    MATCH (y)-[:SIBLING_OF]-(r:Person)
    RETURN r
    UNION
    MATCH (y)<-[:PARENT_OF]-(:Person)-[:PARENT_OF]->(r:Person)
    RETURN r
    UNION
    MATCH (y)<-[:PARENT_OF]-(:Person)-[pt:PARTNER_OF]-(:Person)-[:PARENT_OF]->(r:Person)
    WHERE pt.from IS NULL OR pt.from <= $today
    RETURN r
    UNION
    MATCH (y)-[l1:LIVES_AT]->(:Address)<-[l2:LIVES_AT]-(r:Person)
    WHERE (l1.from IS NULL OR l1.from <= $today) AND (l2.from IS NULL OR l2.from <= $today)
      AND (l1.from IS NULL OR l2.to IS NULL OR l1.from <= l2.to)
      AND (l2.from IS NULL OR l1.to IS NULL OR l2.from <= l1.to)
    RETURN r
    UNION
    MATCH (y)-[h:HAS_CONTACT_WITH]-(r:Person)
    WHERE h.from IS NULL OR h.from <= $today
    RETURN r
  }
  RETURN r, true AS wide
}
// each candidate r is judged once, however many of the people asked about it stands for
WITH grants, r, collect({id: p.id, wide: wide}) AS asked
WITH r, asked,
     CASE WHEN $chair THEN
       EXISTS { MATCH (r)<-[:CONCERNS]-(m:Meeting)<-[a:ATTENDED]-(:Agency {id: $agency})
                WHERE (a.invited OR a.attended) AND m.recordedVia IS NULL AND a.recordedVia IS NULL
                  AND (m.heldOn IS NULL OR m.heldOn <= $today) }
     ELSE
       EXISTS { MATCH (r)<-[i:INVOLVED_WITH]-(:Professional)-[:WORKS_FOR]->(:Agency {id: $agency})
                WHERE (i.from IS NULL OR i.from <= $today)
                  AND (i.to IS NULL OR i.to >= $involvementEndedOnOrAfter) }
       OR EXISTS { MATCH (r)<-[:CONCERNS]-(m:Meeting)<-[a:ATTENDED]-(:Agency {id: $agency})
                   WHERE (a.invited OR a.attended) AND m.recordedVia IS NULL AND a.recordedVia IS NULL
                     AND (m.heldOn IS NULL OR m.heldOn <= $today) }
       OR EXISTS { MATCH (r)<-[:ABOUT]-(ref:Referral)-[:FROM]->(:Agency {id: $agency})
                   WHERE ref.source = $agency AND ref.recordedVia IS NULL AND ref.receivedAt <= $now }
     END AS related,
     [g IN grants WHERE g.subjectId = r.id] AS granted,
     r.dateOfBirth IS NOT NULL AND r.dateOfBirth <= $today AND r.dateOfBirth + duration('P18Y') > $today
       AND (r.deceasedOn IS NULL OR r.deceasedOn > $today) AS child
WHERE related OR size(granted) > 0
UNWIND asked AS a
WITH a, related AND (NOT a.wide OR child) AS byRelationship, CASE WHEN a.wide THEN [] ELSE granted END AS grants
WHERE byRelationship OR size(grants) > 0
WITH a.id AS id, collect(byRelationship) AS grounds, collect(grants) AS grantLists
RETURN id, any(x IN grounds WHERE x) AS related,
       [g IN reduce(all = [], l IN grantLists | all + l) |
         {id: g.id, purpose: g.purpose, reason: g.reason, until: g.until}] AS grants
