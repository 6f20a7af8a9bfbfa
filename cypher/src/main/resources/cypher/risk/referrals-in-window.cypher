// Referrals received in the window before asOf (rules 6 and 11), with the person and the agency.
MATCH (r:Referral)
WHERE r.receivedAt >= $windowStart AND r.receivedAt < $windowEnd
MATCH (r)-[:ABOUT]->(p:Person)
WHERE $ids IS NULL OR p.id IN $ids
OPTIONAL MATCH (r)-[:FROM]->(ag:Agency)
RETURN r, p, ag
ORDER BY r.receivedAt
