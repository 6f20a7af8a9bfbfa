// One page of the chain in order, for verification: the events after $after up to $until, read by
// a range seek on the unique index of the event's place.
MATCH (a:AuditEvent)
WHERE a.seq > $after AND a.seq <= $until
RETURN a
ORDER BY a.seq
LIMIT $first
