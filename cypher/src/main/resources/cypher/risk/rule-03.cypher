// Rule 3, the whole area: a registered sex offender (marker current on asOf) who is the current
// partner of a parent of a child, or has current contact with a child. The Java side keeps children
// on asOf.
MATCH (m:Marker {type: 'REGISTERED_SEX_OFFENDER'})-[:ON]->(o:Person)
WHERE (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR m.to >= $asOf)
CALL (o) {
  MATCH (o)-[h:HAS_CONTACT_WITH]-(c:Person)
  WHERE (h.from IS NULL OR h.from <= $asOf) AND (h.to IS NULL OR h.to >= $asOf)
  RETURN c, 'CONTACT' AS how, null AS parent, h.key AS relKey, h.from AS since
  UNION
  MATCH (o)-[pt:PARTNER_OF]-(par:Person)-[:PARENT_OF]->(c:Person)
  WHERE (pt.from IS NULL OR pt.from <= $asOf) AND (pt.to IS NULL OR pt.to >= $asOf)
    AND NOT (o)-[:PARENT_OF]->(c)
  RETURN c, 'PARTNER' AS how, par AS parent, pt.key AS relKey, pt.from AS since
}
WITH o, m, c, how, parent, relKey, since
WHERE c <> o
RETURN c, o, m.id AS markerId, how, parent, relKey, since
ORDER BY c.id, o.id, m.id, how, relKey
