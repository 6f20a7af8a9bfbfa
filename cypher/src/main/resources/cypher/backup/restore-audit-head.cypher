// The audit chain's head after a restore: the last event the backup kept and its hash, the last
// signed checkpoint at or before it. The restore then signs it with the audit key
// (EXPLORER_AUDIT_KEY, or the audit.key the backup carried).
OPTIONAL MATCH (e:AuditEvent)
WITH e ORDER BY e.seq DESC LIMIT 1
OPTIONAL MATCH (c:AuditCheckpoint)
WHERE c.seq <= coalesce(e.seq, 0)
WITH e, coalesce(max(c.seq), 0) AS checkpointSeq
MERGE (h:AuditHead {id: 'head'})
SET h.seq = coalesce(e.seq, 0), h.hash = coalesce(e.hash, ''), h.checkpointSeq = checkpointSeq
REMOVE h.signature
RETURN h.seq AS seq, h.hash AS hash
