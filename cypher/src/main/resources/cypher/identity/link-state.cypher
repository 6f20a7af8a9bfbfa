// Before a steward links a record to a person: the record's person, whether the record is anchored
// (it gave its person the id) and how many records that person has; whether the target person
// exists; whether a steward ever kept the two apart (a DIFFERENT decision or a split, in either
// direction): the record declared different from the target, or a record of the target declared
// different from the record's person (when the record is its person's only one, the first is
// every record of that person); whether the record holds an NHS number other than
// one of the target's records (never the same person); whether the move would make someone their
// own parent, partner, sibling or contact, or their own ancestor: the two are related, directly or
// over PARENT_OF up to six generations, and, when the record's person keeps other records, the
// relationship at that person came through this record. Also, for the steward to check first and
// to be told: when and why a steward kept the two apart (the first such declaration), and the
// record's sex and date of birth beside those the target's records give.
MATCH (r:SourceRecord {source: $source, localId: $localId})-[:RECORD_OF]->(own:Person)
WITH r, own, COUNT { (:SourceRecord)-[:RECORD_OF]->(own) } AS n
OPTIONAL MATCH (to:Person {id: $to})
RETURN own.id AS personId,
       coalesce(r.anchored, false) AS anchored,
       n,
       to IS NOT NULL AS exists,
       to IS NOT NULL AND (
         EXISTS { MATCH (r)-[:NOT_SAME_AS]->(to) }
         OR EXISTS { MATCH (o:SourceRecord)-[:RECORD_OF]->(to) WHERE EXISTS { (o)-[:NOT_SAME_AS]->(own) } }
       ) AS declaredDifferent,
       CASE WHEN to IS NULL THEN null ELSE head(
         [(r)-[d:NOT_SAME_AS]->(to) | d.by + ' on ' + left(toString(d.at), 10) + coalesce(': ' + d.note, '')]
         + [(own)<-[d:NOT_SAME_AS]-(:SourceRecord)-[:RECORD_OF]->(to)
             | d.by + ' on ' + left(toString(d.at), 10) + coalesce(': ' + d.note, '')]
       ) END AS keptApart,
       r.sex AS sex,
       toString(r.dateOfBirth) AS dateOfBirth,
       CASE WHEN to IS NULL THEN [] ELSE
         [(o:SourceRecord)-[:RECORD_OF]->(to) WHERE o.sex IS NOT NULL | o.sex] END AS sexes,
       CASE WHEN to IS NULL THEN [] ELSE
         [(o:SourceRecord)-[:RECORD_OF]->(to) WHERE o.dateOfBirth IS NOT NULL | toString(o.dateOfBirth)] END AS births,
       to IS NOT NULL AND r.nhsNumber IS NOT NULL AND EXISTS {
         MATCH (o:SourceRecord)-[:RECORD_OF]->(to)
         WHERE o.nhsNumber IS NOT NULL AND o.nhsNumber <> r.nhsNumber
       } AS otherNhsNumber,
       to IS NOT NULL AND own <> to AND (
         EXISTS {
           MATCH (own)-[x:PARENT_OF|PARTNER_OF|SIBLING_OF|HAS_CONTACT_WITH]-(to)
           WHERE n = 1
              OR (startNode(x) = own AND x.fromRecord = $record)
              OR (endNode(x) = own AND x.toRecord = $record)
         }
         OR EXISTS {
           MATCH (own)-[down:PARENT_OF*2..6]->(to)
           WHERE n = 1 OR head(down).fromRecord = $record
         }
         OR EXISTS {
           MATCH (to)-[up:PARENT_OF*2..6]->(own)
           WHERE n = 1 OR last(up).toRecord = $record
         }
       ) AS related
