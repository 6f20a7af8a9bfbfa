// Rule 4, the subjects: children who are victims of child sexual abuse or have harmful sexual
// behaviour (a marker current on asOf, or an HSB referral in the year before asOf), optionally only
// those among $candidates. Their siblings and household children are found as siblingsAtRisk does.
CALL () {
  MATCH (m:Marker)-[:ON]->(s:Person)
  WHERE m.type IN ['CSA_VICTIM', 'HARMFUL_SEXUAL_BEHAVIOUR']
    AND (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
  RETURN s, m.type AS why
  UNION
  MATCH (r:Referral {concern: 'HSB'})-[:ABOUT]->(s:Person)
  WHERE date(r.receivedAt) <= $asOf AND date(r.receivedAt) > $asOf - duration('P12M')
  RETURN s, 'HARMFUL_SEXUAL_BEHAVIOUR' AS why
}
WITH s, collect(DISTINCT why) AS whys
WHERE s.dateOfBirth > $asOf - duration('P18Y') AND ($candidates IS NULL OR s.id IN $candidates)
RETURN s, whys
