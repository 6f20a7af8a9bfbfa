// Identity resolution: the person each of the given person records belongs to now (a record not
// yet written belongs to none). The records of the batch in flight are found in memory, but whom
// they belong to is the store's once they are there, so that a steward's split or decision made
// meanwhile counts at once.
UNWIND $keys AS key
MATCH (r:SourceRecord {key: key})-[:RECORD_OF]->(p:Person)
USING INDEX SEEK r:SourceRecord(key)
RETURN key, p.id AS person
