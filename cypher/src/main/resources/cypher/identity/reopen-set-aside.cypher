// A steward reopens a version of a record set aside by mistake (SET_ASIDE, still standing: the record
// as it was then, its person the candidate's, not superseded by another version sent): the question is
// pending again, the decision kept on it as history. What the set-aside applied (a date of death, case
// numbers) stays on the record: a keep or a split applies the version with it again.
MATCH (m:MatchCandidate {id: $id, status: 'SET_ASIDE'})-[:OF_RECORD]->(r:SourceRecord)-[:RECORD_OF]->(p:Person)
WHERE EXISTS { (m)-[:MAYBE]->(p) } AND m.wasSig = r.sig AND m.supersededAt IS NULL
SET m.status = 'PENDING',
    m.history = coalesce(m.history, []) + ['SET_ASIDE by ' + m.decidedBy + ' at ' + toString(m.decidedAt) + ': '
        + coalesce(m.note, '') + ' (reopened by ' + $user + ' at ' + toString($now) + ': ' + $note + ')'],
    m.decidedBy = null, m.decidedAt = null, m.note = null, m.wasSig = null, m.reopenedBy = $user,
    m.reopenedAt = $now
RETURN m.id AS id
