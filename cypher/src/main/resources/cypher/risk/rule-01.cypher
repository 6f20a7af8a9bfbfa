// Rule 1, the whole area: people who lived at an address at the same time as a registered sex
// offender (or a MAPPA category 1 offender) did. The Java side keeps children on asOf whose overlap
// with the offender also falls within the offender's marker and starts on or before asOf.
MATCH (m:Marker)-[:ON]->(o:Person)
WHERE m.type IN ['REGISTERED_SEX_OFFENDER', 'MAPPA']
  AND (m.type = 'REGISTERED_SEX_OFFENDER' OR m.mappaCategory = 1)
  AND (m.from IS NULL OR m.from <= $asOf)
MATCH (o)-[lo:LIVES_AT]->(a:Address)<-[lc:LIVES_AT]-(c:Person)
WHERE c <> o AND (lo.from IS NULL OR lo.from <= $asOf) AND (lc.from IS NULL OR lc.from <= $asOf)
  AND c.dateOfBirth > $asOf - duration('P18Y')
RETURN c, o, a, m.id AS markerId, m.type AS markerType, m.from AS markerFrom, m.to AS markerTo,
       lo.from AS oFrom, lo.to AS oTo, lc.from AS cFrom, lc.to AS cTo, lo.key AS oKey, lc.key AS cKey
ORDER BY c.id, o.id, lc.from, lo.from, a.id, m.id
