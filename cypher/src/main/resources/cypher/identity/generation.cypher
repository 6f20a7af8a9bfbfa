// The identity generation now (identity/bump-generation): its value and the last writer to move it.
OPTIONAL MATCH (g:IdentityGeneration {id: 'identity'})
RETURN coalesce(g.value, 0) AS value, g.writer AS writer
