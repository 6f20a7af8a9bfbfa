// Relationships follow their records (DESIGN §9). Moves the relationships of person (or, with $label
// 'Address', address) $from to $to: all of them ($record null: the two were found to be one person),
// or only those whose end at $from came through the record $record (it was split off). Relationships
// cannot change their ends, so each is recreated with its type and properties; one between the two
// themselves is dropped. Each label is looked up by its own index (a label given as a parameter would
// scan every node on Neo4j 5.26).
CALL () {
  MATCH (old:Person {id: $from})
  MATCH (new:Person {id: $to})
  WHERE $label = 'Person'
  RETURN old, new
  UNION
  MATCH (old:Address {id: $from})
  MATCH (new:Address {id: $to})
  WHERE $label = 'Address'
  RETURN old, new
}
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
