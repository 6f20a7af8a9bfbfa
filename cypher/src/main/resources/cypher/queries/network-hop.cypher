// One hop of the network: every relationship of the frontier's people and addresses that exists
// on asOf (started on or before it), with the node at the other end, never someone born after asOf
// (a child not yet born has no relationship yet, whoever may see them), never one of $excluded (people
// the reader may not see, not yet shown on asOf: a hidden person is shown from the month after their
// birth, and must not take a place of the page before). When the cap ($limit) bites,
// family comes first, then contacts, then homes, then professionals; current links before historic
// ones; then by the other end's id, so that the same graph always gives the same network. Each hop
// starts from its frontier by an index seek (USING INDEX SEEK): with the index's sample out of date
// after a bulk write, the planner otherwise chose to scan the whole id index (review 70).
CALL () {
  UNWIND $people AS id
  MATCH (x:Person {id: id})-[r:PARENT_OF|PARTNER_OF|SIBLING_OF|LIVES_AT|HAS_CONTACT_WITH|INVOLVED_WITH]-(y)
  USING INDEX SEEK x:Person(id)
  WHERE (r.from IS NULL OR r.from <= $asOf) AND (y.dateOfBirth IS NULL OR y.dateOfBirth <= $asOf)
    AND NOT (y:Person AND y.id IN $excluded)
  RETURN x, r, y
  UNION
  UNWIND $addresses AS id
  MATCH (x:Address {id: id})<-[r:LIVES_AT]-(y:Person)
  USING INDEX SEEK x:Address(id)
  WHERE (r.from IS NULL OR r.from <= $asOf) AND (y.dateOfBirth IS NULL OR y.dateOfBirth <= $asOf)
    AND NOT y.id IN $excluded
  RETURN x, r, y
}
RETURN elementId(r) AS key, type(r) AS type, startNode(r) = x AS outgoing, properties(r) AS props,
       x.id AS xId, labels(x)[0] AS xLabel, y AS y, labels(y)[0] AS yLabel
ORDER BY CASE type
           WHEN 'PARENT_OF' THEN 0 WHEN 'PARTNER_OF' THEN 1 WHEN 'SIBLING_OF' THEN 2
           WHEN 'HAS_CONTACT_WITH' THEN 3 WHEN 'LIVES_AT' THEN 4 ELSE 5
         END,
         props.to IS NOT NULL, y.id, key
LIMIT $limit
