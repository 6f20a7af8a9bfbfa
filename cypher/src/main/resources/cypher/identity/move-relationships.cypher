// Relationships follow their records (DESIGN §9). Moves the relationships of person $from to
// person $to: all of them ($record null: the two were found to be one person), or only those whose
// end at $from came through the record $record (it was split off). Relationships cannot change
// their ends, so each is recreated with its type and properties; one between the two people
// themselves is dropped.
MATCH (old:Person {id: $from})
MATCH (new:Person {id: $to})
MATCH (old)-[r]-(other)
WHERE $record IS NULL
   OR (startNode(r) = old AND r.fromRecord = $record)
   OR (endNode(r) = old AND r.toRecord = $record)
WITH new, other, r, type(r) AS type, properties(r) AS props, startNode(r) = old AS outgoing
DELETE r
WITH new, other, type, props, outgoing
WHERE other <> new
CALL (new, other, type, props, outgoing) {
  WITH * WHERE outgoing
  CREATE (new)-[x:$(type)]->(other)
  SET x = props
}
CALL (new, other, type, props, outgoing) {
  WITH * WHERE NOT outgoing
  CREATE (other)-[x:$(type)]->(new)
  SET x = props
}
RETURN count(*) AS moved
