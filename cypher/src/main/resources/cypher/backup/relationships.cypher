// Every relationship, generically, but those touching audit records appended after the head the
// backup read first ($seq).
MATCH (a)-[r]->(b)
WHERE NOT (a.seq > $seq AND any(label IN labels(a) WHERE label STARTS WITH 'Audit'))
  AND NOT (b.seq > $seq AND any(label IN labels(b) WHERE label STARTS WITH 'Audit'))
RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type, properties(r) AS props
