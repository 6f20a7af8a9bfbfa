// Appends a group of events after the head of the chain (read and locked by head.cypher in the
// same transaction), moves the head to the last of them and stores the head's signature and the
// place of the newest checkpoint; writes the signed checkpoint ($checkpoint, null when none is due).
MATCH (h:AuditHead {id: 'head'})
UNWIND $events AS e
CREATE (a:AuditEvent)
SET a = e
WITH DISTINCT h
SET h.seq = $lastSeq, h.hash = $lastHash, h.signature = $signature, h.checkpointSeq = $checkpointSeq
FOREACH (c IN CASE WHEN $checkpoint IS NULL THEN [] ELSE [$checkpoint] END |
  MERGE (k:AuditCheckpoint {seq: c.seq})
    ON CREATE SET k += c)
