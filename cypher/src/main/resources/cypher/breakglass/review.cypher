// The auditor's review of a break-glass grant, once: no row when the grant is unknown or reviewed.
MATCH (g:BreakGlass {id: $id})
WHERE NOT EXISTS { (g)-[:REVIEWED_IN]->(:BreakGlassReview) }
CREATE (g)-[:REVIEWED_IN]->(r:BreakGlassReview)
SET r = $review
RETURN g, r AS review, COUNT { MATCH (a:AuditEvent {grantId: g.id}) } AS uses
