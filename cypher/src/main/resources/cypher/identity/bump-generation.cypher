// Moves the identity generation on, in the transaction of a write that changes person records,
// the persons they belong to or what those persons hold: an import's people, a resolution batch, a
// steward's decision, link or split. The node is locked first (the writer is set), so that the
// value read is the last committed one and two writers never both move it from the same value.
// Returns the value before and after, and who wrote (an import resolving in memory knows its own
// writes by them: Resolution). A steward's write is also counted on its own (stewardWrites): an import
// writes a record it weighed again only when no steward wrote between its read and its write. The holder of
// the turn on resolving extracts is returned too (identity/take-extract-lease): a resolution's batch is
// written only while its extract still holds it.
MERGE (g:IdentityGeneration {id: 'identity'})
  ON CREATE SET g.value = 0
SET g.writer = $writer,
    g.stewardWrites = coalesce(g.stewardWrites, 0) + CASE WHEN $writer = 'steward' THEN 1 ELSE 0 END
WITH g, coalesce(g.value, 0) AS before
SET g.value = before + 1
RETURN before, g.value AS after, g.extractHolder AS extractHolder
