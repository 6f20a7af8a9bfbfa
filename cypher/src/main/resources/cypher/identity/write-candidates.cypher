// Queues match candidates for a data steward: a record that might be a person it was not linked
// to, with the score, the evidence and why the engine queued it instead of deciding
// (reason, and in words with the thresholds then in force, explanation).
// Idempotent on the candidate's id.
UNWIND $candidates AS c
MATCH (r:SourceRecord {source: c.source, localId: c.localId})
MATCH (p:Person {id: c.personId})
MERGE (m:MatchCandidate {id: c.id})
  ON CREATE SET m.status = 'PENDING', m.score = c.score, m.evidence = c.evidence, m.comparedWith = c.comparedWith,
                m.reason = c.reason, m.explanation = c.explanation, m.changes = c.changes, m.sig = c.sig,
                m.newFieldNames = c.newFieldNames, m.createdAt = $now
SET m += coalesce(c.newFields, {})
MERGE (m)-[:OF_RECORD]->(r)
MERGE (m)-[:MAYBE]->(p)
