// Signs the head of the chain as it stands (head.cypher holds its lock in the same transaction):
// used once, for a log written before heads were signed. A log that has signed checkpoints was
// written by a version that signs its head too: an unsigned head there was stripped of its
// signature, and is left unsigned (appends refuse it).
MATCH (h:AuditHead {id: 'head'})
OPTIONAL MATCH (c:AuditCheckpoint)
WITH h, count(c) AS checkpoints
FOREACH (_ IN CASE WHEN checkpoints = 0 THEN [1] ELSE [] END | SET h.signature = $signature)
RETURN checkpoints = 0 AS signed
