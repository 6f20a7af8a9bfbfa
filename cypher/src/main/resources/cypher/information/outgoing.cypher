// The information requests an agency made, optionally of one status, newest first.
MATCH (r:InformationRequest {fromAgency: $agency})
WHERE $status IS NULL OR r.status = $status
RETURN r, COLLECT { MATCH (r)-[x:ADDRESSED_TO]->(a:Agency) RETURN x {.*, agency: a} ORDER BY a.name } AS replies
ORDER BY r.askedAt DESC, r.id
LIMIT $first
