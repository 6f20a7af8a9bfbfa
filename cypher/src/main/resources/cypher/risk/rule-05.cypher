// Rule 5, the whole area: children with an HSB marker current on asOf or an HSB referral received in
// the window before asOf, with whether an AIM3 assessment has started and whether youth offending is
// involved now. The Java side keeps children on asOf.
CALL () {
  MATCH (m:Marker {type: 'HARMFUL_SEXUAL_BEHAVIOUR'})-[:ON]->(c:Person)
  WHERE (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
  RETURN c, m.id AS why, m.from AS since
  UNION
  MATCH (r:Referral {concern: 'HSB'})-[:ABOUT]->(c:Person)
  WHERE r.receivedAt >= $windowStart AND r.receivedAt < $windowEnd
  RETURN c, r.id AS why,
         date(datetime({datetime: coalesce(r.incidentAt, r.receivedAt), timezone: 'Europe/London'})) AS since
}
WITH c, why, since ORDER BY c.id, why
WITH c, collect(why) AS whys, min(since) AS since
RETURN c, whys, since,
       EXISTS { MATCH (c)<-[:OF]-(a:Assessment {type: 'AIM3'}) WHERE a.startedOn <= $asOf } AS aim3,
       EXISTS { MATCH (c)<-[i:INVOLVED_WITH]-(:Professional)-[:WORKS_FOR]->(:Agency {type: 'YOUTH_OFFENDING'})
                WHERE (i.from IS NULL OR i.from <= $asOf) AND (i.to IS NULL OR i.to >= $asOf) } AS yot
ORDER BY c.id
