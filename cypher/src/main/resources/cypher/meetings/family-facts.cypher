// The facts a family's changes are read from, for each person given: their own dates, every stay at
// an address (with the address and its markers that began or ended in the window), partnerships and
// contacts that began or ended in the window, markers, referrals received, assessments started or
// completed, meetings held, and agreed actions completed or falling due in it; with the types of
// every marker the person ever carried (for the redaction policy: whoever carried an offender type
// is an offender). One row per fact, its kind saying which.
UNWIND $ids AS id
MATCH (p:Person {id: id})
CALL (p) {
  RETURN 'PERSON' AS kind, {} AS data
  UNION ALL
  MATCH (p)-[l:LIVES_AT]->(a:Address)
  RETURN 'LIVES_AT' AS kind, {address: a {.id, .uprn, .line1, .line2, .town, .postcode, .kind}, from: l.from,
         to: l.to, source: l.source,
         markers: COLLECT { MATCH (a)<-[:ON]-(m:Marker)
                            WHERE (m.from >= $since AND m.from <= $asOf) OR (m.to >= $since AND m.to <= $asOf)
                            RETURN m {.id, .type, .from, .to, .detail, .mappaCategory, .mappaLevel, .source} }} AS data
  UNION ALL
  MATCH (p)-[r:PARTNER_OF]-(o:Person)
  WHERE (r.from >= $since AND r.from <= $asOf) OR (r.to >= $since AND r.to <= $asOf)
  RETURN 'PARTNER_OF' AS kind, {other: o {.*}, from: r.from, to: r.to, status: r.status} AS data
  UNION ALL
  MATCH (p)-[r:HAS_CONTACT_WITH]-(o:Person)
  WHERE (r.from >= $since AND r.from <= $asOf) OR (r.to >= $since AND r.to <= $asOf)
  RETURN 'HAS_CONTACT_WITH' AS kind, {other: o {.*}, from: r.from, to: r.to, nature: r.nature,
         outgoing: startNode(r) = p} AS data
  UNION ALL
  MATCH (p)<-[:ON]-(m:Marker)
  WHERE (m.from >= $since AND m.from <= $asOf) OR (m.to >= $since AND m.to <= $asOf)
  RETURN 'MARKER' AS kind, {marker: m {.id, .type, .from, .to, .detail, .mappaCategory, .mappaLevel, .source}} AS data
  UNION ALL
  MATCH (p)<-[:ABOUT]-(r:Referral)
  WHERE date(r.receivedAt) >= $since AND date(r.receivedAt) <= $asOf
  OPTIONAL MATCH (r)-[:FROM]->(ag:Agency)
  RETURN 'REFERRAL' AS kind, {id: r.id, day: date(r.receivedAt), concern: r.concern, urgency: r.urgency,
         agency: ag {.id, .name, .type}} AS data
  UNION ALL
  MATCH (p)<-[:OF]-(x:Assessment)
  WHERE (x.startedOn >= $since AND x.startedOn <= $asOf) OR (x.completedOn >= $since AND x.completedOn <= $asOf)
  OPTIONAL MATCH (x)-[:BY]->(ag:Agency)
  RETURN 'ASSESSMENT' AS kind, {id: x.id, type: x.type, startedOn: x.startedOn, completedOn: x.completedOn,
         agency: ag {.id, .name, .type}} AS data
  UNION ALL
  MATCH (p)<-[:CONCERNS]-(m:Meeting)
  WHERE m.heldOn >= $since AND m.heldOn <= $asOf
  RETURN 'MEETING' AS kind, {id: m.id, meetingKind: m.kind, heldOn: m.heldOn, decision: m.decision,
         source: m.source} AS data
  UNION ALL
  MATCH (p)<-[:FOR]-(x:Action)<-[:AGREED]-(m:Meeting)
  WHERE (x.completedOn >= $since AND x.completedOn <= $asOf)
     OR (x.dueOn >= $since - duration('P1D') AND x.dueOn < $asOf)
  OPTIONAL MATCH (x)-[:OWNED_BY]->(ag:Agency)
  RETURN 'ACTION' AS kind, {id: x.id, description: x.description, dueOn: x.dueOn, completedOn: x.completedOn,
         meetingKind: m.kind, agency: ag {.id, .name, .type}} AS data
}
RETURN p {.*} AS person, kind, data,
       COLLECT { MATCH (p)<-[:ON]-(o:Marker) RETURN DISTINCT o.type } AS everCarried
