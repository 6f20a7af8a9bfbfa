// Moves the identity generation on, in the transaction of a write that changes person records,
// the persons they belong to or what those persons hold: an import's people, a resolution batch, a
// steward's decision, link or split. The node is locked first (the writer is set), so that the
// value read is the last committed one and two writers never both move it from the same value.
// Returns the value before and after, and who wrote (an import resolving in memory knows its own
// writes by them: Resolution).
MERGE (g:IdentityGeneration {id: 'identity'})
  ON CREATE SET g.value = 0
SET g.writer = $writer
WITH g, coalesce(g.value, 0) AS before
SET g.value = before + 1
RETURN before, g.value AS after
