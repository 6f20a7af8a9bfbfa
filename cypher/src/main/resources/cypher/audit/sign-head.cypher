// Signs the head of the chain as it stands (head.cypher holds its lock in the same transaction):
// only when an operator asks for it (EXPLORER_AUDIT_SIGN_UNSIGNED_HEAD, for a log written before
// heads were signed) or after a restore, which holds the key.
MATCH (h:AuditHead {id: 'head'})
SET h.signature = $signature
