// The information requests addressed to an agency, optionally of one status of that agency's own
// reply, newest first.
MATCH (:Agency {id: $agency})<-[own:ADDRESSED_TO]-(r:InformationRequest)
WHERE $status IS NULL OR own.status = $status
RETURN r, COLLECT { MATCH (r)-[x:ADDRESSED_TO]->(a:Agency) RETURN x {.*, agency: a} ORDER BY a.name } AS replies
ORDER BY r.askedAt DESC, r.id
LIMIT $first
