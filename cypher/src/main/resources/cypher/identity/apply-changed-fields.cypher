// Applies the version of a record a steward kept or split off (identity/changed-fields) to the record.
MATCH (m:MatchCandidate {id: $id})-[:OF_RECORD]->(r:SourceRecord)
SET r += $fields
