// The whole chain in order, for verification.
MATCH (a:AuditEvent)
RETURN a
ORDER BY a.seq
