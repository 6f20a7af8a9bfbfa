// Creates a batch of relationships of a backup between the nodes restored from it.
UNWIND $rows AS row
MATCH (a:__Restoring {__backupId: row.start})
MATCH (b:__Restoring {__backupId: row.end})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
