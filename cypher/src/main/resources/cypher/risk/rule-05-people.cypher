// Rule 5 for the people given (index seeks on their ids): those with an HSB marker current on asOf or
// an HSB referral received in the window before asOf, as risk/rule-05.
UNWIND $ids AS id
MATCH (c:Person {id: id})
CALL (c) {
  MATCH (c)<-[:ON]-(m:Marker {type: 'HARMFUL_SEXUAL_BEHAVIOUR'})
  WHERE (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
  RETURN m.id AS why, m.from AS since
  UNION
  MATCH (c)<-[:ABOUT]-(r:Referral {concern: 'HSB'})
  WHERE r.receivedAt >= $windowStart AND r.receivedAt < $windowEnd
  RETURN r.id AS why,
         date(datetime({datetime: coalesce(r.incidentAt, r.receivedAt), timezone: 'Europe/London'})) AS since
}
WITH c, why, since ORDER BY c.id, why
WITH c, collect(why) AS whys, min(since) AS since
RETURN c, whys, since,
       EXISTS { MATCH (c)<-[:OF]-(a:Assessment {type: 'AIM3'}) WHERE a.startedOn <= $asOf } AS aim3,
       EXISTS { MATCH (c)<-[i:INVOLVED_WITH]-(:Professional)-[:WORKS_FOR]->(:Agency {type: 'YOUTH_OFFENDING'})
                WHERE (i.from IS NULL OR i.from <= $asOf) AND (i.to IS NULL OR i.to >= $asOf) } AS yot
ORDER BY c.id
