// Undoes the end of a marker recorded through the explorer (reinstateMarker): it has again the end it
// had before endMarker (none, or the one its agency's records gave).
// A marker whose end meanwhile became its agency's own (a re-import) is left as it is.
MATCH (m:Marker {id: $id})
WHERE m.endedVia = 'API'
SET m.to = m.endedBefore
REMOVE m.endedVia, m.endedBefore
