// One referral with the person it is about and the agency it came from.
MATCH (r:Referral {id: $id})-[:ABOUT]->(p:Person)
OPTIONAL MATCH (r)-[:FROM]->(ag:Agency)
RETURN r, p, ag
