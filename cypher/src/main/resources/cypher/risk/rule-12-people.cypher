// Rule 12 for the people given (index seeks on their ids): those who are victims of sexual abuse, with
// when the concern began and their involvements started by asOf, as risk/rule-12.
UNWIND $ids AS id
MATCH (c:Person {id: id})
CALL (c) {
  MATCH (c)<-[:ON]-(m:Marker {type: 'CSA_VICTIM'})
  WHERE (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
  RETURN m.id AS why, m.from AS since
  UNION
  MATCH (c)<-[:ABOUT]-(r:Referral {concern: 'SEXUAL_ABUSE'})
  WHERE r.receivedAt >= $windowStart AND r.receivedAt < $windowEnd
  RETURN r.id AS why,
         date(datetime({datetime: coalesce(r.incidentAt, r.receivedAt), timezone: 'Europe/London'})) AS since
}
WITH c, why, since ORDER BY c.id, why
WITH c, collect(why) AS whys, min(since) AS since
RETURN c, whys, since,
       COLLECT { MATCH (c)<-[i:INVOLVED_WITH]-(pro:Professional)-[:WORKS_FOR]->(ag:Agency)
                 WHERE i.from IS NULL OR i.from <= $asOf
                 RETURN {from: i.from, to: i.to, agencyId: ag.id, agencyName: ag.name,
                         role: coalesce(i.role, pro.role), key: i.key} } AS involvements
ORDER BY c.id
