// A steward reopens a DIFFERENT decision made by mistake (walk 71: it could never be undone, even by
// an administrator): the candidate is pending again, the decision kept on it as history, and the
// NOT_SAME_AS the decision made is removed (one a split or a link made stays: the record was moved off
// the person then). Candidates the decision closed stay closed: the reopened one stands for them.
MATCH (m:MatchCandidate {id: $id, status: 'DIFFERENT'})-[:OF_RECORD]->(r:SourceRecord)
MATCH (m)-[:MAYBE]->(p:Person)
OPTIONAL MATCH (r)-[n:NOT_SAME_AS {candidate: $id}]->(p)
DELETE n
SET m.status = 'PENDING',
    m.history = coalesce(m.history, []) + ['DIFFERENT by ' + m.decidedBy + ' at ' + toString(m.decidedAt) + ': '
        + coalesce(m.note, '') + ' (reopened by ' + $user + ' at ' + toString($now) + ': ' + $note + ')'],
    m.decidedBy = null, m.decidedAt = null, m.note = null, m.reopenedBy = $user, m.reopenedAt = $now
RETURN m.id AS id
