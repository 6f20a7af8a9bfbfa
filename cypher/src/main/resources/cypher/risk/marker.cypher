// One marker: its source agency, start, and the person it is on (none for an address).
MATCH (m:Marker {id: $id})-[:ON]->(x)
RETURN m.id AS id, m.source AS source, m.from AS from, m.type AS type,
       CASE WHEN x:Person THEN [x.id] ELSE [] END AS people
