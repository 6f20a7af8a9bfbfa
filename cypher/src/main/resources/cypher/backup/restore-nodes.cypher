// Creates a batch of nodes of a backup with their labels and properties, marked with their id in the
// backup until the restore ends.
UNWIND $rows AS row
CREATE (n:__Restoring)
SET n = row.props, n.__backupId = row.id
SET n:$(row.labels)
