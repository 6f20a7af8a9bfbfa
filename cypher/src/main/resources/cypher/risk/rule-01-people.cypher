// Rule 1 for the people given (index seeks on their ids): the registered sex offenders (or MAPPA
// category 1 offenders) who lived at an address at the same time as one of them did. Same rows as
// risk/rule-01 for those people. The co-residents are found first, then their markers (two small
// patterns plan at once; one long one kept the planner busy for seconds).
UNWIND $ids AS id
MATCH (c:Person {id: id})
WHERE c.dateOfBirth > $asOf - duration('P18Y')
MATCH (c)-[lc:LIVES_AT]->(a:Address)<-[lo:LIVES_AT]-(o:Person)
WHERE c <> o AND (lo.from IS NULL OR lo.from <= $asOf) AND (lc.from IS NULL OR lc.from <= $asOf)
WITH c, lc, a, lo, o
MATCH (o)<-[:ON]-(m:Marker)
WHERE m.type IN ['REGISTERED_SEX_OFFENDER', 'MAPPA']
  AND (m.type = 'REGISTERED_SEX_OFFENDER' OR m.mappaCategory = 1)
  AND (m.from IS NULL OR m.from <= $asOf)
RETURN c, o, a, m.id AS markerId, m.type AS markerType, m.from AS markerFrom, m.to AS markerTo,
       lo.from AS oFrom, lo.to AS oTo, lc.from AS cFrom, lc.to AS cTo, lo.key AS oKey, lc.key AS cKey
ORDER BY c.id, o.id, lc.from, lo.from, a.id, m.id
