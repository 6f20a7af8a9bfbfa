// Identity resolution, before a batch is written: of its records already stored whose matching fields
// are as before, the persons of those whose fields the engine does not compare ($notCompared: a date
// of death, a case number) the agency changed, for them to take their fields again from their records
// once the batch is written (a person did not show a date of death until something else refreshed it).
// A statement of its own, read before the write: within the write, reading the record's fields before
// setting them planned two more Eager operators for every batch, new records too.
UNWIND $records AS record
MATCH (r:SourceRecord {key: record.key})-[:RECORD_OF]->(p:Person)
USING INDEX SEEK r:SourceRecord(key)
WITH record, r, p
WHERE any(f IN $notCompared WHERE NOT coalesce(r[f] = record.fields[f], r[f] IS NULL AND record.fields[f] IS NULL))
RETURN DISTINCT p.id AS person
