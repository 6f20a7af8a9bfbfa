// The meetings about a person held on or before $asOf, newest first, with whether a snapshot of what
// each saw was kept.
MATCH (:Person {id: $id})<-[:CONCERNS]-(m:Meeting)
WHERE m.heldOn <= $asOf
RETURN m {.id, .kind, .heldOn, .decision, .nextMeetingOn} AS meeting,
       EXISTS { MATCH (:MeetingSnapshot {meetingId: m.id}) } AS snapshotTaken,
       COLLECT { MATCH (m)-[:CONCERNS]->(p:Person) RETURN p.id ORDER BY p.id } AS concerns
ORDER BY m.heldOn DESC, m.id
