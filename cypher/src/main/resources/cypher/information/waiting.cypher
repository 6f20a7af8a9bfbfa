// How many information requests addressed to an agency wait for its reply (its own reply open).
MATCH (:Agency {id: $agency})<-[:ADDRESSED_TO {status: 'OPEN'}]-(r:InformationRequest)
RETURN count(r) AS waiting
