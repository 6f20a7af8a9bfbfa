// Who holds the turn on resolving agency extracts now (identity/take-extract-lease), if anyone: a holder
// checks it is still the one before it writes.
OPTIONAL MATCH (g:IdentityGeneration {id: 'identity'})
RETURN g.extractHolder AS holder
