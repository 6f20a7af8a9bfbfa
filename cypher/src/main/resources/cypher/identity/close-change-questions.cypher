// A record moved off a person by a steward (a split, a link): its questions about changes the agency
// made while it was that person's (CHANGED_SINCE_LINKED) close, but the one being decided ($except):
// left pending, they would ask again about a person the record no longer belongs to (review 95: a
// DIFFERENT on one undid the split through reopening).
MATCH (r:SourceRecord {source: $source, localId: $localId})<-[:OF_RECORD]-(m {status: 'PENDING', reason: 'CHANGED_SINCE_LINKED'})-[:MAYBE]->(:Person {id: $person})
WHERE m.id <> $except
SET m.status = 'CLOSED', m.decidedAt = $now, m.decidedBy = $user,
    m.note = 'closed: a steward moved the record off this person'
