// Ends a marker on a day.
MATCH (m:Marker {id: $id})
SET m.to = $to
