// A steward's SAME decision, after the two people were merged: the candidate is decided and the
// record is linked by review, with the candidate's score and evidence.
MATCH (m:MatchCandidate {id: $id, status: 'PENDING'})-[:OF_RECORD]->(r:SourceRecord)
SET m.status = 'SAME', m.decidedAt = $now, m.decidedBy = $user, m.note = $note,
    r.linkedBy = 'REVIEW', r.score = m.score, r.evidence = m.evidence, r.linkedAt = $now
RETURN m.id AS id
