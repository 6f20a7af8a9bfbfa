// A meeting's snapshot (what it saw on its day): at most one per meeting, found by the meeting's id.
CREATE CONSTRAINT meeting_snapshot_meeting_id IF NOT EXISTS FOR (n:MeetingSnapshot) REQUIRE n.meetingId IS UNIQUE;
