// Keeps what a meeting saw, once: a new node beside the meeting with the frozen facts as JSON (the
// raw answers before anyone's need-to-know). Never updated: the constraint on meetingId refuses a
// second one, and no statement changes or removes it.
MATCH (m:Meeting {id: $meetingId})
CREATE (s:MeetingSnapshot {meetingId: $meetingId, takenAt: $takenAt, asOf: $asOf, takenBy: $takenBy,
                           takenByAgency: $takenByAgency, format: $format, data: $data})-[:OF]->(m)
RETURN s.meetingId AS meetingId
