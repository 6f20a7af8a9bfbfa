// The open request, if any, that the asking agency ($fromAgency) has already addressed to one of the
// holders ($holders) about the same hidden person ($subjectId), that holder not having replied yet:
// asking again would only add noise to the holder's work queue (and push real requests off it), so
// the agency waits for that answer.
MATCH (r:InformationRequest {subjectId: $subjectId, fromAgency: $fromAgency})-[:ADDRESSED_TO {status: 'OPEN'}]->(a:Agency)
WHERE a.id IN $holders
WITH r, a
ORDER BY a.name
WITH r, collect(a.name) AS asked
ORDER BY r.askedAt
RETURN r.id AS id, asked
LIMIT 1
