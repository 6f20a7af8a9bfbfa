// Gives the lease on resolving agency extracts up (identity/take-extract-lease), if $holder still holds it.
OPTIONAL MATCH (g:IdentityGeneration {id: 'identity'})
WHERE g.extractHolder = $holder
REMOVE g.extractHolder, g.extractSource, g.extractSince, g.extractBeat
RETURN g IS NOT NULL AS released
