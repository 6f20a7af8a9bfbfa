// Before a steward links a record to a person: the record's person, whether the record is anchored
// (it gave its person the id) and how many records that person has; whether the target person
// exists; whether a steward ever kept the two apart (a DIFFERENT decision or a split, in either
// direction): the record declared different from the target, or a record of the target declared
// different from the record's person (when the record is its person's only one, the first is
// every record of that person); whether the record holds an NHS number other than
// one of the target's records (never the same person); whether the move would make someone their
// own parent, partner, sibling or contact, or their own ancestor: the two are related, directly or
// over PARENT_OF up to six generations, and, when the record's person keeps other records, the
// relationship at that person came through this record. A record moved off a person by a steward's
// earlier link (NOT_SAME_AS with byLink) is not kept apart from them for a steward's link: that
// undoes a wrong link, with a warning (movedOff). Also, to be told: which declaration kept the two
// apart, by whom and on what day (the first one; its note is not given, it may hold case data),
// and the record's sex, date of birth, names, PNC id and UPN beside those the target's records give
// (family names with their aliases).
MATCH (r:SourceRecord {source: $source, localId: $localId})-[:RECORD_OF]->(own:Person)
WITH r, own, COUNT { (:SourceRecord)-[:RECORD_OF]->(own) } AS n
OPTIONAL MATCH (to:Person {id: $to})
WITH r, own, n, to,
     CASE WHEN to IS NULL THEN [] ELSE [(r)-[d:NOT_SAME_AS]->(to) | d] END AS mine,
     CASE WHEN to IS NULL THEN [] ELSE [(own)<-[d:NOT_SAME_AS]-(:SourceRecord)-[:RECORD_OF]->(to) | d] END AS theirs
WITH r, own, n, to,
     reduce(first = null, d IN [d IN mine + theirs WHERE d.byLink IS NULL]
       | CASE WHEN first IS NULL OR d.at < first.at THEN d ELSE first END) AS kept,
     reduce(first = null, d IN [d IN mine WHERE d.byLink IS NOT NULL]
       | CASE WHEN first IS NULL OR d.at < first.at THEN d ELSE first END) AS moved,
     reduce(first = null, d IN [d IN theirs WHERE d.byLink IS NOT NULL]
       | CASE WHEN first IS NULL OR d.at < first.at THEN d ELSE first END) AS otherMoved
RETURN own.id AS personId,
       coalesce(r.anchored, false) AS anchored,
       n,
       to IS NOT NULL AS exists,
       kept IS NOT NULL AS declaredDifferent,
       CASE WHEN kept IS NULL THEN null
         ELSE CASE WHEN kept.candidate IS NULL THEN 'a split' ELSE 'a DIFFERENT decision' END
           + ' by ' + kept.by + ' on ' + left(toString(kept.at), 10) END AS keptApart,
       CASE WHEN moved IS NULL THEN null ELSE moved.by + ' on ' + left(toString(moved.at), 10) END AS movedOff,
       CASE WHEN otherMoved IS NULL THEN null
         ELSE otherMoved.by + ' on ' + left(toString(otherMoved.at), 10) END AS otherMovedOff,
       r.sex AS sex,
       toString(r.dateOfBirth) AS dateOfBirth,
       CASE WHEN to IS NULL THEN [] ELSE
         [(o:SourceRecord)-[:RECORD_OF]->(to) WHERE o.sex IS NOT NULL | o.sex] END AS sexes,
       CASE WHEN to IS NULL THEN [] ELSE
         [(o:SourceRecord)-[:RECORD_OF]->(to) WHERE o.dateOfBirth IS NOT NULL | toString(o.dateOfBirth)] END AS births,
       r.givenName AS givenName,
       r.familyName AS familyName,
       r.pncId AS pncId,
       r.upn AS upn,
       CASE WHEN to IS NULL THEN [] ELSE
         [(o:SourceRecord)-[:RECORD_OF]->(to) WHERE o.givenName IS NOT NULL | o.givenName] END AS givenNames,
       CASE WHEN to IS NULL THEN [] ELSE
         reduce(all = [], names IN [(o:SourceRecord)-[:RECORD_OF]->(to)
             | [x IN [o.familyName] + coalesce(o.aliases, []) WHERE x IS NOT NULL]] | all + names) END AS familyNames,
       CASE WHEN to IS NULL THEN [] ELSE
         [(o:SourceRecord)-[:RECORD_OF]->(to) WHERE o.pncId IS NOT NULL | o.pncId] END AS pncIds,
       CASE WHEN to IS NULL THEN [] ELSE
         [(o:SourceRecord)-[:RECORD_OF]->(to) WHERE o.upn IS NOT NULL | o.upn] END AS upns,
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
