// An information request: a user asks the agencies that hold information about a person they may
// not see ($holders) for it, about a person they may see ($request.concerningId), for a reason.
CREATE (r:InformationRequest)
SET r = $request
WITH r
CALL (r) {
  UNWIND $holders AS holder
  MATCH (a:Agency {id: holder})
  CREATE (r)-[:ADDRESSED_TO]->(a)
}
RETURN r, COLLECT { MATCH (r)-[:ADDRESSED_TO]->(a:Agency) RETURN a ORDER BY a.name } AS holders
