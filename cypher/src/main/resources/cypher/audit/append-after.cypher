// Appends a group of events after the head as this appender last left it, in one statement (no
// read of the head first): the head's write lock is taken before anything is read (a fresh value
// written takes it, as head.cypher does), then the head must still be where this appender left it.
// If another instance (or a restore) moved it, nothing is written and no row comes back: the
// appender then reads the head, already locked by this transaction, and chains after it.
MATCH (h:AuditHead {id: 'head'})
SET h.lock = randomUUID()
WITH h
WHERE h.seq = $expectedSeq AND h.hash = $expectedHash
UNWIND $events AS e
CREATE (a:AuditEvent)
SET a = e
WITH DISTINCT h
SET h.seq = $lastSeq, h.hash = $lastHash, h.signature = $signature, h.checkpointSeq = $checkpointSeq
RETURN h.seq AS seq
