// The snapshot kept for a meeting, if any.
MATCH (s:MeetingSnapshot {meetingId: $meetingId})
RETURN s.meetingId AS meetingId, s.takenAt AS takenAt, s.asOf AS asOf, s.format AS format, s.data AS data
