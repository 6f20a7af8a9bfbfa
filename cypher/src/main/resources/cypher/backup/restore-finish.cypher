// Takes the restore's marks off a batch of restored nodes; run until it returns 0.
MATCH (n:__Restoring)
WITH n LIMIT $batch
REMOVE n:__Restoring, n.__backupId
RETURN count(n) AS done
