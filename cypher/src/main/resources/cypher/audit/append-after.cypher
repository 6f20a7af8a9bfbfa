// Appends a group of events after the head as this appender last left it, in one statement that
// commits as it runs (no read of the head first, no BEGIN or COMMIT round trip): the head's write
// lock is taken before anything is read (a fresh value written takes it, as head.cypher does), then
// the head must still be where this appender left it. If another instance (or a restore) moved it,
// nothing is written and no row comes back: the appender then reads the head and chains after it in
// a transaction of its own. A signed checkpoint ($checkpoint, null when none is due) is written with
// the events.
MATCH (h:AuditHead {id: 'head'})
SET h.lock = randomUUID()
WITH h
WHERE h.seq = $expectedSeq AND h.hash = $expectedHash
UNWIND $events AS e
CREATE (a:AuditEvent)
SET a = e
WITH DISTINCT h
SET h.seq = $lastSeq, h.hash = $lastHash, h.signature = $signature, h.checkpointSeq = $checkpointSeq
FOREACH (c IN CASE WHEN $checkpoint IS NULL THEN [] ELSE [$checkpoint] END |
  MERGE (k:AuditCheckpoint {seq: c.seq})
    ON CREATE SET k += c)
RETURN h.seq AS seq
