// Imports agencies (one row each): creates an agency the first time, then keeps its name, type and source current.
UNWIND $rows AS row
MERGE (n:Agency {id: row.id})
  ON CREATE SET n.recordedAt = coalesce(row.recordedAt, $now)
SET n.name = row.name, n.type = row.type, n.source = row.source,
    n.recordedAt = coalesce(row.recordedAt, n.recordedAt)
