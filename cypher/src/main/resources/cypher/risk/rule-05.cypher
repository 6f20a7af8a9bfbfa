// Rule 5: children with an HSB marker current on asOf or an HSB referral in the year before it, with
// whether an AIM3 assessment has started and whether youth offending is involved now.
CALL () {
  MATCH (m:Marker {type: 'HARMFUL_SEXUAL_BEHAVIOUR'})-[:ON]->(c:Person)
  WHERE (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
  RETURN c, m.id AS why, m.from AS since
  UNION
  MATCH (r:Referral {concern: 'HSB'})-[:ABOUT]->(c:Person)
  WHERE date(r.receivedAt) <= $asOf AND date(r.receivedAt) > $asOf - duration('P12M')
  RETURN c, r.id AS why, date(coalesce(r.incidentAt, r.receivedAt)) AS since
}
WITH c, collect(why) AS whys, min(since) AS since
WHERE $ids IS NULL OR c.id IN $ids
RETURN c, whys, since,
       EXISTS { MATCH (c)<-[:OF]-(a:Assessment {type: 'AIM3'}) WHERE a.startedOn <= $asOf } AS aim3,
       EXISTS { MATCH (c)<-[i:INVOLVED_WITH]-(:Professional)-[:WORKS_FOR]->(:Agency {type: 'YOUTH_OFFENDING'})
                WHERE (i.from IS NULL OR i.from <= $asOf) AND (i.to IS NULL OR i.to >= $asOf) } AS yot
