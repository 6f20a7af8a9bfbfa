// A restore finds the nodes it created by their id in the backup while it links relationships; the
// label and the index exist only while a restore runs (restore-finish removes both).
CREATE INDEX restore_backup_id IF NOT EXISTS FOR (n:__Restoring) ON (n.__backupId)
