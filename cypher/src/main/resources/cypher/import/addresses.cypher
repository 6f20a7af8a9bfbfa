UNWIND $rows AS row
MERGE (n:Address {id: row.id})
  ON CREATE SET n.recordedAt = coalesce(row.recordedAt, $now)
SET n.uprn = row.uprn, n.line1 = row.line1, n.line2 = row.line2, n.town = row.town,
    n.postcode = row.postcode, n.kind = row.kind, n.source = row.source,
    n.recordedAt = coalesce(row.recordedAt, n.recordedAt)
