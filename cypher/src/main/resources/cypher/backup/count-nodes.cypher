// How many nodes a restore wrote (the migration records are the target's own, not the backup's).
MATCH (n)
WHERE NOT n:__Neo4jMigration
RETURN count(n) AS c
