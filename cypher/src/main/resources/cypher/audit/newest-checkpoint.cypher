// The newest checkpoint at or before a place in the chain (from the unique index on its place), for
// checking that a key signed the log before it signs the head.
MATCH (c:AuditCheckpoint)
WHERE c.seq <= $until
RETURN c
ORDER BY c.seq DESC
LIMIT 1
