// One address record by its key, as a steward compares it (its first line, postcode and UPRN: the
// matching fields; its kind, or its address's for a record stored without one, only for the caller to
// withhold a placement's or an offender's address), with the address it belongs to and the other records of that
// address, the one that gave it its id first, then oldest first; and the people living there through
// it (named to the steward, who judges the join by them: walk 72; and for the audit); for a record
// that gave the address its id (a bundle without resolve, whose LIVES_AT carry no record), those its
// source gave the address.
MATCH (r:AddressRecord {source: $source, localId: $localId})-[:RECORD_OF]->(a:Address)
CALL (a, r) {
  OPTIONAL MATCH (o:AddressRecord)-[:RECORD_OF]->(a)
  WHERE o <> r
  WITH o
  ORDER BY coalesce(o.anchored, false) DESC, o.linkedAt, o.source, o.localId
  RETURN collect(o {.source, .localId, .line1, .postcode, .uprn, anchored: coalesce(o.anchored, false),
                    kind: coalesce(o.kind, a.kind)}) AS others
}
RETURN r {.source, .localId, .line1, .postcode, .uprn, .splitFrom, anchored: coalesce(r.anchored, false),
          kind: coalesce(r.kind, a.kind)} AS record,
       a.id AS addressId, others,
       [(p:Person)-[l:LIVES_AT]->(a)
        WHERE l.toRecord = r.key OR (l.toRecord IS NULL AND r.anchored AND l.source = r.source)
        | p {.id, .givenName, .familyName}] AS residents
