// Waits until the restore's index is online before nodes are linked through it.
CALL db.awaitIndexes(300)
