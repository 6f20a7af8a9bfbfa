// Rules 6 and 11 for the people given (index seeks on their ids): the referrals about them received
// in the window before asOf, with the person and the agency, as risk/referrals-in-window.
UNWIND $ids AS id
MATCH (p:Person {id: id})<-[:ABOUT]-(r:Referral)
WHERE r.receivedAt >= $windowStart AND r.receivedAt < $windowEnd
OPTIONAL MATCH (r)-[:FROM]->(ag:Agency)
RETURN r, p, ag
ORDER BY r.receivedAt, r.id
