// Rule 4, the whole area, the subjects: children who are victims of child sexual abuse or have
// harmful sexual behaviour (a marker current on asOf, or an HSB referral received in the window
// before asOf). Their siblings and household children are found as siblingsAtRisk does.
CALL () {
  MATCH (m:Marker)-[:ON]->(s:Person)
  WHERE m.type IN ['CSA_VICTIM', 'HARMFUL_SEXUAL_BEHAVIOUR']
    AND (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
  RETURN s, m.type AS why
  UNION
  MATCH (r:Referral {concern: 'HSB'})-[:ABOUT]->(s:Person)
  WHERE r.receivedAt >= $windowStart AND r.receivedAt < $windowEnd
  RETURN s, 'HARMFUL_SEXUAL_BEHAVIOUR' AS why
}
WITH s, collect(DISTINCT why) AS whys
WHERE s.dateOfBirth > $asOf - duration('P18Y')
RETURN s, whys
ORDER BY s.id
