// The shortest paths between two people through family, household, address, contact and
// professional links that exist on asOf, through no one born after asOf; none when the shortest is
// longer than maxHops; through none of $excluded (people the reader may not see, not yet shown on asOf).
MATCH (a:Person {id: $fromId}), (b:Person {id: $toId})
MATCH p = allShortestPaths((a)-[:PARENT_OF|PARTNER_OF|SIBLING_OF|LIVES_AT|HAS_CONTACT_WITH|INVOLVED_WITH*..6]-(b))
WHERE all(r IN relationships(p) WHERE r.from IS NULL OR r.from <= $asOf)
  AND all(n IN nodes(p) WHERE (n.dateOfBirth IS NULL OR n.dateOfBirth <= $asOf)
                              AND NOT coalesce(n.id, '') IN $excluded)
  AND length(p) <= $maxHops
// in a stable order (by the nodes passed, then the relationship types), so that an answer does not
// depend on how the store happens to hold the paths (a restored store answers exactly the same)
WITH p
ORDER BY [n IN nodes(p) | labels(n)[0] + ':' + n.id], [r IN relationships(p) | type(r)]
LIMIT $limit
RETURN [n IN nodes(p) | {node: n, label: labels(n)[0]}] AS nodes,
       [r IN relationships(p) | {key: elementId(r), type: type(r), start: startNode(r).id,
                                 startLabel: labels(startNode(r))[0], end: endNode(r).id,
                                 endLabel: labels(endNode(r))[0], props: properties(r)}] AS rels
