// One hop of the network: every relationship of the frontier's people and addresses that exists
// on asOf (started on or before it), with the node at the other end.
CALL () {
  UNWIND $people AS id
  MATCH (x:Person {id: id})-[r:PARENT_OF|PARTNER_OF|SIBLING_OF|LIVES_AT|HAS_CONTACT_WITH|INVOLVED_WITH]-(y)
  WHERE r.from IS NULL OR r.from <= $asOf
  RETURN x, r, y
  UNION
  UNWIND $addresses AS id
  MATCH (x:Address {id: id})<-[r:LIVES_AT]-(y:Person)
  WHERE r.from IS NULL OR r.from <= $asOf
  RETURN x, r, y
}
RETURN elementId(r) AS key, type(r) AS type, startNode(r) = x AS outgoing, properties(r) AS props,
       x.id AS xId, labels(x)[0] AS xLabel, y AS y, labels(y)[0] AS yLabel
LIMIT $limit
