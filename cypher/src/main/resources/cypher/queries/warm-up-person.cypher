// A person whose network the start-up warm-up reads (StartupWarmUp), with an id of the length asked
// (the plan cache keys a string by its length's power of ten): the first by id who has a home and a
// relative, so that the network, siblings, addresses and involvement statements all run on real
// rows. Nothing read is shown to anyone.
MATCH (p:Person)
WHERE size(p.id) >= $shortest AND size(p.id) <= $longest
  AND EXISTS { (p)-[:LIVES_AT]->(:Address) } AND EXISTS { (p)-[:PARENT_OF|PARTNER_OF]-(:Person) }
RETURN p.id AS id
ORDER BY p.id
LIMIT 1
