// The information requests addressed to an agency, optionally of one status, newest first.
MATCH (:Agency {id: $agency})<-[:ADDRESSED_TO]-(r:InformationRequest)
WHERE $status IS NULL OR r.status = $status
RETURN r, COLLECT { MATCH (r)-[:ADDRESSED_TO]->(a:Agency) RETURN a ORDER BY a.name } AS holders
ORDER BY r.askedAt DESC, r.id
LIMIT $first
