// One time-ordered list across agencies for a person: referrals, meetings, assessments, markers,
// moves (one for each address and period), partnerships, events and agreed actions, each with its
// date and source; with the types of
// every marker the person (and, for an event, anyone it involves) ever carried, for the redaction
// policy (whoever carried an offender type is an offender).
MATCH (s:Person {id: $id})
CALL (s) {
  MATCH (s)<-[:ABOUT]-(r:Referral)
  OPTIONAL MATCH (r)-[:FROM]->(ag:Agency)
  RETURN 'REFERRAL' AS kind, r.receivedAt AS at, date(r.receivedAt) AS day, r.source AS source, ag AS agency,
         {id: r.id, concern: r.concern, urgency: r.urgency, incidentAt: r.incidentAt, decidedAt: r.decidedAt,
          sourceCode: r.sourceCode, outcome: r.outcome} AS data, [r.id] AS related
  UNION ALL
  MATCH (s)<-[:CONCERNS]-(m:Meeting)
  RETURN 'MEETING' AS kind, null AS at, m.heldOn AS day, m.source AS source, null AS agency,
         {id: m.id, meetingKind: m.kind,
          attended: COLLECT { MATCH (a:Agency)-[x:ATTENDED]->(m) WHERE x.attended
                              RETURN {name: a.name, type: a.type} AS a ORDER BY a.name },
          absent: COLLECT { MATCH (a:Agency)-[x:ATTENDED]->(m) WHERE x.invited AND NOT x.attended
                            RETURN {name: a.name, type: a.type} AS a ORDER BY a.name }} AS data,
         [m.id] AS related
  UNION ALL
  MATCH (s)<-[:OF]-(a:Assessment)
  OPTIONAL MATCH (a)-[:BY]->(ag:Agency)
  RETURN 'ASSESSMENT' AS kind, null AS at, a.startedOn AS day, a.source AS source, ag AS agency,
         {id: a.id, assessmentType: a.type, completedOn: a.completedOn} AS data, [a.id] AS related
  UNION ALL
  MATCH (s)<-[:ON]-(m:Marker)
  RETURN 'MARKER' AS kind, null AS at, m.from AS day, m.source AS source, null AS agency,
         {id: m.id, markerType: m.type, to: m.to, detail: m.detail} AS data, [m.id] AS related
  UNION ALL
  // one move for each address and period, whichever agencies' records gave it (walk 71: four agencies'
  // records of one home gave four identical moves); sources: every agency that gave it, of which the
  // service shows one the reader may be told of
  MATCH (s)-[l:LIVES_AT]->(a:Address)
  WITH a, l.from AS day, l.to AS left, collect(DISTINCT l.source) AS sources
  RETURN 'MOVE' AS kind, null AS at, day, null AS source, null AS agency,
         {address: a.line1 + coalesce(', ' + a.town, ''), addressKind: a.kind, to: left, sources: sources} AS data,
         [a.id] AS related
  UNION ALL
  MATCH (s)-[pt:PARTNER_OF]-(o:Person)
  RETURN 'PARTNERSHIP' AS kind, null AS at, pt.from AS day, pt.source AS source, null AS agency,
         {partner: trim(coalesce(o.givenName, '') + ' ' + coalesce(o.familyName, '')), to: pt.to,
          status: pt.status} AS data, [o.id] AS related
  UNION ALL
  MATCH (s)<-[:INVOLVES]-(e:Event)
  RETURN 'EVENT' AS kind, e.occurredAt AS at, date(e.occurredAt) AS day, e.source AS source, null AS agency,
         {id: e.id, eventKind: e.kind, summary: e.summary, endedAt: e.endedAt, independent: e.independent,
          involvedCarried: COLLECT { MATCH (e)-[:INVOLVES]->(:Person)<-[:ON]-(o:Marker) RETURN DISTINCT o.type }} AS data,
         [e.id] AS related
  UNION ALL
  MATCH (s)<-[:FOR]-(ac:Action)<-[:AGREED]-(m:Meeting)
  OPTIONAL MATCH (ac)-[:OWNED_BY]->(ag:Agency)
  RETURN 'ACTION' AS kind, null AS at, m.heldOn AS day, ac.source AS source, ag AS agency,
         {id: ac.id, description: ac.description, dueOn: ac.dueOn, completedOn: ac.completedOn} AS data,
         [ac.id, m.id] AS related
}
WITH s, kind, at, day, source, agency, data, related
WHERE ($from IS NULL OR day >= $from) AND ($to IS NULL OR day <= $to)
RETURN kind, at, day, source, agency, data, related,
       COLLECT { MATCH (s)<-[:ON]-(o:Marker) RETURN DISTINCT o.type } AS everCarried
ORDER BY day, at, kind
