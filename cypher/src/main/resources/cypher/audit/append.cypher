// Appends a batch of events after the head of the chain (read and locked by head.cypher in the
// same transaction) and moves the head to the last of them.
MATCH (h:AuditHead {id: 'head'})
UNWIND $events AS e
CREATE (a:AuditEvent)
SET a = e
WITH DISTINCT h
SET h.seq = $lastSeq, h.hash = $lastHash
