// A signed checkpoint of the chain: the hash of the event at $checkpoint.seq, when, and an HMAC
// over both under the audit key. Written once per place (a second one for the same event is kept
// as it was).
MERGE (c:AuditCheckpoint {seq: $checkpoint.seq})
  ON CREATE SET c += $checkpoint
