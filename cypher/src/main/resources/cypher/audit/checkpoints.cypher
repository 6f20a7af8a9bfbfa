// One page of checkpoints in chain order, each with the stored hash of the event it vouches for
// (null when that event is missing), from the unique index on the checkpoint's place.
MATCH (c:AuditCheckpoint)
WHERE c.seq > $after AND c.seq <= $until
OPTIONAL MATCH (a:AuditEvent {seq: c.seq})
RETURN c, a.hash AS eventHash
ORDER BY c.seq
LIMIT $first
