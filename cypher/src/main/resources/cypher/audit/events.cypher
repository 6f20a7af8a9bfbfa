// Audit events for the auditor, newest first, filtered and paged by sequence number.
MATCH (a:AuditEvent)
WHERE ($after IS NULL OR a.seq < $after)
  AND ($user IS NULL OR a.user = $user)
  AND ($subjectId IS NULL OR a.subjectId = $subjectId)
  AND ($from IS NULL OR a.at >= $from)
  AND ($to IS NULL OR a.at < $to)
RETURN a
ORDER BY a.seq DESC
LIMIT $first
