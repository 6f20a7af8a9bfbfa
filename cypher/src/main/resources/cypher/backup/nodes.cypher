// Every node, generically (all labels, all properties), but the schema-migration records (a restore
// applies its own migrations), the audit chain's head (it moves while the backup reads; a restore
// rebuilds it from the last event kept) and audit records appended after the head the backup read
// first ($seq).
MATCH (n)
WHERE NOT n:__Neo4jMigration
  AND NOT n:AuditHead
  AND NOT (n.seq > $seq AND any(label IN labels(n) WHERE label STARTS WITH 'Audit'))
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props
