// The head of the audit chain as it is now: a backup keeps the events up to it and leaves out those
// appended while it reads, so the chain it holds ends exactly at this head.
OPTIONAL MATCH (h:AuditHead)
RETURN coalesce(max(h.seq), 0) AS seq
