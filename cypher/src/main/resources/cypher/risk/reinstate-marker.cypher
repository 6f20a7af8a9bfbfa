// Undoes the end of a marker recorded through the explorer (reinstateMarker): it has again the end it
// had before endMarker (none, or the one its agency's records gave).
MATCH (m:Marker {id: $id})
SET m.to = m.endedBefore
REMOVE m.endedVia, m.endedBefore
