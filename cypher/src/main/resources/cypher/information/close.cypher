// Answers or declines an open information request, once, in the name of an agency it is addressed
// to: no row when it is not open any more or not addressed to that agency. The request is locked
// before its status is read (hostile review 50: two answers sent at once both passed the check, and
// the second overwrote the first).
MATCH (r:InformationRequest {id: $id})-[:ADDRESSED_TO]->(:Agency {id: $agency})
SET r.lock = randomUUID()
REMOVE r.lock
WITH r
WHERE r.status = 'OPEN'
SET r += $close
RETURN r, COLLECT { MATCH (r)-[:ADDRESSED_TO]->(a:Agency) RETURN a ORDER BY a.name } AS holders
