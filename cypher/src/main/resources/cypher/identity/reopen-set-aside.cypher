// A steward reopens a version of a record set aside by mistake (SET_ASIDE, still standing: the record
// as it was then, its person the candidate's, not superseded by another version sent): the question is
// pending again, the decision kept on it as history; a keep or a split applies the version with what it
// holds of what the engine does not compare (a date of death, case numbers).
MATCH (m:MatchCandidate {id: $id, status: 'SET_ASIDE'})-[:OF_RECORD]->(r:SourceRecord)-[:RECORD_OF]->(p:Person)
WHERE EXISTS { (m)-[:MAYBE]->(p) } AND m.wasPerson = p.id AND m.wasSig = r.sig AND m.supersededAt IS NULL
SET m.status = 'PENDING',
    m.history = coalesce(m.history, []) + ['SET_ASIDE by ' + m.decidedBy + ' at ' + toString(m.decidedAt) + ': '
        + coalesce(m.note, '') + ' (reopened by ' + $user + ' at ' + toString($now) + ': ' + $note + ')'],
    m.decidedBy = null, m.decidedAt = null, m.note = null, m.wasSig = null, m.wasPerson = null, m.reopenedBy = $user,
    m.reopenedAt = $now
RETURN m.id AS id
