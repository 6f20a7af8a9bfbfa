// The head of the audit chain, locked for the rest of the transaction: writing a fresh value takes
// the node's write lock (a write of an unchanged value may be skipped and would not lock). Every
// appender of every application instance takes this lock, so the chain never forks.
MERGE (h:AuditHead {id: 'head'})
  ON CREATE SET h.seq = 0, h.hash = ''
SET h.lock = randomUUID()
RETURN h.seq AS seq, h.hash AS hash, h.signature AS signature, coalesce(h.checkpointSeq, 0) AS checkpointSeq
