// Break-glass grants and their reviews: unique ids; grants found by the person they name; the
// audit events of a grant found by its id.
CREATE CONSTRAINT break_glass_id IF NOT EXISTS FOR (n:BreakGlass) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT break_glass_review_id IF NOT EXISTS FOR (n:BreakGlassReview) REQUIRE n.id IS UNIQUE;
CREATE INDEX break_glass_subject IF NOT EXISTS FOR (n:BreakGlass) ON (n.subjectId);
CREATE INDEX audit_event_grant IF NOT EXISTS FOR (n:AuditEvent) ON (n.grantId);
