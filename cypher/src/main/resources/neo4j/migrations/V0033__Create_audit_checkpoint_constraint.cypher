// Signed checkpoints of the audit chain: one per place in the chain, found by that place.
CREATE CONSTRAINT audit_checkpoint_seq IF NOT EXISTS FOR (n:AuditCheckpoint) REQUIRE n.seq IS UNIQUE;
