// Ends a marker on a day, through the explorer (endedVia 'API'), keeping the end it had before (from
// an agency's own records, or none) in endedBefore so that reinstate-marker.cypher gives it back;
// ending it again through the explorer keeps that first end.
MATCH (m:Marker {id: $id})
WITH m, CASE WHEN m.endedVia = 'API' THEN m.endedBefore ELSE m.to END AS before
SET m.to = $to, m.endedVia = 'API', m.endedBefore = before
