// The auditor's review of a break-glass grant, once: no row when the grant is unknown or reviewed.
// A grant reviewed as not justified ends at once (its end moves to the review's time, the end it
// was given is kept as requestedUntil); a justified one runs on.
// The grant is locked before its reviews are read (hostile review 50: four reviews sent at once were
// all recorded, two JUSTIFIED and two NOT_JUSTIFIED).
MATCH (g:BreakGlass {id: $id})
SET g.lock = randomUUID()
REMOVE g.lock
WITH g
WHERE NOT EXISTS { (g)-[:REVIEWED_IN]->(:BreakGlassReview) }
CREATE (g)-[:REVIEWED_IN]->(r:BreakGlassReview)
SET r = $review
WITH g, r
CALL (g, r) {
  WITH g, r
  WHERE r.outcome = 'NOT_JUSTIFIED' AND g.until > r.at
  SET g.requestedUntil = g.until, g.until = r.at
}
RETURN g, r AS review, COUNT { MATCH (a:AuditEvent {grantId: g.id}) } AS uses
