// Break-glass grants for the auditor's review queue ($reviewed false: not yet reviewed, oldest
// first; true: reviewed, most recently reviewed first), or one user's grants ($user), each with its
// review and how many looks it allowed.
MATCH (g:BreakGlass)
WHERE ($user IS NULL OR (g.user = $user AND g.agency = $agency AND g.until > $now))
  AND ($reviewed IS NULL OR EXISTS { (g)-[:REVIEWED_IN]->(:BreakGlassReview) } = $reviewed)
  AND ($id IS NULL OR g.id = $id)
OPTIONAL MATCH (g)-[:REVIEWED_IN]->(r:BreakGlassReview)
WITH g, r, COUNT { MATCH (a:AuditEvent {grantId: g.id}) } AS uses
RETURN g, r AS review, uses
ORDER BY CASE WHEN r IS NULL THEN g.from END ASC, r.at DESC, g.from DESC
LIMIT $first
