// Imports events (one row each): creates an event the first time, then keeps its kind, times, summary and source current.
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
  ON CREATE SET e.recordedAt = coalesce(row.recordedAt, $now)
SET e.kind = row.kind, e.occurredAt = row.occurredAt, e.endedAt = row.endedAt,
    e.independent = row.independent, e.summary = row.summary, e.source = row.source,
    e.recordedAt = coalesce(row.recordedAt, e.recordedAt)
WITH e, row
CALL (e, row) {
  MATCH (e)-[old:INVOLVES]->(p) WHERE NOT p.id IN row.involves
  DELETE old
}
CALL (e, row) {
  UNWIND range(0, size(row.involves) - 1) AS k
  MATCH (p:Person {id: row.involves[k]})
  MERGE (e)-[i:INVOLVES]->(p)
    ON CREATE SET i.recordedAt = coalesce(row.recordedAt, $now)
  SET i.source = row.source, i.toRecord = row.involvesRecords[k]
}
