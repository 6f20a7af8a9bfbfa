// Drops the restore's index once every node has lost its mark.
DROP INDEX restore_backup_id IF EXISTS
