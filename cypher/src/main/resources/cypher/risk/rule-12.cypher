// Rule 12: victims of sexual abuse (a CSA_VICTIM marker current on asOf, or a sexual-abuse referral
// in the year before it), when the concern began, and their involvements started by asOf (the Java
// side picks the CAMHS / CSAAC / ISVA ones).
CALL () {
  MATCH (m:Marker {type: 'CSA_VICTIM'})-[:ON]->(c:Person)
  WHERE (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
  RETURN c, m.id AS why, m.from AS since
  UNION
  MATCH (r:Referral {concern: 'SEXUAL_ABUSE'})-[:ABOUT]->(c:Person)
  WHERE date(r.receivedAt) <= $asOf AND date(r.receivedAt) > $asOf - duration('P12M')
  RETURN c, r.id AS why, date(coalesce(r.incidentAt, r.receivedAt)) AS since
}
WITH c, collect(why) AS whys, min(since) AS since
WHERE $ids IS NULL OR c.id IN $ids
RETURN c, whys, since,
       COLLECT { MATCH (c)<-[i:INVOLVED_WITH]-(pro:Professional)-[:WORKS_FOR]->(ag:Agency)
                 WHERE i.from IS NULL OR i.from <= $asOf
                 RETURN {from: i.from, to: i.to, agencyId: ag.id, agencyName: ag.name,
                         role: coalesce(i.role, pro.role), key: i.key} } AS involvements
