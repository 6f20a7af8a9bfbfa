// Each address the subject lived at (period starting on or before asOf; only the current ones
// without includeHistoric), with the markers current on the address and every other person whose
// period there overlaps the subject's (both end days included). Overlap dates are cut in Java.
// A period that several agencies' records give alike (one LIVES_AT each, after identity resolution)
// is one period, and a co-resident's too (walk 71: the whole table came four times over).
MATCH (s:Person {id: $id})-[l:LIVES_AT]->(a:Address)
WHERE (l.from IS NULL OR l.from <= $asOf)
  AND ($includeHistoric OR l.to IS NULL OR l.to >= $asOf)
WITH DISTINCT s, a, l.from AS from, l.to AS to
RETURN a, from, to,
  COLLECT { MATCH (a)<-[:ON]-(m:Marker)
            WHERE (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
            RETURN m ORDER BY m.from } AS markers,
  COLLECT { MATCH (a)<-[l2:LIVES_AT]-(o:Person)
            WHERE o <> s
              AND (from IS NULL OR l2.to IS NULL OR from <= l2.to)
              AND (l2.from IS NULL OR to IS NULL OR l2.from <= to)
            RETURN DISTINCT {person: o, from: l2.from, to: l2.to} } AS others
ORDER BY from DESC
