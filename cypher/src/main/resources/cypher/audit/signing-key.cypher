// The audit signing key kept in the database, for local mode on an external database without
// EXPLORER_AUDIT_KEY only: created once from $candidate, then the same for every instance.
MERGE (k:AuditSigningKey {id: 'key'})
  ON CREATE SET k.secret = $candidate
RETURN k.secret AS secret
