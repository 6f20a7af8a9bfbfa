// The lease holder's beat (identity/take-extract-lease): it is still resolving. Returns whether it still
// holds the lease.
OPTIONAL MATCH (g:IdentityGeneration {id: 'identity'})
WHERE g.extractHolder = $holder
SET g.extractBeat = datetime.realtime()
RETURN g IS NOT NULL AS holding
