// A steward splits an address record off the address it was wrongly joined to (review 91: a record
// giving a family's UPRN, or their first line and postcode, by mistake put the man it came with into
// the children's home). The record gets an address of its own, made from the fields it gave, is
// marked linked by REVIEW, and keeps a NOT_SAME_AS to the old address. The old address's fields are
// then taken again from the records still joined to it, each the first that gives it (the record that
// gave the address its id first, then oldest first), so that the split record's UPRN, lines or kind
// no longer stand on it (a wrong record's APPROVED_PREMISES would keep a family's home restricted).
// Second lines, towns and kinds are stored on records since 2026-12-07 (allFields): where no record
// still joined gives one, the address keeps its own unless it is the split record's. A record stored
// before then gave no second line, town or kind that can be told apart from the address's, so its new
// address takes the old one's, and the old one keeps them (review 93: the new address of an approved
// premises record stored before would otherwise be an ordinary address to every practitioner).
MATCH (r:AddressRecord {source: $source, localId: $localId})-[l:RECORD_OF]->(old:Address {id: $from})
DELETE l
CREATE (n:Address {id: $newId, source: r.source, recordedAt: $now})
SET n.uprn = r.uprn, n.line1 = r.line1, n.postcode = r.postcode,
    n.line2 = CASE WHEN r.allFields THEN r.line2 ELSE old.line2 END,
    n.town = CASE WHEN r.allFields THEN r.town ELSE old.town END,
    n.kind = CASE WHEN r.allFields THEN r.kind ELSE old.kind END
CREATE (r)-[:RECORD_OF {source: r.source, recordedAt: $now}]->(n)
CREATE (r)-[:NOT_SAME_AS {at: $now, by: $user, note: $note}]->(old)
SET r.linkedBy = 'REVIEW', r.linkedAt = $now, r.splitFrom = old.id
WITH r, old, n
CALL (r, old) {
  MATCH (o:AddressRecord)-[:RECORD_OF]->(old)
  WITH r, old, o
  ORDER BY coalesce(o.anchored, false) DESC, o.linkedAt, o.source, o.localId
  WITH r, old, collect(o) AS records
  SET old.uprn = head([o IN records WHERE o.uprn IS NOT NULL | o.uprn]),
      old.line1 = head([o IN records WHERE o.line1 IS NOT NULL | o.line1]),
      old.postcode = head([o IN records WHERE o.postcode IS NOT NULL | o.postcode]),
      old.line2 = coalesce(head([o IN records WHERE o.line2 IS NOT NULL | o.line2]),
                           CASE WHEN r.allFields AND old.line2 = r.line2 THEN null ELSE old.line2 END),
      old.town = coalesce(head([o IN records WHERE o.town IS NOT NULL | o.town]),
                          CASE WHEN r.allFields AND old.town = r.town THEN null ELSE old.town END),
      old.kind = coalesce(head([o IN records WHERE o.kind IS NOT NULL | o.kind]),
                          CASE WHEN r.allFields AND old.kind = r.kind THEN null ELSE old.kind END)
}
RETURN n.id AS id
