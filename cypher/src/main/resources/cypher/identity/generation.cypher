// The identity generation now (identity/bump-generation): its value, the last writer to move it, and how
// many of its moves were a steward's.
OPTIONAL MATCH (g:IdentityGeneration {id: 'identity'})
RETURN coalesce(g.value, 0) AS value, g.writer AS writer, coalesce(g.stewardWrites, 0) AS stewardWrites
