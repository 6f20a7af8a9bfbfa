// Rules 6 and 11, the whole area: referrals received in the window before asOf, with the person and
// the agency.
MATCH (r:Referral)
WHERE r.receivedAt >= $windowStart AND r.receivedAt < $windowEnd
MATCH (r)-[:ABOUT]->(p:Person)
OPTIONAL MATCH (r)-[:FROM]->(ag:Agency)
RETURN r, p, ag
ORDER BY r.receivedAt, r.id
