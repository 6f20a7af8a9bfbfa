// The risk rules start from referrals by concern, meetings by kind, events by kind and missing
// episodes by time.
CREATE INDEX referral_concern IF NOT EXISTS FOR (n:Referral) ON (n.concern);
CREATE INDEX meeting_kind IF NOT EXISTS FOR (n:Meeting) ON (n.kind);
CREATE INDEX event_kind IF NOT EXISTS FOR (n:Event) ON (n.kind);
CREATE INDEX event_occurred_at IF NOT EXISTS FOR (n:Event) ON (n.occurredAt);
