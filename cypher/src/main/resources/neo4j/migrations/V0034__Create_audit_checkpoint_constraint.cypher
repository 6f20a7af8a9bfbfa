// Signed checkpoints of the audit chain: one per place in the chain, found by that place; and at
// most one signing key kept in the database (local mode on an external database only).
CREATE CONSTRAINT audit_checkpoint_seq IF NOT EXISTS FOR (n:AuditCheckpoint) REQUIRE n.seq IS UNIQUE;
CREATE CONSTRAINT audit_signing_key_id IF NOT EXISTS FOR (n:AuditSigningKey) REQUIRE n.id IS UNIQUE;
