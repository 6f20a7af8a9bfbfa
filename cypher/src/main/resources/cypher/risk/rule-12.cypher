// Rule 12, the whole area: victims of sexual abuse (a CSA_VICTIM marker current on asOf, or a
// sexual-abuse referral received in the window before asOf), when the concern began, and their
// involvements started by asOf (the Java side picks the CAMHS / CSAAC / ISVA ones).
CALL () {
  MATCH (m:Marker {type: 'CSA_VICTIM'})-[:ON]->(c:Person)
  WHERE (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
  RETURN c, m.id AS why, m.from AS since
  UNION
  MATCH (r:Referral {concern: 'SEXUAL_ABUSE'})-[:ABOUT]->(c:Person)
  WHERE r.receivedAt >= $windowStart AND r.receivedAt < $windowEnd
  RETURN c, r.id AS why,
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
