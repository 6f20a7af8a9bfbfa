// The head of the chain as stored (without locking it), and how many events claim a place beyond
// it (none in an intact log), for verification.
OPTIONAL MATCH (h:AuditHead {id: 'head'})
WITH h, coalesce(h.seq, 0) AS seq
RETURN h IS NOT NULL AS exists, seq, coalesce(h.hash, '') AS hash, h.signature AS signature,
       COUNT { MATCH (a:AuditEvent) WHERE a.seq > seq } AS beyond
