// Undoes the end of a marker (reinstateMarker): it goes on again, as before endMarker.
MATCH (m:Marker {id: $id})
REMOVE m.to
