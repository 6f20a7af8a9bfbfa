// Everything siblingsAtRisk needs about each subject, as one row per subject: its parent links,
// when the concern began, and every candidate child found by each kind of link (filtered to
// children and classified in graph-model's SiblingKinds, so the rule lives in one place).
UNWIND $ids AS id
MATCH (s:Person {id: id})
RETURN s,
  COLLECT { MATCH (par:Person)-[pl:PARENT_OF]->(s) WHERE pl.from IS NULL OR pl.from <= $asOf
            RETURN {id: par.id, kind: pl.kind, from: pl.from} } AS subjectParents,
  COLLECT { MATCH (s)<-[:ON]-(m:Marker)
            WHERE m.type IN ['REGISTERED_SEX_OFFENDER', 'MAPPA', 'HARMFUL_SEXUAL_BEHAVIOUR', 'CSA_VICTIM']
              AND (m.from IS NULL OR m.from <= $asOf)
            RETURN {on: m.from} } AS concernMarkers,
  COLLECT { MATCH (s)<-[:ABOUT]-(r:Referral)
            WHERE r.concern IN ['SEXUAL_ABUSE', 'HSB'] AND date(coalesce(r.incidentAt, r.receivedAt)) <= $asOf
            RETURN date(coalesce(r.incidentAt, r.receivedAt)) } AS concernReferrals,
  COLLECT { MATCH (s)<-[p1:PARENT_OF]-(:Person)-[p2:PARENT_OF]->(c:Person)
            WHERE c <> s AND (p1.from IS NULL OR p1.from <= $asOf) AND (p2.from IS NULL OR p2.from <= $asOf)
            RETURN DISTINCT c.id } AS viaParents,
  COLLECT { MATCH (s)<-[p1:PARENT_OF]-(:Person)-[pt:PARTNER_OF]-(:Person)-[p2:PARENT_OF]->(c:Person)
            WHERE c <> s AND (pt.from IS NULL OR pt.from <= $asOf)
              AND (p1.from IS NULL OR p1.from <= $asOf) AND (p2.from IS NULL OR p2.from <= $asOf)
            RETURN DISTINCT c.id } AS viaParentPartners,
  COLLECT { MATCH (s)-[r:SIBLING_OF]-(c:Person) WHERE r.from IS NULL OR r.from <= $asOf
            RETURN {id: c.id, kind: r.kind} } AS explicitSiblings,
  COLLECT { MATCH (s)-[r:PARENT_OF]->(c:Person) WHERE r.from IS NULL OR r.from <= $asOf
            RETURN DISTINCT c.id } AS children,
  COLLECT { MATCH (s)-[pt:PARTNER_OF]-(partner:Person)-[r:PARENT_OF]->(c:Person)
            WHERE c <> s AND (pt.from IS NULL OR pt.from <= $asOf) AND (r.from IS NULL OR r.from <= $asOf)
              AND NOT EXISTS { (s)-[:PARENT_OF]->(c) }
            RETURN DISTINCT {id: c.id, via: partner.id} } AS stepchildren,
  COLLECT { MATCH (s)-[l1:LIVES_AT]->(a:Address)<-[l2:LIVES_AT]-(c:Person)
            WHERE c <> s
              AND (l1.from IS NULL OR l2.to IS NULL OR l1.from <= l2.to)
              AND (l2.from IS NULL OR l1.to IS NULL OR l2.from <= l1.to)
            RETURN DISTINCT {id: c.id, address: a.id, from1: l1.from, to1: l1.to, from2: l2.from, to2: l2.to} }
            AS coResidence,
  COLLECT { MATCH (s)-[h:HAS_CONTACT_WITH]-(c:Person) WHERE h.from IS NULL OR h.from <= $asOf
            RETURN {id: c.id, from: h.from, to: h.to} } AS contacts
