// Signs the head of the chain as it stands (head.cypher holds its lock in the same transaction):
// used once, for a log written before heads were signed.
MATCH (h:AuditHead {id: 'head'})
SET h.signature = $signature
