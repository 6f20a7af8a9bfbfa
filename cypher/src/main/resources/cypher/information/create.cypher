// An information request: a user asks the agencies that hold information about a person they may
// not see ($holders, in id order) for it, about a person they may see ($request.concerningId), for a
// reason. Each holder replies on its own ADDRESSED_TO relationship (status OPEN until it answers or
// declines). One open request per asking agency, hidden person and holder: the holders are locked
// first (in id order, so that two requests cannot wait on each other), then no request of the agency
// about the person may be open to any of them; no row when one is (hostile review 50: six requests
// sent at once all passed the check made before, and flooded the holder's queue).
UNWIND $holders AS holder
MATCH (h:Agency {id: holder})
SET h.lock = randomUUID()
REMOVE h.lock
WITH count(h) AS locked
WHERE locked = size($holders)
  AND NOT EXISTS {
    MATCH (:InformationRequest {subjectId: $request.subjectId, fromAgency: $request.fromAgency})
          -[open:ADDRESSED_TO {status: 'OPEN'}]->(a:Agency)
    WHERE a.id IN $holders
  }
CREATE (r:InformationRequest)
SET r = $request
WITH r
CALL (r) {
  UNWIND $holders AS holder
  MATCH (a:Agency {id: holder})
  CREATE (r)-[:ADDRESSED_TO {status: 'OPEN'}]->(a)
}
RETURN r, COLLECT { MATCH (r)-[x:ADDRESSED_TO]->(a:Agency) RETURN x {.*, agency: a} ORDER BY a.name } AS replies
