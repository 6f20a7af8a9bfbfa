// One marker, with the person it is on (none for an address).
MATCH (m:Marker {id: $id})-[:ON]->(x)
RETURN m, CASE WHEN x:Person THEN [x.id] ELSE [] END AS people
