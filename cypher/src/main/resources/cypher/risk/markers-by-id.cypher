// Markers by id.
MATCH (m:Marker {id: $id})
RETURN m
