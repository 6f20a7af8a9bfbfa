// Appends a group of events after the head of the chain (read and locked by head.cypher in the
// same transaction), moves the head to the last of them and stores the head's signature and the
// place of the newest checkpoint.
MATCH (h:AuditHead {id: 'head'})
UNWIND $events AS e
CREATE (a:AuditEvent)
SET a = e
WITH DISTINCT h
SET h.seq = $lastSeq, h.hash = $lastHash, h.signature = $signature, h.checkpointSeq = $checkpointSeq
