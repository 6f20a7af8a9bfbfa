// Exact identifier matches rank first, then full-text matches on names, aliases and identifiers.
CALL () {
  MATCH (p:Person) WHERE p.nhsNumber = $nhsNumber
  RETURN p, 1000.0 AS score
  UNION ALL
  MATCH (p:Person) WHERE p.pncId IN $pncIds
  RETURN p, 1000.0 AS score
  UNION ALL
  CALL db.index.fulltext.queryNodes('person_search', $lucene, {limit: $first}) YIELD node, score
  RETURN node AS p, score
}
WITH p, max(score) AS score
RETURN p
ORDER BY score DESC, p.familyName, p.givenName, p.id
LIMIT $first
