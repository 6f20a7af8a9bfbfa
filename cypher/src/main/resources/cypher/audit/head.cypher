// The head of the audit chain, locked for the rest of the transaction: writing a fresh value takes
// the node's write lock (a write of an unchanged value may be skipped and would not lock).
MERGE (h:AuditHead {id: 'head'})
  ON CREATE SET h.seq = 0, h.hash = ''
SET h.lock = randomUUID()
RETURN h.seq AS seq, h.hash AS hash
