// The triage queue's context: referrals received in the window, each with what the score reads
// from the graph around the child on asOf. The markers of the child's address come with their type,
// source and the address's kind, so that offender detail can be told as restricted, never by its id.
MATCH (r:Referral)
WHERE r.receivedAt >= $windowStart AND r.receivedAt < $windowEnd
MATCH (r)-[:ABOUT]->(p:Person)
OPTIONAL MATCH (r)-[:FROM]->(ag:Agency)
RETURN r, p, ag,
  COLLECT { MATCH (p)-[l1:LIVES_AT]->(:Address)<-[l2:LIVES_AT]-(o:Person)<-[:ON]-(m:Marker {type: 'REGISTERED_SEX_OFFENDER'})
            WHERE o <> p AND (l1.from IS NULL OR l1.from <= $asOf) AND (l1.to IS NULL OR l1.to >= $asOf)
              AND (l2.from IS NULL OR l2.from <= $asOf) AND (l2.to IS NULL OR l2.to >= $asOf)
              AND (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
            RETURN DISTINCT o.id } AS rsoHousehold,
  COLLECT { MATCH (p)-[h:HAS_CONTACT_WITH]-(o:Person)<-[:ON]-(m:Marker {type: 'REGISTERED_SEX_OFFENDER'})
            WHERE (h.from IS NULL OR h.from <= $asOf) AND (h.to IS NULL OR h.to >= $asOf)
              AND (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
            RETURN o.id AS id
            UNION
            MATCH (p)<-[:PARENT_OF]-(:Person)-[pt:PARTNER_OF]-(o:Person)<-[:ON]-(m:Marker {type: 'REGISTERED_SEX_OFFENDER'})
            WHERE (pt.from IS NULL OR pt.from <= $asOf) AND (pt.to IS NULL OR pt.to >= $asOf)
              AND (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
            RETURN o.id AS id } AS rsoContact,
  COLLECT { MATCH (p)<-[:ABOUT]-(prior:Referral)
            WHERE prior.receivedAt < r.receivedAt AND prior.receivedAt >= r.receivedAt - duration('P12M')
            RETURN prior.id } AS priorReferrals,
  EXISTS { MATCH (p)<-[:ON]-(m:Marker {type: 'CHILD_PROTECTION_PLAN'})
           WHERE (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf) } AS onPlan,
  COLLECT { MATCH (p)-[l:LIVES_AT]->(a:Address)<-[:ON]-(m:Marker)
            WHERE (l.from IS NULL OR l.from <= $asOf) AND (l.to IS NULL OR l.to >= $asOf)
              AND (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
            RETURN m {.id, .type, .source, addressKind: a.kind} } AS addressMarkers,
  EXISTS { MATCH (p)<-[i:INVOLVED_WITH]-(:Professional)-[:WORKS_FOR]->(:Agency {type: 'POLICE'})
           WHERE (i.from IS NULL OR i.from <= $asOf) AND (i.to IS NULL OR i.to >= $asOf) }
    OR EXISTS { MATCH (p)<-[:ABOUT]-(x:Referral)-[:FROM]->(:Agency {type: 'POLICE'}) WHERE date(x.receivedAt) <= $asOf }
    AS policeInformation
ORDER BY r.receivedAt
