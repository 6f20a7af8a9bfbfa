// Answers or declines an open information request, once, in the name of an agency it is addressed
// to: that agency's reply (its ADDRESSED_TO relationship) only, so that one holder never closes the
// request for another, nor reads another's answer (hostile review 61). No row when that agency's
// reply is not open any more or the request is not addressed to it. The request is locked before the
// reply's status is read (hostile review 50: two answers sent at once both passed the check, and the
// second overwrote the first); its own status follows its replies: OPEN while one is open, then
// ANSWERED when a holder answered, else DECLINED.
MATCH (r:InformationRequest {id: $id})-[x:ADDRESSED_TO]->(:Agency {id: $agency})
SET r.lock = randomUUID()
REMOVE r.lock
WITH r, x
WHERE x.status = 'OPEN'
SET x += $close
WITH r
SET r.status = CASE
      WHEN EXISTS { MATCH (r)-[o:ADDRESSED_TO {status: 'OPEN'}]->(:Agency) } THEN 'OPEN'
      WHEN EXISTS { MATCH (r)-[o:ADDRESSED_TO {status: 'ANSWERED'}]->(:Agency) } THEN 'ANSWERED'
      ELSE 'DECLINED' END
RETURN r, COLLECT { MATCH (r)-[x:ADDRESSED_TO]->(a:Agency) RETURN x {.*, agency: a} ORDER BY a.name } AS replies
