// One information request with the replies of the agencies it is addressed to.
MATCH (r:InformationRequest {id: $id})
RETURN r, COLLECT { MATCH (r)-[x:ADDRESSED_TO]->(a:Agency) RETURN x {.*, agency: a} ORDER BY a.name } AS replies
