// One information request with the agencies it is addressed to.
MATCH (r:InformationRequest {id: $id})
RETURN r, COLLECT { MATCH (r)-[:ADDRESSED_TO]->(a:Agency) RETURN a ORDER BY a.name } AS holders
